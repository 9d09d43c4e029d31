/*
 * profile_input.c — see profile_input.h.
 */
#include "input/profile_input.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"

int profile_set(const profile_t *p, profile_answers_t *a, const char *item, const char *option, err_t *err)
{
	int i = profile_item_index(p, item);
	if (i < 0 || p->items[i].field != PF_ASKED) {
		char ja[200], en[200];
		snprintf(ja, sizeof ja, "プロフィールの設問「%.*s」はありません（従業員数・業種・拠点数は組織の情報から読みます）", utf8_prefix(item, 60), item);
		snprintf(en, sizeof en, "no profile item \"%.*s\" (employees, industry and sites come from the organisation)", utf8_prefix(item, 60), item);
		return input_field_error(err, "profile", ja, en);
	}
	int k = profile_option_index(&p->items[i], option);
	if (k < 0) {
		char ja[200], en[200];
		snprintf(ja, sizeof ja, "選択肢「%.*s」はありません", utf8_prefix(option, 60), option);
		snprintf(en, sizeof en, "no option \"%.*s\"", utf8_prefix(option, 60), option);
		return input_field_error(err, p->items[i].id, ja, en);
	}
	a->opt[i] = k;
	return 0;
}

int profile_from_json(const profile_t *p, const char *json, bool strict, profile_answers_t *a, err_t *err)
{
	profile_answers_init(a);
	json_error_t je;
	json_t *root = json_loads(json, 0, &je);
	if (!json_is_object(root)) {
		json_decref(root);
		return input_field_error(err, "profile", "JSON のオブジェクトではありません", "not a JSON object");
	}
	const char *key;
	json_t *v;
	int rc = 0;
	json_object_foreach(root, key, v) {
		const char *opt = json_string_value(v);
		err_t e;
		if (!opt) {
			if (strict) {
				rc = input_field_error(err, key, "選択肢のIDを文字列で指定してください", "must be an option id string");
				break;
			}
		} else if (profile_set(p, a, key, opt, strict ? err : &e) != 0 && strict) {
			rc = -1;
			break;
		}
	}
	json_decref(root);
	return rc;
}

bool profile_to_json(const profile_t *p, const profile_answers_t *a, char *out, size_t size)
{
	json_t *o = json_object();
	for (int i = 0; i < p->nitems; i++)
		if (p->items[i].field == PF_ASKED && a->opt[i] >= 0)
			json_object_set_new(o, p->items[i].id, json_string(p->items[i].opts[a->opt[i]].id));
	size_t n = json_dumpb(o, out, size, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (n == 0 || n >= size)
		return false;
	out[n] = '\0';
	return true;
}

int profile_check_complete(const profile_t *p, const profile_answers_t *a, err_t *err)
{
	for (int i = 0; i < p->nitems; i++)
		if (p->items[i].field == PF_ASKED && a->opt[i] < 0)
			return input_field_error(err, p->items[i].id, "未回答です", "not answered");
	return 0;
}
