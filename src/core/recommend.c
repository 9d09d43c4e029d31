/*
 * recommend.c — see recommend.h. Insertion sort: at most MAX_ITEMS entries.
 */
#include "core/recommend.h"

static int before(const questionnaire_t *q, const rec_t *x, const rec_t *y)
{
	if (x->below != y->below)
		return x->below > y->below;
	if (x->essential != y->essential)
		return x->essential;
	if (x->weight != y->weight)
		return x->weight > y->weight;
	cost_t cx = q->items[x->item].cost, cy = q->items[y->item].cost;
	if (cx != cy)
		return cx < cy;
	return x->item < y->item;
}

int recommend(const questionnaire_t *q, const answers_t *a, const score_t *s, const int *desired, rec_t *out)
{
	int n = 0;
	for (int i = 0; i < q->nitems; i++) {
		const item_t *it = &q->items[i];
		if (a->opt[i] == UNANSWERED || s->points[i] >= it->full)
			continue;
		int gap = it->full - s->points[i];
		rec_t r = { .item = i, .essential = it->essential, .gap = gap, .weight = gap * (1 + it->reach) };
		if (desired && desired[i] > s->points[i])
			r.below = desired[i] - s->points[i];
		int j = n++;
		while (j > 0 && before(q, &r, &out[j - 1])) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = r;
	}
	return n;
}
