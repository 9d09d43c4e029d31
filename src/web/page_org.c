/*
 * page_org.c — organisation profile pages: /organizations/new (form), POST /organizations,
 * /organizations/{id} (profile, SME flag, start a diagnosis, edit form) and POST
 * /organizations/{id} (edit). Fields are validated by src/input/org_input.c, the same rules
 * as the command line; a rejected form is shown again with the message beside the field.
 */
#include <stdio.h>
#include <string.h>

#include "app/org.h"
#include "input/org_input.h"
#include "input/page_input.h"
#include "web/pages.h"

#define FIELDS ORG_FIELDS
#define NFIELDS ORG_NFIELDS

/* The stored value as the form shows it: numbers with separators, as a person would type them
 * (the form reads them back, org_input.c). */
static void field_value(const org_t *o, int f, char *out, size_t size)
{
	out[0] = '\0';
	switch (f) {
	case 0: snprintf(out, size, "%s", o->name); break;
	case 1: snprintf(out, size, "%s", o->industry); break;
	case 2: if (o->employees >= 0) num_grouped(o->employees, out, size); break;
	case 3: if (o->capital >= 0) num_grouped(o->capital, out, size); break;
	case 4: snprintf(out, size, "%s", o->prefecture); break;
	case 5: if (o->sites >= 0) num_grouped(o->sites, out, size); break;
	}
}

/* aria-invalid and aria-describedby of a field: its error (bad = the field's id) and its hint */
static void described_by(buf_t *b, const char *bad, const char *hint)
{
	if (bad)
		h(b, " aria-invalid=\"true\"");
	if (bad || hint)
		h(b, " aria-describedby=\"%s%s%s%s\"", bad ? "e-" : "", bad ? bad : "", bad && hint ? " " : "", hint ? hint : "");
}

/* The form: the stored values, or — after a refused post — what was typed (typed[f]), with
 * every problem beside its field (errs[f]) and listed at the top. */
static void org_form(req_t *r, buf_t *b, const org_t *o, const char *action, const char *const *typed, const err_t *errs)
{
	static const char *const unit[NFIELDS] = { NULL, NULL, "org_unit_people", "org_unit_yen", NULL, "org_unit_sites" };
	static const char *const hint[NFIELDS] = { NULL, NULL, "org_hint_employees", "org_hint_capital", NULL, NULL };
	h(b, "<form method=\"post\" action=\"%s\" class=\"form\" id=\"org-form\" novalidate>", action);
	page_csrf_field(r, b);
	for (int f = 0; f < NFIELDS; f++) {
		char val[512];
		if (typed)
			snprintf(val, sizeof val, "%s", typed[f] ? typed[f] : "");
		else
			field_value(o, f, val, sizeof val);
		bool bad = errs && errs[f].code != ERR_NONE;
		h(b, "<p class=\"field%s\"><label for=\"f-%s\">%s", bad ? " invalid" : "", FIELDS[f], T(r, FIELDS[f]));
		if (f == 0)
			h(b, " <span class=\"req\">*</span>");
		h(b, "</label>");
		const char *hid = hint[f] ? (f == 2 ? "h-employees" : "h-capital") : NULL;
		if (f == 1) {
			h(b, "<select id=\"f-industry\" name=\"industry\"");
			described_by(b, bad ? FIELDS[f] : NULL, hid);
			h(b, ">");
			h(b, "<option value=\"\">%s</option>", T(r, "not_given"));
			for (int i = 0; i < r->content->nindustries; i++) {
				const industry_t *ind = &r->content->industries[i];
				h(b, "<option value=\"%s\"%s>%s %s</option>", ind->code, strcmp(ind->code, val) ? "" : " selected",
				  ind->code, tx(&ind->name, r->lang));
			}
			h(b, "</select>");
		} else {
			h(b, "<span class=\"with-unit\"><input id=\"f-%s\" name=\"%s\" value=\"%s\"", FIELDS[f], FIELDS[f], val);
			described_by(b, bad ? FIELDS[f] : NULL, hid);
			if (f == 0)
				h(b, " required maxlength=\"200\" autocomplete=\"organization\"");
			if (f == 2 || f == 3 || f == 5)
				h(b, " inputmode=\"numeric\" class=\"num\"");
			h(b, ">");
			if (unit[f])
				h(b, "<span class=\"unit\">%s</span>", T(r, unit[f]));
			h(b, "</span>");
		}
		if (hint[f])
			h(b, "<span class=\"hint small\" id=\"%s\">%s</span>", hid, T(r, hint[f]));
		if (bad)
			h(b, "<span class=\"error\" id=\"e-%s\">%s</span>", FIELDS[f], err_text(&errs[f], r->lang));
		h(b, "</p>");
	}
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "web_save"));
}

