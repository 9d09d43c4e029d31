/*
 * store.h — the one storage interface the rest of mamoru uses. SQLite (sqlite.c) is the
 * embedded default; a PostgreSQL backend can implement the same functions later without
 * touching callers.
 *
 * Records are plain structs with fixed-size text fields, validated at the edge before they
 * get here. Every write is one transaction: it happens completely or not at all.
 */
#ifndef MAMORU_STORE_STORE_H
#define MAMORU_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/org.h"
#include "core/plan.h"
#include "core/pool.h"
#include "core/snapshot.h"

typedef struct store store_t;

typedef enum {
	STORE_OK = 0,
	STORE_NOT_FOUND,
	STORE_INVALID,   /* refused input, e.g. a foreign key to a missing organisation */
	STORE_ERROR,     /* I/O, corruption, a database newer than the program */
} store_rc_t;

#define STORE_ERR_LEN 512

/* Opens (creating folder and file, mode 0600) and migrates the database at path. */
store_rc_t store_open(const char *path, store_t **out, char err[STORE_ERR_LEN]);
void store_close(store_t *s);
int store_schema_version(store_t *s);
const char *store_error(store_t *s);  /* last error, for messages */

/* ---- organisations ---- */
store_rc_t store_org_add(store_t *s, org_t *org);            /* sets org->id, created */
store_rc_t store_org_update(store_t *s, const org_t *org);
store_rc_t store_org_get(store_t *s, int64_t id, org_t *out);
/* Calls fn for every organisation by id; stops early when fn returns false. */
store_rc_t store_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg);

/* ---- diagnoses: immutable snapshots (core/snapshot.h) ---- */
store_rc_t store_diag_save(store_t *s, stored_diag_t *sd);  /* sets sd->id, created */
/* *out is a new record (stored_diag_free). */
store_rc_t store_diag_get(store_t *s, int64_t id, stored_diag_t **out);
/* Every diagnosis of an organisation, oldest first, answers included: *out is a new array of
 * *n records (stored_diag_list_free). */
store_rc_t store_diag_list(store_t *s, int64_t org_id, stored_diag_t ***out, int *n);
/* The organisation's last `max` diagnoses of a questionnaire up to and including diagnosis
 * `upto`, oldest first (the "current result and the four before it" of the benchmark). */
store_rc_t store_diag_recent(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max,
			     stored_diag_t ***out, int *n);
/* The organisation's most recent diagnosis (STORE_NOT_FOUND when it has none). */
store_rc_t store_diag_latest(store_t *s, int64_t org_id, stored_diag_t **out);

/* ---- drafts: a questionnaire being answered in the browser ---- */
#define DRAFT_ID_LEN 32
#define DRAFT_ANSWERS_MAX 16384
typedef struct {
	char id[DRAFT_ID_LEN + 1];          /* 32 lowercase hex characters */
	char questionnaire[40];
	int64_t org_id;                     /* 0 = none */
	char answers[DRAFT_ANSWERS_MAX];    /* JSON object {"question": "option", ...} */
} draft_t;

store_rc_t store_draft_put(store_t *s, const draft_t *d);
store_rc_t store_draft_get(store_t *s, const char *id, draft_t *out);
store_rc_t store_draft_delete(store_t *s, const char *id);

/* ---- the action plan ---- */
/* Adds an item (STORE_INVALID when the organisation already plans that question). */
store_rc_t store_plan_add(store_t *s, plan_item_t *p);
store_rc_t store_plan_update(store_t *s, const plan_item_t *p);   /* owner, due, status */
store_rc_t store_plan_get(store_t *s, int64_t id, plan_item_t *out);
/* The organisation's plan, oldest first: *out is a new array of *n items (free()). */
store_rc_t store_plan_list(store_t *s, int64_t org_id, plan_item_t **out, int *n);

/* ---- the company profile behind the benchmark (core/profile.h), versioned ---- */
typedef struct {
	char version[40];                   /* content/profile.yaml version answered */
	char answers[SD_PROFILE];           /* JSON object {"item": "option", ...} */
	char created[32];
} org_profile_t;

/* Adds a new version of the organisation's profile; earlier ones are kept. */
store_rc_t store_profile_put(store_t *s, int64_t org_id, const char *version, const char *answers);
store_rc_t store_profile_get(store_t *s, int64_t org_id, org_profile_t *out);   /* the latest */

/* ---- the benchmark pool (core/pool.h) ----
 * store_diag_save keeps it up to date: a pooled diagnosis replaces its organisation's earlier
 * contribution for the questionnaire, in the same transaction. */
/* The sum of one aggregate's monthly buckets from month `from` ("YYYY-MM") on, this
 * database's and imported ones together. */
store_rc_t store_pool_agg(store_t *s, const pool_key_t *key, const char *from, pool_agg_t *out);
/* Calls fn for every aggregate with buckets from month `from` on, summed, in key order. */
store_rc_t store_pool_each(store_t *s, const char *from, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *),
			   void *arg);
/* Adds published aggregates as a read-only baseline in bucket `month`: all or nothing. */
store_rc_t store_pool_import(store_t *s, const char *month, const pool_key_t *keys, const pool_agg_t *aggs, int n);

/* ---- whole database ---- */
/* Online backup to a new file: safe while other processes use the database. */
store_rc_t store_backup(store_t *s, const char *dest, char err[STORE_ERR_LEN]);
/* Checks that src is a healthy mamoru database this program can read (integrity check,
 * schema version not newer than ours); does not modify it. */
store_rc_t store_check_file(const char *src, char err[STORE_ERR_LEN]);
/* Replaces the whole database with the contents of src after store_check_file() passes, then
 * brings it up to date with the migrations. The caller keeps a backup of the old data. */
store_rc_t store_restore(store_t *s, const char *src, char err[STORE_ERR_LEN]);

#endif
