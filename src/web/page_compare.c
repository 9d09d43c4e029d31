/*
 * page_compare.c — /diagnoses/{id}/compare: a saved result compared with other companies
 * (the benchmark's "where do we stand"): the sample sizes, means and 偏差値 in each dimension,
 * a histogram and the scatter of total against risk index, four radar charts (the risk group
 * with its desired level, the size band, the industry, and the company's own last results)
 * and "companies like mine" per question. Every number comes from the comparison view
 * (app/compare.h), which holds only what the pool's current release publishes (rounded
 * counts, means with the margin of their noise); this file only draws it.
 *
 * The comparison is its own page, not part of the cached result page: the pool changes with
 * every pooled save, the snapshot never does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/compare.h"
#include "app/pool.h"
#include "core/pool_privacy.h"
#include "core/template.h"
#include "core/xalloc.h"
#include "report/benchmark_json.h"
#include "web/pages.h"
#include "web/svg.h"

static const char *const DIM_LABEL[DIM_COUNT] = { "all_average", "group_average", "size_average", "industry_average", "like_average" };

static void radar(req_t *r, buf_t *b, const compare_view_t *v, const char *id, const char *title_key, const svg_series_t *s, int ns)
{
	const questionnaire_t *q = v->q;
	char labels[MAX_CATEGORIES][12];
	const char *lp[MAX_CATEGORIES];
	for (int k = 0; k < v->ncats; k++) {
		snprintf(labels[k], sizeof labels[k], "%d", k + 1);
		lp[k] = labels[k];
	}
	h(b, "<figure class=\"chart\">");
	svg_radar_series(b, id, T(r, title_key), lp, v->ncats, s, ns);
	h(b, "<figcaption><table class=\"scores\"><caption>%s</caption><thead><tr><th scope=\"col\">#</th>", T(r, title_key));
	for (int i = 0; i < ns; i++)
		h(b, "<th scope=\"col\">%s</th>", s[i].name);
	h(b, "</tr></thead><tbody>");
	for (int k = 0; k < v->ncats; k++) {
		h(b, "<tr><th scope=\"row\">%d %s</th>", k + 1, tx(&q->cats[k].title, r->lang));
		for (int i = 0; i < ns; i++)
			h(b, "<td>%d%%</td>", (int)(s[i].v[k] * 100 + 0.5));
		h(b, "</tr>");
	}
	h(b, "</tbody></table></figcaption></figure>");
}

/* One series of the radar charts, from a row of shares. */
static void series(svg_series_t *s, const char *name, const double *shares, int ncats)
{
	s->name = name;
	memcpy(s->v, shares, (size_t)ncats * sizeof *shares);
}

static void radars(req_t *r, buf_t *b, const compare_view_t *v)
{
	const peers_t *p = &v->peers;
	if (!v->ncats)
		return;
	svg_series_t s[COMPARE_HISTORY];
	memset(s, 0, sizeof s);
	/* 1: the group's average and the desired level */
	int ns = 0;
	series(&s[ns++], T(r, "your_result"), v->own, v->ncats);
	if (p->st[DIM_GROUP].items_shown)
		series(&s[ns++], T(r, "group_average"), v->peer[DIM_GROUP], v->ncats);
	if (v->has_desired)
		series(&s[ns++], T(r, "desired_level"), v->desired, v->ncats);
	radar(r, b, v, "radar-group", "radar_group", s, ns);
	/* 2 and 3: the size band and the industry */
	static const struct {
		int dim;
		const char *id, *title, *avg;
	} one[] = { { DIM_SIZE, "radar-size", "radar_size", "size_average" },
		    { DIM_INDUSTRY, "radar-industry", "radar_industry", "industry_average" } };
	for (int k = 0; k < 2; k++) {
		ns = 1;
		if (p->st[one[k].dim].items_shown)
			series(&s[ns++], T(r, one[k].avg), v->peer[one[k].dim], v->ncats);
		radar(r, b, v, one[k].id, one[k].title, s, ns);
	}
	/* 4: this result against the last four */
	char names[COMPARE_HISTORY][DT_TEXT];
	ns = 0;
	for (int i = 0; i < v->nhistory; i++) {
		dt_show_date(v->history[i]->created, r->lang, names[i], sizeof names[i]);
		series(&s[ns++], v->history[i]->id == v->sd->id ? T(r, "your_result") : names[i], v->history_shares[i], v->ncats);
	}
	if (ns == 0)
		series(&s[ns++], T(r, "your_result"), v->own, v->ncats);
	radar(r, b, v, "radar-history", "radar_history", s, ns);
	if (p->st[DIM_ALL].shown && !p->st[DIM_GROUP].items_shown) {
		char n[16], msg[400];
		snprintf(n, sizeof n, "%d", POOL_ITEMS_MIN);
		tmpl_fill(msg, sizeof msg, T(r, "radar_later"), (const char *const[]){ "n" }, (const char *const[]){ n }, 1);
		h(b, "<p class=\"small\" id=\"radar-later\">%s</p>", msg);
	}
}

