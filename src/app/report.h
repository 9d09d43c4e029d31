/*
 * report.h — what a handed-over report needs beyond the record it is about: who prepared it
 * (the signed-in user's name and their workspace, the support organisation) and when, and for a
 * diagnosis the organisation's earlier results of the same questionnaire (its trend). The
 * records themselves come from the use cases of their pages (app_diag_view, app_compare,
 * app_org_history, app_plan_list, app_asset_list, app_risk_list), which check access as the
 * pages do: a report is readable by exactly those who may open the page it comes from.
 */
#ifndef MAMORU_APP_REPORT_H
#define MAMORU_APP_REPORT_H

#include "app/app.h"
#include "core/account.h"
#include "core/view.h"

typedef struct {
	char preparer[ACCOUNT_NAME_MAX + 1];   /* the signed-in user's name; "" from the command line */
	char workspace[ACCOUNT_NAME_MAX + 1];  /* their workspace's name (the support organisation) */
	char made[32];                         /* now, UTC ISO 8601 like every stored time */
} report_meta_t;

/* Who is asking and when; any signed-in caller (or the command line). */
int app_report_meta(app_t *a, report_meta_t *m, err_t *e);

/* A saved diagnosis for its report: the result view (app_diag_view) and, when it belongs to an
 * organisation, that organisation's diagnoses of the same questionnaire up to this one, oldest
 * first (the trend). */
typedef struct {
	result_view_t v;
	stored_diag_t **trend;
	int ntrend;
} report_diag_t;

int app_report_diag(app_t *a, int64_t id, report_diag_t *out, err_t *e);
void report_diag_free(report_diag_t *r);

#endif
