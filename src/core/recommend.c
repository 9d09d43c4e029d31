/*
 * recommend.c — see recommend.h. Insertion sort: at most MAX_ITEMS entries.
 */
#include "core/recommend.h"

static int before(const rec_t *x, const rec_t *y)
{
	if (x->tier != y->tier)
		return x->tier < y->tier;
	if (x->gap != y->gap)
		return x->gap > y->gap;
	return x->item < y->item;
}

int recommend(const questionnaire_t *q, const answers_t *a, const score_t *s, rec_t *out)
{
	int n = 0;
	for (int i = 0; i < q->nitems; i++) {
		const item_t *it = &q->items[i];
		int opt = a->opt[i];
		if (opt == UNANSWERED || s->points[i] >= it->full)
			continue;
		bool weak = q->aset->opts[opt].kind == OPT_UNKNOWN || s->points[i] <= it->floor;
		rec_t r = { .item = i, .gap = it->full - s->points[i],
			    .tier = weak ? (it->essential ? 0 : 1) : 2 };
		int j = n++;
		while (j > 0 && before(&r, &out[j - 1])) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = r;
	}
	return n;
}
