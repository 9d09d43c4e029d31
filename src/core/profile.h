/*
 * profile.h — the company profile behind the benchmark (content/profile.yaml) and the risk
 * index computed from it: each answer carries risk points, the index is their sum as a
 * percentage of the highest possible sum, and thresholds place the company in GI / GII / GIII.
 * Employees, industry and sites come from the organisation record instead of being asked.
 * The model and the arithmetic are pure; docs/benchmark-model.md explains the numbers.
 */
#ifndef MAMORU_CORE_PROFILE_H
#define MAMORU_CORE_PROFILE_H

#include "core/model.h"
#include "core/org.h"

#define PROFILE_MAX_ITEMS 24
#define PROFILE_MAX_GROUPS 4
#define PROFILE_MAX_CODES 24

typedef enum { PF_ASKED = 0, PF_EMPLOYEES, PF_INDUSTRY, PF_SITES } profile_field_t;

typedef struct {
	const char *id;
	mtext_t label;
	int points;
	int max;                                 /* org_field employees/sites: value <= max; -1 = any */
	const char *codes[PROFILE_MAX_CODES];    /* org_field industry: the division codes */
	int ncodes;
} profile_option_t;

typedef struct {
	const char *id;
	mtext_t text;
	profile_field_t field;
	profile_option_t opts[MAX_OPTIONS];
	int nopts;
	int top;                                 /* highest points among the options */
} profile_item_t;

typedef struct {
	const char *id;
	mtext_t label;
	int min;                                 /* lowest risk index in the group */
} risk_group_t;

typedef struct profile {
	const char *version;
	mtext_t source;
	profile_item_t items[PROFILE_MAX_ITEMS];
	int nitems;
	int top_sum;                             /* sum of every item's top: the index's 100 */
	risk_group_t groups[PROFILE_MAX_GROUPS]; /* highest first; the last has min 0 */
	int ngroups;
	const questionnaire_t *desired_q;        /* the questionnaire the desired levels are for */
	signed char desired[MAX_ITEMS][PROFILE_MAX_GROUPS]; /* 望まれる水準 per item and group; 0 = none */
} profile_t;

/* The answers to the asked items: option index per item, -1 = not answered. Derived items
 * are ignored here (they are read from the organisation). */
typedef struct {
	int opt[PROFILE_MAX_ITEMS];
} profile_answers_t;

typedef struct {
	int opt[PROFILE_MAX_ITEMS];              /* resolved option per item, -1 = unknown */
	int missing;                             /* items without an answer or org value */
	int sum;
	int index;                               /* 0-100, -1 when anything is missing */
	int group;                               /* index into groups, -1 when index is -1 */
} risk_t;

void profile_answers_init(profile_answers_t *a);
int profile_item_index(const profile_t *p, const char *id);
int profile_option_index(const profile_item_t *it, const char *id);
/* Resolves the derived items from o (NULL = none) and computes index and group. */
void profile_risk(const profile_t *p, const profile_answers_t *a, const org_t *o, risk_t *out);
/* The items that raise the index most (points > 0), highest first, at most max: the
 * "why is my index high" breakdown. */
int profile_reasons(const profile_t *p, const risk_t *r, int *items, int max);

/* The desired level of every item of q for the group with this id into out[MAX_ITEMS];
 * false (out untouched) when the profile sets none for q or the group is unknown. */
bool profile_desired_levels(const profile_t *p, const questionnaire_t *q, const char *group_id, int *out);
int profile_group_index(const profile_t *p, const char *id);

#endif
