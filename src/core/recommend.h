/*
 * recommend.h — recommendations v0: which items to work on first.
 *
 * Every answered item below full marks becomes a recommendation pointing at its linked
 * measures. Order (docs/scoring.md):
 *   1. essential basics first (the pack's essential items and items linked to a measure of
 *      the 情報セキュリティ5か条);
 *   2. then the larger weight: the gap to full marks times (1 + the number of threat
 *      scenarios the item's measures prevent) — わからない has the largest gap;
 *   3. ties towards the cheaper first step (cost of the cheapest measure point);
 *   4. then questionnaire order.
 * Unanswered items are listed separately by the score, not ranked.
 */
#ifndef MAMORU_CORE_RECOMMEND_H
#define MAMORU_CORE_RECOMMEND_H

#include "core/score.h"

typedef struct {
	int item;
	bool essential;
	int gap;          /* full points minus points scored */
	int weight;       /* gap x (1 + scenarios prevented) */
} rec_t;

/* Fills out[] (room for MAX_ITEMS) in rank order; returns how many. */
int recommend(const questionnaire_t *q, const answers_t *a, const score_t *s, rec_t *out);

#endif
