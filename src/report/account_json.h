/*
 * account_json.h — users, API tokens and audit entries as JSON, for `mamoru user|token|audit
 * --json` and the API. Password hashes, TOTP secrets and token hashes never appear.
 */
#ifndef MAMORU_REPORT_ACCOUNT_JSON_H
#define MAMORU_REPORT_ACCOUNT_JSON_H

#include <jansson.h>

#include "core/account.h"

json_t *user_json(const user_t *u, lang_t lang);
json_t *token_json(const token_t *t);
json_t *audit_json(const audit_t *a);

#endif
