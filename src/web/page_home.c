/*
 * page_home.c — "/": what mamoru is in two sentences, the three diagnoses with how long each
 * takes, and the client list: every organisation the signed-in user may see with its latest
 * result, trend and overdue plan items (app/clients.h), sortable by the column headers,
 * filtered by a GET form (?q=, ?industry=, ?band=; ?archived=1 for the archived ones instead of
 * the active), in pages of 50 (?page=), with checkboxes
 * that send the chosen organisations to the comparison (/clients/compare, page_clients.c).
 * Everything works without JavaScript; a bad parameter answers 400 naming it.
 */
#include <stdio.h>
#include <string.h>

#include "app/clients.h"
#include "web/pages.h"

/* "/?…" for the list with f's filters, sorted by sort in that direction, at page (1 = none). */
static void list_url(buf_t *u, const client_filter_t *f, client_sort_t sort, bool desc, int page)
{
	buf_puts(u, "/?");
	static const char *const names[] = { "q", "industry", "band" };
	const char *values[] = { f->q, f->industry, f->band };
	for (int i = 0; i < 3; i++)
		if (values[i][0]) {
			buf_printf(u, "%s=", names[i]);
			h_urlenc(u, values[i]);
			buf_puts(u, "&");
		}
	if (f->archived)
		buf_puts(u, "archived=1&");
	buf_printf(u, "sort=%s&order=%s", CLIENT_SORT_IDS[sort], desc ? "desc" : "asc");
	if (page > 1)
		buf_printf(u, "&page=%d", page);
	buf_puts(u, "#clients");
}

/* A column header that sorts by s: the current one shows its direction and turns it round. */
static void sort_th(req_t *r, buf_t *b, const client_filter_t *f, client_sort_t s, const char *key)
{
	bool current = f->sort == s;
	buf_t u = { 0 };
	list_url(&u, f, s, current ? !f->desc : client_sort_default_desc(s), 1);
	if (current)
		h(b, "<th scope=\"col\" aria-sort=\"%s\"><a href=\"%s\">%s %s</a></th>", f->desc ? "descending" : "ascending", u.data,
		  T(r, key), f->desc ? "▼" : "▲");
	else
		h(b, "<th scope=\"col\"><a href=\"%s\">%s</a></th>", u.data, T(r, key));
	buf_free(&u);
}

static void select_open(req_t *r, buf_t *b, const char *name, const char *label_key)
{
	h(b, "<p><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\"><option value=\"\">%s</option>", name,
	  T(r, label_key), name, name, T(r, "web_any"));
}

static void filter_form(req_t *r, buf_t *b, const client_filter_t *f)
{
	const content_t *c = r->content;
	h(b, "<form method=\"get\" action=\"/\" class=\"form filters clients\" role=\"search\">");
	h(b, "<p><label for=\"f-q\">%s</label><input id=\"f-q\" name=\"q\" value=\"%s\" maxlength=\"%d\"></p>",
	  T(r, "clients_name_contains"), f->q, CLIENT_QUERY_MAX);
	select_open(r, b, "industry", "clients_industry");
	for (int i = 0; i < c->nindustries; i++)
		h(b, "<option value=\"%s\"%s>%s %s</option>", c->industries[i].code,
		  strcmp(f->industry, c->industries[i].code) ? "" : " selected", c->industries[i].code, tx(&c->industries[i].name, r->lang));
	h(b, "</select></p>");
	select_open(r, b, "band", "band");
	for (int i = 0; i < c->nqs; i++) {
		const questionnaire_t *q = c->qs[i];
		h(b, "<optgroup label=\"%s\">", tx(&q->title, r->lang));
		for (int k = 0; k < q->nbands; k++)
			h(b, "<option value=\"%s\"%s>%s</option>", q->bands[k].id, strcmp(f->band, q->bands[k].id) ? "" : " selected",
			  tx(&q->bands[k].label, r->lang));
		h(b, "</optgroup>");
	}
	h(b, "</select></p><p><label class=\"check\"><input type=\"checkbox\" name=\"archived\" value=\"1\"%s> %s</label></p>",
	  f->archived ? " checked" : "", T(r, "clients_archived"));
	h(b, "<input type=\"hidden\" name=\"sort\" value=\"%s\"><input type=\"hidden\" name=\"order\" value=\"%s\">",
	  CLIENT_SORT_IDS[f->sort], f->desc ? "desc" : "asc");
	h(b, "<p><button type=\"submit\">%s</button> <a href=\"/#clients\">%s</a></p></form>", T(r, "clients_filter"),
	  T(r, "clients_clear"));
}

