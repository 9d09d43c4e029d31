/*
 * history.c — see history.h. Every read is bounded by the page: one range of summary rows, one
 * look-back per site whose previous result is older than the page, the categories of the rows
 * and those previous results, and at most HISTORY_ROUND_MAX sheets of each round on the page —
 * full snapshots only where a roll-up (two sites or more) or a comparison needs the answers.
 */
#include "app/history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "core/xalloc.h"

static char *key2(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *k = xmalloc(n);
	snprintf(k, n, "%s\x1f%s", a, b);
	return k;
}

static void free_keys(char **k, int n)
{
	for (int i = 0; i < n; i++)
		free(k[i]);
	free(k);
}

/* Per category of cur: the change against prev's category of the same id. */
static void cat_changes(history_row_t *row, const sd_category_t *prev, int nprev)
{
	size_t z = (size_t)(row->ncats ? row->ncats : 1);
	row->cat_has = xcalloc(z, sizeof *row->cat_has);
	row->cat_delta = xcalloc(z, sizeof *row->cat_delta);
	for (int k = 0; k < row->ncats; k++)
		for (int j = 0; j < nprev; j++)
			if (!strcmp(prev[j].id, row->cats[k].id)) {
				row->cat_has[k] = true;
				row->cat_delta[k] = row->cats[k].total - prev[j].total;
				break;
			}
}

/* The page's rows and the newer/older cursors. */
static int read_rows(app_t *a, int64_t org_id, history_page_t *p, err_t *e)
{
	diag_query_t q = { .org_id = org_id, .before = p->before, .limit = p->limit + 1 };
	diag_summary_t *list;
	int n;
	store_rc_t rc = store_diag_summaries(a->store, &q, &list, &n);
	if (rc != STORE_OK)
		return app_store_fail(a, rc, e);
	if (n > p->limit) {
		n = p->limit;
		p->next = list[n - 1].id;
	}
	p->rows = xcalloc((size_t)(n ? n : 1), sizeof *p->rows);
	p->nrows = n;
	for (int i = 0; i < n; i++)
		p->rows[i].d = list[i];
	free(list);
	if (p->before > 0) { /* is there anything newer, and where does its page start? */
		diag_query_t nq = { .org_id = org_id, .after = n ? p->rows[0].d.id : p->before - 1, .limit = p->limit + 1 };
		if ((rc = store_diag_summaries(a->store, &nq, &list, &n)) != STORE_OK)
			return app_store_fail(a, rc, e);
		p->has_newer = n > 0;
		p->newer = n > p->limit ? list[p->limit].id : 0;
		free(list);
	}
	return 0;
}

/* Each row's previous result of its site: on the page (one pass, oldest first) or, for the
 * oldest row of a site on the page, one look-back; then the categories and their changes. */
static int read_previous(app_t *a, int64_t org_id, history_page_t *p, err_t *e)
{
	int n = p->nrows;
	size_t z = (size_t)(n ? n : 1);
	char **keys = xmalloc(z * sizeof *keys);
	int *prev = xmalloc(z * sizeof *prev);
	for (int i = 0; i < n; i++) /* oldest first */
		keys[i] = key2(p->rows[n - 1 - i].d.questionnaire, p->rows[n - 1 - i].d.scope);
	history_prev_by_key((const char *const *)keys, n, prev);
	free_keys(keys, n);
	int res = 0;
	for (int i = 0; i < n && res == 0; i++) {
		history_row_t *row = &p->rows[i];
		store_rc_t rc = store_diag_cats(a->store, row->d.id, &row->cats, &row->ncats);
		if (rc != STORE_OK)
			res = app_store_fail(a, rc, e);
	}
	for (int i = 0; i < n && res == 0; i++) {
		history_row_t *row = &p->rows[i];
		int pi = prev[n - 1 - i];
		if (pi >= 0) {
			const history_row_t *pr = &p->rows[n - 1 - pi];
			row->has_prev = true;
			row->prev = pr->d;
			cat_changes(row, pr->cats, pr->ncats);
			continue;
		}
		diag_query_t q = { .org_id = org_id, .questionnaire = row->d.questionnaire, .scope = row->d.scope,
				   .before = row->d.id, .limit = 1 };
		diag_summary_t *one;
		int k;
		sd_category_t *cats = NULL;
		int nc = 0;
		store_rc_t rc = store_diag_summaries(a->store, &q, &one, &k);
		if (rc == STORE_OK && k == 1) {
			row->has_prev = true;
			row->prev = one[0];
			rc = store_diag_cats(a->store, one[0].id, &cats, &nc);
		}
		free(one);
		if (rc != STORE_OK)
			res = app_store_fail(a, rc, e);
		else if (row->has_prev)
			cat_changes(row, cats, nc);
		free(cats);
	}
	free(prev);
	return res;
}

