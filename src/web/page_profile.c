/*
 * page_profile.c — the company profile behind the benchmark in the browser:
 * /organizations/{id}/profile (the questions, the risk index and group, and the reasons behind
 * the index) and its section on the organisation's page. Saving goes through app/profile.h,
 * as the command line and the API do.
 */
#include <stdio.h>
#include <string.h>

#include "app/profile.h"
#include "input/profile_input.h"
#include "web/pages.h"

static void risk_summary(req_t *r, buf_t *b, const risk_t *rk)
{
	const profile_t *p = r->content->profile;
	if (rk->index < 0) {
		h(b, "<p id=\"risk\">%s</p>", T(r, "profile_incomplete"));
		return;
	}
	h(b, "<p id=\"risk\" class=\"risk\">%s: <strong id=\"risk-index\">%d</strong> / 100 — <strong id=\"risk-group\">%s</strong></p>",
	  T(r, "risk_index"), rk->index, tx(&p->groups[rk->group].label, r->lang));
	int why[5], n = profile_reasons(p, rk, why, 5);
	if (n)
		h(b, "<p>%s</p><ul class=\"reasons\">", T(r, "risk_reasons"));
	for (int i = 0; i < n; i++) {
		const profile_item_t *it = &p->items[why[i]];
		h(b, "<li>%s: %s（+%d）</li>", tx(&it->text, r->lang), tx(&it->opts[rk->opt[why[i]]].label, r->lang),
		  it->opts[rk->opt[why[i]]].points);
	}
	if (n)
		h(b, "</ul>");
}

void page_profile_section(req_t *r, buf_t *b, const org_t *o)
{
	profile_answers_t a;
	risk_t rk;
	err_t e;
	h(b, "<h2 id=\"profile\">%s</h2>", T(r, "profile"));
	if (app_company_risk(&r->app, o, &a, &rk, &e) != 0) {
		h(b, "<p class=\"error\">%s</p>", T(r, "web_store_error"));
		return;
	}
	risk_summary(r, b, &rk);
	page_pool_moved(r, b, o);
	h(b, "<p><a href=\"/organizations/%lld/profile\">%s</a></p>", (long long)o->id, T(r, "profile_edit"));
}

static void render_profile(req_t *r, resp_t *w, const org_t *o, const profile_answers_t *a, const char *error)
{
	const profile_t *p = r->content->profile;
	lang_t L = r->lang;
	buf_t *b = &w->body;
	risk_t rk;
	profile_risk(p, a, o, &rk);
	page_begin(r, w, T(r, "profile"));
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a></p><p>%s</p>", T(r, "profile"), (long long)o->id, o->name,
	  T(r, "profile_intro"));
	if (error)
		h(b, "<p class=\"error\" role=\"alert\">%s</p>", error);
	risk_summary(r, b, &rk);
	page_pool_moved(r, b, o); /* a change that moved the company's group says so */
	h(b, "<form method=\"post\" action=\"/organizations/%lld/profile\" class=\"form\">", (long long)o->id);
	page_csrf_field(r, b);
	for (int i = 0; i < p->nitems; i++) {
		const profile_item_t *it = &p->items[i];
		if (it->field != PF_ASKED) {
			h(b, "<p>%s: <strong>%s</strong> <span class=\"muted\">（%s）</span></p>", tx(&it->text, L),
			  rk.opt[i] >= 0 ? tx(&it->opts[rk.opt[i]].label, L) : T(r, "profile_unanswered"), T(r, "profile_from_org"));
			continue;
		}
		h(b, "<fieldset class=\"q\"><legend>%s</legend>", tx(&it->text, L));
		for (int k = 0; k < it->nopts; k++)
			h(b, "<label><input type=\"radio\" name=\"%s\" value=\"%s\"%s%s> %s</label>", it->id, it->opts[k].id,
			  a->opt[i] == k ? " checked" : "", k == 0 ? " required" : "", tx(&it->opts[k].label, L));
		h(b, "</fieldset>");
	}
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "web_save"));
	page_end(r, w);
}

void page_profile(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	profile_answers_t a;
	risk_t rk;
	err_t e;
	if (app_company_risk(&r->app, &r->org, &a, &rk, &e) != 0)
		resp_fail(r, w, &e);
	else
		render_profile(r, w, &r->org, &a, NULL);
}

void page_profile_post(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const profile_t *p = r->content->profile;
	profile_answers_t a;
	profile_answers_init(&a);
	err_t e = { 0 };
	bool bad = false;
	for (int i = 0; i < p->nitems && !bad; i++) {
		const char *v = p->items[i].field == PF_ASKED ? req_form(r, p->items[i].id) : NULL;
		bad = v && profile_set(p, &a, p->items[i].id, v, &e) != 0;
	}
	if (!bad && app_profile_save(&r->app, &r->org, &a, false, &e) == 0) {
		resp_redirect(w, "/organizations/%lld/profile#risk", (long long)r->org.id);
		return;
	}
	if (e.code != ERR_INVALID) {
		resp_fail(r, w, &e);
		return;
	}
	w->status = 422;
	char msg[600];
	int i = profile_item_index(p, e.field);
	snprintf(msg, sizeof msg, "%s: %s", i >= 0 ? tx(&p->items[i].text, r->lang) : e.field, err_text(&e, r->lang));
	render_profile(r, w, &r->org, &a, msg);
}
