/*
 * contractor.h — the use cases of contractors (委託先) and cloud services (core/contractor.h):
 * the register, sending chosen items of the contractor requirements through a respondent link,
 * reviewing the answers, the confidentiality clauses, and the cloud services with their checks.
 * Access as for the action plan: anyone who may see the organisation reads, anyone who may
 * change it writes; each change leaves an audit entry.
 */
#ifndef MAMORU_APP_CONTRACTOR_H
#define MAMORU_APP_CONTRACTOR_H

#include "app/app.h"
#include "app/diagnosis.h"
#include "core/contractor.h"

#define CONTRACTOR_Q "contractor"   /* the questionnaire a request sends items of */
#define CLOUD_Q "cloud"             /* the questionnaire a cloud service is checked with */

/* Adds a validated contractor of c->org_id (sets id and times). */
int app_contractor_add(app_t *a, contractor_t *c, err_t *e);
int app_contractor_update(app_t *a, contractor_t *c, err_t *e);
/* ERR_NOT_FOUND (field "id") when there is none the caller may see; org_id > 0 also requires
 * it to be that organisation's. */
int app_contractor_get(app_t *a, int64_t org_id, int64_t id, contractor_t *out, err_t *e);
int app_contractor_list(app_t *a, int64_t org_id, contractor_t **out, int *n, err_t *e);
/* With its requests and their unanswered links; answers already given stay in the history. */
int app_contractor_delete(app_t *a, int64_t id, err_t *e);

/* Sends the items of `selection` (ids, sections or "all": ct_items_resolve) to contractor id
 * through a new respondent link valid for days; fills *out and the token (shown once). */
int app_ctreq_send(app_t *a, int64_t contractor_id, const char *selection, int days, ct_request_t *out,
		   char token[LINK_TOKEN_LEN + 1], err_t *e);
int app_ctreq_list(app_t *a, int64_t contractor_id, ct_request_t **out, int *n, err_t *e);
int app_ctreq_get(app_t *a, int64_t id, ct_request_t *out, err_t *e);
/* Records that the caller reviewed the answers (by whom, now, a note); ERR_INVALID (field
 * "request") while nothing has been answered. */
int app_ctreq_review(app_t *a, int64_t id, const char *note, ct_request_t *out, err_t *e);
/* The request a respondent link was made for, after app_link_open (STORE_NOT_FOUND: an
 * ordinary link): its items are all the respondent is asked. 1 = found, 0 = none, -1 = error. */
int app_ctreq_of_link(app_t *a, const link_t *l, ct_request_t *out, err_t *e);
/* The answers of a request: its diagnosis (stored_diag_free), or NULL while unanswered. */
int app_ctreq_answers(app_t *a, const ct_request_t *r, stored_diag_t **out, err_t *e);

int app_cloud_add(app_t *a, cloud_service_t *c, err_t *e);
int app_cloud_update(app_t *a, cloud_service_t *c, err_t *e);
int app_cloud_get(app_t *a, int64_t org_id, int64_t id, cloud_service_t *out, err_t *e);
int app_cloud_list(app_t *a, int64_t org_id, cloud_service_t **out, int *n, err_t *e);
int app_cloud_delete(app_t *a, int64_t id, err_t *e);
/* Saves answers to the cloud checklist as a diagnosis whose scope is the service's name and
 * makes it the service's last check in the same transaction; the review date moves a year on
 * when it was unset or has come. */
int app_cloud_check(app_t *a, int64_t id, const answers_t *ans, const char *respondent, result_view_t *out, err_t *e);
/* The service's last check (stored_diag_free), or NULL when it has none or that diagnosis is
 * gone (an id SQLite gave again to another diagnosis does not count: its time must match). */
int app_cloud_last(app_t *a, const cloud_service_t *c, stored_diag_t **out, err_t *e);

/* Today in Japan? The store keeps UTC: the date part of app_now_iso. */
void app_ct_today(const app_t *a, char out[11]);

#endif
