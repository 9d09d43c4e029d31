/*
 * clients.c — see clients.h. The list reads only what its filters and order need for every
 * organisation (nothing but one page of organisations unless it is sorted by overdue plan items
 * or the caller sees only some organisations), and the rest for the one page shown, all in one
 * read transaction.
 */
#include "app/clients.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/org.h"
#include "core/xalloc.h"

typedef struct {
	const content_t *c;
	const client_filter_t *f;
	client_row_t *rows;
	int n, cap, visible;
} collect_t;

/* Keeps the organisations that pass the filters needing nothing but the organisation. */
static bool collect(const org_t *o, void *arg)
{
	collect_t *x = arg;
	x->visible++;
	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		x->rows = xrealloc(x->rows, (size_t)x->cap * sizeof *x->rows);
	}
	client_row_t *row = &x->rows[x->n++];
	memset(row, 0, sizeof *row);
	row->org = *o;
	row->size_band = org_size_band(x->c, o->employees);
	if (!client_matches_org(row, x->f))
		x->n--;
	return true;
}

/* Reads what the row still lacks of its latest result, its trend and its overdue plan items. */
static int load_row(app_t *a, client_row_t *row, bool latest, bool trend, bool overdue, const char *today, err_t *e)
{
	store_rc_t rc;
	/* summary rows only: 10,000 organisations sorted by score read 10,000 rows, not snapshots */
	if ((latest || trend) && !row->loaded_latest) {
		diag_summary_t *d = NULL;
		int n = 0;
		rc = store_diag_recent_summaries(a->store, row->org.id, NULL, 0, 1, &d, &n);
		if (rc != STORE_OK)
			return app_store_fail(a, rc, e);
		client_row_latest(row, n ? &d[0] : NULL);
		free(d);
	}
	if (trend && !row->loaded_trend) {
		diag_summary_t *list = NULL;
		int n = 0;
		if (row->diag_id) {
			rc = store_diag_recent_summaries(a->store, row->org.id, row->questionnaire, row->diag_id, 2, &list, &n);
			if (rc != STORE_OK)
				return app_store_fail(a, rc, e);
		}
		client_row_trend(row, list, n);
		free(list);
	}
	if (overdue && !row->loaded_overdue) {
		plan_item_t *items = NULL;
		int n = 0;
		rc = store_plan_list(a->store, row->org.id, &items, &n);
		if (rc != STORE_OK)
			return app_store_fail(a, rc, e);
		row->overdue = client_overdue(items, n, today);
		row->loaded_overdue = true;
		free(items);
	}
	return 0;
}

static int list_in(app_t *a, const client_filter_t *f, client_list_t *out, collect_t *x, err_t *e)
{
	if (app_org_each(a, collect, x, e) != 0)
		return -1;
	char now[32], today[11];
	app_now_iso(a, now);
	snprintf(today, sizeof today, "%.10s", now);
	client_sort_t s = f->sort;
	bool latest = f->band[0] || s == CLIENT_SORT_SCORE || s == CLIENT_SORT_DATE;
	int m = 0;
	for (int i = 0; i < x->n; i++) {
		if (load_row(a, &x->rows[i], latest, s == CLIENT_SORT_TREND, s == CLIENT_SORT_OVERDUE, today, e) != 0)
			return -1;
		if (client_matches_band(&x->rows[i], f)) {
			if (m != i)
				x->rows[m] = x->rows[i];
			m++;
		}
	}
	const client_row_t **order = xmalloc((size_t)(m ? m : 1) * sizeof *order);
	for (int i = 0; i < m; i++)
		order[i] = &x->rows[i];
	client_sort(order, m, s, f->desc);
	out->matched = m;
	out->visible = x->visible;
	out->page = f->page;
	int from = client_page(m, CLIENTS_PER_PAGE, &out->page, &out->pages);
	int k = m - from < CLIENTS_PER_PAGE ? m - from : CLIENTS_PER_PAGE;
	out->rows = xcalloc((size_t)(k > 0 ? k : 1), sizeof *out->rows);
	for (int i = 0; i < k; i++)
		out->rows[i] = *order[from + i];
	free(order);
	out->nrows = k;
	for (int i = 0; i < k; i++)
		if (load_row(a, &out->rows[i], true, true, true, today, e) != 0)
			return -1;
	return 0;
}

/* Any order but the overdue plan items (which depend on today's date), for someone who sees the
 * whole workspace: the database filters, counts, orders and pages (store_org_page; by score,
 * change or date from the latest result each organisation's row keeps), so a page costs the
 * same with 10,000 organisations as with 100 (issue 19); only the page's rows are then filled. */
