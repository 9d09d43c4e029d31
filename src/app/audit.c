/*
 * audit.c — see audit.h.
 */
#include "app/audit.h"

#include <stdio.h>

#include "app/access.h"
#include "core/utf8.h"

int app_audit(app_t *a, const char *action, const char *object, const char *detail, err_t *e)
{
	audit_t x = { .workspace_id = a->who.workspace_id, .user_id = a->who.user_id };
	app_now_iso(a, x.at);
	snprintf(x.actor, sizeof x.actor, "%s", a->who.email[0] ? a->who.email : "-");
	snprintf(x.action, sizeof x.action, "%s", action);
	snprintf(x.object, sizeof x.object, "%s", object);
	snprintf(x.detail, sizeof x.detail, "%.*s", utf8_prefix(detail ? detail : "", sizeof x.detail - 1), detail ? detail : "");
	snprintf(x.client, sizeof x.client, "%s", a->who.client);
	store_rc_t rc = store_audit_add(a->store, &x);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_audit_list(app_t *a, int64_t org, int max, audit_t **out, int *n, err_t *e)
{
	*out = NULL;
	*n = 0;
	if (app_need(a, NEED_ADMIN, e) != 0)
		return -1;
	store_rc_t rc = store_audit_list(a->store, a->who.workspace_id, org, max, out, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}
