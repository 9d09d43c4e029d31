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

void store_set_workspace(store_t *s, int64_t workspace) { s->workspace = workspace; }

store_rc_t store_begin(store_t *s) { return s->ops->begin(s); }
store_rc_t store_commit(store_t *s) { return s->ops->commit(s); }
void store_rollback(store_t *s) { s->ops->rollback(s); }
bool store_read_begin(store_t *s) { return s->ops->read_begin(s); }
void store_read_end(store_t *s, bool began) { s->ops->read_end(s, began); }
bool store_request_begin(store_t *s) { return s->ops->request_begin && s->ops->request_begin(s); }
void store_request_end(store_t *s, bool began)
{
	if (began)
		s->ops->request_end(s, began);
}
void store_defer_checkpoints(store_t *s)
{
	if (s->ops->defer_checkpoints)
		s->ops->defer_checkpoints(s);
}

store_rc_t store_org_add(store_t *s, org_t *o) { return s->ops->org_add(s, o); }
store_rc_t store_org_update(store_t *s, const org_t *o) { return s->ops->org_update(s, o); }
store_rc_t store_org_get(store_t *s, int64_t id, org_t *out) { return s->ops->org_get(s, id, out); }
store_rc_t store_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg) { return s->ops->org_list(s, fn, arg); }
store_rc_t store_org_archive(store_t *s, int64_t id, const char *archived, const char *updated)
{
	return s->ops->org_archive(s, id, archived, updated);
}
store_rc_t store_org_delete(store_t *s, int64_t id) { return s->ops->org_delete(s, id); }
store_rc_t store_org_page(store_t *s, const org_query_t *q, org_t **out, int *n, int64_t *matched, int64_t *all)
{
	return s->ops->org_page(s, q, out, n, matched, all);
}

store_rc_t store_diag_save(store_t *s, stored_diag_t *sd) { return s->ops->diag_add(s, sd); }

/* Consistent on its own in both backends (PostgreSQL: one UNION ALL of the row, its answers and
 * categories; SQLite: three statements in the request's read transaction or one of their own),
 * so no read transaction here: on PostgreSQL it cost two more round trips per result page. */
store_rc_t store_diag_get(store_t *s, int64_t id, stored_diag_t **out) { return s->ops->diag_get(s, id, out); }

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

