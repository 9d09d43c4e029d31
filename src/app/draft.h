/*
 * draft.h — questionnaires being answered in the browser, kept step by step so a reload, the
 * back button or the language switch lose nothing.
 */
#ifndef MAMORU_APP_DRAFT_H
#define MAMORU_APP_DRAFT_H

#include "app/app.h"

/* *found is false when there is no draft with this id for this questionnaire. */
int app_draft_get(app_t *a, const char *id, const char *questionnaire, draft_t *out, bool *found, err_t *e);
int app_draft_put(app_t *a, draft_t *d, err_t *e);
int app_draft_delete(app_t *a, const char *id, err_t *e);

#endif
