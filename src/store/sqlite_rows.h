/*
 * sqlite_rows.h — the SQLite backend's operations on each record type, which sqlite.c puts in
 * the backend's table of operations: organisations (sqlite_org.c), diagnoses (sqlite_diag.c),
 * drafts (sqlite_draft.c), the action plan (sqlite_plan.c), profiles and the pool
 * (sqlite_pool.c). Not part of the store interface: nothing outside src/store includes it.
 */
#ifndef MAMORU_STORE_SQLITE_ROWS_H
#define MAMORU_STORE_SQLITE_ROWS_H

#include "store/store.h"

store_rc_t sq_org_add(store_t *s, org_t *o);
store_rc_t sq_org_update(store_t *s, const org_t *o);
store_rc_t sq_org_get(store_t *s, int64_t id, org_t *out);
store_rc_t sq_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg);

store_rc_t sq_diag_add(store_t *s, stored_diag_t *sd);
store_rc_t sq_diag_get(store_t *s, int64_t id, stored_diag_t **out);
store_rc_t sq_diag_ids(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max, int64_t **ids, int *n);

store_rc_t sq_draft_put(store_t *s, const draft_t *d);
store_rc_t sq_draft_get(store_t *s, const char *id, draft_t *out);
store_rc_t sq_draft_delete(store_t *s, const char *id);

store_rc_t sq_plan_add(store_t *s, plan_item_t *p);
store_rc_t sq_plan_update(store_t *s, const plan_item_t *p);
store_rc_t sq_plan_get(store_t *s, int64_t id, plan_item_t *out);
store_rc_t sq_plan_list(store_t *s, int64_t org_id, plan_item_t **out, int *n);

store_rc_t sq_profile_add(store_t *s, int64_t org_id, const org_profile_t *p);
store_rc_t sq_profile_get(store_t *s, int64_t org_id, org_profile_t *out);
store_rc_t sq_member_get(store_t *s, int64_t org_id, const char *questionnaire, pool_member_t *out);
store_rc_t sq_member_put(store_t *s, int64_t org_id, const char *questionnaire, const pool_member_t *m);
store_rc_t sq_agg_add(store_t *s, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta);
store_rc_t sq_agg_sum(store_t *s, const pool_key_t *k, const char *from, pool_agg_t *out);
store_rc_t sq_agg_each(store_t *s, const char *from, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg);

#endif
