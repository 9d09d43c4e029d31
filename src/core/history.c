/*
 * history.c — see history.h.
 */
#include "core/history.h"

#include <string.h>

/* The same questionnaire answered for the same site, by whoever: a site's series (前回比 is per
 * site, so a redo by another person or role still compares with the site's last result). */
static bool same_series(const stored_diag_t *a, const stored_diag_t *b)
{
	return !strcmp(a->questionnaire, b->questionnaire) && !strcmp(a->scope, b->scope);
}

int history_previous(const stored_diag_t *const *list, int i)
{
	for (int k = i - 1; k >= 0; k--)
		if (same_series(list[k], list[i]))
			return k;
	return -1;
}

bool history_cat_change(const stored_diag_t *cur, const stored_diag_t *prev, int cat, int *delta)
{
	for (int k = 0; k < prev->ncats; k++)
		if (!strcmp(prev->cats[k].id, cur->cats[cat].id)) {
			*delta = cur->cats[cat].total - prev->cats[k].total;
			return true;
		}
	return false;
}

int history_rollup(const stored_diag_t *const *list, int n, int first, rollup_t *r)
{
	const stored_diag_t *f = list[first];
	memset(r, 0, sizeof *r);
	/* latest sheet per scope, whoever answered it: walk newest first, keep the first of each;
	 * the scope's earlier sheets of the round are noted as left out */
	for (int i = n - 1; i >= 0; i--) {
		const stored_diag_t *d = list[i];
		if (strcmp(d->questionnaire, f->questionnaire) || strcmp(d->round, f->round) ||
		    strcmp(d->version, f->version) || d->nanswers != f->nanswers)
			continue;
		int seen = -1;
		for (int k = 0; k < r->nsites && seen < 0; k++)
			if (!strcmp(r->sites[k]->scope, d->scope))
				seen = k;
		if (seen < 0 && r->nsites < MAX_ROLLUP_SITES)
			r->sites[r->nsites++] = d;
		else if (seen >= 0 && r->nleft < MAX_ROLLUP_SITES) {
			r->left_for[r->nleft] = seen;
			r->left[r->nleft++] = d;
		}
	}
	r->nscopes = r->nsites;
	for (int i = 0; i < f->nanswers; i++) {
		r->weakest[i] = -1;
		for (int k = 0; k < r->nsites; k++) {
			const sd_answer_t *a = &r->sites[k]->answers[i];
			if (a->option[0] && (r->weakest[i] < 0 || a->points < r->points[i])) {
				r->points[i] = a->points;
				r->weakest[i] = k;
			}
		}
		int full = f->answers[i].full;
		r->total += r->points[i];
		r->max += full;
		for (int c = 0; c < f->ncats; c++)
			if (!strcmp(f->cats[c].id, f->answers[i].category)) {
				r->cat_total[c] += r->points[i];
				r->cat_max[c] += full;
			}
	}
	return r->nscopes;
}

int history_compare(const stored_diag_t *a, const stored_diag_t *b, disagreement_t *out)
{
	int n = 0;
	if (strcmp(a->questionnaire, b->questionnaire) || strcmp(a->version, b->version) || a->nanswers != b->nanswers)
		return 0;
	for (int i = 0; i < a->nanswers; i++)
		if (a->answers[i].option[0] && b->answers[i].option[0] && strcmp(a->answers[i].option, b->answers[i].option))
			out[n++].item = i;
	return n;
}

static bool same_round(const stored_diag_t *a, const stored_diag_t *b)
{
	return !strcmp(a->questionnaire, b->questionnaire) && !strcmp(a->round, b->round);
}

bool history_round_first(const stored_diag_t *const *list, int i)
{
	for (int k = 0; k < i; k++)
		if (same_round(list[k], list[i]))
			return false;
	return true;
}

int history_executive_for(const stored_diag_t *const *list, int n, int i)
{
	if (list[i]->role != ROLE_MANAGER && list[i]->role != ROLE_STAFF)
		return -1;
	for (int k = n - 1; k >= 0; k--)
		if (list[k]->role == ROLE_EXECUTIVE && same_round(list[k], list[i]) && !strcmp(list[k]->scope, list[i]->scope))
			return k;
	return -1;
}
