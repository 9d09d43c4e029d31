/*
 * secaction_json.h — a company's SECURITY ACTION record as JSON, for `mamoru export --format
 * json` ("security_action"): the 5か条 ticked, the stars it is ready for, and its basic policy
 * (choices, text, adopted) — the policy is part of what a company hands over.
 */
#ifndef MAMORU_REPORT_SECACTION_JSON_H
#define MAMORU_REPORT_SECACTION_JSON_H

#include <jansson.h>

#include "core/secaction.h"

json_t *secaction_json(const content_t *c, const secaction_t *s, const sa_readiness_t *ready, lang_t lang);

#endif