static void histogram(req_t *r, buf_t *b, const compare_view_t *v, int d)
{
	const stored_diag_t *sd = v->sd;
	const pool_agg_t *a = &v->peers.agg[d];
	long long bins[POOL_HBINS];
	for (int i = 0; i < POOL_HBINS; i++)
		bins[i] = a->hist[i];
	int own = pool_hbin(sd->total, sd->min, sd->max);
	h(b, "<figure class=\"chart\">");
	svg_histogram(b, "histogram", T(r, "histogram_title"), bins, POOL_HBINS, own, sd->min, sd->max);
	h(b, PF(r, "<figcaption><table class=\"scores\"><caption>%s（%s）</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>"),
	  T(r, "histogram_title"), T(r, DIM_LABEL[d]), T(r, "points"), T(r, "companies"));
	int span = sd->max - sd->min + 1;
	for (int i = 0; i < POOL_HBINS; i++) {
		int from = sd->min + (span * i + POOL_HBINS - 1) / POOL_HBINS, to = sd->min + (span * (i + 1) + POOL_HBINS - 1) / POOL_HBINS - 1;
		if (to < from)
			continue;
		h(b, "<tr class=\"%s\"><td>%d–%d</td><td>%lld</td></tr>", i == own ? "own" : "", from, to, bins[i]);
	}
	h(b, "</tbody></table><p class=\"small\">%s</p></figcaption></figure>", T(r, "pool_rounded"));
}

/* The company's own points always; the pool's density once the release publishes all companies. */
static void scatter(req_t *r, buf_t *b, const compare_view_t *v)
{
	const profile_t *p = r->content->profile;
	const pool_agg_t *a = &v->peers.agg[DIM_ALL];
	bool shown = v->peers.st[DIM_ALL].shown;
	long long cells[POOL_RBINS * POOL_TBINS];
	for (int i = 0; i < POOL_RBINS * POOL_TBINS; i++)
		cells[i] = shown ? a->scatter[i] : 0;
	int th[PROFILE_MAX_GROUPS], risk[COMPARE_HISTORY], np = 0;
	const char *labels[PROFILE_MAX_GROUPS];
	char upper[PROFILE_MAX_GROUPS][8];
	double share[COMPARE_HISTORY];
	for (int g = 0; g < p->ngroups; g++) { /* lowest first, left to right; "gii" drawn as "GII", as the seeds write it */
		const risk_group_t *rg = &p->groups[p->ngroups - 1 - g];
		th[g] = rg->min;
		snprintf(upper[g], sizeof upper[g], "%s", rg->id);
		for (char *x = upper[g]; *x; x++)
			*x = (char)(*x >= 'a' && *x <= 'z' ? *x - 32 : *x);
		labels[g] = upper[g];
	}
	for (int i = 0; i < v->n && np < COMPARE_HISTORY; i++) {
		const stored_diag_t *d = v->list[i];
		if (d->risk < 0 || d->max <= d->min)
			continue;
		risk[np] = d->risk;
		share[np++] = (double)(d->total - d->min) / (d->max - d->min);
	}
	h(b, "<figure class=\"chart\">");
	svg_scatter(b, "scatter", T(r, "scatter_title"), cells, POOL_RBINS, POOL_TBINS, th, labels, p->ngroups, risk, share, np,
		    T(r, "risk_index"), T(r, "total"));
	if (shown)
		h(b, PF(r, "<figcaption><p>%s: %lld %s（%s）</p>"), T(r, "compare_sample"), (long long)a->n, T(r, "companies"),
		  T(r, "pool_rounded"));
	else
		h(b, "<figcaption><p id=\"scatter-own-only\">%s</p>", T(r, "scatter_own_only"));
	if (np)
		h(b, "<p>%s: %d / %s: %d</p>", T(r, "risk_index"), risk[np - 1], T(r, "total"), v->sd->total);
	else
		h(b, "<p><a href=\"/organizations/%lld/profile\">%s</a></p>", (long long)v->sd->org_id, T(r, "profile_edit"));
	h(b, "</figcaption></figure>");
}

