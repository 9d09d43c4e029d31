/*
 * bench_store.c — storage figures for bench/README.md, measured in one process through the
 * real save path (src/app/diagnosis.c over src/store/sqlite*.c):
 *
 *   bench_store saves DB N        N saves of a scored 25-answer diagnosis, one transaction each
 *   bench_store history DB REPS   store_diag_list() of organisation 1, REPS times
 *
 * It prints one line of figures; bench/run.sh compares them with the sqlite3 shell doing the
 * same inserts in the same run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/diagnosis.h"
#include "app/org.h"
#include "content/loader.h"
#include "core/answers.h"
#include "store/store.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this process: the figure that other programs' disk traffic does not move */
static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc != 4)
		return fprintf(stderr, "usage: bench_store saves|history DB N\n"), 2;
	const char *dir = getenv("MAMORU_CONTENT");
	content_t c;
	load_errors_t errs = { 0 };
	if (content_load(dir ? dir : "content", &c, &errs))
		return load_error_print(stderr, dir ? dir : "content", &errs.e[0]), 1;
	store_t *s;
	err_t err;
	if (store_open(argv[2], &s, &err) != STORE_OK)
		return fprintf(stderr, "%s\n", err.en), 1;
	app_t app;
	actor_t who = app_cli_actor(1);
	app_init(&app, &c, s, &who);
	int n = atoi(argv[3]);
	if (!strcmp(argv[1], "saves")) {
		org_t o;
		org_init(&o);
		strcpy(o.name, "bench");
		if (app_org_create(&app, &o, &err) != 0)
			return fprintf(stderr, "%s\n", err.en), 1;
		const questionnaire_t *q = content_questionnaire(&c, "jisha-shindan");
		static const char *opts[] = { "yes", "partly", "no", "unknown" };
		answer_rec_t recs[25];
		for (int i = 0; i < 25; i++)
			recs[i] = (answer_rec_t){ .question = q->items[i].id, .answer = i >= 20 ? "yes" : opts[i % 4] };
		answers_t a;
		answer_errs_t ae;
		answers_resolve(q, recs, 25, true, &a, &ae);
		stored_diag_t meta = { .org_id = o.id, .role = ROLE_STAFF };
		strcpy(meta.scope, "全社");
		double t0 = now(), c0 = cpu();
		for (int i = 0; i < n; i++) { /* what every interface does: score, snapshot, save */
			result_view_t v;
			if (app_diag_run(&app, q, &a, &meta, true, &v, &err) != 0)
				return fprintf(stderr, "%s\n", err.en), 1;
			result_view_free(&v);
		}
		double t = now() - t0, spent = cpu() - c0;
		printf("saves=%d seconds=%.3f per_second=%.0f cpu_per_second=%.0f\n", n, t, n / t, n / spent);
	} else {
		double t0 = now();
		int count = 0;
		for (int r = 0; r < n; r++) {
			stored_diag_t **list;
			if (store_diag_list(s, 1, &list, &count) != STORE_OK)
				return fprintf(stderr, "%s\n", store_error(s)), 1;
			stored_diag_list_free(list, count);
		}
		double t = (now() - t0) / n;
		printf("history_diagnoses=%d ms_per_history=%.2f\n", count, t * 1000);
	}
	store_close(s);
	content_free(&c);
	load_errors_free(&errs);
	return 0;
}
