/*
 * clients.c — see clients.h: the client list's parameters, rows, order and pages, and the
 * comparison's per-category scores. Pure: no I/O, no global state.
 */
#include "core/clients.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

const char *const CLIENT_SORT_IDS[CLIENT_SORT_COUNT] = { "name", "score", "trend", "overdue", "date" };

bool client_sort_default_desc(client_sort_t s) { return s == CLIENT_SORT_OVERDUE || s == CLIENT_SORT_DATE; }

static bool given(const char *s) { return s && *s; }

static bool band_known(const content_t *c, const char *id)
{
	for (int i = 0; i < c->nqs; i++)
		for (int k = 0; k < c->qs[i]->nbands; k++)
			if (!strcmp(c->qs[i]->bands[k].id, id))
				return true;
	return false;
}

/* A decimal number from 1 to max, digits only; -1 otherwise. */
static long long parse_count(const char *s, long long max)
{
	if (!s || !*s || strlen(s) > 15 || strspn(s, "0123456789") != strlen(s))
		return -1;
	long long v = strtoll(s, NULL, 10);
	return v >= 1 && v <= max ? v : -1;
}

int client_filter_parse(const content_t *c, const client_params_t *p, client_filter_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	out->sort = CLIENT_SORT_NAME;
	out->page = 1;
	if (given(p->q)) {
		size_t n = strlen(p->q), bad;
		if (n > CLIENT_QUERY_MAX)
			return err_set(e, ERR_INVALID, "q", "q（会社名の検索）は %d バイトまでです", "q (the name search) may hold at most %d bytes",
				       CLIENT_QUERY_MAX);
		if (!utf8_valid(p->q, n, &bad))
			return err_set(e, ERR_INVALID, "q", "q（会社名の検索）が UTF-8 ではありません", "q (the name search) is not UTF-8");
		memcpy(out->q, p->q, n + 1);
	}
	if (given(p->industry)) {
		if (strlen(p->industry) >= sizeof out->industry || !content_industry(c, p->industry))
			return err_set(e, ERR_INVALID, "industry", "industry（業種）は A～T の大分類の記号です",
				       "industry must be a JSIC division code, A to T");
		snprintf(out->industry, sizeof out->industry, "%s", p->industry);
	}
	if (given(p->band)) {
		if (strlen(p->band) >= sizeof out->band || !band_known(c, p->band))
			return err_set(e, ERR_INVALID, "band", "band（判定）はどの診断の判定区分の ID でもありません",
				       "band is not the id of any questionnaire's result band");
		snprintf(out->band, sizeof out->band, "%s", p->band);
	}
	if (given(p->sort)) {
		int k = 0;
		while (k < CLIENT_SORT_COUNT && strcmp(CLIENT_SORT_IDS[k], p->sort))
			k++;
		if (k == CLIENT_SORT_COUNT)
			return err_set(e, ERR_INVALID, "sort", "sort（並べ替え）は name・score・trend・overdue・date のどれかです",
				       "sort must be one of name, score, trend, overdue, date");
		out->sort = (client_sort_t)k;
	}
	out->desc = client_sort_default_desc(out->sort);
	if (given(p->order)) {
		if (strcmp(p->order, "asc") && strcmp(p->order, "desc"))
			return err_set(e, ERR_INVALID, "order", "order（順序）は asc か desc です", "order must be asc or desc");
		out->desc = !strcmp(p->order, "desc");
	}
	if (given(p->page)) {
		long long v = parse_count(p->page, CLIENT_PAGE_MAX);
		if (v < 0)
			return err_set(e, ERR_INVALID, "page", "page（ページ）は 1 から %d までの数です", "page must be a number from 1 to %d",
				       CLIENT_PAGE_MAX);
		out->page = (int)v;
	}
	if (given(p->archived)) {
		if (strcmp(p->archived, "0") && strcmp(p->archived, "1"))
			return err_set(e, ERR_INVALID, "archived", "archived（アーカイブ済み）は 0 か 1 です", "archived must be 0 or 1");
		out->archived = *p->archived == '1';
	}
	return 0;
}

void client_row_latest(client_row_t *row, const diag_summary_t *d)
{
	row->loaded_latest = true;
	row->diag_id = 0;
	if (!d)
		return;
	row->diag_id = d->id;
	snprintf(row->questionnaire, sizeof row->questionnaire, "%s", d->questionnaire);
	row->total = d->total;
	row->max = d->max;
	row->min = d->min;
	snprintf(row->band_id, sizeof row->band_id, "%s", d->band_id);
	snprintf(row->band_ja, sizeof row->band_ja, "%s", d->band_ja);
	snprintf(row->band_en, sizeof row->band_en, "%s", d->band_en);
	snprintf(row->date, sizeof row->date, "%s", d->created);
}

void client_row_trend(client_row_t *row, const diag_summary_t *recent, int n)
{
	row->loaded_trend = true;
	row->has_trend = n >= 2;
	row->trend = n >= 2 ? recent[n - 1].total - recent[n - 2].total : 0;
}

int client_overdue(const plan_item_t *items, int n, const char *today)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		if (items[i].status != PLAN_DONE && items[i].due[0] && strcmp(items[i].due, today) < 0)
			k++;
	return k;
}

static char fold(char ch) { return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch; }

bool client_name_contains(const char *name, const char *q)
{
	size_t m = strlen(q);
	for (const char *s = name;; s++) {
		size_t i = 0;
		while (i < m && s[i] && fold(s[i]) == fold(q[i]))
			i++;
		if (i == m)
			return true;
		if (!*s)
			return false;
	}
}

