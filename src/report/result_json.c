/*
 * result_json.c — see result_json.h. Texts are given in the requested language; ids never
 * change with the language, so programs should key on ids.
 */
#include "report/result_json.h"

static json_t *subtotal(const char *id, const mtext_t *title, subtotal_t s, lang_t lang)
{
	return json_pack("{s:s, s:s, s:i, s:i}", "id", id, "title", tx(title, lang), "total", s.total,
			 "max", s.max);
}

static json_t *item_ids(const questionnaire_t *q, const int *idx, int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_string(q->items[idx[i]].id));
	return a;
}

static json_t *measure_json(const measure_t *m, lang_t lang)
{
	json_t *pts = json_array();
	for (int p = 0; p < m->npoints; p++)
		json_array_append_new(pts, json_string(tx(&m->points[p].text, lang)));
	return json_pack("{s:s, s:s, s:o}", "id", m->id, "title", tx(&m->title, lang), "points", pts);
}

json_t *recommendations_json(const diagnosis_t *d, lang_t lang)
{
	const questionnaire_t *q = d->q;
	const score_t *s = &d->score;
	json_t *recs = json_array();
	for (int r = 0; r < d->nrecs; r++) {
		const rec_t *rc = &d->recs[r];
		const item_t *it = &q->items[rc->item];
		json_t *ms = json_array();
		for (int m = 0; m < it->nmeasures; m++)
			json_array_append_new(ms, measure_json(it->measures[m], lang));
		const scenario_t *sc[16];
		int nsc = item_scenarios(it, sc, 16);
		json_t *scen = json_array(), *cases = json_array();
		for (int k = 0; k < nsc; k++)
			json_array_append_new(scen, json_pack("{s:s, s:s}", "id", sc[k]->id, "title", tx(&sc[k]->title, lang)));
		for (int k = 0; k < d->ncases[r]; k++)
			json_array_append_new(cases, json_pack("{s:s, s:s, s:b, s:s}", "id", d->cases[r][k]->id, "title",
							       tx(&d->cases[r][k]->title, lang), "incident", d->cases[r][k]->incident,
							       "industry", d->cases[r][k]->industry));
		json_array_append_new(recs, json_pack("{s:i, s:s, s:s, s:s, s:i, s:i, s:i, s:b, s:o, s:o, s:o}", "rank", r + 1,
						      "question", it->id, "text", tx(&it->text, lang), "answer",
						      q->aset->opts[d->answers.opt[rc->item]].id, "points",
						      s->points[rc->item], "gap", rc->gap, "below_desired", rc->below, "essential",
						      it->essential, "measures", ms, "scenarios", scen, "cases", cases));
	}
	return recs;
}

json_t *actions_json(const diagnosis_t *d, lang_t lang)
{
	const questionnaire_t *q = d->q;
	json_t *list = json_array();
	for (int k = 0; k < d->nactions; k++) {
		const top_action_t *t = &d->actions[k];
		const action_t *a = t->action;
		json_t *steps = json_array(), *questions = json_array(), *o;
		for (int s = 0; s < a->nsteps; s++)
			json_array_append_new(steps, json_string(tx(&a->steps[s], lang)));
		for (int r = 0; r < t->nrecs; r++)
			json_array_append_new(questions, json_string(q->items[d->recs[t->recs[r]].item].id));
		o = json_pack("{s:i, s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:s, s:o, s:i}", "rank", k + 1, "id", a->id, "title",
			      tx(&a->title, lang), "why", tx(&a->why, lang), "steps", steps, "cost", cost_id(a->cost), "effort",
			      effort_id(a->effort), "handbook", tx(&a->handbook, lang), "source", tx(&a->ref, lang), "questions",
			      questions, "unknown", t->nunknown);
		if (a->why_case)
			json_object_set_new(o, "case", json_string(a->why_case->id));
		if (a->why_scenario)
			json_object_set_new(o, "scenario", json_string(a->why_scenario->id));
		json_array_append_new(list, o);
	}
	return list;
}

