/*
 * benchmark_json.c — see benchmark_json.h. Statistics under the privacy threshold carry only
 * their sample size and "shown": false.
 */
#include "report/benchmark_json.h"

#include <math.h>

json_t *profile_json(const content_t *c, const risk_t *r, lang_t lang)
{
	const profile_t *p = c->profile;
	json_t *items = json_array(), *missing = json_array(), *reasons = json_array();
	for (int i = 0; i < p->nitems; i++) {
		const profile_item_t *it = &p->items[i];
		int k = r->opt[i];
		json_t *o = json_pack("{s:s, s:s, s:b}", "id", it->id, "text", tx(&it->text, lang), "from_organization",
				      it->field != PF_ASKED);
		if (k >= 0) {
			json_object_set_new(o, "option", json_string(it->opts[k].id));
			json_object_set_new(o, "label", json_string(tx(&it->opts[k].label, lang)));
			json_object_set_new(o, "points", json_integer(it->opts[k].points));
		} else {
			json_array_append_new(missing, json_string(it->id));
		}
		json_object_set_new(o, "max_points", json_integer(it->top));
		json_array_append_new(items, o);
	}
	int why[PROFILE_MAX_ITEMS];
	int n = profile_reasons(p, r, why, 5);
	for (int i = 0; i < n; i++) {
		const profile_item_t *it = &p->items[why[i]];
		json_array_append_new(reasons, json_pack("{s:s, s:s, s:s, s:i}", "item", it->id, "text", tx(&it->text, lang), "label",
							 tx(&it->opts[r->opt[why[i]]].label, lang), "points",
							 it->opts[r->opt[why[i]]].points));
	}
	json_t *o = json_pack("{s:s, s:o, s:o, s:i, s:i}", "version", p->version, "items", items, "missing", missing, "points",
			      r->sum, "max_points", p->top_sum);
	json_object_set_new(o, "risk_index", r->index >= 0 ? json_integer(r->index) : json_null());
	json_object_set_new(o, "risk_group", r->group >= 0 ? json_pack("{s:s, s:s}", "id", p->groups[r->group].id, "label",
									 tx(&p->groups[r->group].label, lang))
							   : json_null());
	json_object_set_new(o, "reasons", reasons);
	return o;
}

static json_t *real(double v)
{
	return json_real(round(v * 100) / 100);
}

/* Category means from item means, when the snapshot is of the questionnaire version loaded. */
static json_t *categories(const questionnaire_t *q, const pool_stats_t *st)
{
	json_t *cats = json_array();
	for (int k = 0; q && k < q->ncats; k++) {
		double sum = 0;
		int max = 0;
		for (int i = 0; i < q->nitems; i++)
			if (q->items[i].category == k)
				sum += st->item_mean[i], max += q->items[i].full;
		json_array_append_new(cats, json_pack("{s:s, s:o, s:i}", "id", q->cats[k].id, "mean", real(sum), "max", max));
	}
	return cats;
}

