/*
 * history.c — see history.h.
 */
#include "core/history.h"

#include <string.h>

/* The same questionnaire answered for the same scope by someone in the same role. */
static bool same_series(const stored_diag_t *a, const stored_diag_t *b)
{
	return !strcmp(a->questionnaire, b->questionnaire) && !strcmp(a->scope, b->scope) && a->role == b->role;
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
	/* latest sheet per scope and respondent: walk newest first, keep the first of each */
	for (int i = n - 1; i >= 0 && r->nsites < MAX_ROLLUP_SITES; i--) {
		const stored_diag_t *d = list[i];
		if (strcmp(d->questionnaire, f->questionnaire) || strcmp(d->round, f->round) ||
		    strcmp(d->version, f->version) || d->nanswers != f->nanswers)
			continue;
		bool seen = false;
		for (int k = 0; k < r->nsites; k++)
			seen |= !strcmp(r->sites[k]->scope, d->scope) && !strcmp(r->sites[k]->respondent, d->respondent) &&
				r->sites[k]->role == d->role;
		if (!seen)
			r->sites[r->nsites++] = d;
	}
	int scopes = 0;
	for (int k = 0; k < r->nsites; k++) {
		bool new_scope = true;
		for (int j = 0; j < k; j++)
			new_scope &= strcmp(r->sites[j]->scope, r->sites[k]->scope) != 0;
		scopes += new_scope;
	}
	r->nscopes = scopes;
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
