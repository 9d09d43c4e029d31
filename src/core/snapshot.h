/*
 * snapshot.h — a diagnosis as it is stored: an immutable snapshot holding every answer with
 * its option and points as scored then, category subtotals with their titles in both
 * languages, and the band's labels, so revising content never changes an old result.
 * Roll-ups, comparisons and history are computed from snapshots alone (core/history.h).
 */
#ifndef MAMORU_CORE_SNAPSHOT_H
#define MAMORU_CORE_SNAPSHOT_H

#include <stdint.h>

#include "core/arena.h"
#include "core/diagnosis.h"

#define SD_TEXT 128
#define SD_PROFILE 1024
typedef struct {
	char question[40], option[40], category[40];
	int points, full;
	const char *note;                  /* free text of any length, "" when none (owned by the record) */
} sd_answer_t;

typedef struct {
	char id[40];
	char title_ja[SD_TEXT * 2], title_en[SD_TEXT * 2];
	int total, max;
} sd_category_t;

typedef enum { ROLE_NONE = 0, ROLE_EXECUTIVE, ROLE_MANAGER, ROLE_STAFF } role_t;

typedef struct stored_diag {
	int64_t id, org_id;                /* org_id 0 = no organisation */
	char questionnaire[40], version[40];
	char round[40];                    /* diagnoses of one round roll up together */
	char scope[SD_TEXT];               /* 診断の範囲: 全社, a site or a department */
	char respondent[SD_TEXT];
	role_t role;
	bool pool;                         /* consent to the benchmark pool */
	char created[32];                  /* ISO 8601 UTC */
	/* the company as it was when diagnosed: its benchmark profile and peer dimensions */
	int risk;                          /* risk index 0-100, -1 = unknown */
	char risk_group[16], size_band[8], industry[4];
	char profile[SD_PROFILE];          /* profile answers as JSON; "" = none */
	int total, max, min;
	char band_id[40], band_ja[SD_TEXT * 2], band_en[SD_TEXT * 2];
	int nanswers, ncats;
	sd_answer_t *answers;              /* nanswers, allocated with the record */
	sd_category_t *cats;               /* ncats */
	arena_t text;                      /* the notes and any other free text of the record */
} stored_diag_t;

/* A record with room for exactly n answers and k categories; free with stored_diag_free. */
stored_diag_t *stored_diag_new(int nanswers, int ncats);
/* Gives answer i a copy of note (NULL or "" = none), owned by the record. */
void stored_diag_set_note(stored_diag_t *sd, int i, const char *note);
void stored_diag_free(stored_diag_t *sd);
void stored_diag_list_free(stored_diag_t **list, int n);
/* The snapshot of a scored diagnosis, with the who/where fields (org_id, round, scope,
 * respondent, role, pool) copied from meta. Pure; no storage involved. */
stored_diag_t *stored_diag_from(const diagnosis_t *d, const stored_diag_t *meta);
/* The snapshot's options as answers to the current questionnaire (matched by question and
 * option id; anything the content no longer has stays unanswered). */
void snapshot_answers(const questionnaire_t *q, const stored_diag_t *sd, answers_t *a);
const char *role_id(role_t r);
bool role_parse(const char *s, role_t *out);

#endif
