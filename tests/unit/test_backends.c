/*
 * test_backends.c — what keeps the two backends describing one schema: both list the same
 * number of migrations, and copy.h's list of tables and columns (what `mamoru copy` moves and
 * compares; generated columns are left to each database) is exactly the SQLite schema, and, when a PostgreSQL database is given in
 * $MAMORU_TEST_STORE, exactly the PostgreSQL schema too. A migration that adds a table or a
 * column to one side only fails here rather than in a user's copy. On PostgreSQL also: every
 * earlier version is brought up to date, schema 19 keeps each old snapshot's category titles
 * and schema 21 computes each organisation's latest result for the client list.
 */
#include "unit.h"
#include "upgrade.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include "store/copy.h"
#include "store/pg_migrations.h"
#include "store/sqlite_migrations.h"

/* "a, b, \"c\"" → "a,b,c": a table's columns as one comparable string, in its order */
static void normalise(const char *cols, char *out, size_t size)
{
	size_t n = 0;
	for (const char *c = cols; *c && n + 1 < size; c++)
		if (*c != ' ' && *c != '"')
			out[n++] = *c;
	out[n] = '\0';
}

static const store_table_t *listed(const char *name)
{
	for (int k = 0; k < STORE_TABLE_COUNT; k++)
		if (!strcmp(STORE_TABLES[k].name, name))
			return &STORE_TABLES[k];
	return NULL;
}

/* A table the backend derives from the others (copy.h): neither copied nor listed. */
static bool derived(const char *name)
{
	for (int k = 0; k < STORE_DERIVED_COUNT; k++)
		if (!strcmp(STORE_DERIVED_TABLES[k], name))
			return true;
	return false;
}

/* A connection to an empty database brought to schema version v (its first v migrations
 * applied, as an older mamoru left it). */