/* "Share answering 「…」": the option that scores full marks (and 該当なし, which counts as full
 * marks), named as the answer set names it, so the column says what it counts. */
static void share_label(req_t *r, const questionnaire_t *q, char *out, size_t size)
{
	const option_t *top = NULL;
	bool na = false;
	for (int k = 0; k < q->aset->nopts; k++) {
		const option_t *o = &q->aset->opts[k];
		if (o->kind == OPT_NA)
			na = true;
		else if (!top || o->points > top->points)
			top = o;
	}
	char option[300];
	snprintf(option, sizeof option, "%s%s", top ? tx(&top->label, r->lang) : "", na ? T(r, "or_na") : "");
	tmpl_fill(out, size, T(r, "like_mine_share"), (const char *const[]){ "option" }, (const char *const[]){ option }, 1);
}

/* "Share answering 「4」 or 「5」": the scale's top two answers (and 該当なし), where the scale has
 * a step one point below full marks (core/pool.h pool_high_options); "" where it has none. */
static void high_label(req_t *r, const questionnaire_t *q, char *out, size_t size)
{
	const option_t *top, *next;
	out[0] = '\0';
	if (!pool_high_options(q, &top, &next))
		return;
	bool na = false;
	for (int k = 0; k < q->aset->nopts; k++)
		na |= q->aset->opts[k].kind == OPT_NA;
	/* numbered levels by their numbers ("4", "5"), others by their labels */
	bool numbers = strlen(top->id) <= 2 && strlen(next->id) <= 2;
	char hi[300];
	snprintf(hi, sizeof hi, "%s%s", numbers ? top->id : tx(&top->label, r->lang), na ? T(r, "or_na") : "");
	tmpl_fill(out, size, T(r, "like_mine_share_high"), (const char *const[]){ "lo", "hi" },
		  (const char *const[]){ numbers ? next->id : tx(&next->label, r->lang), hi }, 2);
}

