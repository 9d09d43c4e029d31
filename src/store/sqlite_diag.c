/*
 * sqlite_diag.c — diagnosis snapshots in SQLite (store.h): one row in diagnoses, one per
 * answer and one per category, written in one transaction; the schema's triggers refuse any
 * change afterwards (core/snapshot.h: snapshots are immutable).
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "store/sqlite_util.h"
#include "store/sqlite_rows.h"

static const char SQL_ADD[] = "INSERT INTO diagnoses (organization_id, questionnaire, content_version, round, scope, "
			      "respondent, role, pool, total, max, min, band_id, band_ja, band_en, created_at, "
			      "risk_index, risk_group, size_band, industry, profile, workspace_id) "
			      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_ANS_ADD[] = "INSERT INTO diagnosis_answers (diagnosis_id, position, question, category, option, points, "
				  "full, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
/* A category's titles are stored once (schema 19): the category row names them by id
 * (?3-?5 the category and its titles). When this content's words are not stored yet, no row is
 * added; their row is then added and the category row tried again — so a save of known titles
 * costs one statement per category, as before. */
static const char SQL_CAT_ADD[] = "INSERT INTO diagnosis_categories (diagnosis_id, position, title_id, total, max) "
				  "SELECT ?1, ?2, id, ?6, ?7 FROM category_titles WHERE category = ?3 AND title_ja = ?4 AND title_en = ?5";
static const char SQL_TITLE_ADD[] = "INSERT INTO category_titles (category, title_ja, title_en) VALUES (?1, ?2, ?3)";
/* A snapshot: the diagnosis row in the workspace, then its answers and its categories, in one
 * read transaction (the request's, on the server). Three statements cost less here than the one
 * UNION ALL the PostgreSQL backend reads in a single round trip: every row of that carries every
 * kind's columns, 34 where an answer has 7. No ORDER BY (it cost a temporary B-tree): the reader
 * places each row by its position. The head keeps two leading columns so that read_head's
 * numbering stays that of the kinds. */
static const char SQL_HEAD[] = "SELECT 0, 0, id, organization_id, questionnaire, content_version, round, scope, respondent, role, "
			       "pool, total, max, min, band_id, band_ja, band_en, created_at, risk_index, risk_group, size_band, "
			       "industry, profile FROM diagnoses WHERE id = ?1 AND workspace_id = ?2";
static const char SQL_ANSWERS[] = "SELECT position, question, category, option, points, full, note FROM diagnosis_answers "
				  "WHERE diagnosis_id = ?1";
static const char SQL_CATS[] = "SELECT c.position, t.category, t.title_ja, t.title_en, c.total, c.max FROM diagnosis_categories c "
			       "JOIN category_titles t ON t.id = c.title_id WHERE c.diagnosis_id = ?1";
static const char SQL_CAT_GET[] = "SELECT t.category, t.title_ja, t.title_en, c.total, c.max FROM diagnosis_categories c "
				  "JOIN category_titles t ON t.id = c.title_id WHERE c.diagnosis_id = ? ORDER BY c.position";
static const char SQL_CREATED[] = "SELECT created_at FROM diagnoses WHERE id = ? AND workspace_id = ?";
/* ?2 the questionnaire (SQL_IDS) or every one (SQL_IDS_ALL), ?3 0 = no upper id, ?4 -1 = no
 * limit; newest first, read backwards along diagnoses_by_questionnaire_date or diagnoses_by_date
 * (issue 19: the latest of a long history without sorting it) */
static const char SQL_IDS[] = "SELECT id FROM diagnoses WHERE organization_id = ?1 AND questionnaire = ?2 "
			      "AND (?3 = 0 OR id <= ?3) AND workspace_id = ?5 ORDER BY created_at DESC, id DESC LIMIT ?4";
static const char SQL_IDS_ALL[] = "SELECT id FROM diagnoses WHERE organization_id = ?1 "
				  "AND (?3 = 0 OR id <= ?3) AND workspace_id = ?5 ORDER BY created_at DESC, id DESC LIMIT ?4";

