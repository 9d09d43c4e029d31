/*
 * test_store_ops.c — every operation of store.h, written against the interface only so the
 * same suite runs against any backend: $MAMORU_TEST_STORE names a PostgreSQL database to use
 * (tests/run-all.sh makes one on its throwaway cluster; each test empties it first), else each
 * test gets a new SQLite file.
 * What only SQLite has (migrations of its files, backup, restore) is in test_store.c.
 */
#include "unit.h"

#include <sys/stat.h>
#include <time.h>

#include "core/answers.h"
#include "store/copy.h"
#include "store/store.h"

static content_t C;
static char dir[64], location[512];
static store_t *S;

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
	const char *url = getenv("MAMORU_TEST_STORE");
	dir[0] = '\0';
	if (url && *url) {
		snprintf(location, sizeof location, "%s", url);
		char cmd[sizeof location + 128];
		snprintf(cmd, sizeof cmd, "psql -X -q '%s' -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' 2>/dev/null", url);
		assert_int_equal(system(cmd), 0);
	} else {
		strcpy(dir, "/tmp/mamoru-ops-XXXXXX");
		assert_non_null(mkdtemp(dir));
		snprintf(location, sizeof location, "%s/m.db", dir);
	}
	err_t e;
	if (store_open(location, &S, &e) != STORE_OK)
		fail_msg("%s", e.en);
	store_set_workspace(S, 1);
	return 0;
}

