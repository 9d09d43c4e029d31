/*
 * incident_input.c — see incident_input.h.
 */
#include "input/incident_input.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/plan.h"
#include "core/utf8.h"
#include "core/xalloc.h"

static int bad_choice(err_t *err, const char *field, const char *value)
{
	return err_set(err, ERR_INVALID, field, "%s: 「%.*s」は選べる値ではありません", "%s: \"%.*s\" is not one of the choices", field,
		       utf8_prefix(value, 40), value);
}

int inc_type_field(const incident_content_t *c, const char *value, int *type, err_t *err)
{
	int t = inc_type_parse(value);
	for (int k = 0; t < 0 && c && k < INC_TYPES; k++)
		if ((c->type_name[k].ja && !strcmp(value, c->type_name[k].ja)) || (c->type_name[k].en && !strcasecmp(value, c->type_name[k].en)))
			t = k;
	if (t < 0)
		return err_set(err, ERR_INVALID, "type", "type: 種類は leak（漏えい・流出）, tamper（改ざん・消失・破壊・サービス停止）, malware（ウイルス感染）, other（その他）のどれかです",
			       "type: the type must be leak, tamper, malware or other");
	*type = t;
	return 0;
}

int inc_level_field(const char *value, int *level, err_t *err)
{
	if (strlen(value) != 1 || value[0] < '0' || value[0] >= '0' + INC_LEVELS)
		return err_set(err, ERR_INVALID, "level", "level: 被害レベルは 0 から 3 です（「%.*s」）", "level: the damage level must be 0 to 3 (\"%.*s\")",
			       utf8_prefix(value, 20), value);
	*level = value[0] - '0';
	return 0;
}

/* Appends id to a comma-separated list of size INC_IDS unless it is there; false when full. */
static bool list_add(char *list, const char *id, size_t len)
{
	char one[64];
	if (len >= sizeof one)
		return false;
	memcpy(one, id, len);
	one[len] = '\0';
	if (inc_list_has(list, one))
		return true;
	size_t have = strlen(list);
	if (have + 1 + len >= INC_IDS)
		return false;
	snprintf(list + have, INC_IDS - have, "%s%s", have ? "," : "", one);
	return true;
}

int inc_scope_field(const incident_content_t *c, const char *value, char scopes[INC_IDS], err_t *err)
{
	for (const char *p = value; *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		int found = -1;
		for (int i = 0; i < c->nscopes && found < 0; i++)
			if (c->scopes[i].id && strlen(c->scopes[i].id) == len && !strncmp(c->scopes[i].id, p, len))
				found = i;
		if (len && found < 0) {
			char ids[256] = "";
			for (int i = 0; i < c->nscopes; i++)
				snprintf(ids + strlen(ids), sizeof ids - strlen(ids), "%s%s", i ? ", " : "", c->scopes[i].id);
			return err_set(err, ERR_INVALID, "impact", "impact: 「%.*s」は影響範囲の選択肢にありません（%s）",
				       "impact: \"%.*s\" is not one of the scopes of impact (%s)", (int)(len > 40 ? 40 : len), p, ids);
		}
		if (len && !list_add(scopes, p, len))
			return err_set(err, ERR_INVALID, "impact", "impact: 多すぎます", "impact: too many");
		p = end ? end + 1 : p + len;
	}
	return 0;
}

/* Checks value as free text; *chars = its length in characters. */
static int check_text(const char *field, const char *value, bool multiline, size_t *chars, err_t *err)
{
	size_t n = strlen(value);
	if (!utf8_valid(value, n, NULL))
		return err_set(err, ERR_INVALID, field, "%s: UTF-8 でない文字が含まれています", "%s: contains invalid UTF-8", field);
	*chars = 0;
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		if ((*p & 0xc0) != 0x80)
			(*chars)++;
		bool allowed = multiline && (*p == '\n' || *p == '\t' || *p == '\r');
		if ((*p < 0x20 && !allowed) || *p == 0x7f)
			return multiline ? err_set(err, ERR_INVALID, field, "%s: 制御文字は使えません（改行とタブは使えます）",
						   "%s: must not contain control characters (line breaks and tabs are fine)", field)
					 : err_set(err, ERR_INVALID, field, "%s: 改行や制御文字は使えません",
						   "%s: must not contain line breaks or control characters", field);
	}
	return 0;
}

