/*
 * store.h — the one storage interface the rest of mamoru uses, backend-neutral.
 *
 * A backend is a table of operations (store_ops_t) registered under a name and chosen when
 * the store is opened — the way SQLite chooses a VFS — so SQLite (the embedded default) and
 * PostgreSQL can live in one binary and every test can run against each. Backends do row I/O
 * only: the domain rules (when a record was created, the default round, how a pooled
 * diagnosis changes the peer aggregates) live in src/app and src/core, which group row
 * operations into one write transaction with store_begin / store_commit.
 *
 * Records are plain structs, validated at the edge before they get here. Every row operation
 * that writes runs inside a transaction: one begun by the caller, or else its own, so nothing
 * is ever half written. Only src/app calls these functions (and tests and benchmarks).
 *
 * The store carries the tenant: store_set_workspace() names the caller's workspace, and every
 * read and write of organisations, diagnoses, drafts, plans and profiles is limited to it, so
 * no query can forget it (another workspace's record is simply not found). Accounts (users,
 * sessions, tokens) are looked up across workspaces: that is how a login finds its workspace.
 * The benchmark pool is anonymous and shared by design.
 */
#ifndef MAMORU_STORE_STORE_H
#define MAMORU_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/account.h"
#include "core/contractor.h"
#include "core/err.h"
#include "core/history.h"
#include "core/incident.h"
#include "core/org.h"
#include "core/plan.h"
#include "core/pool.h"
#include "core/risk.h"
#include "core/secaction.h"
#include "core/snapshot.h"

typedef enum {
	STORE_OK = 0,
	STORE_NOT_FOUND,
	STORE_INVALID,   /* refused by a constraint, e.g. a duplicate or a missing organisation */
	STORE_ERROR,     /* I/O, corruption, a database newer than the program */
} store_rc_t;

/* ---- records that only the store has ---- */

/* A questionnaire being answered in the browser. */
#define DRAFT_ID_LEN 32
#define DRAFT_ANSWERS_MAX 16384
typedef struct {
	char id[DRAFT_ID_LEN + 1];          /* 32 lowercase hex characters */
	char questionnaire[40];
	int64_t org_id;                     /* 0 = none */
	char answers[DRAFT_ANSWERS_MAX];    /* JSON object {"question": "option", ...} */
	char updated[32];
} draft_t;

/* One version of a company's benchmark profile (core/profile.h). */
typedef struct {
	char version[40];                   /* content/profile.yaml version answered */
	char answers[SD_PROFILE];           /* JSON object {"item": "option", ...} */
	char created[32];
} org_profile_t;

/* An organisation's current place in the benchmark pool for one questionnaire: the pooled
 * diagnosis and what it added to the aggregates (core/pool.h's text form), so that the next
 * pooled diagnosis can take exactly that out again. */
#define POOL_CONTRIB_TEXT 2048
typedef struct {
	int64_t diagnosis_id;
	char contribution[POOL_CONTRIB_TEXT];   /* "" in rows written before schema 6 */
} pool_member_t;

/* Where pool aggregates come from: id 0 is this database, named by its own install id; each
 * imported pool file's source (the install that exported it) has one row, whose id is the
 * `origin` of its aggregates, so importing a source again replaces what it brought. */
#define POOL_CONTAINS_TEXT 2200
typedef struct {
	int64_t id;
	char source[33];                    /* 32 hex characters */
	char from[8], to[8];                /* the file's window ("" for this database) */
	int64_t release;                    /* the exporter's release it came from */
	char contains[POOL_CONTAINS_TEXT];  /* installs whose data the file held, space-separated */
	int aggregates;
	char imported[32];
} pool_source_t;

/* One release of the pool: the protected statistics (core/pool_privacy.h) that results are
 * compared with and that `pool export` writes, made once a month or by an administrator. */
typedef struct {
	int64_t id;
	char month[8];                      /* the month (Japan time) it was made in */
	char created[32];
	double rho;                         /* the privacy cost of this release (zCDP ρ) */
	int min_group;
	char made_by[16];                   /* "auto" or "admin" */
} pool_release_t;

/* One page of an organisation's asset ledger (core/asset.h): filters, sort and page. */
typedef enum { ASORT_NO = 0, ASORT_NAME, ASORT_IMPORTANCE, ASORT_DEPARTMENT, ASORT_INVENTORIED, ASORT_REGISTERED, ASORT_COUNT } asset_sort_t;
typedef struct {
	const char *q;                  /* in the name, medium, location, department or owner ("" = any) */
	const char *department;         /* exactly this 管理責任部門 ("" = any) */
	bool by_sum;                    /* importance is C + I + A (else max(C, I, A)): for sort and filter */
	int score_lo, score_hi;         /* importance score within [lo, hi] (0, 0 = any) */
	const char *overdue_before;     /* still kept and last inventory before this date ("" = any) */
	const char *expired_before;     /* still kept and retain_until before this date ("" = any) */
	int disposed;                   /* -1 any, 0 kept only, 1 disposed only */
	asset_sort_t sort;
	bool desc;
	int offset, limit;              /* limit 0 = every row */
} asset_query_t;

