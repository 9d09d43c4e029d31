/*
 * page_asset.c — the information-asset ledger in the browser, under the organisation:
 *   GET  /organizations/{id}/assets            the ledger: sorted by the column headers, filtered
 *                                               by a GET form, 50 a page; import, export, starters
 *   GET  /organizations/{id}/assets/new        the form: the seed's 16 columns with its filling
 *                                               notes, C/I/A asked as the seed's three questions
 *   POST /organizations/{id}/assets            add
 *   GET  /organizations/{id}/assets/export     ?format=csv|xlsx, with the seed's headings
 *   POST /organizations/{id}/assets/import     a CSV or .xlsx file (multipart), all or nothing
 *   POST /organizations/{id}/assets/starter    add the seed's example or an industry list
 *   GET  /organizations/{id}/assets/{aid}      one asset: its columns, flags, risks, edit form
 *   POST /organizations/{id}/assets/{aid}      change; …/delete removes it
 * Every handler calls one use case of app/asset.h, which checks access; a bad parameter is a
 * 400 naming it, a rejected form is shown again with the message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/asset.h"
#include "app/risk.h"
#include "input/asset_input.h"
#include "report/asset_report.h"
#include "report/xlsx.h"
#include "web/pages.h"
#include "web/svg.h"

static const ledger_content_t *L(const req_t *r) { return r->content->ledger; }
static bool may_write(const req_t *r) { return r->app.who.role != UROLE_VIEWER; }

/* ---- the ledger page ---- */

