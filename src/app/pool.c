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
#include "app/profile.h"

/* $MAMORU_POOL_MIN as a number, or -1 when it is unset, empty or not a whole number. */
static long pool_min_env(bool *set)
{
	const char *v = getenv("MAMORU_POOL_MIN");
	char *end;
	*set = v && *v;
	long n = *set ? strtol(v, &end, 10) : -1;
	return *set && !*end ? n : -1;
}

int pool_min_group(void)
{
	bool set;
	long n = pool_min_env(&set);
	return n >= POOL_MIN_FLOOR && n <= 1000 ? (int)n : POOL_MIN_GROUP;
}

bool pool_min_group_check(err_t *e)
{
	bool set;
	long n = pool_min_env(&set);
	if (!set || (n >= POOL_MIN_FLOOR && n <= 1000))
		return false;
	err_set(e, ERR_INVALID, "MAMORU_POOL_MIN",
		"MAMORU_POOL_MIN=%s は使えません（%d〜1000）。表示と書き出しには %d 社を使います",
		"MAMORU_POOL_MIN=%s is not allowed (%d to 1000); %d companies are used for everything shown or exported",
		getenv("MAMORU_POOL_MIN"), POOL_MIN_FLOOR, POOL_MIN_GROUP);
	return true;
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
 * 6 kept none) from the member diagnosis itself. false when it added nothing. A row written
 * before the "high" counts keeps its points and flags; the high flags then come from the
 * member diagnosis (an immutable snapshot, so the same answers), else stay unknown. */