/* One page of an organisation's risk register (core/risk.h). */
typedef enum { RSORT_ID = 0, RSORT_CELL, RSORT_TREATMENT, RSORT_REVIEW, RSORT_COUNT } risk_sort_t;
typedef struct {
	const char *q;                  /* in the threat or the reason ("" = any) */
	int64_t asset_id;               /* risks to this asset (0 = any) */
	int freq, impact;               /* a row / column of the matrix (-1 = any) */
	int treatment;                  /* RT_* decided, RT_NONE undecided, -2 = any */
	risk_sort_t sort;
	bool desc;
	int offset, limit;
} risk_query_t;

/* ---- the backend interface ---- */

typedef struct store store_t;
/* Which summary rows of an organisation's diagnoses to read (issue 19: lists read summaries
 * only). By id: newest first below `before` (0 = from the newest) or, with `after` > 0, oldest
 * first above it; only of one questionnaire, round (with its questionnaire) or scope when given
 * (NULL = any); at most `limit` rows. */
typedef struct {
	int64_t org_id;
	const char *questionnaire, *round, *scope;
	int64_t before, after;
	int limit;
} diag_query_t;

/* What a page of the client list is ordered by: as client_cmp orders the rows of those sorts
 * (core/clients.h), from each organisation's latest result kept on its row (schema 21). */
typedef enum { ORG_BY_NAME = 0, ORG_BY_SCORE, ORG_BY_TREND, ORG_BY_DATE, ORG_BY_COUNT } org_by_t;

/* One page of the client list in the database (issue 19): the organisations archived or not,
 * of one industry ("" = any), whose name contains q in any ASCII case ("" = any; as
 * client_name_contains), whose latest result is in band ("" = any; as client_matches_band),
 * in the order `by` ascending or descending, `limit` from `offset`. */
typedef struct {
	bool archived;
	const char *industry, *q, *band;
	org_by_t by;
	bool desc;
	int offset, limit;
} org_query_t;

typedef struct store_ops store_ops_t;
typedef struct store_table store_table_t;   /* copy.h: a table of the schema, for copying */
typedef struct store_value store_value_t;

/* What every backend's connection begins with. */
struct store {
	const store_ops_t *ops;
	err_t err;                          /* the last failure, with the backend's own detail */
	int64_t workspace;                  /* the tenant every scoped query is limited to */
};

struct store_ops {
	const char *name;                   /* "sqlite", "postgres" */
	void (*close)(store_t *s);
	int (*schema_version)(store_t *s);

	/* A write transaction (serialised against other writers) and a read transaction (one
	 * consistent view for several reads; nested use is a no-op). */
	store_rc_t (*begin)(store_t *s);
	store_rc_t (*commit)(store_t *s);
	void (*rollback)(store_t *s);
	bool (*read_begin)(store_t *s);
	void (*read_end)(store_t *s, bool began);
	/* One read transaction for all of a request's reads that the connection gives up by itself
	 * the moment the request writes (the write then runs as it would have without it). It saves
	 * taking the file's read lock per statement on SQLite; NULL where a transaction costs more
	 * than it saves (PostgreSQL: two more round trips). */
	bool (*request_begin)(store_t *s);
	void (*request_end)(store_t *s, bool began);
	/* This connection leaves write-ahead-log checkpoints to the backend's own background
	 * thread, so no request waits for one (issue 19; the server's connections). NULL: the
	 * backend has nothing of the kind. */
	void (*defer_checkpoints)(store_t *s);

	store_rc_t (*org_add)(store_t *s, org_t *o);                       /* sets o->id */
	store_rc_t (*org_update)(store_t *s, const org_t *o);
	store_rc_t (*org_get)(store_t *s, int64_t id, org_t *out);
	store_rc_t (*org_list)(store_t *s, bool (*fn)(const org_t *, void *), void *arg);
	store_rc_t (*org_archive)(store_t *s, int64_t id, const char *archived, const char *updated);
	/* the organisation and everything of it; its member accounts disabled and signed out */
	store_rc_t (*org_delete)(store_t *s, int64_t id);
	/* a page of organisations (org_query_t), how many match and how many the workspace has */
	store_rc_t (*org_page)(store_t *s, const org_query_t *q, org_t **out, int *n, int64_t *matched, int64_t *all);

