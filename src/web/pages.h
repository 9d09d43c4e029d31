/*
 * pages.h — every page and API handler (one file per page or area) and the layout helpers
 * they share (page.c). The route table in router.c says which handler serves which path and
 * what it needs; a handler parses its input, calls one use case in src/app and renders.
 */
#ifndef MAMORU_WEB_PAGES_H
#define MAMORU_WEB_PAGES_H

#include <jansson.h>

#include "core/datetime.h"
#include "core/org.h"
#include "core/punct.h"
#include "core/view.h"
#include "web/html.h"
#include "web/report.h"
#include "web/web.h"

/* layout (page.c) */
const char *T(const req_t *r, const char *key);           /* UI string in the request's language */
void page_begin(req_t *r, resp_t *w, const char *title);   /* <html> … <main> */
void page_end(req_t *r, resp_t *w);                        /* </main> … </html> */
void page_error(req_t *r, resp_t *w, int status, const char *message_key);
void page_error_text(req_t *r, resp_t *w, int status, const char *message);   /* message is escaped */
void page_csrf_field(const req_t *r, buf_t *b);
/* A measure's number and title (a link to its page when link) followed by its points (used
 * beside questions and in recommendations). */
void page_measure_summary(const req_t *r, buf_t *b, const measure_t *m, const char *css_class, bool link);
/* Parses a positive decimal id; -1 when malformed. */
long long parse_id(const char *s);
/* A count after a heading: "（3）" in Japanese, " (3)" in English. */
void page_count(const req_t *r, buf_t *b, int n);
/* A stored UTC time for the reader: local time in the request's language (core/datetime.h),
 * 「2026年11月30日 15:55」 / "30 Nov 2026, 15:55"; WHEN_DAY the date alone, WHEN_MONTH a round
 * "YYYY-MM". The text lives in a compound literal of the enclosing block, so it can be passed
 * straight to h(). */
static inline const char *page_when_(const char *iso, lang_t l, int kind, char *buf)
{
	(kind == 0 ? dt_show : kind == 1 ? dt_show_date : dt_show_month)(iso, l, buf, DT_TEXT);
	return buf;
}
#define WHEN(r, iso) page_when_((iso), (r)->lang, 0, (char[DT_TEXT]){ 0 })
#define WHEN_DAY(r, iso) page_when_((iso), (r)->lang, 1, (char[DT_TEXT]){ 0 })
#define WHEN_MONTH(r, iso) page_when_((iso), (r)->lang, 2, (char[DT_TEXT]){ 0 })
/* A format string's punctuation for the page's language (core/punct.h): h(b, PF(r, "%s（%s）"), a, b). */
#define PF(r, fmt) punct_fmt((r)->lang, (fmt), (char[2048]){ 0 }, 2048)
/* A diagnosis's scope for the reader: the default 「全社」 is stored in Japanese (the data's
 * language), so an English page shows "whole company" for it; a scope someone typed is shown as
 * typed. */
const char *page_scope(const req_t *r, const char *scope);
/* An amount with thousands separators: 10,000,000. */
static inline const char *page_grouped_(long long v, char *buf)
{
	num_grouped(v, buf, 32);
	return buf;
}
#define GROUPED(v) page_grouped_((v), (char[32]){ 0 })

