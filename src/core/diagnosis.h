/*
 * diagnosis.h — one scored diagnosis: the answers, their score, the ranked recommendations and
 * the short list of actions they lead to, computed together so every output (terminal, JSON,
 * web) shows the same.
 */
#ifndef MAMORU_CORE_DIAGNOSIS_H
#define MAMORU_CORE_DIAGNOSIS_H

#include "core/actions.h"
#include "core/knowledge.h"
#include "core/recommend.h"

#define CASES_PER_REC 3

typedef struct {
	const questionnaire_t *q;
	answers_t answers;
	score_t score;
	rec_t recs[MAX_ITEMS];
	int nrecs;
	/* for each recommendation (by rank): cases from companies like this one */
	const case_t *cases[MAX_ITEMS][CASES_PER_REC];
	int ncases[MAX_ITEMS];
	/* what to do first (core/actions.h), and which recommendations (by rank) those answer */
	top_action_t actions[MAX_TOP_ACTIONS];
	int nactions;
	bool covered[MAX_ITEMS];
} diagnosis_t;

/* desired: the company's desired points per item (core/profile.h), or NULL. */
static inline void diagnosis_run_desired(diagnosis_t *d, const questionnaire_t *q, const answers_t *a, const int *desired)
{
	d->q = q;
	d->answers = *a;
	score_compute(q, &d->answers, &d->score);
	d->nrecs = recommend(q, &d->answers, &d->score, desired, d->recs);
	for (int r = 0; r < d->nrecs; r++)
		d->ncases[r] = 0;
	d->nactions = actions_top(q, &d->answers, d->recs, d->nrecs, d->actions, MAX_TOP_ACTIONS, d->covered);
}

static inline void diagnosis_run(diagnosis_t *d, const questionnaire_t *q, const answers_t *a)
{
	diagnosis_run_desired(d, q, a, NULL);
}

/* Adds the cases to each recommendation, for a company of this industry ("" = unknown) and
 * size band (-1 = unknown). */
static inline void diagnosis_cases(diagnosis_t *d, const char *industry, int size)
{
	for (int r = 0; r < d->nrecs; r++)
		d->ncases[r] = cases_for_item(&d->q->items[d->recs[r].item], industry, size, d->cases[r], CASES_PER_REC);
}

#endif
