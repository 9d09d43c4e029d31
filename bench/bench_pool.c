/*
 * bench_pool.c — the benchmark pool's cost at a small and a large pool (bench/README.md), both
 * in one process, measured in interleaved rounds so that whatever else the machine does hits
 * both sizes alike. Each pool lives in a database of its own that is never a user's:
 *
 *   bench_pool DB_A N_A DB_B N_B [ROUNDS]   e.g. 1,000 and 1,000,000 companies, 5 rounds
 *
 * Each round times, on A and on B taking turns every 20 calls (the order alternating):
 *   - app_peers(): one result page's peer statistics (all five groups), 2,000 calls;
 *   - app_diag_run() saving a pooled 25-answer benchmark diagnosis (score, snapshot, save and
 *     pool, as every interface does): 200 companies' first contributions, then the same 200
 *     re-diagnosing (the earlier contribution out, the new one in);
 * and prints B ÷ A for each; the end gives min/median/max of the per-round ratios.
 *
 * Checked, or the run fails: every call returns success; the peers come from a release that
 * publishes the whole pool's group (n > 0, and more companies in B than in A); every first
 * contribution adds exactly one company to the pool's exact count and re-diagnoses add none.
 *
 * The fill writes what N pooled saves leave behind — N organisations, N diagnosis rows WITH
 * their 25 answer rows and 5 category rows naming the titles stored once (copied from snapshots mamoru saved of the same
 * questionnaire, so every row is the size of a real one), N pool_members rows and the monthly
 * aggregates of N random results spread over 24 months and every size band, industry and risk
 * group — in bulk, because N real saves would take hours without changing what is measured.
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
#define LEVELS 5
#define PEER_CALLS 2000
#define SAVES 200 /* per round and pool: first contributions, then as many re-diagnoses */
#define WARM 100  /* saves before the first round: a cold page cache is not what a server sees */
#define CHUNK 20  /* calls in one turn of A or B (PEER_CALLS and SAVES are multiples of it) */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void fail(const char *what, const char *why)
{
	fprintf(stderr, "bench_pool: FAIL: %s: %s\n", what, why);
	exit(1);
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
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail(sql, msg);
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail(sql, sqlite3_errmsg(db));
	return st;
}

static void step(sqlite3 *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		fail(sqlite3_sql(st), sqlite3_errmsg(db));
	sqlite3_reset(st);
}

/* N synthetic companies straight into the tables a pooled save keeps (src/app/pool.c and
 * src/store/sqlite_diag.c); tmpl[l] is a snapshot of the questionnaire answered at level l+1,
 * whose rows each synthetic answer copies. */
