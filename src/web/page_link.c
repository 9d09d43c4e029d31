/*
 * page_link.c — respondent links in the browser: POST /organizations/{id}/links makes one (for
 * a questionnaire, a scope and a role: an executive, a manager or a member of staff) and shows
 * it once; /r/{token} lets its respondent answer on one page without an account, once, before
 * it expires (app/diagnosis.h: app_link_*). The executive's and the staff's answers then meet
 * in the organisation's history, question by question. A link made for a contractor
 * (app/contractor.h) asks only the items the organisation chose to send.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/contractor.h"
#include "app/diagnosis.h"
#include "core/answers.h"
#include "input/org_input.h"
#include "web/pages.h"

void page_link_section(req_t *r, buf_t *b, const org_t *o)
{
	h(b, "<h2 id=\"links\">%s</h2><p>%s</p>", T(r, "link_title"), T(r, "link_intro"));
	h(b, "<form method=\"post\" action=\"/organizations/%lld/links\" class=\"form\">", (long long)o->id);
	page_csrf_field(r, b);
	h(b, "<p><label for=\"l-q\">%s</label><select id=\"l-q\" name=\"questionnaire\">", T(r, "web_questionnaire"));
	for (int i = 0; i < r->content->nqs; i++)
		h(b, "<option value=\"%s\">%s</option>", r->content->qs[i]->id, tx(&r->content->qs[i]->title, r->lang));
	h(b, "</select></p><p><label for=\"l-scope\">%s</label><input id=\"l-scope\" name=\"scope\" maxlength=\"120\" value=\"%s\"></p>",
	  T(r, "web_scope_label"), T(r, "whole_company"));
	h(b, "<p><label for=\"l-role\">%s</label><select id=\"l-role\" name=\"role\"><option value=\"executive\">%s</option>"
	     "<option value=\"manager\">%s</option><option value=\"staff\" selected>%s</option></select></p>",
	  T(r, "web_role_label"), T(r, "role_executive"), T(r, "role_manager"), T(r, "role_staff"));
	h(b, "<p><label for=\"l-days\">%s</label><input id=\"l-days\" name=\"days\" inputmode=\"numeric\" value=\"14\" size=\"4\"></p>",
	  T(r, "link_days"));
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "link_create"));
}

void page_link_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	link_t l = { .org_id = r->org.id };
	err_t e;
	const char *q = req_form(r, "questionnaire"), *role = req_form(r, "role"), *days = req_form(r, "days");
	long long nd = days ? parse_id(days) : 14;
	char token[LINK_TOKEN_LEN + 1];
	snprintf(l.questionnaire, sizeof l.questionnaire, "%s", q ? q : "");
	snprintf(l.role, sizeof l.role, "%s", role ? role : "");
	if (text_field("scope", req_form(r, "scope") ? req_form(r, "scope") : "", l.scope, sizeof l.scope - 1, &e) != 0 ||
	    app_link_create(&r->app, &l, nd > 0 && nd <= LINK_MAX_DAYS ? (int)nd : 0, token, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "link_title"));
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a></p><p>%s</p>", T(r, "link_title"), (long long)r->org.id, r->org.name,
	  T(r, "link_made"));
	/* the whole address, to paste into a mail; the Host header is one the server answers to */
	h(b, "<p><code id=\"link\">%s%s/r/%s</code></p><p class=\"muted\">%s</p>", r->host ? (r->secure ? "https://" : "http://") : "",
	  r->host ? r->host : "", token, T(r, "link_once"));
	page_end(r, w);
}

/* Opens the link in the path, or answers why it cannot be used; false after answering. */
static bool open_link(req_t *r, resp_t *w, const char *token, link_t *l, const questionnaire_t **q)
{
	err_t e;
	if (app_link_open(&r->app, token, l, &e) != 0) {
		if (e.code == ERR_CONFLICT) /* used or expired: say which, not a bare 404 */
			page_error_text(r, w, 410, err_text(&e, r->lang));
		else
			resp_fail(r, w, &e);
		return false;
	}
	*q = content_questionnaire(r->content, l->questionnaire);
	if (!*q) {
		page_error(r, w, 404, "error_not_found");
		return false;
	}
	return true;
}