bool client_matches_org(const client_row_t *row, const client_filter_t *f)
{
	return (row->org.archived[0] != '\0') == f->archived && (!f->industry[0] || !strcmp(row->org.industry, f->industry)) &&
	       (!f->q[0] || client_name_contains(row->org.name, f->q));
}

bool client_matches_band(const client_row_t *row, const client_filter_t *f)
{
	return !f->band[0] || (row->diag_id && !strcmp(row->band_id, f->band));
}

static int sign(long long v) { return (v > 0) - (v < 0); }

/* a's score against b's, as shares of each questionnaire's range (cross-multiplied, exact) */
static int score_cmp(const client_row_t *a, const client_row_t *b)
{
	long long ra = a->max > a->min ? a->max - a->min : 1, rb = b->max > b->min ? b->max - b->min : 1;
	int s = sign((long long)(a->total - a->min) * rb - (long long)(b->total - b->min) * ra);
	return s ? s : sign((long long)a->total - b->total);
}

int client_cmp(const client_row_t *a, const client_row_t *b, client_sort_t sort, bool desc)
{
	int c = 0;
	bool ha = true, hb = true; /* whether each has the sorted value */
	switch (sort) {
	case CLIENT_SORT_NAME: break;
	case CLIENT_SORT_SCORE:
		ha = a->diag_id != 0, hb = b->diag_id != 0;
		if (ha && hb)
			c = score_cmp(a, b);
		break;
	case CLIENT_SORT_TREND:
		ha = a->diag_id && a->has_trend, hb = b->diag_id && b->has_trend;
		if (ha && hb)
			c = sign((long long)a->trend - b->trend);
		break;
	case CLIENT_SORT_OVERDUE: c = sign((long long)a->overdue - b->overdue); break;
	case CLIENT_SORT_DATE:
		ha = a->diag_id != 0, hb = b->diag_id != 0;
		if (ha && hb)
			c = sign(strcmp(a->date, b->date));
		break;
	case CLIENT_SORT_COUNT: break;
	}
	if (ha != hb)
		return ha ? -1 : 1; /* the missing values last, whichever the direction */
	if (sort == CLIENT_SORT_NAME)
		c = sign(strcmp(a->org.name, b->org.name));
	if (c)
		return desc ? -c : c;
	c = sign(strcmp(a->org.name, b->org.name));
	return c ? c : sign((long long)a->org.id - b->org.id);
}

static void merge_sort(const client_row_t **v, const client_row_t **tmp, int n, client_sort_t sort, bool desc)
{
	if (n < 2)
		return;
	int m = n / 2;
	merge_sort(v, tmp, m, sort, desc);
	merge_sort(v + m, tmp, n - m, sort, desc);
	int i = 0, j = m, k = 0;
	while (i < m && j < n)
		tmp[k++] = client_cmp(v[j], v[i], sort, desc) < 0 ? v[j++] : v[i++];
	while (i < m)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, (size_t)n * sizeof *v);
}

void client_sort(const client_row_t **rows, int n, client_sort_t sort, bool desc)
{
	if (n < 2)
		return;
	const client_row_t **tmp = xmalloc((size_t)n * sizeof *tmp);
	merge_sort(rows, tmp, n, sort, desc);
	free(tmp);
}

int client_page(int n, int per_page, int *page, int *pages)
{
	*pages = n > 0 ? (n + per_page - 1) / per_page : 1;
	if (*page < 1)
		*page = 1;
	if (*page > *pages)
		*page = *pages;
	return (*page - 1) * per_page;
}

int client_compare_ids(const char *const *values, int n, int64_t *ids, int *nids, err_t *e)
{
	*nids = 0;
	for (int i = 0; i < n; i++) {
		long long v = parse_count(values[i], 999999999999999LL);
		if (v < 0)
			return err_set(e, ERR_INVALID, "org", "org（組織 ID）は正の整数です", "org (an organisation id) must be a positive whole number");
		bool seen = false;
		for (int k = 0; k < *nids; k++)
			seen |= ids[k] == v;
		if (seen)
			continue;
		if (*nids == CLIENT_COMPARE_MAX)
			return err_set(e, ERR_INVALID, "org", "比べられる組織は %d までです", "at most %d organisations can be compared",
				       CLIENT_COMPARE_MAX);
		ids[(*nids)++] = v;
	}
	if (*nids < CLIENT_COMPARE_MIN)
		return err_set(e, ERR_INVALID, "org", "比べる組織を %d から %d まで選んでください（org）",
			       "choose %d to %d organisations to compare (org)", CLIENT_COMPARE_MIN, CLIENT_COMPARE_MAX);
	return 0;
}

void client_compare_fill(client_compare_t *v)
{
	v->ncats = v->q ? (v->q->ncats < MAX_CATEGORIES ? v->q->ncats : MAX_CATEGORIES) : 0;
	for (int i = 0; i < v->n; i++)
		for (int k = 0; k < v->ncats; k++) {
			v->has[i][k] = false;
			v->cat_total[i][k] = v->cat_max[i][k] = 0;
			v->share[i][k] = 0;
			const stored_diag_t *sd = v->sd[i];
			for (int j = 0; sd && j < sd->ncats; j++)
				if (!strcmp(sd->cats[j].id, v->q->cats[k].id)) {
					v->has[i][k] = true;
					v->cat_total[i][k] = sd->cats[j].total;
					v->cat_max[i][k] = sd->cats[j].max;
					v->share[i][k] = sd->cats[j].max > 0 ? (double)sd->cats[j].total / sd->cats[j].max : 0;
					break;
				}
		}
}

void client_compare_free(client_compare_t *v)
{
	for (int i = 0; i < v->n; i++)
		stored_diag_free(v->sd[i]);
	memset(v, 0, sizeof *v);
}