/* An organisation's latest result as its row keeps it for the client list (schema 21, where
 * the columns are explained): computed again from its diagnoses, but for the one `skip` names,
 * along diagnoses_by_date and diagnoses_by_questionnaire_date. */
#define LATEST_SET(skip_l, skip_p) \
	"UPDATE organizations SET (latest_at, latest_score, latest_total, latest_band, latest_trend) = (SELECT l.created_at, " \
	"(l.total - l.min) * 1099511627776 / CASE WHEN l.max > l.min THEN l.max - l.min ELSE 1 END, l.total, l.band_id, " \
	"l.total - (SELECT p.total FROM diagnoses p WHERE p.organization_id = l.organization_id AND p.questionnaire = l.questionnaire " \
	"AND p.id < l.id" skip_p " ORDER BY p.created_at DESC, p.id DESC LIMIT 1) FROM diagnoses l " \
	"WHERE l.organization_id = organizations.id" skip_l " ORDER BY l.created_at DESC, l.id DESC LIMIT 1)"
/* after a save: ?1 the organisation, ?2 the workspace */
static const char SQL_LATEST[] = LATEST_SET("", "") " WHERE id = ?1 AND workspace_id = ?2";

/* Deleting a diagnosis (?1 = id, ?2 = workspace): its rows, its place in the pool, the link it
 * answered; plan items made from it stay, without it. Children first: foreign keys are on. Its
 * organisation's latest result is computed again from the others, in the same transaction. */
#define OF_DIAG "(SELECT id FROM diagnoses WHERE id = ?1 AND workspace_id = ?2)"
static const char *const SQL_DELETE[] = {
	"UPDATE plan_items SET diagnosis_id = NULL WHERE diagnosis_id = ?1 AND workspace_id = ?2",
	"DELETE FROM respondent_links WHERE diagnosis_id = ?1 AND workspace_id = ?2",
	"DELETE FROM pool_members WHERE diagnosis_id = " OF_DIAG,
	"DELETE FROM diagnosis_answers WHERE diagnosis_id = " OF_DIAG,
	"DELETE FROM diagnosis_categories WHERE diagnosis_id = " OF_DIAG,
	LATEST_SET(" AND l.id <> ?1", " AND p.id <> ?1")
	" WHERE id = (SELECT organization_id FROM diagnoses WHERE id = ?1 AND workspace_id = ?2) AND workspace_id = ?2",
	"DELETE FROM diagnoses WHERE id = ?1 AND workspace_id = ?2",
};

