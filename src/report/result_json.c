/*
 * result_json.c — see result_json.h. Texts are given in the requested language; ids never
 * change with the language, so programs should key on ids.
 */
#include "report/result_json.h"

#include "report/jsonw.h"

static void subtotal(buf_t *b, const char *id, const mtext_t *title, subtotal_t s, lang_t lang)
{
	buf_puts(b, "{\"id\":");
	jw_str(b, id);
	buf_puts(b, ",\"title\":");
	jw_str(b, tx(title, lang));
	buf_puts(b, ",\"total\":");
	jw_int(b, s.total);
	buf_puts(b, ",\"max\":");
	jw_int(b, s.max);
	buf_puts(b, "}");
}

static void item_ids(buf_t *b, const questionnaire_t *q, const int *idx, int n)
{
	buf_puts(b, "[");
	for (int i = 0; i < n; i++) {
		if (i)
			buf_puts(b, ",");
		jw_str(b, q->items[idx[i]].id);
	}
	buf_puts(b, "]");
}

/* ---- fixed parts, drawn once per content object and language (jw_memo) ---- */

static void measure_json(buf_t *b, const measure_t *m, lang_t lang)
{
	buf_puts(b, "{\"id\":");
	jw_str(b, m->id);
	buf_puts(b, ",\"title\":");
	jw_str(b, tx(&m->title, lang));
	buf_puts(b, ",\"points\":[");
	for (int p = 0; p < m->npoints; p++) {
		if (p)
			buf_puts(b, ",");
		jw_str(b, tx(&m->points[p].text, lang));
	}
	buf_puts(b, "]}");
}

/* A recommendation's question: "question", "text" */
static void item_head(buf_t *b, const void *obj, lang_t lang)
{
	const item_t *it = obj;
	buf_puts(b, "\"question\":");
	jw_str(b, it->id);
	buf_puts(b, ",\"text\":");
	jw_str(b, tx(&it->text, lang));
}

/* A recommendation's guidance: "measures" in full, "scenarios" by id and title */
static void item_refs(buf_t *b, const void *obj, lang_t lang)
{
	const item_t *it = obj;
	buf_puts(b, "\"measures\":[");
	for (int m = 0; m < it->nmeasures; m++) {
		if (m)
			buf_puts(b, ",");
		measure_json(b, it->measures[m], lang);
	}
	const scenario_t *sc[16];
	int nsc = item_scenarios(it, sc, 16);
	buf_puts(b, "],\"scenarios\":[");
	for (int k = 0; k < nsc; k++) {
		buf_puts(b, k ? ",{\"id\":" : "{\"id\":");
		jw_str(b, sc[k]->id);
		buf_puts(b, ",\"title\":");
		jw_str(b, tx(&sc[k]->title, lang));
		buf_puts(b, "}");
	}
	buf_puts(b, "]");
}

static void case_ref(buf_t *b, const void *obj, lang_t lang)
{
	const case_t *c = obj;
	buf_puts(b, "{\"id\":");
	jw_str(b, c->id);
	buf_puts(b, ",\"title\":");
	jw_str(b, tx(&c->title, lang));
	buf_puts(b, ",\"incident\":");
	jw_bool(b, c->incident);
	buf_puts(b, ",\"industry\":");
	jw_str(b, c->industry);
	buf_puts(b, "}");
}

/* An action's own text: "id" … "source" */
static void action_fixed(buf_t *b, const void *obj, lang_t lang)
{
	const action_t *a = obj;
	buf_puts(b, "\"id\":");
	jw_str(b, a->id);
	buf_puts(b, ",\"title\":");
	jw_str(b, tx(&a->title, lang));
	buf_puts(b, ",\"why\":");
	jw_str(b, tx(&a->why, lang));
	buf_puts(b, ",\"steps\":[");
	for (int s = 0; s < a->nsteps; s++) {
		if (s)
			buf_puts(b, ",");
		jw_str(b, tx(&a->steps[s], lang));
	}
	buf_puts(b, "],\"cost\":");
	jw_str(b, cost_id(a->cost));
	buf_puts(b, ",\"effort\":");
	jw_str(b, effort_id(a->effort));
	buf_puts(b, ",\"handbook\":");
	jw_str(b, tx(&a->handbook, lang));
	buf_puts(b, ",\"source\":");
	jw_str(b, tx(&a->ref, lang));
}

/* ---- the result ---- */

void recommendations_json(buf_t *b, const diagnosis_t *d, lang_t lang)
{
	const questionnaire_t *q = d->q;
	const score_t *s = &d->score;
	buf_puts(b, "[");
	for (int r = 0; r < d->nrecs; r++) {
		const rec_t *rc = &d->recs[r];
		const item_t *it = &q->items[rc->item];
		buf_puts(b, r ? ",{\"rank\":" : "{\"rank\":");
		jw_int(b, r + 1);
		buf_puts(b, ",");
		jw_memo(b, it, item_head, lang);
		buf_puts(b, ",\"answer\":");
		jw_str(b, q->aset->opts[d->answers.opt[rc->item]].id);
		buf_puts(b, ",\"points\":");
		jw_int(b, s->points[rc->item]);
		buf_puts(b, ",\"gap\":");
		jw_int(b, rc->gap);
		buf_puts(b, ",\"below_desired\":");
		jw_int(b, rc->below); /* a number (0 or 1) since the first version of the API */
		buf_puts(b, ",\"essential\":");
		jw_bool(b, it->essential);
		buf_puts(b, ",");
		jw_memo(b, it, item_refs, lang);
		buf_puts(b, ",\"cases\":[");
		for (int k = 0; k < d->ncases[r]; k++) {
			if (k)
				buf_puts(b, ",");
			jw_memo(b, d->cases[r][k], case_ref, lang);
		}
		buf_puts(b, "]}");
	}
	buf_puts(b, "]");
}

