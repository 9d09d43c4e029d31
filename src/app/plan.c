/*
 * plan.c — see plan.h.
 */
#include "app/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/audit.h"

static int audit_plan(app_t *a, const char *action, const plan_item_t *p, err_t *e)
{
	char object[40], detail[160];
	snprintf(object, sizeof object, "organization %lld", (long long)p->org_id);
	snprintf(detail, sizeof detail, "plan item %lld: %s %s, %s, %s", (long long)p->id, p->questionnaire, p->question,
		 plan_status_id(p->status), p->due);
	return app_audit(a, action, object, detail, e);
}

int app_plan_add(app_t *a, plan_item_t *p, err_t *e)
{
	if (app_org_access(a, p->org_id, true, e) != 0)
		return -1;
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
	if (app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, p->created);
	memcpy(p->updated, p->created, sizeof p->updated);
	store_rc_t rc = store_plan_add(a->store, p);
	int res = rc == STORE_OK ? audit_plan(a, "plan.add", p, e)
		  : rc == STORE_INVALID ? err_set(e, ERR_CONFLICT, "question", "この設問はすでに計画にあります", "this question is already in the plan")
					: app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_plan_update(app_t *a, plan_item_t *p, err_t *e)
{
	if (app_org_access(a, p->org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, p->updated);
	store_rc_t rc = store_plan_update(a->store, p);
	int res = rc == STORE_OK ? audit_plan(a, "plan.update", p, e)
		  : rc == STORE_NOT_FOUND ? err_set(e, ERR_NOT_FOUND, "id", "計画の項目 %lld はありません", "no plan item %lld", (long long)p->id)
					  : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

static bool same_fields(const plan_item_t *x, const plan_item_t *y)
{
	return !strcmp(x->owner, y->owner) && !strcmp(x->due, y->due) && x->status == y->status && !strcmp(x->note, y->note);
}

int app_plan_save_all(app_t *a, int64_t org_id, plan_item_t *items, int n, const int64_t *remove, int nremove, int *changed,
		      err_t *e)
{
	*changed = 0;
	if (app_org_access(a, org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	int res = 0;
	for (int i = 0; i < n + nremove && res == 0; i++) {
		int64_t id = i < n ? items[i].id : remove[i - n];
		plan_item_t was;
		store_rc_t rc = store_plan_get(a->store, id, &was);
		if (rc == STORE_NOT_FOUND || (rc == STORE_OK && was.org_id != org_id)) {
			res = err_set(e, ERR_NOT_FOUND, "id", "計画の項目 %lld はありません（削除されたか、ほかの組織のものです）",
				      "no plan item %lld (deleted, or another organisation's)", (long long)id);
			break;
		}
		if (rc != STORE_OK) {
			res = app_store_fail(a, rc, e);
			break;
		}
		if (i >= n) {
			rc = store_plan_delete(a->store, id);
			res = rc == STORE_OK ? audit_plan(a, "plan.delete", &was, e) : app_store_fail(a, rc, e);
			*changed += res == 0;
			continue;
		}
		bool removed = false;
		for (int k = 0; k < nremove; k++)
			removed |= remove[k] == id;
		if (removed || same_fields(&items[i], &was))
			continue;
		plan_item_t p = was; /* only the fields of the form change */
		snprintf(p.owner, sizeof p.owner, "%s", items[i].owner);
		snprintf(p.due, sizeof p.due, "%s", items[i].due);
		snprintf(p.note, sizeof p.note, "%s", items[i].note);
		p.status = items[i].status;
		app_now_iso(a, p.updated);
		rc = store_plan_update(a->store, &p);
		res = rc == STORE_OK ? audit_plan(a, "plan.update", &p, e) : app_store_fail(a, rc, e);
		*changed += res == 0;
	}
	if (res != 0)
		*changed = 0;
	return app_tx_end(a, res, e);
}

int app_plan_delete(app_t *a, int64_t id, err_t *e)
{
	plan_item_t p;
	if (app_plan_get(a, id, &p, e) != 0 || app_org_access(a, p.org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_plan_delete(a->store, id);
	int res = rc == STORE_OK ? audit_plan(a, "plan.delete", &p, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_plan_get(app_t *a, int64_t id, plan_item_t *out, err_t *e)
{
	store_rc_t rc = store_plan_get(a->store, id, out);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	if (rc == STORE_OK && app_org_access(a, out->org_id, false, e) == 0)
		return 0;
	if (rc == STORE_OK && e->code != ERR_NOT_FOUND)
		return -1; /* the access check itself failed */
	return err_set(e, ERR_NOT_FOUND, "id", "計画の項目 %lld はありません", "no plan item %lld", (long long)id);
}

int app_plan_list(app_t *a, int64_t org_id, plan_item_t **items, int *n, err_t *e)
{
	*items = NULL;
	*n = 0;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_plan_list(a->store, org_id, items, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_plan_page(app_t *a, int64_t org_id, int per_page, int *page, plan_item_t **items, int *n, int *total, err_t *e)
{
	*items = NULL;
	*n = *total = 0;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	if (*page < 1)
		*page = 1;
	/* one read transaction, so that a page read again after the count agrees with it */
	bool began = store_read_begin(a->store);
	store_rc_t rc = store_plan_page(a->store, org_id, (*page - 1) * per_page, per_page, items, n, total);
	if (rc == STORE_OK && *n == 0 && *page > 1) { /* past the last page: the last */
		free(*items);
		*page = *total > 0 ? (*total + per_page - 1) / per_page : 1;
		rc = store_plan_page(a->store, org_id, (*page - 1) * per_page, per_page, items, n, total);
	}
	store_read_end(a->store, began);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}
