/*
 * pg_rows.h — the PostgreSQL backend's operations on each record type, which pg.c puts in the
 * backend's table of operations: organisations (pg_org.c), diagnoses (pg_diag.c), drafts
 * (pg_draft.c), the action plan (pg_plan.c), profiles and the pool (pg_pool.c), accounts
 * (pg_account.c). Not part of the store interface: nothing outside src/store includes it.
 */
#ifndef MAMORU_STORE_PG_ROWS_H
#define MAMORU_STORE_PG_ROWS_H

#include "store/store.h"

store_rc_t pg_org_add(store_t *s, org_t *o);
store_rc_t pg_org_update(store_t *s, const org_t *o);
store_rc_t pg_org_get(store_t *s, int64_t id, org_t *out);
store_rc_t pg_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg);
store_rc_t pg_org_archive(store_t *s, int64_t id, const char *archived, const char *updated);
store_rc_t pg_org_delete(store_t *s, int64_t id);
store_rc_t pg_org_page(store_t *s, const org_query_t *q, org_t **out, int *n, int64_t *matched, int64_t *all);

store_rc_t pg_diag_add(store_t *s, stored_diag_t *sd);
store_rc_t pg_diag_get(store_t *s, int64_t id, stored_diag_t **out);
store_rc_t pg_diag_ids(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max, int64_t **ids, int *n);
store_rc_t pg_diag_delete(store_t *s, int64_t id);
store_rc_t pg_diag_created(store_t *s, int64_t id, char *out, size_t size);
store_rc_t pg_diag_summaries(store_t *s, const diag_query_t *q, diag_summary_t **out, int *n);
store_rc_t pg_diag_cats(store_t *s, int64_t id, sd_category_t **out, int *n);

store_rc_t pg_draft_put(store_t *s, const draft_t *d);
store_rc_t pg_draft_get(store_t *s, const char *id, draft_t *out);
store_rc_t pg_draft_delete(store_t *s, const char *id);

store_rc_t pg_plan_add(store_t *s, plan_item_t *p);
store_rc_t pg_plan_update(store_t *s, const plan_item_t *p);
store_rc_t pg_plan_get(store_t *s, int64_t id, plan_item_t *out);
store_rc_t pg_plan_list(store_t *s, int64_t org_id, plan_item_t **out, int *n);
store_rc_t pg_plan_page(store_t *s, int64_t org_id, int offset, int limit, plan_item_t **out, int *n, int *total);
store_rc_t pg_plan_delete(store_t *s, int64_t id);

store_rc_t pg_profile_add(store_t *s, int64_t org_id, const org_profile_t *p);
store_rc_t pg_profile_get(store_t *s, int64_t org_id, org_profile_t *out);
store_rc_t pg_member_get(store_t *s, int64_t org_id, const char *questionnaire, pool_member_t *out);
store_rc_t pg_member_put(store_t *s, int64_t org_id, const char *questionnaire, const pool_member_t *m);
store_rc_t pg_member_delete(store_t *s, int64_t org_id, const char *questionnaire);
store_rc_t pg_agg_add(store_t *s, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta);
store_rc_t pg_agg_sum(store_t *s, const pool_key_t *k, const char *from, pool_agg_t *out);
store_rc_t pg_agg_each(store_t *s, const char *from, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg);
/* pg_release.c: the pool's sources and releases */
store_rc_t pg_source_list(store_t *s, pool_source_t **out, int *n);
store_rc_t pg_source_put(store_t *s, pool_source_t *src);
store_rc_t pg_source_clear(store_t *s, int64_t id);
store_rc_t pg_release_add(store_t *s, pool_release_t *r);
store_rc_t pg_release_list(store_t *s, const char *from, pool_release_t **out, int *n);
store_rc_t pg_release_agg_put(store_t *s, int64_t release, const pool_key_t *k, const pool_agg_t *a);
store_rc_t pg_release_agg_get(store_t *s, int64_t release, const pool_key_t *k, pool_agg_t *out);
store_rc_t pg_release_agg_each(store_t *s, int64_t release, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *),
			       void *arg);

store_rc_t pg_workspace_add(store_t *s, workspace_t *w);
store_rc_t pg_workspace_get(store_t *s, int64_t id, workspace_t *out);
store_rc_t pg_workspace_update(store_t *s, const workspace_t *w);
store_rc_t pg_workspace_list(store_t *s, workspace_t **out, int *n);
store_rc_t pg_user_count(store_t *s, int64_t *n);
store_rc_t pg_user_add(store_t *s, user_t *u);
store_rc_t pg_user_update(store_t *s, const user_t *u);
store_rc_t pg_user_get(store_t *s, int64_t id, user_t *out);
store_rc_t pg_user_by_email(store_t *s, const char *email, user_t *out);
store_rc_t pg_user_list(store_t *s, int64_t workspace, user_t **out, int *n);
store_rc_t pg_assign(store_t *s, int64_t user_id, int64_t org_id, bool assigned);
store_rc_t pg_assigned(store_t *s, int64_t user_id, int64_t org_id, bool *yes);
store_rc_t pg_session_add(store_t *s, const session_t *ss);
store_rc_t pg_session_get(store_t *s, const char *id_hash, session_t *out);
store_rc_t pg_session_touch(store_t *s, const char *id_hash, int64_t seen, bool second_factor);
store_rc_t pg_session_delete(store_t *s, const char *id_hash);
store_rc_t pg_session_delete_user(store_t *s, int64_t user_id);
store_rc_t pg_token_add(store_t *s, token_t *t);
store_rc_t pg_token_by_hash(store_t *s, const char *hash, token_t *out);
store_rc_t pg_token_list(store_t *s, int64_t workspace, int64_t user_id, token_t **out, int *n);
store_rc_t pg_token_revoke(store_t *s, int64_t id, const char *at);
store_rc_t pg_failures_get(store_t *s, const char *key, int *count, int64_t *first_at);
store_rc_t pg_failures_put(store_t *s, const char *key, int count, int64_t first_at);
store_rc_t pg_link_add(store_t *s, const link_t *l);
store_rc_t pg_link_get(store_t *s, const char *hash, link_t *out);
store_rc_t pg_link_answer(store_t *s, const char *hash, int64_t diagnosis_id);
store_rc_t pg_audit_add(store_t *s, audit_t *a);
store_rc_t pg_audit_list(store_t *s, int64_t workspace, int64_t org, int max, audit_t **out, int *n);