static void like_mine(req_t *r, buf_t *b, const compare_view_t *v)
{
	const pool_stats_t *st = &v->peers.st[DIM_LIKE];
	if (!v->q || !st->shown)
		return;
	if (!st->items_shown) {
		char n[16], msg[400];
		snprintf(n, sizeof n, "%d", POOL_ITEMS_MIN);
		tmpl_fill(msg, sizeof msg, T(r, "like_mine_later"), (const char *const[]){ "n" }, (const char *const[]){ n }, 1);
		h(b, PF(r, "<section id=\"like-mine\"><h2>%s（%lld %s）</h2><p>%s</p></section>"), T(r, "like_mine"), (long long)st->n,
		  T(r, "companies"), msg);
		return;
	}
	char label[400], high[400], margin[64];
	share_label(r, v->q, label, sizeof label);
	high_label(r, v->q, high, sizeof high);
	bool with_high = high[0] && st->high_shown; /* not for data from before the count existed */
	snprintf(margin, sizeof margin, "±%d%%", (int)(st->margin_share * 100 + 0.5));
	h(b, PF(r, "<section id=\"like-mine\"><h2>%s（%lld %s）</h2><table class=\"scores like\"><thead><tr><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th>"),
	  T(r, "like_mine"), (long long)st->n, T(r, "companies"), T(r, "question"), T(r, "your_result"));
	if (with_high)
		h(b, PF(r, "<th scope=\"col\" id=\"share-high\">%s（%s）</th>"), high, margin);
	h(b, PF(r, "<th scope=\"col\" id=\"share-full\">%s（%s）</th></tr></thead><tbody>"), label, margin);
	for (int i = 0; i < v->q->nitems && i < v->sd->nanswers; i++) {
		const sd_answer_t *an = &v->sd->answers[i];
		/* with the top two levels, the company's own level ("4"); else whether it has full marks */
		h(b, "<tr><td>%s %s</td><td>%s</td>", v->q->items[i].id, tx(&v->q->items[i].text, r->lang),
		  with_high && strlen(an->option) <= 2 ? an->option : an->points == an->full ? "✔" : "—");
		if (with_high)
			h(b, "<td>%d%%</td>", (int)(st->item_high_share[i] * 100 + 0.5));
		h(b, "<td>%d%%</td></tr>", (int)(st->item_full_share[i] * 100 + 0.5));
	}
	h(b, "</tbody></table><p class=\"small\">%s</p></section>", T(r, "pool_margin_note"));
}

