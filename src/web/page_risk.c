/*
 * page_risk.c — the risk register in the browser, under the organisation:
 *   GET  /organizations/{id}/risks             the matrix as a heat map (as assessed and after
 *                                               treatment), the guideline's worked example, the
 *                                               register sorted, filtered and 50 a page, and the
 *                                               organisation's own suggested treatments
 *   GET  /organizations/{id}/risks/new         the form (?asset=ID fills the asset)
 *   POST /organizations/{id}/risks             assess; the page of the risk shows the suggestion
 *   POST /organizations/{id}/risks/matrix      the organisation's matrix and inventory period
 *   GET  /organizations/{id}/risks/{rid}       one risk, its suggestion, the decision form
 *   POST /organizations/{id}/risks/{rid}       decide or change; …/delete removes it
 * A decision to reduce puts the checklist questions of its measures in the action plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/asset.h"
#include "app/risk.h"
#include "core/knowledge.h"
#include "input/risk_input.h"
#include "web/pages.h"
#include "web/svg.h"

static const risk_content_t *RC(const req_t *r) { return r->content->risk; }
static bool may_write(const req_t *r) { return r->app.who.role != UROLE_VIEWER; }

/* ---- the heat map ---- */

static void heat_map(req_t *r, buf_t *b, const char *id, const char *title, const risk_matrix_t *m, int64_t counts[3][3], bool example)
{
	const risk_content_t *rc = RC(r);
	const char *rows[3], *cols[3], *labels[3][3];
	long long c[3][3];
	for (int k = 0; k < 3; k++) {
		rows[k] = tx(&rc->freqs[k].label, r->lang);
		cols[k] = tx(&rc->impacts[k].label, r->lang);
	}
	for (int f = 0; f < 3; f++)
		for (int i = 0; i < 3; i++) {
			c[f][i] = counts[f][i];
			labels[f][i] = tx(&rc->treats[m->cell[f][i]].label, r->lang);
		}
	h(b, "<figure class=\"riskmap\" id=\"%s\">", id);
	svg_risk_matrix(b, id[0] == 'm' ? "rm-title" : "rr-title", title, rows, cols, (const long long (*)[3])c, (const char *const (*)[3])labels,
			example ? (int)rc->example_freq : -1, (int)rc->example_impact, example ? tx(&rc->example_threat, r->lang) : NULL);
	/* the same numbers as a table */
	h(b, PF(r, "<table class=\"riskmap\"><caption>%s</caption><thead><tr><th scope=\"col\">%s ＼ %s</th>"), title, T(r, "risk_frequency"),
	  T(r, "risk_impact"));
	for (int i = 0; i < 3; i++)
		h(b, "<th scope=\"col\">%s</th>", cols[i]);
	h(b, "</tr></thead><tbody>");
	for (int f = 0; f < 3; f++) {
		h(b, "<tr><th scope=\"row\">%s</th>", rows[f]);
		for (int i = 0; i < 3; i++)
			h(b, PF(r, "<td class=\"num\" data-cell=\"%s:%s\">%lld（%s）</td>"), RISK_FREQ_IDS[f], RISK_IMPACT_IDS[i], (long long)counts[f][i], labels[f][i]);
		h(b, "</tr>");
	}
	h(b, "</tbody></table></figure>");
}

