/*
 * store_floor.c — the fair floor for bench/run.sh's save figures: the least a C program can
 * do to store the same diagnosis in the same schema. It reads diagnosis 1 (its row, its answer
 * and category rows with their titles) and the audit entry of its save from a database that mamoru made, then
 * saves copies of them N times with statements prepared once and bound, one write transaction
 * each, under the pragmas mamoru's store sets (WAL, synchronous=NORMAL, foreign keys and
 * secure_delete on). No scoring, no access checks, no snapshot building: what mamoru does on top
 * of this is what the ratio measures.
 *
 *   store_floor DB N      prints: floor: saves=N seconds=S per_second=R cpu_per_second=C …
 *
 * Only libsqlite3: built by the Makefile's build/bench/store_floor rule.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXROWS 64
#define MAXCOLS 32

/* One row as read: each column's type and value, bound back unchanged (column 0 of a child
 * row is its diagnosis id, replaced by the new one). */
typedef struct {
	int ncols, type[MAXCOLS];
	sqlite3_int64 i[MAXCOLS];
	char *t[MAXCOLS];
} row_t;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this process: the figure that other programs' disk traffic does not move */
static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "store_floor: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		die(db, sql);
	return st;
}

/* Reads every row of sql (bound to ?1 = id) into rows; returns how many. */
static int read_rows(sqlite3 *db, const char *sql, sqlite3_int64 id, row_t *rows)
{
	sqlite3_stmt *st = prep(db, sql);
	sqlite3_bind_int64(st, 1, id);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && n < MAXROWS) {
		row_t *r = &rows[n++];
		r->ncols = sqlite3_column_count(st);
		for (int c = 0; c < r->ncols && c < MAXCOLS; c++) {
			r->type[c] = sqlite3_column_type(st, c);
			r->i[c] = sqlite3_column_int64(st, c);
			const unsigned char *t = sqlite3_column_text(st, c);
			r->t[c] = t ? strdup((const char *)t) : NULL;
		}
	}
	sqlite3_finalize(st);
	return n;
}

static void bind_row(sqlite3_stmt *st, const row_t *r, int first, sqlite3_int64 id)
{
	sqlite3_reset(st);
	if (first)
		sqlite3_bind_int64(st, 1, id);
	for (int c = first; c < r->ncols; c++) {
		if (r->type[c] == SQLITE_NULL)
			sqlite3_bind_null(st, c + 1);
		else if (r->type[c] == SQLITE_INTEGER)
			sqlite3_bind_int64(st, c + 1, r->i[c]);
		else
			sqlite3_bind_text(st, c + 1, r->t[c], -1, SQLITE_STATIC);
	}
}

static void step_done(sqlite3 *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		die(db, sqlite3_sql(st));
}

#define DIAG_COLS "organization_id, questionnaire, content_version, round, scope, respondent, role, pool, total, " \
		  "max, min, band_id, band_ja, band_en, created_at, risk_index, risk_group, size_band, industry, "   \
		  "profile, workspace_id"
#define ANS_COLS "diagnosis_id, position, question, category, option, points, full, note"
/* a category row with its titles last: both statements of its save bind the same row (the
 * titles are stored once, schema 20: the row names them by id; when they are missing, they are
 * added and the row tried again, as mamoru does) */
#define CAT_COLS "c.diagnosis_id, c.position, c.total, c.max, t.category, t.title_ja, t.title_en"
#define AUDIT_COLS "at, workspace_id, user_id, actor, action, object, detail, client"

int main(int argc, char **argv)
{
	if (argc != 3)
		return fprintf(stderr, "usage: store_floor DB N\n"), 2;
	int n = atoi(argv[2]);
	sqlite3 *db;
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		die(db, argv[1]);
	if (sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA journal_mode = WAL; "
			     "PRAGMA synchronous = NORMAL;", NULL, NULL, NULL) != SQLITE_OK)
		die(db, "pragmas");
	static row_t diag[1], ans[MAXROWS], cat[MAXROWS], audit[1];
	if (read_rows(db, "SELECT " DIAG_COLS " FROM diagnoses WHERE id = ?1", 1, diag) != 1 ||
	    read_rows(db, "SELECT " AUDIT_COLS " FROM audit WHERE action = 'diagnosis.save' AND object = 'diagnosis ' || ?1", 1,
		      audit) != 1)
		return fprintf(stderr, "store_floor: %s has no diagnosis 1 saved by mamoru\n", argv[1]), 1;
	int na = read_rows(db, "SELECT " ANS_COLS " FROM diagnosis_answers WHERE diagnosis_id = ?1 ORDER BY position", 1, ans);
	int nc = read_rows(db, "SELECT " CAT_COLS " FROM diagnosis_categories c JOIN category_titles t ON t.id = c.title_id "
			   "WHERE c.diagnosis_id = ?1 ORDER BY c.position", 1, cat);

	sqlite3_stmt *begin = prep(db, "BEGIN IMMEDIATE"), *commit = prep(db, "COMMIT"),
		     *add = prep(db, "INSERT INTO diagnoses (" DIAG_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
				     "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"),
		     *add_ans = prep(db, "INSERT INTO diagnosis_answers (" ANS_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
		     *add_title = prep(db, "INSERT INTO category_titles (category, title_ja, title_en) VALUES (?5, ?6, ?7)"),
		     *add_cat = prep(db, "INSERT INTO diagnosis_categories (diagnosis_id, position, total, max, title_id) "
					 "SELECT ?1, ?2, ?3, ?4, id FROM category_titles WHERE category = ?5 AND title_ja = ?6 AND title_en = ?7"),
		     *add_audit = prep(db, "INSERT INTO audit (" AUDIT_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	char object[40];
	double t0 = now(), c0 = cpu();
	for (int k = 0; k < n; k++) {
		sqlite3_reset(begin);
		step_done(db, begin);
		bind_row(add, &diag[0], 0, 0);
		step_done(db, add);
		sqlite3_int64 id = sqlite3_last_insert_rowid(db);
		for (int i = 0; i < na; i++) {
			bind_row(add_ans, &ans[i], 1, id);
			step_done(db, add_ans);
		}
		for (int i = 0; i < nc; i++) {
			bind_row(add_cat, &cat[i], 1, id);
			step_done(db, add_cat);
			if (sqlite3_changes(db) == 0) {
				bind_row(add_title, &cat[i], 1, id);
				step_done(db, add_title);
				bind_row(add_cat, &cat[i], 1, id);
				step_done(db, add_cat);
			}
		}
		bind_row(add_audit, &audit[0], 0, 0);
		snprintf(object, sizeof object, "diagnosis %lld", (long long)id); /* as mamoru writes it */
		sqlite3_bind_text(add_audit, 6, object, -1, SQLITE_STATIC);
		step_done(db, add_audit);
		sqlite3_reset(commit);
		step_done(db, commit);
	}
	double t = now() - t0, c = cpu() - c0;
	printf("floor: saves=%d seconds=%.3f per_second=%.0f cpu_per_second=%.0f answers=%d categories=%d\n", n, t, n / t,
	       n / c, na, nc);
	sqlite3_stmt *st = NULL;
	while ((st = sqlite3_next_stmt(db, NULL)))
		sqlite3_finalize(st);
	sqlite3_close(db);
	return 0;
}
