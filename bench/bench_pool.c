/*
 * bench_pool.c — the benchmark pool's cost at 1,000 and at 1,000,000 pooled companies
 * (bench/README.md), in a database of its own that is never a user's:
 *
 *   bench_pool DB N    fills DB with N synthetic pooled companies, then times
 *                      - app_peers(): one result page's peer statistics (all five groups);
 *                      - app_diag_run() saving a pooled 25-answer benchmark diagnosis (score,
 *                        snapshot, save and pool, as every interface does): a company's first
 *                        contribution, and a re-diagnosis that replaces it.
 *
 * The fill writes what N pooled saves would leave behind — N organisations, N diagnosis rows,
 * N pool_members rows and the monthly aggregates of N random benchmark results spread over 24
 * months and every size band, industry and risk group — in bulk, because N real saves of 1.9 KB
 * each would take minutes and gigabytes without changing what is measured: both operations
 * touch a fixed number of aggregate rows and one B-tree lookup into N members.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/loader.h"
#include "app/diagnosis.h"
#include "app/org.h"
#include "app/pool.h"
#include "app/pool_release.h"
#include "app/profile.h"
#include "core/answers.h"
#include "input/profile_input.h"

#define MONTHS 24
#define KEYS 4096

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct {
	pool_key_t key;
	char month[8];
	pool_agg_t agg;
} bucket_t;

static bucket_t *buckets;
static int nbuckets;

static pool_agg_t *bucket(int dim, const char *value, const char *version, const char *month)
{
	for (int i = 0; i < nbuckets; i++)
		if (buckets[i].key.dim == dim && !strcmp(buckets[i].key.value, value) && !strcmp(buckets[i].month, month))
			return &buckets[i].agg;
	if (nbuckets == KEYS)
		abort();
	bucket_t *b = &buckets[nbuckets++];
	memset(b, 0, sizeof *b);
	b->key.dim = dim;
	snprintf(b->key.questionnaire, sizeof b->key.questionnaire, "benchmark");
	snprintf(b->key.version, sizeof b->key.version, "%s", version);
	snprintf(b->key.value, sizeof b->key.value, "%s", value);
	snprintf(b->month, sizeof b->month, "%s", month);
	return &b->agg;
}

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, msg);
		exit(1);
	}
}

/* N synthetic companies straight into the tables a pooled save keeps (src/app/pool.c). */
static void fill(const char *path, const content_t *c, const questionnaire_t *q, long n)
{
	static const char *const groups[] = { "gi", "gii", "giii" };
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(1);
	exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; BEGIN");
	sqlite3_stmt *org, *diag, *mem;
	sqlite3_prepare_v2(db, "INSERT INTO organizations (name, industry, employees, created_at, updated_at) VALUES ('b', ?, ?, 'x', 'x')", -1, &org, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO diagnoses (organization_id, questionnaire, content_version, scope, pool, total, max, min, "
			       "band_id, band_ja, band_en, created_at) VALUES (?, 'benchmark', ?, '全社', 1, ?, 125, 25, 'b', 'b', 'b', ?)",
			   -1, &diag, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO pool_members (organization_id, questionnaire, diagnosis_id, contribution) "
			       "VALUES (?, 'benchmark', ?, ?)", -1, &mem, NULL);
	srand(1);
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	for (long i = 1; i <= n; i++) {
		pool_contrib_t k = { .min = 25, .max = 125, .nitems = q->nitems, .risk = rand() % 101 };
		for (int j = 0; j < q->nitems; j++) {
			k.points[j] = (signed char)(1 + rand() % 5);
			k.full[j] = k.points[j] == 5;
			k.total += k.points[j];
		}
		int ago = rand() % MONTHS, m = tm.tm_year * 12 + tm.tm_mon - ago;
		pool_window_start(1900 + m / 12, m % 12 + 1, 1, k.month);
		const industry_t *ind = &c->industries[rand() % c->nindustries];
		int band = rand() % c->nsize_bands;
		snprintf(k.value[DIM_ALL], sizeof k.value[DIM_ALL], "all");
		snprintf(k.value[DIM_GROUP], sizeof k.value[DIM_GROUP], "%s", groups[rand() % 3]);
		snprintf(k.value[DIM_SIZE], sizeof k.value[DIM_SIZE], "%s", c->size_bands[band].id);
		snprintf(k.value[DIM_INDUSTRY], sizeof k.value[DIM_INDUSTRY], "%s", ind->code);
		snprintf(k.value[DIM_LIKE], sizeof k.value[DIM_LIKE], "%s/%s", c->size_bands[band].id, ind->code);
		for (int d = 0; d < DIM_COUNT; d++)
			pool_add(bucket(d, k.value[d], q->version, k.month), &k, +1);
		char created[32];
		snprintf(created, sizeof created, "%s-15T00:00:00Z", k.month);
		sqlite3_bind_text(org, 1, ind->code, -1, SQLITE_STATIC);
		sqlite3_bind_int(org, 2, c->size_bands[band].max > 0 ? c->size_bands[band].max : 500);
		sqlite3_step(org);
		sqlite3_reset(org);
		sqlite3_bind_int64(diag, 1, i);
		sqlite3_bind_text(diag, 2, q->version, -1, SQLITE_STATIC);
		sqlite3_bind_int(diag, 3, k.total);
		sqlite3_bind_text(diag, 4, created, -1, SQLITE_TRANSIENT);
		sqlite3_step(diag);
		sqlite3_reset(diag);
		char contrib[POOL_CONTRIB_TEXT];
		snprintf(k.questionnaire, sizeof k.questionnaire, "benchmark");
		snprintf(k.version, sizeof k.version, "%s", q->version);
		pool_contrib_to_text(&k, contrib, sizeof contrib);
		sqlite3_bind_int64(mem, 1, i);
		sqlite3_bind_int64(mem, 2, sqlite3_last_insert_rowid(db));
		sqlite3_bind_text(mem, 3, contrib, -1, SQLITE_TRANSIENT);
		sqlite3_step(mem);
		sqlite3_reset(mem);
	}
	sqlite3_stmt *put;
	sqlite3_prepare_v2(db, "INSERT INTO pool_agg VALUES (?, ?, ?, ?, ?, 0, ?)", -1, &put, NULL);
	for (int i = 0; i < nbuckets; i++) {
		int64_t w[POOL_WORDS_MAX];
		size_t len = pool_encode(&buckets[i].agg, w);
		sqlite3_bind_text(put, 1, buckets[i].key.questionnaire, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 2, buckets[i].key.version, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 3, POOL_DIM_IDS[buckets[i].key.dim], -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 4, buckets[i].key.value, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 5, buckets[i].month, -1, SQLITE_STATIC);
		sqlite3_bind_blob(put, 6, w, (int)(len * sizeof *w), SQLITE_TRANSIENT);
		sqlite3_step(put);
		sqlite3_reset(put);
	}
	sqlite3_finalize(org);
	sqlite3_finalize(diag);
	sqlite3_finalize(mem);
	sqlite3_finalize(put);
	exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE); ANALYZE");
	sqlite3_close(db);
}

