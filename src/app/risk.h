/*
 * risk.h — the risk register's use cases (core/risk.h): assess a threat to one or more of an
 * organisation's assets on the 3×3 matrix, see the treatment the organisation's matrix suggests,
 * record the decision with its reason, the residual risk and the next review; a decision to
 * reduce (低減) puts the checklist questions of its common measures into the action plan
 * (app/plan.h) in the same transaction. The organisation's own matrix and inventory period.
 * Access and audit as for the ledger.
 */
#ifndef MAMORU_APP_RISK_H
#define MAMORU_APP_RISK_H

#include "app/app.h"
#include "core/risk.h"

/* The matrix that suggests treatments to this organisation: its own (*own) or content/risk.yaml's. */
int app_risk_matrix(app_t *a, int64_t org_id, risk_matrix_t *m, bool *own, err_t *e);
/* What the organisation set for itself (zeros and has_matrix false when nothing). */
int app_risk_settings_get(app_t *a, int64_t org_id, risk_settings_t *out, err_t *e);
/* Sets (has_matrix) or clears the organisation's own matrix and inventory period (0 = default). */
int app_risk_settings(app_t *a, int64_t org_id, const risk_settings_t *s, err_t *e);

/* *planned: the plan items a 低減 added (already planned questions are not counted). A risk
 * decided without a review date gets one review_months ahead (content/risk.yaml). */
int app_risk_add(app_t *a, risk_rec_t *r, int *planned, err_t *e);
int app_risk_update(app_t *a, risk_rec_t *r, int *planned, err_t *e);
int app_risk_delete(app_t *a, int64_t id, err_t *e);
int app_risk_get(app_t *a, int64_t id, risk_rec_t *out, err_t *e);
int app_risk_get_of(app_t *a, int64_t org_id, int64_t id, risk_rec_t *out, err_t *e);
int app_risk_list(app_t *a, int64_t org_id, const risk_filter_t *f, bool (*fn)(const risk_rec_t *, void *), void *arg,
		  int64_t *total, err_t *e);
/* Risks per cell, as assessed or after treatment (residual where given). */
int app_risk_counts(app_t *a, int64_t org_id, bool residual, int64_t counts[RISK_FREQS][RISK_IMPACTS], err_t *e);

/* The checklist questions (content's "checklist" questionnaire) that ask about the risk's
 * measures: what a 低減 adds to the plan. Returns how many (at most max). */
int risk_plan_questions(const content_t *c, const risk_rec_t *r, const char **out, int max);

#endif