	store_rc_t (*diag_add)(store_t *s, stored_diag_t *sd);            /* sets sd->id */
	store_rc_t (*diag_get)(store_t *s, int64_t id, stored_diag_t **out);
	/* the ids of an organisation's diagnoses, oldest first: all, or of one questionnaire up to
	 * diagnosis `upto` and at most `max` of them (the most recent), or the latest one */
	store_rc_t (*diag_ids)(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max,
			       int64_t **ids, int *n);
	/* the snapshot, its place in the pool and the link it answered; plans keep their items */
	store_rc_t (*diag_delete)(store_t *s, int64_t id);
	/* when the diagnosis was saved, without loading it (ids can come back after a delete) */
	store_rc_t (*diag_created)(store_t *s, int64_t id, char *out, size_t size);
	/* summary rows of an organisation's diagnoses (diag_query_t); *out is free()d */
	store_rc_t (*diag_summaries)(store_t *s, const diag_query_t *q, diag_summary_t **out, int *n);
	/* a diagnosis's categories in order; *out is free()d */
	store_rc_t (*diag_cats)(store_t *s, int64_t id, sd_category_t **out, int *n);

	store_rc_t (*draft_put)(store_t *s, const draft_t *d);
	store_rc_t (*draft_get)(store_t *s, const char *id, draft_t *out);
	store_rc_t (*draft_delete)(store_t *s, const char *id);

	store_rc_t (*plan_add)(store_t *s, plan_item_t *p);                /* STORE_INVALID: planned already */
	store_rc_t (*plan_update)(store_t *s, const plan_item_t *p);
	store_rc_t (*plan_get)(store_t *s, int64_t id, plan_item_t *out);
	store_rc_t (*plan_list)(store_t *s, int64_t org_id, plan_item_t **out, int *n);
	/* up to limit items of plan_list's order from offset; *total counts the whole plan */
	store_rc_t (*plan_page)(store_t *s, int64_t org_id, int offset, int limit, plan_item_t **out, int *n, int *total);
	store_rc_t (*plan_delete)(store_t *s, int64_t id);

	store_rc_t (*profile_add)(store_t *s, int64_t org_id, const org_profile_t *p);
	store_rc_t (*profile_get)(store_t *s, int64_t org_id, org_profile_t *out);  /* the latest */

