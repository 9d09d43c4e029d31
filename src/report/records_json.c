/*
 * records_json.c — see records_json.h.
 */
#include "report/records_json.h"
#include "core/xalloc.h"
#include "report/jsonw.h"

#include <stdlib.h>
#include <string.h>

static json_t *opt_int(long long v) { return v < 0 ? json_null() : json_integer(v); }
static json_t *opt_str(const char *s) { return s && *s ? json_string(s) : json_null(); }

json_t *org_json(const content_t *c, const org_t *o, lang_t lang)
{
	const industry_t *ind = content_industry(c, o->industry);
	int band = org_size_band(c, o->employees);
	sme_t sme = org_sme(c, o);
	return json_pack("{s:I, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:s, s:o}", "id", (json_int_t)o->id,
			 "name", o->name, "industry", opt_str(o->industry), "industry_name",
			 ind ? json_string(tx(&ind->name, lang)) : json_null(), "employees", opt_int(o->employees),
			 "size_band", band >= 0 ? json_string(c->size_bands[band].id) : json_null(), "capital",
			 opt_int(o->capital), "prefecture", opt_str(o->prefecture), "sites", opt_int(o->sites), "sme",
			 sme == SME_UNKNOWN ? json_null() : json_boolean(sme == SME_YES), "created", o->created,
			 "updated", o->updated, "archived", opt_str(o->archived));
}

void snapshot_json_members(buf_t *b, const stored_diag_t *d, lang_t lang, bool with_answers)
{
	buf_puts(b, "\"id\":");
	jw_int(b, d->id);
	buf_puts(b, ",\"organization_id\":");
	if (d->org_id)
		jw_int(b, d->org_id);
	else
		buf_puts(b, "null");
	buf_puts(b, ",\"questionnaire\":");
	jw_str(b, d->questionnaire);
	buf_puts(b, ",\"version\":");
	jw_str(b, d->version);
	buf_puts(b, ",\"round\":");
	jw_str(b, d->round);
	buf_puts(b, ",\"scope\":");
	jw_str(b, d->scope);
	buf_puts(b, ",\"respondent\":");
	jw_str(b, d->respondent);
	buf_puts(b, ",\"role\":");
	jw_opt_str(b, role_id(d->role));
	buf_puts(b, ",\"pool\":");
	jw_bool(b, d->pool);
	buf_puts(b, ",\"created\":");
	jw_str(b, d->created);
	buf_puts(b, ",\"total\":");
	jw_int(b, d->total);
	buf_puts(b, ",\"max\":");
	jw_int(b, d->max);
	buf_puts(b, ",\"min\":");
	jw_int(b, d->min);
	buf_puts(b, ",\"band\":{\"id\":");
	jw_str(b, d->band_id);
	buf_puts(b, ",\"label\":");
	jw_str(b, lang == LANG_EN ? d->band_en : d->band_ja);
	buf_puts(b, "},\"categories\":[");
	for (int k = 0; k < d->ncats; k++) {
		buf_puts(b, k ? ",{\"id\":" : "{\"id\":");
		jw_str(b, d->cats[k].id);
		buf_puts(b, ",\"title\":");
		jw_str(b, lang == LANG_EN ? d->cats[k].title_en : d->cats[k].title_ja);
		buf_puts(b, ",\"total\":");
		jw_int(b, d->cats[k].total);
		buf_puts(b, ",\"max\":");
		jw_int(b, d->cats[k].max);
		buf_puts(b, "}");
	}
	/* the company as it was when diagnosed (the benchmark's risk index and peer groups) */
	buf_puts(b, "],\"risk_index\":");
	if (d->risk >= 0)
		jw_int(b, d->risk);
	else
		buf_puts(b, "null");
	buf_puts(b, ",\"risk_group\":");
	jw_opt_str(b, d->risk_group);
	buf_puts(b, ",\"size_band\":");
	jw_opt_str(b, d->size_band);
	buf_puts(b, ",\"industry\":");
	jw_opt_str(b, d->industry);
	if (!with_answers)
		return;
	buf_puts(b, ",\"profile\":");
	json_t *profile = d->profile[0] ? json_loads(d->profile, 0, NULL) : NULL;
	if (!jw_value(b, profile))
		buf_puts(b, "null");
	json_decref(profile);
	buf_puts(b, ",\"answers\":[");
	for (int i = 0; i < d->nanswers; i++) {
		const sd_answer_t *a = &d->answers[i];
		buf_puts(b, i ? ",{\"question\":" : "{\"question\":");
		jw_str(b, a->question);
		buf_puts(b, ",\"category\":");
		jw_str(b, a->category);
		buf_puts(b, ",\"answer\":");
		jw_opt_str(b, a->option);
		buf_puts(b, ",\"points\":");
		jw_int(b, a->points);
		buf_puts(b, ",\"full\":");
		jw_int(b, a->full);
		if (a->note[0]) {
			buf_puts(b, ",\"note\":");
			jw_str(b, a->note);
		}
		buf_puts(b, "}");
	}
	buf_puts(b, "]");
}

