/*
 * sqlite_copy.c — whole tables of an SQLite database for `mamoru copy` (store.h, copy.h): the
 * rows in key order with every value as text (integers in decimal, reals as %.17g, as
 * pg_copy.c writes them, so both sides compare equal) or, for a BLOB, its bytes;
 * one row inserted as it was (column affinity turns the decimal text back into an integer).
 * The statements are made from copy.h's fixed list of tables, never from input.
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/copy.h"
#include "store/sqlite_rows.h"
#include "store/sqlite_util.h"

static int ncolumns(const store_table_t *t)
{
	int n = 1;
	for (const char *c = t->columns; *c; c++)
		n += *c == ',';
	return n;
}

static sqlite3_stmt *prepare(sq_t *q, const buf_t *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(q->db, sql->data, (int)sql->len, &st, NULL) != SQLITE_OK) {
		sq_fail(q, STORE_ERROR, "prepare");
		return NULL;
	}
	return st;
}

store_rc_t sq_rows(store_t *s, const store_table_t *t, bool (*fn)(int n, const store_value_t *v, void *), void *arg)
{
	sq_t *q = SQ(s);
	buf_t sql = { 0 };
	buf_printf(&sql, "SELECT %s FROM %s ORDER BY %s", t->columns, t->name, t->key);
	sqlite3_stmt *st = prepare(q, &sql);
	buf_free(&sql);
	if (!st)
		return STORE_ERROR;
	int n = sqlite3_column_count(st), rc;
	store_value_t v[64];
	char real[64][32];
	if (n > 64)
		n = 64;
	bool go = true;
	while (go && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			int type = sqlite3_column_type(st, i);
			v[i].null = type == SQLITE_NULL;
			v[i].blob = type == SQLITE_BLOB;
			if (type == SQLITE_FLOAT) {
				v[i].len = (size_t)snprintf(real[i], sizeof real[i], "%.17g", sqlite3_column_double(st, i));
				v[i].p = real[i];
				continue;
			}
			v[i].p = v[i].blob ? sqlite3_column_blob(st, i) : (const char *)sqlite3_column_text(st, i);
			v[i].len = (size_t)sqlite3_column_bytes(st, i);
		}
		go = fn(n, v, arg);
	}
	store_rc_t res = !go || rc == SQLITE_DONE ? STORE_OK : sq_fail(q, STORE_ERROR, t->name);
	sqlite3_finalize(st);
	return res;
}

store_rc_t sq_insert_row(store_t *s, const store_table_t *t, int n, const store_value_t *v)
{
	sq_t *q = SQ(s);
	if (n != ncolumns(t))
		return sq_failf(q, STORE_ERROR, "%s: 列の数が違います（%d）", "%s: wrong number of columns (%d)", t->name, n);
	buf_t sql = { 0 };
	buf_printf(&sql, "INSERT INTO %s (%s) VALUES (", t->name, t->columns);
	for (int i = 0; i < n; i++)
		buf_puts(&sql, i ? ", ?" : "?");
	buf_puts(&sql, ")");
	sqlite3_stmt *st = prepare(q, &sql);
	buf_free(&sql);
	if (!st)
		return STORE_ERROR;
	for (int i = 0; i < n; i++)
		if (v[i].null)
			sqlite3_bind_null(st, i + 1);
		else if (v[i].blob)
			sqlite3_bind_blob(st, i + 1, v[i].p, (int)v[i].len, SQLITE_STATIC);
		else
			sqlite3_bind_text(st, i + 1, v[i].p, (int)v[i].len, SQLITE_STATIC);
	store_rc_t rc = sq_step_done(q, st);
	sqlite3_finalize(st);
	return rc;
}

store_rc_t sq_clear_table(store_t *s, const store_table_t *t)
{
	sq_t *q = SQ(s);
	buf_t sql = { 0 };
	buf_printf(&sql, "DELETE FROM %s", t->name);
	int rc = sq_exec(q, sql.data);
	buf_free(&sql);
	return rc == SQLITE_OK ? STORE_OK : STORE_ERROR;
}

store_rc_t sq_copy_done(store_t *s)
{
	(void)s; /* rowids follow the largest id by themselves */
	return STORE_OK;
}
