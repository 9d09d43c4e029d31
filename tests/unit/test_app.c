/*
 * test_app.c — the use cases in src/app over a store that fails: every store failure must
 * reach the caller as a clear error (ERR_STORE), never as an empty or partial result, and a
 * save that fails half-way must leave nothing behind. The failing store is the SQLite backend
 * with chosen operations replaced, which the table of operations (store.h) makes possible
 * without touching any backend code.
 */
#include "unit.h"

#include "app/compare.h"
#include "app/diagnosis.h"
#include "app/org.h"
#include "app/profile.h"
#include "core/answers.h"
#include "store/store.h"

static content_t C;
static char dir[64], path[128];
static store_t *S;
static app_t A;
static store_ops_t failing;                 /* the SQLite operations with some replaced */
static const store_ops_t *real_ops;

static store_rc_t fail_now(store_t *s)
{
	err_set(&s->err, ERR_STORE, "db", "テスト用の障害", "injected failure");
	return STORE_ERROR;
}
static store_rc_t fail_release_list(store_t *s, const char *from, pool_release_t **out, int *n)
{
	(void)from;
	*out = NULL;
	*n = 0;
	return fail_now(s);
}
static store_rc_t fail_member_put(store_t *s, int64_t org, const char *q, const pool_member_t *m)
{
	(void)org, (void)q, (void)m;
	return fail_now(s);
}
static store_rc_t fail_diag_get(store_t *s, int64_t id, stored_diag_t **out)
{
	(void)id;
	*out = NULL;
	return fail_now(s);
}
static store_rc_t fail_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg)
{
	(void)fn, (void)arg;
	return fail_now(s);
}
static store_rc_t fail_profile_get(store_t *s, int64_t org, org_profile_t *out)
{
	(void)org, (void)out;
	return fail_now(s);
}

static store_rc_t fail_by_id(store_t *s, int64_t id)
{
	(void)id;
	return fail_now(s);
}