json_t *snapshot_json(const stored_diag_t *d, lang_t lang, bool with_answers)
{
	buf_t b = { 0 };
	buf_puts(&b, "{");
	snapshot_json_members(&b, d, lang, with_answers);
	buf_puts(&b, "}");
	json_t *o = json_loadb(b.data, b.len, 0, NULL);
	buf_free(&b);
	return o;
}

static json_t *rollup_json(const rollup_t *r, const stored_diag_t *f)
{
	json_t *sites = json_array(), *items = json_array(), *cats = json_array(), *left = json_array();
	/* the round's earlier sheets of a site: history, replaced by the site's latest */
	for (int k = 0; k < r->nleft; k++)
		json_array_append_new(left, json_pack("{s:I, s:s, s:s, s:I}", "diagnosis_id", (json_int_t)r->left[k]->id, "scope",
						      r->left[k]->scope, "respondent", r->left[k]->respondent, "replaced_by",
						      (json_int_t)r->sites[r->left_for[k]]->id));
	for (int k = 0; k < r->nsites; k++)
		json_array_append_new(sites, json_pack("{s:I, s:s, s:s, s:o, s:i}", "diagnosis_id",
						       (json_int_t)r->sites[k]->id, "scope", r->sites[k]->scope, "respondent",
						       r->sites[k]->respondent, "role", opt_str(role_id(r->sites[k]->role)),
						       "total", r->sites[k]->total));
	for (int i = 0; i < f->nanswers; i++) {
		json_t *per = json_array();
		for (int k = 0; k < r->nsites; k++)
			json_array_append_new(per, opt_str(r->sites[k]->answers[i].option));
		json_array_append_new(items, json_pack("{s:s, s:i, s:o, s:o}", "question", f->answers[i].question,
						       "points", r->points[i], "weakest_diagnosis_id",
						       r->weakest[i] >= 0 ? json_integer(r->sites[r->weakest[i]]->id) : json_null(),
						       "answers", per));
	}
	for (int c = 0; c < f->ncats; c++)
		json_array_append_new(cats, json_pack("{s:s, s:i, s:i}", "id", f->cats[c].id, "total", r->cat_total[c],
						      "max", r->cat_max[c]));
	return json_pack("{s:s, s:s, s:s, s:i, s:i, s:o, s:o, s:o, s:o}", "questionnaire", f->questionnaire, "version",
			 f->version, "round", f->round, "total", r->total, "max", r->max, "sites", sites, "left_out", left,
			 "categories", cats, "questions", items);
}

/* Where an executive and another respondent of the same round and site answered differently. */
static json_t *comparison_json(const stored_diag_t *exec, const stored_diag_t *other)
{
	disagreement_t dis[MAX_ITEMS];
	int nd = history_compare(exec, other, dis);
	json_t *items = json_array();
	for (int j = 0; j < nd; j++) {
		const sd_answer_t *x = &exec->answers[dis[j].item], *y = &other->answers[dis[j].item];
		json_array_append_new(items, json_pack("{s:s, s:s, s:s}", "question", x->question, "executive", x->option, "other",
						       y->option));
	}
	return json_pack("{s:s, s:s, s:s, s:I, s:I, s:s, s:o}", "questionnaire", exec->questionnaire, "round", exec->round, "scope",
			 exec->scope, "executive_id", (json_int_t)exec->id, "other_id", (json_int_t)other->id, "other_role",
			 role_id(other->role), "disagreements", items);
}