	store_rc_t (*member_get)(store_t *s, int64_t org_id, const char *questionnaire, pool_member_t *out);
	store_rc_t (*member_put)(store_t *s, int64_t org_id, const char *questionnaire, const pool_member_t *m);
	store_rc_t (*member_delete)(store_t *s, int64_t org_id, const char *questionnaire);
	/* Adds delta (which may take a contribution out) to one monthly bucket of an aggregate;
	 * origin 0 = this database's diagnoses, 1 = an imported baseline. */
	store_rc_t (*agg_add)(store_t *s, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta);
	/* The sum of an aggregate's buckets from month `from` on, both origins. */
	store_rc_t (*agg_sum)(store_t *s, const pool_key_t *k, const char *from, pool_agg_t *out);
	/* Every aggregate with buckets from month `from` on, summed, in key order. */
	store_rc_t (*agg_each)(store_t *s, const char *from, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *),
			       void *arg);
	/* every source, by id (*out: free()) */
	store_rc_t (*source_list)(store_t *s, pool_source_t **out, int *n);
	/* updates source src->id, or adds one when src->id is 0 (sets it; never 0) */
	store_rc_t (*source_put)(store_t *s, pool_source_t *src);
	/* deletes every aggregate row of that origin (an import about to be replaced) */
	store_rc_t (*source_clear)(store_t *s, int64_t id);
	store_rc_t (*release_add)(store_t *s, pool_release_t *r);                         /* sets r->id */
	/* the releases made in month `from` or later, oldest first (*out: free()) */
	store_rc_t (*release_list)(store_t *s, const char *from, pool_release_t **out, int *n);
	store_rc_t (*release_agg_put)(store_t *s, int64_t release, const pool_key_t *k, const pool_agg_t *a);
	/* STORE_NOT_FOUND: the release does not publish that aggregate */
	store_rc_t (*release_agg_get)(store_t *s, int64_t release, const pool_key_t *k, pool_agg_t *out);
	store_rc_t (*release_agg_each)(store_t *s, int64_t release, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *),
				       void *arg);

	/* accounts (core/account.h) */
	store_rc_t (*workspace_add)(store_t *s, workspace_t *w);          /* sets w->id */
	store_rc_t (*workspace_get)(store_t *s, int64_t id, workspace_t *out);
	store_rc_t (*workspace_update)(store_t *s, const workspace_t *w);
	store_rc_t (*workspace_list)(store_t *s, workspace_t **out, int *n);
	store_rc_t (*user_count)(store_t *s, int64_t *n);                 /* every workspace */
	store_rc_t (*user_add)(store_t *s, user_t *u);                     /* STORE_INVALID: e-mail taken */
	store_rc_t (*user_update)(store_t *s, const user_t *u);
	store_rc_t (*user_get)(store_t *s, int64_t id, user_t *out);
	store_rc_t (*user_by_email)(store_t *s, const char *email, user_t *out);   /* any case */
	store_rc_t (*user_list)(store_t *s, int64_t workspace, user_t **out, int *n);
	/* a consultant's assigned organisations */
	store_rc_t (*assign)(store_t *s, int64_t user_id, int64_t org_id, bool assigned);
	store_rc_t (*assigned)(store_t *s, int64_t user_id, int64_t org_id, bool *yes);
	store_rc_t (*session_add)(store_t *s, const session_t *ss);
	store_rc_t (*session_get)(store_t *s, const char *id_hash, session_t *out);
	store_rc_t (*session_touch)(store_t *s, const char *id_hash, int64_t seen, bool second_factor);
	store_rc_t (*session_delete)(store_t *s, const char *id_hash);
	store_rc_t (*session_delete_user)(store_t *s, int64_t user_id);
	store_rc_t (*token_add)(store_t *s, token_t *t);                   /* sets t->id */
	store_rc_t (*token_by_hash)(store_t *s, const char *hash, token_t *out);
	/* a workspace's tokens, or one user's (user_id > 0) */
	store_rc_t (*token_list)(store_t *s, int64_t workspace, int64_t user_id, token_t **out, int *n);
	store_rc_t (*token_revoke)(store_t *s, int64_t id, const char *at);
	/* failed logins under a key ("user:…", "client:…"); count 0 forgets the key */
	store_rc_t (*failures_get)(store_t *s, const char *key, int *count, int64_t *first_at);
	store_rc_t (*failures_put)(store_t *s, const char *key, int count, int64_t first_at);
	/* respondent links (looked up across workspaces: the link names its workspace) */
	store_rc_t (*link_add)(store_t *s, const link_t *l);
	store_rc_t (*link_get)(store_t *s, const char *hash, link_t *out);
	/* marks the link answered by diagnosis_id, or unanswered again for 0; STORE_NOT_FOUND when
	 * it was answered already (or, for 0, was not) */
	store_rc_t (*link_answer)(store_t *s, const char *hash, int64_t diagnosis_id);
	/* the asset ledger (core/asset.h): rows of the store's workspace only */
	store_rc_t (*asset_add)(store_t *s, asset_t *a);                  /* sets a->id */
	store_rc_t (*asset_update)(store_t *s, const asset_t *a);
	store_rc_t (*asset_get)(store_t *s, int64_t id, asset_t *out);
	store_rc_t (*asset_delete)(store_t *s, int64_t id);                /* and its links to risks */
	/* the rows q selects, in its order, to fn (stops when fn returns false); *total (when not
	 * NULL) is how many match, whatever the page */
	store_rc_t (*asset_list)(store_t *s, int64_t org_id, const asset_query_t *q, bool (*fn)(const asset_t *, void *),
				 void *arg, int64_t *total);
	/* the risk register (core/risk.h), each risk with its assets */
	store_rc_t (*risk_add)(store_t *s, risk_rec_t *r);                    /* sets r->id */
	store_rc_t (*risk_update)(store_t *s, const risk_rec_t *r);
	store_rc_t (*risk_get)(store_t *s, int64_t id, risk_rec_t *out);
	store_rc_t (*risk_delete)(store_t *s, int64_t id);
	store_rc_t (*risk_list)(store_t *s, int64_t org_id, const risk_query_t *q, bool (*fn)(const risk_rec_t *, void *),
				void *arg, int64_t *total);
	/* risks per cell of the matrix: of the assessed risk, or of the residual risk where one is given */
	store_rc_t (*risk_counts)(store_t *s, int64_t org_id, bool residual, int64_t counts[RISK_FREQS][RISK_IMPACTS]);
	/* an organisation's own matrix and inventory period; STORE_NOT_FOUND = the content's */
	store_rc_t (*risk_settings_get)(store_t *s, int64_t org_id, risk_settings_t *out);
	store_rc_t (*risk_settings_put)(store_t *s, int64_t org_id, const risk_settings_t *in);
	/* an organisation's SECURITY ACTION record (core/secaction.h): STORE_NOT_FOUND when it has
	 * none yet; put writes it whole (STORE_NOT_FOUND for an organisation not in the workspace) */
	store_rc_t (*secaction_get)(store_t *s, int64_t org_id, secaction_t *out);
	store_rc_t (*secaction_put)(store_t *s, int64_t org_id, const secaction_t *in);
	/* contractors, the items sent to them, and cloud services (core/contractor.h): rows of the
	 * store's workspace only; list oldest first (*out: free()) */
	store_rc_t (*contractor_add)(store_t *s, contractor_t *c);              /* sets c->id */
	store_rc_t (*contractor_update)(store_t *s, const contractor_t *c);
	store_rc_t (*contractor_get)(store_t *s, int64_t id, contractor_t *out);
	store_rc_t (*contractor_list)(store_t *s, int64_t org_id, contractor_t **out, int *n);
	/* the contractor, its requests and their links not yet answered (answers stay in the history) */
	store_rc_t (*contractor_delete)(store_t *s, int64_t id);
	store_rc_t (*ctreq_add)(store_t *s, ct_request_t *r);                   /* sets r->id */
	/* a request with its link's expiry and diagnosis (0 when the link is gone) */
	store_rc_t (*ctreq_get)(store_t *s, int64_t id, ct_request_t *out);
	store_rc_t (*ctreq_by_link)(store_t *s, const char *link_hash, ct_request_t *out);
	store_rc_t (*ctreq_list)(store_t *s, int64_t contractor_id, ct_request_t **out, int *n);
	store_rc_t (*ctreq_review)(store_t *s, const ct_request_t *r);          /* reviewed_by, _at, note */
	store_rc_t (*cloud_add)(store_t *s, cloud_service_t *c);                /* sets c->id */
	store_rc_t (*cloud_update)(store_t *s, const cloud_service_t *c);       /* every field, the check too */
	store_rc_t (*cloud_get)(store_t *s, int64_t id, cloud_service_t *out);
	store_rc_t (*cloud_list)(store_t *s, int64_t org_id, cloud_service_t **out, int *n);
	store_rc_t (*cloud_delete)(store_t *s, int64_t id);
	/* incidents (core/incident.h) of the store's workspace: add sets x->id (STORE_NOT_FOUND for
	 * an organisation not in the workspace); get fills an incident_init'ed record; the list is
	 * newest first (incident_list_free) */
	store_rc_t (*incident_add)(store_t *s, incident_t *x);
	store_rc_t (*incident_update)(store_t *s, const incident_t *x);
	store_rc_t (*incident_get)(store_t *s, int64_t id, incident_t *out);
	store_rc_t (*incident_list)(store_t *s, int64_t org_id, incident_t **out, int *n);
	/* up to limit of incident_list's order from offset, the register's columns only; *total
	 * counts the organisation's incidents */
	store_rc_t (*incident_page)(store_t *s, int64_t org_id, int offset, int limit, incident_t **out, int *n, int *total);
	/* an incident's runbook steps, by position (inc_steps_free); update writes the position, the
	 * done state, who and when and the note; add and the timeline's add need an incident of the
	 * workspace (STORE_NOT_FOUND) */
	store_rc_t (*inc_step_add)(store_t *s, inc_step_rec_t *st);
	store_rc_t (*inc_step_update)(store_t *s, const inc_step_rec_t *st);
	store_rc_t (*inc_step_delete)(store_t *s, int64_t id);
	store_rc_t (*inc_steps)(store_t *s, int64_t incident_id, inc_step_rec_t **out, int *n);
	/* its timeline, by the time given then as added (inc_events_free) */
	store_rc_t (*inc_event_add)(store_t *s, inc_event_t *ev);
	store_rc_t (*inc_events)(store_t *s, int64_t incident_id, inc_event_t **out, int *n);
	/* the organisation's emergency manual (STORE_NOT_FOUND: none yet), written whole */
	store_rc_t (*manual_get)(store_t *s, int64_t org_id, inc_manual_t *out);
	store_rc_t (*manual_put)(store_t *s, int64_t org_id, const inc_manual_t *in);
	/* its IT-BCP checklist: the steps it has recorded (free()), one step written */
	store_rc_t (*bcp_list)(store_t *s, int64_t org_id, inc_bcp_t **out, int *n);
	store_rc_t (*bcp_put)(store_t *s, int64_t org_id, const inc_bcp_t *in);
	store_rc_t (*audit_add)(store_t *s, audit_t *a);
	/* the workspace's log, newest first, at most max entries; of one organisation when org > 0 */
	store_rc_t (*audit_list)(store_t *s, int64_t workspace, int64_t org, int max, audit_t **out, int *n);

	/* whole tables, every workspace, for `mamoru copy` (copy.h): the rows in key order, values
	 * as text (blobs as bytes); one row inserted as it was; a table emptied; and, after the
	 * copy, whatever the backend must bring up to date (PostgreSQL's identity counters) */
	store_rc_t (*rows)(store_t *s, const store_table_t *t, bool (*fn)(int n, const store_value_t *v, void *), void *arg);
	store_rc_t (*insert_row)(store_t *s, const store_table_t *t, int n, const store_value_t *v);
	store_rc_t (*clear_table)(store_t *s, const store_table_t *t);
	store_rc_t (*copy_done)(store_t *s);
};

