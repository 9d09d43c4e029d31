/*
 * contractor_json.c — see contractor_json.h.
 */
#include "report/contractor_json.h"

#include <string.h>

json_t *contractor_json(const contractor_t *c, const char *today)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:s, s:s, s:s}", "id", (json_int_t)c->id, "organization_id",
			 (json_int_t)c->org_id, "name", c->name, "contact", c->contact, "handles", c->handles, "contract_start",
			 c->contract_start, "contract_end", c->contract_end, "review_due", c->review_due, "review_is_due",
			 ct_review_due(c->review_due, today), "note", c->note, "created", c->created, "updated", c->updated);
}

/* The chosen items, each with its text, section and the contractor's answer (null while unanswered). */
static json_t *items_json(const content_t *ct, const ct_request_t *r, const stored_diag_t *sd, lang_t lang, int counts[4])
{
	const questionnaire_t *q = content_questionnaire(ct, "contractor");
	json_t *items = json_array();
	for (int i = 0; q && i < q->nitems; i++) {
		const item_t *it = &q->items[i];
		if (!ct_items_has(r->items, it->id))
			continue;
		json_t *ans = json_null(), *label = json_null();
		for (int k = 0; sd && k < sd->nanswers; k++)
			if (!strcmp(sd->answers[k].question, it->id) && sd->answers[k].option[0]) {
				ans = json_string(sd->answers[k].option);
				for (int o = 0; o < q->aset->nopts; o++)
					if (!strcmp(q->aset->opts[o].id, sd->answers[k].option)) {
						json_decref(label);
						label = json_string(tx(&q->aset->opts[o].label, lang));
						if (o < 4)
							counts[o]++;
					}
			}
		json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:o, s:o}", "id", it->id, "section", q->cats[it->category].id, "text",
						       tx(&it->text, lang), "answer", ans, "answer_label", label));
	}
	return items;
}

json_t *ctreq_json(const content_t *ct, const ct_request_t *r, const stored_diag_t *answers, int64_t now, lang_t lang)
{
	int counts[4] = { 0 };
	json_t *items = items_json(ct, r, answers, lang, counts);
	const char *status = answers ? (r->reviewed_at[0] ? "reviewed" : "answered") : !r->expires ? "withdrawn" : r->expires < now ? "expired"
																: "sent";
	return json_pack("{s:I, s:I, s:s, s:s, s:i, s:o, s:o, s:s, s:s, s:s, s:{s:i, s:i, s:i, s:i}}", "id", (json_int_t)r->id, "contractor_id",
			 (json_int_t)r->contractor_id, "status", status, "sent", r->created, "count", (int)json_array_size(items), "items", items,
			 "diagnosis_id", answers ? json_integer(answers->id) : json_null(), "reviewed_by", r->reviewed_by, "reviewed_at",
			 r->reviewed_at, "review_note", r->review_note, "answered", "yes", counts[0], "partly", counts[1], "no", counts[2], "na",
			 counts[3]);
}

json_t *cloud_json(const cloud_service_t *c, const stored_diag_t *last, const char *today)
{
	json_t *check = last ? json_pack("{s:I, s:s, s:i, s:i, s:s, s:s}", "diagnosis_id", (json_int_t)last->id, "checked", last->created, "total",
					 last->total, "max", last->max, "band", last->band_id, "band_ja", last->band_ja)
			     : json_null();
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:b, s:o, s:s, s:s}", "id", (json_int_t)c->id, "organization_id", (json_int_t)c->org_id,
			 "name", c->name, "provider", c->provider, "purpose", c->purpose, "review_due", c->review_due, "review_is_due",
			 !last || ct_review_due(c->review_due, today), "last_check", check, "created", c->created, "updated", c->updated);
}

json_t *clause_json(const clause_content_t *cc, const clause_opts_t *o, lang_t lang)
{
	buf_t b = { 0 };
	clause_build(cc, o, lang, &b);
	json_t *arts = json_array();
	for (int i = 0; i < cc->nclauses; i++) {
		int n = clause_article(cc, o, i);
		if (n)
			json_array_append_new(arts, json_pack("{s:s, s:i, s:s}", "id", cc->clauses[i].id, "article", n, "heading",
							      tx(&cc->clauses[i].heading, lang)));
	}
	json_t *j = json_pack("{s:s, s:s, s:s, s:o}", "client", o->client, "contractor", o->contractor, "text", b.data ? b.data : "", "articles", arts);
	buf_free(&b);
	return j;
}
