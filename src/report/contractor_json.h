/*
 * contractor_json.h — contractors, their requests (with the contractor's answers to the chosen
 * items) and cloud services as JSON, for the API and `mamoru contractor|cloud … --json`; the
 * confidentiality clauses as {"text", "articles"}.
 */
#ifndef MAMORU_REPORT_CONTRACTOR_JSON_H
#define MAMORU_REPORT_CONTRACTOR_JSON_H

#include <jansson.h>

#include "core/contractor.h"
#include "core/snapshot.h"

json_t *contractor_json(const contractor_t *c, const char *today);
/* answers: the request's diagnosis, or NULL while unanswered */
json_t *ctreq_json(const content_t *ct, const ct_request_t *r, const stored_diag_t *answers, int64_t now, lang_t lang);
json_t *cloud_json(const cloud_service_t *c, const stored_diag_t *last, const char *today);
json_t *clause_json(const clause_content_t *cc, const clause_opts_t *o, lang_t lang);

#endif
