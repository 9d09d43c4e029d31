/*
 * page_history.c — /organizations/{id}/history: one page of the organisation's diagnoses,
 * newest first (?limit= rows, default HISTORY_PAGE_DEFAULT, at most HISTORY_PAGE_MAX; ?before=
 * the id the page starts below — links to newer and older pages carry it), with the change since
 * the site's last result (前回比, which may lie on an older page) per category; and, for the
 * rounds on the page, a trend chart per questionnaire (a line per site and one of the company
 * roll-up, the pass line, named axes), the per-site roll-up with the sheets it used and left
 * out, and the executive/staff comparison (app/history.h reads only that much).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/history.h"
#include "core/xalloc.h"
#include "input/page_input.h"
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

/* One chart per questionnaire on the page: a line per site (scope) over the page's rounds (the
 * month of saving by default), the latest sheet of a site in a round counting whoever answered
 * it, and — when a round has two sites or more — a line of the company roll-up (拠点別の集計);
 * the pass line where the questionnaire has a pass mark. Rows are indexed by round already, so
 * nothing here compares every row with every other. */
static void trends(req_t *r, buf_t *b, const history_page_t *p)
{
	int n = p->nrows;
	int *xof = xmalloc((size_t)(p->nrounds ? p->nrounds : 1) * sizeof *xof);
	const char *done[16];
	int ndone = 0;
	for (int i = n - 1; i >= 0; i--) { /* questionnaires in the order they first appear */
		const char *qid = p->rows[i].d.questionnaire;
		bool seen = false;
		for (int k = 0; k < ndone && !seen; k++)
			seen = !strcmp(done[k], qid);
		if (seen || ndone == 16)
			continue;
		done[ndone++] = qid;
		const questionnaire_t *q = content_questionnaire(r->content, qid);
		char shown[SVG_LINE_POINTS][DT_TEXT];
		const char *xl[SVG_LINE_POINTS];
		int xround[SVG_LINE_POINTS];
		int nx = 0, nl = 0;
		for (int k = 0; k < p->nrounds; k++)
			xof[k] = -1;
		svg_line_t *lines = xcalloc(TREND_SITES + 1, sizeof *lines);
		for (int k = n - 1; k >= 0; k--) { /* oldest first: a later diagnosis of a round and site wins */
			const diag_summary_t *d = &p->rows[k].d;
			if (strcmp(d->questionnaire, qid))
				continue;
			int rd = p->rows[k].round;
			if (xof[rd] < 0) {
				if (nx == SVG_LINE_POINTS)
					continue;
				dt_show_month(d->round, r->lang, shown[nx], sizeof shown[nx]); /* 「2026年11月」 for a month */
				xl[nx] = shown[nx];
				xround[nx] = rd;
				xof[rd] = nx++;
			}
			int x = xof[rd], l = 0;
			while (l < nl && strcmp(lines[l].name, page_scope(r, d->scope)))
				l++;
			if (l == nl) {
				if (nl == TREND_SITES)
					continue;
				lines[nl++].name = page_scope(r, d->scope);
			}
			lines[l].v[x] = d->total;
			lines[l].has[x] = true;
		}
		/* the company line: the roll-up of each round with two sites or more */
		bool company = false;
		for (int x = 0; x < nx; x++) {
			const rollup_t *ru = p->rounds[xround[x]].rollup;
			if (ru) {
				lines[nl].v[x] = ru->total;
				lines[nl].has[x] = company = true;
			}
		}
		if (company)
			lines[nl++].name = T(r, "p17_company_line");
		char pass[64] = "";
		if (q && q->pass_mark > 0)
			snprintf(pass, sizeof pass, "%s %d", T(r, "pass_mark"), q->pass_mark);
		char id[48];
		snprintf(id, sizeof id, "trend-%d", ndone - 1);
		const diag_summary_t *f = &p->rows[i].d;
		h(b, "<figure class=\"chart trend\">");
		svg_lines(b, id, qtitle(r, qid), xl, nx, lines, nl, f->min < 0 ? 0 : f->min, f->max, q ? q->pass_mark : 0, pass,
			  T(r, "round"), T(r, "total"));
		h(b, "</figure>");
		free(lines);
	}
	free(xof);
}