/* page_auth.c: signing in and out, the first administrator, the second factor */
void page_setup(req_t *r, resp_t *w, const char *const *args);
void page_setup_post(req_t *r, resp_t *w, const char *const *args);
void page_login(req_t *r, resp_t *w, const char *const *args);
void page_login_post(req_t *r, resp_t *w, const char *const *args);
void page_logout(req_t *r, resp_t *w, const char *const *args);
void page_account(req_t *r, resp_t *w, const char *const *args);
void page_account_totp(req_t *r, resp_t *w, const char *const *args);
/* page_users.c: the administrator's users and audit log */
void page_users(req_t *r, resp_t *w, const char *const *args);
void page_users_add(req_t *r, resp_t *w, const char *const *args);
void page_users_change(req_t *r, resp_t *w, const char *const *args);
void page_workspace_change(req_t *r, resp_t *w, const char *const *args);
void page_audit(req_t *r, resp_t *w, const char *const *args);
/* page_link.c: respondent links */
void page_link_section(req_t *r, buf_t *b, const org_t *o);
void page_link_create(req_t *r, resp_t *w, const char *const *args);
void page_link(req_t *r, resp_t *w, const char *const *args);
void page_link_post(req_t *r, resp_t *w, const char *const *args);
/* page_delete.c: keeping or removing data (archive, delete, leave the pool) */
bool page_may_manage(const req_t *r);
void page_delete_section(req_t *r, buf_t *b, const org_t *o);
void page_org_archive(req_t *r, resp_t *w, const char *const *args);
void page_org_delete(req_t *r, resp_t *w, const char *const *args);
void page_pool_withdraw(req_t *r, resp_t *w, const char *const *args);
void page_diag_delete(req_t *r, resp_t *w, const char *const *args);
void page_plan_delete(req_t *r, resp_t *w, const char *const *args);
/* page_home.c */
void page_home(req_t *r, resp_t *w, const char *const *args);
/* page_clients.c: clients side by side */
void page_clients_compare(req_t *r, resp_t *w, const char *const *args);
/* page_org.c */
void page_org_new(req_t *r, resp_t *w, const char *const *args);
void page_org_create(req_t *r, resp_t *w, const char *const *args);
void page_org_show(req_t *r, resp_t *w, const char *const *args);
void page_org_update(req_t *r, resp_t *w, const char *const *args);
/* page_diagnose.c */
/* One question as a fieldset of radio buttons (chosen: the option id already picked, or NULL),
 * with its "why" from the linked measures: the diagnosis steps and the respondent page. */
