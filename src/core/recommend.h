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
 * When the company's risk group sets a desired level (望まれる水準) for each question (the
 * benchmark, content/profile.yaml), the items furthest below it come before all of the above.
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
	int below;        /* desired level minus points scored, when positive; else 0 */
} rec_t;

/* Fills out[] (room for MAX_ITEMS) in rank order; returns how many. desired: the desired
 * points per item, or NULL when there is none. */
int recommend(const questionnaire_t *q, const answers_t *a, const score_t *s, const int *desired, rec_t *out);

#endif
