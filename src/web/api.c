/*
 * api.c — the JSON API under /api/v1 (docs/api.md) and /healthz. JSON in and out; errors as
 * {"error": {"code", "message", "field"}} with 400 (malformed JSON), 404 (unknown id), 413 (too
 * large, server.c), 415 (not application/json) or 422 (invalid values, naming the field).
 * Validation is the same as the command line's: src/input for answers and organisations.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/benchmark.h"
#include "core/utf8.h"
#include "input/org_input.h"
#include "report/records_json.h"
#include "report/result_json.h"
#include "core/profile.h"
#include "web/pages.h"

/* j is NULL when building it failed (out of memory, or text that is not UTF-8 — which the
 * edge should have refused): the client then gets a 500 in the error envelope, never a crash. */
void resp_json(resp_t *w, int status, json_t *j)
{
	w->type = "application/json; charset=utf-8";
	char *s = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) : NULL;
	if (!s) {
		fprintf(stderr, "mamoru: could not encode a JSON response (status %d)\n", status);
		buf_free(&w->body);
		w->status = 500;
		buf_puts(&w->body, "{\"error\":{\"code\":\"internal\",\"message\":\"応答を作れませんでした / "
				   "could not build the response\"}}\n");
		json_decref(j);
		return;
	}
	w->status = status;
	buf_puts(&w->body, s);
	buf_puts(&w->body, "\n");
	free(s);
	json_decref(j);
}

void resp_api_error(resp_t *w, int status, const char *code, const char *message, const char *field)
{
	buf_free(&w->body);
	json_t *e = json_pack("{s:s, s:s}", "code", code, "message", message);
	if (field)
		json_object_set_new(e, "field", json_string(field));
	resp_json(w, status, json_pack("{s:o}", "error", e));
}

void input_error(req_t *r, resp_t *w, const err_t *e)
{
	resp_api_error(w, 422, "invalid", r->lang == LANG_EN ? e->en : e->ja, e->field);
}

/* The request's JSON object, or NULL after answering 415 or 400. */
json_t *json_body(req_t *r, resp_t *w)
{
	if (!r->content_type || strncasecmp(r->content_type, "application/json", 16)) {
		resp_api_error(w, 415, "unsupported_media_type",
			       "Content-Type は application/json にしてください / Content-Type must be application/json", NULL);
		return NULL;
	}
	json_error_t je;
	json_t *j = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!json_is_object(j)) {
		char msg[512];
		snprintf(msg, sizeof msg, "JSON の書式エラー（%d行目）: %s / malformed JSON (line %d): %s", je.line,
			 j ? "not an object" : je.text, je.line, j ? "not an object" : je.text);
		json_decref(j);
		resp_api_error(w, 400, "bad_json", msg, NULL);
		return NULL;
	}
	return j;
}

bool unknown_keys(resp_t *w, json_t *j, const char *const *allowed)
{
	const char *key;
	json_t *v;
	json_object_foreach(j, key, v) {
		bool ok = false;
		for (int i = 0; allowed[i]; i++)
			ok |= !strcmp(key, allowed[i]);
		if (!ok) {
			char field[64];
			snprintf(field, sizeof field, "%.*s", utf8_prefix(key, 60), key);
			resp_api_error(w, 422, "unknown_field", "不明な項目です / unknown field", field);
			return true;
		}
	}
	return false;
}

void api_healthz(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	resp_json(w, 200, json_pack("{s:s, s:i, s:i}", "status", "ok", "questionnaires", r->content->nqs, "schema",
				    store_schema_version(r->store)));
}

void api_questionnaires(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	json_t *a = json_array();
	for (int i = 0; i < r->content->nqs; i++)
		json_array_append_new(a, questionnaire_json(r->content->qs[i], r->lang, false));
	resp_json(w, 200, json_pack("{s:o}", "questionnaires", a));
}

void api_questionnaire(req_t *r, resp_t *w, const char *const *args)
{
	const questionnaire_t *q = content_questionnaire(r->content, args[0]);
	if (!q)
		resp_api_error(w, 404, "not_found", "その診断はありません / no such questionnaire", "questionnaire");
	else
		resp_json(w, 200, questionnaire_json(q, r->lang, true));
}