json_t *history_json(const content_t *c, const org_t *o, const stored_diag_t *const *list, int n, lang_t lang,
		     bool with_answers)
{
	json_t *diags = json_array(), *rollups = json_array(), *comps = json_array();
	history_index_t ix; /* one pass: previous results, rounds and executives for every diagnosis */
	history_index_build(list, n, &ix);
	for (int i = 0; i < n; i++) {
		json_t *d = snapshot_json(list[i], lang, with_answers);
		int p = ix.prev[i];
		if (p >= 0) {
			json_t *ch = json_object();
			for (int k = 0; k < list[i]->ncats; k++) {
				int delta;
				if (history_cat_change(list[i], list[p], k, &delta))
					json_object_set_new(ch, list[i]->cats[k].id, json_integer(delta));
			}
			json_object_set_new(d, "previous_id", json_integer(list[p]->id));
			json_object_set_new(d, "change", json_integer(list[i]->total - list[p]->total));
			json_object_set_new(d, "category_change", ch);
		}
		json_array_append_new(diags, d);
		if (ix.first[i]) {
			rollup_t *r = xmalloc(sizeof *r);
			if (history_rollup_ix(list, &ix, i, r) >= 2)
				json_array_append_new(rollups, rollup_json(r, list[i]));
			free(r);
		}
		int e = ix.exec[i];
		if (e < 0)
			continue;
		json_array_append_new(comps, comparison_json(list[e], list[i]));
	}
	history_index_free(&ix);
	return json_pack("{s:o, s:o, s:o, s:o}", "organization", org_json(c, o, lang), "diagnoses", diags, "rollups",
			 rollups, "comparisons", comps);
}

static json_t *summary_json(const history_row_t *row, lang_t lang)
{
	const diag_summary_t *d = &row->d;
	json_t *cats = json_array();
	for (int k = 0; k < row->ncats; k++)
		json_array_append_new(cats, json_pack("{s:s, s:s, s:i, s:i}", "id", row->cats[k].id, "title",
						      lang == LANG_EN ? row->cats[k].title_en : row->cats[k].title_ja,
						      "total", row->cats[k].total, "max", row->cats[k].max));
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:i, s:i, s:i, s:{s:s, s:s}, s:o}", "id", (json_int_t)d->id,
			      "questionnaire", d->questionnaire, "version", d->version, "round", d->round, "scope", d->scope,
			      "respondent", d->respondent, "role", opt_str(role_id(d->role)), "created", d->created, "total",
			      d->total, "max", d->max, "min", d->min, "band", "id", d->band_id, "label",
			      lang == LANG_EN ? d->band_en : d->band_ja, "categories", cats);
	if (row->has_prev) {
		json_t *ch = json_object();
		for (int k = 0; k < row->ncats; k++)
			if (row->cat_has[k])
				json_object_set_new(ch, row->cats[k].id, json_integer(row->cat_delta[k]));
		json_object_set_new(o, "previous_id", json_integer(row->prev.id));
		json_object_set_new(o, "change", json_integer(d->total - row->prev.total));
		json_object_set_new(o, "category_change", ch);
	}
	return o;
}

json_t *history_page_json(const content_t *c, const org_t *o, const history_page_t *p, lang_t lang)
{
	json_t *diags = json_array(), *rollups = json_array(), *comps = json_array();
	for (int i = 0; i < p->nrows; i++)
		json_array_append_new(diags, summary_json(&p->rows[i], lang));
	for (int k = p->nrounds - 1; k >= 0; k--)
		if (p->rounds[k].rollup)
			json_array_append_new(rollups, rollup_json(p->rounds[k].rollup, p->rounds[k].sheets[0]));
	for (int i = p->nrows - 1; i >= 0; i--) {
		const history_row_t *row = &p->rows[i];
		if (row->exec < 0)
			continue;
		json_array_append_new(comps, comparison_json(p->rounds[row->round].sheets[row->exec], p->rounds[row->round].sheets[row->self]));
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:i, s:o, s:o}", "organization", org_json(c, o, lang), "diagnoses", diags,
			 "rollups", rollups, "comparisons", comps, "limit", p->limit, "before",
			 p->before ? json_integer(p->before) : json_null(), "next", p->next ? json_integer(p->next) : json_null());
}

json_t *plan_json(const content_t *c, const plan_item_t *items, int n, const stored_diag_t *const *list, int nlist,
		  lang_t lang)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++) {
		const plan_item_t *p = &items[i];
		const questionnaire_t *q = content_questionnaire(c, p->questionnaire);
		int it = q ? item_index(q, p->question) : -1;
		int64_t against = 0;
		plan_check_t chk = plan_check(p, list, nlist, &against);
		static const char *const CHECK[] = { NULL, "achieved", "not_yet" };
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:s, s:o, s:o, s:s, s:s}", "id", (json_int_t)p->id,
						   "questionnaire", p->questionnaire, "question", p->question, "text",
						   it >= 0 ? tx(&q->items[it].text, lang) : p->title, "owner", p->owner, "due",
						   p->due[0] ? json_string(p->due) : json_null(), "status", plan_status_id(p->status),
						   "latest", chk ? json_string(CHECK[chk]) : json_null(), "checked_against",
						   against ? json_integer(against) : json_null(), "updated", p->updated, "note", p->note));
	}
	return a;
}
