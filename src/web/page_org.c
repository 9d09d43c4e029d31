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
#include "web/pages.h"

static const char *const FIELDS[] = { "name", "industry", "employees", "capital", "prefecture", "sites" };
#define NFIELDS 6

static void field_value(const org_t *o, int f, char *out, size_t size)
{
	out[0] = '\0';
	switch (f) {
	case 0: snprintf(out, size, "%s", o->name); break;
	case 1: snprintf(out, size, "%s", o->industry); break;
	case 2: if (o->employees >= 0) snprintf(out, size, "%d", o->employees); break;
	case 3: if (o->capital >= 0) snprintf(out, size, "%lld", (long long)o->capital); break;
	case 4: snprintf(out, size, "%s", o->prefecture); break;
	case 5: if (o->sites >= 0) snprintf(out, size, "%d", o->sites); break;
	}
}

static void org_form(req_t *r, buf_t *b, const org_t *o, const char *action, const err_t *err)
{
	h(b, "<form method=\"post\" action=\"%s\" class=\"form\">", action);
	page_csrf_field(r, b);
	for (int f = 0; f < NFIELDS; f++) {
		char val[256];
		field_value(o, f, val, sizeof val);
		bool bad = err && !strcmp(err->field, FIELDS[f]);
		h(b, "<p><label for=\"f-%s\">%s", FIELDS[f], T(r, FIELDS[f]));
		if (f == 0)
			h(b, " <span class=\"req\">*</span>");
		h(b, "</label>");
		if (f == 1) {
			h(b, "<select id=\"f-industry\" name=\"industry\"");
			if (bad)
				h(b, " aria-invalid=\"true\" aria-describedby=\"e-industry\"");
			h(b, "><option value=\"\">%s</option>", T(r, "not_given"));
			for (int i = 0; i < r->content->nindustries; i++) {
				const industry_t *ind = &r->content->industries[i];
				h(b, "<option value=\"%s\"%s>%s %s</option>", ind->code, strcmp(ind->code, val) ? "" : " selected",
				  ind->code, tx(&ind->name, r->lang));
			}
			h(b, "</select>");
		} else {
			h(b, "<input id=\"f-%s\" name=\"%s\" value=\"%s\"", FIELDS[f], FIELDS[f], val);
			if (f == 0)
				h(b, " required maxlength=\"200\"");
			if (f == 2 || f == 3 || f == 5)
				h(b, " inputmode=\"numeric\"");
			if (bad)
				h(b, " aria-invalid=\"true\"");
			h(b, ">");
		}
		if (bad)
			h(b, "<span class=\"error\" id=\"e-%s\">%s</span>", FIELDS[f], err->ja[0] ? (r->lang == LANG_EN ? err->en : err->ja) : "");
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
	org_form(r, &w->body, &o, "/organizations", NULL);
	page_end(r, w);
}

/* Reads the posted fields into o; returns 0 or fills err. */
static int read_form(req_t *r, org_t *o, err_t *err)
{
	for (int f = 0; f < NFIELDS; f++) {
		const char *v = req_form(r, FIELDS[f]);
		if (org_set_field(r->content, o, FIELDS[f], v ? v : "", err) != 0)
			return -1;
	}
	return org_check(o, err);
}

static void save_org(req_t *r, resp_t *w, org_t *o, bool is_new)
{
	err_t err;
	char action[64];
	snprintf(action, sizeof action, is_new ? "/organizations" : "/organizations/%lld", (long long)o->id);
	if (read_form(r, o, &err) != 0) {
		w->status = 422;
		page_begin(r, w, T(r, is_new ? "web_new_org" : "web_edit_org"));
		h(&w->body, "<h1>%s</h1><p class=\"error\" role=\"alert\">%s</p>", T(r, is_new ? "web_new_org" : "web_edit_org"),
		  r->lang == LANG_EN ? err.en : err.ja);
		org_form(r, &w->body, o, action, &err);
		page_end(r, w);
		return;
	}
	if ((is_new ? app_org_create(&r->app, o, &err) : app_org_update(&r->app, o, &err)) != 0) {
		resp_fail(r, w, &err);
		return;
	}
	resp_redirect(w, "/organizations/%lld", (long long)o->id);
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
	buf_t *b = &w->body;
	const content_t *c = r->content;
	page_begin(r, w, o.name);
	h(b, "<h1>%s</h1>", o.name);
	if (o.archived[0])
		h(b, "<p class=\"notice\" id=\"archived\">%s（%.10s）</p>", T(r, "org_archived_notice"), o.archived);
	h(b, "<dl class=\"profile\">");
	const industry_t *ind = content_industry(c, o.industry);
	h(b, "<dt>%s</dt><dd>%s %s</dd>", T(r, "industry"), ind ? ind->code : T(r, "not_given"), ind ? tx(&ind->name, r->lang) : "");
	int band = org_size_band(c, o.employees);
	char num[32];
	snprintf(num, sizeof num, "%d", o.employees);
	h(b, "<dt>%s</dt><dd>%s%s%s%s</dd>", T(r, "employees"), o.employees >= 0 ? num : T(r, "not_given"),
	  band >= 0 ? "（" : "", band >= 0 ? tx(&c->size_bands[band].label, r->lang) : "", band >= 0 ? "）" : "");
	snprintf(num, sizeof num, "%lld", (long long)o.capital);
	h(b, "<dt>%s</dt><dd>%s %s</dd>", T(r, "capital"), o.capital >= 0 ? num : T(r, "not_given"), o.capital >= 0 ? T(r, "yen") : "");
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
	h(b, "<p><a href=\"/organizations/%lld/contractors\" id=\"contractors-link\">%s</a> ・ <a href=\"/organizations/%lld/cloud\" id=\"cloud-link\">%s</a></p>", (long long)o.id, T(r, "ct_title"), (long long)o.id, T(r, "cloud_title"));
	page_profile_section(r, b, &o);
	h(b, "<p id=\"risk-links\"><a href=\"/organizations/%lld/assets\">%s</a> ・ <a href=\"/organizations/%lld/risks\">%s</a></p>", (long long)o.id, T(r, "asset_ledger"), (long long)o.id, T(r, "risk_register"));
	h(b, "<p id=\"incident-links\"><a href=\"/organizations/%lld/incidents\">%s</a> ・ <a href=\"/organizations/%lld/manual\">%s</a></p>", (long long)o.id, T(r, "inc_register"), (long long)o.id, T(r, "inc_manual"));
	page_plan_section(r, b, &o);
	if (r->app.who.role != UROLE_VIEWER)
		page_link_section(r, b, &o);
	char action[64];
	snprintf(action, sizeof action, "/organizations/%lld", (long long)o.id);
	h(b, "<h2>%s</h2>", T(r, "web_edit_org"));
	org_form(r, b, &o, action, NULL);
	page_delete_section(r, b, &o);
	page_end(r, w);
}
