/*
 * incident_json.h — incidents, the emergency manual and the IT-BCP checklist as JSON, for
 * `mamoru incident … --json`, `mamoru manual show --json` and the API (docs/api.md). An
 * incident carries at least "level" and "steps", each step with "actor", "text" and "done"
 * (an interface other tools rely on, issue 15). Texts from the content are in the language
 * asked for; the company's own words are as written, whole.
 */
#ifndef MAMORU_REPORT_INCIDENT_JSON_H
#define MAMORU_REPORT_INCIDENT_JSON_H

#include <jansson.h>

#include "core/incident.h"

/* One line of an incident list: id, type, level, title, status, dates. */
json_t *incident_summary_json(const incident_content_t *c, const incident_t *x, lang_t lang);
/* The whole incident, with its runbook (steps) and timeline (events); m (may be NULL) names the
 * role holders the steps' actors stand for. */
json_t *incident_json(const incident_content_t *c, const incident_t *x, const inc_step_rec_t *steps, int nsteps,
		      const inc_event_t *events, int nevents, const inc_manual_t *m, lang_t lang);
/* A step's actor in words: the content's actors joined, or the company's own text. */
void inc_step_actor(const incident_content_t *c, const inc_step_rec_t *s, lang_t lang, char *out, size_t size);
/* The emergency manual: roles with their holders, levels with responders and contacts. */
json_t *manual_json(const incident_content_t *c, const inc_manual_t *m, lang_t lang);
/* The IT-BCP checklist: every step of the content with what the organisation recorded. */
json_t *bcp_json(const incident_content_t *c, const inc_bcp_t *b, int n, lang_t lang);

#endif
