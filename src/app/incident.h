/*
 * incident.h — incident response for one organisation (core/incident.h, docs/incidents.md):
 * the incident register with its guided response (an incident's type and damage level, the
 * runbook its playbook calls for, steps ticked with who and when, the timeline, closing with
 * the cause and the measures, which become action-plan items), the company's emergency manual
 * (who holds each role, how to reach them) and its IT-BCP checklist. Access is that of the
 * organisation's plan (app/access.h): reading needs to see the organisation, changing needs
 * write access to it; what the caller may not see is "not found". Every change is one
 * transaction with its audit entry; a refused change leaves everything as it was.
 */
#ifndef MAMORU_APP_INCIDENT_H
#define MAMORU_APP_INCIDENT_H

#include "app/app.h"
#include "core/incident.h"

/* An incident with its runbook and timeline. */
typedef struct {
	incident_t inc;
	inc_step_rec_t *steps;
	int nsteps;
	inc_event_t *events;
	int nevents;
} incident_view_t;

void incident_view_free(incident_view_t *v);

/* Now in Japan as "YYYY-MM-DD HH:MM": the default time of a tick or a timeline entry. */
void app_local_time(const app_t *a, char out[INC_TIME]);

/* Records a validated incident (x->org_id, type, level, title at least; src/input/incident_input.h)
 * with the runbook its type and level call for and an "opened" timeline entry; sets x->id. The
 * assets must be the organisation's (ERR_INVALID, field "asset"). */
int app_incident_add(app_t *a, incident_t *x, err_t *e);
/* ERR_NOT_FOUND (field "id") when there is none the caller may see; with org_id > 0, also
 * unless it belongs to that organisation (pages under /organizations/{id}). out is filled
 * (incident_view_free) only on success. */
int app_incident_get(app_t *a, int64_t org_id, int64_t id, incident_view_t *out, err_t *e);
/* The organisation's incidents, newest first (incident_list_free). */
int app_incident_list(app_t *a, int64_t org_id, incident_t **out, int *n, err_t *e);
/* One page of that list (issue 19), per_page a page: *page is the page asked (1, 2, …); past
 * the last it becomes the last with last_when_past (the register), else the page is empty (the
 * API, as its other lists); *total = the organisation's incidents. The database pages, and only
 * the summary columns are read (store_incident_page), so a page costs about the same however
 * long the register. The same access as app_incident_list. incident_list_free. */
int app_incident_page(app_t *a, int64_t org_id, int per_page, bool last_when_past, int *page, incident_t **out, int *n, int *total,
		      err_t *e);
/* Saves the details of x (title, description, when found, by whom, assets, intake sheet). */
int app_incident_update(app_t *a, const incident_t *x, err_t *e);
/* Decides the level again (scopes: the wizard's answers, "" when chosen directly): the runbook
 * follows (core/incident.h inc_merge_steps) and the timeline says so. */
int app_incident_level(app_t *a, int64_t id, int level, const char *scopes, err_t *e);

/* A tick of step `position` (1..): done or not, by whom and when (NULL or "" = the caller and
 * now), and its note (NULL = unchanged). A step ticked done enters the timeline. */
typedef struct {
	bool done;
	const char *by, *at, *note;
} inc_tick_t;
int app_incident_step(app_t *a, int64_t id, int position, const inc_tick_t *t, err_t *e);
/* Adds a step of the company's own at the end of the runbook. */
int app_incident_step_add(app_t *a, int64_t id, const char *actor, const char *text, err_t *e);
/* Adds a timeline entry (at "" = now). */
int app_incident_note(app_t *a, int64_t id, const char *at, const char *text, err_t *e);
/* Closes an open incident with its cause (required) and measures (one a line): each measure
 * becomes an item of the organisation's action plan (owner and due date optional), in the same
 * transaction. *planned = how many items were added. ERR_CONFLICT when it is closed already. */
int app_incident_close(app_t *a, int64_t id, const char *cause, const char *measures, const char *owner, const char *due,
		       int *planned, err_t *e);
/* Opens a closed incident again (its plan items stay). */
int app_incident_reopen(app_t *a, int64_t id, err_t *e);

/* The organisation's emergency manual (empty when it has none yet). */
int app_manual_get(app_t *a, int64_t org_id, inc_manual_t *out, err_t *e);
/* Saves it whole (m->updated is set). */
int app_manual_put(app_t *a, int64_t org_id, inc_manual_t *m, err_t *e);
/* The IT-BCP checklist as recorded (free()): one entry per step of the content the
 * organisation has touched. */
int app_bcp_list(app_t *a, int64_t org_id, inc_bcp_t **out, int *n, err_t *e);
/* Saves n steps (each b[i].step an id of the content's IT-BCP steps) in one transaction. */
int app_bcp_put(app_t *a, int64_t org_id, inc_bcp_t *b, int n, err_t *e);

#endif
