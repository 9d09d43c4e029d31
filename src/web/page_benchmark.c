/*
 * page_benchmark.c — the benchmark in the browser and the API: the company profile form with
 * its risk index and the reasons behind it (/organizations/{id}/profile), the comparison of a
 * diagnosis with other companies (/diagnoses/{id}/compare: scatter plot, four radar charts,
 * histogram with 偏差値, "companies like mine"), and their JSON twins under /api/v1.
 *
 * The comparison is its own page, not part of the cached result page: the pool changes with
 * every pooled save, the snapshot never does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/template.h"
#include "input/profile_input.h"
#include "report/benchmark_json.h"
#include "store/benchmark.h"
#include "web/pages.h"
#include "web/svg.h"

/* ---- profile ---------------------------------------------------------------------------- */

static void risk_summary(req_t *r, buf_t *b, const risk_t *rk)
{
	const profile_t *p = r->content->profile;
	if (rk->index < 0) {
		h(b, "<p id=\"risk\">%s</p>", T(r, "profile_incomplete"));
		return;
	}
	h(b, "<p id=\"risk\" class=\"risk\">%s: <strong id=\"risk-index\">%d</strong> / 100 — <strong id=\"risk-group\">%s</strong></p>",
	  T(r, "risk_index"), rk->index, tx(&p->groups[rk->group].label, r->lang));
	int why[5], n = profile_reasons(p, rk, why, 5);
	if (n)
		h(b, "<p>%s</p><ul class=\"reasons\">", T(r, "risk_reasons"));
	for (int i = 0; i < n; i++) {
		const profile_item_t *it = &p->items[why[i]];
		h(b, "<li>%s: %s（+%d）</li>", tx(&it->text, r->lang), tx(&it->opts[rk->opt[why[i]]].label, r->lang),
		  it->opts[rk->opt[why[i]]].points);
	}
	if (n)
		h(b, "</ul>");
}

void page_profile_section(req_t *r, buf_t *b, const org_t *o)
{
	profile_answers_t a;
	risk_t rk;
	h(b, "<h2 id=\"profile\">%s</h2>", T(r, "profile"));
	if (company_risk(r->store, r->content, o, &a, &rk) != STORE_OK) {
		h(b, "<p class=\"error\">%s</p>", T(r, "web_store_error"));
		return;
	}
	risk_summary(r, b, &rk);
	h(b, "<p><a href=\"/organizations/%lld/profile\">%s</a></p>", (long long)o->id, T(r, "profile_edit"));
}

static void render_profile(req_t *r, resp_t *w, const org_t *o, const profile_answers_t *a, const char *error)
{
	const profile_t *p = r->content->profile;
	lang_t L = r->lang;
	buf_t *b = &w->body;
	risk_t rk;
	profile_risk(p, a, o, &rk);
	page_begin(r, w, T(r, "profile"));
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a></p><p>%s</p>", T(r, "profile"), (long long)o->id, o->name,
	  T(r, "profile_intro"));
	if (error)
		h(b, "<p class=\"error\" role=\"alert\">%s</p>", error);
	risk_summary(r, b, &rk);
	h(b, "<form method=\"post\" action=\"/organizations/%lld/profile\" class=\"form\">", (long long)o->id);
	page_csrf_field(r, b);
	for (int i = 0; i < p->nitems; i++) {
		const profile_item_t *it = &p->items[i];
		if (it->field != PF_ASKED) {
			h(b, "<p>%s: <strong>%s</strong> <span class=\"muted\">（%s）</span></p>", tx(&it->text, L),
			  rk.opt[i] >= 0 ? tx(&it->opts[rk.opt[i]].label, L) : T(r, "profile_unanswered"), T(r, "profile_from_org"));
			continue;
		}
		h(b, "<fieldset class=\"q\"><legend>%s</legend>", tx(&it->text, L));
		for (int k = 0; k < it->nopts; k++)
			h(b, "<label><input type=\"radio\" name=\"%s\" value=\"%s\"%S%S> %s</label>", it->id, it->opts[k].id,
			  a->opt[i] == k ? " checked" : "", k == 0 ? " required" : "", tx(&it->opts[k].label, L));
		h(b, "</fieldset>");
	}
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "web_save"));
	page_end(r, w);
}

