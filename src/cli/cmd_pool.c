/*
 * cmd_pool.c — `mamoru pool`: the benchmark's peer pool.
 *
 *   mamoru pool stats [--json]   sample sizes per questionnaire, dimension and value
 *   mamoru pool export FILE      the aggregates of the last 24 months, without any group
 *                                smaller than the privacy threshold: no company is named
 *   mamoru pool import FILE      adds a published pool as a read-only baseline
 *   mamoru pool withdraw ORG_ID  takes a company's contributions out of the pool
 */
#include <stdio.h>
#include <string.h>

#include "app/pool.h"
#include "cli/cli.h"
#include "input/pool_file.h"
#include "report/benchmark_json.h"

typedef struct {
	cli_t *cli;
	json_t *list;
	int min_group;
	bool text, export;
} walk_t;

static bool each(const pool_key_t *k, const pool_agg_t *a, void *arg)
{
	walk_t *w = arg;
	pool_stats_t st;
	pool_stats(a, w->min_group, &st);
	if (w->export) {
		if (st.shown)
			json_array_append_new(w->list, pool_agg_json(k, a));
	} else if (w->text) {
		printf("%-16s %-10s %-14s %-8s %8lld", k->questionnaire, k->version, POOL_DIM_IDS[k->dim], k->value, (long long)a->n);
		if (st.shown)
			printf("  %8.1f  %6.1f\n", st.mean, st.sd);
		else
			printf("  %s\n", ui(&w->cli->content, "pool_hidden", w->cli->lang));
	} else {
		json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:I, s:b}", "questionnaire", k->questionnaire, "version", k->version,
				      "dimension", POOL_DIM_IDS[k->dim], "value", k->value, "n", (json_int_t)a->n, "shown", st.shown);
		if (st.shown) {
			json_object_set_new(o, "mean", json_real(st.mean));
			json_object_set_new(o, "sd", json_real(st.sd));
		}
		json_array_append_new(w->list, o);
	}
	return true;
}

int cmd_pool(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (!strcmp(sub, "withdraw")) {
		org_t o;
		int n, rc = argc == 3 ? cli_org(cli, argv[2], &o)
				      : cli_error(cli, EXIT_USAGE, "使い方: mamoru pool withdraw 組織ID", "usage: mamoru pool withdraw ORG_ID");
		err_t e;
		if (rc != EXIT_OK)
			return rc;
		if (app_pool_withdraw(&cli->app, o.id, &n, &e) != 0)
			return cli_fail(cli, &e);
		printf(cli->lang == LANG_EN ? "%s left the pool (%d questionnaires)\n" : "%s はプールから抜けました（%d 診断）\n", o.name, n);
		return EXIT_OK;
	}
	bool stats = !strcmp(sub, "stats"), exp = !strcmp(sub, "export"), imp = !strcmp(sub, "import");
	if (!(stats && argc <= 3) && !((exp || imp) && argc == 3))
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru pool stats [--json] | pool export ファイル | pool import ファイル | pool withdraw 組織ID",
				 "usage: mamoru pool stats [--json] | pool export FILE | pool import FILE | pool withdraw ORG_ID");
	if (!cli_store(cli))
		return EXIT_RUNTIME;
	char month[8], from[8];
	app_this_month(&cli->app, month, from);
	err_t e;
	if (imp) {
		pool_file_t f;
		if (pool_file_read(argv[2], &f, &e) != 0)
			return cli_fail(cli, &e);
		int rc = app_pool_import(&cli->app, &f, &e);
		int n = f.n;
		pool_file_free(&f);
		if (rc != 0)
			return cli_error(cli, EXIT_RUNTIME, "取り込めませんでした: %s%.0s", "could not import: %.0s%s", e.ja, e.en);
		printf(cli->lang == LANG_EN ? "imported %d aggregates\n" : "%d 件の集計を取り込みました\n", n);
		return EXIT_OK;
	}
	bool as_json = argc == 3 && !strcmp(argv[2], "--json");
	if (stats && argc == 3 && !as_json)
		return cli_error(cli, EXIT_USAGE, "不明な引数「%s」", "unknown argument \"%s\"", argv[2]);
	walk_t w = { .cli = cli, .list = json_array(), .min_group = pool_min_group(), .text = stats && !as_json, .export = exp };
	if (w.text)
		printf("%s %s〜%s（%s %d）\n", ui(&cli->content, "pool_window", cli->lang), from, month,
		       ui(&cli->content, "pool_min_group", cli->lang), w.min_group);
	if (app_pool_each(&cli->app, each, &w, &e) != 0) {
		json_decref(w.list);
		return cli_fail(cli, &e);
	}
	if (w.text) {
		json_decref(w.list);
		return EXIT_OK;
	}
	if (stats) {
		cli_print_json(stdout, json_pack("{s:s, s:s, s:i, s:o}", "from", from, "to", month, "min_group", w.min_group,
						 "aggregates", w.list));
		return EXIT_OK;
	}
	json_t *doc = json_pack("{s:s, s:i, s:s, s:{s:s, s:s}, s:i, s:i, s:i, s:i, s:o}", "format", POOL_FILE_FORMAT,
				"format_version", POOL_FILE_VERSION, "exported", month, "window", "from", from, "to", month,
				"min_group", w.min_group, "histogram_bins", POOL_HBINS, "risk_bins", POOL_RBINS, "total_bins",
				POOL_TBINS, "aggregates", w.list);
	FILE *out = fopen(argv[2], "wx");
	if (!out) {
		json_decref(doc);
		return cli_error(cli, EXIT_USAGE, "「%s」に書き込めません（既にあるファイルは上書きしません）",
				 "cannot write \"%s\" (an existing file is never overwritten)", argv[2]);
	}
	int bad = json_dumpf(doc, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	bad |= fclose(out);
	json_decref(doc);
	if (bad) {
		remove(argv[2]);
		return cli_error(cli, EXIT_RUNTIME, "「%s」に書き込めませんでした", "could not write \"%s\"", argv[2]);
	}
	return EXIT_OK;
}
