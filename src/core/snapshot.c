/*
 * snapshot.c — turning a scored diagnosis into the immutable record that is stored: every
 * answer with its option and points as scored now, category subtotals with their titles in
 * both languages, and the band's labels. Old results therefore never change when content is
 * revised. Pure: no storage calls; the store (src/store) only writes what this builds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/snapshot.h"

#include "core/answers.h"
#include "core/xalloc.h"

stored_diag_t *stored_diag_new(int nanswers, int ncats)
{
	/* one block: the record, then its answers, then its categories */
	size_t size = sizeof(stored_diag_t) + (size_t)nanswers * sizeof(sd_answer_t) + (size_t)ncats * sizeof(sd_category_t);
	stored_diag_t *sd = xcalloc(1, size);
	sd->answers = (sd_answer_t *)(sd + 1);
	sd->cats = (sd_category_t *)(sd->answers + nanswers);
	sd->nanswers = nanswers;
	sd->ncats = ncats;
	sd->risk = -1;
	for (int i = 0; i < nanswers; i++)
		sd->answers[i].note = "";
	return sd;
}

void stored_diag_set_note(stored_diag_t *sd, int i, const char *note)
{
	sd->answers[i].note = note && *note ? arena_strdup(&sd->text, note) : "";
}

void stored_diag_free(stored_diag_t *sd)
{
	if (!sd)
		return;
	arena_free(&sd->text);
	free(sd);
}

void stored_diag_list_free(stored_diag_t **list, int n)
{
	for (int i = 0; i < n; i++)
		stored_diag_free(list[i]);
	free(list);
}

stored_diag_t *stored_diag_from(const diagnosis_t *d, const stored_diag_t *meta)
{
	const questionnaire_t *q = d->q;
	const score_t *s = &d->score;
	stored_diag_t *sd = stored_diag_new(q->nitems, q->ncats);
	sd->org_id = meta->org_id;
	sd->role = meta->role;
	sd->pool = meta->pool;
	memcpy(sd->round, meta->round, sizeof sd->round);
	memcpy(sd->scope, meta->scope, sizeof sd->scope);
	memcpy(sd->respondent, meta->respondent, sizeof sd->respondent);
	sd->risk = meta->risk_group[0] ? meta->risk : -1; /* an index comes with its group */
	memcpy(sd->risk_group, meta->risk_group, sizeof sd->risk_group);
	memcpy(sd->size_band, meta->size_band, sizeof sd->size_band);
	memcpy(sd->industry, meta->industry, sizeof sd->industry);
	memcpy(sd->profile, meta->profile, sizeof sd->profile);
	snprintf(sd->questionnaire, sizeof sd->questionnaire, "%s", q->id);
	snprintf(sd->version, sizeof sd->version, "%s", q->version);
	sd->total = s->total;
	sd->max = s->max;
	sd->min = s->min;
	const band_t *b = &q->bands[s->band];
	snprintf(sd->band_id, sizeof sd->band_id, "%s", b->id);
	snprintf(sd->band_ja, sizeof sd->band_ja, "%s", tx(&b->label, LANG_JA));
	snprintf(sd->band_en, sizeof sd->band_en, "%s", tx(&b->label, LANG_EN));
	for (int i = 0; i < q->nitems; i++) {
		sd_answer_t *a = &sd->answers[i];
		int opt = d->answers.opt[i];
		snprintf(a->question, sizeof a->question, "%s", q->items[i].id);
		snprintf(a->category, sizeof a->category, "%s", q->cats[q->items[i].category].id);
		snprintf(a->option, sizeof a->option, "%s", opt == UNANSWERED ? "" : q->aset->opts[opt].id);
		a->points = s->points[i];
		a->full = q->items[i].full;
		stored_diag_set_note(sd, i, d->answers.note[i]);
	}
	for (int c = 0; c < q->ncats; c++) {
		sd_category_t *k = &sd->cats[c];
		snprintf(k->id, sizeof k->id, "%s", q->cats[c].id);
		snprintf(k->title_ja, sizeof k->title_ja, "%s", tx(&q->cats[c].title, LANG_JA));
		snprintf(k->title_en, sizeof k->title_en, "%s", tx(&q->cats[c].title, LANG_EN));
		k->total = s->cats[c].total;
		k->max = s->cats[c].max;
	}
	return sd;
}

const char *role_id(role_t r)
{
	static const char *const ids[] = { "", "executive", "manager", "staff" };
	return ids[r];
}

bool role_parse(const char *v, role_t *out)
{
	for (int r = ROLE_EXECUTIVE; r <= ROLE_STAFF; r++)
		if (!strcmp(v, role_id((role_t)r))) {
			*out = (role_t)r;
			return true;
		}
	return false;
}

/* Rebuilds the answers of a snapshot against the current questionnaire. */
void snapshot_answers(const questionnaire_t *q, const stored_diag_t *sd, answers_t *a)
{
	answers_clear(a);
	for (int i = 0; i < sd->nanswers; i++) {
		int item = item_index(q, sd->answers[i].question);
		bool na;
		int opt = item < 0 || !sd->answers[i].option[0] ? -1 : answer_match(q, item, sd->answers[i].option, &na);
		if (opt >= 0) {
			a->opt[item] = (signed char)opt;
			a->note[item] = sd->answers[i].note[0] ? sd->answers[i].note : NULL;
		}
	}
}