static void trend_cell(buf_t *b, const client_row_t *row)
{
	if (!row->diag_id || !row->has_trend)
		h(b, "<td class=\"num\">—</td>");
	else if (row->trend > 0)
		h(b, "<td class=\"num up\">+%d</td>", row->trend);
	else if (row->trend < 0)
		h(b, "<td class=\"num down\">−%d</td>", -row->trend);
	else
		h(b, "<td class=\"num\">±0</td>");
}

static void client_row(req_t *r, buf_t *b, const client_row_t *row)
{
	const content_t *c = r->content;
	const org_t *o = &row->org;
	const industry_t *ind = content_industry(c, o->industry);
	h(b, "<tr><td><input type=\"checkbox\" name=\"org\" value=\"%lld\" aria-label=\"%s\"></td>", (long long)o->id, o->name);
	h(b, "<th scope=\"row\"><a href=\"/organizations/%lld\">%s</a></th><td>%s</td><td class=\"size\">%s</td>", (long long)o->id, o->name,
	  ind ? tx(&ind->name, r->lang) : "", row->size_band >= 0 ? tx(&c->size_bands[row->size_band].label, r->lang) : "");
	if (row->diag_id) {
		const questionnaire_t *q = content_questionnaire(c, row->questionnaire);
		const char *date = WHEN_DAY(r, row->date);
		h(b, "<td><a href=\"/diagnoses/%lld\">%s</a></td><td class=\"num\">%d / %d</td><td class=\"band\">%s</td><td class=\"date\">%s</td>",
		  (long long)row->diag_id, q ? tx(&q->title, r->lang) : row->questionnaire, row->total, row->max,
		  r->lang == LANG_EN ? row->band_en : row->band_ja, date);
	} else {
		h(b, "<td colspan=\"4\" class=\"muted\">%s</td>", T(r, "clients_no_result"));
	}
	trend_cell(b, row);
	if (row->overdue)
		h(b, "<td class=\"num overdue\"><a href=\"/organizations/%lld#plan\">%d</a></td></tr>", (long long)o->id, row->overdue);
	else
		h(b, "<td class=\"num\">0</td></tr>");
}

static void pager(req_t *r, buf_t *b, const client_filter_t *f, const client_list_t *l)
{
	if (l->pages < 2)
		return;
	h(b, "<nav class=\"pages\" aria-label=\"%s\">", T(r, "clients_pages"));
	buf_t u = { 0 };
	if (l->page > 1) {
		list_url(&u, f, f->sort, f->desc, l->page - 1);
		h(b, "<a rel=\"prev\" href=\"%s\">%s</a> ", u.data, T(r, "clients_prev"));
	}
	h(b, "<span>%s %d / %d</span>", T(r, "clients_page"), l->page, l->pages);
	if (l->page < l->pages) {
		buf_free(&u);
		list_url(&u, f, f->sort, f->desc, l->page + 1);
		h(b, " <a rel=\"next\" href=\"%s\">%s</a>", u.data, T(r, "clients_next"));
	}
	buf_free(&u);
	h(b, "</nav>");
}