void page_question(req_t *r, buf_t *b, const questionnaire_t *q, int item, const char *chosen);
void page_diagnose(req_t *r, resp_t *w, const char *const *args);
void page_diagnose_post(req_t *r, resp_t *w, const char *const *args);
/* page_result.c */
void page_result(req_t *r, resp_t *w, const char *const *args);
void page_diag_attach(req_t *r, resp_t *w, const char *const *args); /* POST /diagnoses/{id}/attach */
void page_plan_save(req_t *r, resp_t *w, const char *const *args);   /* POST /organizations/{id}/plan/save */
void page_threats(req_t *r, resp_t *w, const char *const *args);     /* /threats: the Tokyo handbook's threats */
void page_threat(req_t *r, resp_t *w, const char *const *args);      /* /threats/{id} */
void page_five_rules(req_t *r, resp_t *w, const char *const *args);  /* /five-rules: 情報セキュリティ5か条 */
void page_result_cache_free(void);   /* at shutdown */
/* page_history.c */
void page_history(req_t *r, resp_t *w, const char *const *args);
/* page_measures.c */
void page_measures(req_t *r, resp_t *w, const char *const *args);
void page_measure(req_t *r, resp_t *w, const char *const *args);
/* page_security_action.c: SECURITY ACTION, the 5か条 and the basic policy */
void page_secaction(req_t *r, resp_t *w, const char *const *args);
void page_secaction_rules(req_t *r, resp_t *w, const char *const *args);
void page_secaction_policy(req_t *r, resp_t *w, const char *const *args);
void page_secaction_print(req_t *r, resp_t *w, const char *const *args);
void api_secaction_get(req_t *r, resp_t *w, const char *const *args);   /* the record as JSON (report/secaction_json.h) */
/* page_plan.c */
void page_plan_section(req_t *r, buf_t *b, const org_t *o);
void page_plan_new(req_t *r, resp_t *w, const char *const *args);
void page_plan_create(req_t *r, resp_t *w, const char *const *args);
void page_plan_update(req_t *r, resp_t *w, const char *const *args);
/* page_asset.c: the information-asset ledger */
void page_assets(req_t *r, resp_t *w, const char *const *args);
void page_asset_new(req_t *r, resp_t *w, const char *const *args);
void page_asset_create(req_t *r, resp_t *w, const char *const *args);
void page_asset(req_t *r, resp_t *w, const char *const *args);
void page_asset_update(req_t *r, resp_t *w, const char *const *args);
void page_asset_delete(req_t *r, resp_t *w, const char *const *args);
void page_asset_import(req_t *r, resp_t *w, const char *const *args);
void page_asset_starter(req_t *r, resp_t *w, const char *const *args);
void page_asset_export(req_t *r, resp_t *w, const char *const *args);   /* also the API's export */
/* page_risk.c: the risk register and the matrix */
void page_risks(req_t *r, resp_t *w, const char *const *args);
void page_risk_new(req_t *r, resp_t *w, const char *const *args);
void page_risk_create(req_t *r, resp_t *w, const char *const *args);
void page_risk(req_t *r, resp_t *w, const char *const *args);
void page_risk_update(req_t *r, resp_t *w, const char *const *args);
void page_risk_delete(req_t *r, resp_t *w, const char *const *args);
void page_risk_matrix_post(req_t *r, resp_t *w, const char *const *args);
/* page_incident.c: the incident register with its guided response */
void page_incidents(req_t *r, resp_t *w, const char *const *args);
void page_incident_new(req_t *r, resp_t *w, const char *const *args);
void page_incident_create(req_t *r, resp_t *w, const char *const *args);
void page_incident(req_t *r, resp_t *w, const char *const *args);
void page_incident_update(req_t *r, resp_t *w, const char *const *args);
void page_incident_level(req_t *r, resp_t *w, const char *const *args);
void page_incident_step(req_t *r, resp_t *w, const char *const *args);
void page_incident_step_add(req_t *r, resp_t *w, const char *const *args);
void page_incident_timeline(req_t *r, resp_t *w, const char *const *args);
void page_incident_close(req_t *r, resp_t *w, const char *const *args);
void page_incident_reopen(req_t *r, resp_t *w, const char *const *args);
/* page_manual.c: the emergency manual (page and print) and the IT-BCP checklist */
void page_manual(req_t *r, resp_t *w, const char *const *args);
void page_manual_post(req_t *r, resp_t *w, const char *const *args);
void page_manual_print(req_t *r, resp_t *w, const char *const *args);
void page_manual_pdf(req_t *r, resp_t *w, const char *const *args);
void page_bcp(req_t *r, resp_t *w, const char *const *args);
void page_bcp_post(req_t *r, resp_t *w, const char *const *args);
/* api_incident.c: incidents, the manual and the IT-BCP checklist in JSON */
void api_incidents(req_t *r, resp_t *w, const char *const *args);
void api_incident_create(req_t *r, resp_t *w, const char *const *args);
void api_incident_get(req_t *r, resp_t *w, const char *const *args);
void api_incident_put(req_t *r, resp_t *w, const char *const *args);
void api_incident_level(req_t *r, resp_t *w, const char *const *args);
void api_incident_step(req_t *r, resp_t *w, const char *const *args);
void api_incident_step_add(req_t *r, resp_t *w, const char *const *args);
void api_incident_timeline(req_t *r, resp_t *w, const char *const *args);
void api_incident_close(req_t *r, resp_t *w, const char *const *args);
void api_incident_reopen(req_t *r, resp_t *w, const char *const *args);
void api_manual_get(req_t *r, resp_t *w, const char *const *args);
void api_manual_put(req_t *r, resp_t *w, const char *const *args);
void api_bcp_get(req_t *r, resp_t *w, const char *const *args);
void api_bcp_put(req_t *r, resp_t *w, const char *const *args);
/* api_asset.c: the ledger and the register in JSON */
void api_assets(req_t *r, resp_t *w, const char *const *args);
void api_asset_create(req_t *r, resp_t *w, const char *const *args);
void api_asset_get(req_t *r, resp_t *w, const char *const *args);
void api_asset_put(req_t *r, resp_t *w, const char *const *args);
void api_asset_delete(req_t *r, resp_t *w, const char *const *args);
void api_asset_import(req_t *r, resp_t *w, const char *const *args);
void api_asset_export(req_t *r, resp_t *w, const char *const *args);
void api_risks(req_t *r, resp_t *w, const char *const *args);
void api_risk_create(req_t *r, resp_t *w, const char *const *args);
void api_risk_get(req_t *r, resp_t *w, const char *const *args);
void api_risk_put(req_t *r, resp_t *w, const char *const *args);
void api_risk_delete(req_t *r, resp_t *w, const char *const *args);
void api_risk_matrix(req_t *r, resp_t *w, const char *const *args);
void api_risk_matrix_put(req_t *r, resp_t *w, const char *const *args);
/* page_contractor.c: contractors (委託先) and cloud services */
void page_contractors(req_t *r, resp_t *w, const char *const *args);
void page_contractor_create(req_t *r, resp_t *w, const char *const *args);
void page_contractor(req_t *r, resp_t *w, const char *const *args);
void page_contractor_update(req_t *r, resp_t *w, const char *const *args);
void page_contractor_delete(req_t *r, resp_t *w, const char *const *args);
void page_contractor_send(req_t *r, resp_t *w, const char *const *args);
void page_contractor_review(req_t *r, resp_t *w, const char *const *args);
void page_contractor_clause(req_t *r, resp_t *w, const char *const *args);
void page_contractor_clause_pdf(req_t *r, resp_t *w, const char *const *args);
void page_clouds(req_t *r, resp_t *w, const char *const *args);
void page_cloud_create(req_t *r, resp_t *w, const char *const *args);
void page_cloud(req_t *r, resp_t *w, const char *const *args);
void page_cloud_update(req_t *r, resp_t *w, const char *const *args);
void page_cloud_delete(req_t *r, resp_t *w, const char *const *args);
void page_cloud_check(req_t *r, resp_t *w, const char *const *args);
/* api_contractor.c: the same in JSON */
void api_contractors(req_t *r, resp_t *w, const char *const *args);
void api_contractor_create(req_t *r, resp_t *w, const char *const *args);
void api_contractor_get(req_t *r, resp_t *w, const char *const *args);
void api_contractor_put(req_t *r, resp_t *w, const char *const *args);
void api_contractor_delete(req_t *r, resp_t *w, const char *const *args);
void api_contractor_send(req_t *r, resp_t *w, const char *const *args);
void api_contractor_review(req_t *r, resp_t *w, const char *const *args);
void api_contractor_clause(req_t *r, resp_t *w, const char *const *args);
void api_clouds(req_t *r, resp_t *w, const char *const *args);
void api_cloud_create(req_t *r, resp_t *w, const char *const *args);
void api_cloud_get(req_t *r, resp_t *w, const char *const *args);
void api_cloud_put(req_t *r, resp_t *w, const char *const *args);
void api_cloud_delete(req_t *r, resp_t *w, const char *const *args);
void api_cloud_check(req_t *r, resp_t *w, const char *const *args);
/* page_knowledge.c */
void page_search(req_t *r, resp_t *w, const char *const *args);
void page_scenarios(req_t *r, resp_t *w, const char *const *args);
void page_scenario(req_t *r, resp_t *w, const char *const *args);
void page_cases(req_t *r, resp_t *w, const char *const *args);
void page_case(req_t *r, resp_t *w, const char *const *args);
void api_search(req_t *r, resp_t *w, const char *const *args);
/* page_profile.c: the company profile behind the benchmark */
void page_profile(req_t *r, resp_t *w, const char *const *args);
void page_profile_post(req_t *r, resp_t *w, const char *const *args);
void page_profile_section(req_t *r, buf_t *b, const org_t *o);
/* page_compare.c: after a save, what became of the benchmark pool (the query the diagnose form
 * redirects with: ?pool=joined|incomplete|no_org&earlier=kept|withdrawn&since=YYYY-MM-DD) as a
 * notice at the top of the page it lands on; nothing for any other query */
