/*
 * records_json.h — stored records as JSON: organisations (with the derived size band and SME
 * flag), diagnosis snapshots, and an organisation's history with its roll-ups and respondent
 * comparisons. Used by `org show --json`, `history --json` and `export --format json`.
 */
#ifndef MAMORU_REPORT_RECORDS_JSON_H
#define MAMORU_REPORT_RECORDS_JSON_H

#include <jansson.h>

#include "core/buf.h"
#include "core/history.h"
#include "core/org.h"
#include "core/plan.h"

json_t *org_json(const content_t *c, const org_t *o, lang_t lang);
/* A stored diagnosis's members, without braces, as JSON text (report/jsonw.h): "id",
 * "organization_id" … "industry", and with_answers "profile" and "answers". */
void snapshot_json_members(buf_t *b, const stored_diag_t *d, lang_t lang, bool with_answers);
/* The same object parsed, for lists that add members of their own (history_json). */
json_t *snapshot_json(const stored_diag_t *d, lang_t lang, bool with_answers);
/* list: the organisation's diagnoses oldest first. */
json_t *history_json(const content_t *c, const org_t *o, const stored_diag_t *const *list, int n, lang_t lang,
		     bool with_answers);
/* One page of the history (issue 19): `diagnoses` newest first as summary rows with their
 * change since the site's previous result, the `rollups` and `comparisons` of the page's rounds,
 * `limit`, `before` (as asked, null for the newest page) and `next` (the `before` of the next
 * older page, null on the oldest). */
json_t *history_page_json(const content_t *c, const org_t *o, const history_page_t *p, lang_t lang);

/* The action plan, each item checked against the latest diagnosis (list oldest first). */
json_t *plan_json(const content_t *c, const plan_item_t *items, int n, const stored_diag_t *const *list, int nlist,
		  lang_t lang);

#endif