static store_rc_t add_rows(sq_t *q, stored_diag_t *d)
{
	sqlite3_stmt *st = sq_stmt(q, SQL_ADD);
	if (!st)
		return STORE_ERROR;
	if (d->org_id > 0)
		sqlite3_bind_int64(st, 1, d->org_id);
	else
		sqlite3_bind_null(st, 1);
	sq_bind_text(st, 2, d->questionnaire, false);
	sq_bind_text(st, 3, d->version, false);
	sq_bind_text(st, 4, d->round, false);
	sq_bind_text(st, 5, d->scope, false);
	sq_bind_text(st, 6, d->respondent, false);
	sq_bind_text(st, 7, role_id(d->role), true);
	sqlite3_bind_int(st, 8, d->pool);
	sqlite3_bind_int(st, 9, d->total);
	sqlite3_bind_int(st, 10, d->max);
	sqlite3_bind_int(st, 11, d->min);
	sq_bind_text(st, 12, d->band_id, false);
	sq_bind_text(st, 13, d->band_ja, false);
	sq_bind_text(st, 14, d->band_en, false);
	sq_bind_text(st, 15, d->created, false);
	sq_bind_opt_int(st, 16, d->risk);
	sq_bind_text(st, 17, d->risk_group, false);
	sq_bind_text(st, 18, d->size_band, false);
	sq_bind_text(st, 19, d->industry, false);
	sq_bind_text(st, 20, d->profile, false);
	sqlite3_bind_int64(st, 21, q->base.workspace);
	store_rc_t rc = sq_step_done(q, st);
	if (rc != STORE_OK)
		return rc;
	d->id = sqlite3_last_insert_rowid(q->db);
	for (int i = 0; i < d->nanswers; i++) {
		const sd_answer_t *a = &d->answers[i];
		if (!(st = sq_stmt(q, SQL_ANS_ADD)))
			return STORE_ERROR;
		sqlite3_bind_int64(st, 1, d->id);
		sqlite3_bind_int(st, 2, i);
		sq_bind_text(st, 3, a->question, false);
		sq_bind_text(st, 4, a->category, false);
		sq_bind_text(st, 5, a->option, true);
		sqlite3_bind_int(st, 6, a->points);
		sqlite3_bind_int(st, 7, a->full);
		sq_bind_text(st, 8, a->note, false);
		if ((rc = sq_step_done(q, st)) != STORE_OK)
			return rc;
	}
	for (int i = 0; i < d->ncats; i++) {
		const sd_category_t *c = &d->cats[i];
		for (int attempt = 0;; attempt++) {
			if (!(st = sq_stmt(q, SQL_CAT_ADD)))
				return STORE_ERROR;
			sqlite3_bind_int64(st, 1, d->id);
			sqlite3_bind_int(st, 2, i);
			sq_bind_text(st, 3, c->id, false);
			sq_bind_text(st, 4, c->title_ja, false);
			sq_bind_text(st, 5, c->title_en, false);
			sqlite3_bind_int(st, 6, c->total);
			sqlite3_bind_int(st, 7, c->max);
			if ((rc = sq_step_done(q, st)) != STORE_OK)
				return rc;
			if (sqlite3_changes(q->db) == 1)
				break;
			if (attempt) /* never save a snapshot short of a category */
				return sq_failf(q, STORE_ERROR, "分類 %s の見出しの行がありません", "category %s has no title row", c->id);
			if (!(st = sq_stmt(q, SQL_TITLE_ADD)))
				return STORE_ERROR;
			sq_bind_text(st, 1, c->id, false);
			sq_bind_text(st, 2, c->title_ja, false);
			sq_bind_text(st, 3, c->title_en, false);
			if ((rc = sq_step_done(q, st)) != STORE_OK)
				return rc;
		}
	}
	return STORE_OK;
}

store_rc_t sq_diag_add(store_t *s, stored_diag_t *d)
{
	sq_t *q = SQ(s);
	assert(d->created[0] && d->round[0]);
	bool own;
	store_rc_t rc = sq_write_begin(q, &own);
	if (rc != STORE_OK)
		return rc;
	rc = add_rows(q, d);
	if (rc == STORE_OK && d->org_id > 0) {
		sqlite3_stmt *st = sq_stmt(q, SQL_LATEST);
		if (!st)
			rc = STORE_ERROR;
		else {
			sqlite3_bind_int64(st, 1, d->org_id);
			sqlite3_bind_int64(st, 2, s->workspace);
			rc = sq_step_done(q, st);
		}
	}
	return sq_write_end(q, own, rc);
}

/* SQL_HEAD's row into d. */
static void read_head(sqlite3_stmt *st, stored_diag_t *d)
{
	d->id = sqlite3_column_int64(st, 2);
	d->org_id = sq_col_opt_int(st, 3);
	if (d->org_id < 0)
		d->org_id = 0;
	sq_col_text(st, 4, d->questionnaire, sizeof d->questionnaire);
	sq_col_text(st, 5, d->version, sizeof d->version);
	sq_col_text(st, 6, d->round, sizeof d->round);
	sq_col_text(st, 7, d->scope, sizeof d->scope);
	sq_col_text(st, 8, d->respondent, sizeof d->respondent);
	char role[16];
	sq_col_text(st, 9, role, sizeof role);
	if (!role_parse(role, &d->role))
		d->role = ROLE_NONE;
	d->pool = sqlite3_column_int(st, 10);
	d->total = sqlite3_column_int(st, 11);
	d->max = sqlite3_column_int(st, 12);
	d->min = sqlite3_column_int(st, 13);
	sq_col_text(st, 14, d->band_id, sizeof d->band_id);
	sq_col_text(st, 15, d->band_ja, sizeof d->band_ja);
	sq_col_text(st, 16, d->band_en, sizeof d->band_en);
	sq_col_text(st, 17, d->created, sizeof d->created);
	d->risk = (int)sq_col_opt_int(st, 18);
	sq_col_text(st, 19, d->risk_group, sizeof d->risk_group);
	sq_col_text(st, 20, d->size_band, sizeof d->size_band);
	sq_col_text(st, 21, d->industry, sizeof d->industry);
	sq_col_text(st, 22, d->profile, sizeof d->profile);
}

