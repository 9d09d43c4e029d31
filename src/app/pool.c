/*
 * pool.c — see pool.h. The pool's rule lives here, above the store, so every backend keeps
 * the same statistics: a re-diagnosis replaces its organisation's earlier contribution for the
 * questionnaire, using what the member row says that contribution was.
 */
#include "app/pool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/audit.h"

int pool_min_group(void)
{
	const char *v = getenv("MAMORU_POOL_MIN");
	char *end;
	long n = v ? strtol(v, &end, 10) : 0;
	return v && *v && !*end && n >= 1 && n <= 1000 ? (int)n : POOL_MIN_GROUP;
}

/* Adds (sign +1) or takes out (-1) a contribution in every dimension it counts in. */
static int apply(app_t *a, const pool_contrib_t *c, int sign, err_t *e)
{
	pool_agg_t delta = { 0 };
	pool_add(&delta, c, sign);
	for (int d = 0; d < DIM_COUNT; d++) {
		if (!c->value[d][0])
			continue;
		pool_key_t k = { .dim = d };
		snprintf(k.questionnaire, sizeof k.questionnaire, "%s", c->questionnaire);
		snprintf(k.version, sizeof k.version, "%s", c->version);
		snprintf(k.value, sizeof k.value, "%s", c->value[d]);
		store_rc_t rc = store_agg_add(a->store, &k, c->month, 0, &delta);
		if (rc != STORE_OK)
			return app_store_fail(a, rc, e);
	}
	return 0;
}

/* What the organisation's current member added: from its row, or (rows written before schema
 * 6 kept none) from the member diagnosis itself. false when it added nothing. */
static int previous(app_t *a, const pool_member_t *m, pool_contrib_t *old, bool *had, err_t *e)
{
	*had = false;
	if (m->contribution[0]) {
		if (!pool_contrib_from_text(old, m->contribution))
			return err_set(e, ERR_STORE, "pool_members", "プールの記録（診断 %lld）が壊れています",
				       "the pool's record of diagnosis %lld is damaged", (long long)m->diagnosis_id);
		*had = true;
		return 0;
	}
	stored_diag_t *p;
	store_rc_t rc = store_diag_get(a->store, m->diagnosis_id, &p);
	if (rc != STORE_OK)
		return app_store_fail(a, rc == STORE_NOT_FOUND ? STORE_ERROR : rc, e);
	*had = pool_contrib_from(old, p);
	stored_diag_free(p);
	return 0;
}

int app_pool_contribute(app_t *a, const stored_diag_t *sd, err_t *e)
{
	pool_contrib_t c;
	bool left;
	if (!pool_contrib_from(&c, sd))
		return 0;
	if (app_pool_leave(a, sd->org_id, sd->questionnaire, 0, &left, e) != 0 || apply(a, &c, +1, e) != 0)
		return -1;
	pool_member_t m = { .diagnosis_id = sd->id };
	if (!pool_contrib_to_text(&c, m.contribution, sizeof m.contribution))
		return err_set(e, ERR_INTERNAL, "pool", "プールへの寄与を記録できません", "cannot record the pool contribution");
	store_rc_t rc = store_member_put(a->store, sd->org_id, sd->questionnaire, &m);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_pool_leave(app_t *a, int64_t org_id, const char *questionnaire, int64_t diagnosis_id, bool *left, err_t *e)
{
	*left = false;
	pool_member_t m;
	pool_contrib_t old;
	bool had;
	store_rc_t rc = store_member_get(a->store, org_id, questionnaire, &m);
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && diagnosis_id > 0 && m.diagnosis_id != diagnosis_id))
		return 0;
	if (rc != STORE_OK)
		return app_store_fail(a, rc, e);
	if (previous(a, &m, &old, &had, e) != 0 || (had && apply(a, &old, -1, e) != 0))
		return -1;
	rc = store_member_delete(a->store, org_id, questionnaire);
	*left = rc == STORE_OK;
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_pool_leave_all(app_t *a, int64_t org_id, int *n, err_t *e)
{
	*n = 0;
	for (int i = 0; i < a->content->nqs; i++) {
		bool left;
		if (app_pool_leave(a, org_id, a->content->qs[i]->id, 0, &left, e) != 0)
			return -1;
		*n += left;
	}
	return 0;
}

int app_pool_memberships(app_t *a, int64_t org_id, int *n, err_t *e)
{
	*n = 0;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	for (int i = 0; i < a->content->nqs; i++) {
		pool_member_t m;
		store_rc_t rc = store_member_get(a->store, org_id, a->content->qs[i]->id, &m);
		if (rc != STORE_OK && rc != STORE_NOT_FOUND)
			return app_store_fail(a, rc, e);
		*n += rc == STORE_OK;
	}
	return 0;
}

int app_pool_withdraw(app_t *a, int64_t org_id, int *n, err_t *e)
{
	if (app_org_access(a, org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	char object[40], detail[40];
	int res = app_pool_leave_all(a, org_id, n, e);
	if (res == 0 && *n == 0)
		res = err_set(e, ERR_CONFLICT, "organization_id", "組織 %lld は比較母集団に入っていません",
			      "organisation %lld is not in the pool", (long long)org_id);
	snprintf(object, sizeof object, "organization %lld", (long long)org_id);
	snprintf(detail, sizeof detail, "%d questionnaires", *n);
	if (res == 0)
		res = app_audit(a, "pool.withdraw", object, detail, e);
	return app_tx_end(a, res, e);
}

int app_peers(app_t *a, const stored_diag_t *sd, peers_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	out->min_group = pool_min_group();
	char month[8];
	app_this_month(a, month, out->from);
	char values[DIM_COUNT][16];
	pool_dim_values(sd, values);
	bool began = store_read_begin(a->store);
	int res = 0;
	for (int d = 0; d < DIM_COUNT && res == 0; d++) {
		pool_key_t *k = &out->key[d];
		k->dim = d;
		snprintf(k->questionnaire, sizeof k->questionnaire, "%s", sd->questionnaire);
		snprintf(k->version, sizeof k->version, "%s", sd->version);
		snprintf(k->value, sizeof k->value, "%s", values[d]);
		if (!k->value[0])
			continue;
		store_rc_t rc = store_pool_agg(a->store, k, out->from, &out->agg[d]);
		if (rc != STORE_OK)
			res = app_store_fail(a, rc, e);
		else
			pool_stats(&out->agg[d], out->min_group, &out->st[d]);
	}
	store_read_end(a->store, began);
	return res;
}

int app_pool_each(app_t *a, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg, err_t *e)
{
	if (app_need(a, NEED_ADMIN, e) != 0)
		return -1;
	char month[8], from[8];
	app_this_month(a, month, from);
	store_rc_t rc = store_pool_each(a->store, from, fn, arg);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_pool_import(app_t *a, const pool_file_t *f, err_t *e)
{
	if (app_need(a, NEED_ADMIN, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = STORE_OK;
	for (int i = 0; rc == STORE_OK && i < f->n; i++)
		rc = store_agg_add(a->store, &f->keys[i], f->month, 1, &f->aggs[i]);
	char detail[80];
	snprintf(detail, sizeof detail, "%d aggregates into %s", f->n, f->month);
	int res = rc == STORE_OK ? app_audit(a, "pool.import", "pool", detail, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}