static int previous(app_t *a, const pool_member_t *m, pool_contrib_t *old, bool *had, err_t *e)
{
	*had = false;
	if (m->contribution[0]) {
		if (!pool_contrib_from_text(old, m->contribution))
			return err_set(e, ERR_STORE, "pool_members", "プールの記録（診断 %lld）が壊れています",
				       "the pool's record of diagnosis %lld is damaged", (long long)m->diagnosis_id);
		*had = true;
		stored_diag_t *p;
		pool_contrib_t again;
		if (old->high_unknown && store_diag_get(a->store, m->diagnosis_id, &p) == STORE_OK) {
			if (pool_contrib_from(&again, p) && again.nitems == old->nitems) {
				memcpy(old->high, again.high, sizeof old->high);
				old->high_unknown = false;
			}
			stored_diag_free(p);
		}
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

int app_pool_member_of(app_t *a, int64_t org_id, const char *questionnaire, int64_t *diag_id, char created[32], err_t *e)
{
	*diag_id = 0;
	created[0] = '\0';
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	pool_member_t m;
	store_rc_t rc = store_member_get(a->store, org_id, questionnaire, &m);
	if (rc == STORE_NOT_FOUND)
		return 0;
	if (rc != STORE_OK || (rc = store_diag_created(a->store, m.diagnosis_id, created, 32)) != STORE_OK)
		return app_store_fail(a, rc, e);
	*diag_id = m.diagnosis_id;
	return 0;
}

int app_pool_moved(app_t *a, const org_t *o, pool_moved_t *out, int max, int *n, err_t *e)
{
	*n = 0;
	profile_answers_t pa;
	risk_t r;
	if (app_org_access(a, o->id, false, e) != 0 || app_company_risk(a, o, &pa, &r, e) != 0)
		return -1;
	const char *now = r.group >= 0 ? a->content->profile->groups[r.group].id : "";
	for (int i = 0; i < a->content->nqs && *n < max; i++) {
		pool_member_t m;
		pool_contrib_t c;
		store_rc_t rc = store_member_get(a->store, o->id, a->content->qs[i]->id, &m);
		if (rc == STORE_NOT_FOUND)
			continue;
		if (rc != STORE_OK)
			return app_store_fail(a, rc, e);
		/* rows written before schema 6 keep no contribution: nothing to compare with */
		if (!m.contribution[0] || !pool_contrib_from_text(&c, m.contribution) || !strcmp(c.value[DIM_GROUP], now))
			continue;
		pool_moved_t *mv = &out[(*n)++];
		mv->questionnaire = a->content->qs[i]->id;
		snprintf(mv->from, sizeof mv->from, "%s", c.value[DIM_GROUP]);
		snprintf(mv->to, sizeof mv->to, "%s", now);
		mv->diagnosis_id = m.diagnosis_id;
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

int app_pool_each(app_t *a, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg, err_t *e)
{
	if (app_need(a, NEED_ADMIN, e) != 0)
		return -1;
	char month[8], from[8];
	app_this_month(a, month, from);
	store_rc_t rc = store_pool_each(a->store, from, fn, arg);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_pool_sources(app_t *a, pool_source_t **out, int *n, err_t *e)
{
	*out = NULL;
	*n = 0;
	if (app_need(a, NEED_ADMIN, e) != 0)
		return -1;
	store_rc_t rc = store_source_list(a->store, out, n);
	if (rc == STORE_OK && (*n == 0 || (*out)[0].id != 0)) {
		free(*out);
		*out = NULL;
		*n = 0;
		return err_set(e, ERR_STORE, "pool_sources", "このインストールの ID がありません", "this install's id is missing");
	}
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

/* Whether the space-separated list holds id. */
static bool listed(const char *list, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = list; (p = strstr(p, id)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

/* Refuses a file whose data is already here, through this install or another import; *same is
 * the row of an earlier import of the same source (replaced), or NULL. */
static int provenance(const pool_file_t *f, const pool_source_t *src, int n, const pool_source_t **same, err_t *e)
{
	*same = NULL;
	for (int i = 0; i < n; i++) {
		const pool_source_t *s = &src[i];
		bool in_file = false;
		for (int k = 0; k < f->ncontains && !in_file; k++)
			in_file = !strcmp(f->contains[k], s->source) || listed(s->contains, f->contains[k]);
		if (s->id == 0 && (!strcmp(s->source, f->source) || in_file))
			return err_set(e, ERR_CONFLICT, "source",
				       "このファイルはこのインストール自身の集計を含んでいます（自分の書き出しを取り込むと、同じ会社を二度数えます）",
				       "this file holds this install's own pool (importing its own export would count every company twice)");
		if (s->id == 0)
			continue;
		if (!strcmp(s->source, f->source)) {
			*same = s;
			continue;
		}
		if (in_file || listed(s->contains, f->source))
			return err_set(e, ERR_CONFLICT, "source",
				       "このファイルの集計の一部は、すでに取り込んだ出どころ %s（%s〜%s）にも含まれています（同じ会社を二度数えることになります）",
				       "part of this file's data is already here through the import from %s (%s to %s): it would be counted twice",
				       s->source, s->from, s->to);
	}
	return 0;
}

int app_pool_import(app_t *a, const pool_file_t *f, pool_import_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	if (app_need(a, NEED_ADMIN, e) != 0)
		return -1;
	char month[8], from[8];
	app_this_month(a, month, from);
	if (pool_month_index(f->month) > pool_month_index(month))
		return err_set(e, ERR_INVALID, "exported", "集計の月 %s はまだ来ていません（今月は %s）",
			       "the file's month %s lies in the future (this month is %s)", f->month, month);
	if (pool_month_index(f->month) < pool_month_index(from))
		return err_set(e, ERR_INVALID, "exported", "集計の月 %s は集計期間（%s〜%s）より前で、数に入りません",
			       "the file's month %s lies before the window (%s to %s) and would count for nothing", f->month, from,
			       month);
	if (app_tx_begin(a, e) != 0)
		return -1;
	pool_source_t *src = NULL, row = { 0 };
	const pool_source_t *same = NULL;
	int nsrc = 0, res = 0;
	store_rc_t rc = store_source_list(a->store, &src, &nsrc);
	if (rc != STORE_OK)
		res = app_store_fail(a, rc, e);
	else
		res = provenance(f, src, nsrc, &same, e);
	if (res == 0 && same) {
		row.id = same->id;
		out->replaced = true;
		snprintf(out->replaced_from, sizeof out->replaced_from, "%s", same->from);
		snprintf(out->replaced_to, sizeof out->replaced_to, "%s", same->to);
		if ((rc = store_source_clear(a->store, row.id)) != STORE_OK)
			res = app_store_fail(a, rc, e);
	}
	if (res == 0) {
		snprintf(row.source, sizeof row.source, "%s", f->source);
		snprintf(row.from, sizeof row.from, "%s", f->from);
		snprintf(row.to, sizeof row.to, "%s", f->month);
		row.release = f->release;
		size_t k = 0;
		for (int i = 0; i < f->ncontains; i++)
			k += (size_t)snprintf(row.contains + k, sizeof row.contains - k, "%s%s", i ? " " : "", f->contains[i]);
		row.aggregates = f->n;
		app_now_iso(a, row.imported);
		if ((rc = store_source_put(a->store, &row)) != STORE_OK)
			res = app_store_fail(a, rc, e);
	}
	for (int i = 0; res == 0 && i < f->n; i++)
		if ((rc = store_agg_add(a->store, &f->keys[i], f->month, (int)row.id, &f->aggs[i])) != STORE_OK) {
			res = app_store_fail(a, rc, e);
			if (rc == STORE_INVALID) /* pool_merge refused: the sum would leave the range */
				e->code = ERR_INVALID;
		}
	char detail[160];
	snprintf(detail, sizeof detail, "%d aggregates from %s, %s to %s%s", f->n, f->source, f->from, f->month,
		 out->replaced ? ", replacing the earlier import" : "");
	if (res == 0)
		res = app_audit(a, "pool.import", "pool", detail, e);
	free(src);
	out->n = f->n;
	return app_tx_end(a, res, e);
}
