/*
 * test_store.c — what is particular to the SQLite backend: migrations from an empty database
 * and from every earlier version, refusal of a newer database, snapshots that cannot be
 * changed even with SQL, a failed save that leaves no rows behind, backup, and a restore that
 * refuses a hostile file. The backend-neutral operations are in test_store_ops.c.
 */
#include "unit.h"
#include "upgrade.h"

#include <sqlite3.h>

#include "core/answers.h"
#include "store/sqlite_migrations.h"
#include "app/diagnosis.h"
#include "store/sqlite_admin.h"
#include "store/sqlite_util.h"
#include "store/store.h"

static content_t C;
static char dir[64], path[128];

static int setup(void **state)
{
	(void)state;
	load_real(&C);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	content_free(&C);
	return 0;
}

static int fresh(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/mamoru-store-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/sub/m.db", dir);
	return 0;
}

static int cleanup(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

static long long scalar(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void exec_on(const char *file, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s", msg);
	sqlite3_close(db);
}

static void exec_sql(const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s", msg);
	sqlite3_close(db);
}

/* A database at schema version v (its first v migrations applied, as an older mamoru left it). */
static void schema_at(int v)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "mkdir -p '%s/sub'", dir);
	assert_int_equal(system(cmd), 0);
	exec_sql("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
	for (int k = 0; k < v; k++) {
		exec_sql(MIGRATIONS[k]);
		char ins[96];
		snprintf(ins, sizeof ins, "INSERT INTO schema_version VALUES (%d, '2025-01-01T00:00:00Z')", k + 1);
		exec_sql(ins);
	}
}

static stored_diag_t *scored(const char *qid, const char *answer, int64_t org, const char *scope)
{
	const questionnaire_t *q = content_questionnaire(&C, qid);
	answer_rec_t recs[MAX_ITEMS];
	for (int i = 0; i < q->nitems; i++)
		recs[i] = (answer_rec_t){ .question = q->items[i].id, .answer = (i >= 20 && !strcmp(answer, "partly")) ? "yes" : answer };
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answers_resolve(q, recs, q->nitems, true, &a, &e), 0);
	a.note[0] = "メモ";
	diagnosis_t d;
	diagnosis_run(&d, q, &a);
	stored_diag_t meta = { .org_id = org, .role = ROLE_STAFF, .pool = true };
	snprintf(meta.scope, sizeof meta.scope, "%s", scope);
	snprintf(meta.round, sizeof meta.round, "2026");
	stored_diag_t *sd = stored_diag_from(&d, &meta);
	snprintf(sd->created, sizeof sd->created, "2026-11-30T08:00:00Z"); /* the app layer's job */
	return sd;
}

/* Adds an organisation with the timestamps the app layer would set. */
static store_rc_t add_org(store_t *s, org_t *o)
{
	snprintf(o->created, sizeof o->created, "2026-11-30T08:00:00Z");
	snprintf(o->updated, sizeof o->updated, "2026-11-30T08:00:00Z");
	return store_org_add(s, o);
}

