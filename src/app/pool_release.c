/*
 * pool_release.c — see pool_release.h. Making a release: the exact aggregates of the window
 * (both origins: this database and imports), grouped by questionnaire version; for each
 * version loaded here, pool_suppress decides which groups are published and pool_protect
 * makes each one's numbers; all of it and the ledger row in one write transaction.
 */
#include "app/pool_release.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/audit.h"
#include "app/pool.h"
#include "core/pool_privacy.h"
#include "core/xalloc.h"

void pool_next_release(const char *month, char out[11])
{
	int m = pool_month_index(month);
	if (m < 0) {
		snprintf(out, 11, "%s", "");
		return;
	}
	m++;
	unsigned y = (unsigned)(m / 12) % 10000u, mm = (unsigned)(m % 12) + 1u;
	snprintf(out, 11, "%04u-%02u-01", y, mm % 100u);
}

/* A uniform number in (0, 1) from the operating system's CSPRNG (libsodium): the noise must be
 * unpredictable, or it could be subtracted. */
static double csprng_uniform(void *arg)
{
	(void)arg;
	uint64_t v;
	randombytes_buf(&v, sizeof v);
	return ((double)(v >> 11) + 0.5) / 9007199254740992.0; /* 53 bits */
}

typedef struct {
	pool_key_t *keys;
	pool_agg_t *aggs;
	int n, cap;
} exact_t;

static bool collect(const pool_key_t *k, const pool_agg_t *a, void *arg)
{
	exact_t *x = arg;
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 64;
		x->keys = xrealloc(x->keys, (size_t)x->cap * sizeof *x->keys);
		x->aggs = xrealloc(x->aggs, (size_t)x->cap * sizeof *x->aggs);
	}
	x->keys[x->n] = *k;
	x->aggs[x->n++] = *a;
	return true;
}

typedef struct {
	pool_key_t *keys;
	pool_agg_t *aggs;
	int n;
} published_t;

/* The groups of one questionnaire version that may be published, keys[from..to) of x: each one
 * protected and added to out (which has room for all of x), or only counted when out is NULL. */
static int publish(app_t *a, const exact_t *x, int from, int to, int min_group, const pool_rng_t *rng, published_t *out)
{
	const questionnaire_t *q = content_questionnaire(a->content, x->keys[from].questionnaire);
	if (!q || strcmp(q->version, x->keys[from].version))
		return 0; /* a version not loaded: no bounds to check or protect it with */
	pool_range_t r;
	pool_range_of(q, &r);
	int n = to - from, count = 0;
	pool_cell_t *cells = xcalloc((size_t)n, sizeof *cells);
	for (int i = 0; i < n; i++)
		cells[i] = (pool_cell_t){ .dim = x->keys[from + i].dim, .value = x->keys[from + i].value, .n = x->aggs[from + i].n };
	pool_suppress(cells, n, min_group);
	for (int i = 0; i < n; i++) {
		if (!cells[i].shown || x->aggs[from + i].nitems != r.nitems)
			continue;
		count++;
		if (out) {
			out->keys[out->n] = x->keys[from + i];
			pool_protect(&x->aggs[from + i], &r, min_group, rng, &out->aggs[out->n++]);
		}
	}
	free(cells);
	return count;
}

/* The exact aggregates of this month's window, and how many groups a release would publish
 * (the groups protected into pub when it is not NULL). */
static store_rc_t window(app_t *a, exact_t *x, const pool_rng_t *rng, published_t *pub, int *count)
{
	char month[8], from[8];
	app_this_month(a, month, from);
	*x = (exact_t){ 0 };
	*count = 0;
	store_rc_t rc = store_pool_each(a->store, from, collect, x);
	if (pub)
		*pub = (published_t){ .keys = xcalloc((size_t)x->n + 1, sizeof *pub->keys), .aggs = xcalloc((size_t)x->n + 1, sizeof *pub->aggs) };
	/* store_pool_each gives the keys in order: each questionnaire version is one run */
	for (int i = 0, j; rc == STORE_OK && i < x->n; i = j) {
		for (j = i + 1; j < x->n && !strcmp(x->keys[j].questionnaire, x->keys[i].questionnaire) &&
				!strcmp(x->keys[j].version, x->keys[i].version);
		     j++)
			;
		*count += publish(a, x, i, j, pool_min_group(), rng, pub);
	}
	return rc;
}

/* Makes a release inside the caller's write transaction. A release that would publish nothing
 * is not stored (r->id stays 0): it would say nothing and cost nothing. */
static int make(app_t *a, const char *made_by, pool_release_t *r, err_t *e)
{
	char month[8], from[8];
	app_this_month(a, month, from);
	memset(r, 0, sizeof *r);
	snprintf(r->month, sizeof r->month, "%s", month);
	app_now_iso(a, r->created);
	r->rho = pool_release_rho();
	r->min_group = pool_min_group();
	snprintf(r->made_by, sizeof r->made_by, "%s", made_by);
	if (sodium_init() < 0)
		abort();
	pool_rng_t rng = { .uniform = csprng_uniform };
	exact_t x;
	published_t pub;
	int count;
	store_rc_t rc = window(a, &x, &rng, &pub, &count);
	if (rc == STORE_OK && pub.n > 0)
		rc = store_release_add(a->store, r);
	for (int i = 0; rc == STORE_OK && i < pub.n; i++)
		rc = store_release_agg_put(a->store, r->id, &pub.keys[i], &pub.aggs[i]);
	free(x.keys);
	free(x.aggs);
	free(pub.keys);
	free(pub.aggs);
	if (rc != STORE_OK)
		return app_store_fail(a, rc, e);
	if (!r->id)
		return 0;
	char detail[120];
	snprintf(detail, sizeof detail, "release %lld (%s), %d groups, rho %.1f, min %d", (long long)r->id, made_by, pub.n, r->rho,
		 r->min_group);
	return app_audit(a, "pool.release", "pool", detail, e);
}

