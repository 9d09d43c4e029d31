/*
 * result_json.h — a diagnosis result as the stable JSON object documented in docs/cli.md and
 * used by `mamoru diagnose --json` (and later the HTTP API).
 */
#ifndef MAMORU_REPORT_RESULT_JSON_H
#define MAMORU_REPORT_RESULT_JSON_H

#include <jansson.h>

#include "core/diagnosis.h"

json_t *result_json(const diagnosis_t *d, lang_t lang);
/* The ranked recommendations alone, as in result_json()'s "recommendations". */
json_t *recommendations_json(const diagnosis_t *d, lang_t lang);
/* What to do first, as in result_json()'s "actions": at most 5, each with "title", "why",
 * "steps", "cost" and "effort" (docs/cli.md). */
json_t *actions_json(const diagnosis_t *d, lang_t lang);
json_t *questionnaire_json(const questionnaire_t *q, lang_t lang, bool with_items);

#endif