static int too_long(err_t *err, const char *field, size_t chars, size_t max)
{
	return err_set(err, ERR_INVALID, field, "%s: 長すぎます（%zu 文字、上限 %zu 文字）。切り詰めずにお返しします: 短くするか分けて記録してください",
		       "%s: too long (%zu characters, at most %zu); nothing was cut: shorten it or record it in parts", field, chars, max);
}

int inc_text_field(const char *field, const char *value, size_t max_chars, bool multiline, char **dst, err_t *err)
{
	size_t chars;
	if (check_text(field, value, multiline, &chars, err) != 0)
		return -1;
	if (chars > max_chars)
		return too_long(err, field, chars, max_chars);
	char *out = xmalloc(strlen(value) + 1);
	size_t k = 0;
	for (const char *p = value; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;
		out[k++] = *p == '\r' ? '\n' : *p;
	}
	out[k] = '\0';
	free(*dst);
	*dst = out;
	return 0;
}

int inc_line_field(const char *field, const char *value, size_t max_chars, char *dst, size_t size, err_t *err)
{
	size_t chars;
	if (check_text(field, value, false, &chars, err) != 0)
		return -1;
	if (chars > max_chars || strlen(value) >= size)
		return too_long(err, field, chars, max_chars);
	memcpy(dst, value, strlen(value) + 1);
	return 0;
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

int inc_time_field(const char *field, const char *value, char out[INC_TIME], err_t *err)
{
	if (!*value) {
		out[0] = '\0';
		return 0;
	}
	size_t n = strlen(value);
	char date[11];
	bool ok = (n == 16 || (n == 19 && value[16] == ':' && digits(value + 17, 2))) && (value[10] == ' ' || value[10] == 'T') &&
		  value[13] == ':' && digits(value + 11, 2) && digits(value + 14, 2);
	if (ok) {
		memcpy(date, value, 10);
		date[10] = '\0';
		int hh = (value[11] - '0') * 10 + value[12] - '0', mm = (value[14] - '0') * 10 + value[15] - '0';
		ok = plan_date_valid(date) && hh < 24 && mm < 60;
	}
	if (!ok)
		return err_set(err, ERR_INVALID, field, "%s: 日時は「2026-11-30 09:15」の形で書いてください（「%.*s」）",
			       "%s: write the time as \"2026-11-30 09:15\" (\"%.*s\")", field, utf8_prefix(value, 40), value);
	snprintf(out, INC_TIME, "%.10s %.5s", value, value + 11);
	return 0;
}

int inc_asset_field(const char *value, char assets[INC_IDS], err_t *err)
{
	for (const char *p = value; *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && *p == ' ')
			p++, len--;
		while (len && p[len - 1] == ' ')
			len--;
		bool ok = len > 0 && len < 19 && digits(p, (int)len) && *p != '0';
		if (len && !ok)
			return err_set(err, ERR_INVALID, "asset", "asset: 資産は台帳の ID（数）で指定してください（「%.*s」）",
				       "asset: give assets by their ledger id (a number) (\"%.*s\")", (int)(len > 30 ? 30 : len), p);
		int count = 0;
		for (const char *q = assets; *q; q++)
			count += *q == ',';
		if (len && (count + 1 >= INC_ASSETS_MAX || !list_add(assets, p, len)))
			return err_set(err, ERR_INVALID, "asset", "asset: 資産は %d 件までです", "asset: at most %d assets", INC_ASSETS_MAX);
		if (!end)
			break;
		p = end + 1;
	}
	return 0;
}

int inc_intake_field(const incident_content_t *c, const char *item, const char *value, char **intake, err_t *err)
{
	bool known = false;
	for (int i = 0; i < c->nintake; i++)
		known |= c->intake[i].id && !strcmp(c->intake[i].id, item);
	if (!known)
		return bad_choice(err, "intake", item);
	char field[64];
	snprintf(field, sizeof field, "intake.%s", item);
	char *text = NULL;
	if (inc_text_field(field, value, INC_NOTE_CHARS, true, &text, err) != 0)
		return -1;
	json_t *obj = *intake && **intake ? json_loads(*intake, 0, NULL) : NULL;
	if (!json_is_object(obj)) {
		json_decref(obj);
		obj = json_object();
	}
	if (*text)
		json_object_set_new(obj, item, json_string(text));
	else
		json_object_del(obj, item);
	free(text);
	char *s = json_object_size(obj) ? json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(obj);
	inc_set_text(intake, s ? s : "");
	free(s);
	return 0;
}

