/*
 * org.c — see org.h.
 */
#include "app/org.h"

#include <string.h>

int app_org_get(app_t *a, int64_t id, org_t *out, err_t *e)
{
	store_rc_t rc = store_org_get(a->store, id, out);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, "organization_id", "組織 ID %lld は登録されていません",
			       "no organisation with id %lld", (long long)id);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_org_create(app_t *a, org_t *o, err_t *e)
{
	app_now_iso(a, o->created);
	memcpy(o->updated, o->created, sizeof o->updated);
	store_rc_t rc = store_org_add(a->store, o);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_org_update(app_t *a, org_t *o, err_t *e)
{
	app_now_iso(a, o->updated);
	store_rc_t rc = store_org_update(a->store, o);
	if (rc == STORE_NOT_FOUND)
		return app_org_get(a, o->id, o, e);
	return rc == STORE_OK ? app_org_get(a, o->id, o, e) : app_store_fail(a, rc, e);
}

int app_org_each(app_t *a, bool (*fn)(const org_t *, void *), void *arg, err_t *e)
{
	store_rc_t rc = store_org_list(a->store, fn, arg);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_org_history(app_t *a, int64_t org_id, stored_diag_t ***list, int *n, err_t *e)
{
	store_rc_t rc = store_diag_list(a->store, org_id, list, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_org_latest(app_t *a, int64_t org_id, stored_diag_t **out, err_t *e)
{
	store_rc_t rc = store_diag_latest(a->store, org_id, out);
	return rc == STORE_OK || rc == STORE_NOT_FOUND ? 0 : app_store_fail(a, rc, e);
}
