/*
 * fuzz_json_body.c — libFuzzer harness for every JSON request body the API takes, parsed as
 * the router parses it (json_loadb, duplicates refused) and handed to each input function the
 * handlers call: the diagnosis body's "answers" (answerfile_from_json, then resolved against
 * each questionnaire) and its text fields (text_field, role_parse), the profile's "answers"
 * (profile_from_json strictly, as PUT does, and leniently, as a stored profile is read, then
 * the risk index), every organisation field (org_set_field, strings and integers as
 * api_org_create converts them) and every action-plan field (plan_set_field).
 */
#include "fuzz.h"

#include <jansson.h>

#include "core/answers.h"
#include "core/diagnosis.h"
#include "core/profile.h"
#include "input/answerfile.h"
#include "input/org_input.h"
#include "input/plan_input.h"
#include "input/profile_input.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_content();
	return 0;
}

/* A member as api_org_create reads it: a string, or an integer written in decimal; NULL else. */
static const char *member_text(json_t *v, char *num, size_t size)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(num, size, "%lld", (long long)json_integer_value(v));
		return num;
	}
	return NULL;
}

static void diagnosis_body(const content_t *c, json_t *root)
{
	static const char *const text_keys[] = { "scope", "respondent", "round", "role" };
	err_t e;
	for (size_t i = 0; i < sizeof text_keys / sizeof *text_keys; i++) {
		const char *s = json_string_value(json_object_get(root, text_keys[i]));
		char dst[SD_TEXT];
		role_t role;
		if (s && text_field(text_keys[i], s, dst, sizeof dst - 1, &e) == 0 && i == 3)
			role_parse(dst, &role);
	}
	answer_file_t f = { 0 };
	if (answerfile_from_json(json_object_get(root, "answers"), &f, &e) == 0) {
		static answers_t a;
		static answer_errs_t errs;
		static diagnosis_t d;
		const char *qid = json_string_value(json_object_get(root, "questionnaire"));
		for (int i = 0; i < c->nqs; i++) {
			const questionnaire_t *q = c->qs[i];
			if (qid && strcmp(qid, q->id) != 0)
				continue;
			if (answers_resolve(q, f.recs, f.n, false, &a, &errs) == 0) {
				diagnosis_run(&d, q, &a);
			} else {
				char msg[512];
				answer_err_format(&errs.e[0], LANG_EN, msg, sizeof msg);
			}
		}
	}
	answerfile_free(&f);
}

static void profile_body(const content_t *c, json_t *root)
{
	json_t *ans = json_object_get(root, "answers");
	char *text = json_is_object(ans) ? json_dumps(ans, JSON_COMPACT) : NULL;
	if (!text)
		return;
	profile_answers_t a;
	err_t e;
	risk_t rk;
	int items[PROFILE_MAX_ITEMS];
	for (int strict = 0; strict < 2; strict++) {
		if (profile_from_json(c->profile, text, strict, &a, &e) != 0)
			continue;
		profile_check_complete(c->profile, &a, &e);
		profile_risk(c->profile, &a, NULL, &rk);
		profile_reasons(c->profile, &rk, items, PROFILE_MAX_ITEMS);
		char back[4096];
		profile_to_json(c->profile, &a, back, sizeof back);
	}
	free(text);
}

static void org_body(const content_t *c, json_t *root)
{
	static const char *const keys[] = { "name", "industry", "employees", "capital", "prefecture", "sites", "other" };
	org_t o;
	org_init(&o);
	err_t e;
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char num[32];
		const char *text = member_text(json_object_get(root, keys[i]), num, sizeof num);
		if (text)
			org_set_field(c, &o, keys[i], text, &e);
	}
	org_check(&o, &e);
}

static void plan_body(const content_t *c, json_t *root)
{
	static const char *const keys[] = { "questionnaire", "question", "owner", "due", "status", "other" };
	plan_item_t p;
	memset(&p, 0, sizeof p);
	err_t e;
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char num[32];
		const char *text = member_text(json_object_get(root, keys[i]), num, sizeof num);
		if (text)
			plan_set_field(c, &p, keys[i], text, &e);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const content_t *c = fuzz_content();
	json_error_t je;
	json_t *root = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
	if (json_is_object(root)) {
		diagnosis_body(c, root);
		profile_body(c, root);
		org_body(c, root);
		plan_body(c, root);
	}
	json_decref(root);

	/* a stored profile is read back from its text: any bytes, NUL-terminated */
	char *s = fuzz_strndup(data, size);
	profile_answers_t a;
	err_t e;
	profile_from_json(c->profile, s, false, &a, &e);
	free(s);
	return 0;
}
