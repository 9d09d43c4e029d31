/*
 * recommend.h — recommendations v0: which items to work on first.
 *
 * Every answered item below full marks becomes a recommendation pointing at its linked
 * measures. Order (docs/recommendations.md):
 *   tier 0  essential basics answered "don't know" or "not done"
 *   tier 1  any other item answered "don't know" or "not done"
 *   tier 2  items partly done (above "not done", below full marks)
 * within a tier the larger gap to full marks first, then questionnaire order. Unanswered
 * items are listed separately by the score, not ranked.
 */
#ifndef MAMORU_CORE_RECOMMEND_H
#define MAMORU_CORE_RECOMMEND_H

#include "core/score.h"

typedef struct {
	int item;
	int tier;
	int gap;          /* full points minus points scored */
} rec_t;

/* Fills out[] (room for MAX_ITEMS) in rank order; returns how many. */
int recommend(const questionnaire_t *q, const answers_t *a, const score_t *s, rec_t *out);

#endif
