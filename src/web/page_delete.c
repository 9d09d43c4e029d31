/*
 * page_delete.c — keeping or removing data in the browser: on an organisation's page, taking
 * the company out of the benchmark pool, archiving it (kept, out of the client list) and
 * deleting it with everything of it; deleting one diagnosis from the history; deleting a plan
 * item. Deletes ask first on a page of their own (an organisation's by its name typed again),
 * so a stray click removes nothing. The rules and who may do what are the use cases'
 * (app/org.h, app/diagnosis.h, app/plan.h, app/pool.h).
 */
#include <stdio.h>
#include <string.h>

#include "app/diagnosis.h"
#include "app/org.h"
#include "app/plan.h"
#include "app/pool.h"
#include "web/pages.h"

/* Administrators and (for their clients, the only ones they see) consultants archive and delete. */
bool page_may_manage(const req_t *r)
{
	return r->app.who.role == UROLE_ADMIN || r->app.who.role == UROLE_CONSULTANT;
}

void page_delete_section(req_t *r, buf_t *b, const org_t *o)
{
	int n;
	err_t e;
	if (r->app.who.role == UROLE_VIEWER)
		return;
	h(b, "<h2 id=\"data\">%s</h2>", T(r, "data_title"));
	if (app_pool_memberships(&r->app, o->id, &n, &e) != 0)
		h(b, "<p class=\"error\">%s</p>", T(r, "web_store_error"));
	else if (n == 0)
		h(b, "<p id=\"pool-status\">%s</p>", T(r, "data_pool_out"));
	else {
		h(b, "<p id=\"pool-status\">%s</p><form method=\"post\" action=\"/organizations/%lld/pool/withdraw\">", T(r, "data_pool_in"),
		  (long long)o->id);
		page_csrf_field(r, b);
		h(b, "<button type=\"submit\">%s</button></form>", T(r, "data_pool_withdraw"));
	}
	if (!page_may_manage(r))
		return;
	h(b, "<form method=\"post\" action=\"/organizations/%lld/archive\"><p>%s</p>", (long long)o->id,
	  T(r, o->archived[0] ? "data_archived_help" : "data_archive_help"));
	page_csrf_field(r, b);
	h(b, "<input type=\"hidden\" name=\"archive\" value=\"%s\"><button type=\"submit\">%s</button></form>",
	  o->archived[0] ? "0" : "1", T(r, o->archived[0] ? "data_restore" : "data_archive"));
	h(b, "<form method=\"post\" action=\"/organizations/%lld/delete\"><p>%s</p>", (long long)o->id, T(r, "data_delete_help"));
	page_csrf_field(r, b);
	h(b, "<button type=\"submit\" class=\"danger\">%s</button></form>", T(r, "data_delete"));
}

void page_org_archive(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const char *v = req_form(r, "archive");
	err_t e;
	if (!v || (strcmp(v, "0") && strcmp(v, "1"))) {
		err_set(&e, ERR_INVALID, "archive", "archive は 0 か 1 です", "archive must be 0 or 1");
		resp_fail(r, w, &e);
	} else if (app_org_archive(&r->app, r->org.id, *v == '1', &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_redirect(w, "/organizations/%lld", (long long)r->org.id);
}

void page_org_delete(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const org_t o = r->org;
	const char *confirm = req_form(r, "confirm");
	err_t e;
	buf_t *b = &w->body;
	if (confirm && !strcmp(confirm, o.name)) {
		if (app_org_delete(&r->app, o.id, &e) != 0) {
			resp_fail(r, w, &e);
			return;
		}
		page_begin(r, w, T(r, "data_deleted"));
		h(b, "<h1>%s</h1><p id=\"deleted\">%s: %s</p><p><a href=\"/\">%s</a></p>", T(r, "data_deleted"), T(r, "org_deleted"), o.name,
		  T(r, "web_back_home"));
		page_end(r, w);
		return;
	}
	/* the first step, or the name typed wrongly: ask (again) */
	if (confirm)
		w->status = 422;
	page_begin(r, w, T(r, "data_delete"));
	h(b, "<h1>%s: %s</h1>", T(r, "data_delete"), o.name);
	if (confirm)
		h(b, "<p class=\"error\" role=\"alert\">%s</p>", T(r, "data_confirm_wrong"));
	h(b, "<p class=\"warning\">%s</p>", T(r, "data_delete_warning"));
	h(b, "<form method=\"post\" action=\"/organizations/%lld/delete\" class=\"form\">", (long long)o.id);
	page_csrf_field(r, b);
	h(b, PF(r, "<p><label for=\"confirm\">%s「%s」</label><input id=\"confirm\" name=\"confirm\" autocomplete=\"off\" required></p>"),
	  T(r, "data_confirm_name"), o.name);
	h(b, "<p><button type=\"submit\" class=\"danger\">%s</button> <a href=\"/organizations/%lld\">%s</a></p></form>",
	  T(r, "data_delete"), (long long)o.id, T(r, "data_cancel"));
	page_end(r, w);
}

void page_pool_withdraw(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	int n;
	err_t e;
	if (app_pool_withdraw(&r->app, r->org.id, &n, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_redirect(w, "/organizations/%lld#data", (long long)r->org.id);
}

void page_diag_delete(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	stored_diag_t *sd;
	err_t e;
	if (app_diag_get(&r->app, r->id, &sd, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	int64_t org_id = sd->org_id;
	const char *confirm = req_form(r, "confirm");
	if (confirm && !strcmp(confirm, "yes")) {
		stored_diag_free(sd);
		if (app_diag_delete(&r->app, r->id, &e) != 0)
			resp_fail(r, w, &e);
		else if (org_id)
			resp_redirect(w, "/organizations/%lld/history", (long long)org_id);
		else
			resp_redirect(w, "/");
		return;
	}
	buf_t *b = &w->body;
	const questionnaire_t *q = content_questionnaire(r->content, sd->questionnaire);
	page_begin(r, w, T(r, "data_delete_diagnosis"));
	h(b, PF(r, "<h1>%s</h1><p>%s %s ・ %s ・ %d / %d</p><p class=\"warning\">%s</p>"), T(r, "data_delete_diagnosis"),
	  q ? tx(&q->title, r->lang) : sd->questionnaire, page_scope(r, sd->scope), WHEN(r, sd->created), sd->total, sd->max, T(r, "data_delete_diagnosis_warning"));
	h(b, "<form method=\"post\" action=\"/diagnoses/%lld/delete\">", (long long)sd->id);
	page_csrf_field(r, b);
	h(b, "<input type=\"hidden\" name=\"confirm\" value=\"yes\"><p><button type=\"submit\" class=\"danger\">%s</button> "
	     "<a href=\"/diagnoses/%lld\">%s</a></p></form>", T(r, "data_delete"), (long long)sd->id, T(r, "data_cancel"));
	page_end(r, w);
	stored_diag_free(sd);
}

void page_plan_delete(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	plan_item_t p;
	err_t e;
	if (app_plan_get(&r->app, r->id, &p, &e) != 0 || app_plan_delete(&r->app, r->id, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_redirect(w, "/organizations/%lld?plan=deleted&n=1#plan", (long long)p.org_id);
}
