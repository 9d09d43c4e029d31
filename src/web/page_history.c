/*
 * page_history.c — /organizations/{id}/history: every diagnosis of the organisation, a trend
 * chart of the total per questionnaire (a line per site, the pass line, named axes), the change since last time per category, the per-site
 * roll-up and the executive/staff comparison (computed by core/history.c, as on the CLI).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/org.h"
#include "core/history.h"
#include "core/xalloc.h"
#include "web/pages.h"
#include "web/svg.h"

static const char *role_key(role_t r)
{
	static const char *const keys[] = { "role_none", "role_executive", "role_manager", "role_staff" };
	return keys[r];
}

static const char *qtitle(const req_t *r, const char *qid)
{
	const questionnaire_t *q = content_questionnaire(r->content, qid);
	return q ? tx(&q->title, r->lang) : qid;
}

#define TREND_SITES 8

/* One chart per questionnaire: a line per site (scope) over the rounds (the month of saving by
 * default, as the roll-up groups the sites' sheets), the latest sheet of a site in a round
 * counting, with the pass line where the questionnaire has a pass mark. */
static void trends(req_t *r, buf_t *b, stored_diag_t **list, int n)
{
	for (int i = 0; i < n; i++) {
		bool first = true;
		for (int k = 0; k < i; k++)
			first &= strcmp(list[k]->questionnaire, list[i]->questionnaire) != 0;
		if (!first)
			continue;
		const char *qid = list[i]->questionnaire;
		const questionnaire_t *q = content_questionnaire(r->content, qid);
		char dates[SVG_LINE_POINTS][11];
		const char *xl[SVG_LINE_POINTS];
		int nx = 0, nl = 0;
		svg_line_t *lines = xmalloc(TREND_SITES * sizeof *lines);
		memset(lines, 0, TREND_SITES * sizeof *lines);
		for (int k = 0; k < n; k++) { /* oldest first: a later diagnosis of a day and site wins */
			if (strcmp(list[k]->questionnaire, qid))
				continue;
			char day[11];
			snprintf(day, sizeof day, "%.10s", list[k]->round);
			int x = 0;
			while (x < nx && strcmp(dates[x], day))
				x++;
			if (x == nx) {
				if (nx == SVG_LINE_POINTS)
					continue;
				memcpy(dates[nx], day, sizeof day);
				xl[nx] = dates[nx];
				nx++;
			}
			int l = 0;
			while (l < nl && strcmp(lines[l].name, list[k]->scope))
				l++;
			if (l == nl) {
				if (nl == TREND_SITES)
					continue;
				lines[nl++].name = list[k]->scope;
			}
			lines[l].v[x] = list[k]->total;
			lines[l].has[x] = true;
		}
		char pass[64] = "";
		if (q && q->pass_mark > 0)
			snprintf(pass, sizeof pass, "%s %d", T(r, "pass_mark"), q->pass_mark);
		char id[48];
		snprintf(id, sizeof id, "trend-%d", i);
		h(b, "<figure class=\"chart trend\">");
		svg_lines(b, id, qtitle(r, qid), xl, nx, lines, nl, list[i]->min < 0 ? 0 : list[i]->min, list[i]->max,
			  q ? q->pass_mark : 0, pass, T(r, "round"), T(r, "total"));
		h(b, "</figure>");
		free(lines);
	}
}