static PGconn *pg_schema_at(const char *url, int v)
{
	PGconn *c = PQconnectdb(url);
	assert_int_equal(PQstatus(c), CONNECTION_OK);
	PQclear(PQexec(c, "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
	PQclear(PQexec(c, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
	for (int k = 0; k < v; k++) {
		PGresult *r = PQexec(c, PG_MIGRATIONS[k]);
		if (PG_MIGRATIONS[k][0] && PQresultStatus(r) != PGRES_COMMAND_OK)
			fail_msg("step %d: %s", k + 1, PQresultErrorMessage(r));
		PQclear(r);
		char ins[96];
		snprintf(ins, sizeof ins, "INSERT INTO schema_version VALUES (%d, '2025-01-01T00:00:00Z')", k + 1);
		PQclear(PQexec(c, ins));
	}
	return c;
}

static void same_number_of_migrations(void **state)
{
	(void)state;
	assert_int_equal(PG_MIGRATION_COUNT, MIGRATION_COUNT);
}

static void copy_lists_the_sqlite_schema(void **state)
{
	(void)state;
	char dir[] = "/tmp/mamoru-backends-XXXXXX", path[128];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/m.db", dir);
	store_t *s;
	err_t e;
	assert_int_equal(store_open(path, &s, &e), STORE_OK);
	store_close(s);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
						"AND name <> 'schema_version' ORDER BY name", -1, &st, NULL), SQLITE_OK);
	int tables = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (derived(name))
			continue;
		const store_table_t *t = listed(name);
		if (!t)
			fail_msg("table %s is not in STORE_TABLES (src/store/copy.c)", name);
		char sql[128], have[1024] = "", want[1024];
		snprintf(sql, sizeof sql, "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('%s') ORDER BY cid)", name);
		sqlite3_stmt *cols;
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &cols, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(cols), SQLITE_ROW);
		snprintf(have, sizeof have, "%s", (const char *)sqlite3_column_text(cols, 0));
		sqlite3_finalize(cols);
		normalise(t->columns, want, sizeof want);
		if (strcmp(have, want))
			fail_msg("%s: SQLite has columns %s, STORE_TABLES lists %s", name, have, want);
		tables++;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_int_equal(tables, STORE_TABLE_COUNT);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void copy_lists_the_postgres_schema(void **state)
{
	(void)state;
	const char *url = getenv("MAMORU_TEST_STORE");
	if (!url || strncmp(url, "postgres", 8))
		skip();
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "psql -X -q '%s' -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' 2>/dev/null", url);
	assert_int_equal(system(cmd), 0);
	store_t *s;
	err_t e;
	if (store_open(url, &s, &e) != STORE_OK)
		fail_msg("%s", e.en);
	store_close(s);
	PGconn *c = PQconnectdb(url);
	assert_int_equal(PQstatus(c), CONNECTION_OK);
	PGresult *r = PQexec(c, "SELECT table_name, string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns "
				"WHERE table_schema = 'public' AND table_name <> 'schema_version' AND is_generated = 'NEVER' "
				"GROUP BY table_name ORDER BY table_name");
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	for (int i = 0; i < PQntuples(r); i++) {
		const char *name = PQgetvalue(r, i, 0);
		if (derived(name))
			continue;
		const store_table_t *t = listed(name);
		if (!t)
			fail_msg("PostgreSQL table %s is not in STORE_TABLES", name);
		char want[1024];
		normalise(t->columns, want, sizeof want);
		/* PostgreSQL may order columns differently (they were created at once): compare as sets */
		char have[1024];
		snprintf(have, sizeof have, ",%s,", PQgetvalue(r, i, 1));
		int n = 0;
		for (char *tok = strtok(want, ","); tok; tok = strtok(NULL, ","), n++) {
			char needle[80];
			snprintf(needle, sizeof needle, ",%s,", tok);
			if (!strstr(have, needle))
				fail_msg("PostgreSQL table %s lacks column %s", name, tok);
		}
		int m = 0;
		for (const char *p = have + 1; *p; p++)
			m += *p == ',';
		if (m != n)
			fail_msg("PostgreSQL table %s has %d columns, STORE_TABLES lists %d", name, m, n);
	}
	assert_int_equal(PQntuples(r), STORE_TABLE_COUNT);
	PQclear(r);
	PQfinish(c);
}

/* A PostgreSQL database at every earlier version, with a row in it, is brought up to date. */
static void every_earlier_postgres_version_migrates(void **state)
{
	(void)state;
	const char *url = getenv("MAMORU_TEST_STORE");
	if (!url || strncmp(url, "postgres", 8))
		skip();
	for (int v = 1; v < PG_MIGRATION_COUNT; v++) {
		PGconn *c = pg_schema_at(url, v);
		PQclear(PQexec(c, "INSERT INTO organizations (name, created_at, updated_at) VALUES ('旧データ', '2025-04-01T00:00:00Z', "
				  "'2025-04-01T00:00:00Z')"));
		PQfinish(c);
		store_t *s;
		err_t e;
		assert_int_equal(store_open_current(url, &s, &e), STORE_ERROR); /* older: refused without migrate */
		if (store_open(url, &s, &e) != STORE_OK)
			fail_msg("from version %d: %s", v, e.en);
		assert_int_equal(store_schema_version(s), PG_MIGRATION_COUNT);
		store_set_workspace(s, 1);
		org_t o;
		assert_int_equal(store_org_get(s, 1, &o), STORE_OK);
		assert_string_equal(o.name, "旧データ");
		store_close(s);
	}
}

/* Schema 19 on PostgreSQL, as test_store.c's category_titles_upgrade_keeps_old_titles on SQLite:
 * diagnoses saved before it with two content versions' titles for one category read back
 * each snapshot's own titles, each distinct title is stored once, and title rows cannot change. */
static void postgres_upgrade_keeps_old_titles(void **state)
{
	(void)state;
	const char *url = getenv("MAMORU_TEST_STORE");
	if (!url || strncmp(url, "postgres", 8))
		skip();
	PGconn *c = pg_schema_at(url, TITLES_STEP - 1); /* the schema just before the titles moved */
	PGresult *r = PQexec(c, "INSERT INTO organizations (name, created_at, updated_at) VALUES ('旧データ', '2025-04-01T00:00:00Z', "
				"'2025-04-01T00:00:00Z');"
				"INSERT INTO diagnoses (organization_id, questionnaire, content_version, scope, total, max, min, band_id, band_ja, "
				"band_en, created_at) VALUES (1, 'jisha-shindan', '2009-1', '全社', 80, 100, -20, 'pass', '合格', 'pass', "
				"'2025-04-01T00:00:00Z'), (1, 'jisha-shindan', '2024-1', '全社', 70, 100, -20, 'pass', '合格', 'pass', "
				"'2025-05-01T00:00:00Z');"
				"INSERT INTO diagnosis_categories VALUES "
				"(1, 0, 'storage', '保管について', 'Storage', 4, 8), (1, 1, 'people', '人について', 'People', 6, 8), "
				"(2, 0, 'storage', '情報の保管と廃棄', 'Storing and disposing', 2, 8), (2, 1, 'people', '人について', 'People', 8, 8)");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		fail_msg("%s", PQresultErrorMessage(r));
	PQclear(r);
	store_t *s;
	err_t e;
	if (store_open(url, &s, &e) != STORE_OK)
		fail_msg("%s", e.en);
	store_set_workspace(s, 1);
	stored_diag_t *d;
	assert_int_equal(store_diag_get(s, 1, &d), STORE_OK);
	assert_int_equal(d->ncats, 2);
	assert_string_equal(d->cats[0].title_ja, "保管について");
	assert_string_equal(d->cats[0].title_en, "Storage");
	assert_int_equal(d->cats[0].total, 4);
	assert_string_equal(d->cats[1].title_en, "People");
	stored_diag_free(d);
	assert_int_equal(store_diag_get(s, 2, &d), STORE_OK);
	assert_string_equal(d->cats[0].id, "storage");
	assert_string_equal(d->cats[0].title_ja, "情報の保管と廃棄");
	assert_string_equal(d->cats[0].title_en, "Storing and disposing");
	assert_string_equal(d->cats[1].title_ja, "人について");
	assert_int_equal(d->cats[1].total, 8);
	stored_diag_free(d);
	store_close(s);
	r = PQexec(c, "SELECT (SELECT count(*) FROM category_titles) || ' ' || (SELECT count(*) FROM diagnosis_categories)");
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	assert_string_equal(PQgetvalue(r, 0, 0), "3 4");
	PQclear(r);
	r = PQexec(c, "UPDATE category_titles SET title_ja = '改ざん'");
	assert_int_equal(PQresultStatus(r), PGRES_FATAL_ERROR);
	PQclear(r);
	PQfinish(c);
}

/* Schema 21 on PostgreSQL, as test_store.c's latest_results_computed_by_the_upgrade on SQLite:
 * the organisations' latest results are computed for the rows there, and kept from there. */
static void postgres_upgrade_computes_latest_results(void **state)
{
	(void)state;
	const char *url = getenv("MAMORU_TEST_STORE");
	if (!url || strncmp(url, "postgres", 8))
		skip();
	PGconn *c = pg_schema_at(url, LATEST_STEP - 1);
	PGresult *r = PQexec(c, LATEST_ROWS);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		fail_msg("%s", PQresultErrorMessage(r));
	PQclear(r);
	PQfinish(c);
	store_t *s;
	err_t e;
	if (store_open(url, &s, &e) != STORE_OK)
		fail_msg("%s", e.en);
	store_set_workspace(s, 1);
	latest_kept_after_upgrade(s);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_number_of_migrations),
		cmocka_unit_test(copy_lists_the_sqlite_schema),
		cmocka_unit_test(copy_lists_the_postgres_schema),
		cmocka_unit_test(every_earlier_postgres_version_migrates),
		cmocka_unit_test(postgres_upgrade_keeps_old_titles),
		cmocka_unit_test(postgres_upgrade_computes_latest_results),
	};
	return cmocka_run_group_tests_name("backends", tests, NULL, NULL);
}