void page_profile(req_t *r, resp_t *w, const char *const *args)
{
	org_t o;
	profile_answers_t a;
	risk_t rk;
	if (!page_load_org(r, w, args[0], &o))
		return;
	if (company_risk(r->store, r->content, &o, &a, &rk) != STORE_OK) {
		page_error(r, w, 500, "web_store_error");
		return;
	}
	render_profile(r, w, &o, &a, NULL);
}

/* Saves complete answers as the organisation's new profile version; false with err set. */
static bool save_profile(req_t *r, const org_t *o, const profile_answers_t *a, err_t *e, bool *store_failed)
{
	const profile_t *p = r->content->profile;
	char json[SD_PROFILE];
	*store_failed = false;
	if (profile_check_complete(p, a, e) != 0)
		return false;
	if (!profile_to_json(p, a, json, sizeof json) || store_profile_put(r->store, o->id, p->version, json) != STORE_OK) {
		*store_failed = true;
		return false;
	}
	return true;
}

void page_profile_post(req_t *r, resp_t *w, const char *const *args)
{
	org_t o;
	if (!page_load_org(r, w, args[0], &o))
		return;
	if (!req_csrf_ok(r)) {
		page_error(r, w, 403, "web_csrf");
		return;
	}
	const profile_t *p = r->content->profile;
	profile_answers_t a;
	profile_answers_init(&a);
	err_t e = { 0 };
	bool bad = false, store_failed = false;
	for (int i = 0; i < p->nitems && !bad; i++) {
		const char *v = p->items[i].field == PF_ASKED ? req_form(r, p->items[i].id) : NULL;
		bad = v && profile_set(p, &a, p->items[i].id, v, &e) != 0;
	}
	if (!bad && save_profile(r, &o, &a, &e, &store_failed)) {
		resp_redirect(w, "/organizations/%lld/profile#risk", (long long)o.id);
		return;
	}
	if (store_failed) {
		page_error(r, w, 500, "web_store_error");
		return;
	}
	w->status = 422;
	char msg[600];
	int i = profile_item_index(p, e.field);
	snprintf(msg, sizeof msg, "%s: %s", i >= 0 ? tx(&p->items[i].text, r->lang) : e.field, r->lang == LANG_EN ? e.en : e.ja);
	render_profile(r, w, &o, &a, msg);
}

void api_profile_get(req_t *r, resp_t *w, const char *const *args)
{
	org_t o;
	profile_answers_t a;
	risk_t rk;
	if (!find_org(r, w, args[0], &o))
		return;
	if (company_risk(r->store, r->content, &o, &a, &rk) != STORE_OK)
		resp_api_error(w, 500, "store", store_error(r->store), NULL);
	else
		resp_json(w, 200, profile_json(r->content, &rk, r->lang));
}

void api_profile_put(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const keys[] = { "answers", NULL };
	org_t o;
	if (!find_org(r, w, args[0], &o))
		return;
	json_t *j = json_body(r, w);
	if (!j || unknown_keys(w, j, keys)) {
		json_decref(j);
		return;
	}
	json_t *ans = json_object_get(j, "answers");
	char *text = json_is_object(ans) ? json_dumps(ans, JSON_COMPACT) : NULL;
	json_decref(j);
	profile_answers_t a;
	err_t e = { 0 };
	bool store_failed = false;
	if (!text)
		resp_api_error(w, 422, "invalid", "answers は {\"設問\": \"選択肢\"} のオブジェクトです / answers must be an object", "answers");
	else if (profile_from_json(r->content->profile, text, true, &a, &e) != 0 || !save_profile(r, &o, &a, &e, &store_failed))
		store_failed ? resp_api_error(w, 500, "store", store_error(r->store), NULL) : input_error(r, w, &e);
	else
		api_profile_get(r, w, args);
	free(text);
}

/* ---- comparison --------------------------------------------------------------------------- */

typedef struct {
	stored_diag_t *sd;
	const questionnaire_t *q;      /* NULL when the snapshot's version is not the one loaded */
	peers_t peers;
	stored_diag_t **list;          /* this questionnaire's last five diagnoses of the organisation, up to sd */
	int n;
} compare_t;