/* A backend: `matches` says whether a database location is its (a URL scheme or a path).
 * open creates the schema of an empty database, brings an older one up to date when migrate,
 * and refuses a newer one (or, without migrate, an older one). */
typedef struct {
	const char *name;
	bool (*matches)(const char *location);
	store_rc_t (*open)(const char *location, bool migrate, store_t **out, err_t *e);
} store_backend_t;

/* Opens (creating and migrating) the database at location: postgres://… or postgresql://… for
 * PostgreSQL, anything else is an SQLite file (created with mode 0600, folders included). */
store_rc_t store_open(const char *location, store_t **out, err_t *e);
/* The same for a server that must not change the schema under others: an empty database is
 * created, but one older than the program is refused with a message saying to run
 * `mamoru migrate` (fail-closed upgrades). */
store_rc_t store_open_current(const char *location, store_t **out, err_t *e);
void store_close(store_t *s);
const char *store_backend_name(const store_t *s);
int store_schema_version(store_t *s);
const err_t *store_err(const store_t *s);          /* the last failure */
const char *store_error(const store_t *s);         /* its English text, for logs */

/* The workspace every scoped query of this connection is limited to (0 = none: nothing is found). */
void store_set_workspace(store_t *s, int64_t workspace);

store_rc_t store_begin(store_t *s);
store_rc_t store_commit(store_t *s);
void store_rollback(store_t *s);
bool store_read_begin(store_t *s);
void store_read_end(store_t *s, bool began);
bool store_request_begin(store_t *s); /* false: none begun (the backend has none, or one is open) */
void store_request_end(store_t *s, bool began);
void store_defer_checkpoints(store_t *s);