static void render_answer(req_t *r, resp_t *w, const char *token, const link_t *l, const questionnaire_t *q, const char *error)
{
	buf_t *b = &w->body;
	ct_request_t req;
	err_t e;
	int is_req = app_ctreq_of_link(&r->app, l, &req, &e);
	if (is_req < 0) {
		resp_fail(r, w, &e);
		return;
	}
	page_begin(r, w, tx(&q->title, r->lang));
	h(b, PF(r, "<h1>%s</h1><p>%s</p><p class=\"meta\">%s: %s"), tx(&q->title, r->lang), T(r, "link_welcome"), T(r, "scope"), l->scope);
	if (!is_req) /* a contractor answers as the contractor, not as one of the company's staff */
		h(b, PF(r, " ・ %s: %s"), T(r, "web_role_label"),
		  T(r, l->role[0] == 'e' ? "role_executive" : l->role[0] == 'm' ? "role_manager" : "role_staff"));
	h(b, "</p>");
	if (is_req)
		h(b, "<p id=\"ct-intro\">%s</p>", T(r, "ct_answer_intro"));
	if (error)
		h(b, "<p class=\"error\" role=\"alert\">%s</p>", error);
	h(b, "<form method=\"post\" action=\"/r/%s\" class=\"questionnaire\">", token);
	page_csrf_field(r, b);
	for (int i = 0; i < q->nitems; i++) { /* a refused form comes back with its answers */
		if (is_req && !ct_items_has(req.items, q->items[i].id))
			continue; /* a contractor is asked only what was sent */
		char key[48];
		snprintf(key, sizeof key, "a.%s", q->items[i].id);
		page_question(r, b, q, i, req_form(r, key));
	}
	h(b, "<p><label for=\"respondent\">%s</label><input id=\"respondent\" name=\"respondent\" maxlength=\"120\"></p>",
	  T(r, "web_respondent_label"));
	h(b, "<p class=\"buttons\"><button type=\"submit\">%s</button></p></form>", T(r, "link_send"));
	page_end(r, w);
}

void page_link(req_t *r, resp_t *w, const char *const *args)
{
	link_t l;
	const questionnaire_t *q;
	if (open_link(r, w, args[0], &l, &q))
		render_answer(r, w, args[0], &l, q, NULL);
}

void page_link_post(req_t *r, resp_t *w, const char *const *args)
{
	link_t l;
	const questionnaire_t *q;
	if (!open_link(r, w, args[0], &l, &q))
		return;
	answer_rec_t recs[MAX_ITEMS];
	int n = 0;
	ct_request_t req;
	err_t e;
	int is_req = app_ctreq_of_link(&r->app, &l, &req, &e);
	if (is_req < 0) {
		resp_fail(r, w, &e);
		return;
	}
	for (int i = 0; i < r->nform && n < MAX_ITEMS; i++)
		if (!strncmp(r->form[i].key, "a.", 2) && (!is_req || ct_items_has(req.items, r->form[i].key + 2)))
			recs[n++] = (answer_rec_t){ .question = r->form[i].key + 2, .answer = r->form[i].value };
	answers_t a;
	answer_errs_t errs;
	char msg[512] = "", who[SD_TEXT];
	if (answers_resolve(q, recs, n, false, &a, &errs) != 0)
		answer_err_format(&errs.e[0], r->lang, msg, sizeof msg);
	else if (text_field("respondent", req_form(r, "respondent") ? req_form(r, "respondent") : "", who, sizeof who - 1, &e) != 0)
		snprintf(msg, sizeof msg, "%s", err_text(&e, r->lang));
	if (msg[0]) {
		w->status = 422;
		render_answer(r, w, args[0], &l, q, msg);
		return;
	}
	result_view_t v;
	if (app_link_answer(&r->app, &l, &a, who, &v, &e) != 0) {
		if (e.code == ERR_CONFLICT)
			page_error_text(r, w, 410, err_text(&e, r->lang));
		else
			resp_fail(r, w, &e);
		return;
	}
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "link_thanks"));
	if (is_req) { /* the client reviews the answers; the contractor is not shown a score of items it was not asked */
		h(b, "<h1>%s</h1><p id=\"ct-thanks\">%s</p>", T(r, "link_thanks"), T(r, "ct_answered_thanks"));
		page_end(r, w);
		result_view_free(&v);
		return;
	}
	h(b, "<h1>%s</h1><p class=\"total\"><span class=\"big\" id=\"total\">%d</span> / %d %s</p><p class=\"band\" id=\"band\">%s</p><p>%s</p>",
	  T(r, "link_thanks"), v.sd->total, v.sd->max, T(r, "points"), r->lang == LANG_EN ? v.sd->band_en : v.sd->band_ja,
	  T(r, "link_thanks_text"));
	page_end(r, w);
	result_view_free(&v);
}