static int cleanup(void **state)
{
	(void)state;
	store_close(S);
	if (!dir[0])
		return 0;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

static const char NOW[] = "2026-11-30T08:00:00Z";

static int64_t add_org(const char *name, int employees)
{
	org_t o;
	org_init(&o);
	snprintf(o.name, sizeof o.name, "%s", name);
	o.employees = employees;
	snprintf(o.created, sizeof o.created, "%s", NOW);
	snprintf(o.updated, sizeof o.updated, "%s", NOW);
	assert_int_equal(store_org_add(S, &o), STORE_OK);
	assert_true(o.id > 0);
	return o.id;
}

/* A scored diagnosis of q with every answer `option`, dated `created`. */
static stored_diag_t *snapshot(const char *qid, const char *option, int64_t org, const char *created)
{
	const questionnaire_t *q = content_questionnaire(&C, qid);
	answers_t a;
	answers_clear(&a);
	for (int i = 0; i < q->nitems; i++)
		for (int k = 0; k < q->aset->nopts; k++)
			if (!strcmp(q->aset->opts[k].id, option) && (q->items[i].allowed & (1u << k)))
				a.opt[i] = (signed char)k;
	a.note[0] = "メモ：「引用」& <タグ>";
	static char long_note[3001]; /* the longest note an answer may have: 1,000 characters */
	for (int i = 0; i < 1000; i++)
		memcpy(long_note + 3 * i, "あ", 3);
	a.note[1] = long_note;
	diagnosis_t d;
	diagnosis_run(&d, q, &a);
	stored_diag_t meta = { .org_id = org, .role = ROLE_MANAGER, .risk = 40 };
	snprintf(meta.scope, sizeof meta.scope, "本社");
	snprintf(meta.respondent, sizeof meta.respondent, "山田");
	snprintf(meta.round, sizeof meta.round, "%.7s", created);
	snprintf(meta.risk_group, sizeof meta.risk_group, "gii");
	stored_diag_t *sd = stored_diag_from(&d, &meta);
	snprintf(sd->created, sizeof sd->created, "%s", created);
	return sd;
}

static bool count_org(const org_t *o, void *arg)
{
	(void)o;
	return ++*(int *)arg < 2; /* stops after two */
}

static void organisations(void **state)
{
	(void)state;
	int64_t a = add_org("株式会社Ａ", 10), b = add_org("B社", -1);
	org_t o;
	assert_int_equal(store_org_get(S, a, &o), STORE_OK);
	assert_string_equal(o.name, "株式会社Ａ");
	assert_int_equal(o.employees, 10);
	assert_int_equal(o.capital, -1);
	assert_string_equal(o.created, NOW);
	strcpy(o.industry, "E");
	o.capital = 30000000;
	strcpy(o.updated, "2026-12-01T00:00:00Z");
	assert_int_equal(store_org_update(S, &o), STORE_OK);
	org_t back;
	assert_int_equal(store_org_get(S, a, &back), STORE_OK);
	assert_string_equal(back.industry, "E");
	assert_int_equal(back.capital, 30000000);
	assert_string_equal(back.updated, "2026-12-01T00:00:00Z");
	assert_string_equal(back.created, NOW);
	assert_int_equal(store_org_get(S, b + 100, &o), STORE_NOT_FOUND);
	o.id = b + 100;
	assert_int_equal(store_org_update(S, &o), STORE_NOT_FOUND);
	add_org("C", 5);
	int n = 0;
	assert_int_equal(store_org_list(S, count_org, &n), STORE_OK);
	assert_int_equal(n, 2);
}

static void snapshots_round_trip(void **state)
{
	(void)state;
	int64_t org = add_org("診断社", 12);
	stored_diag_t *sd = snapshot("jisha-shindan", "partly", org, "2026-10-01T09:00:00Z");
	assert_int_equal(store_diag_save(S, sd), STORE_OK);
	stored_diag_t *got;
	assert_int_equal(store_diag_get(S, sd->id, &got), STORE_OK);
	assert_int_equal(got->org_id, org);
	assert_string_equal(got->questionnaire, "jisha-shindan");
	assert_string_equal(got->version, sd->version);
	assert_string_equal(got->round, "2026-10");
	assert_string_equal(got->scope, "本社");
	assert_string_equal(got->respondent, "山田");
	assert_int_equal(got->role, ROLE_MANAGER);
	assert_int_equal(got->total, sd->total);
	assert_int_equal(got->min, sd->min);
	assert_string_equal(got->band_ja, sd->band_ja);
	assert_string_equal(got->created, "2026-10-01T09:00:00Z");
	assert_int_equal(got->risk, 40);
	assert_string_equal(got->risk_group, "gii");
	assert_int_equal(got->nanswers, 25);
	assert_string_equal(got->answers[0].note, "メモ：「引用」& <タグ>");
	assert_int_equal(strlen(got->answers[1].note), 3000); /* kept whole, never cut */
	assert_string_equal(got->answers[2].note, "");
	assert_string_equal(got->answers[24].option, ""); /* 21–25 offer no "partly": left unanswered */
	assert_int_equal(got->ncats, sd->ncats);
	assert_string_equal(got->cats[0].title_en, sd->cats[0].title_en);
	stored_diag_free(got);
	stored_diag_free(sd);
	assert_int_equal(store_diag_get(S, 999, &got), STORE_NOT_FOUND);
	assert_null(got);
	/* a diagnosis of an organisation that does not exist is refused whole */
	sd = snapshot("jisha-shindan", "yes", org + 50, "2026-10-02T09:00:00Z");
	assert_int_equal(store_diag_save(S, sd), STORE_INVALID);
	assert_int_equal(store_err(S)->code, ERR_CONFLICT);
	stored_diag_free(sd);
	stored_diag_t **list;
	int n;
	assert_int_equal(store_diag_list(S, org + 50, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	stored_diag_list_free(list, n);
}

static bool count_row(int n, const store_value_t *v, void *arg)
{
	(void)n;
	(void)v;
	++*(long *)arg;
	return true;
}

/* The rows of a whole table, through the backend's own copy operation (copy.h). */
static long table_rows(const char *name)
{
	for (int k = 0; k < STORE_TABLE_COUNT; k++)
		if (!strcmp(STORE_TABLES[k].name, name)) {
			long n = 0;
			assert_int_equal(S->ops->rows(S, &STORE_TABLES[k], count_row, &n), STORE_OK);
			return n;
		}
	fail_msg("no table %s in STORE_TABLES", name);
	return -1;
}

/* Category titles are stored once (schema 19), yet each snapshot keeps the words it was saved
 * with: a later content version that renames a category does not rename it in older results,
 * and deleting an organisation leaves other organisations' results whole. */
static void category_titles_kept_per_snapshot(void **state)
{
	(void)state;
	int64_t org = add_org("見出し社", 12), other = add_org("消える社", 3);
	stored_diag_t *old = snapshot("jisha-shindan", "yes", org, "2026-10-01T09:00:00Z");
	stored_diag_t *renamed = snapshot("jisha-shindan", "partly", org, "2026-11-01T09:00:00Z");
	stored_diag_t *same = snapshot("jisha-shindan", "no", other, "2026-11-02T09:00:00Z");
	int ncats = old->ncats;
	assert_true(ncats > 1);
	char was_ja[sizeof old->cats[0].title_ja], was_en[sizeof old->cats[0].title_en];
	snprintf(was_ja, sizeof was_ja, "%s", old->cats[0].title_ja);
	snprintf(was_en, sizeof was_en, "%s", old->cats[0].title_en);
	snprintf(renamed->cats[0].title_ja, sizeof renamed->cats[0].title_ja, "情報の保管と廃棄");
	snprintf(renamed->cats[0].title_en, sizeof renamed->cats[0].title_en, "Storing and disposing of information");
	assert_int_equal(store_diag_save(S, old), STORE_OK);
	assert_int_equal(store_diag_save(S, renamed), STORE_OK);
	assert_int_equal(store_diag_save(S, same), STORE_OK);
	/* one row per distinct title: the categories once, and the renamed one once more */
	assert_int_equal(table_rows("category_titles"), ncats + 1);
	assert_int_equal(table_rows("diagnosis_categories"), 3 * ncats);
	stored_diag_t *got;
	assert_int_equal(store_diag_get(S, old->id, &got), STORE_OK);
	assert_string_equal(got->cats[0].id, old->cats[0].id);
	assert_string_equal(got->cats[0].title_ja, was_ja);
	assert_string_equal(got->cats[0].title_en, was_en);
	assert_int_equal(got->cats[0].total, old->cats[0].total);
	for (int k = 1; k < ncats; k++)
		assert_string_equal(got->cats[k].title_ja, old->cats[k].title_ja);
	stored_diag_free(got);
	assert_int_equal(store_diag_get(S, renamed->id, &got), STORE_OK);
	assert_string_equal(got->cats[0].id, old->cats[0].id);
	assert_string_equal(got->cats[0].title_ja, "情報の保管と廃棄");
	assert_string_equal(got->cats[0].title_en, "Storing and disposing of information");
	assert_string_equal(got->cats[1].title_ja, old->cats[1].title_ja);
	stored_diag_free(got);
	sd_category_t *cats;
	int n;
	assert_int_equal(store_diag_cats(S, renamed->id, &cats, &n), STORE_OK);
	assert_int_equal(n, ncats);
	assert_string_equal(cats[0].title_en, "Storing and disposing of information");
	assert_int_equal(cats[0].total, renamed->cats[0].total);
	free(cats);
	/* the titles stay when an organisation goes; its category rows do not */
	assert_int_equal(store_org_delete(S, other), STORE_OK);
	assert_int_equal(table_rows("diagnosis_categories"), 2 * ncats);
	assert_int_equal(table_rows("category_titles"), ncats + 1);
	assert_int_equal(store_diag_get(S, old->id, &got), STORE_OK);
	assert_string_equal(got->cats[0].title_ja, was_ja);
	stored_diag_free(got);
	stored_diag_free(old);
	stored_diag_free(renamed);
	stored_diag_free(same);
}

static void histories_in_order(void **state)
{
	(void)state;
	int64_t org = add_org("履歴社", 30), other = add_org("他社", 3);
	static const struct {
		const char *q, *created;
	} saves[] = { { "jisha-shindan", "2026-03-01T00:00:00Z" }, { "benchmark", "2026-01-01T00:00:00Z" },
		      { "jisha-shindan", "2026-05-01T00:00:00Z" }, { "jisha-shindan", "2026-07-01T00:00:00Z" } };
	int64_t ids[4];
	for (int i = 0; i < 4; i++) {
		stored_diag_t *sd = snapshot(saves[i].q, saves[i].q[0] == 'b' ? "3" : "yes", org, saves[i].created);
		assert_int_equal(store_diag_save(S, sd), STORE_OK);
		ids[i] = sd->id;
		stored_diag_free(sd);
	}
	stored_diag_t *x = snapshot("jisha-shindan", "no", other, "2026-08-01T00:00:00Z");
	assert_int_equal(store_diag_save(S, x), STORE_OK);
	stored_diag_free(x);
	stored_diag_t **list;
	int n;
	/* oldest first by date, whatever the order of saving */
	assert_int_equal(store_diag_list(S, org, &list, &n), STORE_OK);
	assert_int_equal(n, 4);
	assert_int_equal(list[0]->id, ids[1]);
	assert_int_equal(list[1]->id, ids[0]);
	assert_int_equal(list[3]->id, ids[3]);
	stored_diag_list_free(list, n);
	/* the last two of one questionnaire up to the third save */
	assert_int_equal(store_diag_recent(S, org, "jisha-shindan", ids[2], 2, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0]->id, ids[0]);
	assert_int_equal(list[1]->id, ids[2]);
	stored_diag_list_free(list, n);
	assert_int_equal(store_diag_latest(S, org, &x), STORE_OK);
	assert_int_equal(x->id, ids[3]);
	stored_diag_free(x);
	assert_int_equal(store_diag_latest(S, org + 100, &x), STORE_NOT_FOUND);
}

/* Summary rows (issue 19): pages by id below a cursor, the page above one, one questionnaire
 * and scope, one round; never another organisation's; the categories alone. */
static void history_summaries(void **state)
{
	(void)state;
	int64_t org = add_org("頁社", 30), other = add_org("他社", 3);
	int64_t ids[7];
	for (int i = 0; i < 7; i++) {
		char when[32];
		snprintf(when, sizeof when, "2026-%02d-01T00:00:00Z", i + 1);
		stored_diag_t *sd = snapshot(i == 3 ? "benchmark" : "jisha-shindan", i == 3 ? "3" : i % 2 ? "yes" : "no", org, when);
		if (i == 5)
			snprintf(sd->scope, sizeof sd->scope, "工場");
		assert_int_equal(store_diag_save(S, sd), STORE_OK);
		ids[i] = sd->id;
		stored_diag_free(sd);
	}
	stored_diag_t *x = snapshot("jisha-shindan", "no", other, "2026-08-01T00:00:00Z");
	assert_int_equal(store_diag_save(S, x), STORE_OK);
	stored_diag_free(x);
	diag_summary_t *l;
	int n;
	diag_query_t q = { .org_id = org, .limit = 3 };
	assert_int_equal(store_diag_summaries(S, &q, &l, &n), STORE_OK); /* the newest three, newest first */
	assert_int_equal(n, 3);
	assert_int_equal(l[0].id, ids[6]);
	assert_int_equal(l[2].id, ids[4]);
	assert_string_equal(l[0].questionnaire, "jisha-shindan");
	assert_string_equal(l[0].respondent, "山田");
	assert_int_equal(l[0].role, ROLE_MANAGER);
	assert_string_equal(l[0].round, "2026-07");
	assert_string_equal(l[0].created, "2026-07-01T00:00:00Z");
	assert_int_equal(l[0].max, 100);
	assert_true(l[0].band_ja[0] && l[0].band_en[0]);
	free(l);
	q.before = ids[4]; /* the next page */
	assert_int_equal(store_diag_summaries(S, &q, &l, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(l[0].id, ids[3]);
	assert_int_equal(l[2].id, ids[1]);
	free(l);
	q = (diag_query_t){ .org_id = org, .after = ids[1], .limit = 2 }; /* above a cursor, oldest first */
	assert_int_equal(store_diag_summaries(S, &q, &l, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].id, ids[2]);
	assert_int_equal(l[1].id, ids[3]);
	free(l);
	/* the site's previous result: same questionnaire and scope, below an id */
	q = (diag_query_t){ .org_id = org, .questionnaire = "jisha-shindan", .scope = "本社", .before = ids[4], .limit = 1 };
	assert_int_equal(store_diag_summaries(S, &q, &l, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].id, ids[2]);
	free(l);
	q = (diag_query_t){ .org_id = org, .questionnaire = "jisha-shindan", .round = "2026-06" };
	assert_int_equal(store_diag_summaries(S, &q, &l, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].id, ids[5]);
	assert_string_equal(l[0].scope, "工場");
	free(l);
	q = (diag_query_t){ .org_id = org + 100 };
	assert_int_equal(store_diag_summaries(S, &q, &l, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(l);
	sd_category_t *cats;
	stored_diag_t *full;
	assert_int_equal(store_diag_get(S, ids[6], &full), STORE_OK);
	assert_int_equal(store_diag_cats(S, ids[6], &cats, &n), STORE_OK);
	assert_int_equal(n, full->ncats);
	for (int k = 0; k < n; k++) {
		assert_string_equal(cats[k].id, full->cats[k].id);
		assert_string_equal(cats[k].title_ja, full->cats[k].title_ja);
		assert_int_equal(cats[k].total, full->cats[k].total);
	}
	free(cats);
	stored_diag_free(full);
}

/* The client list's page in the database (issue 19): filters, ASCII-folded name search, order
 * by name with ties by id, both directions, offset and limit, and the counts. */
static void org_pages(void **state)
{
	(void)state;
	static const char *const names[] = { "Beta工業", "alpha商事", "ALPHA製作所", "ガンマ", "Beta工業" };
	int64_t ids[5];
	for (int i = 0; i < 5; i++)
		ids[i] = add_org(names[i], 10);
	assert_int_equal(store_org_archive(S, ids[3], NOW, NOW), STORE_OK);
	org_t *l;
	int n;
	int64_t matched, all;
	org_query_t q = { .limit = 2 };
	assert_int_equal(store_org_page(S, &q, &l, &n, &matched, &all), STORE_OK);
	assert_int_equal(all, 5);
	assert_int_equal(matched, 4); /* not the archived one */
	assert_int_equal(n, 2);
	assert_string_equal(l[0].name, "ALPHA製作所"); /* byte order, as strcmp */
	assert_string_equal(l[1].name, "Beta工業");
	assert_int_equal(l[1].id, ids[0]);
	free(l);
	q.offset = 2;
	assert_int_equal(store_org_page(S, &q, &l, &n, &matched, &all), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].id, ids[4]); /* the same name: by id */
	assert_string_equal(l[1].name, "alpha商事");
	free(l);
	q = (org_query_t){ .q = "Alpha", .desc = true, .limit = 10 };
	assert_int_equal(store_org_page(S, &q, &l, &n, &matched, &all), STORE_OK);
	assert_int_equal(matched, 2);
	assert_int_equal(n, 2);
	assert_string_equal(l[0].name, "alpha商事");
	free(l);
	q = (org_query_t){ .archived = true, .limit = 10 };
	assert_int_equal(store_org_page(S, &q, &l, &n, &matched, &all), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].id, ids[3]);
	free(l);
	q = (org_query_t){ .q = "工業", .industry = "E", .limit = 10 };
	assert_int_equal(store_org_page(S, &q, &l, &n, &matched, &all), STORE_OK);
	assert_int_equal(matched, 0); /* no industry set */
	free(l);
}

/* The page's ids in order (0 ends the list): the whole workspace, `band` "" = any. */
static void page_is(org_by_t by, bool desc, const char *band, int64_t x, int64_t y, int64_t z)
{
	int64_t want[3] = { x, y, z };
	int k = 0;
	while (k < 3 && want[k])
		k++;
	org_t *l;
	int n;
	int64_t matched, all;
	org_query_t q = { .band = band, .by = by, .desc = desc, .limit = 10 };
	assert_int_equal(store_org_page(S, &q, &l, &n, &matched, &all), STORE_OK);
	if (n != k || matched != k)
		fail_msg("by %d%s, band '%s': %d rows (%lld matched), not %d", by, desc ? " desc" : "", band, n, (long long)matched, k);
	for (int i = 0; i < k; i++)
		if (l[i].id != want[i])
			fail_msg("by %d%s, band '%s': row %d is organisation %lld, not %lld", by, desc ? " desc" : "", band, i,
				 (long long)l[i].id, (long long)want[i]);
	free(l);
}

static int64_t save(const char *qid, const char *option, int64_t org, const char *created, char *band, size_t size)
{
	stored_diag_t *sd = snapshot(qid, option, org, created);
	assert_int_equal(store_diag_save(S, sd), STORE_OK);
	int64_t id = sd->id;
	if (band)
		snprintf(band, size, "%s", sd->band_id);
	stored_diag_free(sd);
	return id;
}

/* Each organisation's latest result as its row keeps it for the client list (schema 21): the
 * pages by score, change and date, and the band filter, after saves and deletes, in the order
 * client_cmp gives (a missing value last either way; ties by name, then id). */
static void latest_results_kept_for_the_list(void **state)
{
	(void)state;
	int64_t a = add_org("A社", 10), b = add_org("B社", 10), c = add_org("C社", 10);
	char top[40], low[40];
	int64_t a1 = save("jisha-shindan", "yes", a, "2026-01-01T00:00:00Z", top, sizeof top);
	int64_t b1 = save("jisha-shindan", "no", b, "2026-02-01T00:00:00Z", low, sizeof low);
	assert_string_not_equal(top, low);
	page_is(ORG_BY_SCORE, false, "", b, a, c);
	page_is(ORG_BY_SCORE, true, "", a, b, c);
	page_is(ORG_BY_DATE, false, "", a, b, c);
	page_is(ORG_BY_DATE, true, "", b, a, c);
	page_is(ORG_BY_TREND, true, "", a, b, c); /* none has a previous diagnosis: by name */
	page_is(ORG_BY_NAME, false, top, a, 0, 0);
	page_is(ORG_BY_SCORE, true, low, b, 0, 0);
	/* a second save of the same questionnaire: the trend, and the new latest */
	int64_t a2 = save("jisha-shindan", "no", a, "2026-03-01T00:00:00Z", NULL, 0);
	save("jisha-shindan", "partly", b, "2026-03-02T00:00:00Z", NULL, 0);
	page_is(ORG_BY_TREND, false, "", a, b, c);
	page_is(ORG_BY_TREND, true, "", b, a, c);
	page_is(ORG_BY_SCORE, false, "", a, b, c);
	page_is(ORG_BY_DATE, true, "", b, a, c);
	page_is(ORG_BY_NAME, false, top, 0, 0, 0);
	/* another questionnaire is the latest, without a trend; its score is its own range's share */
	int64_t c1 = save("checklist", "yes", c, "2026-04-01T00:00:00Z", NULL, 0);
	page_is(ORG_BY_SCORE, true, "", c, b, a);
	page_is(ORG_BY_TREND, false, "", a, b, c);
	page_is(ORG_BY_DATE, true, "", c, b, a);
	/* deleting the latest falls back to the one before; deleting the previous drops the trend */
	assert_int_equal(store_diag_delete(S, a2), STORE_OK);
	page_is(ORG_BY_NAME, false, top, a, 0, 0);
	page_is(ORG_BY_SCORE, true, "", a, c, b); /* a's 100 % before c's 100 %: by name */
	page_is(ORG_BY_TREND, false, "", b, a, c);
	page_is(ORG_BY_DATE, false, "", a, b, c);
	assert_int_equal(store_diag_delete(S, b1), STORE_OK);
	page_is(ORG_BY_TREND, false, "", a, b, c);
	page_is(ORG_BY_DATE, true, "", c, b, a);
	/* none left: no value, last whichever the direction */
	assert_int_equal(store_diag_delete(S, a1), STORE_OK);
	assert_int_equal(store_diag_delete(S, c1), STORE_OK);
	page_is(ORG_BY_SCORE, false, "", b, a, c);
	page_is(ORG_BY_SCORE, true, "", b, a, c);
	page_is(ORG_BY_DATE, false, "", b, a, c);
	page_is(ORG_BY_NAME, false, top, 0, 0, 0);
}

static void drafts(void **state)
{
	(void)state;
	static draft_t d, got;
	memset(&d, 0, sizeof d);
	strcpy(d.id, "0123456789abcdef0123456789abcdef");
	strcpy(d.questionnaire, "jisha-shindan");
	strcpy(d.answers, "{\"1\":\"yes\"}");
	strcpy(d.updated, NOW);
	assert_int_equal(store_draft_put(S, &d), STORE_OK);
	strcpy(d.answers, "{\"1\":\"no\"}");
	assert_int_equal(store_draft_put(S, &d), STORE_OK);
	assert_int_equal(store_draft_get(S, d.id, &got), STORE_OK);
	assert_string_equal(got.answers, "{\"1\":\"no\"}");
	assert_int_equal(got.org_id, 0);
	/* the same id for another questionnaire changes nothing */
	strcpy(d.questionnaire, "checklist");
	strcpy(d.answers, "{}");
	assert_int_equal(store_draft_put(S, &d), STORE_OK);
	assert_int_equal(store_draft_get(S, d.id, &got), STORE_OK);
	assert_string_equal(got.questionnaire, "jisha-shindan");
	assert_string_equal(got.answers, "{\"1\":\"no\"}");
	assert_int_equal(store_draft_delete(S, d.id), STORE_OK);
	assert_int_equal(store_draft_get(S, d.id, &got), STORE_NOT_FOUND);
}

static bool count_asset(const asset_t *a, void *arg)
{
	int64_t *ids = arg;
	ids[++ids[0]] = a->id;
	return ids[0] < 60;
}

static int64_t add_asset(int64_t org, const char *no, const char *name, int c, int i, int a, const char *inventoried)
{
	asset_t x = { .org_id = org, .c = c, .i = i, .a = a };
	snprintf(x.no, sizeof x.no, "%s", no);
	snprintf(x.name, sizeof x.name, "%s", name);
	snprintf(x.inventoried, sizeof x.inventoried, "%s", inventoried);
	strcpy(x.department, c == 3 ? "営業部" : "設計部門");
	strcpy(x.created, NOW);
	strcpy(x.updated, NOW);
	assert_int_equal(store_asset_add(S, &x), STORE_OK);
	return x.id;
}

/* The asset ledger and the risk register: rows, pages in each order, filters, links, counts,
 * an organisation's own matrix, and nothing of another workspace. */
static void ledger_and_risks(void **state)
{
	(void)state;
	int64_t org = add_org("台帳社", 20), other = add_org("別の会社", 5);
	int64_t a1 = add_asset(org, "2", "要求仕様書", 2, 3, 3, "2026-01-01");
	int64_t a2 = add_asset(org, "10", "顧客名簿", 3, 1, 1, "2020-01-01");
	int64_t a3 = add_asset(org, "1", "ライセンス証書", 1, 1, 1, "2026-06-01");
	int64_t b1 = add_asset(other, "1", "他社の資産", 1, 1, 1, "2026-06-01");
	asset_t got;
	assert_int_equal(store_asset_get(S, a2, &got), STORE_OK);
	assert_string_equal(got.name, "顧客名簿");
	assert_int_equal(got.c, 3);
	strcpy(got.retain_until, "2009-08-26");
	strcpy(got.updated, "2026-12-01T00:00:00Z");
	assert_int_equal(store_asset_update(S, &got), STORE_OK);
	got.org_id = other; /* a row is never moved to another organisation */
	assert_int_equal(store_asset_update(S, &got), STORE_NOT_FOUND);
	int64_t ids[64] = { 0 }, total = -1;
	asset_query_t q = { .sort = ASORT_NO, .disposed = -1 };
	assert_int_equal(store_asset_list(S, org, &q, count_asset, ids, &total), STORE_OK);
	assert_int_equal(total, 3);
	assert_int_equal(ids[0], 3);
	assert_true(ids[1] == a3 && ids[2] == a1 && ids[3] == a2); /* 管理No 1, 2, 10: as numbers */
	memset(ids, 0, sizeof ids);
	q = (asset_query_t){ .sort = ASORT_IMPORTANCE, .desc = true, .disposed = -1, .limit = 1, .offset = 1 };
	assert_int_equal(store_asset_list(S, org, &q, count_asset, ids, &total), STORE_OK);
	assert_true(ids[0] == 1 && ids[1] == a2 && total == 3); /* max 3, sum 8 first; then max 3, sum 5 */
	memset(ids, 0, sizeof ids);
	q = (asset_query_t){ .score_lo = 3, .score_hi = 3, .disposed = -1, .q = "名簿" };
	assert_int_equal(store_asset_list(S, org, &q, count_asset, ids, &total), STORE_OK);
	assert_true(total == 1 && ids[1] == a2);
	q = (asset_query_t){ .overdue_before = "2025-11-30", .disposed = -1 };
	assert_int_equal(store_asset_list(S, org, &q, NULL, NULL, &total), STORE_OK);
	assert_int_equal(total, 1);
	q = (asset_query_t){ .expired_before = "2026-11-30", .disposed = -1 };
	assert_int_equal(store_asset_list(S, org, &q, NULL, NULL, &total), STORE_OK);
	assert_int_equal(total, 1);
	q = (asset_query_t){ .q = "%", .disposed = -1 }; /* LIKE's own characters are plain text */
	assert_int_equal(store_asset_list(S, org, &q, NULL, NULL, &total), STORE_OK);
	assert_int_equal(total, 0);
	q = (asset_query_t){ .department = "営業部", .disposed = -1 };
	assert_int_equal(store_asset_list(S, org, &q, NULL, NULL, &total), STORE_OK);
	assert_int_equal(total, 1);
	/* the counters behind the count follow a change of C/I/A and a disposal */
	assert_int_equal(store_asset_get(S, a1, &got), STORE_OK);
	got.c = got.i = got.a = 1;
	strcpy(got.disposed, "2026-11-01");
	assert_int_equal(store_asset_update(S, &got), STORE_OK);
	q = (asset_query_t){ .score_lo = 3, .score_hi = 3, .disposed = -1 };
	assert_int_equal(store_asset_list(S, org, &q, NULL, NULL, &total), STORE_OK);
	assert_int_equal(total, 1);
	q = (asset_query_t){ .disposed = 1 };
	assert_int_equal(store_asset_list(S, org, &q, NULL, NULL, &total), STORE_OK);
	assert_int_equal(total, 1);
	q = (asset_query_t){ .score_lo = 1, .score_hi = 1, .disposed = 0 };
	assert_int_equal(store_asset_list(S, org, &q, NULL, NULL, &total), STORE_OK);
	assert_int_equal(total, 1); /* a3; a1 is disposed */

	risk_rec_t r;
	risk_rec_init(&r);
	r.org_id = org;
	r.assets[0] = a1;
	r.assets[1] = a2;
	r.nassets = 2;
	strcpy(r.threat, "個人情報がメールの誤送信により漏えい");
	r.source = RS_INTERNAL;
	r.freq = RF_YEARLY;
	r.impact = RI_STOP;
	strcpy(r.created, NOW);
	strcpy(r.updated, NOW);
	assert_int_equal(store_risk_add(S, &r), STORE_OK);
	risk_rec_t bad = r;
	bad.assets[1] = b1; /* another organisation's asset links nothing: refused, nothing added */
	assert_int_equal(store_risk_add(S, &bad), STORE_INVALID);
	risk_rec_t rg;
	assert_int_equal(store_risk_get(S, r.id, &rg), STORE_OK);
	assert_int_equal(rg.nassets, 2);
	assert_true(rg.assets[0] == a1 && rg.assets[1] == a2);
	assert_int_equal(rg.treatment, RT_NONE);
	assert_int_equal(rg.res_freq, -1);
	rg.treatment = RT_REDUCE;
	strcpy(rg.reason, "誤送信防止の設定で下げられる");
	strcpy(rg.measures, "4.3.5,4.4.1");
	rg.res_freq = RF_RARE;
	rg.res_impact = RI_STOP;
	rg.nassets = 1;
	strcpy(rg.updated, "2026-12-02T00:00:00Z");
	assert_int_equal(store_risk_update(S, &rg), STORE_OK);
	assert_int_equal(store_risk_get(S, r.id, &rg), STORE_OK);
	assert_true(rg.treatment == RT_REDUCE && rg.nassets == 1 && !strcmp(rg.measures, "4.3.5,4.4.1") && rg.res_freq == RF_RARE);
	int64_t counts[RISK_FREQS][RISK_IMPACTS];
	assert_int_equal(store_risk_counts(S, org, false, counts), STORE_OK);
	assert_int_equal(counts[RF_YEARLY][RI_STOP], 1);
	assert_int_equal(store_risk_counts(S, org, true, counts), STORE_OK);
	assert_true(counts[RF_YEARLY][RI_STOP] == 0 && counts[RF_RARE][RI_STOP] == 1);
	risk_query_t rq = { .asset_id = a1, .freq = -1, .impact = -1, .treatment = RT_REDUCE };
	int64_t n = 0;
	assert_int_equal(store_risk_list(S, org, &rq, NULL, NULL, &n), STORE_OK);
	assert_int_equal(n, 1);
	rq.asset_id = a2; /* unlinked above */
	assert_int_equal(store_risk_list(S, org, &rq, NULL, NULL, &n), STORE_OK);
	assert_int_equal(n, 0);
	rq = (risk_query_t){ .freq = RF_YEARLY, .impact = -1, .treatment = RT_REDUCE };
	assert_int_equal(store_risk_list(S, org, &rq, NULL, NULL, &n), STORE_OK);
	assert_int_equal(n, 1);
	rq.treatment = RT_NONE;
	assert_int_equal(store_risk_list(S, org, &rq, NULL, NULL, &n), STORE_OK);
	assert_int_equal(n, 0);

	risk_settings_t st;
	assert_int_equal(store_risk_settings_get(S, org, &st), STORE_NOT_FOUND);
	st = (risk_settings_t){ .has_matrix = true, .inventory_months = 6 };
	for (int f = 0; f < RISK_FREQS; f++)
		for (int i = 0; i < RISK_IMPACTS; i++)
			st.matrix.cell[f][i] = RT_TRANSFER;
	assert_int_equal(store_risk_settings_put(S, org, &st), STORE_OK);
	st.inventory_months = 3;
	assert_int_equal(store_risk_settings_put(S, org, &st), STORE_OK);
	risk_settings_t sg;
	assert_int_equal(store_risk_settings_get(S, org, &sg), STORE_OK);
	assert_true(sg.has_matrix && sg.inventory_months == 3 && sg.matrix.cell[RF_MONTHLY][RI_FATAL] == RT_TRANSFER);

	/* another workspace sees none of it, and cannot change it */
	store_set_workspace(S, 2);
	assert_int_equal(store_asset_get(S, a1, &got), STORE_NOT_FOUND);
	assert_int_equal(store_risk_get(S, r.id, &rg), STORE_NOT_FOUND);
	assert_int_equal(store_asset_delete(S, a1), STORE_NOT_FOUND);
	assert_int_equal(store_risk_settings_put(S, org, &st), STORE_NOT_FOUND);
	q = (asset_query_t){ .disposed = -1 };
	assert_int_equal(store_asset_list(S, org, &q, NULL, NULL, &total), STORE_OK);
	assert_int_equal(total, 0);
	store_set_workspace(S, 1);

	/* deleting an asset unlinks it; deleting the organisation takes everything */
	assert_int_equal(store_asset_delete(S, a1), STORE_OK);
	assert_int_equal(store_risk_get(S, r.id, &rg), STORE_OK);
	assert_int_equal(rg.nassets, 0);
	assert_int_equal(store_org_delete(S, org), STORE_OK);
	assert_int_equal(store_asset_get(S, a2, &got), STORE_NOT_FOUND);
	assert_int_equal(store_risk_get(S, r.id, &rg), STORE_NOT_FOUND);
	assert_int_equal(store_risk_settings_get(S, org, &sg), STORE_NOT_FOUND);
	assert_int_equal(store_asset_get(S, b1, &got), STORE_OK);
	assert_int_equal(store_risk_delete(S, r.id), STORE_NOT_FOUND);
	(void)a3;
}

/* SECURITY ACTION: nothing until written, then the record whole; another workspace neither sees
 * nor changes it; deleting the organisation takes it. */
static void security_actions(void **state)
{
	(void)state;
	int64_t org = add_org("宣言社", 20);
	secaction_t *sa = malloc(sizeof *sa), *got = malloc(sizeof *got);
	assert_int_equal(store_secaction_get(S, org, got), STORE_NOT_FOUND);
	sa_init(sa);
	sa->rules = 0x1f;
	strcpy(sa->rules_updated, NOW);
	strcpy(sa->choices.scope, "本社工場");
	strcpy(sa->choices.officer, "総務部長");
	strcpy(sa->choices.protects, "customers,technical");
	strcpy(sa->choices.training, "half-yearly");
	memset(sa->policy, 'x', SA_POLICY_MAX - 1); /* the longest text a policy may have */
	sa->policy[SA_POLICY_MAX - 1] = '\0';
	sa->adopted = true;
	strcpy(sa->policy_updated, NOW);
	assert_int_equal(store_secaction_put(S, org, sa), STORE_OK);
	assert_int_equal(store_secaction_get(S, org, got), STORE_OK);
	assert_int_equal(got->rules, 0x1f);
	assert_string_equal(got->choices.scope, "本社工場");
	assert_string_equal(got->choices.protects, "customers,technical");
	assert_string_equal(got->choices.training, "half-yearly");
	assert_int_equal(strlen(got->policy), SA_POLICY_MAX - 1);
	assert_true(got->adopted);
	sa->rules = 0x3;
	strcpy(sa->policy, "方針");
	sa->adopted = false;
	assert_int_equal(store_secaction_put(S, org, sa), STORE_OK); /* written whole */
	assert_int_equal(store_secaction_get(S, org, got), STORE_OK);
	assert_true(got->rules == 0x3 && !got->adopted && !strcmp(got->policy, "方針"));
	assert_int_equal(store_secaction_put(S, org + 100, sa), STORE_NOT_FOUND); /* no such organisation */
	store_set_workspace(S, 2);
	assert_int_equal(store_secaction_get(S, org, got), STORE_NOT_FOUND);
	assert_int_equal(store_secaction_put(S, org, sa), STORE_NOT_FOUND);
	store_set_workspace(S, 1);
	assert_int_equal(store_secaction_get(S, org, got), STORE_OK);
	assert_int_equal(got->rules, 0x3);
	assert_int_equal(store_org_delete(S, org), STORE_OK);
	assert_int_equal(store_secaction_get(S, org, got), STORE_NOT_FOUND);
	free(sa);
	free(got);
}

/* Contractors, the items sent to them through a respondent link, and cloud services: written
 * and read back whole, scoped to the workspace, a request's answers read through its link, and
 * all of it gone with its contractor or its organisation. */
static void contractors_and_cloud(void **state)
{
	(void)state;
	int64_t org = add_org("委託元", 30);
	contractor_t *c = calloc(1, sizeof *c), *got = calloc(1, sizeof *got);
	c->org_id = org;
	strcpy(c->name, "株式会社データ処理");
	strcpy(c->contact, "佐藤 03-1234-5678 sato@example.jp");
	strcpy(c->handles, "顧客名簿の入力（個人情報）");
	strcpy(c->contract_start, "2026-04-01");
	strcpy(c->contract_end, "2027-03-31");
	strcpy(c->review_due, "2026-10-01");
	memset(c->note, 'n', CT_NOTE - 1); /* the longest note fits */
	c->note[CT_NOTE - 1] = '\0';
	strcpy(c->created, NOW);
	strcpy(c->updated, NOW);
	assert_int_equal(store_contractor_add(S, c), STORE_OK);
	assert_true(c->id > 0);
	assert_int_equal(store_contractor_get(S, c->id, got), STORE_OK);
	assert_string_equal(got->name, "株式会社データ処理");
	assert_string_equal(got->contract_end, "2027-03-31");
	assert_int_equal(strlen(got->note), CT_NOTE - 1);
	strcpy(c->review_due, "2027-01-15");
	strcpy(c->note, "年1回訪問");
	assert_int_equal(store_contractor_update(S, c), STORE_OK);
	contractor_t *list;
	int n;
	assert_int_equal(store_contractor_list(S, org, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].review_due, "2027-01-15");
	assert_string_equal(list[0].note, "年1回訪問");
	free(list);

	/* a request: its answers are the diagnosis its link records */
	link_t l = { .org_id = org, .workspace_id = 1, .expires = 1900000000 };
	strcpy(l.hash, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	strcpy(l.questionnaire, "contractor");
	strcpy(l.scope, "株式会社データ処理");
	strcpy(l.role, "staff");
	strcpy(l.created, NOW);
	assert_int_equal(store_link_add(S, &l), STORE_OK);
	ct_request_t r = { .contractor_id = c->id, .org_id = org }, rg;
	strcpy(r.items, "1.1-1,1.2-2,5.1-3");
	strcpy(r.link_hash, l.hash);
	strcpy(r.created, NOW);
	assert_int_equal(store_ctreq_add(S, &r), STORE_OK);
	assert_true(r.id > 0);
	ct_request_t bad = r; /* a contractor of another organisation is refused */
	bad.org_id = org + 100;
	assert_int_equal(store_ctreq_add(S, &bad), STORE_NOT_FOUND);
	assert_int_equal(store_ctreq_by_link(S, l.hash, &rg), STORE_OK);
	assert_int_equal(rg.id, r.id);
	assert_int_equal(rg.diagnosis_id, 0);
	assert_int_equal(rg.expires, 1900000000);
	assert_string_equal(rg.items, "1.1-1,1.2-2,5.1-3");
	stored_diag_t *sd = snapshot("contractor", "yes", org, NOW);
	assert_int_equal(store_diag_save(S, sd), STORE_OK);
	assert_int_equal(store_link_answer(S, l.hash, sd->id), STORE_OK);
	strcpy(r.reviewed_by, "委託管理者");
	strcpy(r.reviewed_at, NOW);
	strcpy(r.review_note, "5.1-3 は次回までに改善");
	assert_int_equal(store_ctreq_review(S, &r), STORE_OK);
	ct_request_t *rl;
	assert_int_equal(store_ctreq_list(S, c->id, &rl, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rl[0].diagnosis_id, sd->id);
	assert_string_equal(rl[0].reviewed_by, "委託管理者");
	assert_string_equal(rl[0].review_note, "5.1-3 は次回までに改善");
	free(rl);

	/* a cloud service and its check */
	cloud_service_t k = { .org_id = org }, kg;
	strcpy(k.name, "クラウド会計");
	strcpy(k.provider, "会計サービス株式会社");
	strcpy(k.purpose, "経理");
	strcpy(k.created, NOW);
	strcpy(k.updated, NOW);
	assert_int_equal(store_cloud_add(S, &k), STORE_OK);
	assert_int_equal(store_cloud_get(S, k.id, &kg), STORE_OK);
	assert_int_equal(kg.diagnosis_id, 0);
	k.diagnosis_id = sd->id;
	strcpy(k.checked, NOW);
	strcpy(k.review_due, "2027-11-30");
	assert_int_equal(store_cloud_update(S, &k), STORE_OK);
	cloud_service_t *kl;
	assert_int_equal(store_cloud_list(S, org, &kl, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(kl[0].diagnosis_id, sd->id);
	assert_string_equal(kl[0].review_due, "2027-11-30");
	assert_string_equal(kl[0].checked, NOW);
	free(kl);

	/* another workspace sees none of it */
	store_set_workspace(S, 2);
	assert_int_equal(store_contractor_get(S, c->id, got), STORE_NOT_FOUND);
	assert_int_equal(store_contractor_update(S, c), STORE_NOT_FOUND);
	assert_int_equal(store_ctreq_get(S, r.id, &rg), STORE_NOT_FOUND);
	assert_int_equal(store_ctreq_review(S, &r), STORE_NOT_FOUND);
	assert_int_equal(store_cloud_get(S, k.id, &kg), STORE_NOT_FOUND);
	assert_int_equal(store_cloud_delete(S, k.id), STORE_NOT_FOUND);
	assert_int_equal(store_contractor_delete(S, c->id), STORE_NOT_FOUND);
	store_set_workspace(S, 1);

	/* deleting the contractor takes its requests and the links not yet answered */
	contractor_t c2 = *c;
	assert_int_equal(store_contractor_add(S, &c2), STORE_OK);
	link_t l2 = l;
	strcpy(l2.hash, "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");
	assert_int_equal(store_link_add(S, &l2), STORE_OK);
	ct_request_t r2 = r;
	r2.contractor_id = c2.id;
	strcpy(r2.link_hash, l2.hash);
	assert_int_equal(store_ctreq_add(S, &r2), STORE_OK);
	assert_int_equal(store_contractor_delete(S, c2.id), STORE_OK);
	assert_int_equal(store_ctreq_get(S, r2.id, &rg), STORE_NOT_FOUND);
	link_t lg;
	assert_int_equal(store_link_get(S, l2.hash, &lg), STORE_NOT_FOUND);
	assert_int_equal(store_contractor_get(S, c->id, got), STORE_OK); /* the other stays */

	/* and the organisation takes everything */
	assert_int_equal(store_org_delete(S, org), STORE_OK);
	assert_int_equal(store_contractor_get(S, c->id, got), STORE_NOT_FOUND);
	assert_int_equal(store_ctreq_get(S, r.id, &rg), STORE_NOT_FOUND);
	assert_int_equal(store_cloud_get(S, k.id, &kg), STORE_NOT_FOUND);
	stored_diag_free(sd);
	free(c);
	free(got);
}

static void incidents(void **state)
{
	(void)state;
	int64_t org = add_org("インシデント社", 30), other = add_org("別社", 5);
	incident_t x, got;
	incident_init(&x);
	incident_init(&got);
	x.org_id = org;
	x.type = INC_MALWARE;
	x.level = 2;
	strcpy(x.scopes, "business,staff-work");
	strcpy(x.title, "ランサムウェア感染（経理PC）");
	strcpy(x.detected, "2026-11-30 09:15");
	strcpy(x.reporter, "経理 佐藤");
	strcpy(x.assets, "3,7");
	/* the longest narrative the edge lets through: 20,000 three-byte characters, kept whole */
	char *big = malloc(INC_TEXT_CHARS * 3 + 1);
	for (int i = 0; i < INC_TEXT_CHARS; i++)
		memcpy(big + 3 * i, "あ", 3);
	big[INC_TEXT_CHARS * 3] = '\0';
	inc_set_text(&x.description, big);
	inc_set_text(&x.intake, "{\"device\":\"パソコン\"}");
	strcpy(x.created_by, "admin@example.test");
	strcpy(x.created, NOW);
	strcpy(x.updated, NOW);
	assert_int_equal(store_incident_add(S, &x), STORE_OK);
	assert_true(x.id > 0);
	assert_int_equal(store_incident_get(S, x.id, &got), STORE_OK);
	assert_int_equal(got.type, INC_MALWARE);
	assert_int_equal(got.level, 2);
	assert_int_equal(got.status, INC_OPEN);
	assert_string_equal(got.title, "ランサムウェア感染（経理PC）");
	assert_string_equal(got.scopes, "business,staff-work");
	assert_string_equal(got.assets, "3,7");
	assert_string_equal(got.detected, "2026-11-30 09:15");
	assert_int_equal(strlen(got.description), strlen(big));
	assert_string_equal(got.description, big);
	assert_string_equal(got.intake, "{\"device\":\"パソコン\"}");
	/* closed with cause and measures */
	x.status = INC_CLOSED;
	x.level = 3;
	inc_set_text(&x.cause, "定義ファイルが古かった");
	inc_set_text(&x.measures, "UTMを導入する\n従業員教育");
	strcpy(x.closed, "2026-12-01T10:00:00Z");
	strcpy(x.updated, "2026-12-01T10:00:00Z");
	assert_int_equal(store_incident_update(S, &x), STORE_OK);
	incident_clear(&got);
	incident_init(&got);
	assert_int_equal(store_incident_get(S, x.id, &got), STORE_OK);
	assert_int_equal(got.status, INC_CLOSED);
	assert_int_equal(got.level, 3);
	assert_string_equal(got.measures, "UTMを導入する\n従業員教育");
	assert_string_equal(got.closed, "2026-12-01T10:00:00Z");
	assert_string_equal(got.created, NOW);
	/* a second incident, and the list newest first */
	incident_t y;
	incident_init(&y);
	y.org_id = org;
	y.type = INC_LEAK;
	strcpy(y.title, "USBメモリ紛失");
	strcpy(y.created, NOW);
	strcpy(y.updated, NOW);
	assert_int_equal(store_incident_add(S, &y), STORE_OK);
	incident_t *list;
	int n;
	assert_int_equal(store_incident_list(S, org, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, y.id);
	assert_string_equal(list[1].description, big);
	incident_list_free(list, n);
	assert_int_equal(store_incident_list(S, other, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	incident_list_free(list, n);
	/* steps: content steps by key and the company's own */
	inc_step_rec_t st;
	inc_step_init(&st);
	st.incident_id = x.id;
	st.position = 1;
	strcpy(st.key, "malware-disconnect");
	strcpy(st.updated, NOW);
	assert_int_equal(store_inc_step_add(S, &st), STORE_OK);
	inc_step_rec_t own;
	inc_step_init(&own);
	own.incident_id = x.id;
	own.position = 2;
	strcpy(own.actor, "総務部");
	inc_set_text(&own.text, "取引先に連絡する");
	strcpy(own.updated, NOW);
	assert_int_equal(store_inc_step_add(S, &own), STORE_OK);
	st.done = true;
	strcpy(st.done_by, "佐藤");
	strcpy(st.done_at, "2026-11-30 09:20");
	inc_set_text(&st.note, "LANケーブルを抜いた");
	st.position = 3;
	assert_int_equal(store_inc_step_update(S, &st), STORE_OK);
	inc_step_rec_t *steps;
	assert_int_equal(store_inc_steps(S, x.id, &steps, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(steps[0].text, "取引先に連絡する"); /* by position */
	assert_string_equal(steps[1].key, "malware-disconnect");
	assert_true(steps[1].done);
	assert_string_equal(steps[1].done_by, "佐藤");
	assert_string_equal(steps[1].done_at, "2026-11-30 09:20");
	assert_string_equal(steps[1].note, "LANケーブルを抜いた");
	inc_steps_free(steps, n);
	assert_int_equal(store_inc_step_delete(S, own.id), STORE_OK);
	assert_int_equal(store_inc_step_delete(S, own.id), STORE_NOT_FOUND);
	/* the timeline, by the time given */
	inc_event_t ev;
	inc_event_init(&ev);
	ev.incident_id = x.id;
	ev.kind = INC_EV_NOTE;
	strcpy(ev.at, "2026-11-30 10:00");
	inc_set_text(&ev.text, "警察に相談");
	strcpy(ev.by, "佐藤");
	strcpy(ev.created, NOW);
	assert_int_equal(store_inc_event_add(S, &ev), STORE_OK);
	ev.kind = INC_EV_OPENED;
	strcpy(ev.at, "2026-11-30 09:15");
	inc_set_text(&ev.text, "");
	assert_int_equal(store_inc_event_add(S, &ev), STORE_OK);
	inc_event_t *evs;
	assert_int_equal(store_inc_events(S, x.id, &evs, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(evs[0].kind, INC_EV_OPENED);
	assert_string_equal(evs[1].text, "警察に相談");
	inc_events_free(evs, n);
	free(ev.text);
	/* the manual, written whole; the IT-BCP checklist */
	inc_manual_t *m = calloc(1, sizeof *m), *mg = calloc(1, sizeof *mg);
	assert_int_equal(store_manual_get(S, org, mg), STORE_NOT_FOUND);
	m->npeople = 2;
	strcpy(m->people[0].role, "top");
	strcpy(m->people[0].name, "港 太郎");
	strcpy(m->people[0].phone, "090-1111-2222");
	strcpy(m->people[1].role, "manager");
	strcpy(m->people[1].mail, "incident@minato.example");
	strcpy(m->contacts, "保守業者 ○○システム 03-0000-0000");
	strcpy(m->reviewed, "2026-11-30");
	strcpy(m->updated, NOW);
	assert_int_equal(store_manual_put(S, org, m), STORE_OK);
	assert_int_equal(store_manual_get(S, org, mg), STORE_OK);
	assert_int_equal(mg->npeople, 2);
	assert_string_equal(inc_manual_person(mg, "top")->phone, "090-1111-2222");
	assert_string_equal(inc_manual_person(mg, "manager")->mail, "incident@minato.example");
	assert_string_equal(mg->reviewed, "2026-11-30");
	m->npeople = 1; /* written whole: the manager is gone */
	assert_int_equal(store_manual_put(S, org, m), STORE_OK);
	assert_int_equal(store_manual_get(S, org, mg), STORE_OK);
	assert_int_equal(mg->npeople, 1);
	assert_int_equal(store_manual_put(S, org + 100, m), STORE_NOT_FOUND);
	inc_bcp_t b = { .step = "step1", .owner = "総務部長", .done = true, .done_on = "2026-11-30", .note = "方針を決めた" };
	strcpy(b.updated, NOW);
	assert_int_equal(store_bcp_put(S, org, &b), STORE_OK);
	b.done = false;
	assert_int_equal(store_bcp_put(S, org, &b), STORE_OK);
	inc_bcp_t *bl;
	assert_int_equal(store_bcp_list(S, org, &bl, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_false(bl[0].done);
	assert_string_equal(bl[0].owner, "総務部長");
	free(bl);
	/* a plan item in words */
	plan_item_t p = { .org_id = org, .status = PLAN_NOT_STARTED, .questionnaire = "incident" };
	strcpy(p.created, NOW);
	strcpy(p.updated, NOW);
	snprintf(p.question, sizeof p.question, "%lld.1", (long long)x.id);
	strcpy(p.title, "UTMを導入する");
	assert_int_equal(store_plan_add(S, &p), STORE_OK);
	plan_item_t pg;
	assert_int_equal(store_plan_get(S, p.id, &pg), STORE_OK);
	assert_string_equal(pg.title, "UTMを導入する");

	/* another workspace sees and changes none of it */
	store_set_workspace(S, 2);
	incident_clear(&got);
	incident_init(&got);
	assert_int_equal(store_incident_get(S, x.id, &got), STORE_NOT_FOUND);
	assert_int_equal(store_incident_update(S, &x), STORE_NOT_FOUND);
	assert_int_equal(store_inc_step_update(S, &st), STORE_NOT_FOUND);
	assert_int_equal(store_inc_step_add(S, &st), STORE_NOT_FOUND);
	assert_int_equal(store_manual_get(S, org, mg), STORE_NOT_FOUND);
	assert_int_equal(store_manual_put(S, org, m), STORE_NOT_FOUND);
	assert_int_equal(store_bcp_put(S, org, &b), STORE_NOT_FOUND);
	assert_int_equal(store_incident_add(S, &y), STORE_NOT_FOUND);
	assert_int_equal(store_inc_steps(S, x.id, &steps, &n), STORE_OK);
	assert_int_equal(n, 0);
	inc_steps_free(steps, n);
	store_set_workspace(S, 1);

	/* deleting the organisation deletes its incidents, steps, timeline, manual and checklist */
	assert_int_equal(store_org_delete(S, org), STORE_OK);
	assert_int_equal(store_incident_get(S, x.id, &got), STORE_NOT_FOUND);
	assert_int_equal(store_inc_steps(S, x.id, &steps, &n), STORE_OK);
	assert_int_equal(n, 0);
	inc_steps_free(steps, n);
	assert_int_equal(store_inc_events(S, x.id, &evs, &n), STORE_OK);
	assert_int_equal(n, 0);
	inc_events_free(evs, n);
	assert_int_equal(store_manual_get(S, org, mg), STORE_NOT_FOUND);
	assert_int_equal(store_bcp_list(S, org, &bl, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(bl);
	free(m);
	free(mg);
	free(big);
	inc_step_clear(&st);
	inc_step_clear(&own);
	incident_clear(&x);
	incident_clear(&y);
	incident_clear(&got);
}

static void plans(void **state)
{
	(void)state;
	int64_t org = add_org("計画社", 8);
	plan_item_t p = { .org_id = org, .status = PLAN_NOT_STARTED };
	strcpy(p.questionnaire, "jisha-shindan");
	strcpy(p.question, "3");
	strcpy(p.owner, "佐藤");
	strcpy(p.note, "見積を依頼した\n来月に導入");
	strcpy(p.created, NOW);
	strcpy(p.updated, NOW);
	assert_int_equal(store_plan_add(S, &p), STORE_OK);
	plan_item_t dup = p;
	assert_int_equal(store_plan_add(S, &dup), STORE_INVALID); /* one item per question */
	/* a planned question refused inside a transaction leaves it usable (a 低減 decision skips
	 * the questions planned already and goes on): on PostgreSQL a failed INSERT would abort it */
	assert_int_equal(store_begin(S), STORE_OK);
	assert_int_equal(store_plan_add(S, &dup), STORE_INVALID);
	plan_item_t next = p;
	strcpy(next.question, "4");
	assert_int_equal(store_plan_add(S, &next), STORE_OK);
	assert_int_equal(store_commit(S), STORE_OK);
	assert_int_equal(store_plan_get(S, next.id, &next), STORE_OK);
	assert_string_equal(next.question, "4");
	assert_int_equal(store_plan_delete(S, next.id), STORE_OK);
	p.status = PLAN_DONE;
	strcpy(p.due, "2027-03-31");
	strcpy(p.updated, "2026-12-24T00:00:00Z");
	assert_int_equal(store_plan_update(S, &p), STORE_OK);
	plan_item_t got;
	assert_int_equal(store_plan_get(S, p.id, &got), STORE_OK);
	assert_int_equal(got.status, PLAN_DONE);
	assert_string_equal(got.due, "2027-03-31");
	assert_string_equal(got.owner, "佐藤");
	assert_string_equal(got.created, NOW);
	assert_string_equal(got.note, "見積を依頼した\n来月に導入"); /* issue 17: the note, with its line break */
	strcpy(p.note, "導入済み");
	assert_int_equal(store_plan_update(S, &p), STORE_OK);
	plan_item_t *items;
	int n;
	assert_int_equal(store_plan_list(S, org, &items, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].note, "導入済み");
	free(items);
	assert_int_equal(store_plan_get(S, p.id + 1, &got), STORE_NOT_FOUND);
}

/* The register's and the plan's pages in the database (issue 19): LIMIT and OFFSET in each
 * list's order (incidents newest first, plan items oldest first), the count of the whole list
 * with every page, the other organisation's rows and another workspace's never, an offset past
 * the end empty; the register's page reads its columns only (with when it closed, for the
 * API's list), the plan's every field. */
static void incident_and_plan_pages(void **state)
{
	(void)state;
	int64_t org = add_org("頁社", 30), other = add_org("別頁社", 5);
	enum { N = 7 };
	int64_t inc[N], plan[N];
	for (int i = 0; i < N; i++) {
		incident_t x;
		incident_init(&x);
		x.org_id = i == 3 ? other : org; /* one of another organisation in the middle */
		x.type = i % 2 ? INC_LEAK : INC_MALWARE;
		x.level = i % 4;
		x.status = i % 3 ? INC_OPEN : INC_CLOSED;
		if (x.status == INC_CLOSED)
			strcpy(x.closed, "2026-11-20 17:00");
		snprintf(x.title, sizeof x.title, "事案%d", i);
		if (i % 2)
			snprintf(x.detected, sizeof x.detected, "2026-11-0%c 09:15", (char)('1' + i)); /* i < 9 */
		strcpy(x.reporter, "佐藤");
		inc_set_text(&x.description, "長い説明");
		inc_set_text(&x.cause, "原因");
		strcpy(x.created, NOW);
		strcpy(x.updated, NOW);
		assert_int_equal(store_incident_add(S, &x), STORE_OK);
		inc[i] = x.id;
		incident_clear(&x);
		plan_item_t p = { .org_id = i == 3 ? other : org, .status = (plan_status_t)(i % 3) };
		strcpy(p.questionnaire, "jisha-shindan");
		snprintf(p.question, sizeof p.question, "%d", i + 1);
		snprintf(p.note, sizeof p.note, "メモ%d", i);
		strcpy(p.owner, "山田");
		strcpy(p.created, NOW);
		strcpy(p.updated, NOW);
		assert_int_equal(store_plan_add(S, &p), STORE_OK);
		plan[i] = p.id;
	}
	/* the organisation's six, newest first: 6 5 4 2 1 0, in pages of 4 */
	static const int NEWEST[] = { 6, 5, 4, 2, 1, 0 }, OLDEST[] = { 0, 1, 2, 4, 5, 6 };
	incident_t *xs;
	int n, total;
	assert_int_equal(store_incident_page(S, org, 0, 4, &xs, &n, &total), STORE_OK);
	assert_int_equal(n, 4);
	assert_int_equal(total, 6);
	for (int i = 0; i < n; i++)
		assert_int_equal(xs[i].id, inc[NEWEST[i]]);
	assert_int_equal(xs[0].org_id, org);
	assert_int_equal(xs[0].type, INC_MALWARE);
	assert_int_equal(xs[0].level, 2);
	assert_int_equal(xs[0].status, INC_CLOSED);
	assert_string_equal(xs[0].title, "事案6");
	assert_string_equal(xs[0].detected, "");
	assert_string_equal(xs[1].detected, "2026-11-06 09:15");
	assert_int_equal(xs[1].status, INC_OPEN);
	assert_int_equal(xs[1].type, INC_LEAK);
	assert_string_equal(xs[0].created, NOW);
	assert_string_equal(xs[0].closed, "2026-11-20 17:00"); /* the API's list shows it */
	assert_string_equal(xs[1].closed, "");
	assert_string_equal(xs[0].description, ""); /* not read: the register does not show it */
	assert_string_equal(xs[0].cause, "");
	assert_string_equal(xs[0].reporter, "");
	incident_list_free(xs, n);
	assert_int_equal(store_incident_page(S, org, 4, 4, &xs, &n, &total), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(total, 6);
	assert_int_equal(xs[0].id, inc[1]);
	assert_int_equal(xs[1].id, inc[0]);
	incident_list_free(xs, n);
	assert_int_equal(store_incident_page(S, org, 6, 4, &xs, &n, &total), STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(total, 6);
	incident_list_free(xs, n);
	assert_int_equal(store_incident_page(S, other, 0, 4, &xs, &n, &total), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(total, 1);
	assert_int_equal(xs[0].id, inc[3]);
	incident_list_free(xs, n);
	/* the plan, oldest first, every field */
	plan_item_t *ps;
	assert_int_equal(store_plan_page(S, org, 0, 4, &ps, &n, &total), STORE_OK);
	assert_int_equal(n, 4);
	assert_int_equal(total, 6);
	for (int i = 0; i < n; i++)
		assert_int_equal(ps[i].id, plan[OLDEST[i]]);
	assert_string_equal(ps[3].question, "5");
	assert_string_equal(ps[3].note, "メモ4");
	assert_string_equal(ps[3].owner, "山田");
	assert_int_equal(ps[3].status, PLAN_DOING);
	assert_int_equal(ps[3].org_id, org);
	free(ps);
	assert_int_equal(store_plan_page(S, org, 4, 4, &ps, &n, &total), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(ps[0].id, plan[5]);
	assert_int_equal(ps[1].id, plan[6]);
	free(ps);
	assert_int_equal(store_plan_page(S, org, 1, 1, &ps, &n, &total), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ps[0].id, plan[1]);
	free(ps);
	assert_int_equal(store_plan_page(S, org, 6, 4, &ps, &n, &total), STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(total, 6);
	free(ps);
	/* another workspace sees neither */
	store_set_workspace(S, 2);
	assert_int_equal(store_incident_page(S, org, 0, 4, &xs, &n, &total), STORE_OK);
	assert_int_equal(n + total, 0);
	incident_list_free(xs, n);
	assert_int_equal(store_plan_page(S, org, 0, 4, &ps, &n, &total), STORE_OK);
	assert_int_equal(n + total, 0);
	free(ps);
	store_set_workspace(S, 1);
}

static void profiles_keep_versions(void **state)
{
	(void)state;
	int64_t org = add_org("プロフィール社", 40);
	org_profile_t p = { .version = "1", .answers = "{\"sales\":\"lt1b\"}", .created = "2026-01-01T00:00:00Z" }, got;
	assert_int_equal(store_profile_get(S, org, &got), STORE_NOT_FOUND);
	assert_int_equal(store_profile_add(S, org, &p), STORE_OK);
	strcpy(p.answers, "{\"sales\":\"ge5b\"}");
	strcpy(p.created, "2026-02-01T00:00:00Z");
	assert_int_equal(store_profile_add(S, org, &p), STORE_OK);
	assert_int_equal(store_profile_get(S, org, &got), STORE_OK);
	assert_string_equal(got.answers, "{\"sales\":\"ge5b\"}");
	assert_string_equal(got.created, "2026-02-01T00:00:00Z");
}

static bool collect(const pool_key_t *k, const pool_agg_t *a, void *arg)
{
	long long *sums = arg;
	if (k->dim == DIM_ALL)
		sums[0] += a->n, sums[1] += a->sum;
	else
		sums[2]++;
	return true;
}

static void pool_rows(void **state)
{
	(void)state;
	int64_t org = add_org("プール社", 20);
	stored_diag_t *sd = snapshot("benchmark", "3", org, "2026-11-01T00:00:00Z");
	assert_int_equal(store_diag_save(S, sd), STORE_OK);
	pool_member_t m = { .diagnosis_id = sd->id, .contribution = "1|benchmark|x|2026-11|-1|75|25|125|0|all|||||" }, got;
	assert_int_equal(store_member_get(S, org, "benchmark", &got), STORE_NOT_FOUND);
	assert_int_equal(store_member_put(S, org, "benchmark", &m), STORE_OK);
	assert_int_equal(store_member_get(S, org, "benchmark", &got), STORE_OK);
	assert_int_equal(got.diagnosis_id, sd->id);
	assert_string_equal(got.contribution, m.contribution);
	stored_diag_free(sd);

	pool_key_t all = { .questionnaire = "benchmark", .version = "v", .value = "all", .dim = DIM_ALL };
	pool_key_t grp = { .questionnaire = "benchmark", .version = "v", .value = "gi", .dim = DIM_GROUP };
	pool_contrib_t c = { .total = 60, .min = 25, .max = 125, .nitems = 25, .risk = 50 };
	pool_agg_t one = { 0 }, sum;
	pool_add(&one, &c, +1);
	assert_int_equal(store_agg_add(S, &all, "2026-10", 0, &one), STORE_OK);
	assert_int_equal(store_agg_add(S, &all, "2026-11", 0, &one), STORE_OK);
	assert_int_equal(store_agg_add(S, &all, "2026-11", 1, &one), STORE_OK); /* an imported baseline */
	assert_int_equal(store_agg_add(S, &grp, "2026-11", 0, &one), STORE_OK);
	assert_int_equal(store_pool_agg(S, &all, "2025-01", &sum), STORE_OK);
	assert_int_equal(sum.n, 3);
	assert_int_equal(sum.sum, 180);
	assert_int_equal(store_pool_agg(S, &all, "2026-11", &sum), STORE_OK); /* the window leaves October out */
	assert_int_equal(sum.n, 2);
	pool_agg_t minus = { 0 };
	pool_add(&minus, &c, -1);
	assert_int_equal(store_agg_add(S, &all, "2026-11", 0, &minus), STORE_OK);
	assert_int_equal(store_pool_agg(S, &all, "2026-11", &sum), STORE_OK);
	assert_int_equal(sum.n, 1);
	long long seen[3] = { 0 };
	assert_int_equal(store_pool_each(S, "2025-01", collect, seen), STORE_OK);
	assert_int_equal(seen[0], 2); /* the "all" rows of both months and origins, summed once */
	assert_int_equal(seen[1], 120);
	assert_int_equal(seen[2], 1);
}

static bool count_rows(const pool_key_t *k, const pool_agg_t *a, void *arg)
{
	(void)k, (void)a;
	++*(int *)arg;
	return true;
}

/* Where pool rows come from (this database, one row per imported source) and releases: an
 * import's rows cleared without touching others, releases listed oldest first from a month,
 * a release's aggregates read back whole, one not published NOT_FOUND. */
static void pool_sources_and_releases(void **state)
{
	(void)state;
	pool_source_t *src;
	int n;
	assert_int_equal(store_source_list(S, &src, &n), STORE_OK);
	assert_int_equal(n, 1); /* this database, with its own install id */
	assert_int_equal(src[0].id, 0);
	assert_int_equal(strlen(src[0].source), 32);
	free(src);
	pool_source_t imp = { .source = "0123456789abcdef0123456789abcdef", .from = "2025-01", .to = "2026-12", .release = 3,
			      .contains = "", .aggregates = 1, .imported = "2026-12-01T00:00:00Z" };
	assert_int_equal(store_source_put(S, &imp), STORE_OK);
	assert_true(imp.id > 0);
	pool_key_t all = { .questionnaire = "benchmark", .version = "v", .value = "all", .dim = DIM_ALL };
	pool_contrib_t c = { .total = 60, .min = 25, .max = 125, .nitems = 25, .risk = 50 };
	pool_agg_t one = { 0 }, sum;
	pool_add(&one, &c, +1);
	assert_int_equal(store_agg_add(S, &all, "2026-12", 0, &one), STORE_OK);
	assert_int_equal(store_agg_add(S, &all, "2026-12", (int)imp.id, &one), STORE_OK);
	assert_int_equal(store_pool_agg(S, &all, "2026-01", &sum), STORE_OK);
	assert_int_equal(sum.n, 2);
	assert_int_equal(store_source_clear(S, imp.id), STORE_OK); /* the import goes, this database's row stays */
	assert_int_equal(store_pool_agg(S, &all, "2026-01", &sum), STORE_OK);
	assert_int_equal(sum.n, 1);
	imp.release = 4;
	assert_int_equal(store_source_put(S, &imp), STORE_OK);
	pool_source_t dup = imp;
	dup.id = 0;
	assert_int_equal(store_source_put(S, &dup), STORE_INVALID); /* one row per source */
	assert_int_equal(store_source_list(S, &src, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(src[1].release, 4);
	assert_string_equal(src[1].to, "2026-12");
	free(src);

	pool_release_t r1 = { .month = "2026-11", .created = "2026-11-02T00:00:00Z", .rho = 15, .min_group = 5, .made_by = "auto" };
	pool_release_t r2 = { .month = "2026-12", .created = "2026-12-01T00:00:00Z", .rho = 15, .min_group = 7, .made_by = "admin" };
	assert_int_equal(store_release_add(S, &r1), STORE_OK);
	assert_int_equal(store_release_add(S, &r2), STORE_OK);
	assert_true(r2.id > r1.id);
	pool_release_t *list;
	assert_int_equal(store_release_list(S, "2026-12", &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, r2.id);
	assert_int_equal(list[0].min_group, 7);
	assert_string_equal(list[0].made_by, "admin");
	free(list);
	assert_int_equal(store_release_list(S, "2000-01", &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, r1.id);
	free(list);
	pool_agg_t got;
	assert_int_equal(store_release_agg_put(S, r2.id, &all, &one), STORE_OK);
	assert_int_equal(store_release_agg_get(S, r2.id, &all, &got), STORE_OK);
	assert_memory_equal(&got, &one, sizeof got);
	assert_int_equal(store_release_agg_get(S, r1.id, &all, &got), STORE_NOT_FOUND);
	int rows = 0;
	assert_int_equal(store_release_agg_each(S, r2.id, count_rows, &rows), STORE_OK);
	assert_int_equal(rows, 1);
}

/* Deleting and archiving: a diagnosis goes with its rows and pool membership while the plan
 * item made from it stays; an organisation goes with everything of it and nothing of another;
 * another workspace's records are not found. */
static void deletes_and_archives(void **state)
{
	(void)state;
	int64_t gone = add_org("消える社", 10), kept = add_org("残る社", 10);
	stored_diag_t *a = snapshot("benchmark", "3", gone, "2026-11-01T00:00:00Z");
	stored_diag_t *b = snapshot("benchmark", "2", gone, "2026-11-02T00:00:00Z");
	stored_diag_t *k = snapshot("benchmark", "2", kept, "2026-11-03T00:00:00Z");
	assert_int_equal(store_diag_save(S, a), STORE_OK);
	assert_int_equal(store_diag_save(S, b), STORE_OK);
	assert_int_equal(store_diag_save(S, k), STORE_OK);
	pool_member_t m = { .diagnosis_id = a->id, .contribution = "x" }, got;
	assert_int_equal(store_member_put(S, gone, "benchmark", &m), STORE_OK);
	m.diagnosis_id = k->id;
	assert_int_equal(store_member_put(S, kept, "benchmark", &m), STORE_OK);
	plan_item_t p = { .org_id = gone, .diagnosis_id = a->id, .status = PLAN_NOT_STARTED, .questionnaire = "benchmark", .question = "1",
			  .created = "2026-11-01T00:00:00Z", .updated = "2026-11-01T00:00:00Z" }, pg;
	assert_int_equal(store_plan_add(S, &p), STORE_OK);
	char created[32];
	assert_int_equal(store_diag_created(S, a->id, created, sizeof created), STORE_OK);
	assert_string_equal(created, "2026-11-01T00:00:00Z");

	store_set_workspace(S, 2); /* another workspace finds none of it */
	assert_int_equal(store_diag_delete(S, a->id), STORE_NOT_FOUND);
	assert_int_equal(store_org_delete(S, gone), STORE_NOT_FOUND);
	assert_int_equal(store_org_archive(S, gone, NOW, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_plan_delete(S, p.id), STORE_NOT_FOUND);
	assert_int_equal(store_diag_created(S, a->id, created, sizeof created), STORE_NOT_FOUND);
	store_set_workspace(S, 1);

	assert_int_equal(store_diag_delete(S, a->id), STORE_OK);
	assert_int_equal(store_diag_delete(S, a->id), STORE_NOT_FOUND);
	stored_diag_t *none;
	assert_int_equal(store_diag_get(S, a->id, &none), STORE_NOT_FOUND);
	assert_int_equal(store_diag_created(S, a->id, created, sizeof created), STORE_NOT_FOUND);
	assert_int_equal(store_member_get(S, gone, "benchmark", &got), STORE_NOT_FOUND);
	assert_int_equal(store_plan_get(S, p.id, &pg), STORE_OK);
	assert_int_equal(pg.diagnosis_id, 0);

	org_t o;
	assert_int_equal(store_org_archive(S, gone, NOW, "2026-11-30T09:00:00Z"), STORE_OK);
	assert_int_equal(store_org_get(S, gone, &o), STORE_OK);
	assert_string_equal(o.archived, NOW);
	assert_string_equal(o.updated, "2026-11-30T09:00:00Z");
	assert_int_equal(store_org_archive(S, gone, "", NOW), STORE_OK);
	assert_int_equal(store_org_get(S, gone, &o), STORE_OK);
	assert_string_equal(o.archived, "");

	assert_int_equal(store_member_delete(S, kept, "benchmark"), STORE_OK);
	assert_int_equal(store_member_delete(S, kept, "benchmark"), STORE_NOT_FOUND);
	assert_int_equal(store_member_put(S, kept, "benchmark", &m), STORE_OK);
	assert_int_equal(store_org_delete(S, gone), STORE_OK);
	assert_int_equal(store_org_get(S, gone, &o), STORE_NOT_FOUND);
	assert_int_equal(store_diag_get(S, b->id, &none), STORE_NOT_FOUND);
	assert_int_equal(store_plan_get(S, p.id, &pg), STORE_NOT_FOUND);
	assert_int_equal(store_org_delete(S, gone), STORE_NOT_FOUND);
	stored_diag_t *still;
	assert_int_equal(store_diag_get(S, k->id, &still), STORE_OK);
	assert_int_equal(still->nanswers, k->nanswers);
	stored_diag_free(still);
	assert_int_equal(store_member_get(S, kept, "benchmark", &got), STORE_OK);
	assert_int_equal(store_plan_delete(S, p.id), STORE_NOT_FOUND);
	stored_diag_free(a);
	stored_diag_free(b);
	stored_diag_free(k);
}

static void transactions_are_whole(void **state)
{
	(void)state;
	assert_int_equal(store_begin(S), STORE_OK);
	int64_t a = add_org("取り消し社", 1);
	store_rollback(S);
	org_t o;
	assert_int_equal(store_org_get(S, a, &o), STORE_NOT_FOUND);
	assert_int_equal(store_begin(S), STORE_OK);
	int64_t b = add_org("確定社", 1);
	stored_diag_t *sd = snapshot("jisha-shindan", "yes", b, NOW);
	assert_int_equal(store_diag_save(S, sd), STORE_OK); /* joins the open transaction */
	assert_int_equal(store_commit(S), STORE_OK);
	stored_diag_t *got;
	assert_int_equal(store_diag_get(S, sd->id, &got), STORE_OK);
	stored_diag_free(got);
	stored_diag_free(sd);
	assert_int_equal(store_org_get(S, b, &o), STORE_OK);
}

/* store_defer_checkpoints (what the server's connections do): saves still commit and read
 * back; on SQLite the commit no longer copies the log into the database file — the background
 * checkpointer does, so the file grows within a few seconds with nothing else writing it. */
static void checkpoints_deferred(void **state)
{
	(void)state;
	struct stat before, now;
	bool sqlite = dir[0] && stat(location, &before) == 0;
	store_defer_checkpoints(S);
	int64_t org = add_org("後で書き込む社", 3);
	stored_diag_t *sd = snapshot("jisha-shindan", "yes", org, NOW);
	assert_int_equal(store_diag_save(S, sd), STORE_OK);
	stored_diag_t *got;
	assert_int_equal(store_diag_get(S, sd->id, &got), STORE_OK);
	assert_int_equal(got->total, sd->total);
	stored_diag_free(got);
	stored_diag_free(sd);
	if (!sqlite)
		return;
	now = before;
	for (int i = 0; i < 50 && now.st_size <= before.st_size; i++) {
		nanosleep(&(struct timespec){ .tv_nsec = 100000000 }, NULL);
		assert_int_equal(stat(location, &now), 0);
	}
	assert_true(now.st_size > before.st_size);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(organisations, fresh, cleanup),
		cmocka_unit_test_setup_teardown(checkpoints_deferred, fresh, cleanup),
		cmocka_unit_test_setup_teardown(snapshots_round_trip, fresh, cleanup),
		cmocka_unit_test_setup_teardown(category_titles_kept_per_snapshot, fresh, cleanup),
		cmocka_unit_test_setup_teardown(histories_in_order, fresh, cleanup),
		cmocka_unit_test_setup_teardown(history_summaries, fresh, cleanup),
		cmocka_unit_test_setup_teardown(org_pages, fresh, cleanup),
		cmocka_unit_test_setup_teardown(latest_results_kept_for_the_list, fresh, cleanup),
		cmocka_unit_test_setup_teardown(drafts, fresh, cleanup),
		cmocka_unit_test_setup_teardown(plans, fresh, cleanup),
		cmocka_unit_test_setup_teardown(security_actions, fresh, cleanup),
		cmocka_unit_test_setup_teardown(incidents, fresh, cleanup),
		cmocka_unit_test_setup_teardown(incident_and_plan_pages, fresh, cleanup),
		cmocka_unit_test_setup_teardown(contractors_and_cloud, fresh, cleanup),
		cmocka_unit_test_setup_teardown(ledger_and_risks, fresh, cleanup),
		cmocka_unit_test_setup_teardown(profiles_keep_versions, fresh, cleanup),
		cmocka_unit_test_setup_teardown(pool_rows, fresh, cleanup),
		cmocka_unit_test_setup_teardown(pool_sources_and_releases, fresh, cleanup),
		cmocka_unit_test_setup_teardown(deletes_and_archives, fresh, cleanup),
		cmocka_unit_test_setup_teardown(transactions_are_whole, fresh, cleanup),
	};
	return cmocka_run_group_tests_name("store-ops", tests, setup, teardown);
}
