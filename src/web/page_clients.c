/*
 * page_clients.c — /clients/compare?org=1&org=2[&org=…]&questionnaire=ID: two to five
 * organisations side by side, each with its latest result of one questionnaire (jisha-shindan
 * unless asked): total, band and date, the points per category as a table (categories as rows,
 * organisations as columns) and a radar chart with one series per organisation. The numbers
 * come from app_client_compare (app/clients.h); this file only draws them. A bad parameter
 * answers 400 naming it; an organisation the user may not see, 404.
 */
#include <stdio.h>
#include <string.h>

#include "app/clients.h"
#include "web/pages.h"
#include "web/svg.h"

static void head_row(req_t *r, buf_t *b, const client_compare_t *v)
{
	h(b, "<thead><tr><th scope=\"col\">%s</th>", T(r, "web_topic"));
	for (int i = 0; i < v->n; i++)
		h(b, "<th scope=\"col\"><a href=\"/organizations/%lld\">%s</a></th>", (long long)v->org[i].id, v->org[i].name);
	h(b, "</tr></thead>");
}

static void scores_table(req_t *r, buf_t *b, const client_compare_t *v)
{
	h(b, "<div class=\"table-scroll\"><table class=\"scores compare-clients\" id=\"compare-table\"><caption>%s</caption>",
	  tx(&v->q->title, r->lang));
	head_row(r, b, v);
	h(b, "<tbody><tr><th scope=\"row\">%s</th>", T(r, "total"));
	for (int i = 0; i < v->n; i++) {
		const stored_diag_t *sd = v->sd[i];
		if (sd)
			h(b, "<td class=\"num\"><a href=\"/diagnoses/%lld\"><strong>%d / %d</strong></a></td>", (long long)sd->id, sd->total, sd->max);
		else
			h(b, "<td class=\"muted\">%s</td>", T(r, "clients_compare_none"));
	}
	h(b, "</tr><tr><th scope=\"row\">%s</th>", T(r, "band"));
	for (int i = 0; i < v->n; i++)
		h(b, "<td>%s</td>", v->sd[i] ? (r->lang == LANG_EN ? v->sd[i]->band_en : v->sd[i]->band_ja) : "");
	h(b, "</tr><tr><th scope=\"row\">%s</th>", T(r, "clients_date"));
	for (int i = 0; i < v->n; i++) {
		h(b, "<td>%s</td>", v->sd[i] ? WHEN_DAY(r, v->sd[i]->created) : "");
	}
	h(b, "</tr>");
	for (int k = 0; k < v->ncats; k++) {
		h(b, "<tr><th scope=\"row\">%d %s</th>", k + 1, tx(&v->q->cats[k].title, r->lang));
		for (int i = 0; i < v->n; i++) {
			if (v->has[i][k])
				h(b, PF(r, "<td class=\"num\">%d / %d（%d%%）</td>"), v->cat_total[i][k], v->cat_max[i][k], (int)(v->share[i][k] * 100 + 0.5));
			else
				h(b, "<td class=\"num\">—</td>");
		}
		h(b, "</tr>");
	}
	h(b, "</tbody></table></div>");
}

/* One series per organisation that has a result, over the categories numbered as in the table. */
static void radar(req_t *r, buf_t *b, const client_compare_t *v)
{
	if (v->ncats < 3 || v->ncats > 32)
		return;
	svg_series_t s[CLIENT_COMPARE_MAX];
	int ns = 0;
	for (int i = 0; i < v->n; i++) {
		if (!v->sd[i])
			continue;
		memset(&s[ns], 0, sizeof s[ns]);
		s[ns].name = v->org[i].name;
		for (int k = 0; k < v->ncats; k++)
			s[ns].v[k] = v->share[i][k];
		ns++;
	}
	if (!ns)
		return;
	char labels[MAX_CATEGORIES][12];
	const char *lp[MAX_CATEGORIES];
	for (int k = 0; k < v->ncats; k++) {
		snprintf(labels[k], sizeof labels[k], "%d", k + 1);
		lp[k] = labels[k];
	}
	h(b, "<figure class=\"chart compare-radar\">");
	svg_radar_series(b, "radar-clients", T(r, "clients_radar"), lp, v->ncats, s, ns);
	h(b, "<figcaption>%s</figcaption></figure>", T(r, "clients_radar"));
}

/* Shows the same organisations with another questionnaire. */
static void questionnaire_form(req_t *r, buf_t *b, const client_compare_t *v)
{
	h(b, "<form method=\"get\" action=\"/clients/compare\" class=\"form filters\">");
	for (int i = 0; i < v->n; i++)
		h(b, "<input type=\"hidden\" name=\"org\" value=\"%lld\">", (long long)v->org[i].id);
	h(b, "<p><label for=\"f-questionnaire\">%s</label><select id=\"f-questionnaire\" name=\"questionnaire\">", T(r, "web_questionnaire"));
	for (int i = 0; i < r->content->nqs; i++) {
		const questionnaire_t *q = r->content->qs[i];
		h(b, "<option value=\"%s\"%s>%s</option>", q->id, q == v->q ? " selected" : "", tx(&q->title, r->lang));
	}
	h(b, "</select></p><p><button type=\"submit\">%s</button></p></form>", T(r, "clients_show"));
}

void page_clients_compare(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const char *values[WEB_MAX_PARAMS];
	int nv = 0;
	for (int i = 0; i < r->nquery; i++)
		if (!strcmp(r->query[i].key, "org"))
			values[nv++] = r->query[i].value;
	const char *qid = req_query(r, "questionnaire");
	if (!qid || !*qid)
		qid = CLIENT_DEFAULT_QUESTIONNAIRE;
	int64_t ids[CLIENT_COMPARE_MAX];
	int n = 0;
	client_compare_t v;
	err_t err;
	int rc = client_compare_ids(values, nv, ids, &n, &err);
	if (rc == 0)
		rc = app_client_compare(&r->app, ids, n, qid, &v, &err);
	if (rc != 0) {
		if (err.code == ERR_INVALID) {
			char msg[ERR_TEXT_LEN + 128];
			snprintf(msg, sizeof msg, "%s: %s", T(r, "web_bad_filter"), err_text(&err, r->lang));
			page_error_text(r, w, 400, msg);
		} else {
			resp_fail(r, w, &err);
		}
		return;
	}
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "clients_compare"));
	h(b, "<p><a href=\"/#clients\">%s</a></p><h1>%s</h1><p>%s</p>", T(r, "clients_back"), T(r, "clients_compare"),
	  T(r, "clients_compare_help"));
	questionnaire_form(r, b, &v);
	h(b, "<h2>%s</h2>", tx(&v.q->title, r->lang));
	scores_table(r, b, &v);
	radar(r, b, &v);
	page_end(r, w);
	client_compare_free(&v);
}