json_t *peers_json(const content_t *c, const compare_view_t *v, lang_t lang)
{
	const stored_diag_t *sd = v->sd;
	const peers_t *p = &v->peers;
	const questionnaire_t *q = v->q;
	int g = v->group;
	json_t *dims = json_array();
	for (int d = 0; d < DIM_COUNT; d++) {
		const pool_stats_t *st = &p->st[d];
		if (!p->key[d].value[0])
			continue;
		json_t *o = json_pack("{s:s, s:s, s:I, s:b}", "dimension", POOL_DIM_IDS[d], "value", p->key[d].value, "n",
				      (json_int_t)st->n, "shown", st->shown);
		if (st->shown) {
			double dev = pool_deviation(st, sd->total);
			json_object_set_new(o, "mean", real(st->mean));
			json_object_set_new(o, "sd", real(st->sd));
			json_object_set_new(o, "deviation", real(dev));
			json_object_set_new(o, "top_percent", real(100 * pool_top_share(dev)));
			json_t *items = json_array();
			for (int i = 0; i < p->agg[d].nitems && i < sd->nanswers; i++)
				json_array_append_new(items, json_pack("{s:s, s:o, s:o}", "id", sd->answers[i].question, "mean",
								       real(st->item_mean[i]), "full_share", real(st->item_full_share[i])));
			json_object_set_new(o, "items", items);
			json_object_set_new(o, "categories", categories(q, st));
		}
		json_array_append_new(dims, o);
	}
	json_t *out = json_pack("{s:s, s:i, s:o}", "window_from", p->from, "min_group", p->min_group, "peers", dims);
	json_object_set_new(out, "risk_index", sd->risk >= 0 ? json_integer(sd->risk) : json_null());
	json_object_set_new(out, "risk_group", g >= 0 ? json_pack("{s:s, s:s}", "id", c->profile->groups[g].id, "label",
								 tx(&c->profile->groups[g].label, lang))
						  : json_null());
	if (q && v->has_desired) {
		json_t *dl = json_array();
		for (int i = 0; i < q->nitems; i++)
			json_array_append_new(dl, json_pack("{s:s, s:i}", "item", q->items[i].id, "level", v->desired_level[i]));
		json_object_set_new(out, "desired", dl);
	}
	/* the histogram of the company's group (all companies when it has none) */
	int hd = p->st[DIM_GROUP].shown ? DIM_GROUP : DIM_ALL;
	if (p->st[hd].shown) {
		json_t *bins = json_array();
		for (int b = 0; b < POOL_HBINS; b++)
			json_array_append_new(bins, json_integer(p->agg[hd].hist[b]));
		json_object_set_new(out, "histogram", json_pack("{s:s, s:i, s:i, s:o, s:i}", "dimension", POOL_DIM_IDS[hd], "min",
								 sd->min, "max", sd->max, "bins", bins, "own_bin",
								 pool_hbin(sd->total, sd->min, sd->max)));
	}
	if (p->st[DIM_ALL].shown) {
		json_t *cells = json_array(), *own = json_array();
		for (int b = 0; b < POOL_RBINS * POOL_TBINS; b++)
			json_array_append_new(cells, json_integer(p->agg[DIM_ALL].scatter[b]));
		for (int i = 0; i < v->n; i++)
			if (v->list[i]->risk >= 0)
				json_array_append_new(own, json_pack("{s:s, s:i, s:i}", "date", v->list[i]->created, "risk_index",
								     v->list[i]->risk, "total", v->list[i]->total));
		json_object_set_new(out, "scatter", json_pack("{s:i, s:i, s:o, s:o}", "risk_bins", POOL_RBINS, "total_bins", POOL_TBINS,
							       "cells", cells, "positions", own));
	}
	return out;
}

json_t *pool_agg_json(const pool_key_t *k, const pool_agg_t *a)
{
	json_t *is = json_array(), *ifl = json_array(), *h = json_array(), *sc = json_array();
	for (int i = 0; i < a->nitems; i++) {
		json_array_append_new(is, json_integer(a->item_sum[i]));
		json_array_append_new(ifl, json_integer(a->item_full[i]));
	}
	for (int b = 0; b < POOL_HBINS; b++)
		json_array_append_new(h, json_integer(a->hist[b]));
	for (int b = 0; b < POOL_RBINS * POOL_TBINS; b++)
		json_array_append_new(sc, json_integer(a->scatter[b]));
	return json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:o, s:o, s:o, s:o}", "questionnaire", k->questionnaire, "version",
			 k->version, "dimension", POOL_DIM_IDS[k->dim], "value", k->value, "n", (json_int_t)a->n, "sum",
			 (json_int_t)a->sum, "sumsq", (json_int_t)a->sumsq, "item_sum", is, "item_full", ifl, "histogram", h,
			 "scatter", sc);
}