void api_org_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	static const char *const keys[] = { "name", "industry", "employees", "capital", "prefecture", "sites", NULL };
	json_t *j = json_body(r, w);
	if (!j || unknown_keys(w, j, keys)) {
		json_decref(j);
		return;
	}
	org_t o;
	org_init(&o);
	err_t e;
	for (int i = 0; keys[i]; i++) {
		json_t *v = json_object_get(j, keys[i]);
		char num[32];
		const char *text = json_is_string(v) ? json_string_value(v) : NULL;
		if (json_is_integer(v))
			snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v)), text = num;
		if (v && !json_is_null(v) && !text) {
			json_decref(j);
			resp_api_error(w, 422, "invalid", "文字列か整数にしてください / must be a string or an integer", keys[i]);
			return;
		}
		if (text && org_set_field(r->content, &o, keys[i], text, &e) != 0) {
			json_decref(j);
			input_error(r, w, &e);
			return;
		}
	}
	json_decref(j);
	if (org_check(&o, &e) != 0) {
		input_error(r, w, &e);
		return;
	}
	if (store_org_add(r->store, &o) != STORE_OK) {
		resp_api_error(w, 500, "store", store_error(r->store), NULL);
		return;
	}
	snprintf(w->location, sizeof w->location, "/api/v1/organizations/%lld", (long long)o.id);
	resp_json(w, 201, org_json(r->content, &o, r->lang));
}

bool find_org(req_t *r, resp_t *w, const char *arg, org_t *o)
{
	long long id = parse_id(arg);
	if (id < 0 || store_org_get(r->store, id, o) != STORE_OK) {
		resp_api_error(w, 404, "not_found", "その組織はありません / no such organisation", "organization_id");
		return false;
	}
	return true;
}

void api_org_get(req_t *r, resp_t *w, const char *const *args)
{
	org_t o;
	if (find_org(r, w, args[0], &o))
		resp_json(w, 200, org_json(r->content, &o, r->lang));
}

void api_org_diagnoses(req_t *r, resp_t *w, const char *const *args)
{
	org_t o;
	stored_diag_t **list;
	int n;
	if (!find_org(r, w, args[0], &o))
		return;
	if (store_diag_list(r->store, o.id, &list, &n) != STORE_OK) {
		resp_api_error(w, 500, "store", store_error(r->store), NULL);
		return;
	}
	resp_json(w, 200, history_json(r->content, &o, (const stored_diag_t *const *)list, n, r->lang, false));
	stored_diag_list_free(list, n);
}

/* Optional string member as validated text; false after answering 422. */
static bool opt_text(req_t *r, resp_t *w, json_t *j, const char *key, char *dst, size_t size)
{
	json_t *v = json_object_get(j, key);
	err_t e;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_string(v)) {
		resp_api_error(w, 422, "invalid", "文字列にしてください / must be a string", key);
		return false;
	}
	if (text_field(key, json_string_value(v), dst, size - 1, &e) != 0) {
		input_error(r, w, &e);
		return false;
	}
	return true;
}

