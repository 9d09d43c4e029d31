/*
 * sqlite_admin.c — see sqlite_admin.h.
 */
#include "store/sqlite_admin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/sqlite.h"
#include "store/sqlite_util.h"
#include "store/sqlite_migrations.h"

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

static bool is_sqlite(const store_t *s, err_t *e)
{
	if (!strcmp(store_backend_name(s), sqlite_backend.name))
		return true;
	err_set(e, ERR_INVALID, "db",
		"この操作は SQLite のデータベースにだけ使えます。PostgreSQL は pg_dump / pg_restore でバックアップするか、"
		"`mamoru copy --from postgres://… --to ファイル.db` で SQLite のファイルに書き出してください",
		"this only works on an SQLite database; back PostgreSQL up with pg_dump / pg_restore, or export it to an "
		"SQLite file with `mamoru copy --from postgres://… --to FILE.db`");
	return false;
}

store_rc_t sqlite_backup(store_t *s, const char *dest, err_t *e)
{
	if (!is_sqlite(s, e))
		return STORE_INVALID;
	if (access(dest, F_OK) == 0) {
		err_set(e, ERR_CONFLICT, "file", "%s はすでにあります（上書きしません）", "%s already exists (not overwritten)", dest);
		return STORE_INVALID;
	}
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dest, (long)getpid());
	int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		err_set(e, ERR_STORE, "file", "%s を作れません: %s", "cannot create %s: %s", dest, strerror(errno));
		return STORE_ERROR;
	}
	close(fd);
	sqlite3 *to;
	int rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = copy_db(SQ(s)->db, to);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		err_set(e, ERR_STORE, "file", "バックアップに失敗しました: %s", "backup failed: %s", sqlite3_errmsg(to));
	sqlite3_close(to);
	if (rc == SQLITE_OK && rename(tmp, dest) != 0) {
		err_set(e, ERR_STORE, "file", "%s に書けません: %s", "cannot write %s: %s", dest, strerror(errno));
		rc = SQLITE_ERROR;
	}
	if (rc != SQLITE_OK)
		unlink(tmp);
	return rc == SQLITE_OK ? STORE_OK : STORE_ERROR;
}