void page_org_new(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	org_t o;
	org_init(&o);
	page_begin(r, w, T(r, "web_new_org"));
	h(&w->body, "<h1>%s</h1><p>%s</p>", T(r, "web_new_org"), T(r, "web_org_help"));
	org_form(r, &w->body, &o, "/organizations", NULL, NULL);
	page_end(r, w);
}

static void save_org(req_t *r, resp_t *w, org_t *o, bool is_new)
{
	err_t errs[NFIELDS], err;
	const char *typed[NFIELDS];
	char action[64];
	snprintf(action, sizeof action, is_new ? "/organizations" : "/organizations/%lld", (long long)o->id);
	for (int f = 0; f < NFIELDS; f++)
		typed[f] = req_form(r, FIELDS[f]);
	int nbad = org_read_form(r->content, o, typed, errs);
	if (nbad) {
		/* everything typed stays, every problem is said at once, at the top and by its field */
		w->status = 422;
		buf_t *b = &w->body;
		page_begin(r, w, T(r, is_new ? "web_new_org" : "web_edit_org"));
		h(b, "<h1>%s</h1><div class=\"error\" role=\"alert\" id=\"form-errors\"><p>%s</p><ul>", T(r, is_new ? "web_new_org" : "web_edit_org"),
		  T(r, "form_fix_these"));
		for (int f = 0; f < NFIELDS; f++)
			if (errs[f].code != ERR_NONE)
				h(b, "<li><a href=\"#f-%s\">%s</a>: %s</li>", FIELDS[f], T(r, FIELDS[f]), err_text(&errs[f], r->lang));
		h(b, "</ul></div>");
		org_form(r, b, o, action, typed, errs);
		page_end(r, w);
		return;
	}
	if ((is_new ? app_org_create(&r->app, o, &err) : app_org_update(&r->app, o, &err)) != 0) {
		resp_fail(r, w, &err);
		return;
	}
	resp_redirect(w, "/organizations/%lld%s", (long long)o->id, is_new ? "" : "?saved=1");
}

void page_org_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	org_t o;
	org_init(&o);
	save_org(r, w, &o, true);
}

void page_org_update(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	save_org(r, w, &r->org, false);
}