/* The rows of one snapshot, kept here until all have come and the record can be made at its
 * exact size. */
typedef struct {
	sd_answer_t answers[MAX_ITEMS];
	size_t note_at[MAX_ITEMS];
	sd_category_t cats[MAX_CATEGORIES];
	int na, nc, na_max, nc_max; /* rows seen, and 1 + the highest position */
	buf_t notes;                /* each note followed by its NUL */
} rows_t;

/* One row of SQL_ANSWERS into x; false when its position cannot be (damage). */
static bool take_answer(sqlite3_stmt *st, rows_t *x)
{
	int pos = sqlite3_column_int(st, 0);
	if (pos < 0 || pos >= MAX_ITEMS)
		return false;
	sd_answer_t *a = &x->answers[pos];
	sq_col_text(st, 1, a->question, sizeof a->question);
	sq_col_text(st, 2, a->category, sizeof a->category);
	sq_col_text(st, 3, a->option, sizeof a->option);
	a->points = sqlite3_column_int(st, 4);
	a->full = sqlite3_column_int(st, 5);
	a->note = "";
	const char *note = (const char *)sqlite3_column_text(st, 6);
	x->note_at[pos] = x->notes.len;
	buf_put(&x->notes, note ? note : "", (note ? strlen(note) : 0) + 1);
	x->na++;
	if (pos >= x->na_max)
		x->na_max = pos + 1;
	return true;
}

/* One row of SQL_CATS into x; false when its position cannot be. */
static bool take_cat(sqlite3_stmt *st, rows_t *x)
{
	int pos = sqlite3_column_int(st, 0);
	if (pos < 0 || pos >= MAX_CATEGORIES)
		return false;
	sd_category_t *c = &x->cats[pos];
	sq_col_text(st, 1, c->id, sizeof c->id);
	sq_col_text(st, 2, c->title_ja, sizeof c->title_ja);
	sq_col_text(st, 3, c->title_en, sizeof c->title_en);
	c->total = sqlite3_column_int(st, 4);
	c->max = sqlite3_column_int(st, 5);
	x->nc++;
	if (pos >= x->nc_max)
		x->nc_max = pos + 1;
	return true;
}

/* Steps sql (?1 = id) through take; SQLITE_DONE, an SQLite error, or SQLITE_CORRUPT when a row
 * could not be placed. */
static int take_rows(sq_t *q, const char *sql, int64_t id, bool (*take)(sqlite3_stmt *, rows_t *), rows_t *x)
{
	sqlite3_stmt *st = sq_stmt(q, sql);
	if (!st)
		return SQLITE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (!take(st, x)) {
			rc = SQLITE_CORRUPT;
			break;
		}
	sqlite3_reset(st);
	return rc;
}

