/*
 * pg.c — the PostgreSQL backend's connection: opening it (libpq, from a postgres:// URL),
 * checking or bringing its schema up to date (pg_migrations.c), and the table of operations
 * that store.c calls through. The operations on each record type are in pg_org.c, pg_diag.c,
 * pg_draft.c, pg_plan.c, pg_pool.c and pg_account.c; helpers in pg_util.c.
 *
 * One connection per store_t, as with SQLite: the web server opens one per thread, and any
 * number of app servers can share the database because everything a request needs (drafts,
 * sessions, links) is in it.
 */
#include "store/pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/pg_migrations.h"
#include "store/pg_rows.h"
#include "store/pg_util.h"

static void pg_close(store_t *s)
{
	pg_t *p = PG(s);
	PQfinish(p->conn);
	free(p);
}

static int pg_schema_version(store_t *s)
{
	int v = 0;
	pg_read_version(PG(s), &v);
	return v;
}

static const store_ops_t PG_OPS = {
	.name = "postgres",
	.close = pg_close,
	.schema_version = pg_schema_version,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.read_begin = pg_read_begin,
	.read_end = pg_read_end,
	.org_add = pg_org_add,
	.org_update = pg_org_update,
	.org_get = pg_org_get,
	.org_list = pg_org_list,
	.org_archive = pg_org_archive,
	.org_delete = pg_org_delete,
	.org_page = pg_org_page,
	.diag_add = pg_diag_add,
	.diag_get = pg_diag_get,
	.diag_ids = pg_diag_ids,
	.diag_delete = pg_diag_delete,
	.diag_created = pg_diag_created,
	.diag_summaries = pg_diag_summaries,
	.diag_cats = pg_diag_cats,
	.draft_put = pg_draft_put,
	.draft_get = pg_draft_get,
	.draft_delete = pg_draft_delete,
	.plan_add = pg_plan_add,
	.plan_update = pg_plan_update,
	.plan_get = pg_plan_get,
	.plan_list = pg_plan_list,
	.plan_page = pg_plan_page,
	.plan_delete = pg_plan_delete,
	.profile_add = pg_profile_add,
	.profile_get = pg_profile_get,
	.member_get = pg_member_get,
	.member_put = pg_member_put,
	.member_delete = pg_member_delete,
	.agg_add = pg_agg_add,
	.agg_sum = pg_agg_sum,
	.agg_each = pg_agg_each,
	.source_list = pg_source_list,
	.source_put = pg_source_put,
	.source_clear = pg_source_clear,
	.release_add = pg_release_add,
	.release_list = pg_release_list,
	.release_agg_put = pg_release_agg_put,
	.release_agg_get = pg_release_agg_get,
	.release_agg_each = pg_release_agg_each,
	.workspace_add = pg_workspace_add,
	.workspace_get = pg_workspace_get,
	.workspace_update = pg_workspace_update,
	.workspace_list = pg_workspace_list,
	.user_count = pg_user_count,
	.user_add = pg_user_add,
	.user_update = pg_user_update,
	.user_get = pg_user_get,
	.user_by_email = pg_user_by_email,
	.user_list = pg_user_list,
	.assign = pg_assign,
	.assigned = pg_assigned,
	.session_add = pg_session_add,
	.session_get = pg_session_get,
	.session_touch = pg_session_touch,
	.session_delete = pg_session_delete,
	.session_delete_user = pg_session_delete_user,
	.token_add = pg_token_add,
	.token_by_hash = pg_token_by_hash,
	.token_list = pg_token_list,
	.token_revoke = pg_token_revoke,
	.failures_get = pg_failures_get,
	.failures_put = pg_failures_put,
	.link_add = pg_link_add,
	.link_get = pg_link_get,
	.link_answer = pg_link_answer,
	.audit_add = pg_audit_add,
	.audit_list = pg_audit_list,
	.asset_add = pg_asset_add,
	.asset_update = pg_asset_update,
	.asset_get = pg_asset_get,
	.asset_delete = pg_asset_delete,
	.asset_list = pg_asset_list,
	.risk_add = pg_risk_add,
	.risk_update = pg_risk_update,
	.risk_get = pg_risk_get,
	.risk_delete = pg_risk_delete,
	.risk_list = pg_risk_list,
	.risk_counts = pg_risk_counts,
	.risk_settings_get = pg_risk_settings_get,
	.risk_settings_put = pg_risk_settings_put,
	.secaction_get = pg_secaction_get,
	.secaction_put = pg_secaction_put,
	.contractor_add = pg_contractor_add,
	.contractor_update = pg_contractor_update,
	.contractor_get = pg_contractor_get,
	.contractor_list = pg_contractor_list,
	.contractor_delete = pg_contractor_delete,
	.ctreq_add = pg_ctreq_add,
	.ctreq_get = pg_ctreq_get,
	.ctreq_by_link = pg_ctreq_by_link,
	.ctreq_list = pg_ctreq_list,
	.ctreq_review = pg_ctreq_review,
	.cloud_add = pg_cloud_add,
	.cloud_update = pg_cloud_update,
	.cloud_get = pg_cloud_get,
	.cloud_list = pg_cloud_list,
	.cloud_delete = pg_cloud_delete,
	.incident_add = pg_incident_add,
	.incident_update = pg_incident_update,
	.incident_get = pg_incident_get,
	.incident_list = pg_incident_list,
	.incident_page = pg_incident_page,
	.inc_step_add = pg_inc_step_add,
	.inc_step_update = pg_inc_step_update,
	.inc_step_delete = pg_inc_step_delete,
	.inc_steps = pg_inc_steps,
	.inc_event_add = pg_inc_event_add,
	.inc_events = pg_inc_events,
	.manual_get = pg_manual_get,
	.manual_put = pg_manual_put,
	.bcp_list = pg_bcp_list,
	.bcp_put = pg_bcp_put,
	.rows = pg_rows,
	.insert_row = pg_insert_row,
	.clear_table = pg_clear_table,
	.copy_done = pg_copy_done,
};