static bool load_compare(req_t *r, const char *arg, compare_t *c)
{
	memset(c, 0, sizeof *c);
	long long id = parse_id(arg);
	if (id < 0 || store_diag_get(r->store, id, &c->sd) != STORE_OK)
		return false;
	c->q = content_questionnaire(r->content, c->sd->questionnaire);
	if (c->q && strcmp(c->q->version, c->sd->version))
		c->q = NULL;
	diag_peers(r->store, c->sd, &c->peers);
	if (c->sd->org_id && store_diag_recent(r->store, c->sd->org_id, c->sd->questionnaire, c->sd->id, 5, &c->list, &c->n) != STORE_OK)
		c->n = 0;
	return true;
}

static void free_compare(compare_t *c)
{
	stored_diag_list_free(c->list, c->n);
	stored_diag_free(c->sd);
}

void api_peers(req_t *r, resp_t *w, const char *const *args)
{
	compare_t *c = malloc(sizeof *c);
	if (!c)
		abort();
	if (!load_compare(r, args[0], c))
		resp_api_error(w, 404, "not_found", "その診断結果はありません / no such diagnosis", "id");
	else
		resp_json(w, 200, peers_json(r->content, c->sd, &c->peers, (const stored_diag_t *const *)c->list, c->n, r->lang));
	free_compare(c);
	free(c);
}

static const char *const DIM_LABEL[DIM_COUNT] = { "all_average", "group_average", "size_average", "industry_average", "like_average" };

/* The share of each category's maximum: the company's own, from its snapshot. */
static void own_shares(const stored_diag_t *sd, double *v)
{
	for (int k = 0; k < sd->ncats && k < 32; k++)
		v[k] = sd->cats[k].max > 0 ? (double)sd->cats[k].total / sd->cats[k].max : 0;
}

/* The peers' mean share per category, from the per-item means. */
static void peer_shares(const questionnaire_t *q, const pool_stats_t *st, double *v)
{
	for (int k = 0; k < q->ncats && k < 32; k++) {
		double sum = 0;
		int max = 0;
		for (int i = 0; i < q->nitems; i++)
			if (q->items[i].category == k)
				sum += st->item_mean[i], max += q->items[i].full;
		v[k] = max > 0 ? sum / max : 0;
	}
}

static void radar(req_t *r, buf_t *b, const compare_t *c, const char *id, const char *title_key, const svg_series_t *s, int ns)
{
	const questionnaire_t *q = c->q;
	char labels[32][12];
	const char *lp[32];
	for (int k = 0; k < q->ncats && k < 32; k++) {
		snprintf(labels[k], sizeof labels[k], "%d", k + 1);
		lp[k] = labels[k];
	}
	h(b, "<figure class=\"chart\">");
	svg_radar_series(b, id, T(r, title_key), lp, q->ncats, s, ns);
	h(b, "<figcaption><table class=\"scores\"><caption>%s</caption><thead><tr><th scope=\"col\">#</th>", T(r, title_key));
	for (int i = 0; i < ns; i++)
		h(b, "<th scope=\"col\">%s</th>", s[i].name);
	h(b, "</tr></thead><tbody>");
	for (int k = 0; k < q->ncats; k++) {
		h(b, "<tr><th scope=\"row\">%d %s</th>", k + 1, tx(&q->cats[k].title, r->lang));
		for (int i = 0; i < ns; i++)
			h(b, "<td>%d%%</td>", (int)(s[i].v[k] * 100 + 0.5));
		h(b, "</tr>");
	}
	h(b, "</tbody></table></figcaption></figure>");
}