/* Links to the newest, newer and older pages, keeping ?limit= when it was given. */
static void pager(req_t *r, buf_t *b, const history_page_t *p, long long org, bool limit_given)
{
	if (!p->has_newer && !p->next)
		return;
	char lim[32] = "";
	if (limit_given)
		snprintf(lim, sizeof lim, "limit=%d", p->limit);
	h(b, "<nav class=\"pages\" aria-label=\"%s\">", T(r, "p19_pages"));
	if (p->has_newer) {
		h(b, "<a href=\"/organizations/%lld/history%s%s\">%s</a> ", org, lim[0] ? "?" : "", lim, T(r, "p19_newest"));
		if (p->newer)
			h(b, "<a rel=\"prev\" href=\"/organizations/%lld/history?before=%lld%s%s\">%s</a> ", org, (long long)p->newer,
			  lim[0] ? "&" : "", lim, T(r, "p19_newer"));
		else
			h(b, "<a rel=\"prev\" href=\"/organizations/%lld/history%s%s\">%s</a> ", org, lim[0] ? "?" : "", lim, T(r, "p19_newer"));
	}
	if (p->next)
		h(b, "<a rel=\"next\" href=\"/organizations/%lld/history?before=%lld%s%s\">%s</a>", org, (long long)p->next,
		  lim[0] ? "&" : "", lim, T(r, "p19_older"));
	h(b, "</nav>");
}

static void rollup_section(req_t *r, buf_t *b, const history_round_t *rd)
{
	const rollup_t *ru = rd->rollup;
	/* which sheets the company result is made of, and which of the round it leaves out */
	h(b, "<section class=\"rollup\" id=\"rollup-%lld\"><h2>%s: %s %s</h2><p>%s</p><p><strong class=\"rollup-total\">%d / %d</strong></p>"
	     "<h3>%s</h3><ul class=\"rollup-used\">",
	  (long long)rd->sheets[0]->id, T(r, "rollup"), qtitle(r, rd->questionnaire), WHEN_MONTH(r, rd->round), T(r, "web_rollup_rule"),
	  ru->total, ru->max, T(r, "p17_rollup_used"));
	for (int k = 0; k < ru->nsites; k++)
		h(b, PF(r, "<li><a href=\"/diagnoses/%lld\">%s %s（%s）%s</a>: %d / %d</li>"), (long long)ru->sites[k]->id, page_scope(r, ru->sites[k]->scope),
		  ru->sites[k]->respondent, T(r, role_key(ru->sites[k]->role)), WHEN(r, ru->sites[k]->created), ru->sites[k]->total,
		  ru->sites[k]->max);
	h(b, "</ul>");
	if (ru->nleft) {
		h(b, "<h3>%s</h3><ul class=\"rollup-left\">", T(r, "p17_rollup_left"));
		for (int k = 0; k < ru->nleft; k++)
			h(b, PF(r, "<li><a href=\"/diagnoses/%lld\">%s %s（%s）%s</a>: %d / %d — %s %s %s</li>"), (long long)ru->left[k]->id,
			  page_scope(r, ru->left[k]->scope), ru->left[k]->respondent, T(r, role_key(ru->left[k]->role)), WHEN(r, ru->left[k]->created),
			  ru->left[k]->total, ru->left[k]->max, T(r, "p17_replaced_by"), ru->sites[ru->left_for[k]]->respondent,
			  WHEN(r, ru->sites[ru->left_for[k]]->created));
		h(b, "</ul>");
	}
	h(b, "</section>");
}