store_rc_t store_org_add(store_t *s, org_t *o);
store_rc_t store_org_update(store_t *s, const org_t *o);
store_rc_t store_org_get(store_t *s, int64_t id, org_t *out);
/* Calls fn for every organisation by id; stops early when fn returns false. */
store_rc_t store_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg);
/* archived "" restores the organisation; STORE_NOT_FOUND when there is none */
store_rc_t store_org_archive(store_t *s, int64_t id, const char *archived, const char *updated);
store_rc_t store_org_delete(store_t *s, int64_t id);
/* A page of the client list as q says: *out is a new array of *n (free()); *matched the
 * organisations that match, *all the workspace's. */
store_rc_t store_org_page(store_t *s, const org_query_t *q, org_t **out, int *n, int64_t *matched, int64_t *all);

/* Stores the snapshot's rows (created and round already set by the caller). */
store_rc_t store_diag_save(store_t *s, stored_diag_t *sd);
/* *out is a new record (stored_diag_free). */
store_rc_t store_diag_get(store_t *s, int64_t id, stored_diag_t **out);
/* Every diagnosis of an organisation, oldest first: *out is a new array of *n records
 * (stored_diag_list_free). */
store_rc_t store_diag_list(store_t *s, int64_t org_id, stored_diag_t ***out, int *n);
/* The organisation's last `max` diagnoses of a questionnaire up to and including `upto`,
 * oldest first. */
store_rc_t store_diag_recent(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max,
			     stored_diag_t ***out, int *n);
/* The organisation's most recent diagnosis (STORE_NOT_FOUND when it has none). */
store_rc_t store_diag_latest(store_t *s, int64_t org_id, stored_diag_t **out);
/* store_diag_recent's diagnoses as summary rows only (no answers or categories: a list that
 * shows the latest result of each of many organisations, issue 19); *out is free()d. */
store_rc_t store_diag_recent_summaries(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max,
				       diag_summary_t **out, int *n);
store_rc_t store_diag_delete(store_t *s, int64_t id);
store_rc_t store_diag_created(store_t *s, int64_t id, char *out, size_t size);
/* Calls fn with every diagnosis of the organisation, oldest first, one loaded at a time (an
 * export that streams, issue 19); stops early when fn returns false. */
store_rc_t store_diag_each(store_t *s, int64_t org_id, bool (*fn)(const stored_diag_t *, void *), void *arg);
/* Summary rows as q says (diag_query_t): *out is a new array of *n rows (free()). */
store_rc_t store_diag_summaries(store_t *s, const diag_query_t *q, diag_summary_t **out, int *n);
/* The diagnosis's categories in order: *out is a new array of *n (free()). */
store_rc_t store_diag_cats(store_t *s, int64_t id, sd_category_t **out, int *n);