store_rc_t sq_diag_get(store_t *s, int64_t id, stored_diag_t **out)
{
	sq_t *q = SQ(s);
	*out = NULL;
	bool began = sq_read_begin(s);
	stored_diag_t head = { 0 };
	sqlite3_stmt *st = sq_stmt(q, SQL_HEAD);
	store_rc_t res = STORE_ERROR;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, s->workspace);
		if ((res = sq_step_row(q, st, "diagnoses")) == STORE_OK)
			read_head(st, &head);
		sqlite3_reset(st);
	}
	if (res != STORE_OK) {
		sq_read_end(s, began);
		return res;
	}
	/* not zeroed (38 KB: a tenth of the page's instructions went to clearing it): every row sets
	 * each of its fields, and the counts tell which came */
	rows_t *x = xmalloc(sizeof *x);
	x->na = x->nc = x->na_max = x->nc_max = 0;
	x->notes = (buf_t){ 0 };
	int rc = take_rows(q, SQL_ANSWERS, id, take_answer, x);
	if (rc == SQLITE_DONE)
		rc = take_rows(q, SQL_CATS, id, take_cat, x);
	sq_read_end(s, began);
	/* positions 0 … n-1, each once (the primary key makes them unique) */
	if (rc == SQLITE_CORRUPT || (rc == SQLITE_DONE && (x->na != x->na_max || x->nc != x->nc_max)))
		res = sq_failf(q, STORE_ERROR, "診断 %lld の回答・分類の行が壊れています", "diagnosis %lld has damaged answer or category rows",
			       (long long)id);
	else if (rc != SQLITE_DONE)
		res = sq_fail(q, STORE_ERROR, "diagnoses");
	stored_diag_t *d = NULL;
	if (res == STORE_OK) {
		d = stored_diag_new(x->na, x->nc);
		sd_answer_t *answers = d->answers;
		sd_category_t *cats = d->cats;
		*d = head; /* its text arena is empty, as a new record's */
		d->answers = answers;
		d->cats = cats;
		d->nanswers = x->na;
		d->ncats = x->nc;
		for (int i = 0; i < x->na; i++) {
			d->answers[i] = x->answers[i];
			stored_diag_set_note(d, i, x->notes.data + x->note_at[i]);
		}
		if (x->nc)
			memcpy(d->cats, x->cats, (size_t)x->nc * sizeof *x->cats);
	}
	buf_free(&x->notes);
	free(x);
	*out = d;
	return res;
}

store_rc_t sq_diag_ids(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max, int64_t **ids, int *n)
{
	sq_t *q = SQ(s);
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, questionnaire ? SQL_IDS : SQL_IDS_ALL);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	if (questionnaire)
		sq_bind_text(st, 2, questionnaire, false);
	sqlite3_bind_int64(st, 3, upto > 0 ? upto : 0);
	sqlite3_bind_int(st, 4, max > 0 ? max : -1);
	sqlite3_bind_int64(st, 5, s->workspace);
	int cap = 0, count = 0, rc;
	int64_t *list = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 64;
			list = xrealloc(list, (size_t)cap * sizeof *list);
		}
		list[count++] = sqlite3_column_int64(st, 0);
	}
	store_rc_t res = rc == SQLITE_DONE ? STORE_OK : sq_fail(q, STORE_ERROR, "diagnoses");
	sqlite3_reset(st);
	if (res != STORE_OK) {
		free(list);
		return res;
	}
	for (int i = 0; i < count / 2; i++) { /* oldest first */
		int64_t t = list[i];
		list[i] = list[count - 1 - i];
		list[count - 1 - i] = t;
	}
	*ids = list;
	*n = count;
	return STORE_OK;
}

store_rc_t sq_diag_delete(store_t *s, int64_t id)
{
	return sq_delete(SQ(s), SQL_DELETE, (int)(sizeof SQL_DELETE / sizeof *SQL_DELETE), id);
}

store_rc_t sq_diag_created(store_t *s, int64_t id, char *out, size_t size)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_CREATED);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "diagnoses");
	if (rc == STORE_OK) {
		sq_col_text(st, 0, out, size);
		sqlite3_reset(st);
	}
	return rc;
}

/* Summary rows (issue 19): the columns a list shows, never the answers. Three statements so
 * that each is a plain range or equality on an index: diagnoses_by_org for pages of the whole
 * history, diagnoses_by_round for a round's sheets. ?3 and ?5 NULL = any questionnaire or scope. */
#define SUMMARY_COLS "SELECT id, questionnaire, content_version, round, scope, respondent, role, total, max, min, band_id, " \
		     "band_ja, band_en, created_at FROM diagnoses "
static const char SQL_SUM_DESC[] = SUMMARY_COLS "WHERE organization_id = ?1 AND workspace_id = ?2 AND (?3 IS NULL OR questionnaire = ?3) "
				   "AND (?5 IS NULL OR scope = ?5) AND id < ?6 AND id > ?7 ORDER BY id DESC LIMIT ?8";