store_rc_t store_diag_recent_summaries(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max,
				       diag_summary_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	bool began = store_read_begin(s);
	int64_t *ids = NULL;
	int count = 0;
	store_rc_t rc = s->ops->diag_ids(s, org_id, questionnaire, upto, max, &ids, &count);
	diag_summary_t *list = xcalloc((size_t)count + 1, sizeof *list);
	/* each by its id: the one summary row below id + 1 of the organisation is that diagnosis */
	for (int i = 0; rc == STORE_OK && i < count; i++) {
		diag_query_t q = { .org_id = org_id, .before = ids[i] + 1, .limit = 1 };
		diag_summary_t *row = NULL;
		int got = 0;
		rc = s->ops->diag_summaries(s, &q, &row, &got);
		if (rc == STORE_OK && (got != 1 || row[0].id != ids[i]))
			rc = STORE_ERROR; /* listed a moment ago and gone now: damage, as load_ids says */
		if (rc == STORE_OK)
			list[i] = row[0];
		free(row);
	}
	free(ids);
	store_read_end(s, began);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

store_rc_t store_diag_delete(store_t *s, int64_t id) { return s->ops->diag_delete(s, id); }
store_rc_t store_diag_created(store_t *s, int64_t id, char *out, size_t size) { return s->ops->diag_created(s, id, out, size); }
store_rc_t store_diag_each(store_t *s, int64_t org_id, bool (*fn)(const stored_diag_t *, void *), void *arg)
{
	bool began = store_read_begin(s);
	int64_t *ids = NULL;
	int count = 0;
	store_rc_t rc = s->ops->diag_ids(s, org_id, NULL, 0, 0, &ids, &count);
	for (int i = 0; i < count && rc == STORE_OK; i++) {
		stored_diag_t *d = NULL;
		rc = s->ops->diag_get(s, ids[i], &d);
		if (rc == STORE_NOT_FOUND) /* listed a moment ago: damage, as load_ids says */
			rc = STORE_ERROR;
		bool go = rc == STORE_OK && fn(d, arg);
		stored_diag_free(d);
		if (!go)
			break;
	}
	free(ids);
	store_read_end(s, began);
	return rc;
}

store_rc_t store_diag_summaries(store_t *s, const diag_query_t *q, diag_summary_t **out, int *n)
{
	return s->ops->diag_summaries(s, q, out, n);
}
store_rc_t store_diag_cats(store_t *s, int64_t id, sd_category_t **out, int *n) { return s->ops->diag_cats(s, id, out, n); }

store_rc_t store_draft_put(store_t *s, const draft_t *d) { return s->ops->draft_put(s, d); }
store_rc_t store_draft_get(store_t *s, const char *id, draft_t *out) { return s->ops->draft_get(s, id, out); }
store_rc_t store_draft_delete(store_t *s, const char *id) { return s->ops->draft_delete(s, id); }

store_rc_t store_plan_add(store_t *s, plan_item_t *p) { return s->ops->plan_add(s, p); }
store_rc_t store_plan_update(store_t *s, const plan_item_t *p) { return s->ops->plan_update(s, p); }
store_rc_t store_plan_get(store_t *s, int64_t id, plan_item_t *out) { return s->ops->plan_get(s, id, out); }
store_rc_t store_plan_list(store_t *s, int64_t org_id, plan_item_t **out, int *n) { return s->ops->plan_list(s, org_id, out, n); }
store_rc_t store_plan_page(store_t *s, int64_t org_id, int offset, int limit, plan_item_t **out, int *n, int *total)
{
	return s->ops->plan_page(s, org_id, offset, limit, out, n, total);
}
store_rc_t store_plan_delete(store_t *s, int64_t id) { return s->ops->plan_delete(s, id); }

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

store_rc_t store_member_delete(store_t *s, int64_t org_id, const char *questionnaire)
{
	return s->ops->member_delete(s, org_id, questionnaire);
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

store_rc_t store_source_list(store_t *s, pool_source_t **out, int *n) { return s->ops->source_list(s, out, n); }
store_rc_t store_source_put(store_t *s, pool_source_t *src) { return s->ops->source_put(s, src); }
store_rc_t store_source_clear(store_t *s, int64_t id) { return s->ops->source_clear(s, id); }
store_rc_t store_release_add(store_t *s, pool_release_t *r) { return s->ops->release_add(s, r); }
store_rc_t store_release_list(store_t *s, const char *from, pool_release_t **out, int *n)
{
	return s->ops->release_list(s, from, out, n);
}
store_rc_t store_release_agg_put(store_t *s, int64_t release, const pool_key_t *k, const pool_agg_t *a)
{
	return s->ops->release_agg_put(s, release, k, a);
}
store_rc_t store_release_agg_get(store_t *s, int64_t release, const pool_key_t *k, pool_agg_t *out)
{
	return s->ops->release_agg_get(s, release, k, out);
}
store_rc_t store_release_agg_each(store_t *s, int64_t release, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *),
				  void *arg)
{
	bool began = store_read_begin(s);
	store_rc_t rc = s->ops->release_agg_each(s, release, fn, arg);
	store_read_end(s, began);
	return rc;
}

store_rc_t store_workspace_add(store_t *s, workspace_t *w) { return s->ops->workspace_add(s, w); }
store_rc_t store_workspace_get(store_t *s, int64_t id, workspace_t *out) { return s->ops->workspace_get(s, id, out); }
store_rc_t store_workspace_update(store_t *s, const workspace_t *w) { return s->ops->workspace_update(s, w); }
store_rc_t store_workspace_list(store_t *s, workspace_t **out, int *n) { return s->ops->workspace_list(s, out, n); }
store_rc_t store_user_count(store_t *s, int64_t *n) { return s->ops->user_count(s, n); }
store_rc_t store_user_add(store_t *s, user_t *u) { return s->ops->user_add(s, u); }
store_rc_t store_user_update(store_t *s, const user_t *u) { return s->ops->user_update(s, u); }
store_rc_t store_user_get(store_t *s, int64_t id, user_t *out) { return s->ops->user_get(s, id, out); }
store_rc_t store_user_by_email(store_t *s, const char *email, user_t *out) { return s->ops->user_by_email(s, email, out); }
store_rc_t store_user_list(store_t *s, int64_t workspace, user_t **out, int *n) { return s->ops->user_list(s, workspace, out, n); }
store_rc_t store_assign(store_t *s, int64_t user_id, int64_t org_id, bool assigned) { return s->ops->assign(s, user_id, org_id, assigned); }
store_rc_t store_assigned(store_t *s, int64_t user_id, int64_t org_id, bool *yes) { return s->ops->assigned(s, user_id, org_id, yes); }
store_rc_t store_session_add(store_t *s, const session_t *ss) { return s->ops->session_add(s, ss); }
store_rc_t store_session_get(store_t *s, const char *id_hash, session_t *out) { return s->ops->session_get(s, id_hash, out); }
store_rc_t store_session_touch(store_t *s, const char *id_hash, int64_t seen, bool second_factor)
{
	return s->ops->session_touch(s, id_hash, seen, second_factor);
}
store_rc_t store_session_delete(store_t *s, const char *id_hash) { return s->ops->session_delete(s, id_hash); }
store_rc_t store_session_delete_user(store_t *s, int64_t user_id) { return s->ops->session_delete_user(s, user_id); }
store_rc_t store_token_add(store_t *s, token_t *t) { return s->ops->token_add(s, t); }
store_rc_t store_token_by_hash(store_t *s, const char *hash, token_t *out) { return s->ops->token_by_hash(s, hash, out); }
store_rc_t store_token_list(store_t *s, int64_t workspace, int64_t user_id, token_t **out, int *n)
{
	return s->ops->token_list(s, workspace, user_id, out, n);
}
store_rc_t store_token_revoke(store_t *s, int64_t id, const char *at) { return s->ops->token_revoke(s, id, at); }
store_rc_t store_failures_get(store_t *s, const char *key, int *count, int64_t *first_at) { return s->ops->failures_get(s, key, count, first_at); }
store_rc_t store_failures_put(store_t *s, const char *key, int count, int64_t first_at) { return s->ops->failures_put(s, key, count, first_at); }
store_rc_t store_link_add(store_t *s, const link_t *l) { return s->ops->link_add(s, l); }
store_rc_t store_link_get(store_t *s, const char *hash, link_t *out) { return s->ops->link_get(s, hash, out); }
store_rc_t store_link_answer(store_t *s, const char *hash, int64_t diagnosis_id) { return s->ops->link_answer(s, hash, diagnosis_id); }
store_rc_t store_audit_add(store_t *s, audit_t *a) { return s->ops->audit_add(s, a); }
store_rc_t store_audit_list(store_t *s, int64_t workspace, int64_t org, int max, audit_t **out, int *n)
{
	return s->ops->audit_list(s, workspace, org, max, out, n);
}

store_rc_t store_asset_add(store_t *s, asset_t *a) { return s->ops->asset_add(s, a); }
store_rc_t store_asset_update(store_t *s, const asset_t *a) { return s->ops->asset_update(s, a); }
store_rc_t store_asset_get(store_t *s, int64_t id, asset_t *out) { return s->ops->asset_get(s, id, out); }
store_rc_t store_asset_delete(store_t *s, int64_t id) { return s->ops->asset_delete(s, id); }
store_rc_t store_asset_list(store_t *s, int64_t org_id, const asset_query_t *q, bool (*fn)(const asset_t *, void *), void *arg,
			    int64_t *total)
{
	bool began = store_read_begin(s); /* the page and its count from one view */
	store_rc_t rc = s->ops->asset_list(s, org_id, q, fn, arg, total);
	store_read_end(s, began);
	return rc;
}
store_rc_t store_risk_add(store_t *s, risk_rec_t *r) { return s->ops->risk_add(s, r); }
store_rc_t store_risk_update(store_t *s, const risk_rec_t *r) { return s->ops->risk_update(s, r); }
store_rc_t store_risk_get(store_t *s, int64_t id, risk_rec_t *out) { return s->ops->risk_get(s, id, out); }
store_rc_t store_risk_delete(store_t *s, int64_t id) { return s->ops->risk_delete(s, id); }
store_rc_t store_risk_list(store_t *s, int64_t org_id, const risk_query_t *q, bool (*fn)(const risk_rec_t *, void *), void *arg,
			   int64_t *total)
{
	bool began = store_read_begin(s);
	store_rc_t rc = s->ops->risk_list(s, org_id, q, fn, arg, total);
	store_read_end(s, began);
	return rc;
}
store_rc_t store_risk_counts(store_t *s, int64_t org_id, bool residual, int64_t counts[RISK_FREQS][RISK_IMPACTS])
{
	return s->ops->risk_counts(s, org_id, residual, counts);
}
store_rc_t store_risk_settings_get(store_t *s, int64_t org_id, risk_settings_t *out) { return s->ops->risk_settings_get(s, org_id, out); }
store_rc_t store_risk_settings_put(store_t *s, int64_t org_id, const risk_settings_t *in) { return s->ops->risk_settings_put(s, org_id, in); }
store_rc_t store_secaction_get(store_t *s, int64_t org_id, secaction_t *out) { return s->ops->secaction_get(s, org_id, out); }
store_rc_t store_secaction_put(store_t *s, int64_t org_id, const secaction_t *in) { return s->ops->secaction_put(s, org_id, in); }
store_rc_t store_contractor_add(store_t *s, contractor_t *c) { return s->ops->contractor_add(s, c); }
store_rc_t store_contractor_update(store_t *s, const contractor_t *c) { return s->ops->contractor_update(s, c); }
store_rc_t store_contractor_get(store_t *s, int64_t id, contractor_t *out) { return s->ops->contractor_get(s, id, out); }
store_rc_t store_contractor_list(store_t *s, int64_t org_id, contractor_t **out, int *n) { return s->ops->contractor_list(s, org_id, out, n); }
store_rc_t store_contractor_delete(store_t *s, int64_t id) { return s->ops->contractor_delete(s, id); }
store_rc_t store_ctreq_add(store_t *s, ct_request_t *r) { return s->ops->ctreq_add(s, r); }
store_rc_t store_ctreq_get(store_t *s, int64_t id, ct_request_t *out) { return s->ops->ctreq_get(s, id, out); }
store_rc_t store_ctreq_by_link(store_t *s, const char *link_hash, ct_request_t *out) { return s->ops->ctreq_by_link(s, link_hash, out); }
store_rc_t store_ctreq_list(store_t *s, int64_t contractor_id, ct_request_t **out, int *n) { return s->ops->ctreq_list(s, contractor_id, out, n); }
store_rc_t store_ctreq_review(store_t *s, const ct_request_t *r) { return s->ops->ctreq_review(s, r); }
store_rc_t store_cloud_add(store_t *s, cloud_service_t *c) { return s->ops->cloud_add(s, c); }
store_rc_t store_cloud_update(store_t *s, const cloud_service_t *c) { return s->ops->cloud_update(s, c); }
store_rc_t store_cloud_get(store_t *s, int64_t id, cloud_service_t *out) { return s->ops->cloud_get(s, id, out); }
store_rc_t store_cloud_list(store_t *s, int64_t org_id, cloud_service_t **out, int *n) { return s->ops->cloud_list(s, org_id, out, n); }
store_rc_t store_cloud_delete(store_t *s, int64_t id) { return s->ops->cloud_delete(s, id); }
store_rc_t store_incident_add(store_t *s, incident_t *x) { return s->ops->incident_add(s, x); }
store_rc_t store_incident_update(store_t *s, const incident_t *x) { return s->ops->incident_update(s, x); }
store_rc_t store_incident_get(store_t *s, int64_t id, incident_t *out) { return s->ops->incident_get(s, id, out); }
store_rc_t store_incident_list(store_t *s, int64_t org_id, incident_t **out, int *n) { return s->ops->incident_list(s, org_id, out, n); }
store_rc_t store_incident_page(store_t *s, int64_t org_id, int offset, int limit, incident_t **out, int *n, int *total)
{
	return s->ops->incident_page(s, org_id, offset, limit, out, n, total);
}
store_rc_t store_inc_step_add(store_t *s, inc_step_rec_t *st) { return s->ops->inc_step_add(s, st); }
store_rc_t store_inc_step_update(store_t *s, const inc_step_rec_t *st) { return s->ops->inc_step_update(s, st); }
store_rc_t store_inc_step_delete(store_t *s, int64_t id) { return s->ops->inc_step_delete(s, id); }
store_rc_t store_inc_steps(store_t *s, int64_t incident_id, inc_step_rec_t **out, int *n) { return s->ops->inc_steps(s, incident_id, out, n); }
store_rc_t store_inc_event_add(store_t *s, inc_event_t *ev) { return s->ops->inc_event_add(s, ev); }
store_rc_t store_inc_events(store_t *s, int64_t incident_id, inc_event_t **out, int *n) { return s->ops->inc_events(s, incident_id, out, n); }
store_rc_t store_manual_get(store_t *s, int64_t org_id, inc_manual_t *out) { return s->ops->manual_get(s, org_id, out); }
store_rc_t store_manual_put(store_t *s, int64_t org_id, const inc_manual_t *in) { return s->ops->manual_put(s, org_id, in); }
store_rc_t store_bcp_list(store_t *s, int64_t org_id, inc_bcp_t **out, int *n) { return s->ops->bcp_list(s, org_id, out, n); }
store_rc_t store_bcp_put(store_t *s, int64_t org_id, const inc_bcp_t *in) { return s->ops->bcp_put(s, org_id, in); }