void api_diagnosis_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	static const char *const keys[] = { "questionnaire", "organization_id", "answers", "scope", "respondent",
					    "role", "round", "pool", NULL };
	json_t *j = json_body(r, w);
	if (!j || unknown_keys(w, j, keys)) {
		json_decref(j);
		return;
	}
	const questionnaire_t *q = content_questionnaire(r->content, json_string_value(json_object_get(j, "questionnaire")) ?
									     json_string_value(json_object_get(j, "questionnaire")) : "");
	stored_diag_t meta = { 0 };
	char role[16] = "";
	json_t *org = json_object_get(j, "organization_id"), *pool = json_object_get(j, "pool");
	answer_file_t f = { 0 };
	err_t ie;
	answer_errs_t errs;
	answers_t a;
	org_t o;
	if (!q) {
		resp_api_error(w, 422, "invalid", "その診断はありません / unknown questionnaire", "questionnaire");
	} else if (org && !json_is_null(org) &&
		   (!json_is_integer(org) || store_org_get(r->store, json_integer_value(org), &o) != STORE_OK)) {
		resp_api_error(w, 422, "invalid", "その組織はありません / no such organisation", "organization_id");
	} else if (pool && !json_is_boolean(pool)) {
		resp_api_error(w, 422, "invalid", "true か false にしてください / must be true or false", "pool");
	} else if (!opt_text(r, w, j, "scope", meta.scope, sizeof meta.scope) ||
		   !opt_text(r, w, j, "respondent", meta.respondent, sizeof meta.respondent) ||
		   !opt_text(r, w, j, "round", meta.round, sizeof meta.round) || !opt_text(r, w, j, "role", role, sizeof role)) {
		/* answered */
	} else if (role[0] && !role_parse(role, &meta.role)) {
		resp_api_error(w, 422, "invalid", "executive・manager・staff のどれかです / must be executive, manager or staff", "role");
	} else if (answerfile_from_json(json_object_get(j, "answers"), &f, &ie) != 0) {
		input_error(r, w, &ie);
	} else if (answers_resolve(q, f.recs, f.n, false, &a, &errs) != 0) {
		char msg[512], field[64];
		answer_err_format(&errs.e[0], r->lang, msg, sizeof msg);
		snprintf(field, sizeof field, "answers.%s", errs.e[0].question);
		resp_api_error(w, 422, "invalid_answer", msg, field);
	} else {
		meta.org_id = org && json_is_integer(org) ? json_integer_value(org) : 0;
		meta.pool = json_is_true(pool);
		if (!meta.scope[0])
			snprintf(meta.scope, sizeof meta.scope, "%s", ui(r->content, "whole_company", LANG_JA));
		diagnosis_t *d = malloc(sizeof *d);
		if (!d)
			abort();
		int desired[MAX_ITEMS];
		diagnosis_run_desired(d, q, &a, diag_attach_company(r->store, r->content, q, &meta, desired));
		if (!meta.org_id)
			org_init(&o);
		diagnosis_cases(d, r->content, o.industry, org_size_band(r->content, o.employees));
		stored_diag_t *sd = stored_diag_from(d, &meta);
		if (store_diag_save(r->store, sd) != STORE_OK) {
			resp_api_error(w, 500, "store", store_error(r->store), NULL);
		} else {
			json_t *out = result_json(d, r->lang);
			json_object_set_new(out, "id", json_integer(sd->id));
			json_object_set_new(out, "created", json_string(sd->created));
			snprintf(w->location, sizeof w->location, "/api/v1/diagnoses/%lld", (long long)sd->id);
			resp_json(w, 201, out);
		}
		stored_diag_free(sd);
		free(d);
	}
	answerfile_free(&f);
	json_decref(j);
}

void api_diagnosis_get(req_t *r, resp_t *w, const char *const *args)
{
	long long id = parse_id(args[0]);
	stored_diag_t *sd;
	if (id < 0 || store_diag_get(r->store, id, &sd) != STORE_OK) {
		resp_api_error(w, 404, "not_found", "その診断結果はありません / no such diagnosis", "id");
		return;
	}
	json_t *out = snapshot_json(sd, r->lang, true);
	const questionnaire_t *q = content_questionnaire(r->content, sd->questionnaire);
	if (q) {
		diagnosis_t *d = malloc(sizeof *d);
		if (!d)
			abort();
		answers_t a;
		org_t o;
		org_init(&o);
		if (sd->org_id)
			store_org_get(r->store, sd->org_id, &o);
		snapshot_answers(q, sd, &a);
		int desired[MAX_ITEMS];
		diagnosis_run_desired(d, q, &a, profile_desired_levels(r->content->profile, q, sd->risk_group, desired) ? desired : NULL);
		diagnosis_cases(d, r->content, o.industry, org_size_band(r->content, o.employees));
		json_object_set_new(out, "recommendations", recommendations_json(d, r->lang));
		free(d);
	}
	stored_diag_free(sd);
	resp_json(w, 200, out);
}
