/*
 * page_plan.c — the action plan in the browser: the plan section of an organisation's page
 * (each item with its owner, due date, status and whether the latest diagnosis shows it done;
 * 50 a page, ?page= of the organisation page),
 * GET /organizations/{id}/plan/new (the form to accept a recommendation, linked from the
 * result page, which stays cacheable because it holds no form), POST
 * /organizations/{id}/plan, POST /organizations/{id}/plan/save (the whole plan as one form, so
 * no row's edit is lost when another is saved) and POST /plan/{id} (one row, as before).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/diagnosis.h"
#include "app/org.h"
#include "app/asset.h"
#include "app/plan.h"
#include "core/xalloc.h"
#include "input/plan_input.h"
#include "input/page_input.h"
#include "web/pages.h"

#define PLAN_PER_PAGE 50
#define PLAN_PAGE_MAX 100000

/* What the last save did, said at the top of the plan (?plan=… after a redirect). */
static void plan_notice(req_t *r, buf_t *b)
{
	const char *what = req_query(r, "plan"), *n = req_query(r, "n"), *item = req_query(r, "item");
	static const char *const KNOWN[] = { "saved", "added", "exists", "deleted", "completed", "unchanged", NULL };
	for (int k = 0; what && KNOWN[k]; k++)
		if (!strcmp(what, KNOWN[k])) {
			char key[40];
			snprintf(key, sizeof key, "p17_plan_%s", what);
			h(b, "<p class=\"notice%s\" role=\"status\" id=\"plan-notice\">%s", !strcmp(what, "exists") ? " warning" : "", T(r, key));
			if (n && parse_id(n) >= 0)
				h(b, PF(r, "（%lld）"), parse_id(n));
			if (item && parse_id(item) > 0)
				h(b, " <a href=\"#p-%lld\">%s</a>", parse_id(item), T(r, "p17_plan_see_item"));
			h(b, "</p>");
		}
}

/* Ends a field's tag (`close`) marked invalid, with its problem after it, when e is one. */
static void invalid(req_t *r, buf_t *b, const err_t *e, const char *close)
{
	if (e && *close)
		h(b, " aria-invalid=\"true\"");
	buf_puts(b, close); /* markup of ours, not text */
	if (e)
		h(b, "<span class=\"error\">%s</span>", err_text(e, r->lang));
}

/* The plan as one form: every row's status, owner, due date and note are posted together, so
 * an edit in one row is never lost when another is saved; 削除 and 完了にする are buttons of the
 * same form (they save the other rows too). typed/bad: after a refused save, what was typed
 * and the problem per row and field ("status.12" …), NULL otherwise. */