store_rc_t store_draft_put(store_t *s, const draft_t *d);
store_rc_t store_draft_get(store_t *s, const char *id, draft_t *out);
store_rc_t store_draft_delete(store_t *s, const char *id);

store_rc_t store_plan_add(store_t *s, plan_item_t *p);
store_rc_t store_plan_update(store_t *s, const plan_item_t *p);
store_rc_t store_plan_get(store_t *s, int64_t id, plan_item_t *out);
/* The organisation's plan, oldest first: *out is a new array of *n items (free()). */
store_rc_t store_plan_list(store_t *s, int64_t org_id, plan_item_t **out, int *n);
/* One page of that plan in the database (issue 19): at most limit items from offset (0 = the
 * oldest), every field; *total = how many the plan has, read in the same call so a page and
 * its count agree inside a read transaction. An offset past the end gives *n = 0. */
store_rc_t store_plan_page(store_t *s, int64_t org_id, int offset, int limit, plan_item_t **out, int *n, int *total);
store_rc_t store_plan_delete(store_t *s, int64_t id);

store_rc_t store_profile_add(store_t *s, int64_t org_id, const org_profile_t *p);
store_rc_t store_profile_get(store_t *s, int64_t org_id, org_profile_t *out);

store_rc_t store_member_get(store_t *s, int64_t org_id, const char *questionnaire, pool_member_t *out);
store_rc_t store_member_put(store_t *s, int64_t org_id, const char *questionnaire, const pool_member_t *m);
store_rc_t store_member_delete(store_t *s, int64_t org_id, const char *questionnaire);
store_rc_t store_agg_add(store_t *s, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta);
store_rc_t store_pool_agg(store_t *s, const pool_key_t *k, const char *from, pool_agg_t *out);
store_rc_t store_pool_each(store_t *s, const char *from, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *),
			   void *arg);
store_rc_t store_source_list(store_t *s, pool_source_t **out, int *n);   /* free() */
store_rc_t store_source_put(store_t *s, pool_source_t *src);
store_rc_t store_source_clear(store_t *s, int64_t id);
store_rc_t store_release_add(store_t *s, pool_release_t *r);
store_rc_t store_release_list(store_t *s, const char *from, pool_release_t **out, int *n);   /* free() */
store_rc_t store_release_agg_put(store_t *s, int64_t release, const pool_key_t *k, const pool_agg_t *a);
store_rc_t store_release_agg_get(store_t *s, int64_t release, const pool_key_t *k, pool_agg_t *out);
store_rc_t store_release_agg_each(store_t *s, int64_t release, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *),
				  void *arg);

store_rc_t store_workspace_add(store_t *s, workspace_t *w);
store_rc_t store_workspace_get(store_t *s, int64_t id, workspace_t *out);
store_rc_t store_workspace_update(store_t *s, const workspace_t *w);
store_rc_t store_workspace_list(store_t *s, workspace_t **out, int *n);  /* free() */
store_rc_t store_user_count(store_t *s, int64_t *n);
store_rc_t store_user_add(store_t *s, user_t *u);
store_rc_t store_user_update(store_t *s, const user_t *u);
store_rc_t store_user_get(store_t *s, int64_t id, user_t *out);
store_rc_t store_user_by_email(store_t *s, const char *email, user_t *out);
store_rc_t store_user_list(store_t *s, int64_t workspace, user_t **out, int *n);  /* free() */
store_rc_t store_assign(store_t *s, int64_t user_id, int64_t org_id, bool assigned);
store_rc_t store_assigned(store_t *s, int64_t user_id, int64_t org_id, bool *yes);
store_rc_t store_session_add(store_t *s, const session_t *ss);
store_rc_t store_session_get(store_t *s, const char *id_hash, session_t *out);
store_rc_t store_session_touch(store_t *s, const char *id_hash, int64_t seen, bool second_factor);
store_rc_t store_session_delete(store_t *s, const char *id_hash);
store_rc_t store_session_delete_user(store_t *s, int64_t user_id);
store_rc_t store_token_add(store_t *s, token_t *t);
store_rc_t store_token_by_hash(store_t *s, const char *hash, token_t *out);
store_rc_t store_token_list(store_t *s, int64_t workspace, int64_t user_id, token_t **out, int *n);  /* free() */
store_rc_t store_token_revoke(store_t *s, int64_t id, const char *at);
store_rc_t store_failures_get(store_t *s, const char *key, int *count, int64_t *first_at);
store_rc_t store_failures_put(store_t *s, const char *key, int count, int64_t first_at);
store_rc_t store_link_add(store_t *s, const link_t *l);
store_rc_t store_link_get(store_t *s, const char *hash, link_t *out);
store_rc_t store_link_answer(store_t *s, const char *hash, int64_t diagnosis_id);
store_rc_t store_audit_add(store_t *s, audit_t *a);
store_rc_t store_audit_list(store_t *s, int64_t workspace, int64_t org, int max, audit_t **out, int *n);  /* free() */