static int setup(void **state)
{
	(void)state;
	load_real(&C);
	strcpy(dir, "/tmp/mamoru-app-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/m.db", dir);
	err_t e;
	assert_int_equal(store_open(path, &S, &e), STORE_OK);
	real_ops = S->ops;
	actor_t who = app_cli_actor(1);
	app_init(&A, &C, S, &who);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	S->ops = real_ops;
	store_close(S);
	content_free(&C);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

/* Each test starts from the real operations. */
static int real(void **state)
{
	(void)state;
	S->ops = real_ops;
	failing = *real_ops;
	return 0;
}

static void answers_all(const questionnaire_t *q, const char *option, answers_t *a)
{
	answers_clear(a);
	for (int i = 0; i < q->nitems; i++)
		for (int k = 0; k < q->aset->nopts; k++)
			if (!strcmp(q->aset->opts[k].id, option) && (q->items[i].allowed & (1u << k)))
				a->opt[i] = (signed char)k;
}

/* A pooled benchmark diagnosis of a new organisation; returns the diagnosis id. */
static int64_t saved(void)
{
	err_t e;
	org_t o;
	org_init(&o);
	strcpy(o.name, "障害テスト株式会社");
	o.employees = 30;
	assert_int_equal(app_org_create(&A, &o, &e), 0);
	const questionnaire_t *q = content_questionnaire(&C, "benchmark");
	answers_t a;
	answers_all(q, "3", &a);
	stored_diag_t meta = { .org_id = o.id, .pool = true };
	strcpy(meta.scope, "全社");
	result_view_t v;
	assert_int_equal(app_diag_run(&A, q, &a, &meta, true, &v, &e), 0);
	int64_t id = v.sd->id;
	assert_true(id > 0);
	result_view_free(&v);
	return id;
}

static void comparison_fails_instead_of_looking_empty(void **state)
{
	(void)state;
	int64_t id = saved();
	compare_view_t *v = malloc(sizeof *v);
	err_t e;
	assert_int_equal(app_compare(&A, id, v, &e), 0); /* the real store: one company, nothing published */
	assert_false(v->peers.st[DIM_ALL].shown);
	compare_view_free(v);
	failing.release_list = fail_release_list;
	S->ops = &failing;
	assert_int_equal(app_compare(&A, id, v, &e), -1);
	assert_int_equal(e.code, ERR_STORE);
	assert_int_equal(err_http_status(e.code), 500);
	assert_non_null(strstr(e.en, "injected failure"));
	free(v);
}

/* The number of companies in the pool's "all" group of diagnosis id's questionnaire: the exact
 * count in the store (what a user sees is a rounded release of it). */
static long long pooled(int64_t id)
{
	stored_diag_t *sd;
	err_t e;
	assert_int_equal(app_diag_get(&A, id, &sd, &e), 0);
	pool_key_t k = { .dim = DIM_ALL, .value = "all" };
	snprintf(k.questionnaire, sizeof k.questionnaire, "%s", sd->questionnaire);
	snprintf(k.version, sizeof k.version, "%s", sd->version);
	stored_diag_free(sd);
	pool_agg_t a;
	assert_int_equal(store_pool_agg(S, &k, "2000-01", &a), STORE_OK);
	return a.n;
}

static void failed_pool_update_saves_nothing(void **state)
{
	(void)state;
	int64_t before = saved();
	long long n = pooled(before);
	err_t e;
	stored_diag_t *first;
	assert_int_equal(app_diag_get(&A, before, &first, &e), 0);
	const questionnaire_t *q = content_questionnaire(&C, "benchmark");
	answers_t a;
	answers_all(q, "5", &a);
	stored_diag_t meta = { .org_id = first->org_id, .pool = true };
	strcpy(meta.scope, "全社");
	stored_diag_free(first);
	failing.member_put = fail_member_put;
	S->ops = &failing;
	result_view_t v;
	assert_int_equal(app_diag_run(&A, q, &a, &meta, true, &v, &e), -1);
	assert_int_equal(e.code, ERR_STORE);
	assert_null(v.sd);
	S->ops = real_ops;
	/* the diagnosis row written before the failure was rolled back with it ... */
	stored_diag_t *sd;
	assert_int_equal(store_diag_get(S, before + 1, &sd), STORE_NOT_FOUND);
	/* ... and the pool still holds the earlier contribution, once */
	assert_int_equal(pooled(before), n);
	/* the same save with a working store replaces that contribution: still counted once */
	assert_int_equal(app_diag_run(&A, q, &a, &meta, true, &v, &e), 0);
	assert_int_equal(pooled(v.sd->id), n);
	result_view_free(&v);
}

/* A delete that fails after the pool's share was taken out leaves the pool, the diagnosis and
 * the organisation as they were. */
static void failed_deletes_change_nothing(void **state)
{
	(void)state;
	int64_t id = saved(), other = saved(); /* the other company's result shows the pool */
	long long n = pooled(other);
	err_t e;
	stored_diag_t *sd;
	assert_int_equal(app_diag_get(&A, id, &sd, &e), 0);
	int64_t org = sd->org_id;
	stored_diag_free(sd);
	failing.diag_delete = fail_by_id;
	failing.org_delete = fail_by_id;
	S->ops = &failing;
	assert_int_equal(app_diag_delete(&A, id, &e), -1);
	assert_int_equal(e.code, ERR_STORE);
	assert_int_equal(app_org_delete(&A, org, &e), -1);
	assert_int_equal(e.code, ERR_STORE);
	S->ops = real_ops;
	assert_int_equal(pooled(other), n);
	assert_int_equal(app_diag_get(&A, id, &sd, &e), 0);
	stored_diag_free(sd);
	/* with a working store the diagnosis goes, and its share with it */
	assert_int_equal(app_diag_delete(&A, id, &e), 0);
	assert_int_equal(pooled(other), n - 1);
	assert_int_equal(app_diag_delete(&A, id, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_int_equal(app_org_delete(&A, org, &e), 0);
	org_t o;
	assert_int_equal(app_org_get(&A, org, &o, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
}

static void reads_that_fail_are_not_not_found(void **state)
{
	(void)state;
	int64_t id = saved();
	failing.diag_get = fail_diag_get;
	failing.org_list = fail_org_list;
	failing.profile_get = fail_profile_get;
	S->ops = &failing;
	err_t e;
	result_view_t v;
	assert_int_equal(app_diag_view(&A, id, &v, &e), -1);
	assert_int_equal(e.code, ERR_STORE); /* not ERR_NOT_FOUND: the diagnosis exists */
	stored_diag_t **list;
	int n;
	assert_int_equal(app_org_history(&A, 1, &list, &n, &e), -1);
	assert_int_equal(e.code, ERR_STORE);
	assert_int_equal(app_org_each(&A, NULL, NULL, &e), -1);
	assert_int_equal(e.code, ERR_STORE);
	org_t o;
	S->ops = real_ops;
	assert_int_equal(app_org_get(&A, 1, &o, &e), 0);
	S->ops = &failing;
	profile_answers_t pa;
	risk_t r;
	assert_int_equal(app_company_risk(&A, &o, &pa, &r, &e), -1);
	assert_int_equal(e.code, ERR_STORE);
	/* a save for this company fails the same way and stores nothing */
	const questionnaire_t *q = content_questionnaire(&C, "jisha-shindan");
	answers_t a;
	answers_all(q, "yes", &a);
	stored_diag_t meta = { .org_id = o.id };
	strcpy(meta.scope, "全社");
	assert_int_equal(app_diag_run(&A, q, &a, &meta, true, &v, &e), -1);
	assert_int_equal(e.code, ERR_STORE);
}

static void unknown_ids_are_not_found(void **state)
{
	(void)state;
	err_t e;
	org_t o;
	assert_int_equal(app_org_get(&A, 999, &o, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_string_equal(e.field, "organization_id");
	result_view_t v;
	assert_int_equal(app_diag_view(&A, 999, &v, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	/* a diagnosis for an organisation that does not exist is bad input, and saves nothing */
	const questionnaire_t *q = content_questionnaire(&C, "jisha-shindan");
	answers_t a;
	answers_all(q, "yes", &a);
	stored_diag_t meta = { .org_id = 999 };
	strcpy(meta.scope, "全社");
	assert_int_equal(app_diag_run(&A, q, &a, &meta, true, &v, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "organization_id");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(comparison_fails_instead_of_looking_empty, real),
		cmocka_unit_test_setup(failed_pool_update_saves_nothing, real),
		cmocka_unit_test_setup(failed_deletes_change_nothing, real),
		cmocka_unit_test_setup(reads_that_fail_are_not_not_found, real),
		cmocka_unit_test_setup(unknown_ids_are_not_found, real),
	};
	return cmocka_run_group_tests_name("app", tests, setup, teardown);
}