void pg_redact(const char *location, char *out, size_t size)
{
	snprintf(out, size, "%s", location);
	char *scheme = strstr(out, "://"), *at = scheme ? strchr(scheme + 3, '@') : NULL;
	char *colon = scheme ? strchr(scheme + 3, ':') : NULL;
	if (at && colon && colon < at) { /* user:password@ */
		size_t tail = strlen(at) + 1;
		if ((size_t)(colon + 4 - out) + tail <= size) {
			memmove(colon + 4, at, tail);
			memcpy(colon + 1, "***", 3);
		}
	}
}

static store_rc_t pg_open(const char *location, bool migrate, store_t **out, err_t *e)
{
	*out = NULL;
	char shown[512];
	pg_redact(location, shown, sizeof shown);
	pg_t *p = xcalloc(1, sizeof *p);
	p->base.ops = &PG_OPS;
	p->conn = PQconnectdb(location);
	if (!p->conn || PQstatus(p->conn) != CONNECTION_OK) {
		char why[300];
		snprintf(why, sizeof why, "%s", p->conn ? PQerrorMessage(p->conn) : "out of memory");
		why[strcspn(why, "\n")] = '\0';
		err_set(e, ERR_STORE, "db", "%s に接続できません: %s", "cannot connect to %s: %s", shown, why);
		pg_close(&p->base);
		return STORE_ERROR;
	}
	int version;
	store_rc_t rc = PQsetClientEncoding(p->conn, "UTF8") == 0 ? STORE_OK : pg_fail(p, STORE_ERROR, "client_encoding");
	if (rc == STORE_OK)
		rc = pg_exec(p, "SET search_path TO public; SET lock_timeout = '10s'", "settings");
	if (rc == STORE_OK)
		rc = pg_check_version(p, migrate, &version);
	if (rc == STORE_OK && (migrate || version == 0))
		rc = pg_migrate(p);
	if (rc != STORE_OK) {
		err_set(e, ERR_STORE, "db", "%.100s: %.400s%.0s", "%.100s: %.0s%.400s", shown, p->base.err.ja, p->base.err.en);
		pg_close(&p->base);
		return rc;
	}
	*out = &p->base;
	return STORE_OK;
}

static bool pg_matches(const char *location)
{
	return !strncmp(location, "postgres://", 11) || !strncmp(location, "postgresql://", 13);
}

const store_backend_t pg_backend = { .name = "postgres", .matches = pg_matches, .open = pg_open };