static void radars(req_t *r, buf_t *b, const compare_t *c)
{
	const questionnaire_t *q = c->q;
	const peers_t *p = &c->peers;
	if (!q || q->ncats < 3 || q->ncats > 32)
		return;
	svg_series_t s[5];
	memset(s, 0, sizeof s);
	s[0].name = T(r, "your_result");
	own_shares(c->sd, s[0].v);
	/* 1: the group's average and the desired level */
	int ns = 1, desired[MAX_ITEMS];
	if (p->st[DIM_GROUP].shown) {
		s[ns].name = T(r, "group_average");
		peer_shares(q, &p->st[DIM_GROUP], s[ns++].v);
	}
	if (profile_desired_levels(r->content->profile, q, c->sd->risk_group, desired)) {
		s[ns].name = T(r, "desired_level");
		for (int k = 0; k < q->ncats && k < 32; k++) {
			int sum = 0, max = 0;
			for (int i = 0; i < q->nitems; i++)
				if (q->items[i].category == k)
					sum += desired[i], max += q->items[i].full;
			s[ns].v[k] = max ? (double)sum / max : 0;
		}
		ns++;
	}
	radar(r, b, c, "radar-group", "radar_group", s, ns);
	/* 2 and 3: the size band and the industry */
	static const struct {
		int dim;
		const char *id, *title, *avg;
	} one[] = { { DIM_SIZE, "radar-size", "radar_size", "size_average" },
		    { DIM_INDUSTRY, "radar-industry", "radar_industry", "industry_average" } };
	for (int k = 0; k < 2; k++) {
		ns = 1;
		if (p->st[one[k].dim].shown) {
			s[ns].name = T(r, one[k].avg);
			peer_shares(q, &p->st[one[k].dim], s[ns++].v);
		}
		radar(r, b, c, one[k].id, one[k].title, s, ns);
	}
	/* 4: this result against the last four */
	ns = 0;
	char names[5][40];
	for (int i = 0; i < c->n; i++) {
		if (c->list[i]->ncats != q->ncats) /* another content version, other groups */
			continue;
		snprintf(names[ns], sizeof names[ns], "%.10s", c->list[i]->created);
		s[ns].name = c->list[i]->id == c->sd->id ? T(r, "your_result") : names[ns];
		own_shares(c->list[i], s[ns++].v);
	}
	if (ns == 0) {
		s[0].name = T(r, "your_result");
		own_shares(c->sd, s[0].v);
		ns = 1;
	}
	radar(r, b, c, "radar-history", "radar_history", s, ns);
}

static void histogram(req_t *r, buf_t *b, const compare_t *c, int d)
{
	const stored_diag_t *sd = c->sd;
	const pool_agg_t *a = &c->peers.agg[d];
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
		h(b, "<tr%S><td>%d–%d</td><td>%lld</td></tr>", i == own ? " class=\"own\"" : "", from, to, bins[i]);
	}
	h(b, "</tbody></table></figcaption></figure>");
}

static void scatter(req_t *r, buf_t *b, const compare_t *c)
{
	const profile_t *p = r->content->profile;
	const pool_agg_t *a = &c->peers.agg[DIM_ALL];
	long long cells[POOL_RBINS * POOL_TBINS];
	for (int i = 0; i < POOL_RBINS * POOL_TBINS; i++)
		cells[i] = a->scatter[i];
	int th[PROFILE_MAX_GROUPS], risk[5], np = 0;
	const char *labels[PROFILE_MAX_GROUPS];
	char upper[PROFILE_MAX_GROUPS][8];
	double share[5];
	for (int g = 0; g < p->ngroups; g++) { /* lowest first, left to right; "gii" drawn as "GII", as the seeds write it */
		const risk_group_t *rg = &p->groups[p->ngroups - 1 - g];
		th[g] = rg->min;
		snprintf(upper[g], sizeof upper[g], "%s", rg->id);
		for (char *x = upper[g]; *x; x++)
			*x = (char)(*x >= 'a' && *x <= 'z' ? *x - 32 : *x);
		labels[g] = upper[g];
	}
	for (int i = 0; i < c->n; i++) {
		const stored_diag_t *d = c->list[i];
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
		h(b, "<p>%s: %d / %s: %d</p>", T(r, "risk_index"), risk[np - 1], T(r, "total"), c->sd->total);
	else
		h(b, "<p><a href=\"/organizations/%lld/profile\">%s</a></p>", (long long)c->sd->org_id, T(r, "profile_edit"));
	h(b, "</figcaption></figure>");
}

static void like_mine(req_t *r, buf_t *b, const compare_t *c)
{
	const pool_stats_t *st = &c->peers.st[DIM_LIKE];
	if (!c->q || !st->shown)
		return;
	h(b, "<section><h2>%s（%lld %s）</h2><table class=\"scores like\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "like_mine"), (long long)st->n, T(r, "companies"), T(r, "question"), T(r, "your_result"), T(r, "like_mine"));
	for (int i = 0; i < c->q->nitems && i < c->sd->nanswers; i++)
		h(b, "<tr><td>%s %s</td><td>%s</td><td>%d%%</td></tr>", c->q->items[i].id, tx(&c->q->items[i].text, r->lang),
		  c->sd->answers[i].points == c->sd->answers[i].full ? "✔" : "—", (int)(st->item_full_share[i] * 100 + 0.5));
	h(b, "</tbody></table></section>");
}

static void summary(req_t *r, buf_t *b, const compare_t *c)
{
	const peers_t *p = &c->peers;
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
			snprintf(dev, sizeof dev, "%.1f", pool_deviation(st, c->sd->total));
			h(b, "<td>%s</td><td>%s</td></tr>", mean, dev);
		} else {
			h(b, "<td colspan=\"2\">%s</td></tr>", T(r, "pool_hidden"));
		}
	}
	h(b, "</tbody></table>");
}

