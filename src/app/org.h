/*
 * org.h — organisations: the companies being diagnosed, and their history of diagnoses.
 */
#ifndef MAMORU_APP_ORG_H
#define MAMORU_APP_ORG_H

#include "app/app.h"

/* ERR_NOT_FOUND (field "organization_id") when there is no such organisation. */
int app_org_get(app_t *a, int64_t id, org_t *out, err_t *e);
/* Adds a validated organisation (src/input/org_input.h): sets id, created and updated. */
int app_org_create(app_t *a, org_t *o, err_t *e);
/* Saves a validated organisation's changes and reads it back. */
int app_org_update(app_t *a, org_t *o, err_t *e);
/* Archives an organisation (kept, with its history, but out of the client list and the pool's
 * way) or, with archive false, brings it back. Administrators and its consultants. */
int app_org_archive(app_t *a, int64_t id, bool archive, err_t *e);
/* Deletes an organisation and everything of it — diagnoses, plan, profiles, drafts, links,
 * its contributions to the pool — in one transaction; its member accounts are disabled.
 * Administrators and its consultants. */
int app_org_delete(app_t *a, int64_t id, err_t *e);
/* Calls fn for every organisation by id until it returns false. */
int app_org_each(app_t *a, bool (*fn)(const org_t *, void *), void *arg, err_t *e);
/* Every diagnosis of the organisation, oldest first (stored_diag_list_free). */
int app_org_history(app_t *a, int64_t org_id, stored_diag_t ***list, int *n, err_t *e);
/* Calls fn with every diagnosis of the organisation, oldest first, one in memory at a time;
 * fn returning false stops (and is not an error). */
int app_org_history_each(app_t *a, int64_t org_id, bool (*fn)(const stored_diag_t *, void *), void *arg, err_t *e);
/* The organisation's latest diagnosis of each questionnaire (at most one per questionnaire the
 * content has, in the content's order; stored_diag_list_free): what the action plan checks its
 * items against, without reading the whole history (issue 19). */
int app_org_latest_each(app_t *a, int64_t org_id, stored_diag_t ***list, int *n, err_t *e);
/* The organisation's latest diagnosis; *out NULL when it has none. */
int app_org_latest(app_t *a, int64_t org_id, stored_diag_t **out, err_t *e);

#endif