static void client_list(req_t *r, buf_t *b, const client_filter_t *f, const client_list_t *l)
{
	if (l->visible == 0) {
		h(b, "<p>%s</p>", T(r, "web_no_orgs"));
		return;
	}
	h(b, "<p>%s</p>", T(r, "clients_help"));
	filter_form(r, b, f);
	h(b, "<p class=\"muted\" id=\"clients-count\">%s: %d / %d</p>", T(r, "clients_matched"), l->matched, l->visible);
	if (l->matched == 0) {
		h(b, "<p>%s</p>", T(r, "clients_none"));
		return;
	}
	h(b, "<form method=\"get\" action=\"/clients/compare\" class=\"clients\"><div class=\"table-scroll\"><table class=\"clients\">");
	h(b, "<thead><tr><th scope=\"col\">%s</th>", T(r, "clients_select"));
	sort_th(r, b, f, CLIENT_SORT_NAME, "org_name");
	h(b, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>", T(r, "clients_industry"), T(r, "clients_size"),
	  T(r, "web_latest"));
	sort_th(r, b, f, CLIENT_SORT_SCORE, "clients_score");
	h(b, "<th scope=\"col\">%s</th>", T(r, "band"));
	sort_th(r, b, f, CLIENT_SORT_DATE, "clients_date");
	sort_th(r, b, f, CLIENT_SORT_TREND, "clients_trend");
	sort_th(r, b, f, CLIENT_SORT_OVERDUE, "clients_overdue");
	h(b, "</tr></thead><tbody>");
	for (int i = 0; i < l->nrows; i++)
		client_row(r, b, &l->rows[i]);
	h(b, "</tbody></table></div><p class=\"compare-pick\"><label for=\"c-questionnaire\">%s</label> <select id=\"c-questionnaire\" name=\"questionnaire\">",
	  T(r, "web_questionnaire"));
	for (int i = 0; i < r->content->nqs; i++) {
		const questionnaire_t *q = r->content->qs[i];
		h(b, "<option value=\"%s\"%s>%s</option>", q->id, strcmp(q->id, CLIENT_DEFAULT_QUESTIONNAIRE) ? "" : " selected",
		  tx(&q->title, r->lang));
	}
	h(b, "</select> <button type=\"submit\">%s</button></p></form>", T(r, "clients_compare_button"));
	pager(r, b, f, l);
}

void page_home(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	client_params_t p = { req_query(r, "q"), req_query(r, "industry"), req_query(r, "band"),
			      req_query(r, "sort"), req_query(r, "order"), req_query(r, "page"), req_query(r, "archived") };
	client_filter_t f;
	client_list_t l;
	err_t err;
	if (client_filter_parse(r->content, &p, &f, &err) != 0) {
		char msg[ERR_TEXT_LEN + 128];
		snprintf(msg, sizeof msg, "%s: %s", T(r, "web_bad_filter"), err_text(&err, r->lang));
		page_error_text(r, w, 400, msg);
		return;
	}
	if (app_client_list(&r->app, &f, &l, &err) != 0) {
		resp_fail(r, w, &err);
		return;
	}
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "web_home"));
	h(b, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "web_title"), T(r, "web_intro"));
	h(b, "<h2>%s</h2><ul class=\"cards\">", T(r, "web_choose"));
	for (int i = 0; i < r->content->nqs; i++) {
		const questionnaire_t *q = r->content->qs[i];
		h(b, PF(r, "<li><a class=\"card\" href=\"/diagnose/%s\"><strong>%s</strong><span>%d %s ・ %d %s</span><span>%s</span></a></li>"),
		  q->id, tx(&q->title, r->lang), q->nitems, T(r, "questions"), q->minutes, T(r, "minutes"),
		  tx(&q->description, r->lang));
	}
	h(b, "</ul><h2 id=\"clients\">%s</h2>", T(r, "web_orgs"));
	client_list(r, b, &f, &l);
	client_list_free(&l);
	urole_t role = r->app.who.role;
	if (role == UROLE_ADMIN || role == UROLE_CONSULTANT)
		h(b, "<p><a class=\"button\" href=\"/organizations/new\">%s</a></p>", T(r, "web_new_org"));
	page_end(r, w);
}