void page_org_show(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const org_t o = r->org;
	int page;
	err_t pe;
	if (page_number_parse(req_query(r, "page"), 100000, &page, &pe) != 0) { /* the plan's page (page_plan.c) */
		resp_fail(r, w, &pe);
		return;
	}
	buf_t *b = &w->body;
	const content_t *c = r->content;
	page_begin(r, w, o.name);
	h(b, "<h1>%s</h1>", o.name);
	if (req_query(r, "saved"))
		h(b, "<p class=\"notice\" role=\"status\" id=\"saved\">%s</p>", T(r, "org_saved"));
	if (o.archived[0])
		h(b, PF(r, "<p class=\"notice\" id=\"archived\">%s（%s）</p>"), T(r, "org_archived_notice"), WHEN_DAY(r, o.archived));
	h(b, "<dl class=\"profile\">");
	const industry_t *ind = content_industry(c, o.industry);
	h(b, "<dt>%s</dt><dd>%s %s</dd>", T(r, "industry"), ind ? ind->code : T(r, "not_given"), ind ? tx(&ind->name, r->lang) : "");
	int band = org_size_band(c, o.employees);
	char num[32];
	num_grouped(o.employees, num, sizeof num);
	h(b, "<dt>%s</dt><dd>%s%s%s%s%s</dd>", T(r, "employees"), o.employees >= 0 ? num : T(r, "not_given"),
	  o.employees >= 0 ? T(r, "org_people_after") : "",
	  band >= 0 ? (r->lang == LANG_EN ? " (" : "（") : "", band >= 0 ? tx(&c->size_bands[band].label, r->lang) : "", band >= 0 ? (r->lang == LANG_EN ? ")" : "）") : "");
	num_grouped(o.capital, num, sizeof num);
	h(b, "<dt>%s</dt><dd id=\"capital\">%s%s</dd>", T(r, "capital"), o.capital >= 0 ? num : T(r, "not_given"), o.capital >= 0 ? T(r, "org_yen_after") : "");
	h(b, "<dt>%s</dt><dd>%s</dd>", T(r, "prefecture"), o.prefecture[0] ? o.prefecture : T(r, "not_given"));
	snprintf(num, sizeof num, "%d", o.sites);
	h(b, "<dt>%s</dt><dd>%s</dd>", T(r, "sites"), o.sites >= 0 ? num : T(r, "not_given"));
	sme_t sme = org_sme(c, &o);
	h(b, "<dt>%s</dt><dd class=\"sme\">%s</dd></dl>", T(r, "sme"),
	  T(r, sme == SME_YES ? "sme_yes" : sme == SME_NO ? "sme_no" : "sme_unknown"));
	h(b, "<h2>%s</h2><ul class=\"cards\">", T(r, "web_start"));
	for (int i = 0; i < c->nqs; i++)
		h(b, "<li><a class=\"card\" href=\"/diagnose/%s?org=%lld\"><strong>%s</strong><span>%d %s</span></a></li>",
		  c->qs[i]->id, (long long)o.id, tx(&c->qs[i]->title, r->lang), c->qs[i]->minutes, T(r, "minutes"));
	h(b, "</ul><p><a href=\"/organizations/%lld/history\">%s</a></p>", (long long)o.id, T(r, "history"));
	h(b, "<p><a href=\"/organizations/%lld/security-action\" id=\"security-action-link\">%s</a></p>", (long long)o.id, T(r, "sa_link"));
	h(b, PF(r, "<p><a href=\"/organizations/%lld/contractors\" id=\"contractors-link\">%s</a> ・ <a href=\"/organizations/%lld/cloud\" id=\"cloud-link\">%s</a></p>"), (long long)o.id, T(r, "ct_title"), (long long)o.id, T(r, "cloud_title"));
	page_profile_section(r, b, &o);
	h(b, PF(r, "<p id=\"risk-links\"><a href=\"/organizations/%lld/assets\">%s</a> ・ <a href=\"/organizations/%lld/risks\">%s</a></p>"), (long long)o.id, T(r, "asset_ledger"), (long long)o.id, T(r, "risk_register"));
	h(b, PF(r, "<p id=\"incident-links\"><a href=\"/organizations/%lld/incidents\">%s</a> ・ <a href=\"/organizations/%lld/manual\">%s</a></p>"), (long long)o.id, T(r, "inc_register"), (long long)o.id, T(r, "inc_manual"));
	page_plan_section(r, b, &o);
	if (r->app.who.role != UROLE_VIEWER)
		page_link_section(r, b, &o);
	char action[64];
	snprintf(action, sizeof action, "/organizations/%lld", (long long)o.id);
	h(b, "<h2>%s</h2>", T(r, "web_edit_org"));
	org_form(r, b, &o, action, NULL, NULL);
	page_delete_section(r, b, &o);
	page_end(r, w);
}