void page_pool_notice(req_t *r, buf_t *b);
/* page_compare.c: a company whose pooled diagnosis counts in another risk group than its
 * profile now gives it, with a link to diagnose again (nothing otherwise) */
void page_pool_moved(req_t *r, buf_t *b, const org_t *o);
/* page_compare.c: a result compared with other companies */
void page_compare(req_t *r, resp_t *w, const char *const *args);
/* api_benchmark.c: the profile and the peers in JSON */
void api_profile_get(req_t *r, resp_t *w, const char *const *args);
void api_profile_put(req_t *r, resp_t *w, const char *const *args);
void api_peers(req_t *r, resp_t *w, const char *const *args);
/* api.c, and the JSON helpers the other API handlers share */
void resp_json(resp_t *w, int status, json_t *j);                 /* sends and releases j */
/* A reply the handler wrote as JSON text into w->body (report/jsonw.h); ok false (a part could
 * not be built) answers the 500 resp_json answers. */
void resp_json_written(resp_t *w, int status, bool ok);
bool unknown_keys(req_t *r, resp_t *w, json_t *j, const char *const *allowed); /* true after answering 422 */
void api_healthz(req_t *r, resp_t *w, const char *const *args);
void api_questionnaires(req_t *r, resp_t *w, const char *const *args);
void api_questionnaire(req_t *r, resp_t *w, const char *const *args);
void api_org_create(req_t *r, resp_t *w, const char *const *args);
void api_org_get(req_t *r, resp_t *w, const char *const *args);
void api_org_diagnoses(req_t *r, resp_t *w, const char *const *args);
void api_diagnosis_create(req_t *r, resp_t *w, const char *const *args);
void api_diagnosis_get(req_t *r, resp_t *w, const char *const *args);
void api_diagnosis_delete(req_t *r, resp_t *w, const char *const *args);
void api_org_delete(req_t *r, resp_t *w, const char *const *args);
void api_pool_withdraw(req_t *r, resp_t *w, const char *const *args);

