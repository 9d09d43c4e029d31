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
		h(b, PF(r, "<li>%s: %s（+%d）</li>"), tx(&it->text, r->lang), tx(&it->opts[rk->opt[why[i]]].label, r->lang),
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

/* bad[i]: item i's problem, shown at its question and listed at the top (NULL: none) */
static void render_profile(req_t *r, resp_t *w, const org_t *o, const profile_answers_t *a, const err_t *bad)
{
	const profile_t *p = r->content->profile;
	lang_t L = r->lang;
	buf_t *b = &w->body;
	risk_t rk;
	profile_risk(p, a, o, &rk);
	page_begin(r, w, T(r, "profile"));
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a></p><p>%s</p>", T(r, "profile"), (long long)o->id, o->name,
	  T(r, "profile_intro"));
	if (bad) {
		h(b, "<div class=\"error\" role=\"alert\" id=\"form-errors\"><p>%s</p><ul>", T(r, "form_fix_these"));
		for (int i = 0; i < p->nitems; i++)
			if (bad[i].code != ERR_NONE)
				h(b, "<li><a href=\"#p-%s\">%s</a>: %s</li>", p->items[i].id, tx(&p->items[i].text, L), err_text(&bad[i], L));
		h(b, "</ul></div>");
	}
	risk_summary(r, b, &rk);
	if (!bad && req_query(r, "saved"))
		h(b, "<p class=\"notice\" role=\"status\" id=\"saved\">%s</p>", T(r, "org_saved"));
	page_pool_moved(r, b, o); /* a change that moved the company's group says so */
	h(b, "<form method=\"post\" action=\"/organizations/%lld/profile\" class=\"form\" id=\"profile-form\" novalidate>", (long long)o->id);
	page_csrf_field(r, b);
	for (int i = 0; i < p->nitems; i++) {
		const profile_item_t *it = &p->items[i];
		if (it->field != PF_ASKED) {
			h(b, PF(r, "<p>%s: <strong>%s</strong> <span class=\"muted\">（%s）</span></p>"), tx(&it->text, L),
			  rk.opt[i] >= 0 ? tx(&it->opts[rk.opt[i]].label, L) : T(r, "profile_unanswered"), T(r, "profile_from_org"));
			continue;
		}
		bool wrong = bad && bad[i].code != ERR_NONE;
		h(b, "<fieldset class=\"q\" id=\"p-%s\"", it->id);
		if (wrong)
			h(b, " aria-invalid=\"true\" aria-describedby=\"pe-%s\"", it->id);
		h(b, "><legend>%s</legend>", tx(&it->text, L));
		if (wrong)
			h(b, "<span class=\"error\" id=\"pe-%s\">%s</span>", it->id, err_text(&bad[i], L));
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
	err_t bad[PROFILE_MAX_ITEMS], e = { 0 };
	int nbad = 0;
	/* every question is checked, so all gaps are shown at once, each at its question; what
	 * was chosen stays chosen */
	for (int i = 0; i < p->nitems; i++) {
		err_clear(&bad[i]);
		if (p->items[i].field != PF_ASKED)
			continue;
		const char *v = req_form(r, p->items[i].id);
		if (!v || !*v)
			nbad += err_set(&bad[i], ERR_INVALID, p->items[i].id, "選んでください（未回答です）", "please choose one (not answered)") != 0;
		else if (profile_set(p, &a, p->items[i].id, v, &e) != 0) {
			/* the reason without the item's id in front (the form shows it at the question) */
			const char *ja = strstr(e.ja, ": "), *en = strstr(e.en, ": ");
			nbad += err_set(&bad[i], ERR_INVALID, p->items[i].id, "%s。もう一度選んでください%.0s", "%.0s%s; please choose again",
					ja ? ja + 2 : e.ja, en ? en + 2 : e.en) != 0;
		}
	}
	if (!nbad && app_profile_save(&r->app, &r->org, &a, false, &e) == 0) {
		resp_redirect(w, "/organizations/%lld/profile?saved=1#risk", (long long)r->org.id);
		return;
	}
	if (!nbad && e.code != ERR_INVALID) {
		resp_fail(r, w, &e);
		return;
	}
	if (!nbad) { /* a rule of the save that the form could not see: shown at its question */
		int i = profile_item_index(p, e.field);
		if (i < 0)
			i = 0;
		const char *ja = strstr(e.ja, ": "), *en = strstr(e.en, ": ");
		err_set(&bad[i], ERR_INVALID, e.field, "%s%.0s", "%.0s%s", ja ? ja + 2 : e.ja, en ? en + 2 : e.en);
	}
	w->status = 422;
	render_profile(r, w, &r->org, &a, bad);
}
