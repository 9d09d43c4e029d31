/*
 * benchmark_json.c — see benchmark_json.h. The comparison carries only what the current
 * release publishes (core/pool_privacy.h): a group it does not publish is "shown": false and
 * nothing else; the published ones carry the 95 % margins of their noise, and the company's
 * rank as the range the rounded histogram allows.
 */
#include "report/benchmark_json.h"

#include <math.h>

#include "core/pool_privacy.h"
#include "core/template.h"

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

/* Where the total stands among the companies of a published aggregate: {"n", "from", "to"}
 * (its rank lies between from and to; the histogram is rounded, so it is a range). */
static json_t *rank_json(const pool_agg_t *a, const stored_diag_t *sd)
{
	int64_t above, same;
	pool_rank(a, sd->total, sd->min, sd->max, &above, &same);
	int64_t n = a->n, lo = above + 1, hi = above + (same > 1 ? same : 1);
	lo = lo > n ? n : lo; /* a total below every published one ranks last */
	hi = hi > n ? n : hi < lo ? lo : hi;
	return json_pack("{s:I, s:I, s:I}", "n", (json_int_t)n, "from", (json_int_t)lo, "to", (json_int_t)hi);
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
		/* a group the release does not publish says so and nothing more, not even its size */
		json_t *o = json_pack("{s:s, s:s, s:b}", "dimension", POOL_DIM_IDS[d], "value", p->key[d].value, "shown", st->shown);
		if (st->shown) {
			json_object_set_new(o, "n", json_integer(st->n));
			json_object_set_new(o, "mean", real(st->mean));
			json_object_set_new(o, "mean_margin", real(st->margin_mean));
			json_object_set_new(o, "sd", real(st->sd));
			json_object_set_new(o, "deviation", real(pool_deviation(st, sd->total)));
			json_object_set_new(o, "rank", rank_json(&p->agg[d], sd));
			json_object_set_new(o, "items_shown", json_boolean(st->items_shown));
			if (st->items_shown) { /* per question only where the noise leaves something to read */
				json_t *items = json_array();
				for (int i = 0; i < p->agg[d].nitems && i < sd->nanswers; i++) {
					json_t *it = json_pack("{s:s, s:o, s:o}", "id", sd->answers[i].question, "mean", real(st->item_mean[i]),
							       "full_share", real(st->item_full_share[i]));
					/* the share within one point of full marks ("4 or 5"), where the scale has such a step */
					if (st->high_shown && pool_high_meaningful(q))
						json_object_set_new(it, "high_share", real(st->item_high_share[i]));
					json_array_append_new(items, it);
				}
				json_object_set_new(o, "items", items);
				json_object_set_new(o, "item_margin", real(st->margin_item));
				json_object_set_new(o, "share_margin", real(st->margin_share));
				json_object_set_new(o, "categories", categories(q, st));
			}
		}
		json_array_append_new(dims, o);
	}
	json_t *out = json_pack("{s:s, s:i, s:o}", "window_from", p->from, "min_group", p->min_group, "peers", dims);
	json_object_set_new(out, "release", p->release ? json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)p->release, "month",
								   p->release_month, "created", p->release_created, "next",
								   p->next_release)
						       : json_null());
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
		json_object_set_new(out, "histogram", json_pack("{s:s, s:i, s:i, s:o, s:i, s:o}", "dimension", POOL_DIM_IDS[hd], "min",
								 sd->min, "max", sd->max, "bins", bins, "own_bin",
								 pool_hbin(sd->total, sd->min, sd->max), "rank",
								 rank_json(&p->agg[hd], sd)));
	}
	/* the company's own points always; the pool's cells once all companies are published */
	json_t *own = json_array();
	for (int i = 0; i < v->n; i++)
		if (v->list[i]->risk >= 0)
			json_array_append_new(own, json_pack("{s:s, s:i, s:i}", "date", v->list[i]->created, "risk_index",
							     v->list[i]->risk, "total", v->list[i]->total));
	json_t *cells = json_null();
	if (p->st[DIM_ALL].shown) {
		cells = json_array();
		for (int b = 0; b < POOL_RBINS * POOL_TBINS; b++)
			json_array_append_new(cells, json_integer(p->agg[DIM_ALL].scatter[b]));
	}
	json_object_set_new(out, "scatter", json_pack("{s:i, s:i, s:o, s:o}", "risk_bins", POOL_RBINS, "total_bins", POOL_TBINS,
						       "cells", cells, "positions", own));
	/* a first comparison while the pool is small: an earlier survey of the same questionnaire */
	if (q && q->survey.companies > 0 && !p->st[DIM_ALL].shown)
		json_object_set_new(out, "survey", json_pack("{s:s, s:i, s:i, s:i, s:b}", "title", tx(&q->survey.title, lang),
							      "companies", q->survey.companies, "passed", q->survey.passed,
							      "pass_mark", q->pass_mark, "own_passed", sd->total >= q->pass_mark));
	return out;
}