static void plan_form(req_t *r, buf_t *b, const org_t *o, const plan_item_t *items, int n, stored_diag_t **list, int nd,
		      const req_t *typed, const err_t *bad, int nbad)
{
	bool can_edit = r->app.who.role != UROLE_VIEWER;
	char today[11];
	app_today(&r->app, today);
	if (can_edit) {
		h(b, "<form method=\"post\" action=\"/organizations/%lld/plan/save\" class=\"plan-form\" id=\"plan-form\">", (long long)o->id);
		page_csrf_field(r, b);
		/* the first submit button of the form is the one Enter presses: saving, never a row's 削除 */
		h(b, "<p><button type=\"submit\" name=\"go\" value=\"save\">%s</button></p>", T(r, "p17_plan_save"));
	}
	h(b, "<table class=\"plan cards-narrow\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
	  T(r, "question"), T(r, "plan_latest"), T(r, "plan_status"), T(r, "plan_owner"), T(r, "plan_due"), T(r, "p17_plan_note"));
	if (can_edit) /* the buttons' column; markup in the format, as h() escapes arguments */
		h(b, "<th scope=\"col\"></th>");
	h(b, "</tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		const plan_item_t *p = &items[i];
		long long id = (long long)p->id;
		const questionnaire_t *q = content_questionnaire(r->content, p->questionnaire);
		int it = q ? item_index(q, p->question) : -1;
		int64_t against = 0;
		plan_check_t chk = plan_check(p, (const stored_diag_t *const *)list, nd, &against);
		bool late = plan_overdue(p, today);
		h(b, "<tr id=\"p-%lld\" class=\"%s%s\"><td data-label=\"%s\">", id, late ? "overdue" : "", p->status == PLAN_DONE ? " done" : "",
		  T(r, "question"));
		if (!q && !strcmp(p->questionnaire, "incident")) /* a measure from an incident's closing: "INCIDENT.N" */
			h(b, "<a href=\"/organizations/%lld/incidents/%lld\">%s %lld</a>: %s", (long long)o->id, (long long)atoll(p->question),
			  T(r, "inc_one"), (long long)atoll(p->question), p->title);
		else
			h(b, "%s %s: %s", q ? tx(&q->title, r->lang) : p->questionnaire, p->question, it >= 0 ? tx(&q->items[it].text, r->lang) : p->title);
		if (late)
			h(b, PF(r, " <strong class=\"badge overdue\">%s（%s）</strong>"), T(r, "p17_plan_overdue"), WHEN_DAY(r, p->due));
		h(b, "</td><td data-label=\"%s\">", T(r, "plan_latest"));
		if (chk != PLAN_NOT_CHECKED)
			h(b, "<a href=\"/diagnoses/%lld\">%s</a>", (long long)against, T(r, chk == PLAN_ACHIEVED ? "plan_achieved" : "plan_not_yet"));
		if (chk == PLAN_ACHIEVED && p->status != PLAN_DONE) { /* the question reached full marks: suggest closing it */
			h(b, "<p class=\"suggest\" id=\"suggest-%lld\">%s", id, T(r, "p17_plan_suggest_done"));
			if (can_edit)
				h(b, " <button type=\"submit\" name=\"complete\" value=\"%lld\" class=\"secondary\">%s</button>", id,
				  T(r, "p17_plan_mark_done"));
			h(b, "</p>");
		}
		h(b, "</td>");
		/* the values as typed after a refused save, else as stored */
		char fk[4][40];
		static const char *const F[] = { "status", "owner", "due", "note" };
		const char *val[4] = { plan_status_id(p->status), p->owner, p->due, p->note };
		const err_t *fe[4] = { NULL };
		for (int f = 0; f < 4; f++) {
			snprintf(fk[f], sizeof fk[f], "%s.%lld", F[f], id);
			const char *t = typed ? req_form(typed, fk[f]) : NULL;
			if (t)
				val[f] = t;
			for (int k = 0; k < nbad; k++)
				if (!strcmp(bad[k].field, fk[f]))
					fe[f] = &bad[k];
		}
		if (!can_edit) {
			char key[32];
			snprintf(key, sizeof key, "plan_%s", plan_status_id(p->status));
			h(b, "<td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\" class=\"note\">%s</td></tr>",
			  T(r, "plan_status"), T(r, key), T(r, "plan_owner"), p->owner, T(r, "plan_due"), p->due[0] ? WHEN_DAY(r, p->due) : "",
			  T(r, "p17_plan_note"), p->note);
			continue;
		}
		plan_status_t chosen = p->status;
		plan_status_parse(val[0], &chosen);
		h(b, "<td data-label=\"%s\"><label class=\"sr-only\" for=\"s-%lld\">%s</label><select id=\"s-%lld\" name=\"status.%lld\">",
		  T(r, "plan_status"), id, T(r, "plan_status"), id, id);
		for (int s = PLAN_NOT_STARTED; s <= PLAN_DONE; s++) {
			char key[32];
			snprintf(key, sizeof key, "plan_%s", plan_status_id((plan_status_t)s));
			h(b, "<option value=\"%s\"%s>%s</option>", plan_status_id((plan_status_t)s), s == (int)chosen ? " selected" : "", T(r, key));
		}
		h(b, "</select></td>");
		h(b, "<td data-label=\"%s\"><label class=\"sr-only\" for=\"o-%lld\">%s</label><input id=\"o-%lld\" name=\"owner.%lld\" value=\"%s\" maxlength=\"120\"",
		  T(r, "plan_owner"), id, T(r, "plan_owner"), id, id, val[1]);
		invalid(r, b, fe[1], ">");
		h(b, "</td><td data-label=\"%s\"><label class=\"sr-only\" for=\"d-%lld\">%s</label><input id=\"d-%lld\" name=\"due.%lld\" type=\"date\" value=\"%s\"",
		  T(r, "plan_due"), id, T(r, "plan_due"), id, id, val[2]);
		invalid(r, b, fe[2], ">");
		h(b, "</td><td data-label=\"%s\"><label class=\"sr-only\" for=\"n-%lld\">%s</label><textarea id=\"n-%lld\" name=\"note.%lld\" rows=\"2\" maxlength=\"800\"",
		  T(r, "p17_plan_note"), id, T(r, "p17_plan_note"), id, id);
		if (fe[3])
			h(b, " aria-invalid=\"true\"");
		h(b, ">%s</textarea>", val[3]);
		invalid(r, b, fe[3], "");
		h(b, "</td><td class=\"actions\"><button type=\"submit\" name=\"remove\" value=\"%lld\" class=\"link\">%s</button></td></tr>", id,
		  T(r, "plan_delete"));
	}
	h(b, "</tbody></table>");
	if (can_edit)
		h(b, "<p><button type=\"submit\" name=\"go\" value=\"save\">%s</button> <span class=\"small\">%s</span></p></form>",
		  T(r, "p17_plan_save"), T(r, "p17_plan_save_help"));
}