void page_compare(req_t *r, resp_t *w, const char *const *args)
{
	compare_t *c = malloc(sizeof *c);
	if (!c)
		abort();
	if (!load_compare(r, args[0], c)) {
		free(c);
		page_error(r, w, 404, "error_not_found");
		return;
	}
	const stored_diag_t *sd = c->sd;
	const peers_t *p = &c->peers;
	const questionnaire_t *q = content_questionnaire(r->content, sd->questionnaire);
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "compare"));
	h(b, "<h1>%s — %s</h1><p class=\"meta\"><a href=\"/diagnoses/%lld\">%s</a> ・ %s %d / %d ・ %s</p>", T(r, "compare"),
	  q ? tx(&q->title, r->lang) : sd->questionnaire, (long long)sd->id, T(r, "web_result"), T(r, "total"), sd->total, sd->max,
	  sd->created);
	int g = profile_group_index(r->content->profile, sd->risk_group);
	if (!sd->org_id) {
		h(b, "<p>%s</p>", T(r, "compare_no_org"));
	} else if (g >= 0) {
		h(b, "<p class=\"risk\">%s: <strong>%d</strong> / 100 — <strong id=\"risk-group\">%s</strong></p>", T(r, "risk_index"),
		  sd->risk, tx(&r->content->profile->groups[g].label, r->lang));
	} else {
		h(b, "<p>%s <a href=\"/organizations/%lld/profile\">%s</a></p>", T(r, "profile_incomplete"), (long long)sd->org_id,
		  T(r, "profile_edit"));
	}
	if (sd->org_id) {
		summary(r, b, c);
		int hd = p->st[DIM_GROUP].shown ? DIM_GROUP : DIM_ALL;
		if (!p->st[DIM_ALL].shown) {
			char msg[300];
			char n[16];
			snprintf(n, sizeof n, "%d", p->min_group);
			tmpl_fill(msg, sizeof msg, T(r, "compare_none"), (const char *const[]){"n"}, (const char *const[]){n}, 1);
			h(b, "<p id=\"compare-none\">%s</p>", msg);
		} else {
			double dev = pool_deviation(&p->st[hd], sd->total);
			char num[32], words[200];
			snprintf(num, sizeof num, "%.1f", dev);
			char pct[32];
			snprintf(pct, sizeof pct, "%.0f", 100 * pool_top_share(dev));
			tmpl_fill(words, sizeof words, T(r, "deviation_words"), (const char *const[]){"pct"}, (const char *const[]){pct}, 1);
			h(b, "<p class=\"total\">%s（%s）: <span class=\"big\" id=\"deviation\">%s</span></p><p>%s</p>", T(r, "deviation"),
			  T(r, DIM_LABEL[hd]), num, words);
			histogram(r, b, c, hd);
			scatter(r, b, c);
		}
		radars(r, b, c);
		like_mine(r, b, c);
	}
	page_end(r, w);
	free_compare(c);
	free(c);
}