static void list_url(buf_t *u, int64_t org, const asset_params_t *p, const char *sort, const char *order, int page)
{
	buf_printf(u, "/organizations/%lld/assets?", (long long)org);
	const char *names[] = { "q", "importance", "flag", "department", "disposed" };
	const char *values[] = { p->q, p->importance, p->flag, p->department, p->disposed };
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

static void sort_th(req_t *r, buf_t *b, int64_t org, const asset_params_t *p, const asset_filter_t *f, int sort, const char *label)
{
	bool current = f->sort == sort;
	buf_t u = { 0 };
	list_url(&u, org, p, ASSET_SORT_IDS[sort], current && !f->desc ? "desc" : sort == 2 && !current ? "desc" : "asc", 1);
	if (current)
		h(b, "<th scope=\"col\" aria-sort=\"%s\"><a href=\"%s\">%s %s</a></th>", f->desc ? "descending" : "ascending", u.data, label,
		  f->desc ? "▼" : "▲");
	else
		h(b, "<th scope=\"col\"><a href=\"%s\">%s</a></th>", u.data, label);
	buf_free(&u);
	(void)r;
}

typedef struct {
	req_t *r;
	buf_t *b;
	int64_t org;
	char today[11];
	int months;
	int n;
} rows_t;

static bool ledger_row(const asset_t *a, void *arg)
{
	rows_t *x = arg;
	req_t *r = x->r;
	buf_t *b = x->b;
	const ledger_content_t *l = L(r);
	int k = asset_importance(&l->importance, a->c, a->i, a->a);
	asset_flags_t f = asset_flags(a, x->today, x->months);
	/* markup only in format strings: h() escapes every %s, so an attribute passed as one is shown as text */
	if (f.disposed)
		h(b, "<tr class=\"disposed\">");
	else
		h(b, "<tr>");
	h(b, "<td>%s</td><th scope=\"row\"><a href=\"/organizations/%lld/assets/%lld\">%s</a></th><td>%s</td><td>%s</td><td>", a->no, (long long)x->org,
	  (long long)a->id, a->name, a->medium, a->location);
	if (a->department[0]) { /* the department filters the ledger to its assets */
		buf_t u = { 0 };
		h_urlenc(&u, a->department);
		h(b, "<a href=\"/organizations/%lld/assets?department=%s\">%s</a>", (long long)x->org, u.data, a->department);
		buf_free(&u);
	}
	h(b, "</td>");
	h(b, "<td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"importance %s\">%s</td><td class=\"date\">%s</td><td class=\"flags\">",
	  a->c, a->i, a->a, l->importance.levels[k].id, tx(&l->importance.levels[k].label, r->lang), WHEN_DAY(r, a->inventoried));
	if (f.disposed)
		h(b, "%s", T(r, "asset_flag_disposed"));
	if (f.inventory_overdue)
		h(b, "<span class=\"flag overdue\">%s</span> ", T(r, "asset_flag_overdue"));
	if (f.retention_over)
		h(b, "<span class=\"flag expired\">%s</span>", T(r, "asset_flag_expired"));
	h(b, "</td></tr>");
	x->n++;
	return true;
}

static void filter_form(req_t *r, buf_t *b, int64_t org, const asset_params_t *p, const asset_filter_t *f)
{
	const ledger_content_t *l = L(r);
	h(b, "<form method=\"get\" action=\"/organizations/%lld/assets\" class=\"form filters\" role=\"search\">", (long long)org);
	h(b, "<p><label for=\"f-q\">%s</label><input id=\"f-q\" name=\"q\" value=\"%s\" maxlength=\"200\"></p>", T(r, "asset_filter_q"), f->q);
	h(b, "<p><label for=\"f-importance\">%s</label><select id=\"f-importance\" name=\"importance\"><option value=\"\">%s</option>",
	  T(r, "asset_importance"), T(r, "web_any"));
	for (int k = 0; k < l->importance.nlevels; k++)
		h(b, "<option value=\"%s\"%s>%s</option>", l->importance.levels[k].id, f->importance == k ? " selected" : "",
		  tx(&l->importance.levels[k].label, r->lang));
	h(b, "</select></p><p><label for=\"f-flag\">%s</label><select id=\"f-flag\" name=\"flag\"><option value=\"\">%s</option>"
	     "<option value=\"overdue\"%s>%s</option><option value=\"expired\"%s>%s</option></select></p>",
	  T(r, "asset_flags"), T(r, "web_any"), f->overdue ? " selected" : "", T(r, "asset_flag_overdue"), f->expired ? " selected" : "",
	  T(r, "asset_flag_expired"));
	h(b, "<p><label for=\"f-disposed\">%s</label><select id=\"f-disposed\" name=\"disposed\"><option value=\"\">%s</option>"
	     "<option value=\"kept\"%s>%s</option><option value=\"disposed\"%s>%s</option></select></p>",
	  tx(&l->columns[AC_DISPOSED].heading, r->lang), T(r, "web_any"), f->disposed == 0 ? " selected" : "", T(r, "asset_kept"),
	  f->disposed == 1 ? " selected" : "", T(r, "asset_disposed_only"));
	if (f->department[0])
		h(b, "<p><label><input type=\"checkbox\" name=\"department\" value=\"%s\" checked> %s: %s</label></p>", f->department,
		  tx(&l->columns[AC_DEPARTMENT].heading, r->lang), f->department);
	h(b, "<input type=\"hidden\" name=\"sort\" value=\"%s\"><input type=\"hidden\" name=\"order\" value=\"%s\">", ASSET_SORT_IDS[f->sort],
	  f->desc ? "desc" : "asc");
	h(b, "<p><button type=\"submit\">%s</button> <a href=\"/organizations/%lld/assets\">%s</a></p></form>", T(r, "asset_filter_button"),
	  (long long)org, T(r, "asset_filter_clear"));
	(void)p;
}

static void import_forms(req_t *r, buf_t *b, int64_t org, bool open)
{
	const ledger_content_t *l = L(r);
	h(b, "<details%s><summary>%s</summary>", open ? " open" : "", T(r, "asset_import"));
	h(b, "<form method=\"post\" action=\"/organizations/%lld/assets/import\" enctype=\"multipart/form-data\" class=\"form\">", (long long)org);
	page_csrf_field(r, b);
	h(b, "<p class=\"help\">%s</p><p><label for=\"f-file\">%s</label><input id=\"f-file\" name=\"file\" type=\"file\" required "
	     "accept=\".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"></p>"
	     "<p><button type=\"submit\">%s</button></p></form></details>",
	  T(r, "asset_import_help"), T(r, "asset_import_file"), T(r, "asset_import_button"));
	h(b, "<details%s><summary>%s</summary><p class=\"help\">%s</p>", open ? " open" : "", T(r, "asset_start_from"), tx(&l->starters_note, r->lang));
	for (int k = 0; k < l->nstarters; k++) {
		const asset_starter_t *s = &l->starters[k];
		h(b, "<form method=\"post\" action=\"/organizations/%lld/assets/starter\" class=\"inline starter\">", (long long)org);
		page_csrf_field(r, b);
		h(b, PF(r, "<input type=\"hidden\" name=\"list\" value=\"%s\"><p><strong>%s</strong>（%d）— %s <button type=\"submit\">%s</button></p></form>"),
		  s->id, tx(&s->title, r->lang), s->nrows, tx(&s->description, r->lang), T(r, "asset_start_button"));
	}
	h(b, "</details>");
}

static void pager(req_t *r, buf_t *b, int64_t org, const asset_params_t *p, const asset_filter_t *f, int64_t total)
{
	int pages = f->per_page > 0 ? (int)((total + f->per_page - 1) / f->per_page) : 1;
	if (pages < 2)
		return;
	buf_t u = { 0 };
	h(b, "<nav class=\"pages\" aria-label=\"%s\">", T(r, "clients_pages"));
	if (f->page > 1) {
		list_url(&u, org, p, ASSET_SORT_IDS[f->sort], f->desc ? "desc" : "asc", f->page - 1);
		h(b, "<a rel=\"prev\" href=\"%s\">%s</a> ", u.data, T(r, "clients_prev"));
	}
	h(b, "<span>%s %d / %d</span>", T(r, "clients_page"), f->page, pages);
	if (f->page < pages) {
		buf_free(&u);
		list_url(&u, org, p, ASSET_SORT_IDS[f->sort], f->desc ? "desc" : "asc", f->page + 1);
		h(b, " <a rel=\"next\" href=\"%s\">%s</a>", u.data, T(r, "clients_next"));
	}
	buf_free(&u);
	h(b, "</nav>");
}

static asset_params_t query_params(req_t *r)
{
	return (asset_params_t){ req_query(r, "q"), req_query(r, "department"), req_query(r, "importance"), req_query(r, "flag"),
				 req_query(r, "disposed"), req_query(r, "sort"), req_query(r, "order"), req_query(r, "page"),
				 req_query(r, "per_page") };
}

void page_assets(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const org_t o = r->org;
	asset_params_t p = query_params(r);
	p.per_page = NULL; /* the page always shows 50 */
	asset_filter_t f;
	err_t e;
	if (asset_filter_parse(L(r), &p, 50, &f, &e) != 0) {
		char msg[ERR_TEXT_LEN + 128];
		snprintf(msg, sizeof msg, "%s: %s", T(r, "web_bad_filter"), err_text(&e, r->lang));
		page_error_text(r, w, 400, msg);
		return;
	}
	buf_t rows = { 0 };
	rows_t x = { .r = r, .b = &rows, .org = o.id };
	app_today(&r->app, x.today);
	x.months = app_inventory_months(&r->app, o.id);
	int64_t total = 0;
	if (app_asset_list(&r->app, o.id, &f, ledger_row, &x, &total, &e) != 0) {
		buf_free(&rows);
		resp_fail(r, w, &e);
		return;
	}
	const ledger_content_t *l = L(r);
	buf_t *b = &w->body;
	char title[512];
	snprintf(title, sizeof title, "%s — %s", T(r, "asset_ledger"), o.name);
	page_begin(r, w, title);
	h(b, PF(r, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a> ・ <a href=\"/organizations/%lld/risks\">%s</a></p>"), T(r, "asset_ledger"),
	  (long long)o.id, o.name, (long long)o.id, T(r, "risk_register"));
	h(b, "<p class=\"lead\">%s</p><p class=\"muted\">%s: %s</p>", T(r, "asset_ledger_intro"), T(r, "asset_source"), tx(&l->source, r->lang));
	const char *added = req_query(r, "added"), *updated = req_query(r, "updated");
	if (added && updated && parse_id(added) >= 0 && parse_id(updated) >= 0)
		h(b, PF(r, "<p class=\"notice\" id=\"imported\" role=\"status\">%s: %s %s、%s %s</p>"), T(r, "asset_import_done"), added,
		  T(r, "asset_imported_added"), updated, T(r, "asset_imported_updated"));
	else if (added && parse_id(added) >= 0)
		h(b, "<p class=\"notice\" id=\"imported\" role=\"status\">%s: %s %s</p>", T(r, "asset_import_done"), added, T(r, "asset_imported_added"));
	bool filtered = f.q[0] || f.importance >= 0 || f.overdue || f.expired || f.disposed >= 0 || f.department[0];
	if (may_write(r))
		h(b, "<p><a class=\"button\" href=\"/organizations/%lld/assets/new\">%s</a></p>", (long long)o.id, T(r, "asset_new"));
	if (total == 0 && !filtered) {
		h(b, "<p id=\"ledger-empty\">%s</p>", T(r, "asset_empty"));
		if (may_write(r))
			import_forms(r, b, o.id, true);
		buf_free(&rows);
		page_end(r, w);
		return;
	}
	filter_form(r, b, o.id, &p, &f);
	h(b, PF(r, "<p class=\"muted\" id=\"ledger-count\">%s: %lld ・ %s: %s</p>"), T(r, "asset_matched"), (long long)total, T(r, "asset_rule"),
	  T(r, l->importance.method == IMPORTANCE_SUM ? "asset_rule_sum" : "asset_rule_max"));
	h(b, "<div class=\"table-scroll\"><table class=\"ledger\"><thead><tr>");
	sort_th(r, b, o.id, &p, &f, 0, tx(&l->columns[AC_NO].heading, r->lang));
	sort_th(r, b, o.id, &p, &f, 1, tx(&l->columns[AC_NAME].heading, r->lang));
	h(b, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>", tx(&l->columns[AC_MEDIUM].heading, r->lang),
	  tx(&l->columns[AC_LOCATION].heading, r->lang));
	sort_th(r, b, o.id, &p, &f, 3, tx(&l->columns[AC_DEPARTMENT].heading, r->lang));
	h(b, "<th scope=\"col\" title=\"%s\">C</th><th scope=\"col\" title=\"%s\">I</th><th scope=\"col\" title=\"%s\">A</th>",
	  tx(&l->columns[AC_C].heading, r->lang), tx(&l->columns[AC_I].heading, r->lang), tx(&l->columns[AC_A].heading, r->lang));
	sort_th(r, b, o.id, &p, &f, 2, T(r, "asset_importance"));
	sort_th(r, b, o.id, &p, &f, 4, tx(&l->columns[AC_INVENTORIED].heading, r->lang));
	h(b, "<th scope=\"col\">%s</th></tr></thead><tbody>", T(r, "asset_flags"));
	buf_put(b, rows.data ? rows.data : "", rows.len);
	buf_free(&rows);
	h(b, "</tbody></table></div>");
	pager(r, b, o.id, &p, &f, total);
	h(b, PF(r, "<p>%s: <a href=\"/organizations/%lld/assets/export?format=csv\" download>%s</a> ・ "
	     "<a href=\"/organizations/%lld/assets/export?format=xlsx\" download>%s</a></p>"),
	  T(r, "asset_export"), (long long)o.id, T(r, "asset_export_csv"), (long long)o.id, T(r, "asset_export_xlsx"));
	page_report_links(r, b, "organizations", (long long)o.id, "ledger", false);
	if (may_write(r))
		import_forms(r, b, o.id, false);
	page_end(r, w);
}

/* ---- the form ---- */

static void asset_form(req_t *r, buf_t *b, const asset_t *a, const char *action, const err_t *err)
{
	const ledger_content_t *l = L(r);
	h(b, "<form method=\"post\" action=\"%s\" class=\"form asset\">", action);
	page_csrf_field(r, b);
	if (err)
		h(b, "<p class=\"error\" role=\"alert\" id=\"form-error\">%s</p>", err_text(err, r->lang));
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		if (asset_col_is_cia(col))
			continue;
		const asset_column_t *c = &l->columns[col];
		const char *id = ASSET_COL_IDS[col];
		bool bad = err && !strcmp(err->field, id);
		/* the optional attributes as their own format strings: h() would escape them as arguments */
		h(b, "<p><label for=\"f-%s\">%s", id, tx(&c->heading, r->lang));
		if (c->required)
			h(b, " <span class=\"req\">*</span>");
		h(b, "</label>");
		if (col == AC_NOTE) {
			h(b, "<textarea id=\"f-%s\" name=\"%s\" rows=\"3\" maxlength=\"500\"", id, id);
			if (bad)
				h(b, " aria-invalid=\"true\"");
			h(b, ">%s</textarea>", a->note);
		} else {
			h(b, "<input id=\"f-%s\" name=\"%s\" value=\"%s\"", id, id, asset_text_c(a, col));
			if (asset_col_is_date(col))
				h(b, " type=\"date\"");
			else
				h(b, " maxlength=\"100\"");
			if (col == AC_NAME)
				h(b, " required");
			if (bad)
				h(b, " aria-invalid=\"true\"");
			if (c->help.ja)
				h(b, " aria-describedby=\"h-%s\"", id);
			h(b, ">");
		}
		if (c->help.ja)
			h(b, "<small class=\"help\" id=\"h-%s\">%s: %s</small>", id, T(r, "asset_help"), tx(&c->help, r->lang));
		h(b, "</p>");
	}
	/* the seed's three tests as the questions that give C, I and A */
	h(b, "<fieldset class=\"cia\"><legend>%s</legend><p class=\"help\">%s</p>", T(r, "asset_questions"), T(r, "asset_questions_help"));
	for (int k = 0; k < 3; k++) {
		int col = AC_C + k, v = k == 0 ? a->c : k == 1 ? a->i : a->a;
		h(b, PF(r, "<fieldset class=\"question\"><legend>%s（%s）<small class=\"help\">%s</small></legend>"), tx(&l->cia_questions[k], r->lang),
		  tx(&l->columns[col].heading, r->lang), tx(&l->cia_examples[k], r->lang));
		for (int val = 3; val >= 1; val--)
			h(b, "<label class=\"option\"><input type=\"radio\" name=\"%s\" value=\"%d\"%s required> %s</label>", ASSET_COL_IDS[col], val,
			  v == val ? " checked" : "", tx(&l->cia_labels[val - 1], r->lang));
		h(b, "</fieldset>");
	}
	h(b, "</fieldset><p><button type=\"submit\">%s</button></p></form>", T(r, "asset_save"));
}