void page_plan_section(req_t *r, buf_t *b, const org_t *o)
{
	plan_item_t *items = NULL;
	int k = 0, n = 0, nd;
	stored_diag_t **list;
	err_t e;
	h(b, "<h2 id=\"plan\">%s</h2>", T(r, "plan"));
	page_report_links(r, b, "organizations", (long long)o->id, "plan", false);
	/* a plan that grows is shown PLAN_PER_PAGE rows at a time, read a page at a time from the
	 * database (?page= of the organisation page, checked there; issue 19); a page past the last
	 * shows the last. Saving posts the rows shown, and the others stay as they are */
	int page = 1;
	err_t pe;
	if (page_number_parse(req_query(r, "page"), PLAN_PAGE_MAX, &page, &pe) != 0)
		page = 1;
	if (app_plan_page(&r->app, o->id, PLAN_PER_PAGE, &page, &items, &k, &n, &e) != 0 ||
	    app_org_latest_each(&r->app, o->id, &list, &nd, &e) != 0) {
		free(items);
		h(b, "<p class=\"error\">%s</p>", T(r, "web_store_error"));
		return;
	}
	plan_notice(r, b);
	int pages = n > 0 ? (n + PLAN_PER_PAGE - 1) / PLAN_PER_PAGE : 1;
	if (n == 0)
		h(b, "<p>%s</p>", T(r, "plan_empty"));
	else
		plan_form(r, b, o, items, k, list, nd, NULL, NULL, 0);
	if (pages > 1) {
		h(b, "<nav class=\"pages\" aria-label=\"%s\">", T(r, "p19_pages"));
		if (page > 1)
			h(b, "<a rel=\"prev\" href=\"/organizations/%lld?page=%d#plan\">%s</a> ", (long long)o->id, page - 1, T(r, "clients_prev"));
		h(b, "<span>%s %d / %d</span>", T(r, "clients_page"), page, pages);
		if (page < pages)
			h(b, " <a rel=\"next\" href=\"/organizations/%lld?page=%d#plan\">%s</a>", (long long)o->id, page + 1, T(r, "clients_next"));
		h(b, "</nav>");
	}
	free(items);
	stored_diag_list_free(list, nd);
}

/* POST /organizations/{id}/plan/save: the whole plan's form. Every row is read (a bad field
 * shows the form again with everything typed and the problem by the field, nothing saved);
 * 完了にする sets that row's status to done, 削除 removes that row; the rest is saved with it. */