static void matrix_settings(req_t *r, buf_t *b, int64_t org, const risk_matrix_t *m, bool own)
{
	const risk_content_t *rc = RC(r);
	h(b, "<details><summary>%s</summary><form method=\"post\" action=\"/organizations/%lld/risks/matrix\" class=\"form matrix\">",
	  T(r, "risk_matrix_settings"), (long long)org);
	page_csrf_field(r, b);
	h(b, "<table class=\"riskmap\"><thead><tr><th scope=\"col\"></th>");
	for (int i = 0; i < 3; i++)
		h(b, "<th scope=\"col\">%s</th>", tx(&rc->impacts[i].label, r->lang));
	h(b, "</tr></thead><tbody>");
	for (int f = 0; f < 3; f++) {
		h(b, "<tr><th scope=\"row\">%s</th>", tx(&rc->freqs[f].label, r->lang));
		for (int i = 0; i < 3; i++) {
			h(b, "<td><label class=\"visually-hidden\" for=\"m-%s-%s\">%s / %s</label><select id=\"m-%s-%s\" name=\"%s:%s\">", RISK_FREQ_IDS[f],
			  RISK_IMPACT_IDS[i], tx(&rc->freqs[f].label, r->lang), tx(&rc->impacts[i].label, r->lang), RISK_FREQ_IDS[f], RISK_IMPACT_IDS[i],
			  RISK_FREQ_IDS[f], RISK_IMPACT_IDS[i]);
			for (int t = 0; t < RISK_TREATS; t++)
				h(b, "<option value=\"%s\"%s>%s</option>", RISK_TREAT_IDS[t], m->cell[f][i] == (risk_treat_t)t ? " selected" : "",
				  tx(&rc->treats[t].label, r->lang));
			h(b, "</select><small class=\"help\">%s</small></td>",
			  own ? T(r, "risk_cell_org") : rc->from_seed[f][i] ? T(r, "risk_cell_seed") : T(r, "risk_cell_default"));
		}
		h(b, "</tr>");
	}
	int months = app_inventory_months(&r->app, org);
	h(b, "</tbody></table><p><label for=\"m-inv\">%s</label><input id=\"m-inv\" name=\"inventory_months\" inputmode=\"numeric\" value=\"%d\" size=\"4\"></p>",
	  T(r, "asset_inventory_months"), months);
	h(b, "<p><button type=\"submit\">%s</button> <button type=\"submit\" name=\"reset\" value=\"1\" class=\"link\">%s</button></p></form></details>",
	  T(r, "risk_matrix_save"), T(r, "risk_matrix_reset"));
}

/* ---- the register ---- */

typedef struct {
	req_t *r;
	buf_t *b;
	risk_matrix_t m;
} rows_t;

static bool risk_row(const risk_rec_t *k, void *arg)
{
	rows_t *x = arg;
	req_t *r = x->r;
	const risk_content_t *rc = RC(r);
	risk_treat_t s = risk_suggest(&x->m, k->freq, k->impact);
	h(x->b, "<tr><td class=\"num\">%lld</td><th scope=\"row\"><a href=\"/organizations/%lld/risks/%lld\">%s</a></th><td>", (long long)k->id,
	  (long long)k->org_id, (long long)k->id, k->threat);
	for (int a = 0; a < k->nassets && a < 5; a++)
		h(x->b, "%s<a href=\"/organizations/%lld/assets/%lld\">#%lld</a>", a ? " " : "", (long long)k->org_id, (long long)k->assets[a],
		  (long long)k->assets[a]);
	if (k->nassets > 5)
		h(x->b, " …");
	h(x->b, "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"treatment\">%s</td><td class=\"date\">%s</td></tr>",
	  tx(&rc->sources[k->source].label, r->lang), tx(&rc->freqs[k->freq].label, r->lang), tx(&rc->impacts[k->impact].label, r->lang),
	  tx(&rc->treats[s].label, r->lang), k->treatment >= 0 ? tx(&rc->treats[k->treatment].label, r->lang) : T(r, "risk_undecided"),
	  k->review);
	return true;
}

static void list_url(buf_t *u, int64_t org, const risk_params_t *p, const char *sort, const char *order, int page)
{
	buf_printf(u, "/organizations/%lld/risks?", (long long)org);
	const char *names[] = { "q", "asset", "frequency", "impact", "treatment" };
	const char *values[] = { p->q, p->asset, p->frequency, p->impact, p->treatment };
	for (int i = 0; i < 5; i++)
		if (values[i] && values[i][0]) {
			buf_printf(u, "%s=", names[i]);
			h_urlenc(u, values[i]);
			buf_puts(u, "&");
		}
	buf_printf(u, "sort=%s&order=%s", sort, order);
	if (page > 1)
		buf_printf(u, "&page=%d", page);
}

static void sort_th(buf_t *b, int64_t org, const risk_params_t *p, const risk_filter_t *f, int sort, const char *label)
{
	bool current = f->sort == sort;
	buf_t u = { 0 };
	list_url(&u, org, p, RISK_SORT_IDS[sort], current && !f->desc ? "desc" : "asc", 1);
	if (current)
		h(b, "<th scope=\"col\" aria-sort=\"%s\"><a href=\"%s\">%s %s</a></th>", f->desc ? "descending" : "ascending", u.data, label,
		  f->desc ? "▼" : "▲");
	else
		h(b, "<th scope=\"col\"><a href=\"%s\">%s</a></th>", u.data, label);
	buf_free(&u);
}