/* The posted columns into a; 0 or -1 with e. */
static int read_form(req_t *r, asset_t *a, err_t *e)
{
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		const char *v = req_form(r, ASSET_COL_IDS[col]);
		if (v && asset_set_column(L(r), a, col, v, e) != 0)
			return -1;
	}
	return asset_check(L(r), a, e);
}

static void form_page(req_t *r, resp_t *w, const asset_t *a, const char *title, const char *action, const err_t *err)
{
	buf_t *b = &w->body;
	page_begin(r, w, title);
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld/assets\">%s</a></p>", title, (long long)r->org.id, T(r, "asset_back"));
	asset_form(r, b, a, action, err);
	page_end(r, w);
}

void page_asset_new(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	asset_t a = { .org_id = r->org.id };
	app_today(&r->app, a.registered);
	app_today(&r->app, a.inventoried);
	char action[64];
	snprintf(action, sizeof action, "/organizations/%lld/assets", (long long)r->org.id);
	form_page(r, w, &a, T(r, "asset_new"), action, NULL);
}

void page_asset_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	asset_t a = { .org_id = r->org.id };
	err_t e;
	char action[64];
	snprintf(action, sizeof action, "/organizations/%lld/assets", (long long)r->org.id);
	if (read_form(r, &a, &e) != 0) {
		w->status = 422;
		form_page(r, w, &a, T(r, "asset_new"), action, &e);
		return;
	}
	if (app_asset_add(&r->app, &a, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/organizations/%lld/assets/%lld", (long long)r->org.id, (long long)a.id);
}

/* ---- one asset ---- */

typedef struct {
	req_t *r;
	buf_t *b;
	risk_matrix_t m;
	int n;
} asset_risks_t;

static bool risk_item(const risk_rec_t *k, void *arg)
{
	asset_risks_t *x = arg;
	const risk_content_t *rc = x->r->content->risk;
	lang_t lang = x->r->lang;
	h(x->b, "<li><a href=\"/organizations/%lld/risks/%lld\">%s</a> — %s / %s → %s</li>", (long long)k->org_id, (long long)k->id, k->threat,
	  tx(&rc->freqs[k->freq].label, lang), tx(&rc->impacts[k->impact].label, lang),
	  k->treatment >= 0 ? tx(&rc->treats[k->treatment].label, lang) : T(x->r, "risk_undecided"));
	x->n++;
	return true;
}

static bool asset_of_path(req_t *r, resp_t *w, const char *arg, asset_t *a)
{
	err_t e;
	long long id = parse_id(arg);
	if (id < 0) {
		page_error(r, w, 404, "error_not_found");
		return false;
	}
	if (app_asset_get_of(&r->app, r->org.id, id, a, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

void page_asset(req_t *r, resp_t *w, const char *const *args)
{
	asset_t a;
	if (!asset_of_path(r, w, args[1], &a))
		return;
	const ledger_content_t *l = L(r);
	buf_t *b = &w->body;
	page_begin(r, w, a.name);
	h(b, PF(r, "<h1>%s</h1><p><a href=\"/organizations/%lld/assets\">%s</a> ・ %s</p>"), a.name, (long long)r->org.id, T(r, "asset_back"), r->org.name);
	char today[11];
	app_today(&r->app, today);
	asset_flags_t f = asset_flags(&a, today, app_inventory_months(&r->app, r->org.id));
	int k = asset_importance(&l->importance, a.c, a.i, a.a);
	h(b, "<dl class=\"profile asset\">");
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		char cell[ASSET_NOTE];
		asset_cell(&a, col, cell, sizeof cell);
		h(b, "<dt>%s</dt><dd id=\"v-%s\">%s</dd>", tx(&l->columns[col].heading, r->lang), ASSET_COL_IDS[col],
		  !cell[0] ? "—" : asset_col_is_date(col) ? WHEN_DAY(r, cell) : cell);
	}
	h(b, "<dt>%s</dt><dd id=\"v-importance\" class=\"importance %s\">%s</dd>", T(r, "asset_importance"), l->importance.levels[k].id,
	  tx(&l->importance.levels[k].label, r->lang));
	if (a.retain_until[0])
		h(b, "<dt>%s</dt><dd>%s</dd>", T(r, "asset_retain_until"), WHEN_DAY(r, a.retain_until));
	h(b, "</dl>");
	if (f.inventory_overdue)
		h(b, "<p class=\"notice flag\">%s</p>", T(r, "asset_flag_overdue"));
	if (f.retention_over)
		h(b, "<p class=\"notice flag\">%s</p>", T(r, "asset_flag_expired"));
	h(b, "<h2>%s</h2><ul class=\"risks\">", T(r, "asset_risks"));
	asset_risks_t x = { .r = r, .b = b };
	risk_filter_t rf;
	risk_filter_init(&rf);
	rf.asset_id = a.id;
	rf.per_page = 100;
	err_t e;
	bool own;
	if (app_risk_matrix(&r->app, r->org.id, &x.m, &own, &e) == 0)
		app_risk_list(&r->app, r->org.id, &rf, risk_item, &x, NULL, &e);
	h(b, "</ul>");
	if (may_write(r)) {
		h(b, "<p><a class=\"button\" href=\"/organizations/%lld/risks/new?asset=%lld\">%s</a></p>", (long long)r->org.id, (long long)a.id,
		  T(r, "risk_new"));
		char action[96];
		snprintf(action, sizeof action, "/organizations/%lld/assets/%lld", (long long)r->org.id, (long long)a.id);
		h(b, "<h2>%s</h2>", T(r, "asset_edit"));
		asset_form(r, b, &a, action, NULL);
		h(b, "<form method=\"post\" action=\"%s/delete\" class=\"inline\">", action);
		page_csrf_field(r, b);
		h(b, "<button type=\"submit\" class=\"danger\">%s</button></form>", T(r, "asset_delete"));
	}
	page_end(r, w);
}

void page_asset_update(req_t *r, resp_t *w, const char *const *args)
{
	asset_t a;
	if (!asset_of_path(r, w, args[1], &a))
		return;
	err_t e;
	char action[96];
	snprintf(action, sizeof action, "/organizations/%lld/assets/%lld", (long long)r->org.id, (long long)a.id);
	if (read_form(r, &a, &e) != 0) {
		w->status = 422;
		form_page(r, w, &a, T(r, "asset_edit"), action, &e);
		return;
	}
	if (app_asset_update(&r->app, &a, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "%s", action);
}

void page_asset_delete(req_t *r, resp_t *w, const char *const *args)
{
	asset_t a;
	if (!asset_of_path(r, w, args[1], &a))
		return;
	err_t e;
	if (app_asset_delete(&r->app, a.id, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/organizations/%lld/assets", (long long)r->org.id);
}

/* ---- files ---- */

void page_asset_import(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	if (!r->upload.data || r->upload.len == 0) {
		page_error(r, w, 400, "web_bad_form");
		return;
	}
	asset_import_t rep;
	int added, updated;
	err_t e;
	if (app_asset_import(&r->app, r->org.id, r->upload.data, r->upload.len, &rep, &added, &updated, &e) == 0) {
		resp_redirect(w, "/organizations/%lld/assets?added=%d&updated=%d", (long long)r->org.id, added, updated);
		return;
	}
	if (rep.nerrs == 0) {
		resp_fail(r, w, &e);
		return;
	}
	w->status = 422;
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "asset_import"));
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld/assets\">%s</a></p>", T(r, "asset_import"), (long long)r->org.id, T(r, "asset_back"));
	h(b, "<div class=\"error\" role=\"alert\" id=\"import-errors\"><p>%s</p><p>%s</p><ul>", T(r, "asset_import_failed"),
	  r->upload.filename ? r->upload.filename : "");
	for (int k = 0; k < rep.nerrs; k++)
		h(b, "<li>%s</li>", err_text(&rep.errs[k], r->lang));
	h(b, "</ul>");
	if (rep.more)
		h(b, "<p>%s: %d</p>", T(r, "asset_import_more"), rep.more);
	h(b, "</div>");
	import_forms(r, b, r->org.id, true);
	page_end(r, w);
}

void page_asset_starter(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	int added;
	err_t e;
	if (app_asset_starter(&r->app, r->org.id, req_form(r, "list"), &added, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/organizations/%lld/assets?added=%d", (long long)r->org.id, added);
}

typedef struct {
	ledger_writer_t *w;
	err_t e;
	bool failed;
} export_t;

static bool export_row(const asset_t *a, void *arg)
{
	export_t *x = arg;
	if (ledger_write(x->w, a, &x->e) != 0)
		x->failed = true;
	return !x->failed;
}

/* The whole ledger as a file into w's body. */
static int export_into(req_t *r, resp_t *w, bool xlsx, err_t *e)
{
	asset_filter_t f;
	asset_filter_init(&f);
	f.per_page = 0;
	export_t x = { 0 };
	char path[4096];
	FILE *mem = NULL;
	char *data = NULL;
	size_t len = 0;
	if (xlsx) {
		if (xlsx_tmp_path("ledger", path, sizeof path, e) != 0)
			return -1;
		x.w = ledger_xlsx_open(path, L(r), e);
	} else {
		mem = open_memstream(&data, &len);
		x.w = mem ? ledger_csv_open(mem, L(r), LEDGER_CSV_BOM) : NULL;
	}
	if (!x.w) {
		if (mem)
			fclose(mem);
		free(data);
		if (xlsx)
			unlink(path);
		return e->code ? -1 : err_set(e, ERR_INTERNAL, "output", "書き出せません", "cannot export");
	}
	int rc = app_asset_list(&r->app, r->org.id, &f, export_row, &x, NULL, e);
	if (x.failed)
		*e = x.e, rc = -1;
	if (ledger_close(x.w, rc == 0 ? e : &x.e) != 0)
		rc = -1;
	if (mem) {
		fclose(mem);
		if (rc == 0)
			buf_put(&w->body, data, len);
		free(data);
	} else {
		FILE *f2 = rc == 0 ? fopen(path, "rb") : NULL;
		char chunk[65536];
		size_t n;
		while (f2 && (n = fread(chunk, 1, sizeof chunk, f2)) > 0)
			buf_put(&w->body, chunk, n);
		if (f2)
			fclose(f2);
		unlink(path);
	}
	return rc;
}

void page_asset_export(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const char *format = req_query(r, "format");
	bool xlsx = format && !strcmp(format, "xlsx");
	if (format && strcmp(format, "csv") && !xlsx) {
		if (r->api)
			resp_api_error(w, 400, "invalid", "format は csv か xlsx です / format must be csv or xlsx", "format");
		else
			page_error_text(r, w, 400, "format: csv / xlsx");
		return;
	}
	err_t e;
	if (export_into(r, w, xlsx, &e) != 0) {
		buf_free(&w->body);
		resp_fail(r, w, &e);
		return;
	}
	w->status = 200;
	w->type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
	snprintf(w->disposition, sizeof w->disposition, "attachment; filename=\"assets-%lld.%s\"", (long long)r->org.id, xlsx ? "xlsx" : "csv");
}