void page_history(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const org_t o = r->org;
	const char *lim = req_query(r, "limit");
	int limit;
	int64_t before;
	history_page_t pg;
	err_t err;
	if (page_limit_parse(lim, HISTORY_PAGE_DEFAULT, HISTORY_PAGE_MAX, &limit, &err) != 0 ||
	    page_before_parse(req_query(r, "before"), &before, &err) != 0 ||
	    app_history_page(&r->app, o.id, before, limit, &pg, &err) != 0) {
		resp_fail(r, w, &err);
		return;
	}
	const history_page_t *p = &pg;
	buf_t *b = &w->body;
	lang_t L = r->lang;
	page_begin(r, w, T(r, "history"));
	h(b, "<h1><a href=\"/organizations/%lld\">%s</a> — %s</h1>", (long long)o.id, o.name, T(r, "history"));
	if (p->nrows == 0 && !p->has_newer) {
		h(b, "<p>%s</p>", T(r, "no_diagnoses"));
		page_end(r, w);
		history_page_free(&pg);
		return;
	}
	page_report_links(r, b, "organizations", (long long)o.id, "history", false);
	if (p->has_newer || p->next)
		h(b, "<p class=\"muted\">%s</p>", T(r, "p19_window"));
	trends(r, b, p);
	pager(r, b, p, (long long)o.id, lim && *lim);
	h(b, "<div class=\"table-wrap\"><table class=\"history cards-narrow\"><caption class=\"sr-only\">%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
	  T(r, "p19_shown"), T(r, "web_date"), T(r, "web_questionnaire"), T(r, "scope"), T(r, "respondent"), T(r, "total"), T(r, "band"),
	  T(r, "change"));
	bool manage = page_may_manage(r);
	if (manage)
		h(b, "<th scope=\"col\"><span class=\"sr-only\">%s</span></th>", T(r, "data_delete"));
	h(b, "</tr></thead><tbody>");
	for (int i = 0; i < p->nrows; i++) {
		const history_row_t *row = &p->rows[i];
		const diag_summary_t *d = &row->d;
		h(b, PF(r, "<tr id=\"d-%lld\"><td data-label=\"%s\"><a href=\"/diagnoses/%lld\">%s</a></td><td data-label=\"%s\">%s</td>"
		     "<td data-label=\"%s\">%s</td><td data-label=\"%s\">%s（%s）</td><td data-label=\"%s\">%d / %d</td><td data-label=\"%s\">%s</td>"
		     "<td data-label=\"%s\" class=\"change\">"),
		  (long long)d->id, T(r, "web_date"), (long long)d->id, WHEN(r, d->created), T(r, "web_questionnaire"), qtitle(r, d->questionnaire),
		  T(r, "scope"), page_scope(r, d->scope), T(r, "respondent"), d->respondent, T(r, role_key(d->role)), T(r, "total"), d->total, d->max,
		  T(r, "band"), L == LANG_EN ? d->band_en : d->band_ja, T(r, "change"));
		if (row->has_prev) { /* against the site's last result, whoever answered it */
			h(b, PF(r, "<strong>%s%d</strong> <span class=\"small\">（%s）</span>"), d->total >= row->prev.total ? "+" : "",
			  d->total - row->prev.total, WHEN_DAY(r, row->prev.created));
			for (int k = 0; k < row->ncats; k++)
				if (row->cat_has[k] && row->cat_delta[k])
					h(b, "<br><span class=\"small\">%s %s%d</span>", L == LANG_EN ? row->cats[k].title_en : row->cats[k].title_ja,
					  row->cat_delta[k] > 0 ? "+" : "", row->cat_delta[k]);
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
	pager(r, b, p, (long long)o.id, lim && *lim);
	for (int k = p->nrounds - 1; k >= 0; k--) /* oldest round first, as the rows were */
		if (p->rounds[k].rollup)
			rollup_section(r, b, &p->rounds[k]);
	for (int i = p->nrows - 1; i >= 0; i--) {
		const history_row_t *row = &p->rows[i];
		if (row->exec < 0)
			continue;
		const history_round_t *rd = &p->rounds[row->round];
		const stored_diag_t *ex = rd->sheets[row->exec], *me = rd->sheets[row->self];
		disagreement_t dis[MAX_ITEMS];
		int nd = history_compare(ex, me, dis);
		h(b, PF(r, "<section class=\"comparison\"><h2>%s: %s %s（%s）</h2><p>%s（%s）/ %s（%s）: %d %s</p><ul>"), T(r, "comparison"),
		  qtitle(r, me->questionnaire), me->round, page_scope(r, me->scope), ex->respondent, T(r, "role_executive"), me->respondent,
		  T(r, role_key(me->role)), nd, T(r, "disagreements"));
		for (int j = 0; j < nd; j++)
			h(b, "<li>%s %s: %s / %s</li>", T(r, "question"), ex->answers[dis[j].item].question, ex->answers[dis[j].item].option,
			  me->answers[dis[j].item].option);
		h(b, "</ul></section>");
	}
	page_end(r, w);
	history_page_free(&pg);
}
