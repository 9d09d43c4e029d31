/*
 * history.c — see history.h.
 */
#include "core/history.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

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

/* ---- one pass with a hash index ---- */

/* Open addressing from a string to an int; the keys are borrowed. */
typedef struct {
	size_t mask;
	const char **keys;
	int *vals;
} strmap_t;

static void strmap_init(strmap_t *m, int n)
{
	size_t cap = 16;
	while (cap < (size_t)n * 2)
		cap *= 2;
	m->mask = cap - 1;
	m->keys = xcalloc(cap, sizeof *m->keys);
	m->vals = xmalloc(cap * sizeof *m->vals);
}

static void strmap_free(strmap_t *m)
{
	free(m->keys);
	free(m->vals);
}

/* The value slot of key, added with -1 when it is new. */
static int *strmap_slot(strmap_t *m, const char *key)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (const unsigned char *c = (const unsigned char *)key; *c; c++)
		h = (h ^ *c) * 1099511628211ULL;
	size_t i = (size_t)h & m->mask;
	while (m->keys[i] && strcmp(m->keys[i], key))
		i = (i + 1) & m->mask;
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->vals[i] = -1;
	}
	return &m->vals[i];
}

void history_prev_by_key(const char *const *key, int n, int *prev)
{
	strmap_t m;
	strmap_init(&m, n);
	for (int i = 0; i < n; i++) {
		int *v = strmap_slot(&m, key[i]);
		prev[i] = *v;
		*v = i;
	}
	strmap_free(&m);
}

/* Keys joined with a unit separator, which no id, round or scope holds. */
static char *join_key(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = c ? strlen(c) : 0;
	char *k = xmalloc(la + lb + lc + 3);
	memcpy(k, a, la);
	k[la] = '\x1f';
	memcpy(k + la + 1, b, lb);
	k[la + 1 + lb] = '\x1f';
	if (c)
		memcpy(k + la + lb + 2, c, lc);
	k[la + lb + 2 + lc] = 0;
	return k;
}

static void free_keys(char **k, int n)
{
	for (int i = 0; i < n; i++)
		free(k[i]);
	free(k);
}

void history_index_build(const stored_diag_t *const *list, int n, history_index_t *ix)
{
	size_t z = (size_t)(n ? n : 1);
	ix->n = n;
	ix->prev = xmalloc(z * sizeof *ix->prev);
	ix->exec = xmalloc(z * sizeof *ix->exec);
	ix->round_next = xmalloc(z * sizeof *ix->round_next);
	ix->first = xmalloc(z * sizeof *ix->first);
	char **series = xmalloc(z * sizeof *series), **round = xmalloc(z * sizeof *round), **site = xmalloc(z * sizeof *site);
	for (int i = 0; i < n; i++) {
		series[i] = join_key(list[i]->questionnaire, list[i]->scope, NULL);
		round[i] = join_key(list[i]->questionnaire, list[i]->round, NULL);
		site[i] = join_key(list[i]->questionnaire, list[i]->round, list[i]->scope);
	}
	history_prev_by_key((const char *const *)series, n, ix->prev);
	int *pr = xmalloc(z * sizeof *pr);
	history_prev_by_key((const char *const *)round, n, pr);
	for (int i = 0; i < n; i++) {
		ix->first[i] = pr[i] < 0;
		ix->round_next[i] = -1;
		if (pr[i] >= 0)
			ix->round_next[pr[i]] = i;
	}
	free(pr);
	/* the latest executive of each round and site, then who compares with it */
	strmap_t m;
	strmap_init(&m, n);
	for (int i = 0; i < n; i++) {
		int *v = strmap_slot(&m, site[i]);
		if (list[i]->role == ROLE_EXECUTIVE)
			*v = i;
	}
	for (int i = 0; i < n; i++)
		ix->exec[i] = list[i]->role == ROLE_MANAGER || list[i]->role == ROLE_STAFF ? *strmap_slot(&m, site[i]) : -1;
	strmap_free(&m);
	free_keys(series, n);
	free_keys(round, n);
	free_keys(site, n);
}

void history_index_free(history_index_t *ix)
{
	free(ix->prev);
	free(ix->exec);
	free(ix->round_next);
	free(ix->first);
	memset(ix, 0, sizeof *ix);
}

int history_rollup_ix(const stored_diag_t *const *list, const history_index_t *ix, int first, rollup_t *out)
{
	int m = 0;
	for (int i = first; i >= 0; i = ix->round_next[i])
		m++;
	const stored_diag_t **sub = xmalloc((size_t)m * sizeof *sub);
	m = 0;
	for (int i = first; i >= 0; i = ix->round_next[i])
		sub[m++] = list[i];
	int r = history_rollup(sub, m, 0, out);
	free(sub);
	return r;
}

/* ---- a page of the history ---- */

void history_page_free(history_page_t *p)
{
	for (int i = 0; i < p->nrows; i++) {
		free(p->rows[i].cats);
		free(p->rows[i].cat_has);
		free(p->rows[i].cat_delta);
	}
	free(p->rows);
	for (int i = 0; i < p->nrounds; i++) {
		stored_diag_list_free(p->rounds[i].sheets, p->rounds[i].nsheets);
		free(p->rounds[i].rollup);
	}
	free(p->rounds);
	memset(p, 0, sizeof *p);
}

void history_page_link(history_page_t *p)
{
	for (int k = 0; k < p->nrounds; k++) {
		history_round_t *rd = &p->rounds[k];
		if (rd->nsheets == 0)
			continue;
		const stored_diag_t *const *sl = (const stored_diag_t *const *)rd->sheets;
		rollup_t *ru = xmalloc(sizeof *ru);
		rd->nscopes = history_rollup(sl, rd->nsheets, 0, ru);
		if (rd->nscopes >= 2)
			rd->rollup = ru;
		else
			free(ru);
	}
	for (int i = 0; i < p->nrows; i++) {
		history_row_t *row = &p->rows[i];
		row->exec = row->self = -1;
		const history_round_t *rd = &p->rounds[row->round];
		for (int k = 0; k < rd->nsheets && row->self < 0; k++)
			if (rd->sheets[k]->id == row->d.id)
				row->self = k;
		if (row->self >= 0)
			row->exec = history_executive_for((const stored_diag_t *const *)rd->sheets, rd->nsheets, row->self);
	}
}
