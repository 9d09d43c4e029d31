/*
 * plan.h — the action plan: recommendations a company has accepted, each with an owner, a
 * due date and a status, kept with the organisation. A re-diagnosis is compared against it:
 * a planned question now at full marks in the latest diagnosis counts as achieved.
 */
#ifndef MAMORU_CORE_PLAN_H
#define MAMORU_CORE_PLAN_H

#include <stdint.h>

#include "core/snapshot.h"

typedef enum { PLAN_NOT_STARTED = 0, PLAN_DOING, PLAN_DONE } plan_status_t;

typedef struct {
	int64_t id, org_id, diagnosis_id;  /* the diagnosis it came from (0 = none) */
	char questionnaire[40], question[40];
	char owner[SD_TEXT];
	char due[11];                        /* YYYY-MM-DD or "" */
	char title[801];                     /* what to do in words, for an item not from a questionnaire
					      * (a measure from an incident's closing): "" for questions */
	plan_status_t status;
	char note[801];                      /* the company's own words: what was done, what is next */
	char created[32], updated[32];
} plan_item_t;

const char *plan_status_id(plan_status_t s);
bool plan_status_parse(const char *s, plan_status_t *out);
/* True for a real calendar date written YYYY-MM-DD. */
bool plan_date_valid(const char *s);

/* Past its due date and not done, on `today` ("YYYY-MM-DD" in the configured zone). */
bool plan_overdue(const plan_item_t *p, const char *today);

typedef enum { PLAN_NOT_CHECKED = 0, PLAN_ACHIEVED, PLAN_NOT_YET } plan_check_t;
/* Compares an item with the latest diagnosis of the organisation (list oldest first). */
plan_check_t plan_check(const plan_item_t *p, const stored_diag_t *const *list, int n, int64_t *against);

#endif
