/*
 * page_plan.c — the action plan in the browser: the plan section of an organisation's page
 * (each item with its owner, due date, status and whether the latest diagnosis shows it done),
 * GET /organizations/{id}/plan/new (the form to accept a recommendation, linked from the
 * result page, which stays cacheable because it holds no form), POST
 * /organizations/{id}/plan and POST /plan/{id}.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/diagnosis.h"
#include "app/org.h"
#include "app/plan.h"
#include "input/plan_input.h"
#include "web/pages.h"

static void status_select(req_t *r, buf_t *b, const char *id, plan_status_t chosen)
{
	h(b, "<select id=\"%s\" name=\"status\">", id);
	for (int s = PLAN_NOT_STARTED; s <= PLAN_DONE; s++) {
		char key[32];
		snprintf(key, sizeof key, "plan_%s", plan_status_id((plan_status_t)s));
		h(b, "<option value=\"%s\"%s>%s</option>", plan_status_id((plan_status_t)s), s == (int)chosen ? " selected" : "", T(r, key));
	}
	h(b, "</select>");
}

void page_plan_section(req_t *r, buf_t *b, const org_t *o)
{
	plan_item_t *items = NULL;
	int n = 0, nd;
	stored_diag_t **list;
	err_t e;
	h(b, "<h2 id=\"plan\">%s</h2>", T(r, "plan"));
	page_report_links(r, b, "organizations", (long long)o->id, "plan", false);
	if (app_plan_list(&r->app, o->id, &items, &n, &e) != 0 || app_org_history(&r->app, o->id, &list, &nd, &e) != 0) {
		free(items);
		h(b, "<p class=\"error\">%s</p>", T(r, "web_store_error"));
		return;
	}
	if (n == 0)
		h(b, "<p>%s</p>", T(r, "plan_empty"));
	else
		h(b, "<table class=\"plan\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		  T(r, "question"), T(r, "plan_latest"), T(r, "plan_status"));
	for (int i = 0; i < n; i++) {
		const plan_item_t *p = &items[i];
		const questionnaire_t *q = content_questionnaire(r->content, p->questionnaire);
		int it = q ? item_index(q, p->question) : -1;
		int64_t against = 0;
		plan_check_t chk = plan_check(p, (const stored_diag_t *const *)list, nd, &against);
		if (!q && !strcmp(p->questionnaire, "incident")) /* a measure from an incident's closing: "INCIDENT.N" */
			h(b, "<tr><td><a href=\"/organizations/%lld/incidents/%lld\">%s %lld</a>: %s</td><td>", (long long)o->id,
			  (long long)atoll(p->question), T(r, "inc_one"), (long long)atoll(p->question), p->title);
		else
			h(b, "<tr><td>%s %s: %s</td><td>", q ? tx(&q->title, r->lang) : p->questionnaire, p->question,
			  it >= 0 ? tx(&q->items[it].text, r->lang) : p->title);
		if (chk != PLAN_NOT_CHECKED)
			h(b, "<a href=\"/diagnoses/%lld\">%s</a>", (long long)against, T(r, chk == PLAN_ACHIEVED ? "plan_achieved" : "plan_not_yet"));
		h(b, "</td><td><form method=\"post\" action=\"/plan/%lld\" class=\"inline\">", (long long)p->id);
		page_csrf_field(r, b);
		char id[32];
		snprintf(id, sizeof id, "s-%lld", (long long)p->id);
		h(b, "<label for=\"%s\">%s</label> ", id, T(r, "plan_status"));
		status_select(r, b, id, p->status);
		h(b, " <label for=\"o-%lld\">%s</label> <input id=\"o-%lld\" name=\"owner\" value=\"%s\" maxlength=\"120\" size=\"10\">",
		  (long long)p->id, T(r, "plan_owner"), (long long)p->id, p->owner);
		h(b, " <label for=\"d-%lld\">%s</label> <input id=\"d-%lld\" name=\"due\" type=\"date\" value=\"%s\">", (long long)p->id,
		  T(r, "plan_due"), (long long)p->id, p->due);
		h(b, " <button type=\"submit\">%s</button></form> <form method=\"post\" action=\"/plan/%lld/delete\" class=\"inline\">",
		  T(r, "plan_update"), (long long)p->id);
		page_csrf_field(r, b);
		h(b, "<button type=\"submit\" class=\"link\">%s</button></form></td></tr>", T(r, "plan_delete"));
	}
	if (n)
		h(b, "</tbody></table>");
	free(items);
	stored_diag_list_free(list, nd);
}

