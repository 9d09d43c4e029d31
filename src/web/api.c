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

#include "app/diagnosis.h"
#include "app/history.h"
#include "app/org.h"
#include "app/pool.h"
#include "report/benchmark_json.h"
#include "report/jsonw.h"
#include "core/utf8.h"
#include "input/answerfile.h"
#include "input/page_input.h"
#include "input/org_input.h"
#include "report/records_json.h"
#include "report/result_json.h"
#include "web/pages.h"

bool unknown_keys(req_t *r, resp_t *w, json_t *j, const char *const *allowed)
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
			resp_api_error(w, 422, "unknown_field", r->lang == LANG_EN ? "unknown field" : "不明な項目です", field);
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
	if (unknown_keys(r, w, r->json, keys))
		return;
	org_t o;
	org_init(&o);
	err_t e;
	for (int i = 0; keys[i]; i++) {
		json_t *v = json_object_get(r->json, keys[i]);
		char num[32];
		const char *text = json_is_string(v) ? json_string_value(v) : NULL;
		if (json_is_integer(v))
			snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v)), text = num;
		if (v && !json_is_null(v) && !text) {
			err_set(&e, ERR_INVALID, keys[i], "文字列か整数にしてください", "must be a string or an integer");
			resp_fail(r, w, &e);
			return;
		}
		if (text && org_set_field(r->content, &o, keys[i], text, &e) != 0) {
			resp_fail(r, w, &e);
			return;
		}
	}
	if (org_check(&o, &e) != 0 || app_org_create(&r->app, &o, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	snprintf(w->location, sizeof w->location, "/api/v1/organizations/%lld", (long long)o.id);
	resp_json(w, 201, org_json(r->content, &o, r->lang));
}

void api_org_get(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	resp_json(w, 200, org_json(r->content, &r->org, r->lang));
}

/* One page of the history, newest first: ?limit= (default HISTORY_PAGE_DEFAULT, at most
 * HISTORY_PAGE_MAX) and ?before= (the `next` of the previous page); 422 naming either when bad. */
void api_org_diagnoses(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	int limit;
	int64_t before;
	history_page_t p;
	err_t e;
	if (page_limit_parse(req_query(r, "limit"), HISTORY_PAGE_DEFAULT, HISTORY_PAGE_MAX, &limit, &e) != 0 ||
	    page_before_parse(req_query(r, "before"), &before, &e) != 0 ||
	    app_history_page(&r->app, r->org.id, before, limit, &p, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_json(w, 200, history_page_json(r->content, &r->org, &p, r->lang));
	history_page_free(&p);
}

/* Optional string member as validated text into dst; -1 with e filled. */
static int opt_text(json_t *j, const char *key, char *dst, size_t size, err_t *e)
{
	json_t *v = json_object_get(j, key);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return err_set(e, ERR_INVALID, key, "文字列にしてください", "must be a string");
	return text_field(key, json_string_value(v), dst, size - 1, e);
}

/* The request's questionnaire, company and who/where fields into q and meta; -1 with e. */
static int read_meta(req_t *r, const questionnaire_t **q, stored_diag_t *meta, err_t *e)
{
	json_t *j = r->json, *org = json_object_get(j, "organization_id"), *pool = json_object_get(j, "pool");
	const char *qid = json_string_value(json_object_get(j, "questionnaire"));
	char role[16] = "";
	if (!(*q = content_questionnaire(r->content, qid ? qid : "")))
		return err_set(e, ERR_INVALID, "questionnaire", "その診断はありません", "unknown questionnaire");
	if (org && !json_is_null(org) && (!json_is_integer(org) || json_integer_value(org) <= 0))
		return err_set(e, ERR_INVALID, "organization_id", "その組織はありません", "no such organisation");
	if (pool && !json_is_boolean(pool))
		return err_set(e, ERR_INVALID, "pool", "true か false にしてください", "must be true or false");
	if (opt_text(j, "scope", meta->scope, sizeof meta->scope, e) || opt_text(j, "respondent", meta->respondent, sizeof meta->respondent, e) ||
	    opt_text(j, "round", meta->round, sizeof meta->round, e) || opt_text(j, "role", role, sizeof role, e))
		return -1;
	if (role[0] && !role_parse(role, &meta->role))
		return err_set(e, ERR_INVALID, "role", "executive・manager・staff のどれかです", "must be executive, manager or staff");
	meta->org_id = json_is_integer(org) ? json_integer_value(org) : 0;
	meta->pool = json_is_true(pool);
	if (!meta->scope[0])
		snprintf(meta->scope, sizeof meta->scope, "%s", ui(r->content, "whole_company", LANG_JA));
	return 0;
}

/* "withdraw_earlier": true with a save without "pool": the company's earlier pooled diagnosis
 * of the questionnaire leaves the pool in the same transaction. */
static int withdraw_earlier(req_t *r, diag_opts_t *opts, err_t *e)
{
	json_t *v = json_object_get(r->json, "withdraw_earlier");
	if (v && !json_is_boolean(v))
		return err_set(e, ERR_INVALID, "withdraw_earlier", "true か false にしてください", "must be true or false");
	if (json_is_true(v) && json_is_true(json_object_get(r->json, "pool")))
		return err_set(e, ERR_INVALID, "withdraw_earlier", "pool が true のときは使えません（前回の分は入れ替わります）",
			       "not with \"pool\": true (the earlier one is replaced anyway)");
	opts->withdraw_earlier = json_is_true(v);
	return 0;
}

/* Whether the client asked for no representation (RFC 7240 "Prefer: return=minimal", among
 * other preferences separated by commas or semicolons, any case). */
static bool wants_minimal(const char *prefer)
{
	for (const char *p = prefer; p && *p;) {
		p += strspn(p, " \t,;");
		size_t n = strcspn(p, " \t,;");
		if (n == strlen("return=minimal") && !strncasecmp(p, "return=minimal", n))
			return true;
		p += n;
	}
	return false;
}

void api_diagnosis_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	static const char *const keys[] = { "questionnaire", "organization_id", "answers", "scope", "respondent",
					    "role", "round", "pool", "withdraw_earlier", NULL };
	if (unknown_keys(r, w, r->json, keys))
		return;
	const questionnaire_t *q;
	stored_diag_t meta = { 0 };
	answer_file_t f = { 0 };
	err_t e;
	answer_errs_t errs;
	answers_t a;
	result_view_t v;
	diag_opts_t opts = { 0 };
	if (read_meta(r, &q, &meta, &e) != 0 || answerfile_from_json(json_object_get(r->json, "answers"), &f, &e) != 0) {
		resp_fail(r, w, &e);
	} else if (answers_resolve(q, f.recs, f.n, false, &a, &errs) != 0) {
		char msg[512], field[64];
		answer_err_format(&errs.e[0], r->lang, msg, sizeof msg);
		snprintf(field, sizeof field, "answers.%.*s", utf8_prefix(errs.e[0].question, 40), errs.e[0].question);
		resp_api_error(w, 422, "invalid_answer", msg, field);
	} else if (withdraw_earlier(r, &opts, &e) != 0 || app_diag_run_opts(&r->app, q, &a, &meta, true, &opts, &v, &e) != 0) {
		resp_fail(r, w, &e);
	} else if (wants_minimal(r->prefer)) {
		/* the 38 KB result is for a client that shows it; one that only saves gets the id */
		snprintf(w->location, sizeof w->location, "/api/v1/diagnoses/%lld", (long long)v.sd->id);
		w->minimal = true;
		resp_json(w, 201, json_pack("{s:I}", "id", (json_int_t)v.sd->id));
		result_view_free(&v);
	} else {
		/* the result as JSON text (report/jsonw.h), then the save's own members */
		buf_t *b = &w->body;
		buf_puts(b, "{");
		result_json_members(b, v.d, r->lang);
		buf_puts(b, ",\"id\":");
		jw_int(b, v.sd->id);
		buf_puts(b, ",\"created\":");
		jw_str(b, v.sd->created);
		json_t *pool = json_pack("{s:o}", "pool", pool_note_json(r->content, &v, r->lang)); /* joined, or why not */
		bool ok = jw_members(b, pool, true);
		json_decref(pool);
		buf_puts(b, "}");
		snprintf(w->location, sizeof w->location, "/api/v1/diagnoses/%lld", (long long)v.sd->id);
		resp_json_written(w, 201, ok);
		result_view_free(&v);
	}
	answerfile_free(&f);
}

void api_diagnosis_get(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	result_view_t v;
	err_t e;
	if (app_diag_view(&r->app, r->id, &v, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	/* the stored snapshot, then the guidance drawn from it, as JSON text (report/jsonw.h) */
	buf_t *b = &w->body;
	buf_puts(b, "{");
	snapshot_json_members(b, v.sd, r->lang, true);
	if (v.d) {
		buf_puts(b, ",\"recommendations\":");
		recommendations_json(b, v.d, r->lang);
		buf_puts(b, ",\"actions\":");
		actions_json(b, v.d, r->lang);
	}
	buf_puts(b, "}");
	resp_json_written(w, 200, true);
	result_view_free(&v);
}

/* Deleting and leaving: 200 with what was removed (the same rules as the pages, page_delete.c). */
void api_org_delete(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	err_t e;
	if (app_org_delete(&r->app, r->org.id, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 200, json_pack("{s:I, s:b}", "id", (json_int_t)r->org.id, "deleted", 1));
}

void api_diagnosis_delete(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	err_t e;
	if (app_diag_delete(&r->app, r->id, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 200, json_pack("{s:I, s:b}", "id", (json_int_t)r->id, "deleted", 1));
}

void api_pool_withdraw(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	int n;
	err_t e;
	if (app_pool_withdraw(&r->app, r->org.id, &n, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 200, json_pack("{s:I, s:i}", "organization_id", (json_int_t)r->org.id, "questionnaires_withdrawn", n));
}