json_t *result_json(const diagnosis_t *d, lang_t lang)
{
	const questionnaire_t *q = d->q;
	const score_t *s = &d->score;
	json_t *o = json_object();
	json_object_set_new(o, "questionnaire", json_string(q->id));
	json_object_set_new(o, "version", json_string(q->version));
	json_object_set_new(o, "lang", json_string(lang == LANG_EN ? "en" : "ja"));
	json_object_set_new(o, "total", json_integer(s->total));
	json_object_set_new(o, "max", json_integer(s->max));
	json_object_set_new(o, "min", json_integer(s->min));
	if (q->pass_mark > 0) {
		json_object_set_new(o, "pass_mark", json_integer(q->pass_mark));
		json_object_set_new(o, "passed", json_boolean(s->passed));
	}
	const band_t *b = &q->bands[s->band];
	json_t *band = json_pack("{s:s, s:s, s:s}", "id", b->id, "label", tx(&b->label, lang), "advice", tx(&b->advice, lang));
	char next[2048];
	if (actions_next_step(next, sizeof next, b, d->actions, d->nactions, lang)) /* names the first actions */
		json_object_set_new(band, "next_step", json_string(next));
	json_object_set_new(o, "band", band);
	json_t *parts = json_array(), *cats = json_array(), *answers = json_array();
	for (int p = 0; p < q->nparts; p++)
		json_array_append_new(parts, subtotal(q->parts[p].id, &q->parts[p].title, s->parts[p], lang));
	for (int c = 0; c < q->ncats; c++)
		json_array_append_new(cats, subtotal(q->cats[c].id, &q->cats[c].title, s->cats[c], lang));
	for (int i = 0; i < q->nitems; i++) {
		int opt = d->answers.opt[i];
		json_t *a = json_pack("{s:s, s:o, s:i, s:i}", "question", q->items[i].id, "answer",
				      opt == UNANSWERED ? json_null() : json_string(q->aset->opts[opt].id),
				      "points", s->points[i], "full", q->items[i].full);
		if (d->answers.note[i])
			json_object_set_new(a, "note", json_string(d->answers.note[i]));
		json_array_append_new(answers, a);
	}
	json_object_set_new(o, "parts", parts);
	json_object_set_new(o, "categories", cats);
	json_object_set_new(o, "answers", answers);
	json_object_set_new(o, "unanswered", item_ids(q, s->unanswered, s->nunanswered));
	json_object_set_new(o, "unknown", item_ids(q, s->unknown, s->nunknown));
	json_object_set_new(o, "not_applicable", item_ids(q, s->na, s->nna));
	json_object_set_new(o, "actions", actions_json(d, lang));
	json_t *recs = recommendations_json(d, lang);
	json_object_set_new(o, "recommendations", recs);
	return o;
}

json_t *questionnaire_json(const questionnaire_t *q, lang_t lang, bool with_items)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:i, s:i, s:i, s:i}", "id", q->id, "version", q->version,
			      "title", tx(&q->title, lang), "description", tx(&q->description, lang), "minutes",
			      q->minutes, "items", q->nitems, "max", q->max_total, "min", q->min_total);
	if (q->pass_mark > 0)
		json_object_set_new(o, "pass_mark", json_integer(q->pass_mark));
	if (!with_items)
		return o;
	json_t *parts = json_array(), *cats = json_array(), *items = json_array(), *bands = json_array();
	for (int p = 0; p < q->nparts; p++)
		json_array_append_new(parts, json_pack("{s:s, s:s, s:s}", "id", q->parts[p].id, "title",
						       tx(&q->parts[p].title, lang), "instruction",
						       tx(&q->parts[p].instruction, lang)));
	for (int c = 0; c < q->ncats; c++)
		json_array_append_new(cats, json_pack("{s:s, s:s}", "id", q->cats[c].id, "title",
						      tx(&q->cats[c].title, lang)));
	for (int i = 0; i < q->nitems; i++) {
		const item_t *it = &q->items[i];
		json_t *opts = json_array(), *ms = json_array();
		for (int k = 0; k < q->aset->nopts; k++)
			if (it->allowed & (1u << k))
				json_array_append_new(opts, json_pack("{s:s, s:s, s:i}", "id", q->aset->opts[k].id,
								      "label", tx(&q->aset->opts[k].label, lang),
								      "points", option_points(q, i, k)));
		for (int m = 0; m < it->nmeasures; m++)
			json_array_append_new(ms, json_string(it->measures[m]->id));
		json_t *jo = json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:b}", "id", it->id, "part",
				       q->parts[it->part].id, "category", q->cats[it->category].id, "text",
				       tx(&it->text, lang), "options", opts, "measures", ms, "essential", it->essential);
		if (it->note.ja)
			json_object_set_new(jo, "note", json_string(tx(&it->note, lang)));
		json_array_append_new(items, jo);
	}
	for (int b = 0; b < q->nbands; b++) {
		const band_t *bd = &q->bands[b];
		json_t *jb = json_pack("{s:s, s:s, s:s}", "id", bd->id, "label", tx(&bd->label, lang), "advice",
				       tx(&bd->advice, lang));
		if (bd->min > q->min_total)
			json_object_set_new(jb, "min", json_integer(bd->min));
		if (bd->max < q->max_total)
			json_object_set_new(jb, "max", json_integer(bd->max));
		json_array_append_new(bands, jb);
	}
	json_object_set_new(o, "parts", parts);
	json_object_set_new(o, "categories", cats);
	json_object_set_new(o, "questions", items);
	json_object_set_new(o, "bands", bands);
	return o;
}
