/*
 * profile.h — the company profile behind the benchmark (core/profile.h): its answers, kept as
 * versions, and the risk index and group computed from them and the organisation's record.
 */
#ifndef MAMORU_APP_PROFILE_H
#define MAMORU_APP_PROFILE_H

#include "app/app.h"
#include "core/profile.h"

/* The organisation's latest profile answers (none answered when it has no profile) and the
 * risk computed from them and its record. */
int app_company_risk(app_t *a, const org_t *o, profile_answers_t *ans, risk_t *r, err_t *e);
/* Saves the answers as the organisation's new profile version (earlier ones are kept). Forms
 * and the API send the whole profile: unless `partial` (the command line answers a few items
 * at a time), an unanswered item is ERR_INVALID naming it. */
int app_profile_save(app_t *a, const org_t *o, const profile_answers_t *ans, bool partial, err_t *e);

#endif