json_t *pool_agg_json(const pool_key_t *k, const pool_agg_t *a)
{
	json_t *is = json_array(), *ifl = json_array(), *h = json_array(), *sc = json_array(), *ih = json_array();
	for (int i = 0; i < a->nitems; i++) {
		json_array_append_new(is, json_integer(a->item_sum[i]));
		json_array_append_new(ifl, json_integer(a->item_full[i]));
		json_array_append_new(ih, json_integer(a->item_high[i]));
	}
	for (int b = 0; b < POOL_HBINS; b++)
		json_array_append_new(h, json_integer(a->hist[b]));
	for (int b = 0; b < POOL_RBINS * POOL_TBINS; b++)
		json_array_append_new(sc, json_integer(a->scatter[b]));
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:o, s:o, s:o, s:o}", "questionnaire", k->questionnaire, "version",
			      k->version, "dimension", POOL_DIM_IDS[k->dim], "value", k->value, "n", (json_int_t)a->n, "sum",
			      (json_int_t)a->sum, "sumsq", (json_int_t)a->sumsq, "item_sum", is, "item_full", ifl, "histogram", h,
			      "scatter", sc);
	/* answers within one point of full marks ("4 or 5"), when the aggregate counts them */
	if (a->high_unknown)
		json_decref(ih);
	else
		json_object_set_new(o, "item_high", ih);
	return o;
}

/* ---- the pool and one save; a company that moved group ---- */

static const char *const NOTE_IDS[] = { "not_asked", "joined", "incomplete", "no_organization" };
static const char *const NOTE_KEYS[] = { NULL, "pool_joined", "pool_not_pooled_incomplete", "pool_not_pooled_no_org" };

/* The message about the earlier pooled diagnosis, "" when there is none to tell. */
static void earlier_text(const content_t *c, const result_view_t *v, lang_t lang, char *out, size_t size)
{
	char date[11];
	out[0] = '\0';
	if (v->earlier == EARLIER_NONE)
		return;
	snprintf(date, sizeof date, "%.10s", v->earlier_created);
	tmpl_fill(out, size, ui(c, v->earlier == EARLIER_KEPT ? "pool_earlier_kept" : "pool_earlier_withdrawn", lang),
		  (const char *const[]){ "date" }, (const char *const[]){ date }, 1);
}

void pool_note_text(const content_t *c, const result_view_t *v, lang_t lang, char *out, size_t size)
{
	char earlier[600];
	earlier_text(c, v, lang, earlier, sizeof earlier);
	const char *note = NOTE_KEYS[v->pool_note] ? ui(c, NOTE_KEYS[v->pool_note], lang) : "";
	snprintf(out, size, "%s%s%s", note, note[0] && earlier[0] ? " " : "", earlier);
}

json_t *pool_note_json(const content_t *c, const result_view_t *v, lang_t lang)
{
	json_t *o = json_pack("{s:b, s:s}", "pooled", v->pool_note == POOL_JOINED, "note", NOTE_IDS[v->pool_note]);
	if (NOTE_KEYS[v->pool_note])
		json_object_set_new(o, "message", json_string(ui(c, NOTE_KEYS[v->pool_note], lang)));
	if (v->earlier != EARLIER_NONE) {
		char text[600];
		earlier_text(c, v, lang, text, sizeof text);
		json_object_set_new(o, "earlier", json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)v->earlier_id, "created",
							     v->earlier_created, "state",
							     v->earlier == EARLIER_KEPT ? "kept" : "withdrawn", "message", text));
	} else {
		json_object_set_new(o, "earlier", json_null());
	}
	return o;
}

/* "gii" as the seeds write it, "GII"; no group as the content says it. */
static void group_name(const content_t *c, const char *id, lang_t lang, char out[40])
{
	if (!id[0]) {
		snprintf(out, 40, "%s", ui(c, "pool_no_group", lang));
		return;
	}
	int k = 0;
	for (; id[k] && k < 39; k++)
		out[k] = (char)(id[k] >= 'a' && id[k] <= 'z' ? id[k] - 32 : id[k]);
	out[k] = '\0';
}

void pool_moved_text(const content_t *c, const pool_moved_t *m, lang_t lang, char *out, size_t size)
{
	char from[40], to[40];
	group_name(c, m->from, lang, from);
	group_name(c, m->to, lang, to);
	tmpl_fill(out, size, ui(c, "pool_moved", lang), (const char *const[]){ "from", "to" }, (const char *const[]){ from, to }, 2);
}

json_t *pool_moved_json(const content_t *c, const pool_moved_t *m, int n, lang_t lang)
{
	json_t *list = json_array();
	for (int i = 0; i < n; i++) {
		char text[800];
		pool_moved_text(c, &m[i], lang, text, sizeof text);
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:I, s:s}", "questionnaire", m[i].questionnaire, "from", m[i].from,
						      "to", m[i].to, "diagnosis", (json_int_t)m[i].diagnosis_id, "message", text));
	}
	return list;
}
