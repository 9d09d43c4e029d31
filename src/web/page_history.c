/*
 * page_history.c — /organizations/{id}/history: every diagnosis of the organisation, a trend
 * chart of the total per questionnaire (a line per site and one of the company roll-up, the
 * pass line, named axes), the change since the site's last result (前回比) per category, the
 * per-site roll-up with the sheets it used and left out, and the executive/staff comparison
 * (computed by core/history.c, as on the CLI).
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
 * counting whoever answered it, and — when a round has two sites or more — a line of the
 * company roll-up (拠点別の集計); the pass line where the questionnaire has a pass mark. */
static void trends(req_t *r, buf_t *b, stored_diag_t **list, int n)
{
	const stored_diag_t *const *cl = (const stored_diag_t *const *)list;
	rollup_t *ru = xmalloc(sizeof *ru);
	for (int i = 0; i < n; i++) {
		bool first = true;
		for (int k = 0; k < i; k++)
			first &= strcmp(list[k]->questionnaire, list[i]->questionnaire) != 0;
		if (!first)
			continue;
		const char *qid = list[i]->questionnaire;
		const questionnaire_t *q = content_questionnaire(r->content, qid);
		char dates[SVG_LINE_POINTS][41], shown[SVG_LINE_POINTS][DT_TEXT];
		const char *xl[SVG_LINE_POINTS];
		int firsts[SVG_LINE_POINTS]; /* each round's first sheet, for its roll-up */
		int nx = 0, nl = 0;
		svg_line_t *lines = xmalloc((TREND_SITES + 1) * sizeof *lines);
		memset(lines, 0, (TREND_SITES + 1) * sizeof *lines);
		for (int k = 0; k < n; k++) { /* oldest first: a later diagnosis of a day and site wins */
			if (strcmp(list[k]->questionnaire, qid))
				continue;
			const char *day = list[k]->round;
			int x = 0;
			while (x < nx && strcmp(dates[x], day))
				x++;
			if (x == nx) {
				if (nx == SVG_LINE_POINTS)
					continue;
				snprintf(dates[nx], sizeof dates[nx], "%s", day);
				dt_show_month(day, r->lang, shown[nx], sizeof shown[nx]); /* 「2026年11月」 for a month */
				xl[nx] = shown[nx];
				firsts[nx] = k;
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
		/* the company line: the roll-up of each round with two sites or more */
		bool company = false;
		for (int x = 0; x < nx; x++)
			if (history_rollup(cl, n, firsts[x], ru) >= 2) {
				lines[nl].v[x] = ru->total;
				lines[nl].has[x] = company = true;
			}
		if (company)
			lines[nl++].name = T(r, "p17_company_line");
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
	free(ru);
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
	page_report_links(r, b, "organizations", (long long)o.id, "history", false);
	trends(r, b, list, n);
	h(b, "<div class=\"table-wrap\"><table class=\"history cards-narrow\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
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
		h(b, "<tr id=\"d-%lld\"><td data-label=\"%s\"><a href=\"/diagnoses/%lld\">%s</a></td><td data-label=\"%s\">%s</td>"
		     "<td data-label=\"%s\">%s</td><td data-label=\"%s\">%s（%s）</td><td data-label=\"%s\">%d / %d</td><td data-label=\"%s\">%s</td>"
		     "<td data-label=\"%s\" class=\"change\">",
		  (long long)d->id, T(r, "web_date"), (long long)d->id, WHEN(r, d->created), T(r, "web_questionnaire"), qtitle(r, d->questionnaire),
		  T(r, "scope"), d->scope, T(r, "respondent"), d->respondent, T(r, role_key(d->role)), T(r, "total"), d->total, d->max,
		  T(r, "band"), L == LANG_EN ? d->band_en : d->band_ja, T(r, "change"));
		if (p >= 0) { /* against the site's last result, whoever answered it */
			h(b, "<strong>%s%d</strong> <span class=\"small\">（%s）</span>", d->total >= list[p]->total ? "+" : "",
			  d->total - list[p]->total, WHEN_DAY(r, list[p]->created));
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
			h(b, "</td><td class=\"actions\"><form method=\"post\" action=\"/diagnoses/%lld/delete\" class=\"inline\">", (long long)d->id);
			page_csrf_field(r, b);
			h(b, "<button type=\"submit\" class=\"link\">%s</button></form>", T(r, "data_delete"));
		}
		h(b, "</td></tr>");
	}
	h(b, "</tbody></table></div>");
	rollup_t *ru = xmalloc(sizeof *ru);
	for (int i = 0; i < n; i++) {
		if (history_round_first(cl, i) && history_rollup(cl, n, i, ru) >= 2) {
			/* which sheets the company result is made of, and which of the round it leaves out */
			h(b, "<section class=\"rollup\" id=\"rollup-%lld\"><h2>%s: %s %s</h2><p>%s</p><p><strong class=\"rollup-total\">%d / %d</strong></p>"
			     "<h3>%s</h3><ul class=\"rollup-used\">",
			  (long long)list[i]->id, T(r, "rollup"), qtitle(r, list[i]->questionnaire), WHEN_MONTH(r, list[i]->round),
			  T(r, "web_rollup_rule"), ru->total, ru->max, T(r, "p17_rollup_used"));
			for (int k = 0; k < ru->nsites; k++)
				h(b, "<li><a href=\"/diagnoses/%lld\">%s %s（%s）%s</a>: %d / %d</li>", (long long)ru->sites[k]->id,
				  ru->sites[k]->scope, ru->sites[k]->respondent, T(r, role_key(ru->sites[k]->role)), WHEN(r, ru->sites[k]->created),
				  ru->sites[k]->total, ru->sites[k]->max);
			h(b, "</ul>");
			if (ru->nleft) {
				h(b, "<h3>%s</h3><ul class=\"rollup-left\">", T(r, "p17_rollup_left"));
				for (int k = 0; k < ru->nleft; k++)
					h(b, "<li><a href=\"/diagnoses/%lld\">%s %s（%s）%s</a>: %d / %d — %s %s %s</li>", (long long)ru->left[k]->id,
					  ru->left[k]->scope, ru->left[k]->respondent, T(r, role_key(ru->left[k]->role)), WHEN(r, ru->left[k]->created),
					  ru->left[k]->total, ru->left[k]->max, T(r, "p17_replaced_by"), ru->sites[ru->left_for[k]]->respondent,
					  WHEN(r, ru->sites[ru->left_for[k]]->created));
				h(b, "</ul>");
			}
			h(b, "</section>");
		}
		int e = history_executive_for(cl, n, i);
		if (e < 0)
			continue;
		disagreement_t dis[MAX_ITEMS];
		int nd = history_compare(list[e], list[i], dis);
		h(b, "<section class=\"comparison\"><h2>%s: %s %s（%s）</h2><p>%s（%s）/ %s（%s）: %d %s</p><ul>", T(r, "comparison"),
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
