/*
 * store.c — the backend-neutral half of store.h: the functions every caller uses, which pass
 * each operation to the backend's table (the backend is chosen in backends.c). Loading several snapshots (a history, the last five results) is built here from the
 * backends' two primitives, the ids and one record, inside one read transaction.
 */
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

void store_close(store_t *s)
{
	if (s)
		s->ops->close(s);
}

const char *store_backend_name(const store_t *s) { return s->ops->name; }
int store_schema_version(store_t *s) { return s->ops->schema_version(s); }
const err_t *store_err(const store_t *s) { return &s->err; }
const char *store_error(const store_t *s) { return s->err.en; }

store_rc_t store_begin(store_t *s) { return s->ops->begin(s); }
store_rc_t store_commit(store_t *s) { return s->ops->commit(s); }
void store_rollback(store_t *s) { s->ops->rollback(s); }
bool store_read_begin(store_t *s) { return s->ops->read_begin(s); }
void store_read_end(store_t *s, bool began) { s->ops->read_end(s, began); }

store_rc_t store_org_add(store_t *s, org_t *o) { return s->ops->org_add(s, o); }
store_rc_t store_org_update(store_t *s, const org_t *o) { return s->ops->org_update(s, o); }
store_rc_t store_org_get(store_t *s, int64_t id, org_t *out) { return s->ops->org_get(s, id, out); }
store_rc_t store_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg) { return s->ops->org_list(s, fn, arg); }

store_rc_t store_diag_save(store_t *s, stored_diag_t *sd) { return s->ops->diag_add(s, sd); }

store_rc_t store_diag_get(store_t *s, int64_t id, stored_diag_t **out)
{
	bool began = store_read_begin(s);
	store_rc_t rc = s->ops->diag_get(s, id, out);
	store_read_end(s, began);
	return rc;
}

/* The snapshots with these ids, in their order; all or none. */
static store_rc_t load_ids(store_t *s, const int64_t *ids, int n, stored_diag_t ***out, int *count)
{
	stored_diag_t **list = xcalloc((size_t)n, sizeof *list);
	store_rc_t rc = STORE_OK;
	int got = 0;
	for (; got < n; got++)
		if ((rc = s->ops->diag_get(s, ids[got], &list[got])) != STORE_OK)
			break;
	if (rc != STORE_OK) {
		stored_diag_list_free(list, got);
		/* a row listed a moment ago and gone now is a damaged database, not "not found" */
		return rc == STORE_NOT_FOUND ? STORE_ERROR : rc;
	}
	*out = list;
	*count = n;
	return STORE_OK;
}

static store_rc_t load_list(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max,
			    stored_diag_t ***out, int *n)
{
	*out = NULL;
	*n = 0;
	bool began = store_read_begin(s);
	int64_t *ids = NULL;
	int count = 0;
	store_rc_t rc = s->ops->diag_ids(s, org_id, questionnaire, upto, max, &ids, &count);
	if (rc == STORE_OK)
		rc = load_ids(s, ids, count, out, n);
	free(ids);
	store_read_end(s, began);
	return rc;
}

store_rc_t store_diag_list(store_t *s, int64_t org_id, stored_diag_t ***out, int *n)
{
	return load_list(s, org_id, NULL, 0, 0, out, n);
}

store_rc_t store_diag_recent(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max,
			     stored_diag_t ***out, int *n)
{
	return load_list(s, org_id, questionnaire, upto, max, out, n);
}

store_rc_t store_diag_latest(store_t *s, int64_t org_id, stored_diag_t **out)
{
	stored_diag_t **list;
	int n;
	*out = NULL;
	store_rc_t rc = load_list(s, org_id, NULL, 0, 1, &list, &n);
	if (rc != STORE_OK)
		return rc;
	if (n == 0) {
		free(list);
		return STORE_NOT_FOUND;
	}
	*out = list[0];
	free(list);
	return STORE_OK;
}

store_rc_t store_draft_put(store_t *s, const draft_t *d) { return s->ops->draft_put(s, d); }
store_rc_t store_draft_get(store_t *s, const char *id, draft_t *out) { return s->ops->draft_get(s, id, out); }
store_rc_t store_draft_delete(store_t *s, const char *id) { return s->ops->draft_delete(s, id); }

store_rc_t store_plan_add(store_t *s, plan_item_t *p) { return s->ops->plan_add(s, p); }
store_rc_t store_plan_update(store_t *s, const plan_item_t *p) { return s->ops->plan_update(s, p); }
store_rc_t store_plan_get(store_t *s, int64_t id, plan_item_t *out) { return s->ops->plan_get(s, id, out); }
store_rc_t store_plan_list(store_t *s, int64_t org_id, plan_item_t **out, int *n) { return s->ops->plan_list(s, org_id, out, n); }

store_rc_t store_profile_add(store_t *s, int64_t org_id, const org_profile_t *p) { return s->ops->profile_add(s, org_id, p); }
store_rc_t store_profile_get(store_t *s, int64_t org_id, org_profile_t *out) { return s->ops->profile_get(s, org_id, out); }

store_rc_t store_member_get(store_t *s, int64_t org_id, const char *questionnaire, pool_member_t *out)
{
	return s->ops->member_get(s, org_id, questionnaire, out);
}

store_rc_t store_member_put(store_t *s, int64_t org_id, const char *questionnaire, const pool_member_t *m)
{
	return s->ops->member_put(s, org_id, questionnaire, m);
}

store_rc_t store_agg_add(store_t *s, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta)
{
	return s->ops->agg_add(s, k, month, origin, delta);
}

store_rc_t store_pool_agg(store_t *s, const pool_key_t *k, const char *from, pool_agg_t *out)
{
	return s->ops->agg_sum(s, k, from, out);
}

store_rc_t store_pool_each(store_t *s, const char *from, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg)
{
	bool began = store_read_begin(s);
	store_rc_t rc = s->ops->agg_each(s, from, fn, arg);
	store_read_end(s, began);
	return rc;
}
