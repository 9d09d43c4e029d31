/*
 * sqlite.c — the SQLite implementation of store.h, the embedded default.
 *
 * One connection per store_t, in WAL mode (readers never block the writer), with foreign keys
 * on and a busy timeout so two processes saving at once wait for each other instead of
 * failing. Statements are prepared once and reused. Every write runs in BEGIN IMMEDIATE ...
 * COMMIT, so it lands whole or not at all; SQL only ever sees bound parameters.
 */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/migrations.h"
#include "store/sqlite_internal.h"

#define BUSY_TIMEOUT_MS 10000

static const char *const SQL[Q_COUNT] = {
	[Q_ORG_ADD] = "INSERT INTO organizations (name, industry, employees, capital, prefecture, sites, "
		      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_ORG_UPDATE] = "UPDATE organizations SET name = ?, industry = ?, employees = ?, capital = ?, "
			 "prefecture = ?, sites = ?, updated_at = ? WHERE id = ?",
	[Q_ORG_GET] = "SELECT id, name, industry, employees, capital, prefecture, sites, created_at, updated_at "
		      "FROM organizations WHERE id = ?",
	[Q_ORG_LIST] = "SELECT id, name, industry, employees, capital, prefecture, sites, created_at, updated_at "
		       "FROM organizations ORDER BY id",
	[Q_DIAG_ADD] = "INSERT INTO diagnoses (organization_id, questionnaire, content_version, round, scope, "
		       "respondent, role, pool, total, max, min, band_id, band_ja, band_en, created_at, "
		       "risk_index, risk_group, size_band, industry, profile) "
		       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_ANS_ADD] = "INSERT INTO diagnosis_answers (diagnosis_id, position, question, category, option, points, "
		      "full, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_CAT_ADD] = "INSERT INTO diagnosis_categories (diagnosis_id, position, category, title_ja, title_en, "
		      "total, max) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[Q_DIAG_GET] = "SELECT id, organization_id, questionnaire, content_version, round, scope, respondent, role, "
		       "pool, total, max, min, band_id, band_ja, band_en, created_at, "
		       "(SELECT count(*) FROM diagnosis_answers WHERE diagnosis_id = d.id), "
		       "(SELECT count(*) FROM diagnosis_categories WHERE diagnosis_id = d.id), "
		       "risk_index, risk_group, size_band, industry, profile "
		       "FROM diagnoses d WHERE id = ?",
	[Q_ANS_GET] = "SELECT question, category, option, points, full, note FROM diagnosis_answers "
		      "WHERE diagnosis_id = ? ORDER BY position",
	[Q_CAT_GET] = "SELECT category, title_ja, title_en, total, max FROM diagnosis_categories "
		      "WHERE diagnosis_id = ? ORDER BY position",
	[Q_DIAG_BY_ORG] = "SELECT id FROM diagnoses WHERE organization_id = ? ORDER BY created_at, id",
	[Q_DRAFT_PUT] = "INSERT INTO drafts (id, questionnaire, organization_id, answers, updated_at) VALUES (?, ?, ?, ?, ?) "
			"ON CONFLICT (id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at "
			"WHERE drafts.questionnaire = excluded.questionnaire",
	[Q_DRAFT_GET] = "SELECT questionnaire, organization_id, answers FROM drafts WHERE id = ?",
	[Q_DRAFT_DEL] = "DELETE FROM drafts WHERE id = ?",
	[Q_PLAN_ADD] = "INSERT INTO plan_items (organization_id, diagnosis_id, questionnaire, question, owner, due, status, "
		       "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_PLAN_UPDATE] = "UPDATE plan_items SET owner = ?, due = ?, status = ?, updated_at = ? WHERE id = ?",
	[Q_PLAN_GET] = "SELECT id, organization_id, diagnosis_id, questionnaire, question, owner, due, status, created_at, "
		       "updated_at FROM plan_items WHERE id = ?",
	[Q_PLAN_LIST] = "SELECT id, organization_id, diagnosis_id, questionnaire, question, owner, due, status, created_at, "
			"updated_at FROM plan_items WHERE organization_id = ? ORDER BY id",
	[Q_PROFILE_PUT] = "INSERT INTO org_profiles (organization_id, version, answers, created_at) VALUES (?, ?, ?, ?)",
	[Q_PROFILE_GET] = "SELECT version, answers, created_at FROM org_profiles WHERE organization_id = ? "
			  "ORDER BY id DESC LIMIT 1",
	[Q_MEMBER_GET] = "SELECT diagnosis_id FROM pool_members WHERE organization_id = ? AND questionnaire = ?",
	[Q_MEMBER_PUT] = "INSERT OR REPLACE INTO pool_members (organization_id, questionnaire, diagnosis_id) VALUES (?, ?, ?)",
	[Q_AGG_GET] = "SELECT data FROM pool_agg WHERE questionnaire = ? AND version = ? AND dim = ? AND value = ? "
		      "AND month = ? AND origin = ?",
	[Q_AGG_PUT] = "INSERT OR REPLACE INTO pool_agg (questionnaire, version, dim, value, month, origin, data) "
		      "VALUES (?, ?, ?, ?, ?, ?, ?)",
	[Q_AGG_SUM] = "SELECT data FROM pool_agg WHERE questionnaire = ? AND version = ? AND dim = ? AND value = ? "
		      "AND month >= ?",
	[Q_AGG_ALL] = "SELECT questionnaire, version, dim, value, data FROM pool_agg WHERE month >= ? "
		      "ORDER BY questionnaire, version, dim, value",
	[Q_BEGIN_READ] = "BEGIN",
	[Q_END_READ] = "COMMIT",
	[Q_DIAG_RECENT] = "SELECT id FROM (SELECT id, created_at FROM diagnoses WHERE organization_id = ? AND questionnaire = ? "
			  "AND id <= ? ORDER BY created_at DESC, id DESC LIMIT ?) ORDER BY created_at, id",
	[Q_DIAG_LATEST] = "SELECT id FROM diagnoses WHERE organization_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
};


