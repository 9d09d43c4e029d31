/*
 * diagnosis.h — one scored diagnosis: the answers, their score and the ranked
 * recommendations, computed together so every output (terminal, JSON, web) shows the same.
 */
#ifndef MAMORU_CORE_DIAGNOSIS_H
#define MAMORU_CORE_DIAGNOSIS_H

#include "core/recommend.h"

typedef struct {
	const questionnaire_t *q;
	answers_t answers;
	score_t score;
	rec_t recs[MAX_ITEMS];
	int nrecs;
} diagnosis_t;

static inline void diagnosis_run(diagnosis_t *d, const questionnaire_t *q, const answers_t *a)
{
	d->q = q;
	d->answers = *a;
	score_compute(q, &d->answers, &d->score);
	d->nrecs = recommend(q, &d->answers, &d->score, d->recs);
}

#endif