static int list_paged(app_t *a, const client_filter_t *f, client_list_t *out, err_t *e)
{
	char now[32], today[11];
	app_now_iso(a, now);
	snprintf(today, sizeof today, "%.10s", now);
	static const org_by_t BY[CLIENT_SORT_COUNT] = {
		[CLIENT_SORT_NAME] = ORG_BY_NAME, [CLIENT_SORT_SCORE] = ORG_BY_SCORE,
		[CLIENT_SORT_TREND] = ORG_BY_TREND, [CLIENT_SORT_DATE] = ORG_BY_DATE,
	};
	org_query_t q = { .archived = f->archived, .industry = f->industry, .q = f->q, .band = f->band, .by = BY[f->sort],
			  .desc = f->desc, .limit = CLIENTS_PER_PAGE };
	org_t *orgs = NULL;
	int n = 0;
	int64_t matched, all;
	out->page = f->page;
	for (int pass = 0; pass < 2; pass++) { /* a page past the last is the last, as client_page says */
		free(orgs);
		q.offset = (out->page - 1) * CLIENTS_PER_PAGE;
		store_rc_t rc = store_org_page(a->store, &q, &orgs, &n, &matched, &all);
		if (rc != STORE_OK)
			return app_store_fail(a, rc, e);
		int page = out->page;
		client_page((int)matched, CLIENTS_PER_PAGE, &page, &out->pages);
		if (page == out->page)
			break;
		out->page = page;
	}
	out->matched = (int)matched;
	out->visible = (int)all;
	out->rows = xcalloc((size_t)(n > 0 ? n : 1), sizeof *out->rows);
	out->nrows = n;
	for (int i = 0; i < n; i++) {
		client_row_t *row = &out->rows[i];
		row->org = orgs[i];
		row->size_band = org_size_band(a->content, orgs[i].employees);
	}
	free(orgs);
	for (int i = 0; i < n; i++)
		if (load_row(a, &out->rows[i], true, true, true, today, e) != 0)
			return -1;
	return 0;
}

int app_client_list(app_t *a, const client_filter_t *f, client_list_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	if (f->sort != CLIENT_SORT_OVERDUE && app_sees_all_orgs(a)) {
		if (app_need(a, NEED_SIGNED_IN, e) != 0)
			return -1;
		bool began = store_read_begin(a->store);
		int rc = list_paged(a, f, out, e);
		store_read_end(a->store, began);
		if (rc != 0)
			client_list_free(out);
		return rc;
	}
	collect_t x = { .c = a->content, .f = f };
	bool began = store_read_begin(a->store);
	int rc = list_in(a, f, out, &x, e);
	store_read_end(a->store, began);
	free(x.rows);
	if (rc != 0)
		client_list_free(out);
	return rc;
}

void client_list_free(client_list_t *l)
{
	free(l->rows);
	memset(l, 0, sizeof *l);
}

int app_client_compare(app_t *a, const int64_t *ids, int n, const char *questionnaire, client_compare_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	const questionnaire_t *q = content_questionnaire(a->content, questionnaire);
	if (!q)
		return err_set(e, ERR_INVALID, "questionnaire", "questionnaire（診断）はそのような診断の ID ではありません",
			       "questionnaire is not the id of a questionnaire");
	if (n < CLIENT_COMPARE_MIN || n > CLIENT_COMPARE_MAX)
		return err_set(e, ERR_INVALID, "org", "比べる組織を %d から %d まで選んでください（org）",
			       "choose %d to %d organisations to compare (org)", CLIENT_COMPARE_MIN, CLIENT_COMPARE_MAX);
	out->q = q;
	bool began = store_read_begin(a->store);
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++) {
		if (app_org_get(a, ids[i], &out->org[i], e) != 0) {
			rc = -1;
			break;
		}
		stored_diag_t **list = NULL;
		int k = 0;
		store_rc_t sr = store_diag_recent(a->store, ids[i], q->id, 0, 1, &list, &k);
		if (sr != STORE_OK) {
			rc = app_store_fail(a, sr, e);
			break;
		}
		out->sd[i] = k > 0 ? list[0] : NULL;
		for (int j = 1; j < k; j++)
			stored_diag_free(list[j]);
		free(list);
		out->n = i + 1;
	}
	store_read_end(a->store, began);
	if (rc != 0) {
		client_compare_free(out);
		return -1;
	}
	client_compare_fill(out);
	return 0;
}
