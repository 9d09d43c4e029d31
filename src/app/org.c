/*
 * org.c — see org.h. Each use case asks app/access.h first: a consultant sees the organisations
 * assigned to them, a member their own, administrators and viewers all of the workspace.
 */
#include "app/org.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/audit.h"
#include "app/pool.h"
#include "core/xalloc.h"

int app_org_get(app_t *a, int64_t id, org_t *out, err_t *e)
{
	if (app_org_access(a, id, false, e) != 0)
		return -1;
	store_rc_t rc = store_org_get(a->store, id, out);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, "organization_id", "組織 ID %lld は登録されていません",
			       "no organisation with id %lld", (long long)id);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

static int audit_org(app_t *a, const char *action, const org_t *o, err_t *e)
{
	char object[40];
	snprintf(object, sizeof object, "organization %lld", (long long)o->id);
	return app_audit(a, action, object, o->name, e);
}

int app_org_create(app_t *a, org_t *o, err_t *e)
{
	if (app_need(a, NEED_ORG_CREATE, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, o->created);
	memcpy(o->updated, o->created, sizeof o->updated);
	store_rc_t rc = store_org_add(a->store, o);
	/* a consultant looks after the organisations they add */
	if (rc == STORE_OK && a->who.role == UROLE_CONSULTANT)
		rc = store_assign(a->store, a->who.user_id, o->id, true);
	int res = rc == STORE_OK ? audit_org(a, "org.create", o, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_org_update(app_t *a, org_t *o, err_t *e)
{
	if (app_org_access(a, o->id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, o->updated);
	store_rc_t rc = store_org_update(a->store, o);
	int res = rc == STORE_OK ? audit_org(a, "org.update", o, e)
		  : rc == STORE_NOT_FOUND ? err_set(e, ERR_NOT_FOUND, "organization_id", "組織 ID %lld は登録されていません",
						    "no organisation with id %lld", (long long)o->id)
					  : app_store_fail(a, rc, e);
	if (app_tx_end(a, res, e) != 0)
		return -1;
	return app_org_get(a, o->id, o, e);
}

int app_org_archive(app_t *a, int64_t id, bool archive, err_t *e)
{
	org_t o;
	if (app_org_manage(a, id, e) != 0 || app_org_get(a, id, &o, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, o.updated);
	snprintf(o.archived, sizeof o.archived, "%s", archive ? o.updated : "");
	store_rc_t rc = store_org_archive(a->store, id, o.archived, o.updated);
	int res = rc == STORE_OK ? audit_org(a, archive ? "org.archive" : "org.restore", &o, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_org_delete(app_t *a, int64_t id, err_t *e)
{
	org_t o;
	int left;
	if (app_org_manage(a, id, e) != 0 || app_org_get(a, id, &o, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	int res = app_pool_leave_all(a, id, &left, e);
	store_rc_t rc = res == 0 ? store_org_delete(a->store, id) : STORE_OK;
	if (res == 0)
		res = rc == STORE_OK ? audit_org(a, "org.delete", &o, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

typedef struct {
	app_t *a;
	bool (*fn)(const org_t *, void *);
	void *arg;
	err_t *e;
	int failed;
} each_t;

/* Passes on only the organisations the caller may see. */
static bool visible_only(const org_t *o, void *arg)
{
	each_t *x = arg;
	err_t e;
	if (app_org_access(x->a, o->id, false, &e) != 0) {
		if (e.code == ERR_NOT_FOUND)
			return true;
		*x->e = e;
		x->failed = 1;
		return false;
	}
	return x->fn(o, x->arg);
}

int app_org_each(app_t *a, bool (*fn)(const org_t *, void *), void *arg, err_t *e)
{
	if (app_need(a, NEED_SIGNED_IN, e) != 0)
		return -1;
	each_t x = { a, fn, arg, e, 0 };
	store_rc_t rc = app_sees_all_orgs(a) ? store_org_list(a->store, fn, arg) : store_org_list(a->store, visible_only, &x);
	if (x.failed)
		return -1;
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_org_history(app_t *a, int64_t org_id, stored_diag_t ***list, int *n, err_t *e)
{
	*list = NULL;
	*n = 0;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_diag_list(a->store, org_id, list, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_org_history_each(app_t *a, int64_t org_id, bool (*fn)(const stored_diag_t *, void *), void *arg, err_t *e)
{
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_diag_each(a->store, org_id, fn, arg);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_org_latest_each(app_t *a, int64_t org_id, stored_diag_t ***list, int *n, err_t *e)
{
	*list = NULL;
	*n = 0;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	const content_t *c = a->content;
	stored_diag_t **out = xcalloc((size_t)(c->nqs ? c->nqs : 1), sizeof *out);
	int k = 0;
	store_rc_t rc = STORE_OK;
	bool began = store_read_begin(a->store);
	for (int i = 0; i < c->nqs && rc == STORE_OK; i++) {
		stored_diag_t **one = NULL;
		int m = 0;
		rc = store_diag_recent(a->store, org_id, c->qs[i]->id, 0, 1, &one, &m); /* 0: no upper id */
		if (rc == STORE_OK && m > 0) {
			out[k++] = one[m - 1];
			for (int j = 0; j < m - 1; j++)
				stored_diag_free(one[j]);
		}
		free(one);
	}
	store_read_end(a->store, began);
	if (rc != STORE_OK) {
		stored_diag_list_free(out, k);
		return app_store_fail(a, rc, e);
	}
	*list = out;
	*n = k;
	return 0;
}

int app_org_latest(app_t *a, int64_t org_id, stored_diag_t **out, err_t *e)
{
	*out = NULL;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_diag_latest(a->store, org_id, out);
	return rc == STORE_OK || rc == STORE_NOT_FOUND ? 0 : app_store_fail(a, rc, e);
}
