/*
 * access.c — see access.h.
 */
#include "app/access.h"

int app_need(const app_t *a, need_t need, err_t *e)
{
	urole_t r = a->who.role;
	if (r == UROLE_NONE)
		return err_set(e, ERR_UNAUTHENTICATED, "", "ログインしてください", "please sign in");
	bool ok = need == NEED_SIGNED_IN || (need == NEED_WRITE && r != UROLE_VIEWER) ||
		  (need == NEED_ORG_CREATE && (r == UROLE_ADMIN || r == UROLE_CONSULTANT)) || (need == NEED_ADMIN && r == UROLE_ADMIN);
	return ok ? 0 : err_set(e, ERR_FORBIDDEN, "", "この操作は「%s」の役割では行えません%.0s", "a %.0s%s may not do this",
				urole_label(r, LANG_JA), urole_label(r, LANG_EN));
}

bool app_sees_all_orgs(const app_t *a)
{
	return a->who.role == UROLE_ADMIN || a->who.role == UROLE_VIEWER;
}

int app_org_access(app_t *a, int64_t org_id, bool write, err_t *e)
{
	if (app_need(a, write ? NEED_WRITE : NEED_SIGNED_IN, e) != 0)
		return -1;
	bool visible = app_sees_all_orgs(a);
	if (a->who.role == UROLE_MEMBER)
		visible = org_id == a->who.org_id;
	else if (a->who.role == UROLE_CONSULTANT) {
		store_rc_t rc = store_assigned(a->store, a->who.user_id, org_id, &visible);
		if (rc != STORE_OK)
			return app_store_fail(a, rc, e);
	}
	return visible ? 0 : err_set(e, ERR_NOT_FOUND, "organization_id", "組織 ID %lld は登録されていません",
				    "no organisation with id %lld", (long long)org_id);
}

int app_org_manage(app_t *a, int64_t org_id, err_t *e)
{
	return app_org_access(a, org_id, true, e) != 0 ? -1 : app_need(a, NEED_ORG_CREATE, e);
}
