/*
 * api_contractor.c — contractors and cloud services in JSON, under /api/v1/organizations/{id}
 * (docs/api.md, docs/contractors.md):
 *   GET|POST       …/contractors                      the register / add one
 *   GET|PUT|DELETE …/contractors/{cid}                 one, with its requests and answers
 *   POST           …/contractors/{cid}/requests        {"items": "1.1,5.1-3" or [...], "days": 14}:
 *                                                       a respondent link for those items
 *   POST           …/contractors/{cid}/requests/{rid}/review   {"note": "…"}
 *   GET            …/contractors/{cid}/clause?date=&report_by=&years=&first_article=&clauses=&related=
 *   GET|POST       …/cloud                             the cloud services / add one
 *   GET|PUT|DELETE …/cloud/{sid}
 *   POST           …/cloud/{sid}/check                 {"answers": {"1": "yes", …}, "respondent": "…"}
 * Bodies are checked by the same input functions as the command line and the forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/contractor.h"
#include "core/answers.h"
#include "input/answerfile.h"
#include "input/contractor_input.h"
#include "input/org_input.h"
#include "report/contractor_json.h"
#include "web/pages.h"

static bool not_found(req_t *r, resp_t *w)
{
	err_t e;
	err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id");
	resp_fail(r, w, &e);
	return false;
}

/* The body's string fields through set(); false after answering. */
static bool body(req_t *r, resp_t *w, const char *const *allowed, int (*set)(void *, const char *, const char *, err_t *), void *rec)
{
	if (unknown_keys(r, w, r->json, allowed))
		return false;
	err_t e;
	for (int i = 0; allowed[i]; i++) {
		json_t *v = json_object_get(r->json, allowed[i]);
		if (!v)
			continue;
		if (!json_is_string(v) && !json_is_null(v)) {
			err_set(&e, ERR_INVALID, allowed[i], "%s: 文字列にしてください", "%s: must be a string", allowed[i]);
			resp_fail(r, w, &e);
			return false;
		}
		if (set(rec, allowed[i], json_is_string(v) ? json_string_value(v) : "", &e) != 0) {
			resp_fail(r, w, &e);
			return false;
		}
	}
	return true;
}

static int set_ct(void *rec, const char *f, const char *v, err_t *e) { return ct_set_field(rec, f, v, e); }
static int set_cs(void *rec, const char *f, const char *v, err_t *e) { return cloud_set_field(rec, f, v, e); }
static const char *const CT_KEYS[] = { "name", "contact", "handles", "contract_start", "contract_end", "review_due", "note", NULL };
static const char *const CS_KEYS[] = { "name", "provider", "purpose", "review_due", NULL };

static json_t *ct_full(req_t *r, const contractor_t *c)
{
	char today[11];
	app_ct_today(&r->app, today);
	json_t *j = contractor_json(c, today), *reqs = json_array();
	ct_request_t *qs;
	int n;
	err_t e;
	if (app_ctreq_list(&r->app, c->id, &qs, &n, &e) == 0) {
		for (int i = 0; i < n; i++) {
			stored_diag_t *sd = NULL;
			app_ctreq_answers(&r->app, &qs[i], &sd, &e);
			json_array_append_new(reqs, ctreq_json(r->content, &qs[i], sd, app_now(&r->app), r->lang));
			if (sd)
				stored_diag_free(sd);
		}
		free(qs);
	}
	json_object_set_new(j, "requests", reqs);
	return j;
}

