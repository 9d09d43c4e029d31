/*
 * history.h — one page of an organisation's history (issue 19: every page costs a page). The
 * newest `limit` diagnoses below a cursor as summary rows, each with the site's previous result
 * (which may be on an older page) and the change per category, and — only for the rounds that
 * have a row on the page — the round's sheets with their answers for the roll-up and the
 * executive/staff comparison. Nothing here reads more than the page and its rounds, however
 * long the history.
 */
#ifndef MAMORU_APP_HISTORY_H
#define MAMORU_APP_HISTORY_H

#include "app/app.h"
#include "core/history.h"

/* before: the page holds diagnoses with a smaller id (0 = the newest page); limit 1 to
 * HISTORY_PAGE_MAX (the caller checks it, src/input/page_input.h). history_page_free. */
int app_history_page(app_t *a, int64_t org_id, int64_t before, int limit, history_page_t *out, err_t *e);

#endif