/* The rounds with a row on the page; the sheets of those that need answers. */
static int read_rounds(app_t *a, int64_t org_id, history_page_t *p, err_t *e)
{
	int n = p->nrows;
	size_t z = (size_t)(n ? n : 1);
	char **keys = xmalloc(z * sizeof *keys);
	int *prev = xmalloc(z * sizeof *prev);
	for (int i = 0; i < n; i++)
		keys[i] = key2(p->rows[i].d.questionnaire, p->rows[i].d.round);
	history_prev_by_key((const char *const *)keys, n, prev);
	free_keys(keys, n);
	p->rounds = xcalloc(z, sizeof *p->rounds);
	for (int i = 0; i < n; i++) {
		if (prev[i] >= 0) {
			p->rows[i].round = p->rows[prev[i]].round;
			continue;
		}
		history_round_t *rd = &p->rounds[p->nrounds];
		p->rows[i].round = p->nrounds++;
		snprintf(rd->questionnaire, sizeof rd->questionnaire, "%s", p->rows[i].d.questionnaire);
		snprintf(rd->round, sizeof rd->round, "%s", p->rows[i].d.round);
	}
	free(prev);
	for (int r = 0; r < p->nrounds; r++) {
		history_round_t *rd = &p->rounds[r];
		diag_query_t q = { .org_id = org_id, .questionnaire = rd->questionnaire, .round = rd->round, .limit = HISTORY_ROUND_MAX };
		diag_summary_t *list;
		int m;
		store_rc_t rc = store_diag_summaries(a->store, &q, &list, &m);
		if (rc != STORE_OK)
			return app_store_fail(a, rc, e);
		/* answers are worth reading when the round has two sites, or an executive and a
		 * manager or staff member */
		bool two_sites = false, exec = false, other = false;
		for (int k = 0; k < m; k++) {
			two_sites |= strcmp(list[k].scope, list[0].scope) != 0;
			exec |= list[k].role == ROLE_EXECUTIVE;
			other |= list[k].role == ROLE_MANAGER || list[k].role == ROLE_STAFF;
		}
		if (two_sites || (exec && other)) {
			rd->sheets = xcalloc((size_t)(m ? m : 1), sizeof *rd->sheets);
			for (int k = m - 1; k >= 0; k--) { /* oldest first */
				if ((rc = store_diag_get(a->store, list[k].id, &rd->sheets[rd->nsheets])) != STORE_OK) {
					free(list);
					return app_store_fail(a, rc, e);
				}
				rd->nsheets++;
			}
		}
		free(list);
	}
	return 0;
}

int app_history_page(app_t *a, int64_t org_id, int64_t before, int limit, history_page_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	out->limit = limit;
	out->before = before;
	bool began = store_read_begin(a->store);
	int rc = read_rows(a, org_id, out, e);
	if (rc == 0)
		rc = read_previous(a, org_id, out, e);
	if (rc == 0)
		rc = read_rounds(a, org_id, out, e);
	store_read_end(a->store, began);
	if (rc != 0) {
		history_page_free(out);
		return -1;
	}
	history_page_link(out);
	return 0;
}