int inc_measures_field(const char *value, char **dst, err_t *err)
{
	char *text = NULL;
	if (inc_text_field("measures", value, INC_MEASURES_MAX * (INC_TITLE_CHARS + 1), true, &text, err) != 0)
		return -1;
	char *out = xmalloc(strlen(text) + 1);
	size_t k = 0;
	int lines = 0;
	for (char *p = text; *p;) {
		char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && (*p == ' ' || *p == '\t'))
			p++, len--;
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len >= 3 && !strncmp(p, "\xe3\x80\x80", 3)) /* an ideographic space at the start */
			p += 3, len -= 3;
		if (len) {
			size_t chars = 0;
			for (size_t i = 0; i < len; i++)
				chars += ((unsigned char)p[i] & 0xc0) != 0x80;
			if (++lines > INC_MEASURES_MAX || chars > INC_TITLE_CHARS) {
				free(out);
				free(text);
				return lines > INC_MEASURES_MAX
					       ? err_set(err, ERR_INVALID, "measures", "measures: 対策は %d 行までです（1行に1つ）",
							 "measures: at most %d measures (one a line)", INC_MEASURES_MAX)
					       : err_set(err, ERR_INVALID, "measures", "measures: %d 行目が長すぎます（%zu 文字、上限 %d 文字）。切り詰めていません",
							 "measures: line %d is too long (%zu characters, at most %d); nothing was cut", lines, chars,
							 INC_TITLE_CHARS);
			}
			if (k)
				out[k++] = '\n';
			memcpy(out + k, p, len);
			k += len;
		}
		p = end ? end + 1 : p + strlen(p);
	}
	out[k] = '\0';
	free(text);
	free(*dst);
	*dst = out;
	return 0;
}

int inc_person_field(const incident_content_t *c, inc_manual_t *m, const char *role, const char *field, const char *value,
		     err_t *err)
{
	if (inc_role_index(c, role) < 0)
		return bad_choice(err, "role", role);
	inc_person_t *p = (inc_person_t *)inc_manual_person(m, role);
	if (!p) {
		if (m->npeople >= INC_ROLES_MAX)
			return bad_choice(err, "role", role);
		p = &m->people[m->npeople++];
		memset(p, 0, sizeof *p);
		snprintf(p->role, sizeof p->role, "%s", role);
	}
	char name[80];
	snprintf(name, sizeof name, "%s.%s", role, field);
	if (!strcmp(field, "name"))
		return inc_line_field(name, value, 60, p->name, sizeof p->name, err);
	if (!strcmp(field, "phone")) {
		for (const char *q = value; *q; q++)
			if (!strchr("0123456789+-()*# .", *q))
				return err_set(err, ERR_INVALID, name, "%s: 電話番号に使えるのは数字と + - ( ) * # . と空白です",
					       "%s: a telephone number may hold digits, + - ( ) * # . and spaces", name);
		return inc_line_field(name, value, 40, p->phone, sizeof p->phone, err);
	}
	if (!strcmp(field, "mail")) {
		if (*value && (!strchr(value, '@') || strchr(value, ' ')))
			return err_set(err, ERR_INVALID, name, "%s: メールアドレスの形ではありません", "%s: not an e-mail address", name);
		return inc_line_field(name, value, 254, p->mail, sizeof p->mail, err);
	}
	return bad_choice(err, "field", field);
}

int inc_date_field(const char *field, const char *value, char out[11], err_t *err)
{
	if (*value && !plan_date_valid(value))
		return err_set(err, ERR_INVALID, field, "%s: 日付は YYYY-MM-DD の形で書いてください（「%.*s」）",
			       "%s: write the date as YYYY-MM-DD (\"%.*s\")", field, utf8_prefix(value, 30), value);
	snprintf(out, 11, "%s", value);
	return 0;
}
