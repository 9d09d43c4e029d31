/*
 * router.c — the route table and the one place where a route's needs are checked. Each route
 * declares its method and path pattern ({} matches one path segment, which reaches the handler
 * as args[i]), whether it is an HTML page or a JSON endpoint, and what must hold before its
 * handler runs: a CSRF token for a form post, an organisation that exists for /…/{id}, a JSON
 * object as the body, and who may call it. web_route enforces all of it, so no handler repeats
 * a check and none can forget one.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app/access.h"
#include "app/account.h"
#include "app/org.h"
#include "web/heavy.h"
#include "web/pages.h"

static const route_t ROUTES[] = {
	{ "GET", "/healthz", api_healthz, R_API, ACCESS_PUBLIC },
	{ "GET", "/setup", page_setup, 0, ACCESS_PUBLIC },
	{ "POST", "/setup", page_setup_post, R_CSRF, ACCESS_PUBLIC },
	{ "GET", "/login", page_login, 0, ACCESS_PUBLIC },
	{ "POST", "/login", page_login_post, R_CSRF, ACCESS_PUBLIC },
	{ "POST", "/logout", page_logout, R_CSRF, ACCESS_USER },
	{ "GET", "/account", page_account, 0, ACCESS_USER },
	{ "POST", "/account/totp", page_account_totp, R_CSRF, ACCESS_USER },
	{ "GET", "/users", page_users, 0, ACCESS_ADMIN },
	{ "POST", "/users", page_users_add, R_CSRF, ACCESS_ADMIN },
	{ "POST", "/users/{}", page_users_change, R_ID | R_CSRF, ACCESS_ADMIN },
	{ "POST", "/workspace", page_workspace_change, R_CSRF, ACCESS_ADMIN },
	{ "GET", "/audit", page_audit, 0, ACCESS_ADMIN },
	{ "GET", "/r/{}", page_link, 0, ACCESS_PUBLIC },
	{ "POST", "/r/{}", page_link_post, R_CSRF, ACCESS_PUBLIC },
	{ "POST", "/organizations/{}/links", page_link_create, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/", page_home, 0, ACCESS_USER },
	{ "GET", "/clients/compare", page_clients_compare, 0, ACCESS_USER },
	{ "GET", "/organizations/new", page_org_new, 0, ACCESS_ORG_CREATE },
	{ "POST", "/organizations", page_org_create, R_CSRF, ACCESS_ORG_CREATE },
	{ "GET", "/organizations/{}", page_org_show, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}", page_org_update, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/history", page_history, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/profile", page_profile, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/profile", page_profile_post, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/plan/new", page_plan_new, R_ORG, ACCESS_WRITE },
	{ "POST", "/organizations/{}/plan", page_plan_create, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/plan/save", page_plan_save, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/security-action", page_secaction, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/security-action/rules", page_secaction_rules, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/security-action/policy", page_secaction_policy, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/security-action/policy", page_secaction_print, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/security-action.pdf", page_report_secaction_pdf, R_ORG, ACCESS_USER },
	{ "POST", "/plan/{}", page_plan_update, R_ID | R_CSRF, ACCESS_WRITE },
	{ "POST", "/plan/{}/delete", page_plan_delete, R_ID | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/pool/withdraw", page_pool_withdraw, R_ORG | R_CSRF, ACCESS_WRITE },
	/* the asset ledger and the risk register: the named paths before …/{} */
	{ "GET", "/organizations/{}/assets", page_assets, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/assets", page_asset_create, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/assets/new", page_asset_new, R_ORG, ACCESS_WRITE },
	{ "GET", "/organizations/{}/assets/export", page_asset_export, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/assets/import", page_asset_import, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/assets/starter", page_asset_starter, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/assets/{}", page_asset, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/assets/{}", page_asset_update, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/assets/{}/delete", page_asset_delete, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/risks", page_risks, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/risks", page_risk_create, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/risks/new", page_risk_new, R_ORG, ACCESS_WRITE },
	{ "POST", "/organizations/{}/risks/matrix", page_risk_matrix_post, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/risks/{}", page_risk, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/risks/{}", page_risk_update, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/risks/{}/delete", page_risk_delete, R_ORG | R_CSRF, ACCESS_WRITE },
	/* contractors and cloud services (docs/contractors.md): the named paths before …/{} */
	{ "GET", "/organizations/{}/contractors", page_contractors, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/contractors", page_contractor_create, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/contractors/{}", page_contractor, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/contractors/{}", page_contractor_update, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/contractors/{}/delete", page_contractor_delete, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/contractors/{}/send", page_contractor_send, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/contractors/{}/requests/{}/review", page_contractor_review, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/contractors/{}/clause", page_contractor_clause, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/cloud", page_clouds, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/contractors/{}/clause.pdf", page_contractor_clause_pdf, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/cloud", page_cloud_create, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/cloud/{}", page_cloud, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/cloud/{}", page_cloud_update, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/cloud/{}/delete", page_cloud_delete, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/cloud/{}/check", page_cloud_check, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/contractors", api_contractors, R_API | R_ORG, ACCESS_USER },
	{ "POST", "/api/v1/organizations/{}/contractors", api_contractor_create, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/contractors/{}", api_contractor_get, R_API | R_ORG, ACCESS_USER },
	{ "PUT", "/api/v1/organizations/{}/contractors/{}", api_contractor_put, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "DELETE", "/api/v1/organizations/{}/contractors/{}", api_contractor_delete, R_API | R_ORG, ACCESS_WRITE },
	{ "POST", "/api/v1/organizations/{}/contractors/{}/requests", api_contractor_send, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "POST", "/api/v1/organizations/{}/contractors/{}/requests/{}/review", api_contractor_review, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/contractors/{}/clause", api_contractor_clause, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/cloud", api_clouds, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/contractors/{}/clause.pdf", page_contractor_clause_pdf, R_API | R_ORG, ACCESS_USER },
	{ "POST", "/api/v1/organizations/{}/cloud", api_cloud_create, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/cloud/{}", api_cloud_get, R_API | R_ORG, ACCESS_USER },
	{ "PUT", "/api/v1/organizations/{}/cloud/{}", api_cloud_put, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "DELETE", "/api/v1/organizations/{}/cloud/{}", api_cloud_delete, R_API | R_ORG, ACCESS_WRITE },
	{ "POST", "/api/v1/organizations/{}/cloud/{}/check", api_cloud_check, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	/* incidents, the emergency manual and the IT-BCP checklist: the named paths before …/{} */
	{ "GET", "/organizations/{}/incidents", page_incidents, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/incidents", page_incident_create, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/incidents/new", page_incident_new, R_ORG, ACCESS_WRITE },
	{ "GET", "/organizations/{}/incidents/{}", page_incident, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/incidents/{}", page_incident_update, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/incidents/{}/level", page_incident_level, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/incidents/{}/steps", page_incident_step_add, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/incidents/{}/steps/{}", page_incident_step, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/incidents/{}/timeline", page_incident_timeline, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/incidents/{}/close", page_incident_close, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/incidents/{}/reopen", page_incident_reopen, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/manual", page_manual, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/manual", page_manual_post, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "GET", "/organizations/{}/manual/print", page_manual_print, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/bcp", page_bcp, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/manual.pdf", page_manual_pdf, R_ORG, ACCESS_USER },
	{ "POST", "/organizations/{}/bcp", page_bcp_post, R_ORG | R_CSRF, ACCESS_WRITE },
	{ "POST", "/organizations/{}/archive", page_org_archive, R_ORG | R_CSRF, ACCESS_ORG_CREATE },
	{ "POST", "/organizations/{}/delete", page_org_delete, R_ORG | R_CSRF, ACCESS_ORG_CREATE },
	{ "POST", "/diagnoses/{}/delete", page_diag_delete, R_ID | R_CSRF, ACCESS_ORG_CREATE },
	{ "POST", "/diagnoses/{}/attach", page_diag_attach, R_ID | R_CSRF, ACCESS_WRITE },
	{ "GET", "/diagnose/{}", page_diagnose, 0, ACCESS_WRITE },
	{ "POST", "/diagnose/{}", page_diagnose_post, R_CSRF, ACCESS_WRITE },
	{ "GET", "/diagnoses/{}", page_result, R_ID, ACCESS_USER },
	{ "GET", "/diagnoses/{}/compare", page_compare, R_ID, ACCESS_USER },
	/* reports to hand over (page_report.c): PDF and Excel, access as the page each comes from */
	{ "GET", "/diagnoses/{}/reports", page_report_form, R_ID, ACCESS_USER },
	{ "GET", "/diagnoses/{}/report.pdf", page_report_diagnosis_pdf, R_ID, ACCESS_USER },
	{ "GET", "/diagnoses/{}/report.xlsx", page_report_diagnosis_xlsx, R_ID, ACCESS_USER },
	{ "GET", "/diagnoses/{}/compare.pdf", page_report_compare_pdf, R_ID, ACCESS_USER },
	{ "GET", "/diagnoses/{}/compare.xlsx", page_report_compare_xlsx, R_ID, ACCESS_USER },
	{ "GET", "/organizations/{}/history.pdf", page_report_history_pdf, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/history.xlsx", page_report_history_xlsx, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/plan.pdf", page_report_plan_pdf, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/plan.xlsx", page_report_plan_xlsx, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/ledger.pdf", page_report_ledger_pdf, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/ledger.xlsx", page_report_ledger_xlsx, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/incidents.pdf", page_report_incidents_pdf, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/incidents.xlsx", page_report_incidents_xlsx, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/incidents/{}/report.pdf", page_report_incident_pdf, R_ORG, ACCESS_USER },
	{ "GET", "/organizations/{}/incidents/{}/report.xlsx", page_report_incident_xlsx, R_ORG, ACCESS_USER },
	{ "GET", "/measures", page_measures, 0, ACCESS_USER },
	{ "GET", "/measures/{}", page_measure, 0, ACCESS_USER },
	{ "GET", "/search", page_search, 0, ACCESS_USER },
	{ "GET", "/scenarios", page_scenarios, 0, ACCESS_USER },
	{ "GET", "/scenarios/{}", page_scenario, 0, ACCESS_USER },
	{ "GET", "/cases", page_cases, 0, ACCESS_USER },
	{ "GET", "/cases/{}", page_case, 0, ACCESS_USER },
	{ "GET", "/threats", page_threats, 0, ACCESS_USER },
	{ "GET", "/threats/{}", page_threat, 0, ACCESS_USER },
	{ "GET", "/five-rules", page_five_rules, 0, ACCESS_USER },
	{ "GET", "/api/v1/search", api_search, R_API, ACCESS_USER },
	{ "GET", "/api/v1/questionnaires", api_questionnaires, R_API, ACCESS_USER },
	{ "GET", "/api/v1/questionnaires/{}", api_questionnaire, R_API, ACCESS_USER },
	{ "POST", "/api/v1/organizations", api_org_create, R_API | R_JSON, ACCESS_ORG_CREATE },
	{ "GET", "/api/v1/organizations/{}", api_org_get, R_API | R_ORG, ACCESS_USER },
	{ "DELETE", "/api/v1/organizations/{}", api_org_delete, R_API | R_ORG, ACCESS_ORG_CREATE },
	{ "DELETE", "/api/v1/organizations/{}/pool", api_pool_withdraw, R_API | R_ORG, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/diagnoses", api_org_diagnoses, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/assets", api_assets, R_API | R_ORG, ACCESS_USER },
	{ "POST", "/api/v1/organizations/{}/assets", api_asset_create, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "POST", "/api/v1/organizations/{}/assets/import", api_asset_import, R_API | R_ORG, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/assets/export", api_asset_export, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/assets/{}", api_asset_get, R_API | R_ORG, ACCESS_USER },
	{ "PUT", "/api/v1/organizations/{}/assets/{}", api_asset_put, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "DELETE", "/api/v1/organizations/{}/assets/{}", api_asset_delete, R_API | R_ORG, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/risks", api_risks, R_API | R_ORG, ACCESS_USER },
	{ "POST", "/api/v1/organizations/{}/risks", api_risk_create, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/risks/{}", api_risk_get, R_API | R_ORG, ACCESS_USER },
	{ "PUT", "/api/v1/organizations/{}/risks/{}", api_risk_put, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "DELETE", "/api/v1/organizations/{}/risks/{}", api_risk_delete, R_API | R_ORG, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/risk-matrix", api_risk_matrix, R_API | R_ORG, ACCESS_USER },
	{ "PUT", "/api/v1/organizations/{}/risk-matrix", api_risk_matrix_put, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/incidents", api_incidents, R_API | R_ORG, ACCESS_USER },
	{ "POST", "/api/v1/organizations/{}/incidents", api_incident_create, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/incidents/{}", api_incident_get, R_API | R_ORG, ACCESS_USER },
	{ "PUT", "/api/v1/organizations/{}/incidents/{}", api_incident_put, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "POST", "/api/v1/organizations/{}/incidents/{}/level", api_incident_level, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "POST", "/api/v1/organizations/{}/incidents/{}/steps", api_incident_step_add, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "PUT", "/api/v1/organizations/{}/incidents/{}/steps/{}", api_incident_step, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "POST", "/api/v1/organizations/{}/incidents/{}/timeline", api_incident_timeline, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "POST", "/api/v1/organizations/{}/incidents/{}/close", api_incident_close, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "POST", "/api/v1/organizations/{}/incidents/{}/reopen", api_incident_reopen, R_API | R_ORG, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/manual", api_manual_get, R_API | R_ORG, ACCESS_USER },
	{ "PUT", "/api/v1/organizations/{}/manual", api_manual_put, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "GET", "/api/v1/organizations/{}/manual.pdf", page_manual_pdf, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/bcp", api_bcp_get, R_API | R_ORG, ACCESS_USER },
	{ "PUT", "/api/v1/organizations/{}/bcp", api_bcp_put, R_API | R_ORG | R_JSON, ACCESS_WRITE },
	{ "POST", "/api/v1/diagnoses", api_diagnosis_create, R_API | R_JSON, ACCESS_WRITE },
	{ "GET", "/api/v1/diagnoses/{}", api_diagnosis_get, R_API | R_ID, ACCESS_USER },
	{ "DELETE", "/api/v1/diagnoses/{}", api_diagnosis_delete, R_API | R_ID, ACCESS_ORG_CREATE },
	{ "GET", "/api/v1/diagnoses/{}/peers", api_peers, R_API | R_ID, ACCESS_USER },
	{ "GET", "/api/v1/diagnoses/{}/report.pdf", page_report_diagnosis_pdf, R_API | R_ID, ACCESS_USER },
	{ "GET", "/api/v1/diagnoses/{}/report.xlsx", page_report_diagnosis_xlsx, R_API | R_ID, ACCESS_USER },
	{ "GET", "/api/v1/diagnoses/{}/compare.pdf", page_report_compare_pdf, R_API | R_ID, ACCESS_USER },
	{ "GET", "/api/v1/diagnoses/{}/compare.xlsx", page_report_compare_xlsx, R_API | R_ID, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/history.pdf", page_report_history_pdf, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/history.xlsx", page_report_history_xlsx, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/plan.pdf", page_report_plan_pdf, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/plan.xlsx", page_report_plan_xlsx, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/ledger.pdf", page_report_ledger_pdf, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/ledger.xlsx", page_report_ledger_xlsx, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/incidents.pdf", page_report_incidents_pdf, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/incidents.xlsx", page_report_incidents_xlsx, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/incidents/{}/report.pdf", page_report_incident_pdf, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/incidents/{}/report.xlsx", page_report_incident_xlsx, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/security-action", api_secaction_get, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/security-action.pdf", page_report_secaction_pdf, R_API | R_ORG, ACCESS_USER },
	{ "GET", "/api/v1/organizations/{}/profile", api_profile_get, R_API | R_ORG, ACCESS_USER },
	{ "PUT", "/api/v1/organizations/{}/profile", api_profile_put, R_API | R_ORG | R_JSON, ACCESS_WRITE },
};

const route_t *web_routes(int *n)
{
	*n = (int)(sizeof ROUTES / sizeof *ROUTES);
	return ROUTES;
}

#define MAX_ARGS 4

/* Matches path against pattern; copies {} segments into segs. */
static bool match(const char *pattern, const char *path, char segs[MAX_ARGS][128], int *nargs)
{
	*nargs = 0;
	while (*pattern && *path) {
		if (pattern[0] == '{' && pattern[1] == '}') {
			const char *end = strchr(path, '/');
			size_t n = end ? (size_t)(end - path) : strlen(path);
			if (n == 0 || n >= 128 || *nargs >= MAX_ARGS)
				return false;
			memcpy(segs[*nargs], path, n);
			segs[(*nargs)++][n] = '\0';
			path += n;
			pattern += 2;
		} else if (*pattern++ != *path++) {
			return false;
		}
	}
	return !*pattern && !*path;
}

/* True when the Content-Type is exactly this media type (parameters after ';' allowed). */
static bool media_type_is(const char *content_type, const char *type)
{
	size_t n = strlen(type);
	if (!content_type || strncasecmp(content_type, type, n))
		return false;
	const char *rest = content_type + n;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	return !*rest || *rest == ';';
}

/* The body as a JSON object into r->json; false after answering 415 or 400. */
static bool parse_json_body(req_t *r, resp_t *w)
{
	err_t e;
	if (!media_type_is(r->content_type, "application/json")) {
		err_set(&e, ERR_INVALID, "", "Content-Type は application/json にしてください", "Content-Type must be application/json");
		resp_api_error(w, 415, "unsupported_media_type", err_text(&e, r->lang), NULL);
		return false;
	}
	json_error_t je;
	r->json = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &je);
	if (json_is_object(r->json))
		return true;
	if (r->json)
		err_set(&e, ERR_INVALID, "", "JSON のオブジェクトではありません", "not a JSON object");
	else if (je.line > 0)
		err_set(&e, ERR_INVALID, "", "JSON の書式エラー（%d 行 %d 列）: %s", "malformed JSON (line %d, column %d): %s",
			je.line, je.column, je.text);
	else
		err_set(&e, ERR_INVALID, "", "JSON の書式エラー: %s", "malformed JSON: %s", je.text);
	json_decref(r->json);
	r->json = NULL;
	resp_api_error(w, 400, "bad_json", err_text(&e, r->lang), NULL);
	return false;
}

/* Who is asking: an API token, or a session cookie, or nobody. The store is limited to the
 * caller's workspace from here on. A token or cookie that names nobody alive counts as
 * nobody (a stale cookie is dropped from the browser). */
static void identify(req_t *r, resp_t *w)
{
	actor_t nobody = { 0 };
	snprintf(nobody.client, sizeof nobody.client, "%s", r->client);
	app_init(&r->app, r->content, r->store, &nobody);
	err_t e;
	if (r->authorization && !strncasecmp(r->authorization, "Bearer ", 7)) {
		r->signed_in = app_token_auth(&r->app, r->authorization + 7, &e) == 0;
	} else if (r->cookie_session) {
		session_t s;
		r->signed_in = app_session(&r->app, r->cookie_session, &s, &e) == 0;
		if (r->signed_in)
			snprintf(r->csrf, sizeof r->csrf, "%s", s.csrf);
		else /* expired or ended: tell the browser to forget it */
			snprintf(w->set_cookie[2], sizeof w->set_cookie[2], "mamoru_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax%s",
				 r->secure ? "; Secure" : "");
	}
	if (!r->signed_in) /* whatever went wrong, this request is nobody's */
		app_init(&r->app, r->content, r->store, &nobody);
}

/* Sends nobody to sign in (or, on a server without users, to set up the first one); sends a
 * user whose workspace requires a second factor they lack to set one up. False after answering. */
static bool access_ok(req_t *r, resp_t *w, const route_t *rt)
{
	err_t e;
	if (rt->access == ACCESS_PUBLIC)
		return true;
	if (!r->signed_in) {
		bool setup = false;
		if (app_setup_needed(&r->app, &setup, &e) != 0) {
			resp_fail(r, w, &e);
			return false;
		}
		if (r->api) {
			resp_api_error(w, 401, "unauthenticated", setup ? T(r, "auth_setup_first") : T(r, "auth_sign_in"), NULL);
			return false;
		}
		buf_t next = { 0 };
		h_urlenc(&next, r->path);
		resp_redirect(w, setup ? "/setup" : "/login?next=%s", next.data ? next.data : "");
		buf_free(&next);
		return false;
	}
	if (r->app.who.must_set_up_totp && strcmp(rt->pattern, "/account") && strcmp(rt->pattern, "/logout")) {
		if (r->api)
			resp_api_error(w, 403, "second_factor_required", T(r, "auth_totp_required"), NULL);
		else
			resp_redirect(w, "/account");
		return false;
	}
	static const need_t NEED[] = { [ACCESS_USER] = NEED_SIGNED_IN, [ACCESS_WRITE] = NEED_WRITE,
				       [ACCESS_ORG_CREATE] = NEED_ORG_CREATE, [ACCESS_ADMIN] = NEED_ADMIN };
	if (app_need(&r->app, NEED[rt->access], &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

/* Checks a matched route's needs; false after answering. */
static bool needs_met(req_t *r, resp_t *w, const route_t *rt, const char *const *args)
{
	err_t e;
	if (!access_ok(r, w, rt))
		return false;
	if (rt->needs & (R_ID | R_ORG)) {
		r->id = parse_id(args[0]);
		if (r->id < 0)
			err_set(&e, ERR_NOT_FOUND, rt->needs & R_ORG ? "organization_id" : "id", "そのような ID はありません", "no such id");
		if (r->id < 0 || ((rt->needs & R_ORG) && app_org_get(&r->app, r->id, &r->org, &e) != 0)) {
			resp_fail(r, w, &e);
			return false;
		}
	}
	if ((rt->needs & R_CSRF) && !req_csrf_ok(r)) {
		page_error(r, w, 403, "web_csrf");
		return false;
	}
	return !(rt->needs & R_JSON) || parse_json_body(r, w);
}

/* Runs the handler; a heavy one (web/heavy.h) only while it holds a slot, else 503 at once. */
static void run_handler(req_t *r, resp_t *w, const route_t *rt, const char *const *args)
{
	if (!web_heavy_route(rt->pattern)) {
		rt->fn(r, w, args);
		return;
	}
	/* a report or export takes long: it must not hold one view of the database all that time
	 * (the log could not be emptied past it) */
	store_request_end(r->store, r->read_tx);
	r->read_tx = false;
	if (!web_heavy_enter()) { /* in both languages: whoever reads it may not have chosen one */
		char msg[512];
		snprintf(msg, sizeof msg, "%s / %s", ui(r->content, "web_busy_heavy", LANG_JA), ui(r->content, "web_busy_heavy", LANG_EN));
		w->retry_after = HEAVY_RETRY_AFTER;
		if (r->api)
			resp_api_error(w, 503, "busy", msg, NULL);
		else
			page_error_text(r, w, 503, msg);
		return;
	}
	rt->fn(r, w, args);
	web_heavy_leave();
}

static void route(req_t *r, resp_t *w)
{
	char segs[MAX_ARGS][128];
	const char *args[MAX_ARGS];
	int nargs;
	bool path_known = false;
	r->api = !strncmp(r->path, "/api/", 5) || !strcmp(r->path, "/healthz");
	identify(r, w);
	for (size_t i = 0; i < sizeof ROUTES / sizeof *ROUTES; i++) {
		const route_t *rt = &ROUTES[i];
		if (!match(rt->pattern, r->path, segs, &nargs))
			continue;
		path_known = true;
		if (strcmp(rt->method, r->method) != 0)
			continue;
		for (int k = 0; k < nargs; k++)
			args[k] = segs[k];
		r->api = (rt->needs & R_API) != 0;
		if (needs_met(r, w, rt, args))
			run_handler(r, w, rt, args);
		json_decref(r->json);
		r->json = NULL;
		return;
	}
	if (path_known) {
		if (r->api)
			resp_api_error(w, 405, "method_not_allowed", "このメソッドは使えません / method not allowed", NULL);
		else
			page_error(r, w, 405, "error_method");
	} else if (r->api) {
		resp_api_error(w, 404, "not_found", "そのような API はありません / no such endpoint", NULL);
	} else {
		page_error(r, w, 404, "error_not_found");
	}
}

/* A GET's reads — who is asking, the record, the access check, the pool — share one read
 * transaction where the store has one (store_request_begin: it ends by itself if the request
 * writes). */
void web_route(req_t *r, resp_t *w)
{
	r->read_tx = (!strcmp(r->method, "GET") || !strcmp(r->method, "HEAD")) && store_request_begin(r->store);
	route(r, w);
	store_request_end(r->store, r->read_tx);
	r->read_tx = false;
}