static void summary(req_t *r, buf_t *b, const compare_view_t *v)
{
	const peers_t *p = &v->peers;
	h(b, "<table class=\"scores peers\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "compare_sample"), T(r, "companies_rounded"), T(r, "mean"), T(r, "deviation"));
	for (int d = 0; d < DIM_COUNT; d++) {
		const pool_stats_t *st = &p->st[d];
		if (!p->key[d].value[0])
			continue;
		h(b, "<tr id=\"peers-%s\"><th scope=\"row\">%s</th>", POOL_DIM_IDS[d], T(r, DIM_LABEL[d]));
		if (st->shown) {
			char n[32], mean[64], dev[32];
			snprintf(n, sizeof n, "%lld", (long long)st->n);
			snprintf(mean, sizeof mean, "%.1f ±%.1f", st->mean, st->margin_mean);
			snprintf(dev, sizeof dev, "%.1f", pool_deviation(st, v->sd->total));
			h(b, "<td>%s</td><td>%s</td><td>%s</td></tr>", n, mean, dev);
		} else {
			/* not even its size: a group the release does not publish is only named */
			h(b, "<td colspan=\"3\">%s</td></tr>", T(r, "pool_not_published"));
		}
	}
	h(b, "</tbody></table><p class=\"small\">%s</p>", T(r, "pool_margin_note"));
}

/* Where the company stands, from the published histogram: a rank among n when the group is
 * small, a share of it when it is large (never a normal curve's guess). */
static void rank_words(req_t *r, const compare_view_t *v, int d, char *out, size_t size)
{
	const pool_agg_t *a = &v->peers.agg[d];
	int64_t above, same;
	pool_rank(a, v->sd->total, v->sd->min, v->sd->max, &above, &same);
	long long n = a->n, lo = above + 1, hi = above + (same > 1 ? same : 1);
	lo = lo > n ? n : lo; /* a total below every published one ranks last */
	hi = hi > n ? n : hi < lo ? lo : hi;
	char sn[24], sf[24], st[24];
	if (n >= 50) { /* as shares of the group, in whole percent */
		snprintf(sf, sizeof sf, "%lld", (100 * (lo - 1) + n / 2) / n);
		snprintf(st, sizeof st, "%lld", (100 * hi + n / 2) / n);
		tmpl_fill(out, size, T(r, "standing_top"), (const char *const[]){ "from", "to" }, (const char *const[]){ sf, st }, 2);
		return;
	}
	snprintf(sn, sizeof sn, "%lld", n);
	snprintf(sf, sizeof sf, "%lld", lo);
	snprintf(st, sizeof st, "%lld", hi);
	if (lo >= hi)
		tmpl_fill(out, size, T(r, "standing_rank_one"), (const char *const[]){ "n", "from" }, (const char *const[]){ sn, sf }, 2);
	else
		tmpl_fill(out, size, T(r, "standing_rank"), (const char *const[]){ "n", "from", "to" },
			  (const char *const[]){ sn, sf, st }, 3);
}

/* Which release the numbers come from, and what was done to them. */
static void release_note(req_t *r, buf_t *b, const compare_view_t *v)
{
	const peers_t *p = &v->peers;
	char msg[600];
	if (!p->release) {
		tmpl_fill(msg, sizeof msg, T(r, "compare_no_release"), (const char *const[]){ "next" },
			  (const char *const[]){ WHEN_DAY(r, p->next_release) }, 1);
	} else {
		char day[DT_TEXT];
		dt_show_date(p->release_created, r->lang, day, sizeof day);
		tmpl_fill(msg, sizeof msg, T(r, "compare_release"), (const char *const[]){ "date", "next" },
			  (const char *const[]){ day, WHEN_DAY(r, p->next_release) }, 2);
	}
	h(b, "<p class=\"small\" id=\"release\">%s</p>", msg);
}

/* A first comparison while the pool is small: an earlier survey of the same questionnaire (for
 * the 5-minute self-diagnosis, IPA's 2009 survey of 66 companies). */
static void survey(req_t *r, buf_t *b, const compare_view_t *v)
{
	const questionnaire_t *q = v->q;
	if (!q || q->survey.companies <= 0 || !q->pass_mark)
		return;
	char companies[16], passed[16], pct[16], mark[16], line[600];
	snprintf(companies, sizeof companies, "%d", q->survey.companies);
	snprintf(passed, sizeof passed, "%d", q->survey.passed);
	snprintf(pct, sizeof pct, "%d", (100 * q->survey.passed + q->survey.companies / 2) / q->survey.companies);
	snprintf(mark, sizeof mark, "%d", q->pass_mark);
	tmpl_fill(line, sizeof line, T(r, "survey_line"), (const char *const[]){ "companies", "passed", "pct", "mark" },
		  (const char *const[]){ companies, passed, pct, mark }, 4);
	h(b, "<section id=\"survey\"><h2>%s</h2><p>%s</p><p><strong>%s</strong></p><p class=\"small\">%s</p></section>",
	  tx(&q->survey.title, r->lang), line, T(r, v->sd->total >= q->pass_mark ? "survey_own_yes" : "survey_own_no"),
	  T(r, "survey_caveat"));
}

/* The 偏差値 in the group (or among all companies), the rank, the histogram and the scatter;
 * or, while the release publishes no group for this result, why, with what can be shown
 * already: the company's own point and an earlier survey. */
static void standing(req_t *r, buf_t *b, const compare_view_t *v)
{
	const peers_t *p = &v->peers;
	release_note(r, b, v);
	if (!p->st[DIM_ALL].shown) {
		char msg[300], n[16];
		snprintf(n, sizeof n, "%d", p->min_group);
		tmpl_fill(msg, sizeof msg, T(r, "compare_none"), (const char *const[]){ "n" }, (const char *const[]){ n }, 1);
		h(b, "<p id=\"compare-none\">%s</p>", msg);
		survey(r, b, v);
		scatter(r, b, v);
		return;
	}
	int hd = p->st[DIM_GROUP].shown ? DIM_GROUP : DIM_ALL;
	double dev = pool_deviation(&p->st[hd], v->sd->total);
	char num[32], words[300];
	snprintf(num, sizeof num, "%.1f", dev);
	rank_words(r, v, hd, words, sizeof words);
	h(b, PF(r, "<p class=\"total\">%s（%s）: <span class=\"big\" id=\"deviation\">%s</span></p><p id=\"standing\">%s</p>"),
	  T(r, "deviation"), T(r, DIM_LABEL[hd]), num, words);
	histogram(r, b, v, hd);
	scatter(r, b, v);
}

void page_compare(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	compare_view_t *v = xmalloc(sizeof *v);
	err_t e;
	if (app_compare(&r->app, r->id, v, &e) != 0) {
		free(v);
		resp_fail(r, w, &e);
		return;
	}
	const stored_diag_t *sd = v->sd;
	const questionnaire_t *q = content_questionnaire(r->content, sd->questionnaire);
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "compare"));
	h(b, PF(r, "<h1>%s — %s</h1><p class=\"meta\"><a href=\"/diagnoses/%lld\">%s</a> ・ %s %d / %d ・ %s</p>"), T(r, "compare"),
	  q ? tx(&q->title, r->lang) : sd->questionnaire, (long long)sd->id, T(r, "web_result"), T(r, "total"), sd->total, sd->max,
	  WHEN(r, sd->created));
	if (!sd->org_id) {
		h(b, "<p>%s</p>", T(r, "compare_no_org"));
	} else if (v->group >= 0) {
		h(b, "<p class=\"risk\">%s: <strong>%d</strong> / 100 — <strong id=\"risk-group\">%s</strong></p>", T(r, "risk_index"),
		  sd->risk, tx(&r->content->profile->groups[v->group].label, r->lang));
	} else {
		h(b, "<p>%s <a href=\"/organizations/%lld/profile\">%s</a></p>", T(r, "profile_incomplete"), (long long)sd->org_id,
		  T(r, "profile_edit"));
	}
	if (sd->org_id) {
		summary(r, b, v);
		standing(r, b, v);
		radars(r, b, v);
		like_mine(r, b, v);
		page_report_links(r, b, "diagnoses", (long long)sd->id, "compare", true);
	}
	page_end(r, w);
	compare_view_free(v);
	free(v);
}

