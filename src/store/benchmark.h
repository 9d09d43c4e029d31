/*
 * benchmark.h — the benchmark's use of the store, shared by the command line, the web pages
 * and the API so that all three save and compare a diagnosis the same way: the company's
 * profile and risk index copied into a snapshot before it is saved, and the peer statistics
 * of a saved diagnosis read from the pool within the window and the privacy threshold.
 */
#ifndef MAMORU_STORE_BENCHMARK_H
#define MAMORU_STORE_BENCHMARK_H

#include "core/profile.h"
#include "store/store.h"

/* The organisation's latest profile answers (none answered when it has no profile) and the
 * risk computed from them and its record. */
store_rc_t company_risk(store_t *s, const content_t *c, const org_t *o, profile_answers_t *a, risk_t *r);
/* Copies the organisation's risk index and group, size band, industry and profile answers
 * into the snapshot's who/where fields (sd->org_id must be set; nothing happens for 0), and
 * fills desired[] with the desired points of q's items for its risk group. Returns desired,
 * or NULL when the group sets no desired level for q: pass it to diagnosis_run_desired. Every
 * interface calls this before scoring and saving, so all rank and pool alike. */
const int *diag_attach_company(store_t *s, const content_t *c, const questionnaire_t *q, stored_diag_t *sd, int *desired);
/* The privacy threshold: $MAMORU_POOL_MIN when it is a number from 1 to 1000, else 5. */
int pool_min_group(void);
/* The peers of a saved diagnosis within the 24-month window ending this month. */
store_rc_t diag_peers(store_t *s, const stored_diag_t *sd, peers_t *out);

#endif
