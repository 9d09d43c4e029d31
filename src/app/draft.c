/*
 * draft.c — see draft.h.
 */
#include "app/draft.h"

#include <string.h>

#include "app/access.h"

int app_draft_get(app_t *a, const char *id, const char *questionnaire, draft_t *out, bool *found, err_t *e)
{
	*found = false;
	if (app_need(a, NEED_WRITE, e) != 0)
		return -1;
	store_rc_t rc = store_draft_get(a->store, id, out);
	*found = rc == STORE_OK && !strcmp(out->questionnaire, questionnaire);
	return rc == STORE_OK || rc == STORE_NOT_FOUND ? 0 : app_store_fail(a, rc, e);
}

int app_draft_put(app_t *a, draft_t *d, err_t *e)
{
	if (app_need(a, NEED_WRITE, e) != 0)
		return -1;
	app_now_iso(a, d->updated);
	store_rc_t rc = store_draft_put(a->store, d);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_draft_delete(app_t *a, const char *id, err_t *e)
{
	store_rc_t rc = store_draft_delete(a->store, id);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}