void page_plan_save(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	enum { MAX_ROWS = 500 };
	plan_item_t *rows = xcalloc(MAX_ROWS, sizeof *rows);
	err_t *bad = xcalloc(MAX_ROWS, sizeof *bad);
	int n = 0, nbad = 0;
	const char *complete = req_form(r, "complete"), *remove = req_form(r, "remove");
	for (int i = 0; i < r->nform && n < MAX_ROWS; i++) {
		if (strncmp(r->form[i].key, "status.", 7))
			continue;
		long long id = parse_id(r->form[i].key + 7);
		if (id <= 0)
			continue;
		plan_item_t *p = &rows[n++];
		p->id = id;
		static const char *const F[] = { "status", "owner", "due", "note" };
		for (int f = 0; f < 4; f++) {
			char key[40];
			snprintf(key, sizeof key, "%s.%lld", F[f], id);
			const char *v = req_form(r, key);
			if (f == 0 && complete && parse_id(complete) == id)
				v = "done";
			err_t e;
			if (plan_set_field(r->content, p, F[f], v ? v : "", &e) != 0) {
				const char *ja = strstr(e.ja, ": "), *en = strstr(e.en, ": ");
				err_set(&bad[nbad++], ERR_INVALID, key, "%s%.0s", "%.0s%s", ja ? ja + 2 : e.ja, en ? en + 2 : e.en);
			}
		}
	}
	if (nbad) {
		plan_item_t *items = NULL;
		int ni = 0, nd = 0;
		stored_diag_t **list = NULL;
		err_t e;
		if (app_plan_list(&r->app, r->org.id, &items, &ni, &e) != 0 || app_org_latest_each(&r->app, r->org.id, &list, &nd, &e) != 0) {
			free(items);
			resp_fail(r, w, &e);
		} else {
			w->status = 422;
			page_begin(r, w, T(r, "plan"));
			h(&w->body, "<h1><a href=\"/organizations/%lld\">%s</a> — %s</h1><div class=\"error\" role=\"alert\" id=\"form-errors\"><p>%s</p></div>",
			  (long long)r->org.id, r->org.name, T(r, "plan"), T(r, "form_fix_these"));
			plan_form(r, &w->body, &r->org, items, ni, list, nd, r, bad, nbad);
			page_end(r, w);
			free(items);
			stored_diag_list_free(list, nd);
		}
		free(rows);
		free(bad);
		return;
	}
	int64_t gone[1] = { remove ? parse_id(remove) : 0 };
	int changed;
	err_t e;
	int rc = app_plan_save_all(&r->app, r->org.id, rows, n, gone, gone[0] > 0 ? 1 : 0, &changed, &e);
	free(rows);
	free(bad);
	if (rc != 0) {
		resp_fail(r, w, &e);
		return;
	}
	const char *what = gone[0] > 0 ? "deleted" : complete ? "completed" : changed ? "saved" : "unchanged";
	resp_redirect(w, "/organizations/%lld?plan=%s&n=%d#plan", (long long)r->org.id, what, changed);
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
		page_measure_summary(r, b, it->measures[m], "measure", true);
	h(b, "<form method=\"post\" action=\"/organizations/%lld/plan\" class=\"form\">", (long long)o.id);
	page_csrf_field(r, b);
	long long diag = parse_id(req_query(r, "diagnosis"));
	h(b, "<input type=\"hidden\" name=\"questionnaire\" value=\"%s\"><input type=\"hidden\" name=\"question\" value=\"%s\">"
	     "<input type=\"hidden\" name=\"diagnosis\" value=\"%lld\">", p.questionnaire, p.question, diag > 0 ? diag : 0LL);
	h(b, "<p><label for=\"owner\">%s</label><input id=\"owner\" name=\"owner\" maxlength=\"120\"></p>", T(r, "plan_owner"));
	h(b, "<p><label for=\"due\">%s</label><input id=\"due\" name=\"due\" type=\"date\"></p>", T(r, "plan_due"));
	h(b, "<p><label for=\"note\">%s</label><textarea id=\"note\" name=\"note\" rows=\"3\" maxlength=\"800\"></textarea></p>", T(r, "p17_plan_note"));
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
	static const char *const FIELDS[] = { "questionnaire", "question", "owner", "due", "note", NULL };
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
	if (app_plan_add(&r->app, &p, &e) != 0) {
		if (e.code != ERR_CONFLICT) {
			resp_fail(r, w, &e);
			return;
		}
		/* planned already: said, with a link to the item that is there */
		plan_item_t *items = NULL;
		int n = 0;
		long long there = 0;
		if (app_plan_list(&r->app, r->org.id, &items, &n, &e) == 0)
			for (int i = 0; i < n; i++)
				if (!strcmp(items[i].questionnaire, p.questionnaire) && !strcmp(items[i].question, p.question))
					there = (long long)items[i].id;
		free(items);
		resp_redirect(w, "/organizations/%lld?plan=exists&item=%lld#plan", (long long)r->org.id, there);
		return;
	}
	resp_redirect(w, "/organizations/%lld?plan=added&item=%lld#plan", (long long)r->org.id, (long long)p.id);
}

void page_plan_update(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const FIELDS[] = { "owner", "due", "status", "note", NULL };
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
	resp_redirect(w, "/organizations/%lld?plan=saved&n=1#plan", (long long)p.org_id);
}
