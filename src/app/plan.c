/*
 * plan.c — see plan.h.
 */
#include "app/plan.h"

#include <string.h>

int app_plan_add(app_t *a, plan_item_t *p, err_t *e)
{
	if (p->diagnosis_id > 0) {
		stored_diag_t *sd;
		store_rc_t rc = store_diag_get(a->store, p->diagnosis_id, &sd);
		if (rc != STORE_OK && rc != STORE_NOT_FOUND)
			return app_store_fail(a, rc, e);
		if (rc != STORE_OK || sd->org_id != p->org_id)
			p->diagnosis_id = 0;
		if (rc == STORE_OK)
			stored_diag_free(sd);
	}
	app_now_iso(a, p->created);
	memcpy(p->updated, p->created, sizeof p->updated);
	store_rc_t rc = store_plan_add(a->store, p);
	if (rc == STORE_INVALID)
		return err_set(e, ERR_CONFLICT, "question", "この設問はすでに計画にあります", "this question is already in the plan");
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_plan_update(app_t *a, plan_item_t *p, err_t *e)
{
	app_now_iso(a, p->updated);
	store_rc_t rc = store_plan_update(a->store, p);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, "id", "計画の項目 %lld はありません", "no plan item %lld", (long long)p->id);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_plan_get(app_t *a, int64_t id, plan_item_t *out, err_t *e)
{
	store_rc_t rc = store_plan_get(a->store, id, out);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, "id", "計画の項目 %lld はありません", "no plan item %lld", (long long)id);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_plan_list(app_t *a, int64_t org_id, plan_item_t **items, int *n, err_t *e)
{
	store_rc_t rc = store_plan_list(a->store, org_id, items, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}