store_rc_t store_asset_add(store_t *s, asset_t *a);
store_rc_t store_asset_update(store_t *s, const asset_t *a);
store_rc_t store_asset_get(store_t *s, int64_t id, asset_t *out);
store_rc_t store_asset_delete(store_t *s, int64_t id);
store_rc_t store_asset_list(store_t *s, int64_t org_id, const asset_query_t *q, bool (*fn)(const asset_t *, void *), void *arg,
			    int64_t *total);
store_rc_t store_risk_add(store_t *s, risk_rec_t *r);
store_rc_t store_risk_update(store_t *s, const risk_rec_t *r);
store_rc_t store_risk_get(store_t *s, int64_t id, risk_rec_t *out);
store_rc_t store_risk_delete(store_t *s, int64_t id);
store_rc_t store_risk_list(store_t *s, int64_t org_id, const risk_query_t *q, bool (*fn)(const risk_rec_t *, void *), void *arg,
			   int64_t *total);
store_rc_t store_risk_counts(store_t *s, int64_t org_id, bool residual, int64_t counts[RISK_FREQS][RISK_IMPACTS]);
store_rc_t store_risk_settings_get(store_t *s, int64_t org_id, risk_settings_t *out);
store_rc_t store_risk_settings_put(store_t *s, int64_t org_id, const risk_settings_t *in);
store_rc_t store_secaction_get(store_t *s, int64_t org_id, secaction_t *out);
store_rc_t store_secaction_put(store_t *s, int64_t org_id, const secaction_t *in);
store_rc_t store_contractor_add(store_t *s, contractor_t *c);
store_rc_t store_contractor_update(store_t *s, const contractor_t *c);
store_rc_t store_contractor_get(store_t *s, int64_t id, contractor_t *out);
store_rc_t store_contractor_list(store_t *s, int64_t org_id, contractor_t **out, int *n);
store_rc_t store_contractor_delete(store_t *s, int64_t id);
store_rc_t store_ctreq_add(store_t *s, ct_request_t *r);
store_rc_t store_ctreq_get(store_t *s, int64_t id, ct_request_t *out);
store_rc_t store_ctreq_by_link(store_t *s, const char *link_hash, ct_request_t *out);
store_rc_t store_ctreq_list(store_t *s, int64_t contractor_id, ct_request_t **out, int *n);
store_rc_t store_ctreq_review(store_t *s, const ct_request_t *r);
store_rc_t store_cloud_add(store_t *s, cloud_service_t *c);
store_rc_t store_cloud_update(store_t *s, const cloud_service_t *c);
store_rc_t store_cloud_get(store_t *s, int64_t id, cloud_service_t *out);
store_rc_t store_cloud_list(store_t *s, int64_t org_id, cloud_service_t **out, int *n);
store_rc_t store_cloud_delete(store_t *s, int64_t id);
store_rc_t store_incident_add(store_t *s, incident_t *x);
store_rc_t store_incident_update(store_t *s, const incident_t *x);
store_rc_t store_incident_get(store_t *s, int64_t id, incident_t *out);
store_rc_t store_incident_list(store_t *s, int64_t org_id, incident_t **out, int *n);
/* One page of the register in the database (issue 19): at most limit incidents from offset,
 * newest first as store_incident_list, with only what the register shows read (id, org_id,
 * type, level, title, detected, status, created; the heap texts are "" and the other fields
 * empty); *total = how many the organisation has. An offset past the end gives *n = 0.
 * incident_list_free. */
store_rc_t store_incident_page(store_t *s, int64_t org_id, int offset, int limit, incident_t **out, int *n, int *total);
store_rc_t store_inc_step_add(store_t *s, inc_step_rec_t *st);
store_rc_t store_inc_step_update(store_t *s, const inc_step_rec_t *st);
store_rc_t store_inc_step_delete(store_t *s, int64_t id);
store_rc_t store_inc_steps(store_t *s, int64_t incident_id, inc_step_rec_t **out, int *n);
store_rc_t store_inc_event_add(store_t *s, inc_event_t *ev);
store_rc_t store_inc_events(store_t *s, int64_t incident_id, inc_event_t **out, int *n);
store_rc_t store_manual_get(store_t *s, int64_t org_id, inc_manual_t *out);
store_rc_t store_manual_put(store_t *s, int64_t org_id, const inc_manual_t *in);
store_rc_t store_bcp_list(store_t *s, int64_t org_id, inc_bcp_t **out, int *n);
store_rc_t store_bcp_put(store_t *s, int64_t org_id, const inc_bcp_t *in);

#endif