static bool contractor_of(req_t *r, resp_t *w, const char *arg, contractor_t *c)
{
	err_t e;
	long long id = parse_id(arg);
	if (id < 0)
		return not_found(r, w);
	if (app_contractor_get(&r->app, r->org.id, id, c, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

void api_contractors(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	contractor_t *cs;
	int n;
	err_t e;
	char today[11];
	app_ct_today(&r->app, today);
	if (app_contractor_list(&r->app, r->org.id, &cs, &n, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	json_t *arr = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(arr, contractor_json(&cs[i], today));
	free(cs);
	resp_json(w, 200, json_pack("{s:I, s:o}", "organization_id", (json_int_t)r->org.id, "contractors", arr));
}

void api_contractor_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	contractor_t *c = calloc(1, sizeof *c);
	err_t e;
	c->org_id = r->org.id;
	if (body(r, w, CT_KEYS, set_ct, c)) {
		if (ct_check(c, &e) != 0 || app_contractor_add(&r->app, c, &e) != 0)
			resp_fail(r, w, &e);
		else
			resp_json(w, 201, ct_full(r, c));
	}
	free(c);
}

void api_contractor_get(req_t *r, resp_t *w, const char *const *args)
{
	contractor_t *c = malloc(sizeof *c);
	if (contractor_of(r, w, args[1], c))
		resp_json(w, 200, ct_full(r, c));
	free(c);
}

void api_contractor_put(req_t *r, resp_t *w, const char *const *args)
{
	contractor_t *c = malloc(sizeof *c);
	err_t e;
	if (contractor_of(r, w, args[1], c) && body(r, w, CT_KEYS, set_ct, c)) {
		if (ct_check(c, &e) != 0 || app_contractor_update(&r->app, c, &e) != 0)
			resp_fail(r, w, &e);
		else
			resp_json(w, 200, ct_full(r, c));
	}
	free(c);
}

void api_contractor_delete(req_t *r, resp_t *w, const char *const *args)
{
	contractor_t *c = malloc(sizeof *c);
	err_t e;
	if (contractor_of(r, w, args[1], c)) {
		if (app_contractor_delete(&r->app, c->id, &e) != 0)
			resp_fail(r, w, &e);
		else
			resp_json(w, 200, json_pack("{s:I, s:b}", "id", (json_int_t)c->id, "deleted", 1));
	}
	free(c);
}

void api_contractor_send(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const KEYS[] = { "items", "days", NULL };
	contractor_t *c = malloc(sizeof *c);
	buf_t sel = { 0 };
	err_t e;
	if (!contractor_of(r, w, args[1], c) || unknown_keys(r, w, r->json, KEYS))
		goto done;
	json_t *items = json_object_get(r->json, "items"), *days = json_object_get(r->json, "days"), *v;
	size_t i;
	if (json_is_string(items))
		buf_puts(&sel, json_string_value(items));
	else if (json_is_array(items))
		json_array_foreach(items, i, v)
		{
			if (json_is_string(v))
				buf_printf(&sel, "%s,", json_string_value(v));
		}
	if (days && (!json_is_integer(days) || json_integer_value(days) < 1 || json_integer_value(days) > LINK_MAX_DAYS)) {
		err_set(&e, ERR_INVALID, "days", "有効期間は 1〜%d 日です", "a link lasts 1 to %d days", LINK_MAX_DAYS);
		resp_fail(r, w, &e);
		goto done;
	}
	ct_request_t q;
	char token[LINK_TOKEN_LEN + 1];
	if (app_ctreq_send(&r->app, c->id, sel.data ? sel.data : "", days ? (int)json_integer_value(days) : 14, &q, token, &e) != 0) {
		resp_fail(r, w, &e);
		goto done;
	}
	char link[LINK_TOKEN_LEN + 8];
	snprintf(link, sizeof link, "/r/%s", token);
	json_t *j = ctreq_json(r->content, &q, NULL, app_now(&r->app), r->lang);
	json_object_set_new(j, "link", json_string(link));
	resp_json(w, 201, j);
done:
	buf_free(&sel);
	free(c);
}

void api_contractor_review(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const KEYS[] = { "note", NULL };
	contractor_t *c = malloc(sizeof *c);
	char *note = calloc(1, CT_NOTE);
	err_t e;
	ct_request_t q;
	long long id = parse_id(args[2]);
	json_t *n = NULL;
	if (!contractor_of(r, w, args[1], c) || unknown_keys(r, w, r->json, KEYS))
		goto done;
	n = json_object_get(r->json, "note");
	if (n && !json_is_string(n)) {
		err_set(&e, ERR_INVALID, "note", "note: 文字列にしてください", "note: must be a string");
		resp_fail(r, w, &e);
		goto done;
	}
	if (id < 0 || (n && ct_note_field("note", json_string_value(n), note, &e) != 0) || app_ctreq_get(&r->app, id, &q, &e) != 0 ||
	    (q.contractor_id != c->id && err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id")) ||
	    app_ctreq_review(&r->app, id, note, &q, &e) != 0) {
		if (id < 0)
			err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id");
		resp_fail(r, w, &e);
		goto done;
	}
	stored_diag_t *sd = NULL;
	app_ctreq_answers(&r->app, &q, &sd, &e);
	resp_json(w, 200, ctreq_json(r->content, &q, sd, app_now(&r->app), r->lang));
	if (sd)
		stored_diag_free(sd);
done:
	free(note);
	free(c);
}

void api_contractor_clause(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const F[] = { "client", "contractor", "date", "report_by", "years", "first_article", "clauses", "related", NULL };
	const clause_content_t *cc = r->content->clauses;
	contractor_t *c = malloc(sizeof *c);
	err_t e;
	if (!cc) {
		not_found(r, w);
		goto done;
	}
	if (!contractor_of(r, w, args[1], c))
		goto done;
	clause_opts_t o = { .first_article = 1, .clauses = ~0u, .related = ~0u };
	snprintf(o.client, sizeof o.client, "%.120s", r->org.name);
	snprintf(o.contractor, sizeof o.contractor, "%s", c->name);
	for (int i = 0; F[i]; i++) {
		const char *v = req_query(r, F[i]);
		if (v && clause_set_field(cc, &o, F[i], v, &e) != 0) {
			resp_fail(r, w, &e);
			goto done;
		}
	}
	resp_json(w, 200, clause_json(cc, &o, r->lang));
done:
	free(c);
}

/* ---- cloud services ---- */

static json_t *cs_out(req_t *r, const cloud_service_t *c)
{
	stored_diag_t *last = NULL;
	err_t e;
	char today[11];
	app_ct_today(&r->app, today);
	app_cloud_last(&r->app, c, &last, &e);
	json_t *j = cloud_json(c, last, today);
	if (last)
		stored_diag_free(last);
	return j;
}

static bool cloud_of(req_t *r, resp_t *w, const char *arg, cloud_service_t *c)
{
	err_t e;
	long long id = parse_id(arg);
	if (id < 0)
		return not_found(r, w);
	if (app_cloud_get(&r->app, r->org.id, id, c, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

void api_clouds(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	cloud_service_t *cs;
	int n;
	err_t e;
	if (app_cloud_list(&r->app, r->org.id, &cs, &n, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	json_t *arr = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(arr, cs_out(r, &cs[i]));
	free(cs);
	resp_json(w, 200, json_pack("{s:I, s:o}", "organization_id", (json_int_t)r->org.id, "cloud_services", arr));
}

void api_cloud_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	cloud_service_t c = { .org_id = r->org.id };
	err_t e;
	if (!body(r, w, CS_KEYS, set_cs, &c))
		return;
	if (cloud_check(&c, &e) != 0 || app_cloud_add(&r->app, &c, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 201, cs_out(r, &c));
}

void api_cloud_get(req_t *r, resp_t *w, const char *const *args)
{
	cloud_service_t c;
	if (cloud_of(r, w, args[1], &c))
		resp_json(w, 200, cs_out(r, &c));
}

void api_cloud_put(req_t *r, resp_t *w, const char *const *args)
{
	cloud_service_t c;
	err_t e;
	if (!cloud_of(r, w, args[1], &c) || !body(r, w, CS_KEYS, set_cs, &c))
		return;
	if (cloud_check(&c, &e) != 0 || app_cloud_update(&r->app, &c, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 200, cs_out(r, &c));
}

void api_cloud_delete(req_t *r, resp_t *w, const char *const *args)
{
	cloud_service_t c;
	err_t e;
	if (!cloud_of(r, w, args[1], &c))
		return;
	if (app_cloud_delete(&r->app, c.id, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 200, json_pack("{s:I, s:b}", "id", (json_int_t)c.id, "deleted", 1));
}

void api_cloud_check(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const KEYS[] = { "answers", "respondent", NULL };
	cloud_service_t c;
	const questionnaire_t *q = content_questionnaire(r->content, CLOUD_Q);
	err_t e;
	if (!cloud_of(r, w, args[1], &c) || unknown_keys(r, w, r->json, KEYS))
		return;
	json_t *ans = json_object_get(r->json, "answers"), *who = json_object_get(r->json, "respondent");
	answer_file_t file = { 0 };
	char respondent[SD_TEXT] = "";
	if (!q)
		return (void)not_found(r, w);
	if ((who && !json_is_string(who) && (err_set(&e, ERR_INVALID, "respondent", "文字列にしてください", "must be a string"), true)) ||
	    (who && json_is_string(who) && text_field("respondent", json_string_value(who), respondent, sizeof respondent - 1, &e) != 0) ||
	    answerfile_from_json(ans, &file, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	answers_t a;
	answer_errs_t errs;
	/* strict: a check answers every item, or it would move the review date on with gaps */
	if (answers_resolve(q, file.recs, file.n, true, &a, &errs) != 0) {
		char msg[512];
		answer_err_format(&errs.e[0], r->lang, msg, sizeof msg);
		answerfile_free(&file);
		resp_api_error(w, 422, "invalid", msg, "answers");
		return;
	}
	answerfile_free(&file);
	result_view_t v;
	if (app_cloud_check(&r->app, c.id, &a, respondent, &v, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	if (app_cloud_get(&r->app, r->org.id, c.id, &c, &e) == 0)
		resp_json(w, 201, cs_out(r, &c));
	else
		resp_fail(r, w, &e);
	result_view_free(&v);
}