/* The first row of a one-column query as text into out ("" when none); false on error. */
static bool first_text(sqlite3 *db, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The schema this program's migrations create at `version`, in a new in-memory database. */
static sqlite3 *reference_schema(int version)
{
	sqlite3 *db;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", NULL, NULL,
			 NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	for (int v = 0; v < version; v++)
		if (sqlite3_exec(db, MIGRATIONS[v], NULL, NULL, NULL) != SQLITE_OK) {
			sqlite3_close(db);
			return NULL;
		}
	return db;
}

/* Compares the schema objects of db and ref; false with e naming the first one that differs. */
static bool same_schema(sqlite3 *db, sqlite3 *ref, const char *src, err_t *e)
{
	static const char SQL[] = "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name";
	sqlite3_stmt *a = NULL, *b = NULL;
	bool same = sqlite3_prepare_v2(db, SQL, -1, &a, NULL) == SQLITE_OK && sqlite3_prepare_v2(ref, SQL, -1, &b, NULL) == SQLITE_OK;
	while (same) {
		int ra = sqlite3_step(a), rb = sqlite3_step(b);
		if (ra == SQLITE_DONE && rb == SQLITE_DONE)
			break;
		const char *ta = ra == SQLITE_ROW ? (const char *)sqlite3_column_text(a, 0) : "";
		const char *na = ra == SQLITE_ROW ? (const char *)sqlite3_column_text(a, 1) : "";
		const char *tb = rb == SQLITE_ROW ? (const char *)sqlite3_column_text(b, 0) : "";
		const char *nb = rb == SQLITE_ROW ? (const char *)sqlite3_column_text(b, 1) : "";
		if (ra == SQLITE_ROW && rb == SQLITE_ROW && !strcmp(ta, tb) && !strcmp(na, nb) &&
		    !strcmp((const char *)sqlite3_column_text(a, 2), (const char *)sqlite3_column_text(b, 2)))
			continue;
		/* name the object the file has that ours has not (or lacks, or defines otherwise) */
		bool extra = ra == SQLITE_ROW && (rb != SQLITE_ROW || strcmp(ta, tb) < 0 || (!strcmp(ta, tb) && strcmp(na, nb) < 0));
		bool missing = !extra && rb == SQLITE_ROW && (ra != SQLITE_ROW || strcmp(ta, tb) > 0 || strcmp(na, nb) > 0);
		const char *t = extra || !missing ? ta : tb, *n = extra || !missing ? na : nb;
		if (extra)
			err_set(e, ERR_INVALID, "file", "%s には mamoru が作らない %s「%s」があるため復元しません",
				"%s has a %s \"%s\" that mamoru does not create; not restored", src, t, n);
		else if (missing)
			err_set(e, ERR_INVALID, "file", "%s には %s「%s」がないため復元しません", "%s lacks the %s \"%s\"; not restored",
				src, t, n);
		else
			err_set(e, ERR_INVALID, "file", "%s の %s「%s」の定義が mamoru のものと違うため復元しません",
				"%s defines the %s \"%s\" differently from mamoru; not restored", src, t, n);
		same = false;
	}
	sqlite3_finalize(a);
	sqlite3_finalize(b);
	return same;
}

store_rc_t sqlite_check_file(const char *src, err_t *e)
{
	sqlite3 *db;
	if (sqlite3_open_v2(src, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return err_set(e, ERR_INVALID, "file", "%s を開けません", "cannot open %s", src), STORE_INVALID;
	}
	int version = 0;
	char ok[64], fk[64];
	sqlite3 *ref = NULL;
	store_rc_t rc = STORE_INVALID;
	if (!first_text(db, "PRAGMA integrity_check", ok, sizeof ok) || strcmp(ok, "ok"))
		err_set(e, ERR_INVALID, "file", "%s は壊れているか SQLite のデータベースではありません",
			"%s is damaged or not an SQLite database", src);
	else if (sq_read_version(db, &version) != SQLITE_OK || version == 0)
		err_set(e, ERR_INVALID, "file", "%s は mamoru のデータベースではありません", "%s is not a mamoru database", src);
	else if (version > MIGRATION_COUNT)
		err_set(e, ERR_INVALID, "file", "%s の版 (%d) はこのプログラム (%d) より新しいです",
			"%s has schema version %d, newer than this program (%d)", src, version, MIGRATION_COUNT);
	else if (!(ref = reference_schema(version)))
		err_set(e, ERR_INTERNAL, "file", "比較用のスキーマを作れません", "cannot build the reference schema");
	else if (!same_schema(db, ref, src, e))
		; /* e names the object */
	else if (!first_text(db, "PRAGMA foreign_key_check", fk, sizeof fk) || fk[0])
		err_set(e, ERR_INVALID, "file", "%s の行が存在しない行を参照しています（%s）", "%s has rows that refer to missing rows (%s)",
			src, fk);
	else
		rc = STORE_OK;
	sqlite3_close(ref);
	sqlite3_close(db);
	return rc;
}

store_rc_t sqlite_restore(store_t *s, const char *src, err_t *e)
{
	if (!is_sqlite(s, e))
		return STORE_INVALID;
	store_rc_t rc = sqlite_check_file(src, e);
	if (rc != STORE_OK)
		return rc;
	sqlite3 *from;
	if (sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(from);
		return err_set(e, ERR_INVALID, "file", "%s を開けません", "cannot open %s", src), STORE_INVALID;
	}
	sq_t *q = SQ(s);
	int r = copy_db(from, q->db);
	sqlite3_close(from);
	if (r != SQLITE_OK)
		return err_set(e, ERR_STORE, "file", "復元に失敗しました: %s", "restore failed: %s", sqlite3_errmsg(q->db)), STORE_ERROR;
	sq_stmts_finalize(q);
	if (sq_exec(q, "PRAGMA journal_mode = WAL") != SQLITE_OK || sq_migrate(q) != STORE_OK)
		return err_set(e, ERR_STORE, "file", "復元後の移行に失敗しました: %.300s%.0s", "migrating the restored data failed: %.0s%.300s",
			       q->base.err.ja, q->base.err.en), STORE_ERROR;
	return STORE_OK;
}