static const char SQL_SUM_ASC[] = SUMMARY_COLS "WHERE organization_id = ?1 AND workspace_id = ?2 AND (?3 IS NULL OR questionnaire = ?3) "
				  "AND (?5 IS NULL OR scope = ?5) AND id < ?6 AND id > ?7 ORDER BY id ASC LIMIT ?8";
static const char SQL_SUM_ROUND[] = SUMMARY_COLS "WHERE organization_id = ?1 AND workspace_id = ?2 AND questionnaire = ?3 AND round = ?4 "
				    "AND (?5 IS NULL OR scope = ?5) AND id < ?6 AND id > ?7 ORDER BY id DESC LIMIT ?8";

store_rc_t sq_diag_summaries(store_t *s, const diag_query_t *dq, diag_summary_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	const char *sql = dq->round && dq->questionnaire ? SQL_SUM_ROUND : dq->after > 0 ? SQL_SUM_ASC : SQL_SUM_DESC;
	sqlite3_stmt *st = sq_stmt(q, sql);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, dq->org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	sq_bind_text(st, 3, dq->questionnaire, true);
	sq_bind_text(st, 4, dq->round, true);
	sq_bind_text(st, 5, dq->scope, true);
	sqlite3_bind_int64(st, 6, dq->before > 0 ? dq->before : INT64_MAX);
	sqlite3_bind_int64(st, 7, dq->after > 0 ? dq->after : 0);
	sqlite3_bind_int(st, 8, dq->limit > 0 ? dq->limit : -1);
	int cap = 0, count = 0, rc;
	diag_summary_t *list = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			list = xrealloc(list, (size_t)cap * sizeof *list);
		}
		diag_summary_t *d = &list[count++];
		d->id = sqlite3_column_int64(st, 0);
		sq_col_text(st, 1, d->questionnaire, sizeof d->questionnaire);
		sq_col_text(st, 2, d->version, sizeof d->version);
		sq_col_text(st, 3, d->round, sizeof d->round);
		sq_col_text(st, 4, d->scope, sizeof d->scope);
		sq_col_text(st, 5, d->respondent, sizeof d->respondent);
		char role[16];
		sq_col_text(st, 6, role, sizeof role);
		if (!role_parse(role, &d->role))
			d->role = ROLE_NONE;
		d->total = sqlite3_column_int(st, 7);
		d->max = sqlite3_column_int(st, 8);
		d->min = sqlite3_column_int(st, 9);
		sq_col_text(st, 10, d->band_id, sizeof d->band_id);
		sq_col_text(st, 11, d->band_ja, sizeof d->band_ja);
		sq_col_text(st, 12, d->band_en, sizeof d->band_en);
		sq_col_text(st, 13, d->created, sizeof d->created);
	}
	store_rc_t res = rc == SQLITE_DONE ? STORE_OK : sq_fail(q, STORE_ERROR, "diagnoses");
	sqlite3_reset(st);
	if (res != STORE_OK) {
		free(list);
		return res;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

store_rc_t sq_diag_cats(store_t *s, int64_t id, sd_category_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_CAT_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sd_category_t *cats = xcalloc(MAX_CATEGORIES, sizeof *cats);
	int k = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < MAX_CATEGORIES) {
		sd_category_t *c = &cats[k++];
		sq_col_text(st, 0, c->id, sizeof c->id);
		sq_col_text(st, 1, c->title_ja, sizeof c->title_ja);
		sq_col_text(st, 2, c->title_en, sizeof c->title_en);
		c->total = sqlite3_column_int(st, 3);
		c->max = sqlite3_column_int(st, 4);
	}
	store_rc_t res = rc == SQLITE_DONE ? STORE_OK : sq_fail(q, STORE_ERROR, "diagnosis_categories");
	sqlite3_reset(st);
	if (res != STORE_OK) {
		free(cats);
		return res;
	}
	*out = cats;
	*n = k;
	return STORE_OK;
}