static void empty_database_migrates(void **state)
{
	(void)state;
	store_t *s;
	err_t err;
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	assert_int_equal(store_schema_version(s), MIGRATION_COUNT);
	store_close(s);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(scalar("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
	/* reopening changes nothing */
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	store_close(s);
	assert_int_equal(scalar("SELECT count(*) FROM schema_version"), MIGRATION_COUNT);
}

/* Builds a database at every earlier version with a row in it, then opens it with this program. */
static void every_earlier_version_migrates(void **state)
{
	(void)state;
	for (int v = 1; v < MIGRATION_COUNT; v++) {
		cleanup(state);
		fresh(state);
		schema_at(v);
		exec_sql("INSERT INTO organizations (name, created_at, updated_at) VALUES ('旧データ', '2025-04-01T00:00:00Z', '2025-04-01T00:00:00Z');"
			 "INSERT INTO diagnoses (organization_id, questionnaire, content_version, scope, total, max, min, band_id, "
			 "band_ja, band_en, created_at) VALUES (1, 'jisha-shindan', '2009-1', '全社', 80, 100, -20, 'pass', '合格', "
			 "'pass', '2025-04-01T00:00:00Z')");
		store_t *s;
		err_t err;
		assert_int_equal(store_open(path, &s, &err), STORE_OK);
		store_set_workspace(s, 1);
		assert_int_equal(store_schema_version(s), MIGRATION_COUNT);
		stored_diag_t *d;
		assert_int_equal(store_diag_get(s, 1, &d), STORE_OK);
		assert_int_equal(d->total, 80);
		if (v < 2) /* migration 2 derived the round of older rows from their date */
			assert_string_equal(d->round, "2025-04");
		stored_diag_free(d);
		org_t o;
		assert_int_equal(store_org_get(s, 1, &o), STORE_OK);
		assert_string_equal(o.name, "旧データ");
		store_close(s);
	}
}

/* Schema 19 moved the category titles out of diagnosis_categories into category_titles: a
 * database saved before it, with two content versions' titles for one category, reads back
 * each old snapshot's titles exactly, stores each distinct title once, is the schema a new
 * database has (a backup of it restores), and new saves reuse the rows already there. */
static void category_titles_upgrade_keeps_old_titles(void **state)
{
	(void)state;
	schema_at(TITLES_STEP - 1); /* the schema just before the titles moved */
	exec_sql("INSERT INTO organizations (name, created_at, updated_at) VALUES ('旧データ', '2025-04-01T00:00:00Z', '2025-04-01T00:00:00Z');"
		 "INSERT INTO diagnoses (organization_id, questionnaire, content_version, scope, total, max, min, band_id, band_ja, band_en, "
		 "created_at) VALUES (1, 'jisha-shindan', '2009-1', '全社', 80, 100, -20, 'pass', '合格', 'pass', '2025-04-01T00:00:00Z'), "
		 "(1, 'jisha-shindan', '2024-1', '全社', 70, 100, -20, 'pass', '合格', 'pass', '2025-05-01T00:00:00Z'), "
		 "(1, 'jisha-shindan', '2009-1', '支店', 60, 100, -20, 'gaps', '要改善', 'gaps', '2025-06-01T00:00:00Z');"
		 "INSERT INTO diagnosis_categories VALUES "
		 "(1, 0, 'storage', '保管について', 'Storage', 4, 8), (1, 1, 'people', '人について', 'People', 6, 8), "
		 "(2, 0, 'storage', '情報の保管と廃棄', 'Storing and disposing', 2, 8), (2, 1, 'people', '人について', 'People', 8, 8), "
		 "(3, 0, 'storage', '保管について', 'Storage', 0, 8), (3, 1, 'people', '人について', 'People', 2, 8)");
	store_t *s;
	err_t err;
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	assert_int_equal(store_schema_version(s), MIGRATION_COUNT);
	static const struct {
		int64_t id;
		int pos, total;
		const char *category, *ja, *en;
	} want[] = {
		{ 1, 0, 4, "storage", "保管について", "Storage" }, { 1, 1, 6, "people", "人について", "People" },
		{ 2, 0, 2, "storage", "情報の保管と廃棄", "Storing and disposing" }, { 2, 1, 8, "people", "人について", "People" },
		{ 3, 0, 0, "storage", "保管について", "Storage" }, { 3, 1, 2, "people", "人について", "People" },
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		stored_diag_t *d;
		assert_int_equal(store_diag_get(s, want[i].id, &d), STORE_OK);
		assert_int_equal(d->ncats, 2);
		const sd_category_t *c = &d->cats[want[i].pos];
		assert_string_equal(c->id, want[i].category);
		assert_string_equal(c->title_ja, want[i].ja);
		assert_string_equal(c->title_en, want[i].en);
		assert_int_equal(c->total, want[i].total);
		assert_int_equal(c->max, 8);
		stored_diag_free(d);
		sd_category_t *cats;
		int n;
		assert_int_equal(store_diag_cats(s, want[i].id, &cats, &n), STORE_OK);
		assert_int_equal(n, 2);
		assert_string_equal(cats[want[i].pos].title_ja, want[i].ja);
		assert_string_equal(cats[want[i].pos].title_en, want[i].en);
		free(cats);
	}
	/* a new save of the first version's words adds no title row */
	stored_diag_t *sd = scored("jisha-shindan", "yes", 1, "本社");
	snprintf(sd->cats[0].id, sizeof sd->cats[0].id, "storage");
	snprintf(sd->cats[0].title_ja, sizeof sd->cats[0].title_ja, "保管について");
	snprintf(sd->cats[0].title_en, sizeof sd->cats[0].title_en, "Storage");
	sd->ncats = 1;
	assert_int_equal(store_diag_save(s, sd), STORE_OK);
	stored_diag_free(sd);
	char bk[160];
	snprintf(bk, sizeof bk, "%s/upgraded.db", dir);
	assert_int_equal(sqlite_backup(s, bk, &err), STORE_OK);
	assert_int_equal(sqlite_check_file(bk, &err), STORE_OK); /* the same schema as a new database's */
	store_close(s);
	assert_int_equal(scalar("SELECT count(*) FROM category_titles"), 3);
	assert_int_equal(scalar("SELECT count(*) FROM diagnosis_categories"), 7);
	assert_int_equal(scalar("SELECT count(*) FROM sqlite_master WHERE name LIKE '%_old'"), 0);
	/* title rows cannot be changed behind the program's back, as snapshots cannot */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE category_titles SET title_ja = '改ざん'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE diagnosis_categories SET title_id = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(scalar("SELECT count(*) FROM category_titles WHERE title_ja = '改ざん'"), 0);
}

/* Schema 21 computes the latest result of the organisations already there: the pages by score,
 * change and date and the band filter read them without a save since. */
static void latest_results_computed_by_the_upgrade(void **state)
{
	(void)state;
	schema_at(LATEST_STEP - 1);
	exec_sql(LATEST_ROWS);
	store_t *s;
	err_t err;
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	latest_kept_after_upgrade(s);
	latest_page_is(s, ORG_BY_TREND, true, "", 1, 2, 3);
	store_close(s);
}

static void newer_database_refused_unchanged(void **state)
{
	(void)state;
	store_t *s;
	err_t err;
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	store_close(s);
	exec_sql("INSERT INTO schema_version VALUES (99, '2030-01-01T00:00:00Z')");
	long long before = scalar("SELECT count(*) FROM sqlite_master");
	assert_int_equal(store_open(path, &s, &err), STORE_ERROR);
	assert_null(s);
	assert_non_null(strstr(err.en, "newer than this program"));
	assert_int_equal(scalar("SELECT count(*) FROM sqlite_master"), before);
	assert_int_equal(scalar("SELECT max(version) FROM schema_version"), 99);
}

static void snapshot_round_trip_and_immutable(void **state)
{
	(void)state;
	store_t *s;
	err_t err;
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	org_t o;
	org_init(&o);
	strcpy(o.name, "株式会社<script>alert(1)</script>");
	o.employees = 12;
	assert_int_equal(add_org(s, &o), STORE_OK);
	stored_diag_t *sd = scored("jisha-shindan", "partly", o.id, "本社");
	assert_int_equal(store_diag_save(s, sd), STORE_OK);
	stored_diag_t *got;
	assert_int_equal(store_diag_get(s, sd->id, &got), STORE_OK);
	assert_int_equal(got->total, 60);
	assert_string_equal(got->band_id, "gaps");
	assert_string_equal(got->scope, "本社");
	assert_int_equal(got->role, ROLE_STAFF);
	assert_true(got->pool);
	assert_int_equal(got->nanswers, 25);
	assert_string_equal(got->answers[0].option, "partly");
	assert_string_equal(got->answers[0].note, "メモ");
	assert_int_equal(got->ncats, 13);
	assert_string_equal(got->cats[0].title_ja, "保管について");
	assert_int_equal(got->cats[0].total, 2);
	org_t back;
	assert_int_equal(store_org_get(s, o.id, &back), STORE_OK);
	assert_string_equal(back.name, o.name);
	assert_int_equal(back.capital, -1);
	store_close(s);
	stored_diag_free(got);
	stored_diag_free(sd);
	/* the snapshot cannot be changed behind the program's back either */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE diagnoses SET total = 100", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE diagnosis_answers SET points = 4", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(scalar("SELECT total FROM diagnoses"), 60);
}

static void failed_save_leaves_nothing(void **state)
{
	(void)state;
	store_t *s;
	err_t err;
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	stored_diag_t *sd = scored("jisha-shindan", "yes", 42 /* no such organisation */, "全社");
	assert_int_equal(store_diag_save(s, sd), STORE_INVALID);
	stored_diag_free(sd);
	/* a failure half-way (after the diagnosis row, at an answer) rolls back the whole save */
	sd = scored("jisha-shindan", "yes", 0, "全社");
	strcpy(sd->answers[24].question, sd->answers[0].question);
	sd->answers[24].points = 0;
	store_close(s);
	exec_sql("CREATE UNIQUE INDEX one_question ON diagnosis_answers(diagnosis_id, question)");
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	assert_int_equal(store_diag_save(s, sd), STORE_INVALID);
	stored_diag_free(sd);
	store_close(s);
	assert_int_equal(scalar("SELECT count(*) FROM diagnoses"), 0);
	assert_int_equal(scalar("SELECT count(*) FROM diagnosis_answers"), 0);
	assert_int_equal(scalar("SELECT count(*) FROM diagnosis_categories"), 0);
}

static void backup_and_check(void **state)
{
	(void)state;
	store_t *s;
	err_t err;
	char bk[160];
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	org_t o;
	org_init(&o);
	strcpy(o.name, "バックアップ社");
	assert_int_equal(add_org(s, &o), STORE_OK);
	snprintf(bk, sizeof bk, "%s/backup.db", dir);
	assert_int_equal(sqlite_backup(s, bk, &err), STORE_OK);
	assert_int_equal(sqlite_backup(s, bk, &err), STORE_INVALID); /* never overwrites */
	assert_int_equal(sqlite_check_file(bk, &err), STORE_OK);
	write_file(dir, "junk.db", "this is not a database");
	snprintf(bk, sizeof bk, "%s/junk.db", dir);
	assert_int_equal(sqlite_check_file(bk, &err), STORE_INVALID);
	store_close(s);
}

/* A backup file that someone changed: a trigger of its own, or without the immutability
 * triggers, is refused before anything changes; the untouched backup restores. */
static void hostile_backup_is_refused(void **state)
{
	(void)state;
	store_t *s;
	err_t err;
	char bk[3][160];
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	org_t o;
	org_init(&o);
	strcpy(o.name, "本物の会社");
	assert_int_equal(add_org(s, &o), STORE_OK);
	for (int i = 0; i < 3; i++) {
		snprintf(bk[i], sizeof bk[i], "%s/backup%d.db", dir, i);
		assert_int_equal(sqlite_backup(s, bk[i], &err), STORE_OK);
	}
	exec_on(bk[0], "CREATE TRIGGER evil AFTER INSERT ON diagnoses BEGIN DELETE FROM organizations; END");
	exec_on(bk[1], "DROP TRIGGER diagnoses_immutable; UPDATE organizations SET name = '偽の会社'");
	assert_int_equal(sqlite_check_file(bk[0], &err), STORE_INVALID);
	assert_non_null(strstr(err.en, "\"evil\""));
	assert_int_equal(sqlite_restore(s, bk[0], &err), STORE_INVALID);
	assert_int_equal(sqlite_restore(s, bk[1], &err), STORE_INVALID);
	assert_non_null(strstr(err.ja, "diagnoses_immutable"));
	store_close(s);
	assert_int_equal(scalar("SELECT count(*) FROM sqlite_master WHERE name = 'evil'"), 0);
	assert_int_equal(scalar("SELECT count(*) FROM sqlite_master WHERE name = 'diagnoses_immutable'"), 1);
	assert_int_equal(scalar("SELECT count(*) FROM organizations WHERE name = '本物の会社'"), 1);
	/* the untouched backup restores */
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	org_init(&o);
	strcpy(o.name, "後から追加");
	assert_int_equal(add_org(s, &o), STORE_OK);
	assert_int_equal(sqlite_restore(s, bk[2], &err), STORE_OK);
	store_close(s);
	assert_int_equal(scalar("SELECT count(*) FROM organizations"), 1);
}

/* A full disk: the save fails with SQLite's own reason (not "cannot rollback - no transaction
 * is active", which a second rollback used to put in its place) and leaves no partial rows. */
static void full_disk_is_reported_and_leaves_nothing(void **state)
{
	(void)state;
	store_t *s;
	err_t err;
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	app_t app;
	actor_t who = app_cli_actor(1);
	app_init(&app, &C, s, &who);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", scalar("PRAGMA page_count") + 8);
	assert_int_equal(sqlite3_exec(SQ(s)->db, sql, NULL, NULL, NULL), SQLITE_OK);
	const questionnaire_t *q = content_questionnaire(&C, "jisha-shindan");
	answers_t a;
	answers_clear(&a);
	static char note[3001];
	memset(note, 'x', 3000);
	for (int i = 0; i < q->nitems; i++)
		a.opt[i] = 0, a.note[i] = note;
	stored_diag_t meta = { 0 };
	strcpy(meta.scope, "全社");
	int saved = 0, rc = 0;
	result_view_t v;
	while (saved < 100 && (rc = app_diag_run(&app, q, &a, &meta, true, &v, &err)) == 0) {
		saved++;
		result_view_free(&v);
	}
	assert_int_equal(rc, -1);
	assert_true(saved < 100);
	assert_int_equal(err.code, ERR_STORE);
	assert_non_null(strstr(err.en, "full"));
	assert_null(strstr(err.en, "cannot rollback"));
	store_close(s);
	assert_int_equal(scalar("SELECT count(*) FROM diagnoses"), saved);
	assert_int_equal(scalar("SELECT count(*) FROM diagnosis_answers"), 25 * saved);
}

/* A snapshot whose rows were damaged behind the program's back (a missing answer or category
 * position) is refused with a message naming it, not read back short; another workspace's
 * diagnosis is not found. */
static void damaged_snapshot_is_refused(void **state)
{
	(void)state;
	store_t *s;
	err_t err;
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	stored_diag_t *a = scored("jisha-shindan", "partly", 0, "本社"), *b = scored("jisha-shindan", "yes", 0, "支店");
	assert_int_equal(store_diag_save(s, a), STORE_OK);
	assert_int_equal(store_diag_save(s, b), STORE_OK);
	store_close(s);
	exec_sql("DELETE FROM diagnosis_answers WHERE diagnosis_id = 1 AND position = 3;"
		 "DELETE FROM diagnosis_categories WHERE diagnosis_id = 2 AND position = 0;");
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	stored_diag_t *got = NULL;
	for (int64_t id = 1; id <= 2; id++) {
		assert_int_equal(store_diag_get(s, id, &got), STORE_ERROR);
		assert_null(got);
		char want[64];
		snprintf(want, sizeof want, "diagnosis %lld has damaged", (long long)id);
		assert_non_null(strstr(store_error(s), want));
	}
	store_set_workspace(s, 2);
	assert_int_equal(store_diag_get(s, 1, &got), STORE_NOT_FOUND);
	store_close(s);
	stored_diag_free(a);
	stored_diag_free(b);
}

/* The client list's counts come from org_counts (schema 22), kept by triggers: they follow
 * organisations added, archived, brought back and deleted, per workspace, and an upgrade
 * counts the organisations already there. */
static int64_t page_counts(store_t *s, bool archived, int64_t *all)
{
	org_query_t oq = { .archived = archived, .limit = 50 };
	org_t *list;
	int n;
	int64_t matched;
	assert_int_equal(store_org_page(s, &oq, &list, &n, &matched, all), STORE_OK);
	free(list);
	assert_int_equal(n, matched);
	return matched;
}

static void org_counts_follow_organisations(void **state)
{
	(void)state;
	schema_at(ORG_COUNTS_STEP - 1); /* the schema just before the counters */
	exec_sql("INSERT INTO organizations (name, created_at, updated_at) VALUES ('前からの会社', '2025-04-01T00:00:00Z', "
		 "'2025-04-01T00:00:00Z'), ('前からの休止中の会社', '2025-04-01T00:00:00Z', '2025-04-01T00:00:00Z');"
		 "UPDATE organizations SET archived_at = '2025-05-01T00:00:00Z' WHERE id = 2");
	store_t *s;
	err_t err;
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	store_set_workspace(s, 1);
	int64_t all;
	assert_int_equal(page_counts(s, false, &all), 1);
	assert_int_equal(all, 2);
	assert_int_equal(page_counts(s, true, &all), 1);

	org_t o[3];
	for (int i = 0; i < 3; i++) {
		org_init(&o[i]);
		snprintf(o[i].name, sizeof o[i].name, "新しい会社%d", i);
		assert_int_equal(add_org(s, &o[i]), STORE_OK);
	}
	assert_int_equal(page_counts(s, false, &all), 4);
	assert_int_equal(all, 5);
	assert_int_equal(store_org_archive(s, o[0].id, "2026-11-30T09:00:00Z", "2026-11-30T09:00:00Z"), STORE_OK);
	assert_int_equal(page_counts(s, false, &all), 3);
	assert_int_equal(page_counts(s, true, &all), 2);
	assert_int_equal(store_org_archive(s, 2, "", "2026-11-30T09:00:00Z"), STORE_OK); /* brought back */
	assert_int_equal(page_counts(s, false, &all), 4);
	assert_int_equal(page_counts(s, true, &all), 1);
	assert_int_equal(store_org_delete(s, o[1].id), STORE_OK);
	assert_int_equal(page_counts(s, false, &all), 3);
	assert_int_equal(all, 4);
	/* another workspace counts apart */
	workspace_t w = { .name = "別の事務所" };
	snprintf(w.created, sizeof w.created, "2026-11-30T09:00:00Z");
	assert_int_equal(store_workspace_add(s, &w), STORE_OK);
	store_set_workspace(s, w.id);
	org_t other;
	org_init(&other);
	strcpy(other.name, "別の事務所の会社");
	assert_int_equal(add_org(s, &other), STORE_OK);
	assert_int_equal(page_counts(s, false, &all), 1);
	assert_int_equal(all, 1);
	store_set_workspace(s, 1);
	assert_int_equal(page_counts(s, false, &all), 3);
	assert_int_equal(all, 4);
	store_close(s);
	assert_int_equal(scalar("SELECT count(*) FROM (SELECT workspace_id, archived_at > '' AS a, count(*) AS n FROM organizations "
				"GROUP BY 1, 2 EXCEPT SELECT workspace_id, archived, n FROM org_counts)"), 0);
}

/* A request's reads share one read transaction (store_request_begin): they see one view of
 * the database, and a write in the request ends it and runs as it would have alone — even
 * after another connection has written, when upgrading the read transaction would fail. */
static void request_read_yields_to_writes(void **state)
{
	(void)state;
	store_t *s1, *s2;
	err_t err;
	assert_int_equal(store_open(path, &s1, &err), STORE_OK);
	assert_int_equal(store_open(path, &s2, &err), STORE_OK);
	store_set_workspace(s1, 1);
	store_set_workspace(s2, 1);
	org_t a, b, c, got;
	org_init(&a);
	strcpy(a.name, "先にある会社");
	assert_int_equal(add_org(s1, &a), STORE_OK);

	bool began = store_request_begin(s1);
	assert_true(began);
	assert_false(store_request_begin(s1)); /* one at a time */
	assert_int_equal(store_org_get(s1, a.id, &got), STORE_OK);
	org_init(&b);
	strcpy(b.name, "別の接続が足した会社");
	assert_int_equal(add_org(s2, &b), STORE_OK);
	assert_int_equal(store_org_get(s1, b.id, &got), STORE_NOT_FOUND); /* the request's view */
	org_init(&c);
	strcpy(c.name, "要求の中で足した会社");
	assert_int_equal(add_org(s1, &c), STORE_OK);                 /* not SQLITE_BUSY_SNAPSHOT */
	assert_int_equal(store_org_get(s2, c.id, &got), STORE_OK);    /* committed at once */
	assert_int_equal(store_org_get(s1, b.id, &got), STORE_OK);    /* later reads see the latest */
	assert_string_equal(got.name, "別の接続が足した会社");
	store_request_end(s1, began);

	/* and a request that only reads ends its transaction: the other connection can write
	 * and this one sees it */
	began = store_request_begin(s1);
	assert_int_equal(store_org_get(s1, a.id, &got), STORE_OK);
	store_request_end(s1, began);
	assert_true(sqlite3_get_autocommit(SQ(s1)->db));
	strcpy(a.name, "名前を変えた会社");
	assert_int_equal(store_org_update(s2, &a), STORE_OK);
	assert_int_equal(store_org_get(s1, a.id, &got), STORE_OK);
	assert_string_equal(got.name, "名前を変えた会社");
	store_close(s1);
	store_close(s2);
	assert_int_equal(scalar("SELECT count(*) FROM organizations"), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(empty_database_migrates, fresh, cleanup),
		cmocka_unit_test_setup_teardown(every_earlier_version_migrates, fresh, cleanup),
		cmocka_unit_test_setup_teardown(category_titles_upgrade_keeps_old_titles, fresh, cleanup),
		cmocka_unit_test_setup_teardown(latest_results_computed_by_the_upgrade, fresh, cleanup),
		cmocka_unit_test_setup_teardown(newer_database_refused_unchanged, fresh, cleanup),
		cmocka_unit_test_setup_teardown(snapshot_round_trip_and_immutable, fresh, cleanup),
		cmocka_unit_test_setup_teardown(failed_save_leaves_nothing, fresh, cleanup),
		cmocka_unit_test_setup_teardown(backup_and_check, fresh, cleanup),
		cmocka_unit_test_setup_teardown(hostile_backup_is_refused, fresh, cleanup),
		cmocka_unit_test_setup_teardown(full_disk_is_reported_and_leaves_nothing, fresh, cleanup),
		cmocka_unit_test_setup_teardown(request_read_yields_to_writes, fresh, cleanup),
		cmocka_unit_test_setup_teardown(damaged_snapshot_is_refused, fresh, cleanup),
		cmocka_unit_test_setup_teardown(org_counts_follow_organisations, fresh, cleanup),
	};
	return cmocka_run_group_tests_name("store", tests, setup, teardown);
}