/* pg_asset.c: the asset ledger, the risk register, risk settings */
store_rc_t pg_asset_add(store_t *s, asset_t *a);
store_rc_t pg_asset_update(store_t *s, const asset_t *a);
store_rc_t pg_asset_get(store_t *s, int64_t id, asset_t *out);
store_rc_t pg_asset_delete(store_t *s, int64_t id);
store_rc_t pg_asset_list(store_t *s, int64_t org_id, const asset_query_t *q, bool (*fn)(const asset_t *, void *), void *arg,
			 int64_t *total);
store_rc_t pg_risk_add(store_t *s, risk_rec_t *r);
store_rc_t pg_risk_update(store_t *s, const risk_rec_t *r);
store_rc_t pg_risk_get(store_t *s, int64_t id, risk_rec_t *out);
store_rc_t pg_risk_delete(store_t *s, int64_t id);
store_rc_t pg_risk_list(store_t *s, int64_t org_id, const risk_query_t *q, bool (*fn)(const risk_rec_t *, void *), void *arg,
			int64_t *total);
store_rc_t pg_risk_counts(store_t *s, int64_t org_id, bool residual, int64_t counts[RISK_FREQS][RISK_IMPACTS]);
store_rc_t pg_risk_settings_get(store_t *s, int64_t org_id, risk_settings_t *out);
store_rc_t pg_risk_settings_put(store_t *s, int64_t org_id, const risk_settings_t *in);

/* pg_secaction.c */
store_rc_t pg_secaction_get(store_t *s, int64_t org_id, secaction_t *out);
store_rc_t pg_secaction_put(store_t *s, int64_t org_id, const secaction_t *in);
/* pg_incident.c: incidents, their steps and timeline, the emergency manual, the IT-BCP checklist */
store_rc_t pg_incident_add(store_t *s, incident_t *x);
store_rc_t pg_incident_update(store_t *s, const incident_t *x);
store_rc_t pg_incident_get(store_t *s, int64_t id, incident_t *out);
store_rc_t pg_incident_list(store_t *s, int64_t org_id, incident_t **out, int *n);
store_rc_t pg_incident_page(store_t *s, int64_t org_id, int offset, int limit, incident_t **out, int *n, int *total);
store_rc_t pg_inc_step_add(store_t *s, inc_step_rec_t *st);
store_rc_t pg_inc_step_update(store_t *s, const inc_step_rec_t *st);
store_rc_t pg_inc_step_delete(store_t *s, int64_t id);
store_rc_t pg_inc_steps(store_t *s, int64_t incident_id, inc_step_rec_t **out, int *n);
store_rc_t pg_inc_event_add(store_t *s, inc_event_t *ev);
store_rc_t pg_inc_events(store_t *s, int64_t incident_id, inc_event_t **out, int *n);
store_rc_t pg_manual_get(store_t *s, int64_t org_id, inc_manual_t *out);
store_rc_t pg_manual_put(store_t *s, int64_t org_id, const inc_manual_t *in);
store_rc_t pg_bcp_list(store_t *s, int64_t org_id, inc_bcp_t **out, int *n);
store_rc_t pg_bcp_put(store_t *s, int64_t org_id, const inc_bcp_t *in);

/* pg_contractor.c: contractors, the items sent to them, cloud services */
store_rc_t pg_contractor_add(store_t *s, contractor_t *c);
store_rc_t pg_contractor_update(store_t *s, const contractor_t *c);
store_rc_t pg_contractor_get(store_t *s, int64_t id, contractor_t *out);
store_rc_t pg_contractor_list(store_t *s, int64_t org_id, contractor_t **out, int *n);
store_rc_t pg_contractor_delete(store_t *s, int64_t id);
store_rc_t pg_ctreq_add(store_t *s, ct_request_t *r);
store_rc_t pg_ctreq_get(store_t *s, int64_t id, ct_request_t *out);
store_rc_t pg_ctreq_by_link(store_t *s, const char *link_hash, ct_request_t *out);
store_rc_t pg_ctreq_list(store_t *s, int64_t contractor_id, ct_request_t **out, int *n);
store_rc_t pg_ctreq_review(store_t *s, const ct_request_t *r);
store_rc_t pg_cloud_add(store_t *s, cloud_service_t *c);
store_rc_t pg_cloud_update(store_t *s, const cloud_service_t *c);
store_rc_t pg_cloud_get(store_t *s, int64_t id, cloud_service_t *out);
store_rc_t pg_cloud_list(store_t *s, int64_t org_id, cloud_service_t **out, int *n);
store_rc_t pg_cloud_delete(store_t *s, int64_t id);

/* pg_copy.c: whole tables for mamoru copy */
store_rc_t pg_rows(store_t *s, const store_table_t *t, bool (*fn)(int n, const store_value_t *v, void *), void *arg);
store_rc_t pg_insert_row(store_t *s, const store_table_t *t, int n, const store_value_t *v);
store_rc_t pg_clear_table(store_t *s, const store_table_t *t);
store_rc_t pg_copy_done(store_t *s);

#endif