/* page_report.c: the reports to hand over (web/report.h), for the pages and the API alike;
 * page_report_send answers with one (its ?comment= for a result or comparison PDF) or the error */
void page_report_send(req_t *r, resp_t *w, report_req_t q);
void page_report_diagnosis_pdf(req_t *r, resp_t *w, const char *const *args);
void page_report_diagnosis_xlsx(req_t *r, resp_t *w, const char *const *args);
void page_report_compare_pdf(req_t *r, resp_t *w, const char *const *args);
void page_report_compare_xlsx(req_t *r, resp_t *w, const char *const *args);
void page_report_history_pdf(req_t *r, resp_t *w, const char *const *args);
void page_report_history_xlsx(req_t *r, resp_t *w, const char *const *args);
void page_report_plan_pdf(req_t *r, resp_t *w, const char *const *args);
void page_report_plan_xlsx(req_t *r, resp_t *w, const char *const *args);
void page_report_ledger_pdf(req_t *r, resp_t *w, const char *const *args);
void page_report_ledger_xlsx(req_t *r, resp_t *w, const char *const *args);
void page_report_incidents_pdf(req_t *r, resp_t *w, const char *const *args);
void page_report_incidents_xlsx(req_t *r, resp_t *w, const char *const *args);
void page_report_secaction_pdf(req_t *r, resp_t *w, const char *const *args);
void page_report_incident_pdf(req_t *r, resp_t *w, const char *const *args);
void page_report_incident_xlsx(req_t *r, resp_t *w, const char *const *args);
/* The PDF and Excel links of a page: /{base}/{id}/{name}.pdf|xlsx, and with comment a link to
 * /{base}/{id}/reports, where a comment (所見) is written (plain links: cached parts may hold them). */
void page_report_links(req_t *r, buf_t *b, const char *base, long long id, const char *name, bool comment);
void page_report_form(req_t *r, resp_t *w, const char *const *args);

#endif