static void select_choices(req_t *r, buf_t *b, const char *name, const char *label, const char *const *ids, const risk_label_t *labels,
			   int n, int chosen, bool any)
{
	h(b, "<p><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\">", name, label, name, name);
	if (any)
		h(b, "<option value=\"\">%s</option>", T(r, "web_any"));
	for (int k = 0; k < n; k++)
		h(b, "<option value=\"%s\"%s>%s</option>", ids[k], chosen == k ? " selected" : "", tx(&labels[k].label, r->lang));
	h(b, "</select></p>");
}

void page_risks(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const org_t o = r->org;
	risk_params_t p = { req_query(r, "q"), req_query(r, "asset"), req_query(r, "frequency"), req_query(r, "impact"),
			    req_query(r, "treatment"), req_query(r, "sort"), req_query(r, "order"), req_query(r, "page"), NULL };
	risk_filter_t f;
	err_t e;
	if (risk_filter_parse(r->content, &p, 50, &f, &e) != 0) {
		char msg[ERR_TEXT_LEN + 128];
		snprintf(msg, sizeof msg, "%s: %s", T(r, "web_bad_filter"), err_text(&e, r->lang));
		page_error_text(r, w, 400, msg);
		return;
	}
	rows_t x = { .r = r };
	bool own;
	int64_t counts[3][3], residual[3][3], total = 0;
	buf_t rows = { 0 };
	x.b = &rows;
	if (app_risk_matrix(&r->app, o.id, &x.m, &own, &e) != 0 || app_risk_counts(&r->app, o.id, false, counts, &e) != 0 ||
	    app_risk_counts(&r->app, o.id, true, residual, &e) != 0 || app_risk_list(&r->app, o.id, &f, risk_row, &x, &total, &e) != 0) {
		buf_free(&rows);
		resp_fail(r, w, &e);
		return;
	}
	const risk_content_t *rc = RC(r);
	buf_t *b = &w->body;
	char title[512];
	snprintf(title, sizeof title, "%s — %s", T(r, "risk_register"), o.name);
	page_begin(r, w, title);
	h(b, PF(r, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a> ・ <a href=\"/organizations/%lld/assets\">%s</a> ・ <a href=\"/organizations/%lld#plan\">%s</a></p>"),
	  T(r, "risk_register"), (long long)o.id, o.name, (long long)o.id, T(r, "asset_ledger"), (long long)o.id, T(r, "risk_plan_items"));
	h(b, "<p class=\"lead\">%s</p><p class=\"muted\">%s: %s</p>", T(r, "risk_intro"), T(r, "asset_source"), tx(&rc->source_doc, r->lang));
	page_report_links(r, b, "organizations", (long long)o.id, "ledger", false);
	if (may_write(r))
		h(b, "<p><a class=\"button\" href=\"/organizations/%lld/risks/new\">%s</a></p>", (long long)o.id, T(r, "risk_new"));
	h(b, "<h2>%s</h2>", T(r, "risk_matrix"));
	heat_map(r, b, "matrix", T(r, "risk_matrix_counts"), &x.m, counts, true);
	risk_treat_t ex = risk_suggest(&x.m, rc->example_freq, rc->example_impact);
	h(b, PF(r, "<p id=\"worked-example\" class=\"muted\">%s: ▲%s — %s / %s → %s（%s）</p>"), T(r, "risk_example"), tx(&rc->example_threat, r->lang),
	  tx(&rc->freqs[rc->example_freq].label, r->lang), tx(&rc->impacts[rc->example_impact].label, r->lang), tx(&rc->treats[ex].label, r->lang),
	  tx(&rc->treat_actions[ex], r->lang));
	h(b, "<ul class=\"treatments\">");
	for (int t = 0; t < RISK_TREATS; t++)
		h(b, PF(r, "<li><strong>%s</strong>: %s（%s）</li>"), tx(&rc->treats[t].label, r->lang), tx(&rc->treats[t].text, r->lang),
		  tx(&rc->treat_actions[t], r->lang));
	h(b, "</ul>");
	heat_map(r, b, "residual", T(r, "risk_matrix_residual"), &x.m, residual, false);
	if (may_write(r))
		matrix_settings(r, b, o.id, &x.m, own);
	h(b, "<h2 id=\"register\">%s</h2>", T(r, "risk_register"));
	h(b, "<form method=\"get\" action=\"/organizations/%lld/risks\" class=\"form filters\" role=\"search\">", (long long)o.id);
	h(b, "<p><label for=\"f-q\">%s</label><input id=\"f-q\" name=\"q\" value=\"%s\" maxlength=\"200\"></p>", T(r, "risk_threat"), f.q);
	select_choices(r, b, "frequency", T(r, "risk_frequency"), RISK_FREQ_IDS, rc->freqs, RISK_FREQS, f.freq, true);
	select_choices(r, b, "impact", T(r, "risk_impact"), RISK_IMPACT_IDS, rc->impacts, RISK_IMPACTS, f.impact, true);
	h(b, "<p><label for=\"f-treatment\">%s</label><select id=\"f-treatment\" name=\"treatment\"><option value=\"\">%s</option><option value=\"none\"%s>%s</option>",
	  T(r, "risk_treatment"), T(r, "web_any"), f.treatment == RT_NONE ? " selected" : "", T(r, "risk_undecided"));
	for (int t = 0; t < RISK_TREATS; t++)
		h(b, "<option value=\"%s\"%s>%s</option>", RISK_TREAT_IDS[t], f.treatment == t ? " selected" : "", tx(&rc->treats[t].label, r->lang));
	h(b, "</select></p>");
	if (f.asset_id)
		h(b, "<input type=\"hidden\" name=\"asset\" value=\"%lld\">", (long long)f.asset_id);
	h(b, "<p><button type=\"submit\">%s</button> <a href=\"/organizations/%lld/risks\">%s</a></p></form>", T(r, "asset_filter_button"),
	  (long long)o.id, T(r, "asset_filter_clear"));
	h(b, "<p class=\"muted\" id=\"risk-count\">%s: %lld</p>", T(r, "risk_total"), (long long)total);
	if (total == 0) {
		h(b, "<p id=\"risk-empty\">%s</p>", T(r, "risk_empty"));
	} else {
		h(b, "<div class=\"table-scroll\"><table class=\"register\"><thead><tr>");
		sort_th(b, o.id, &p, &f, 0, "ID");
		h(b, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>", T(r, "risk_threat"), T(r, "risk_assets"),
		  T(r, "risk_source"));
		sort_th(b, o.id, &p, &f, 1, T(r, "risk_frequency"));
		h(b, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>", T(r, "risk_impact"), T(r, "risk_suggested"));
		sort_th(b, o.id, &p, &f, 2, T(r, "risk_treatment"));
		sort_th(b, o.id, &p, &f, 3, T(r, "risk_review"));
		h(b, "</tr></thead><tbody>");
		buf_put(b, rows.data ? rows.data : "", rows.len);
		h(b, "</tbody></table></div>");
		int pages = (int)((total + f.per_page - 1) / f.per_page);
		if (pages > 1) {
			buf_t u = { 0 };
			h(b, "<nav class=\"pages\" aria-label=\"%s\">", T(r, "clients_pages"));
			if (f.page > 1) {
				list_url(&u, o.id, &p, RISK_SORT_IDS[f.sort], f.desc ? "desc" : "asc", f.page - 1);
				h(b, "<a rel=\"prev\" href=\"%s\">%s</a> ", u.data, T(r, "clients_prev"));
				buf_free(&u);
			}
			h(b, "<span>%s %d / %d</span>", T(r, "clients_page"), f.page, pages);
			if (f.page < pages) {
				list_url(&u, o.id, &p, RISK_SORT_IDS[f.sort], f.desc ? "desc" : "asc", f.page + 1);
				h(b, " <a rel=\"next\" href=\"%s\">%s</a>", u.data, T(r, "clients_next"));
				buf_free(&u);
			}
			h(b, "</nav>");
		}
	}
	buf_free(&rows);
	page_end(r, w);
}

void page_risk_matrix_post(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	risk_settings_t s = { .has_matrix = !req_form(r, "reset") };
	err_t e;
	for (int f = 0; f < RISK_FREQS; f++)
		for (int i = 0; i < RISK_IMPACTS; i++) {
			char key[32];
			snprintf(key, sizeof key, "%s:%s", RISK_FREQ_IDS[f], RISK_IMPACT_IDS[i]);
			const char *v = req_form(r, key);
			int t = risk_id_index(RISK_TREAT_IDS, RISK_TREATS, v);
			if (s.has_matrix && t < 0) {
				page_error(r, w, 400, "web_bad_form");
				return;
			}
			s.matrix.cell[f][i] = t < 0 ? RT_REDUCE : (risk_treat_t)t;
		}
	const char *inv = req_form(r, "inventory_months");
	if (inv && *inv) {
		long long m = parse_id(inv);
		if (m < 1 || m > 120) {
			err_set(&e, ERR_INVALID, "inventory_months", "棚卸しの間隔は 1〜120 か月です", "the inventory interval must be 1-120 months");
			resp_fail(r, w, &e);
			return;
		}
		s.inventory_months = s.has_matrix ? (int)m : 0;
	}
	if (app_risk_settings(&r->app, r->org.id, &s, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/organizations/%lld/risks", (long long)r->org.id);
}

/* ---- the form ---- */

static void risk_form(req_t *r, buf_t *b, const risk_rec_t *k, const char *action, const err_t *err, bool is_new)
{
	const risk_content_t *rc = RC(r);
	const content_t *c = r->content;
	h(b, "<form method=\"post\" action=\"%s\" class=\"form risk\">", action);
	page_csrf_field(r, b);
	if (err)
		h(b, "<p class=\"error\" role=\"alert\" id=\"form-error\">%s</p>", err_text(err, r->lang));
	char ids[512] = "";
	for (int a = 0; a < k->nassets; a++) {
		size_t len = strlen(ids);
		snprintf(ids + len, sizeof ids - len, "%s%lld", a ? "," : "", (long long)k->assets[a]);
	}
	h(b, PF(r, "<p><label for=\"f-assets\">%s（ID）</label><input id=\"f-assets\" name=\"assets\" value=\"%s\" maxlength=\"400\"%s>"
	     "<small class=\"help\"><a href=\"/organizations/%lld/assets\">%s</a></small></p>"),
	  T(r, "risk_assets"), ids, is_new ? " required" : "", (long long)r->org.id, T(r, "asset_ledger"));
	h(b, "<p><label for=\"f-threat_ref\">%s</label><select id=\"f-threat_ref\" name=\"threat_ref\"><option value=\"\">—</option><optgroup label=\"%s\">",
	  T(r, "risk_threat_pick"), T(r, "risk_scenarios"));
	for (int s = 0; s < c->nscenarios; s++) {
		char ref[48];
		snprintf(ref, sizeof ref, "scenario:%s", c->scenarios[s].id);
		h(b, "<option value=\"%s\"%s>%s. %s</option>", ref, strcmp(ref, k->threat_ref) ? "" : " selected", c->scenarios[s].id,
		  tx(&c->scenarios[s].title, r->lang));
	}
	h(b, "</optgroup><optgroup label=\"%s\">", T(r, "risk_threats_tokyo"));
	for (int t = 0; t < c->nthreats; t++) {
		char ref[64];
		snprintf(ref, sizeof ref, "threat:%s", c->threats[t].id);
		h(b, "<option value=\"%s\"%s>%s</option>", ref, strcmp(ref, k->threat_ref) ? "" : " selected", tx(&c->threats[t].title, r->lang));
	}
	h(b, "</optgroup></select></p><p><label for=\"f-threat\">%s</label><input id=\"f-threat\" name=\"threat\" value=\"%s\" maxlength=\"200\"></p>",
	  T(r, "risk_threat_text"), k->threat);
	const struct {
		const char *name, *label;
		const char *const *ids;
		const risk_label_t *labels;
		int n, v;
	} groups[] = {
		{ "source", "risk_source", RISK_SOURCE_IDS, rc->sources, RISK_SOURCES, (int)k->source },
		{ "frequency", "risk_frequency", RISK_FREQ_IDS, rc->freqs, RISK_FREQS, (int)k->freq },
		{ "impact", "risk_impact", RISK_IMPACT_IDS, rc->impacts, RISK_IMPACTS, (int)k->impact },
	};
	for (int g = 0; g < 3; g++) {
		h(b, "<fieldset class=\"question\"><legend>%s</legend>", T(r, groups[g].label));
		for (int o = 0; o < groups[g].n; o++)
			h(b, "<label class=\"option\"><input type=\"radio\" name=\"%s\" value=\"%s\"%s required> %s <small class=\"help\">%s</small></label>",
			  groups[g].name, groups[g].ids[o], groups[g].v == o ? " checked" : "", tx(&groups[g].labels[o].label, r->lang),
			  tx(&groups[g].labels[o].text, r->lang));
		h(b, "</fieldset>");
	}
	h(b, "<p><label for=\"f-treatment\">%s</label><select id=\"f-treatment\" name=\"treatment\"><option value=\"\">%s</option>", T(r, "risk_treatment"),
	  T(r, "risk_undecided"));
	for (int t = 0; t < RISK_TREATS; t++)
		h(b, "<option value=\"%s\"%s>%s — %s</option>", RISK_TREAT_IDS[t], k->treatment == (risk_treat_t)t ? " selected" : "",
		  tx(&rc->treats[t].label, r->lang), tx(&rc->treat_actions[t], r->lang));
	h(b, "</select></p><p><label for=\"f-reason\">%s</label><textarea id=\"f-reason\" name=\"reason\" rows=\"3\" maxlength=\"1000\">%s</textarea></p>",
	  T(r, "risk_reason"), k->reason);
	h(b, "<fieldset class=\"measures\"><legend>%s</legend><p class=\"help\">%s</p>", T(r, "risk_measures"), T(r, "risk_measures_help"));
	char chosen[RISK_MEASURES_MAX][8];
	int nchosen = risk_measure_list(k, chosen, RISK_MEASURES_MAX);
	for (int m = 0; m < c->nmeasures; m++) {
		bool on = false;
		for (int j = 0; j < nchosen; j++)
			on |= !strcmp(chosen[j], c->measures[m].id);
		h(b, "<label class=\"option\"><input type=\"checkbox\" name=\"measure\" value=\"%s\"%s> %s %s</label>", c->measures[m].id,
		  on ? " checked" : "", c->measures[m].id, tx(&c->measures[m].title, r->lang));
	}
	h(b, "</fieldset><fieldset class=\"residual\"><legend>%s</legend>", T(r, "risk_residual"));
	h(b, "<p><label for=\"f-rf\">%s</label><select id=\"f-rf\" name=\"residual_frequency\"><option value=\"\">%s</option>", T(r, "risk_frequency"),
	  T(r, "risk_not_assessed"));
	for (int f = 0; f < RISK_FREQS; f++)
		h(b, "<option value=\"%s\"%s>%s</option>", RISK_FREQ_IDS[f], k->res_freq == f ? " selected" : "", tx(&rc->freqs[f].label, r->lang));
	h(b, "</select></p><p><label for=\"f-ri\">%s</label><select id=\"f-ri\" name=\"residual_impact\"><option value=\"\">%s</option>",
	  T(r, "risk_impact"), T(r, "risk_not_assessed"));
	for (int i = 0; i < RISK_IMPACTS; i++)
		h(b, "<option value=\"%s\"%s>%s</option>", RISK_IMPACT_IDS[i], k->res_impact == i ? " selected" : "", tx(&rc->impacts[i].label, r->lang));
	h(b, "</select></p></fieldset><p><label for=\"f-review\">%s</label><input id=\"f-review\" name=\"review\" type=\"date\" value=\"%s\"></p>",
	  T(r, "risk_review"), k->review);
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "asset_save"));
}

/* The posted fields into k; 0 or -1 with e. Checkboxes "measure" replace the list. */
static int read_form(req_t *r, risk_rec_t *k, err_t *e)
{
	static const char *const FIELDS[] = { "assets", "threat_ref", "threat", "source", "frequency", "impact", "treatment", "reason",
					      "residual_frequency", "residual_impact", "review", NULL };
	const char *ref = req_form(r, "threat_ref"), *threat = req_form(r, "threat");
	/* another threat chosen from the lists while the text still reads as before: the list's
	 * title becomes the threat, as when the text is left empty */
	bool retitle = ref && *ref && strcmp(ref, k->threat_ref) && (!threat || !*threat || !strcmp(threat, k->threat));
	if (retitle || (ref && *ref && threat && !*threat))
		k->threat[0] = '\0';
	else if (ref && !*ref)
		k->threat_ref[0] = '\0';
	for (int i = 0; FIELDS[i]; i++) {
		const char *v = req_form(r, FIELDS[i]);
		if (!v || (!strcmp(FIELDS[i], "threat") && (!*v || retitle)))
			continue;
		if (risk_set_field(r->content, k, FIELDS[i], v, e) != 0)
			return -1;
	}
	k->measures[0] = '\0';
	for (int i = 0; i < r->nform; i++)
		if (!strcmp(r->form[i].key, "measure") && risk_set_field(r->content, k, "measure", r->form[i].value, e) != 0)
			return -1;
	risk_default_measures(r->content, k);
	return 0;
}

static void form_page(req_t *r, resp_t *w, const risk_rec_t *k, const char *title, const char *action, const err_t *err, bool is_new)
{
	buf_t *b = &w->body;
	page_begin(r, w, title);
	h(b, PF(r, "<h1>%s</h1><p><a href=\"/organizations/%lld/risks\">%s</a> ・ %s</p>"), title, (long long)r->org.id, T(r, "risk_register"), r->org.name);
	risk_form(r, b, k, action, err, is_new);
	page_end(r, w);
}

void page_risk_new(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	risk_rec_t k;
	risk_rec_init(&k);
	k.org_id = r->org.id;
	k.freq = (risk_freq_t)-1, k.impact = (risk_impact_t)-1, k.source = (risk_source_t)-1;
	long long a = parse_id(req_query(r, "asset"));
	if (a > 0) {
		k.assets[0] = a;
		k.nassets = 1;
	}
	char action[64];
	snprintf(action, sizeof action, "/organizations/%lld/risks", (long long)r->org.id);
	form_page(r, w, &k, T(r, "risk_new"), action, NULL, true);
}

void page_risk_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	risk_rec_t k;
	risk_rec_init(&k);
	k.org_id = r->org.id;
	k.freq = (risk_freq_t)-1, k.impact = (risk_impact_t)-1, k.source = (risk_source_t)-1;
	err_t e;
	char action[64];
	snprintf(action, sizeof action, "/organizations/%lld/risks", (long long)r->org.id);
	int planned;
	if (read_form(r, &k, &e) != 0 || ((int)k.freq < 0 || (int)k.impact < 0 || (int)k.source < 0
						  ? err_set(&e, ERR_INVALID, "frequency", "要因・頻度・影響を選んでください",
							    "choose the source, the frequency and the impact")
						  : app_risk_add(&r->app, &k, &planned, &e)) != 0) {
		if (e.code != ERR_INVALID) {
			resp_fail(r, w, &e);
			return;
		}
		w->status = 422;
		form_page(r, w, &k, T(r, "risk_new"), action, &e, true);
		return;
	}
	resp_redirect(w, "/organizations/%lld/risks/%lld?planned=%d", (long long)r->org.id, (long long)k.id, planned);
}

