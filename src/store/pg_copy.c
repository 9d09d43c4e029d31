/*
 * pg_copy.c — whole tables of a PostgreSQL database for `mamoru copy` (store.h, copy.h): the
 * rows in key order with every value as text (a double precision as %.17g, as sqlite_copy.c
 * writes a real) or, for a bytea, its bytes; one row inserted as it was; and, after a copy, each identity counter moved past the
 * largest id copied. The statements are made from copy.h's fixed list of tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/copy.h"
#include "store/pg_rows.h"
#include "store/pg_util.h"

#define BYTEAOID 17
#define FLOAT4OID 700
#define FLOAT8OID 701

store_rc_t pg_rows(store_t *s, const store_table_t *t, bool (*fn)(int n, const store_value_t *v, void *), void *arg)
{
	pg_t *p = PG(s);
	buf_t sql = { 0 };
	buf_printf(&sql, "SELECT %s FROM %s ORDER BY %s", t->columns, t->name, t->key);
	PGresult *r = PQexecParams(p->conn, sql.data, 0, NULL, NULL, NULL, NULL, 0);
	buf_free(&sql);
	if (!r || PQresultStatus(r) != PGRES_TUPLES_OK) {
		PQclear(r);
		return pg_fail(p, STORE_ERROR, t->name);
	}
	int n = PQnfields(r);
	store_value_t v[64];
	if (n > 64)
		n = 64;
	unsigned char *raw[64] = { 0 };
	char real[64][32];
	bool go = true;
	for (int row = 0, rows = PQntuples(r); go && row < rows; row++) {
		for (int i = 0; i < n; i++) {
			v[i].null = PQgetisnull(r, row, i);
			v[i].blob = PQftype(r, i) == BYTEAOID;
			Oid type = PQftype(r, i);
			if ((type == FLOAT4OID || type == FLOAT8OID) && !v[i].null) {
				v[i].len = (size_t)snprintf(real[i], sizeof real[i], "%.17g", strtod(PQgetvalue(r, row, i), NULL));
				v[i].p = real[i];
			} else if (v[i].blob && !v[i].null) {
				raw[i] = PQunescapeBytea((const unsigned char *)PQgetvalue(r, row, i), &v[i].len);
				v[i].p = (const char *)raw[i];
			} else {
				v[i].p = PQgetvalue(r, row, i);
				v[i].len = (size_t)PQgetlength(r, row, i);
			}
		}
		go = fn(n, v, arg);
		for (int i = 0; i < n; i++) {
			PQfreemem(raw[i]);
			raw[i] = NULL;
		}
	}
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_insert_row(store_t *s, const store_table_t *t, int n, const store_value_t *v)
{
	pg_t *p = PG(s);
	if (n > 64)
		return pg_failf(p, STORE_ERROR, "%s: 列が多すぎます（%d）", "%s: too many columns (%d)", t->name, n);
	buf_t sql = { 0 };
	buf_printf(&sql, "INSERT INTO %s (%s) VALUES (", t->name, t->columns);
	for (int i = 0; i < n; i++)
		buf_printf(&sql, "%s$%d", i ? ", " : "", i + 1);
	buf_puts(&sql, ")");
	const char *vals[64];
	int lens[64], fmts[64];
	for (int i = 0; i < n; i++) {
		vals[i] = v[i].null ? NULL : v[i].p;
		lens[i] = (int)v[i].len;
		fmts[i] = v[i].blob;
	}
	/* text values are not NUL-terminated here: send them with their length, as binary-free text */
	buf_t copy = { 0 };
	size_t *offs = malloc((size_t)n * sizeof *offs);
	for (int i = 0; i < n; i++)
		if (vals[i] && !fmts[i]) {
			offs[i] = copy.len;
			buf_put(&copy, v[i].p, v[i].len);
			buf_put(&copy, "", 1);
		}
	for (int i = 0; i < n; i++)
		if (vals[i] && !fmts[i])
			vals[i] = copy.data + offs[i];
	free(offs);
	PGresult *r = PQexecParams(p->conn, sql.data, n, NULL, vals, lens, fmts, 0);
	buf_free(&sql);
	buf_free(&copy);
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	store_rc_t rc = st == PGRES_COMMAND_OK ? STORE_OK : pg_fail(p, STORE_ERROR, t->name);
	if (rc != STORE_OK && r) {
		char msg[300];
		snprintf(msg, sizeof msg, "%s", PQresultErrorMessage(r));
		msg[strcspn(msg, "\n")] = '\0';
		pg_failf(p, STORE_ERROR, "%s に書き込めません: %s", "cannot write to %s: %s", t->name, msg);
	}
	PQclear(r);
	return rc;
}

store_rc_t pg_clear_table(store_t *s, const store_table_t *t)
{
	pg_t *p = PG(s);
	buf_t sql = { 0 };
	buf_printf(&sql, "DELETE FROM %s", t->name);
	store_rc_t rc = pg_exec(p, sql.data, t->name);
	buf_free(&sql);
	return rc;
}

store_rc_t pg_copy_done(store_t *s)
{
	pg_t *p = PG(s);
	for (int k = 0; k < STORE_TABLE_COUNT; k++) {
		const store_table_t *t = &STORE_TABLES[k];
		if (strcmp(t->key, "id"))
			continue;
		/* only tables whose id is an identity column have a sequence (drafts' id is text) */
		pg_args_t a = { 0 };
		pa_text(&a, t->name);
		PGresult *r;
		static const char SQL_SEQ[] = "SELECT pg_get_serial_sequence($1, 'id')";
		store_rc_t rc = pg_one(p, SQL_SEQ, &a, t->name, &r);
		if (rc != STORE_OK)
			return rc;
		bool has = !PQgetisnull(r, 0, 0);
		PQclear(r);
		if (!has)
			continue;
		buf_t sql = { 0 };
		buf_printf(&sql, "SELECT setval(pg_get_serial_sequence('%s', 'id'), coalesce((SELECT max(id) FROM %s), 0) + 1, false)",
			   t->name, t->name);
		rc = pg_exec(p, sql.data, t->name);
		buf_free(&sql);
		if (rc != STORE_OK)
			return rc;
	}
	return STORE_OK;
}