store_rc_t sq_fail(store_t *s, store_rc_t rc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	return rc;
}

const char *store_error(store_t *s) { return s->err; }

void sq_now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

sqlite3_stmt *sq_stmt(store_t *s, int q)
{
	if (!s->stmt[q] && sqlite3_prepare_v3(s->db, SQL[q], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[q], NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(s->stmt[q]);
	sqlite3_clear_bindings(s->stmt[q]);
	return s->stmt[q];
}

void sq_bind_text(sqlite3_stmt *st, int i, const char *v, bool null_if_empty)
{
	if (null_if_empty && (!v || !*v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_STATIC);
}

void sq_bind_opt_int(sqlite3_stmt *st, int i, long long v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

void sq_col_text(sqlite3_stmt *st, int i, char *dst, size_t size)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	size_t n = v ? (size_t)sqlite3_column_bytes(st, i) : 0;
	if (n >= size) { /* never cut a UTF-8 sequence in half */
		n = size - 1;
		while (n > 0 && (v[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		memcpy(dst, v, n);
	dst[n] = '\0';
}

long long sq_col_opt_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
}

static int exec(store_t *s, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		sq_fail(s, STORE_ERROR, "%s", msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
	}
	return rc;
}

store_rc_t sq_begin(store_t *s)
{
	return exec(s, "BEGIN IMMEDIATE") == SQLITE_OK ? STORE_OK : STORE_ERROR;
}

store_rc_t sq_commit(store_t *s)
{
	if (exec(s, "COMMIT") == SQLITE_OK)
		return STORE_OK;
	exec(s, "ROLLBACK");
	return STORE_ERROR;
}

store_rc_t sq_rollback(store_t *s, store_rc_t rc)
{
	char keep[STORE_ERR_LEN];
	memcpy(keep, s->err, sizeof keep);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	memcpy(s->err, keep, sizeof keep);
	return rc;
}

/* ---- opening and migrations ------------------------------------------------------------ */

static int read_version(sqlite3 *db, int *version)
{
	sqlite3_stmt *st;
	*version = 0;
	int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	bool has = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc;
	if (!has)
		return SQLITE_OK;
	rc = sqlite3_prepare_v2(db, "SELECT coalesce(max(version), 0) FROM schema_version", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static store_rc_t check_not_newer(store_t *s)
{
	int version;
	if (read_version(s->db, &version) != SQLITE_OK)
		return sq_fail(s, STORE_ERROR, "データベースを読めません / cannot read the database: %s", sqlite3_errmsg(s->db));
	if (version > MIGRATION_COUNT)
		return sq_fail(s, STORE_ERROR,
			    "データベースの版 (%d) がこのプログラム (%d) より新しいため開けません。新しい mamoru を使ってください / "
			    "the database schema (version %d) is newer than this program (version %d); use a newer mamoru",
			    version, MIGRATION_COUNT, version, MIGRATION_COUNT);
	return STORE_OK;
}

static store_rc_t migrate(store_t *s)
{
	int version;
	if (check_not_newer(s) != STORE_OK)
		return STORE_ERROR;
	read_version(s->db, &version);
	if (version == MIGRATION_COUNT)
		return STORE_OK;
	if (sq_begin(s) != STORE_OK)
		return STORE_ERROR;
	/* re-read inside the write lock: another process may have migrated meanwhile */
	if (read_version(s->db, &version) != SQLITE_OK ||
	    exec(s, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)") != SQLITE_OK)
		return sq_rollback(s, STORE_ERROR);
	for (int v = version; v < MIGRATION_COUNT; v++) {
		if (exec(s, MIGRATIONS[v]) != SQLITE_OK) {
			char why[STORE_ERR_LEN];
			memcpy(why, s->err, sizeof why);
			return sq_rollback(s, sq_fail(s, STORE_ERROR, "移行 %d に失敗しました / migration %d failed: %.400s", v + 1, v + 1, why));
		}
		char sql[128], now[32];
		sq_now_iso(now);
		snprintf(sql, sizeof sql, "INSERT INTO schema_version VALUES (%d, '%s')", v + 1, now);
		if (exec(s, sql) != SQLITE_OK)
			return sq_rollback(s, STORE_ERROR);
	}
	return sq_commit(s);
}

/* mkdir -p for the folder that will hold path. */
static int make_parent(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(dir, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

store_rc_t store_open(const char *path, store_t **out, char err[STORE_ERR_LEN])
{
	*out = NULL;
	if (make_parent(path) != 0) {
		snprintf(err, STORE_ERR_LEN, "%s のフォルダを作れません / cannot create the folder for %s: %s", path, path,
			 strerror(errno));
		return STORE_ERROR;
	}
	struct stat st;
	bool is_new = stat(path, &st) != 0;
	store_t *s = calloc(1, sizeof *s);
	if (!s)
		abort();
	/* One connection per thread, never shared: SQLite's own mutexes are not needed. The file is
	 * never opened and closed outside SQLite: closing any descriptor of it would drop this
	 * process's POSIX locks, and another process could then delete the WAL under the other
	 * threads' connections. A new database is made private before anything is written to it
	 * (SQLite gives the -wal and -shm files the same mode). */
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    (is_new && chmod(path, 0600) != 0)) {
		snprintf(err, STORE_ERR_LEN, "%s を開けません / cannot open %s: %s", path, path,
			 s->db ? sqlite3_errmsg(s->db) : strerror(errno));
		store_close(s);
		return STORE_ERROR;
	}
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(s->db, 1);
	/* refuse a newer database before anything (even the journal-mode switch) writes to it */
	store_rc_t rc = check_not_newer(s);
	if (rc == STORE_OK &&
	    exec(s, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;") != SQLITE_OK)
		rc = STORE_ERROR;
	if (rc == STORE_OK)
		rc = migrate(s);
	if (rc != STORE_OK) {
		snprintf(err, STORE_ERR_LEN, "%.100s: %.400s", path, s->err);
		store_close(s);
		return rc;
	}
	*out = s;
	return STORE_OK;
}

void store_close(store_t *s)
{
	if (!s)
		return;
	for (int i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s);
}

int store_schema_version(store_t *s)
{
	int v = 0;
	read_version(s->db, &v);
	return v;
}

/* ---- organisations --------------------------------------------------------------------- */

static void bind_org(sqlite3_stmt *st, const org_t *o)
{
	sq_bind_text(st, 1, o->name, false);
	sq_bind_text(st, 2, o->industry, true);
	sq_bind_opt_int(st, 3, o->employees);
	sq_bind_opt_int(st, 4, o->capital);
	sq_bind_text(st, 5, o->prefecture, true);
	sq_bind_opt_int(st, 6, o->sites);
}

store_rc_t store_org_add(store_t *s, org_t *o)
{
	sqlite3_stmt *st = sq_stmt(s, Q_ORG_ADD);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	char now[32];
	sq_now_iso(now);
	bind_org(st, o);
	sq_bind_text(st, 7, now, false);
	sq_bind_text(st, 8, now, false);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	o->id = sqlite3_last_insert_rowid(s->db);
	snprintf(o->created, sizeof o->created, "%s", now);
	snprintf(o->updated, sizeof o->updated, "%s", now);
	return STORE_OK;
}

store_rc_t store_org_update(store_t *s, const org_t *o)
{
	sqlite3_stmt *st = sq_stmt(s, Q_ORG_UPDATE);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	char now[32];
	sq_now_iso(now);
	bind_org(st, o);
	sq_bind_text(st, 7, now, false);
	sqlite3_bind_int64(st, 8, o->id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	return sqlite3_changes(s->db) ? STORE_OK : STORE_NOT_FOUND;
}

static void read_org(sqlite3_stmt *st, org_t *o)
{
	org_init(o);
	o->id = sqlite3_column_int64(st, 0);
	sq_col_text(st, 1, o->name, sizeof o->name);
	sq_col_text(st, 2, o->industry, sizeof o->industry);
	o->employees = (int)sq_col_opt_int(st, 3);
	o->capital = sq_col_opt_int(st, 4);
	sq_col_text(st, 5, o->prefecture, sizeof o->prefecture);
	o->sites = (int)sq_col_opt_int(st, 6);
	sq_col_text(st, 7, o->created, sizeof o->created);
	sq_col_text(st, 8, o->updated, sizeof o->updated);
}

store_rc_t store_org_get(store_t *s, int64_t id, org_t *out)
{
	sqlite3_stmt *st = sq_stmt(s, Q_ORG_GET);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_org(st, out);
		sqlite3_reset(st);
		return STORE_OK;
	}
	return rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
}

store_rc_t store_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg)
{
	sqlite3_stmt *st = sq_stmt(s, Q_ORG_LIST);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	int rc;
	org_t o;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_org(st, &o);
		if (!fn(&o, arg))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
}

/* ---- diagnoses ------------------------------------------------------------------------- */

store_rc_t sq_step_done(store_t *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return STORE_OK;
	store_rc_t code = (rc & 0xff) == SQLITE_CONSTRAINT ? STORE_INVALID : STORE_ERROR;
	return sq_fail(s, code, "%s", sqlite3_errmsg(s->db));
}

store_rc_t store_diag_save(store_t *s, stored_diag_t *d)
{
	if (sq_begin(s) != STORE_OK)
		return STORE_ERROR;
	sqlite3_stmt *st = sq_stmt(s, Q_DIAG_ADD);
	if (!st)
		return sq_rollback(s, sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db)));
	sq_now_iso(d->created);
	if (!d->round[0])
		snprintf(d->round, sizeof d->round, "%.7s", d->created);
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
	store_rc_t rc = sq_step_done(s, st);
	if (rc != STORE_OK)
		return sq_rollback(s, rc);
	d->id = sqlite3_last_insert_rowid(s->db);
	for (int i = 0; i < d->nanswers; i++) {
		const sd_answer_t *a = &d->answers[i];
		if (!(st = sq_stmt(s, Q_ANS_ADD)))
			return sq_rollback(s, sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db)));
		sqlite3_bind_int64(st, 1, d->id);
		sqlite3_bind_int(st, 2, i);
		sq_bind_text(st, 3, a->question, false);
		sq_bind_text(st, 4, a->category, false);
		sq_bind_text(st, 5, a->option, true);
		sqlite3_bind_int(st, 6, a->points);
		sqlite3_bind_int(st, 7, a->full);
		sq_bind_text(st, 8, a->note, false);
		if ((rc = sq_step_done(s, st)) != STORE_OK)
			return sq_rollback(s, rc);
	}
	for (int i = 0; i < d->ncats; i++) {
		const sd_category_t *c = &d->cats[i];
		if (!(st = sq_stmt(s, Q_CAT_ADD)))
			return sq_rollback(s, sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db)));
		sqlite3_bind_int64(st, 1, d->id);
		sqlite3_bind_int(st, 2, i);
		sq_bind_text(st, 3, c->id, false);
		sq_bind_text(st, 4, c->title_ja, false);
		sq_bind_text(st, 5, c->title_en, false);
		sqlite3_bind_int(st, 6, c->total);
		sqlite3_bind_int(st, 7, c->max);
		if ((rc = sq_step_done(s, st)) != STORE_OK)
			return sq_rollback(s, rc);
	}
	if (d->pool && d->org_id > 0 && (rc = sq_pool_contribute(s, d)) != STORE_OK)
		return sq_rollback(s, rc);
	return sq_commit(s);
}

/* Several reads in one read transaction take the file lock once instead of per statement
 * (it shows in profiles of the result page). Nested use is a no-op. */
bool sq_read_begin(store_t *s)
{
	if (!sqlite3_get_autocommit(s->db))
		return false;
	sqlite3_stmt *st = sq_stmt(s, Q_BEGIN_READ);
	return st && sqlite3_step(st) == SQLITE_DONE;
}

void sq_read_end(store_t *s, bool began)
{
	sqlite3_stmt *st;
	if (began && (st = sq_stmt(s, Q_END_READ)))
		sqlite3_step(st);
}


store_rc_t store_diag_get(store_t *s, int64_t id, stored_diag_t **out)
{
	bool began = sq_read_begin(s);
	store_rc_t rc = sq_diag_get(s, id, out);
	sq_read_end(s, began);
	return rc;
}

store_rc_t sq_diag_get(store_t *s, int64_t id, stored_diag_t **out)
{
	*out = NULL;
	sqlite3_stmt *st = sq_stmt(s, Q_DIAG_GET);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	int na = sqlite3_column_int(st, 16), nc = sqlite3_column_int(st, 17);
	stored_diag_t *d = stored_diag_new(na < MAX_ITEMS ? na : MAX_ITEMS, nc < MAX_CATEGORIES ? nc : MAX_CATEGORIES);
	d->id = sqlite3_column_int64(st, 0);
	d->org_id = sq_col_opt_int(st, 1);
	if (d->org_id < 0)
		d->org_id = 0;
	sq_col_text(st, 2, d->questionnaire, sizeof d->questionnaire);
	sq_col_text(st, 3, d->version, sizeof d->version);
	sq_col_text(st, 4, d->round, sizeof d->round);
	sq_col_text(st, 5, d->scope, sizeof d->scope);
	sq_col_text(st, 6, d->respondent, sizeof d->respondent);
	char role[16];
	sq_col_text(st, 7, role, sizeof role);
	if (!role_parse(role, &d->role))
		d->role = ROLE_NONE;
	d->pool = sqlite3_column_int(st, 8);
	d->total = sqlite3_column_int(st, 9);
	d->max = sqlite3_column_int(st, 10);
	d->min = sqlite3_column_int(st, 11);
	sq_col_text(st, 12, d->band_id, sizeof d->band_id);
	sq_col_text(st, 13, d->band_ja, sizeof d->band_ja);
	sq_col_text(st, 14, d->band_en, sizeof d->band_en);
	sq_col_text(st, 15, d->created, sizeof d->created);
	d->risk = (int)sq_col_opt_int(st, 18);
	sq_col_text(st, 19, d->risk_group, sizeof d->risk_group);
	sq_col_text(st, 20, d->size_band, sizeof d->size_band);
	sq_col_text(st, 21, d->industry, sizeof d->industry);
	sq_col_text(st, 22, d->profile, sizeof d->profile);
	sqlite3_reset(st);

	int k = 0;
	if (!(st = sq_stmt(s, Q_ANS_GET)))
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < d->nanswers) {
		sd_answer_t *a = &d->answers[k++];
		sq_col_text(st, 0, a->question, sizeof a->question);
		sq_col_text(st, 1, a->category, sizeof a->category);
		sq_col_text(st, 2, a->option, sizeof a->option);
		a->points = sqlite3_column_int(st, 3);
		a->full = sqlite3_column_int(st, 4);
		sq_col_text(st, 5, a->note, sizeof a->note);
	}
	sqlite3_reset(st);
	k = 0;
	if (!(st = sq_stmt(s, Q_CAT_GET)))
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < d->ncats) {
		sd_category_t *c = &d->cats[k++];
		sq_col_text(st, 0, c->id, sizeof c->id);
		sq_col_text(st, 1, c->title_ja, sizeof c->title_ja);
		sq_col_text(st, 2, c->title_en, sizeof c->title_en);
		c->total = sqlite3_column_int(st, 3);
		c->max = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	*out = d;
	return STORE_OK;
fail:
	stored_diag_free(d);
	return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
}

static store_rc_t diag_list(store_t *s, int64_t org_id, stored_diag_t ***out, int *n);

store_rc_t store_diag_list(store_t *s, int64_t org_id, stored_diag_t ***out, int *n)
{
	bool began = sq_read_begin(s);
	store_rc_t rc = diag_list(s, org_id, out, n);
	sq_read_end(s, began);
	return rc;
}

/* The snapshots whose ids the bound statement st yields, in its order. The ids are read first:
 * the id statement must not stay open across the reads. */
static store_rc_t diag_load(store_t *s, sqlite3_stmt *st, stored_diag_t ***out, int *n)
{
	*out = NULL;
	*n = 0;
	int64_t *ids = NULL;
	int cap = 0, count = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 64;
			int64_t *p = realloc(ids, (size_t)cap * sizeof *ids);
			if (!p)
				abort();
			ids = p;
		}
		ids[count++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	store_rc_t res = rc == SQLITE_DONE ? STORE_OK : sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	stored_diag_t **list = calloc(count ? (size_t)count : 1, sizeof *list);
	if (!list)
		abort();
	int got = 0;
	for (int i = 0; res == STORE_OK && i < count; i++)
		if ((res = sq_diag_get(s, ids[i], &list[got])) == STORE_OK)
			got++;
	free(ids);
	if (res != STORE_OK) {
		stored_diag_list_free(list, got);
		return res;
	}
	*out = list;
	*n = got;
	return STORE_OK;
}

static store_rc_t diag_list(store_t *s, int64_t org_id, stored_diag_t ***out, int *n)
{
	sqlite3_stmt *st = sq_stmt(s, Q_DIAG_BY_ORG);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sqlite3_bind_int64(st, 1, org_id);
	return diag_load(s, st, out, n);
}

store_rc_t store_diag_recent(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max,
			     stored_diag_t ***out, int *n)
{
	bool began = sq_read_begin(s);
	sqlite3_stmt *st = sq_stmt(s, Q_DIAG_RECENT);
	store_rc_t rc;
	if (!st) {
		rc = sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	} else {
		sqlite3_bind_int64(st, 1, org_id);
		sq_bind_text(st, 2, questionnaire, false);
		sqlite3_bind_int64(st, 3, upto);
		sqlite3_bind_int(st, 4, max);
		rc = diag_load(s, st, out, n);
	}
	sq_read_end(s, began);
	return rc;
}

store_rc_t store_diag_latest(store_t *s, int64_t org_id, stored_diag_t **out)
{
	*out = NULL;
	sqlite3_stmt *st = sq_stmt(s, Q_DIAG_LATEST);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sqlite3_bind_int64(st, 1, org_id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	int64_t id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return store_diag_get(s, id, out);
}

/* ---- the action plan ------------------------------------------------------------------ */

store_rc_t store_plan_add(store_t *s, plan_item_t *p)
{
	sqlite3_stmt *st = sq_stmt(s, Q_PLAN_ADD);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sq_now_iso(p->created);
	memcpy(p->updated, p->created, sizeof p->updated);
	sqlite3_bind_int64(st, 1, p->org_id);
	if (p->diagnosis_id > 0)
		sqlite3_bind_int64(st, 2, p->diagnosis_id);
	else
		sqlite3_bind_null(st, 2);
	sq_bind_text(st, 3, p->questionnaire, false);
	sq_bind_text(st, 4, p->question, false);
	sq_bind_text(st, 5, p->owner, false);
	sq_bind_text(st, 6, p->due, false);
	sq_bind_text(st, 7, plan_status_id(p->status), false);
	sq_bind_text(st, 8, p->created, false);
	sq_bind_text(st, 9, p->updated, false);
	store_rc_t rc = sq_step_done(s, st);
	if (rc == STORE_OK)
		p->id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

store_rc_t store_plan_update(store_t *s, const plan_item_t *p)
{
	sqlite3_stmt *st = sq_stmt(s, Q_PLAN_UPDATE);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	char now[32];
	sq_now_iso(now);
	sq_bind_text(st, 1, p->owner, false);
	sq_bind_text(st, 2, p->due, false);
	sq_bind_text(st, 3, plan_status_id(p->status), false);
	sq_bind_text(st, 4, now, false);
	sqlite3_bind_int64(st, 5, p->id);
	store_rc_t rc = sq_step_done(s, st);
	return rc == STORE_OK && sqlite3_changes(s->db) == 0 ? STORE_NOT_FOUND : rc;
}

static void read_plan(sqlite3_stmt *st, plan_item_t *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->org_id = sqlite3_column_int64(st, 1);
	p->diagnosis_id = sq_col_opt_int(st, 2) < 0 ? 0 : sq_col_opt_int(st, 2);
	sq_col_text(st, 3, p->questionnaire, sizeof p->questionnaire);
	sq_col_text(st, 4, p->question, sizeof p->question);
	sq_col_text(st, 5, p->owner, sizeof p->owner);
	sq_col_text(st, 6, p->due, sizeof p->due);
	char status[16];
	sq_col_text(st, 7, status, sizeof status);
	plan_status_parse(status, &p->status);
	sq_col_text(st, 8, p->created, sizeof p->created);
	sq_col_text(st, 9, p->updated, sizeof p->updated);
}

store_rc_t store_plan_get(store_t *s, int64_t id, plan_item_t *out)
{
	sqlite3_stmt *st = sq_stmt(s, Q_PLAN_GET);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_plan(st, out);
		sqlite3_reset(st);
		return STORE_OK;
	}
	return rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
}

store_rc_t store_plan_list(store_t *s, int64_t org_id, plan_item_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(s, Q_PLAN_LIST);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sqlite3_bind_int64(st, 1, org_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			plan_item_t *p = realloc(*out, (size_t)cap * sizeof *p);
			if (!p)
				abort();
			*out = p;
		}
		read_plan(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	}
	return STORE_OK;
}

/* ---- drafts ---------------------------------------------------------------------------- */

store_rc_t store_draft_put(store_t *s, const draft_t *d)
{
	sqlite3_stmt *st = sq_stmt(s, Q_DRAFT_PUT);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	char now[32];
	sq_now_iso(now);
	sq_bind_text(st, 1, d->id, false);
	sq_bind_text(st, 2, d->questionnaire, false);
	if (d->org_id > 0)
		sqlite3_bind_int64(st, 3, d->org_id);
	else
		sqlite3_bind_null(st, 3);
	sq_bind_text(st, 4, d->answers, false);
	sq_bind_text(st, 5, now, false);
	return sq_step_done(s, st);
}

store_rc_t store_draft_get(store_t *s, const char *id, draft_t *out)
{
	sqlite3_stmt *st = sq_stmt(s, Q_DRAFT_GET);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sq_bind_text(st, 1, id, false);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	snprintf(out->id, sizeof out->id, "%s", id);
	sq_col_text(st, 0, out->questionnaire, sizeof out->questionnaire);
	out->org_id = sq_col_opt_int(st, 1);
	if (out->org_id < 0)
		out->org_id = 0;
	sq_col_text(st, 2, out->answers, sizeof out->answers);
	sqlite3_reset(st);
	return STORE_OK;
}

store_rc_t store_draft_delete(store_t *s, const char *id)
{
	sqlite3_stmt *st = sq_stmt(s, Q_DRAFT_DEL);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sq_bind_text(st, 1, id, false);
	return sq_step_done(s, st);
}

/* ---- backup and checks ----------------------------------------------------------------- */

static int copy_db(sqlite3 *from, sqlite3 *to)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b)
		return sqlite3_errcode(to);
	int rc;
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sqlite3_sleep(5);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

store_rc_t store_backup(store_t *s, const char *dest, char err[STORE_ERR_LEN])
{
	if (access(dest, F_OK) == 0) {
		snprintf(err, STORE_ERR_LEN, "%s はすでにあります（上書きしません） / %s already exists (not overwritten)", dest, dest);
		return STORE_INVALID;
	}
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dest, (long)getpid());
	int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		snprintf(err, STORE_ERR_LEN, "%s を作れません / cannot create %s: %s", dest, dest, strerror(errno));
		return STORE_ERROR;
	}
	close(fd);
	sqlite3 *to;
	int rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = copy_db(s->db, to);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		snprintf(err, STORE_ERR_LEN, "バックアップに失敗しました / backup failed: %s", sqlite3_errmsg(to));
	sqlite3_close(to);
	if (rc == SQLITE_OK && rename(tmp, dest) != 0) {
		snprintf(err, STORE_ERR_LEN, "%s に書けません / cannot write %s: %s", dest, dest, strerror(errno));
		rc = SQLITE_ERROR;
	}
	if (rc != SQLITE_OK)
		unlink(tmp);
	return rc == SQLITE_OK ? STORE_OK : STORE_ERROR;
}

store_rc_t store_check_file(const char *src, char err[STORE_ERR_LEN])
{
	sqlite3 *db;
	if (sqlite3_open_v2(src, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		snprintf(err, STORE_ERR_LEN, "%s を開けません / cannot open %s", src, src);
		sqlite3_close(db);
		return STORE_INVALID;
	}
	store_rc_t rc = STORE_OK;
	sqlite3_stmt *st = NULL;
	int version = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		snprintf(err, STORE_ERR_LEN, "%s は壊れているか SQLite のデータベースではありません / %s is damaged or not an SQLite database",
			 src, src);
		rc = STORE_INVALID;
	} else if (read_version(db, &version) != SQLITE_OK || version == 0) {
		snprintf(err, STORE_ERR_LEN, "%s は mamoru のデータベースではありません / %s is not a mamoru database", src, src);
		rc = STORE_INVALID;
	} else if (version > MIGRATION_COUNT) {
		snprintf(err, STORE_ERR_LEN, "%s の版 (%d) はこのプログラム (%d) より新しいです / %s has schema version %d, newer than this program (%d)",
			 src, version, MIGRATION_COUNT, src, version, MIGRATION_COUNT);
		rc = STORE_INVALID;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}

store_rc_t store_restore(store_t *s, const char *src, char err[STORE_ERR_LEN])
{
	store_rc_t rc = store_check_file(src, err);
	if (rc != STORE_OK)
		return rc;
	sqlite3 *from;
	if (sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		snprintf(err, STORE_ERR_LEN, "%s を開けません / cannot open %s", src, src);
		sqlite3_close(from);
		return STORE_INVALID;
	}
	int r = copy_db(from, s->db);
	sqlite3_close(from);
	if (r != SQLITE_OK) {
		snprintf(err, STORE_ERR_LEN, "復元に失敗しました / restore failed: %s", sqlite3_errmsg(s->db));
		return STORE_ERROR;
	}
	for (int i = 0; i < Q_COUNT; i++) {
		sqlite3_finalize(s->stmt[i]);
		s->stmt[i] = NULL;
	}
	if (exec(s, "PRAGMA journal_mode = WAL") != SQLITE_OK || migrate(s) != STORE_OK) {
		snprintf(err, STORE_ERR_LEN, "復元後の移行に失敗しました / migrating the restored data failed: %.300s", s->err);
		return STORE_ERROR;
	}
	return STORE_OK;
}