static bool risk_of_path(req_t *r, resp_t *w, const char *arg, risk_rec_t *k)
{
	err_t e;
	long long id = parse_id(arg);
	if (id < 0) {
		page_error(r, w, 404, "error_not_found");
		return false;
	}
	if (app_risk_get_of(&r->app, r->org.id, id, k, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

void page_risk(req_t *r, resp_t *w, const char *const *args)
{
	risk_rec_t k;
	if (!risk_of_path(r, w, args[1], &k))
		return;
	const risk_content_t *rc = RC(r);
	err_t e;
	risk_matrix_t m;
	bool own;
	if (app_risk_matrix(&r->app, r->org.id, &m, &own, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	risk_treat_t s = risk_suggest(&m, k.freq, k.impact);
	buf_t *b = &w->body;
	page_begin(r, w, k.threat);
	h(b, PF(r, "<h1>%s</h1><p><a href=\"/organizations/%lld/risks\">%s</a> ・ %s</p>"), k.threat, (long long)r->org.id, T(r, "risk_register"), r->org.name);
	const char *planned = req_query(r, "planned");
	if (planned && parse_id(planned) > 0)
		h(b, PF(r, "<p class=\"notice\" role=\"status\" id=\"planned\">%s: %s ・ <a href=\"/organizations/%lld#plan\">%s</a></p>"), T(r, "risk_plan_added"),
		  planned, (long long)r->org.id, T(r, "risk_plan_items"));
	h(b, "<dl class=\"profile risk\"><dt>%s</dt><dd>", T(r, "risk_assets"));
	for (int a = 0; a < k.nassets; a++) {
		asset_t as;
		if (app_asset_get(&r->app, k.assets[a], &as, &e) == 0)
			h(b, "%s<a href=\"/organizations/%lld/assets/%lld\">%s</a>", a ? PF(r, "、") : "", (long long)r->org.id, (long long)as.id, as.name);
	}
	h(b, "</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd id=\"v-frequency\">%s</dd><dt>%s</dt><dd id=\"v-impact\">%s</dd>", T(r, "risk_source"),
	  tx(&rc->sources[k.source].label, r->lang), T(r, "risk_frequency"), tx(&rc->freqs[k.freq].text, r->lang), T(r, "risk_impact"),
	  tx(&rc->impacts[k.impact].text, r->lang));
	h(b, PF(r, "<dt>%s</dt><dd id=\"suggested\" data-treatment=\"%s\">%s — %s（%s）</dd>"), T(r, "risk_suggested"), RISK_TREAT_IDS[s],
	  tx(&rc->treats[s].label, r->lang), tx(&rc->treat_actions[s], r->lang), tx(&rc->treats[s].text, r->lang));
	h(b, "<dt>%s</dt><dd id=\"decided\">%s</dd>", T(r, "risk_treatment"),
	  k.treatment >= 0 ? tx(&rc->treats[k.treatment].label, r->lang) : T(r, "risk_undecided"));
	if (k.reason[0])
		h(b, "<dt>%s</dt><dd>%s</dd>", T(r, "risk_reason"), k.reason);
	if (k.measures[0]) {
		h(b, "<dt>%s</dt><dd>", T(r, "risk_measures"));
		char ids[RISK_MEASURES_MAX][8];
		int n = risk_measure_list(&k, ids, RISK_MEASURES_MAX);
		for (int j = 0; j < n; j++)
			h(b, "%s<a href=\"/measures/%s\">%s</a>", j ? PF(r, "、") : "", ids[j], ids[j]);
		h(b, "</dd>");
	}
	if (k.res_freq >= 0)
		h(b, "<dt>%s</dt><dd>%s / %s</dd>", T(r, "risk_residual"), tx(&rc->freqs[k.res_freq].label, r->lang),
		  tx(&rc->impacts[k.res_impact].label, r->lang));
	if (k.review[0])
		h(b, "<dt>%s</dt><dd>%s</dd>", T(r, "risk_review"), k.review);
	h(b, "</dl>");
	if (k.treatment == RT_REDUCE && !k.measures[0])
		h(b, "<p class=\"notice\">%s</p>", T(r, "risk_no_measures"));
	if (may_write(r)) {
		char action[96];
		snprintf(action, sizeof action, "/organizations/%lld/risks/%lld", (long long)r->org.id, (long long)k.id);
		h(b, "<h2>%s</h2>", T(r, "risk_edit"));
		risk_form(r, b, &k, action, NULL, false);
		h(b, "<form method=\"post\" action=\"%s/delete\" class=\"inline\">", action);
		page_csrf_field(r, b);
		h(b, "<button type=\"submit\" class=\"danger\">%s</button></form>", T(r, "risk_delete"));
	}
	page_end(r, w);
}

void page_risk_update(req_t *r, resp_t *w, const char *const *args)
{
	risk_rec_t k;
	if (!risk_of_path(r, w, args[1], &k))
		return;
	err_t e;
	char action[96];
	snprintf(action, sizeof action, "/organizations/%lld/risks/%lld", (long long)r->org.id, (long long)k.id);
	int planned;
	if (read_form(r, &k, &e) != 0 || app_risk_update(&r->app, &k, &planned, &e) != 0) {
		if (e.code != ERR_INVALID) {
			resp_fail(r, w, &e);
			return;
		}
		w->status = 422;
		form_page(r, w, &k, T(r, "risk_edit"), action, &e, false);
		return;
	}
	resp_redirect(w, "%s?planned=%d", action, planned);
}

void page_risk_delete(req_t *r, resp_t *w, const char *const *args)
{
	risk_rec_t k;
	if (!risk_of_path(r, w, args[1], &k))
		return;
	err_t e;
	if (app_risk_delete(&r->app, k.id, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/organizations/%lld/risks", (long long)r->org.id);
}