void page_plan_new(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const org_t o = r->org;
	plan_item_t p = { 0 };
	err_t e;
	const char *qid = req_query(r, "questionnaire"), *question = req_query(r, "question");
	if (plan_set_field(r->content, &p, "questionnaire", qid ? qid : "", &e) ||
	    plan_set_field(r->content, &p, "question", question ? question : "", &e)) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	const questionnaire_t *q = content_questionnaire(r->content, p.questionnaire);
	const item_t *it = &q->items[item_index(q, p.question)];
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "plan_add"));
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a></p><p><strong>%s %s</strong> %s</p>", T(r, "plan_add"),
	  (long long)o.id, o.name, T(r, "question"), it->id, tx(&it->text, r->lang));
	for (int m = 0; m < it->nmeasures; m++)
		page_measure_summary(r, b, it->measures[m], "measure");
	h(b, "<form method=\"post\" action=\"/organizations/%lld/plan\" class=\"form\">", (long long)o.id);
	page_csrf_field(r, b);
	long long diag = parse_id(req_query(r, "diagnosis"));
	h(b, "<input type=\"hidden\" name=\"questionnaire\" value=\"%s\"><input type=\"hidden\" name=\"question\" value=\"%s\">"
	     "<input type=\"hidden\" name=\"diagnosis\" value=\"%lld\">", p.questionnaire, p.question, diag > 0 ? diag : 0LL);
	h(b, "<p><label for=\"owner\">%s</label><input id=\"owner\" name=\"owner\" maxlength=\"120\"></p>", T(r, "plan_owner"));
	h(b, "<p><label for=\"due\">%s</label><input id=\"due\" name=\"due\" type=\"date\"></p>", T(r, "plan_due"));
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "plan_add"));
	page_end(r, w);
}

/* Applies the posted fields; false after showing the error page. */
static bool read_fields(req_t *r, resp_t *w, plan_item_t *p, const char *const *fields)
{
	err_t e;
	for (int i = 0; fields[i]; i++) {
		const char *v = req_form(r, fields[i]);
		if (v && plan_set_field(r->content, p, fields[i], v, &e) != 0) {
			w->status = 422;
			page_begin(r, w, T(r, "web_error"));
			h(&w->body, "<h1>%s</h1><p class=\"error\" role=\"alert\">%s</p>", T(r, "web_error"), r->lang == LANG_EN ? e.en : e.ja);
			page_end(r, w);
			return false;
		}
	}
	return true;
}

void page_plan_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	static const char *const FIELDS[] = { "questionnaire", "question", "owner", "due", NULL };
	plan_item_t p = { .org_id = r->org.id };
	if (!read_fields(r, w, &p, FIELDS))
		return;
	if (!p.question[0]) {
		page_error(r, w, 400, "web_bad_form");
		return;
	}
	long long diag = parse_id(req_form(r, "diagnosis"));
	p.diagnosis_id = diag > 0 ? diag : 0;
	err_t e;
	if (app_plan_add(&r->app, &p, &e) != 0 && e.code != ERR_CONFLICT) { /* conflict: already planned, nothing to add */
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/organizations/%lld#plan", (long long)r->org.id);
}

void page_plan_update(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const FIELDS[] = { "owner", "due", "status", NULL };
	(void)args;
	plan_item_t p;
	err_t e;
	if (app_plan_get(&r->app, r->id, &p, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	if (!read_fields(r, w, &p, FIELDS))
		return;
	if (app_plan_update(&r->app, &p, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/organizations/%lld#plan", (long long)p.org_id);
}
