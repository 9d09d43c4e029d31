/*
 * view.c — see view.h: freeing the view models and the comparison's per-category shares.
 */
#include "core/view.h"

#include <stdlib.h>
#include <string.h>

void result_view_free(result_view_t *v)
{
	stored_diag_free(v->sd);
	free(v->d);
	memset(v, 0, sizeof *v);
}

void compare_view_free(compare_view_t *v)
{
	stored_diag_list_free(v->list, v->n);
	stored_diag_free(v->sd);
	memset(v, 0, sizeof *v);
}

/* The share of each category's maximum that a snapshot scored. */
static void own_shares(const stored_diag_t *sd, int ncats, double *out)
{
	for (int k = 0; k < ncats && k < sd->ncats; k++)
		out[k] = sd->cats[k].max > 0 ? (double)sd->cats[k].total / sd->cats[k].max : 0;
}

/* Per category of q: the sum of per-item values over the sum of the items' full points. */
static void item_shares(const questionnaire_t *q, const double *item_value, double *out)
{
	for (int k = 0; k < q->ncats; k++) {
		double sum = 0;
		int max = 0;
		for (int i = 0; i < q->nitems; i++)
			if (q->items[i].category == k)
				sum += item_value[i], max += q->items[i].full;
		out[k] = max > 0 ? sum / max : 0;
	}
}

void compare_fill_shares(compare_view_t *v, const int *desired)
{
	const questionnaire_t *q = v->q;
	v->ncats = q && q->ncats >= 3 && q->ncats <= MAX_CATEGORIES ? q->ncats : 0;
	v->nhistory = 0;
	v->has_desired = q && desired;
	if (v->has_desired)
		memcpy(v->desired_level, desired, (size_t)q->nitems * sizeof *desired);
	if (!v->ncats)
		return;
	own_shares(v->sd, v->ncats, v->own);
	for (int d = 0; d < DIM_COUNT; d++)
		if (v->peers.st[d].items_shown)
			item_shares(q, v->peers.st[d].item_mean, v->peer[d]);
	if (desired) {
		double dv[MAX_ITEMS];
		for (int i = 0; i < q->nitems; i++)
			dv[i] = desired[i];
		item_shares(q, dv, v->desired);
	}
	for (int i = 0; i < v->n && v->nhistory < COMPARE_HISTORY; i++) {
		if (v->list[i]->ncats != q->ncats) /* another content version, other groups */
			continue;
		v->history[v->nhistory] = v->list[i];
		own_shares(v->list[i], v->ncats, v->history_shares[v->nhistory++]);
	}
}