void page_history(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const org_t o = r->org;
	stored_diag_t **list;
	int n;
	err_t err;
	if (app_org_history(&r->app, o.id, &list, &n, &err) != 0) {
		resp_fail(r, w, &err);
		return;
	}
	const stored_diag_t *const *cl = (const stored_diag_t *const *)list;
	buf_t *b = &w->body;
	lang_t L = r->lang;
	page_begin(r, w, T(r, "history"));
	h(b, "<h1><a href=\"/organizations/%lld\">%s</a> — %s</h1>", (long long)o.id, o.name, T(r, "history"));
	if (n == 0) {
		h(b, "<p>%s</p>", T(r, "no_diagnoses"));
		page_end(r, w);
		stored_diag_list_free(list, n);
		return;
	}
	trends(r, b, list, n);
	h(b, "<table class=\"history\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
	  T(r, "web_date"), T(r, "web_questionnaire"), T(r, "scope"), T(r, "respondent"), T(r, "total"), T(r, "band"),
	  T(r, "change"));
	bool manage = page_may_manage(r);
	if (manage)
		h(b, "<th scope=\"col\"><span class=\"sr-only\">%s</span></th>", T(r, "data_delete"));
	h(b, "</tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		const stored_diag_t *d = list[i];
		int p = history_previous(cl, i);
		h(b, "<tr><td><a href=\"/diagnoses/%lld\">%s</a></td><td>%s</td><td>%s</td><td>%s（%s）</td><td>%d / %d</td><td>%s</td><td>",
		  (long long)d->id, d->created, qtitle(r, d->questionnaire), d->scope, d->respondent, T(r, role_key(d->role)),
		  d->total, d->max, L == LANG_EN ? d->band_en : d->band_ja);
		if (p >= 0) {
			h(b, "<strong>%s%d</strong>", d->total >= list[p]->total ? "+" : "", d->total - list[p]->total);
			for (int k = 0; k < d->ncats; k++) {
				int delta;
				if (history_cat_change(d, list[p], k, &delta) && delta)
					h(b, "<br><span class=\"small\">%s %s%d</span>", L == LANG_EN ? d->cats[k].title_en : d->cats[k].title_ja,
					  delta > 0 ? "+" : "", delta);
			}
		} else {
			h(b, "—");
		}
		if (manage) { /* asks first (page_delete.c) */
			h(b, "</td><td><form method=\"post\" action=\"/diagnoses/%lld/delete\" class=\"inline\">", (long long)d->id);
			page_csrf_field(r, b);
			h(b, "<button type=\"submit\" class=\"link\">%s</button></form>", T(r, "data_delete"));
		}
		h(b, "</td></tr>");
	}
	h(b, "</tbody></table>");
	rollup_t *ru = xmalloc(sizeof *ru);
	for (int i = 0; i < n; i++) {
		if (history_round_first(cl, i) && history_rollup(cl, n, i, ru) >= 2) {
			h(b, "<section><h2>%s: %s %s</h2><p>%s</p><p><strong>%d / %d</strong></p><ul>", T(r, "rollup"),
			  qtitle(r, list[i]->questionnaire), list[i]->round, T(r, "web_rollup_rule"), ru->total, ru->max);
			for (int k = 0; k < ru->nsites; k++)
				h(b, "<li><a href=\"/diagnoses/%lld\">%s %s（%s）</a>: %d / %d</li>", (long long)ru->sites[k]->id,
				  ru->sites[k]->scope, ru->sites[k]->respondent, T(r, role_key(ru->sites[k]->role)), ru->sites[k]->total,
				  ru->sites[k]->max);
			h(b, "</ul></section>");
		}
		int e = history_executive_for(cl, n, i);
		if (e < 0)
			continue;
		disagreement_t dis[MAX_ITEMS];
		int nd = history_compare(list[e], list[i], dis);
		h(b, "<section><h2>%s: %s %s（%s）</h2><p>%s（%s）/ %s（%s）: %d %s</p><ul>", T(r, "comparison"),
		  qtitle(r, list[i]->questionnaire), list[i]->round, list[i]->scope, list[e]->respondent, T(r, "role_executive"),
		  list[i]->respondent, T(r, role_key(list[i]->role)), nd, T(r, "disagreements"));
		for (int j = 0; j < nd; j++)
			h(b, "<li>%s %s: %s / %s</li>", T(r, "question"), list[e]->answers[dis[j].item].question,
			  list[e]->answers[dis[j].item].option, list[i]->answers[dis[j].item].option);
		h(b, "</ul></section>");
	}
	free(ru);
	page_end(r, w);
	stored_diag_list_free(list, n);
}