/* Answers every question of q with option `level` (1-5). */
static void answers_at(const questionnaire_t *q, int level, answers_t *a)
{
	answers_clear(a);
	for (int i = 0; i < q->nitems; i++)
		a->opt[i] = (signed char)(level - 1);
}

/* Scores and saves a pooled diagnosis of org the way every interface does (src/app). */
static int64_t save(app_t *app, const questionnaire_t *q, int64_t org, const answers_t *a)
{
	stored_diag_t meta = { .org_id = org, .pool = true };
	strcpy(meta.scope, "全社");
	result_view_t v;
	err_t e;
	if (app_diag_run(app, q, a, &meta, true, &v, &e) != 0) {
		fprintf(stderr, "%s\n", e.en);
		exit(1);
	}
	int64_t id = v.sd->id;
	result_view_free(&v);
	return id;
}

int main(int argc, char **argv)
{
	if (argc != 3)
		return fprintf(stderr, "usage: bench_pool DB N\n"), 2;
	const char *dir = getenv("MAMORU_CONTENT");
	content_t c;
	load_errors_t errs = { 0 };
	if (content_load(dir ? dir : "content", &c, &errs))
		return load_error_print(stderr, dir ? dir : "content", &errs.e[0]), 1;
	const questionnaire_t *q = content_questionnaire(&c, "benchmark");
	long n = atol(argv[2]);
	store_t *s;
	err_t err;
	if (store_open(argv[1], &s, &err) != STORE_OK) /* creates the schema */
		return fprintf(stderr, "%s\n", err.en), 1;
	store_close(s);
	buckets = calloc(KEYS, sizeof *buckets);
	double t0 = now();
	fill(argv[1], &c, q, n);
	double filled = now() - t0;
	if (store_open(argv[1], &s, &err) != STORE_OK)
		return fprintf(stderr, "%s\n", err.en), 1;
	app_t app;
	actor_t who = app_cli_actor(1);
	app_init(&app, &c, s, &who);

	/* a company of its own, with a profile, saved once so its peers can be read */
	org_t o;
	org_init(&o);
	strcpy(o.name, "bench");
	strcpy(o.industry, "E");
	o.employees = 30;
	o.sites = 1;
	app_org_create(&app, &o, &err);
	profile_answers_t pa;
	profile_from_json(c.profile,
			  "{\"sales\":\"lt1b\",\"personal_info\":\"lt5k\",\"secrets\":\"some\",\"it_dependence\":\"day\","
			  "\"online_sales\":\"none\",\"public_servers\":\"hosted\",\"cloud\":\"some\",\"remote_work\":\"some\","
			  "\"outsourcing\":\"some\",\"partner_requirements\":\"asked\",\"it_staff\":\"parttime\",\"incidents\":\"none\"}",
			  true, &pa, &err);
	app_profile_save(&app, &o, &pa, false, &err);
	answers_t a2, a3, a4;
	answers_at(q, 2, &a2);
	answers_at(q, 3, &a3);
	answers_at(q, 4, &a4);
	stored_diag_t *sd;
	app_diag_get(&app, save(&app, q, o.id, &a3), &sd, &err);

	const int reps = 2000;
	peers_t *p = malloc(sizeof *p);
	t0 = now();
	for (int i = 0; i < reps; i++)
		app_peers(&app, sd, p, &err);
	double stats = (now() - t0) / reps;
	/* the exact count (what a page shows is the month's protected release) */
	pool_key_t all = { .dim = DIM_ALL, .value = "all" };
	snprintf(all.questionnaire, sizeof all.questionnaire, "%s", q->id);
	snprintf(all.version, sizeof all.version, "%s", q->version);
	pool_agg_t exact;
	char month[8], from[8];
	app_this_month(&app, month, from);
	store_pool_agg(app.store, &all, from, &exact);
	long pooled = (long)exact.n;

	/* first contributions of new companies, then re-diagnoses replacing them; the first 100
	 * of each are a warm-up (a cold page cache is not what a running server sees) */
	enum { saves = 1100, warm = 100 };
	static int64_t ids[saves];
	for (int i = 0; i < saves; i++) {
		org_t x = o;
		app_org_create(&app, &x, &err);
		ids[i] = x.id;
	}
	for (int i = 0; i < warm; i++)
		save(&app, q, ids[i], &a2);
	t0 = now();
	for (int i = warm; i < saves; i++)
		save(&app, q, ids[i], &a2);
	double save_first = (now() - t0) / (saves - warm);
	for (int i = 0; i < warm; i++)
		save(&app, q, ids[i], &a4);
	t0 = now();
	for (int i = warm; i < saves; i++)
		save(&app, q, ids[i], &a4);
	double save_again = (now() - t0) / (saves - warm);
	store_pool_agg(app.store, &all, from, &exact);
	printf("pool=%ld fill_s=%.1f peers_us=%.1f save_first_us=%.0f save_replace_us=%.0f pooled_after=%lld\n", pooled, filled,
	       stats * 1e6, save_first * 1e6, save_again * 1e6, (long long)exact.n);
	stored_diag_free(sd);
	free(p);
	free(buckets);
	store_close(s);
	content_free(&c);
	return 0;
}