/* The latest release made in month `from` or later: r->id 0 when there is none. */
static int latest(app_t *a, const char *from, pool_release_t *r, err_t *e)
{
	pool_release_t *list;
	int n;
	memset(r, 0, sizeof *r);
	store_rc_t rc = store_release_list(a->store, from, &list, &n);
	if (rc != STORE_OK)
		return app_store_fail(a, rc, e);
	if (n > 0)
		*r = list[n - 1];
	free(list);
	return 0;
}

int app_release_current(app_t *a, pool_release_t *r, err_t *e)
{
	char month[8], from[8];
	app_this_month(a, month, from);
	if (latest(a, month, r, e) != 0 || r->id)
		return r->id ? 0 : -1;
	/* none this month: make it, unless the pool is too small to publish anything (counted
	 * first without the write lock: most requests of a small pool stop there) or another
	 * request made it meanwhile (checked again inside the write lock) */
	err_t why;
	exact_t x;
	int count;
	store_rc_t rc = window(a, &x, NULL, NULL, &count);
	free(x.keys);
	free(x.aggs);
	int res = rc == STORE_OK ? 0 : app_store_fail(a, rc, &why);
	if (res == 0 && count > 0 && (res = app_tx_begin(a, &why)) == 0) {
		res = latest(a, month, r, &why);
		if (res == 0 && !r->id)
			res = make(a, "auto", r, &why);
		res = app_tx_end(a, res, &why);
	}
	if (res == 0 && r->id)
		return 0;
	/* nothing to publish, or it could not be made (a database opened read-only): the latest
	 * release there is, if any */
	if (latest(a, "0000-00", r, e) != 0)
		return -1;
	if (res != 0 && !r->id) {
		*e = why;
		return -1;
	}
	return 0;
}

int app_release_make(app_t *a, pool_release_t *r, err_t *e)
{
	if (app_need(a, NEED_ADMIN, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	return app_tx_end(a, make(a, "admin", r, e), e);
}

int app_release_list(app_t *a, pool_release_t **out, int *n, err_t *e)
{
	*out = NULL;
	*n = 0;
	if (app_need(a, NEED_ADMIN, e) != 0)
		return -1;
	char month[8], from[8];
	app_this_month(a, month, from);
	store_rc_t rc = store_release_list(a->store, from, out, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_release_each(app_t *a, int64_t id, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg, err_t *e)
{
	if (app_need(a, NEED_ADMIN, e) != 0)
		return -1;
	store_rc_t rc = store_release_agg_each(a->store, id, fn, arg);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_peers(app_t *a, const stored_diag_t *sd, peers_t *out, err_t *e)
{
	pool_release_t rel;
	if (app_release_current(a, &rel, e) != 0)
		return -1;
	return app_peers_in(a, sd, &rel, out, e);
}

int app_peers_in(app_t *a, const stored_diag_t *sd, const pool_release_t *rel, peers_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	out->min_group = pool_min_group();
	char month[8];
	app_this_month(a, month, out->from);
	pool_next_release(month, out->next_release);
	out->release = rel->id;
	snprintf(out->release_month, sizeof out->release_month, "%s", rel->month);
	snprintf(out->release_created, sizeof out->release_created, "%s", rel->created);
	const questionnaire_t *q = content_questionnaire(a->content, sd->questionnaire);
	pool_range_t r;
	bool ranged = q && !strcmp(q->version, sd->version);
	if (ranged)
		pool_range_of(q, &r);
	char values[DIM_COUNT][16];
	pool_dim_values(sd, values);
	/* the groups' rows in one read transaction, when there are any to read (a pool too small
	 * to publish has no release: most installations of one company) */
	bool began = rel->id && ranged && store_read_begin(a->store);
	int res = 0;
	for (int d = 0; d < DIM_COUNT && res == 0; d++) {
		pool_key_t *k = &out->key[d];
		k->dim = d;
		snprintf(k->questionnaire, sizeof k->questionnaire, "%s", sd->questionnaire);
		snprintf(k->version, sizeof k->version, "%s", sd->version);
		snprintf(k->value, sizeof k->value, "%s", values[d]);
		if (!k->value[0] || !rel->id || !ranged)
			continue;
		store_rc_t rc = store_release_agg_get(a->store, rel->id, k, &out->agg[d]);
		if (rc == STORE_NOT_FOUND) {
			memset(&out->agg[d], 0, sizeof out->agg[d]); /* not published */
			continue;
		}
		if (rc != STORE_OK) {
			res = app_store_fail(a, rc, e);
			break;
		}
		pool_stats_t *st = &out->st[d];
		pool_stats(&out->agg[d], POOL_MIN_FLOOR, st);
		st->margin_mean = pool_margin_mean(&r, st->n);
		st->margin_item = pool_margin_item(&r, st->n);
		st->margin_share = pool_margin_share(&r, st->n);
		st->items_shown = st->n >= POOL_ITEMS_MIN;
	}
	store_read_end(a->store, began);
	return res;
}
