/*
 * result_json.h — a diagnosis result as the stable JSON object documented in docs/cli.md and
 * used by `mamoru diagnose --json` (and later the HTTP API).
 */
#ifndef MAMORU_REPORT_RESULT_JSON_H
#define MAMORU_REPORT_RESULT_JSON_H

#include <jansson.h>

#include "core/buf.h"
#include "core/diagnosis.h"

/* The result object's members, without its braces, written as JSON text (report/jsonw.h), so
 * that a reply can add members of its own before closing it: "questionnaire", "version",
 * "lang", "total" … "actions", "recommendations". */
void result_json_members(buf_t *b, const diagnosis_t *d, lang_t lang);
/* The same object parsed, for the command line (which adds members and indents it). */
json_t *result_json(const diagnosis_t *d, lang_t lang);
/* The ranked recommendations alone (an array), as in the result's "recommendations". */
void recommendations_json(buf_t *b, const diagnosis_t *d, lang_t lang);
/* What to do first (an array), as in the result's "actions": at most 5, each with "title",
 * "why", "steps", "cost" and "effort" (docs/cli.md). */
void actions_json(buf_t *b, const diagnosis_t *d, lang_t lang);
json_t *questionnaire_json(const questionnaire_t *q, lang_t lang, bool with_items);

#endif