static void fill(const char *path, const content_t *c, const questionnaire_t *q, long n, stored_diag_t *const tmpl[LEVELS])
{
	static const char *const groups[] = { "gi", "gii", "giii" };
	const stored_diag_t *mid = tmpl[LEVELS / 2];
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		fail(path, "cannot open");
	/* a throwaway database: no journal while filling (mamoru's store turns WAL on again when it opens it) */
	exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000; BEGIN");
	sqlite3_stmt *org = prep(db, "INSERT INTO organizations (name, industry, employees, created_at, updated_at) "
				     "VALUES ('b', ?, ?, 'x', 'x')");
	sqlite3_stmt *diag = prep(db, "INSERT INTO diagnoses (organization_id, questionnaire, content_version, round, scope, pool, "
				      "total, max, min, band_id, band_ja, band_en, created_at, risk_index, risk_group, size_band, "
				      "industry, profile) VALUES (?, 'benchmark', ?, ?, '全社', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	sqlite3_stmt *ans = prep(db, "INSERT INTO diagnosis_answers (diagnosis_id, position, question, category, option, points, "
				     "full, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	sqlite3_stmt *cat = prep(db, "INSERT INTO diagnosis_categories (diagnosis_id, position, title_id, total, max) "
				     "VALUES (?, ?, ?, ?, ?)");
	/* the categories' titles, stored once as a save stores them (schema 20), and their ids */
	sqlite3_stmt *title = prep(db, "INSERT INTO category_titles (category, title_ja, title_en) VALUES (?1, ?2, ?3) "
				       "ON CONFLICT DO NOTHING RETURNING id");
	sqlite3_stmt *title_id = prep(db, "SELECT id FROM category_titles WHERE category = ?1 AND title_ja = ?2 AND title_en = ?3");
	int64_t title_ids[64] = { 0 };
	for (int x = 0; x < mid->ncats && x < 64; x++) {
		const sd_category_t *sc = &mid->cats[x];
		sqlite3_stmt *st[2] = { title, title_id };
		for (int k = 0; k < 2 && !title_ids[x]; k++) {
			sqlite3_reset(st[k]);
			sqlite3_bind_text(st[k], 1, sc->id, -1, SQLITE_STATIC);
			sqlite3_bind_text(st[k], 2, sc->title_ja, -1, SQLITE_STATIC);
			sqlite3_bind_text(st[k], 3, sc->title_en, -1, SQLITE_STATIC);
			if (sqlite3_step(st[k]) == SQLITE_ROW)
				title_ids[x] = sqlite3_column_int64(st[k], 0);
			sqlite3_reset(st[k]);
		}
		if (!title_ids[x])
			fail(path, "cannot store a category's titles");
	}
	sqlite3_finalize(title);
	sqlite3_finalize(title_id);
	sqlite3_stmt *mem = prep(db, "INSERT INTO pool_members (organization_id, questionnaire, diagnosis_id, contribution) "
				     "VALUES (?, 'benchmark', ?, ?)");
	srand(1);
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	for (long i = 1; i <= n; i++) {
		pool_contrib_t k = { .min = 25, .max = 125, .nitems = q->nitems, .risk = rand() % 101 };
		int level[MAX_ITEMS];
		for (int j = 0; j < q->nitems; j++) {
			level[j] = rand() % LEVELS;
			k.points[j] = (signed char)tmpl[level[j]]->answers[j].points;
			k.full[j] = k.points[j] == tmpl[level[j]]->answers[j].full;
			k.high[j] = k.points[j] >= tmpl[level[j]]->answers[j].full - 1; /* "4 or 5", as a save counts it */
			k.total += k.points[j];
		}
		int ago = rand() % MONTHS, m = tm.tm_year * 12 + tm.tm_mon - ago;
		pool_window_start(1900 + m / 12, m % 12 + 1, 1, k.month);
		const industry_t *ind = &c->industries[rand() % c->nindustries];
		int band = rand() % c->nsize_bands;
		const char *group = groups[rand() % 3];
		snprintf(k.value[DIM_ALL], sizeof k.value[DIM_ALL], "all");
		snprintf(k.value[DIM_GROUP], sizeof k.value[DIM_GROUP], "%s", group);
		snprintf(k.value[DIM_SIZE], sizeof k.value[DIM_SIZE], "%s", c->size_bands[band].id);
		snprintf(k.value[DIM_INDUSTRY], sizeof k.value[DIM_INDUSTRY], "%s", ind->code);
		snprintf(k.value[DIM_LIKE], sizeof k.value[DIM_LIKE], "%s/%s", c->size_bands[band].id, ind->code);
		for (int d = 0; d < DIM_COUNT; d++)
			pool_add(bucket(d, k.value[d], q->version, k.month), &k, +1);
		char created[32];
		snprintf(created, sizeof created, "%s-15T00:00:00Z", k.month);
		sqlite3_bind_text(org, 1, ind->code, -1, SQLITE_STATIC);
		sqlite3_bind_int(org, 2, c->size_bands[band].max > 0 ? c->size_bands[band].max : 500);
		step(db, org);
		int64_t org_id = sqlite3_last_insert_rowid(db);
		int b = 1;
		sqlite3_bind_int64(diag, b++, org_id);
		sqlite3_bind_text(diag, b++, q->version, -1, SQLITE_STATIC);
		sqlite3_bind_text(diag, b++, k.month, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(diag, b++, k.total);
		sqlite3_bind_int(diag, b++, mid->max);
		sqlite3_bind_int(diag, b++, mid->min);
		sqlite3_bind_text(diag, b++, mid->band_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(diag, b++, mid->band_ja, -1, SQLITE_STATIC);
		sqlite3_bind_text(diag, b++, mid->band_en, -1, SQLITE_STATIC);
		sqlite3_bind_text(diag, b++, created, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(diag, b++, k.risk);
		sqlite3_bind_text(diag, b++, group, -1, SQLITE_STATIC);
		sqlite3_bind_text(diag, b++, c->size_bands[band].id, -1, SQLITE_STATIC);
		sqlite3_bind_text(diag, b++, ind->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(diag, b++, mid->profile, -1, SQLITE_STATIC);
		step(db, diag);
		int64_t diag_id = sqlite3_last_insert_rowid(db);
		int cat_total[64] = { 0 };
		for (int j = 0; j < q->nitems; j++) {
			const sd_answer_t *a = &tmpl[level[j]]->answers[j];
			sqlite3_bind_int64(ans, 1, diag_id);
			sqlite3_bind_int(ans, 2, j);
			sqlite3_bind_text(ans, 3, a->question, -1, SQLITE_STATIC);
			sqlite3_bind_text(ans, 4, a->category, -1, SQLITE_STATIC);
			sqlite3_bind_text(ans, 5, a->option, -1, SQLITE_STATIC);
			sqlite3_bind_int(ans, 6, a->points);
			sqlite3_bind_int(ans, 7, a->full);
			sqlite3_bind_text(ans, 8, a->note, -1, SQLITE_STATIC);
			step(db, ans);
			for (int x = 0; x < mid->ncats && x < 64; x++)
				if (!strcmp(mid->cats[x].id, a->category))
					cat_total[x] += a->points;
		}
		for (int x = 0; x < mid->ncats && x < 64; x++) {
			const sd_category_t *sc = &mid->cats[x];
			sqlite3_bind_int64(cat, 1, diag_id);
			sqlite3_bind_int(cat, 2, x);
			sqlite3_bind_int64(cat, 3, title_ids[x]);
			sqlite3_bind_int(cat, 4, cat_total[x]);
			sqlite3_bind_int(cat, 5, sc->max);
			step(db, cat);
		}
		char contrib[POOL_CONTRIB_TEXT];
		snprintf(k.questionnaire, sizeof k.questionnaire, "benchmark");
		snprintf(k.version, sizeof k.version, "%s", q->version);
		pool_contrib_to_text(&k, contrib, sizeof contrib);
		sqlite3_bind_int64(mem, 1, org_id);
		sqlite3_bind_int64(mem, 2, diag_id);
		sqlite3_bind_text(mem, 3, contrib, -1, SQLITE_TRANSIENT);
		step(db, mem);
	}
	sqlite3_stmt *put = prep(db, "INSERT INTO pool_agg VALUES (?, ?, ?, ?, ?, 0, ?)");
	for (int i = 0; i < nbuckets; i++) {
		int64_t w[POOL_WORDS_MAX];
		size_t len = pool_encode(&buckets[i].agg, w);
		sqlite3_bind_text(put, 1, buckets[i].key.questionnaire, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 2, buckets[i].key.version, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 3, POOL_DIM_IDS[buckets[i].key.dim], -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 4, buckets[i].key.value, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 5, buckets[i].month, -1, SQLITE_STATIC);
		sqlite3_bind_blob(put, 6, w, (int)(len * sizeof *w), SQLITE_TRANSIENT);
		step(db, put);
	}
	sqlite3_finalize(org);
	sqlite3_finalize(diag);
	sqlite3_finalize(ans);
	sqlite3_finalize(cat);
	sqlite3_finalize(mem);
	sqlite3_finalize(put);
	exec(db, "COMMIT; ANALYZE; PRAGMA journal_mode = WAL");
	sqlite3_close(db);
}

/* Answers every question of q with option `level` (1-5). */
static void answers_at(const questionnaire_t *q, int level, answers_t *a)
{
	answers_clear(a);
	for (int i = 0; i < q->nitems; i++)
		a->opt[i] = (signed char)(level - 1);
}

/* Scores and saves a diagnosis of org the way every interface does (src/app). */
static int64_t save(app_t *app, const questionnaire_t *q, int64_t org, const answers_t *a, bool pool)
{
	stored_diag_t meta = { .org_id = org, .pool = pool };
	strcpy(meta.scope, "全社");
	result_view_t v;
	err_t e;
	if (app_diag_run(app, q, a, &meta, true, &v, &e) != 0)
		fail("save", e.en);
	int64_t id = v.sd->id;
	result_view_free(&v);
	return id;
}

/* One pool: its database, the application over it, its own company and the companies whose
 * saves are timed. */
typedef struct {
	const char *path;
	long n;
	store_t *s;
	app_t app;
	actor_t who;
	org_t o;
	stored_diag_t *sd;
	peers_t p;
	int64_t *ids;
	int next;
	double fill_s;
	pool_key_t all;
	char from[8];
} side_t;

static int64_t pooled(side_t *x)
{
	pool_agg_t exact;
	if (store_pool_agg(x->app.store, &x->all, x->from, &exact) != STORE_OK)
		fail(x->path, store_error(x->app.store));
	return exact.n;
}

static void open_side(side_t *x)
{
	err_t err;
	if (store_open(x->path, &x->s, &err) != STORE_OK)
		fail(x->path, err.en);
	x->who = app_cli_actor(1);
}

static void setup(side_t *x, content_t *c, const questionnaire_t *q, int rounds)
{
	err_t err;
	/* the schema, and snapshots of the questionnaire at every level for the fill to copy */
	open_side(x);
	app_init(&x->app, c, x->s, &x->who);
	org_t t;
	org_init(&t);
	strcpy(t.name, "template");
	if (app_org_create(&x->app, &t, &err) != 0)
		fail("org", err.en);
	stored_diag_t *tmpl[LEVELS];
	for (int l = 0; l < LEVELS; l++) {
		answers_t a;
		answers_at(q, l + 1, &a);
		if (app_diag_get(&x->app, save(&x->app, q, t.id, &a, false), &tmpl[l], &err) != 0)
			fail("template", err.en);
		if (tmpl[l]->nanswers != q->nitems)
			fail("template", "a snapshot without every answer");
	}
	store_close(x->s);
	nbuckets = 0;
	double t0 = now();
	fill(x->path, c, q, x->n, tmpl);
	x->fill_s = now() - t0;
	for (int l = 0; l < LEVELS; l++)
		stored_diag_free(tmpl[l]);

	open_side(x);
	app_init(&x->app, c, x->s, &x->who);
	/* a company of its own, with a profile, saved once so its peers can be read */
	org_init(&x->o);
	strcpy(x->o.name, "bench");
	strcpy(x->o.industry, "E");
	x->o.employees = 30;
	x->o.sites = 1;
	if (app_org_create(&x->app, &x->o, &err) != 0)
		fail("org", err.en);
	profile_answers_t pa;
	if (profile_from_json(c->profile,
			      "{\"sales\":\"lt1b\",\"personal_info\":\"lt5k\",\"secrets\":\"some\",\"it_dependence\":\"day\","
			      "\"online_sales\":\"none\",\"public_servers\":\"hosted\",\"cloud\":\"some\",\"remote_work\":\"some\","
			      "\"outsourcing\":\"some\",\"partner_requirements\":\"asked\",\"it_staff\":\"parttime\",\"incidents\":\"none\"}",
			      true, &pa, &err) != 0 ||
	    app_profile_save(&x->app, &x->o, &pa, false, &err) != 0)
		fail("profile", err.en);
	answers_t a3;
	answers_at(q, 3, &a3);
	if (app_diag_get(&x->app, save(&x->app, q, x->o.id, &a3, true), &x->sd, &err) != 0)
		fail("diagnosis", err.en);
	int need = WARM + rounds * SAVES;
	x->ids = calloc((size_t)need, sizeof *x->ids);
	for (int i = 0; i < need; i++) {
		org_t y = x->o;
		if (app_org_create(&x->app, &y, &err) != 0)
			fail("org", err.en);
		x->ids[i] = y.id;
	}
	x->all = (pool_key_t){ .dim = DIM_ALL, .value = "all" };
	snprintf(x->all.questionnaire, sizeof x->all.questionnaire, "%s", q->id);
	snprintf(x->all.version, sizeof x->all.version, "%s", q->version);
	char month[8];
	app_this_month(&x->app, month, x->from);
}

/* n calls of app_peers(); returns seconds in all */
static double time_peers(side_t *x, int n)
{
	err_t err;
	double t0 = now();
	for (int i = 0; i < n; i++)
		if (app_peers(&x->app, x->sd, &x->p, &err) != 0)
			fail("peers", err.en);
	double t = now() - t0;
	if (!x->p.release || x->p.st[DIM_ALL].n <= 0)
		fail("peers", "no published statistics for the whole pool");
	return t;
}

/* count saves of the next companies: first contributions (again = false), or re-diagnoses of
 * the companies of the round's first contributions (again = true, `from` their first index);
 * returns seconds in all, and checks the pool's count */
static double time_saves(side_t *x, const questionnaire_t *q, int count, bool again, int from)
{
	answers_t a;
	answers_at(q, again ? 4 : 2, &a);
	if (!again)
		from = x->next;
	int64_t before = pooled(x);
	double t0 = now();
	for (int i = 0; i < count; i++)
		save(&x->app, q, x->ids[from + i], &a, true);
	double t = now() - t0;
	int64_t after = pooled(x);
	if (after - before != (again ? 0 : count)) {
		char why[160];
		snprintf(why, sizeof why, "the pool grew by %lld for %d %s", (long long)(after - before), count,
			 again ? "re-diagnoses (expected 0)" : "first contributions");
		fail(x->path, why);
	}
	if (!again)
		x->next += count;
	return t;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void summary(const char *what, double *r, int n)
{
	qsort(r, (size_t)n, sizeof *r, cmp);
	double med = n % 2 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
	printf("B / A, %s, over %d rounds: min %.2f, median %.2f, max %.2f\n", what, n, r[0], med, r[n - 1]);
}

int main(int argc, char **argv)
{
	if (argc != 5 && argc != 6)
		return fprintf(stderr, "usage: bench_pool DB_A N_A DB_B N_B [ROUNDS]\n"), 2;
	const char *dir = getenv("MAMORU_CONTENT");
	content_t c;
	load_errors_t errs = { 0 };
	if (content_load(dir ? dir : "content", &c, &errs))
		return load_error_print(stderr, dir ? dir : "content", &errs.e[0]), 1;
	const questionnaire_t *q = content_questionnaire(&c, "benchmark");
	int rounds = argc == 6 ? atoi(argv[5]) : 5;
	if (rounds < 1 || rounds > 100)
		return fprintf(stderr, "ROUNDS: 1 to 100\n"), 2;
	buckets = calloc(KEYS, sizeof *buckets);
	static side_t side[2];
	side[0] = (side_t){ .path = argv[1], .n = atol(argv[2]) };
	side[1] = (side_t){ .path = argv[3], .n = atol(argv[4]) };
	for (int k = 0; k < 2; k++) {
		setup(&side[k], &c, q, rounds);
		printf("%s: %ld companies filled with answer and category rows in %.1f s; %lld in the pool's current window\n",
		       k ? "B" : "A", side[k].n, side[k].fill_s, (long long)pooled(&side[k]));
		fflush(stdout);
	}
	answers_t a2;
	answers_at(q, 2, &a2);
	for (int k = 0; k < 2; k++) { /* warm-up; the first peers call makes the month's release */
		err_t err;
		if (app_peers(&side[k].app, side[k].sd, &side[k].p, &err) != 0)
			fail("peers", err.en);
		for (int i = 0; i < WARM; i++)
			save(&side[k].app, q, side[k].ids[side[k].next++], &a2, true);
	}

	double rp[100], rf[100], rr[100];
	for (int r = 0; r < rounds; r++) {
		/* A and B take turns every CHUNK calls, so a burst of other work on the machine
		 * lands on both; the order within each turn alternates too */
		double peers[2] = { 0 }, first[2] = { 0 }, again[2] = { 0 };
		int start[2] = { side[0].next, side[1].next };
		for (int t = 0; t < PEER_CALLS / CHUNK; t++)
			for (int j = 0; j < 2; j++) {
				int k = (r + t + j) % 2;
				peers[k] += time_peers(&side[k], CHUNK) / PEER_CALLS;
			}
		for (int t = 0; t < SAVES / CHUNK; t++)
			for (int j = 0; j < 2; j++) {
				int k = (r + t + j) % 2;
				first[k] += time_saves(&side[k], q, CHUNK, false, 0) / SAVES;
			}
		for (int t = 0; t < SAVES / CHUNK; t++)
			for (int j = 0; j < 2; j++) {
				int k = (r + t + j) % 2;
				again[k] += time_saves(&side[k], q, CHUNK, true, start[k] + t * CHUNK) / SAVES;
			}
		if (side[1].p.st[DIM_ALL].n <= side[0].p.st[DIM_ALL].n)
			fail("peers", "the large pool's published group is not larger than the small one's");
		rp[r] = peers[1] / peers[0];
		rf[r] = first[1] / first[0];
		rr[r] = again[1] / again[0];
		printf("round %d: peers %.1f / %.1f µs (%.2f); first save %.0f / %.0f µs (%.2f); re-diagnosis %.0f / %.0f µs (%.2f)\n",
		       r + 1, peers[0] * 1e6, peers[1] * 1e6, rp[r], first[0] * 1e6, first[1] * 1e6, rf[r], again[0] * 1e6,
		       again[1] * 1e6, rr[r]);
		fflush(stdout);
	}
	printf("published whole-pool group: A n=%lld, B n=%lld\n", (long long)side[0].p.st[DIM_ALL].n,
	       (long long)side[1].p.st[DIM_ALL].n);
	summary("peer statistics", rp, rounds);
	summary("pooled save, first contribution", rf, rounds);
	summary("pooled save, re-diagnosis", rr, rounds);
	for (int k = 0; k < 2; k++) {
		stored_diag_free(side[k].sd);
		free(side[k].ids);
		store_close(side[k].s);
	}
	free(buckets);
	content_free(&c);
	load_errors_free(&errs);
	return 0;
}
