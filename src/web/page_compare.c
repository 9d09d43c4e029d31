/*
 * page_compare.c — /diagnoses/{id}/compare: a saved result compared with other companies
 * (the benchmark's "where do we stand"): the sample sizes, means and 偏差値 in each dimension,
 * a histogram and the scatter of total against risk index, four radar charts (the risk group
 * with its desired level, the size band, the industry, and the company's own last results)
 * and "companies like mine" per question. Every number comes from the comparison view
 * (app/compare.h); this file only draws it.
 *
 * The comparison is its own page, not part of the cached result page: the pool changes with
 * every pooled save, the snapshot never does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/compare.h"
#include "core/template.h"
#include "core/xalloc.h"
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
	if (p->st[DIM_GROUP].shown)
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
		if (p->st[one[k].dim].shown)
			series(&s[ns++], T(r, one[k].avg), v->peer[one[k].dim], v->ncats);
		radar(r, b, v, one[k].id, one[k].title, s, ns);
	}
	/* 4: this result against the last four */
	char names[COMPARE_HISTORY][16];
	ns = 0;
	for (int i = 0; i < v->nhistory; i++) {
		snprintf(names[i], sizeof names[i], "%.10s", v->history[i]->created);
		series(&s[ns++], v->history[i]->id == v->sd->id ? T(r, "your_result") : names[i], v->history_shares[i], v->ncats);
	}
	if (ns == 0)
		series(&s[ns++], T(r, "your_result"), v->own, v->ncats);
	radar(r, b, v, "radar-history", "radar_history", s, ns);
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
	h(b, "<figcaption><table class=\"scores\"><caption>%s（%s）</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "histogram_title"), T(r, DIM_LABEL[d]), T(r, "points"), T(r, "companies"));
	int span = sd->max - sd->min + 1;
	for (int i = 0; i < POOL_HBINS; i++) {
		int from = sd->min + (span * i + POOL_HBINS - 1) / POOL_HBINS, to = sd->min + (span * (i + 1) + POOL_HBINS - 1) / POOL_HBINS - 1;
		if (to < from)
			continue;
		h(b, "<tr class=\"%s\"><td>%d–%d</td><td>%lld</td></tr>", i == own ? "own" : "", from, to, bins[i]);
	}
	h(b, "</tbody></table></figcaption></figure>");
}

static void scatter(req_t *r, buf_t *b, const compare_view_t *v)
{
	const profile_t *p = r->content->profile;
	const pool_agg_t *a = &v->peers.agg[DIM_ALL];
	long long cells[POOL_RBINS * POOL_TBINS];
	for (int i = 0; i < POOL_RBINS * POOL_TBINS; i++)
		cells[i] = a->scatter[i];
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
	h(b, "<figcaption><p>%s: %lld %s</p>", T(r, "compare_sample"), (long long)a->n, T(r, "companies"));
	if (np)
		h(b, "<p>%s: %d / %s: %d</p>", T(r, "risk_index"), risk[np - 1], T(r, "total"), v->sd->total);
	else
		h(b, "<p><a href=\"/organizations/%lld/profile\">%s</a></p>", (long long)v->sd->org_id, T(r, "profile_edit"));
	h(b, "</figcaption></figure>");
}

static void like_mine(req_t *r, buf_t *b, const compare_view_t *v)
{
	const pool_stats_t *st = &v->peers.st[DIM_LIKE];
	if (!v->q || !st->shown)
		return;
	h(b, "<section><h2>%s（%lld %s）</h2><table class=\"scores like\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "like_mine"), (long long)st->n, T(r, "companies"), T(r, "question"), T(r, "your_result"), T(r, "like_mine"));
	for (int i = 0; i < v->q->nitems && i < v->sd->nanswers; i++)
		h(b, "<tr><td>%s %s</td><td>%s</td><td>%d%%</td></tr>", v->q->items[i].id, tx(&v->q->items[i].text, r->lang),
		  v->sd->answers[i].points == v->sd->answers[i].full ? "✔" : "—", (int)(st->item_full_share[i] * 100 + 0.5));
	h(b, "</tbody></table></section>");
}

static void summary(req_t *r, buf_t *b, const compare_view_t *v)
{
	const peers_t *p = &v->peers;
	h(b, "<table class=\"scores peers\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "compare_sample"), T(r, "companies"), T(r, "mean"), T(r, "deviation"));
	for (int d = 0; d < DIM_COUNT; d++) {
		const pool_stats_t *st = &p->st[d];
		if (!p->key[d].value[0])
			continue;
		h(b, "<tr id=\"peers-%s\"><th scope=\"row\">%s</th><td>%lld</td>", POOL_DIM_IDS[d], T(r, DIM_LABEL[d]), (long long)st->n);
		if (st->shown) {
			char mean[32], dev[32];
			snprintf(mean, sizeof mean, "%.1f", st->mean);
			snprintf(dev, sizeof dev, "%.1f", pool_deviation(st, v->sd->total));
			h(b, "<td>%s</td><td>%s</td></tr>", mean, dev);
		} else {
			h(b, "<td colspan=\"2\">%s</td></tr>", T(r, "pool_hidden"));
		}
	}
	h(b, "</tbody></table>");
}

/* The 偏差値 in the group (or among all companies), what it means, the histogram and the
 * scatter; or why there is nothing to compare with yet. */
static void standing(req_t *r, buf_t *b, const compare_view_t *v)
{
	const peers_t *p = &v->peers;
	if (!p->st[DIM_ALL].shown) {
		char msg[300], n[16];
		snprintf(n, sizeof n, "%d", p->min_group);
		tmpl_fill(msg, sizeof msg, T(r, "compare_none"), (const char *const[]){ "n" }, (const char *const[]){ n }, 1);
		h(b, "<p id=\"compare-none\">%s</p>", msg);
		return;
	}
	int hd = p->st[DIM_GROUP].shown ? DIM_GROUP : DIM_ALL;
	double dev = pool_deviation(&p->st[hd], v->sd->total);
	char num[32], words[200], pct[32];
	snprintf(num, sizeof num, "%.1f", dev);
	snprintf(pct, sizeof pct, "%.0f", 100 * pool_top_share(dev));
	tmpl_fill(words, sizeof words, T(r, "deviation_words"), (const char *const[]){ "pct" }, (const char *const[]){ pct }, 1);
	h(b, "<p class=\"total\">%s（%s）: <span class=\"big\" id=\"deviation\">%s</span></p><p>%s</p>", T(r, "deviation"),
	  T(r, DIM_LABEL[hd]), num, words);
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
	h(b, "<h1>%s — %s</h1><p class=\"meta\"><a href=\"/diagnoses/%lld\">%s</a> ・ %s %d / %d ・ %s</p>", T(r, "compare"),
	  q ? tx(&q->title, r->lang) : sd->questionnaire, (long long)sd->id, T(r, "web_result"), T(r, "total"), sd->total, sd->max,
	  sd->created);
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
	}
	page_end(r, w);
	compare_view_free(v);
	free(v);
}