void actions_json(buf_t *b, const diagnosis_t *d, lang_t lang)
{
	const questionnaire_t *q = d->q;
	buf_puts(b, "[");
	for (int k = 0; k < d->nactions; k++) {
		const top_action_t *t = &d->actions[k];
		const action_t *a = t->action;
		buf_puts(b, k ? ",{\"rank\":" : "{\"rank\":");
		jw_int(b, k + 1);
		buf_puts(b, ",");
		jw_memo(b, a, action_fixed, lang);
		buf_puts(b, ",\"questions\":[");
		for (int r = 0; r < t->nrecs; r++) {
			if (r)
				buf_puts(b, ",");
			jw_str(b, q->items[d->recs[t->recs[r]].item].id);
		}
		buf_puts(b, "],\"unknown\":");
		jw_int(b, t->nunknown);
		if (a->why_case) {
			buf_puts(b, ",\"case\":");
			jw_str(b, a->why_case->id);
		}
		if (a->why_scenario) {
			buf_puts(b, ",\"scenario\":");
			jw_str(b, a->why_scenario->id);
		}
		buf_puts(b, "}");
	}
	buf_puts(b, "]");
}

void result_json_members(buf_t *b, const diagnosis_t *d, lang_t lang)
{
	const questionnaire_t *q = d->q;
	const score_t *s = &d->score;
	buf_puts(b, "\"questionnaire\":");
	jw_str(b, q->id);
	buf_puts(b, ",\"version\":");
	jw_str(b, q->version);
	buf_puts(b, lang == LANG_EN ? ",\"lang\":\"en\",\"total\":" : ",\"lang\":\"ja\",\"total\":");
	jw_int(b, s->total);
	buf_puts(b, ",\"max\":");
	jw_int(b, s->max);
	buf_puts(b, ",\"min\":");
	jw_int(b, s->min);
	if (q->pass_mark > 0) {
		buf_puts(b, ",\"pass_mark\":");
		jw_int(b, q->pass_mark);
		buf_puts(b, ",\"passed\":");
		jw_bool(b, s->passed);
	}
	const band_t *bd = &q->bands[s->band];
	buf_puts(b, ",\"band\":{\"id\":");
	jw_str(b, bd->id);
	buf_puts(b, ",\"label\":");
	jw_str(b, tx(&bd->label, lang));
	buf_puts(b, ",\"advice\":");
	jw_str(b, tx(&bd->advice, lang));
	char next[2048];
	if (actions_next_step(next, sizeof next, bd, d->actions, d->nactions, lang)) { /* names the first actions */
		buf_puts(b, ",\"next_step\":");
		jw_str(b, next);
	}
	buf_puts(b, "},\"parts\":[");
	for (int p = 0; p < q->nparts; p++) {
		if (p)
			buf_puts(b, ",");
		subtotal(b, q->parts[p].id, &q->parts[p].title, s->parts[p], lang);
	}
	buf_puts(b, "],\"categories\":[");
	for (int c = 0; c < q->ncats; c++) {
		if (c)
			buf_puts(b, ",");
		subtotal(b, q->cats[c].id, &q->cats[c].title, s->cats[c], lang);
	}
	buf_puts(b, "],\"answers\":[");
	for (int i = 0; i < q->nitems; i++) {
		int opt = d->answers.opt[i];
		buf_puts(b, i ? ",{\"question\":" : "{\"question\":");
		jw_str(b, q->items[i].id);
		buf_puts(b, ",\"answer\":");
		if (opt == UNANSWERED)
			buf_puts(b, "null");
		else
			jw_str(b, q->aset->opts[opt].id);
		buf_puts(b, ",\"points\":");
		jw_int(b, s->points[i]);
		buf_puts(b, ",\"full\":");
		jw_int(b, q->items[i].full);
		if (d->answers.note[i]) {
			buf_puts(b, ",\"note\":");
			jw_str(b, d->answers.note[i]);
		}
		buf_puts(b, "}");
	}
	buf_puts(b, "],\"unanswered\":");
	item_ids(b, q, s->unanswered, s->nunanswered);
	buf_puts(b, ",\"unknown\":");
	item_ids(b, q, s->unknown, s->nunknown);
	buf_puts(b, ",\"not_applicable\":");
	item_ids(b, q, s->na, s->nna);
	buf_puts(b, ",\"actions\":");
	actions_json(b, d, lang);
	buf_puts(b, ",\"recommendations\":");
	recommendations_json(b, d, lang);
}

json_t *result_json(const diagnosis_t *d, lang_t lang)
{
	buf_t b = { 0 };
	buf_puts(&b, "{");
	result_json_members(&b, d, lang);
	buf_puts(&b, "}");
	json_t *o = json_loadb(b.data, b.len, 0, NULL);
	buf_free(&b);
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