/* ---- what a save did with the pool, and a company that moved group ---- */

void page_pool_notice(req_t *r, buf_t *b)
{
	static const char *const notes[][2] = { { "joined", "pool_joined" }, { "incomplete", "pool_not_pooled_incomplete" },
						{ "no_org", "pool_not_pooled_no_org" } };
	const char *pool = req_query(r, "pool"), *earlier = req_query(r, "earlier"), *since = req_query(r, "since");
	const char *note = NULL, *fate = NULL;
	for (size_t i = 0; pool && i < sizeof notes / sizeof notes[0]; i++)
		if (!strcmp(pool, notes[i][0]))
			note = notes[i][1];
	if (earlier && !strcmp(earlier, "kept"))
		fate = "pool_earlier_kept";
	else if (earlier && !strcmp(earlier, "withdrawn"))
		fate = "pool_earlier_withdrawn";
	/* the date only as a date: the query is the user's to change */
	bool date = since && strlen(since) == 10 && strspn(since, "0123456789-") == 10;
	if (!note && !(fate && date))
		return;
	h(b, "<div class=\"notice\" id=\"pool-notice\" role=\"status\">");
	if (note)
		h(b, "<p>%s</p>", T(r, note));
	if (fate && date) {
		char msg[600];
		tmpl_fill(msg, sizeof msg, T(r, fate), (const char *const[]){ "date" }, (const char *const[]){ WHEN_DAY(r, since) }, 1);
		h(b, "<p>%s</p>", msg);
	}
	h(b, "</div>");
}

void page_pool_moved(req_t *r, buf_t *b, const org_t *o)
{
	pool_moved_t m[8];
	int n;
	err_t e;
	if (app_pool_moved(&r->app, o, m, 8, &n, &e) != 0)
		return;
	for (int i = 0; i < n; i++) {
		char text[800];
		pool_moved_text(r->content, &m[i], r->lang, text, sizeof text);
		h(b, "<p class=\"notice\" id=\"pool-moved-%s\">%s <a href=\"/diagnose/%s?org=%lld\">%s</a></p>", m[i].questionnaire, text,
		  m[i].questionnaire, (long long)o->id, T(r, "pool_rediagnose"));
	}
}
