/*
 * cmd_pool.c — `mamoru pool`: the benchmark's peer pool.
 *
 *   mamoru pool stats [--json]   the exact sample sizes, means and σ per questionnaire,
 *                                dimension and value (for administrators: the database's own
 *                                numbers), whether the current release publishes each, the
 *                                releases of the window with their privacy cost, and the
 *                                sources the pool holds
 *   mamoru pool release          makes a new release now (each one costs privacy: see stats)
 *   mamoru pool export FILE      this month's release: protected aggregates only
 *   mamoru pool import FILE      adds a published pool as a read-only baseline (a file from
 *                                the same source replaces the earlier import)
 *   mamoru pool withdraw ORG_ID  takes a company's contributions out of the pool
 *
 * What is protected and how: docs/benchmark-model.md §5.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/pool.h"
#include "app/pool_release.h"
#include "cli/cli.h"
#include "core/pool_privacy.h"
#include "input/pool_file.h"
#include "report/benchmark_json.h"

typedef struct {
	pool_key_t *keys;
	int n, cap;
} keys_t;

static bool same_key(const pool_key_t *a, const pool_key_t *b)
{
	return a->dim == b->dim && !strcmp(a->questionnaire, b->questionnaire) && !strcmp(a->version, b->version) &&
	       !strcmp(a->value, b->value);
}

static bool keep_key(const pool_key_t *k, const pool_agg_t *a, void *arg)
{
	(void)a;
	keys_t *ks = arg;
	if (ks->n == ks->cap) {
		ks->cap = ks->cap ? ks->cap * 2 : 64;
		pool_key_t *grown = realloc(ks->keys, (size_t)ks->cap * sizeof *grown);
		if (!grown)
			abort();
		ks->keys = grown;
	}
	ks->keys[ks->n++] = *k;
	return true;
}

typedef struct {
	cli_t *cli;
	json_t *list;
	bool text;
	const keys_t *published;
} walk_t;

static bool stat_each(const pool_key_t *k, const pool_agg_t *a, void *arg)
{
	walk_t *w = arg;
	pool_stats_t st;
	pool_stats(a, 1, &st);
	bool pub = false;
	for (int i = 0; i < w->published->n && !pub; i++)
		pub = same_key(&w->published->keys[i], k);
	const char *status = ui(&w->cli->content, pub ? "pool_published" : "pool_not_published", w->cli->lang);
	if (w->text) {
		printf("%-16s %-10s %-14s %-8s %8lld", k->questionnaire, k->version, POOL_DIM_IDS[k->dim], k->value, (long long)a->n);
		if (a->n > 0)
			printf("  %8.1f  %6.1f", st.mean, st.sd);
		printf("  %s\n", status);
	} else {
		json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:I, s:b}", "questionnaire", k->questionnaire, "version", k->version,
				      "dimension", POOL_DIM_IDS[k->dim], "value", k->value, "n", (json_int_t)a->n, "published", pub);
		if (a->n > 0) {
			json_object_set_new(o, "mean", json_real(st.mean));
			json_object_set_new(o, "sd", json_real(st.sd));
		}
		json_array_append_new(w->list, o);
	}
	return true;
}

static bool export_each(const pool_key_t *k, const pool_agg_t *a, void *arg)
{
	json_array_append_new(arg, pool_agg_json(k, a));
	return true;
}

/* The window's releases: how many, and what they cost each company together (ρ adds up). */
static json_t *budget(const pool_release_t *rel, int n)
{
	double rho = 0;
	for (int i = 0; i < n; i++)
		rho += rel[i].rho;
	return json_pack("{s:i, s:f, s:f, s:f}", "releases", n, "rho", rho, "epsilon", n ? pool_epsilon(rho, POOL_DELTA) : 0.0,
			 "delta", POOL_DELTA);
}

static json_t *release_json(const pool_release_t *r)
{
	return json_pack("{s:I, s:s, s:s, s:f, s:f, s:i, s:s}", "id", (json_int_t)r->id, "month", r->month, "created", r->created,
			 "rho", r->rho, "epsilon", pool_epsilon(r->rho, POOL_DELTA), "min_group", r->min_group, "made_by", r->made_by);
}

static int stats(cli_t *cli, bool as_json)
{
	err_t e;
	char month[8], from[8];
	app_this_month(&cli->app, month, from);
	pool_release_t *rel = NULL;
	pool_source_t *src = NULL;
	int nrel = 0, nsrc = 0;
	keys_t pub = { 0 };
	walk_t w = { .cli = cli, .list = json_array(), .text = !as_json, .published = &pub };
	int rc = app_release_list(&cli->app, &rel, &nrel, &e) == 0 && app_pool_sources(&cli->app, &src, &nsrc, &e) == 0 &&
			 (nrel == 0 || app_release_each(&cli->app, rel[nrel - 1].id, keep_key, &pub, &e) == 0)
		 ? 0
		 : -1;
	if (rc == 0 && w.text) {
		printf(CF(cli->lang, "%s %s〜%s（%s %d）\n"), ui(&cli->content, "pool_window", cli->lang), from, month,
		       ui(&cli->content, "pool_min_group", cli->lang), pool_min_group());
		printf("%s\n", ui(&cli->content, "pool_stats_exact", cli->lang));
	}
	if (rc == 0)
		rc = app_pool_each(&cli->app, stat_each, &w, &e);
	if (rc == 0 && w.text) {
		json_t *b = budget(rel, nrel);
		if (nrel)
			printf(cli->lang == LANG_EN ? "release %lld of %s (%s); %d releases in the window: rho %.1f, epsilon %.1f at delta 1e-6\n"
						    : "公開版 %lld（%s、%s）。集計期間の公開 %d 回: ρ %.1f、δ = 10⁻⁶ で ε %.1f\n",
			       (long long)rel[nrel - 1].id, rel[nrel - 1].month, rel[nrel - 1].made_by, nrel,
			       json_real_value(json_object_get(b, "rho")), json_real_value(json_object_get(b, "epsilon")));
		else
			printf("%s\n", ui(&cli->content, "pool_no_release", cli->lang));
		json_decref(b);
		printf(cli->lang == LANG_EN ? "this install: %s\n" : "このインストールの ID: %s\n", src[0].source);
		for (int i = 1; i < nsrc; i++)
			printf(cli->lang == LANG_EN ? "imported: %s, %s to %s, %d aggregates (%s)\n" : "取り込み: %s、%s〜%s、%d 件（%s）\n",
			       src[i].source, src[i].from, src[i].to, src[i].aggregates, CLI_WHEN(cli, src[i].imported));
	} else if (rc == 0) {
		json_t *sources = json_array();
		for (int i = 1; i < nsrc; i++)
			json_array_append_new(sources, json_pack("{s:s, s:s, s:s, s:I, s:i, s:s}", "source", src[i].source, "from",
								 src[i].from, "to", src[i].to, "release", (json_int_t)src[i].release,
								 "aggregates", src[i].aggregates, "imported", src[i].imported));
		cli_print_json(stdout, json_pack("{s:s, s:s, s:i, s:s, s:o, s:o, s:o, s:o}", "from", from, "to", month, "min_group",
						 pool_min_group(), "install", src[0].source, "release",
						 nrel ? release_json(&rel[nrel - 1]) : json_null(), "budget", budget(rel, nrel),
						 "sources", sources, "aggregates", json_incref(w.list)));
	}
	json_decref(w.list);
	free(pub.keys);
	free(rel);
	free(src);
	return rc == 0 ? EXIT_OK : cli_fail(cli, &e);
}

static int export(cli_t *cli, const char *path)
{
	err_t e;
	pool_release_t r, *rel = NULL;
	pool_source_t *src = NULL;
	int nrel = 0, nsrc = 0;
	json_t *list = json_array();
	if (app_pool_sources(&cli->app, &src, &nsrc, &e) != 0 || app_release_current(&cli->app, &r, &e) != 0 ||
	    app_release_list(&cli->app, &rel, &nrel, &e) != 0 || (r.id && app_release_each(&cli->app, r.id, export_each, list, &e) != 0)) {
		json_decref(list);
		free(src);
		free(rel);
		return cli_fail(cli, &e);
	}
	if (!r.id) {
		json_decref(list);
		free(src);
		free(rel);
		return cli_error(cli, EXIT_USAGE, "比較母集団が空のため、書き出すものがありません", "the pool is empty: there is nothing to export");
	}
	char from[8];
	int m = pool_month_index(r.month) - (POOL_WINDOW_MONTHS - 1);
	pool_window_start(m / 12, m % 12 + 1, 1, from);
	/* the installs whose data this file holds besides this one: every import and what it held */
	json_t *contains = json_array();
	for (int i = 1; i < nsrc; i++) {
		char ids[POOL_CONTAINS_TEXT + 40];
		snprintf(ids, sizeof ids, "%s %s", src[i].source, src[i].contains);
		for (char *t = strtok(ids, " "); t; t = strtok(NULL, " ")) {
			bool seen = !strcmp(t, src[0].source);
			for (size_t k = 0; k < json_array_size(contains) && !seen; k++)
				seen = !strcmp(json_string_value(json_array_get(contains, k)), t);
			if (!seen)
				json_array_append_new(contains, json_string(t));
		}
	}
	json_t *privacy = json_pack("{s:s, s:f, s:f, s:f, s:f, s:i, s:o}", "mechanism", "gaussian, zero-concentrated differential privacy",
				    "noise_z", POOL_NOISE_Z, "rho", r.rho, "epsilon", pool_epsilon(r.rho, POOL_DELTA), "delta",
				    POOL_DELTA, "rounding", POOL_ROUND, "window", budget(rel, nrel));
	json_t *doc = json_pack("{s:s, s:i, s:s, s:I, s:o, s:s, s:{s:s, s:s}, s:i, s:i, s:i, s:i, s:i, s:o, s:o}", "format",
				POOL_FILE_FORMAT, "format_version", POOL_FILE_VERSION, "source", src[0].source, "release",
				(json_int_t)r.id, "contains", contains, "exported", r.month, "window", "from", from, "to", r.month,
				"min_group", r.min_group, "rounding", POOL_ROUND, "histogram_bins", POOL_HBINS, "risk_bins",
				POOL_RBINS, "total_bins", POOL_TBINS, "privacy", privacy, "aggregates", list);
	free(src);
	free(rel);
	FILE *out = fopen(path, "wx");
	if (!out) {
		json_decref(doc);
		return cli_error(cli, EXIT_USAGE, "「%s」に書き込めません（既にあるファイルは上書きしません）",
				 "cannot write \"%s\" (an existing file is never overwritten)", path);
	}
	int bad = json_dumpf(doc, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	bad |= fclose(out);
	json_decref(doc);
	if (bad) {
		remove(path);
		return cli_error(cli, EXIT_RUNTIME, "「%s」に書き込めませんでした", "could not write \"%s\"", path);
	}
	fprintf(stderr, cli->lang == LANG_EN ? "release %lld (%s): rho %.1f, epsilon %.1f at delta 1e-6 per company\n"
					     : "公開版 %lld（%s）: 1 社あたり ρ %.1f、δ = 10⁻⁶ で ε %.1f\n",
		(long long)r.id, r.month, r.rho, pool_epsilon(r.rho, POOL_DELTA));
	return EXIT_OK;
}

static int import(cli_t *cli, const char *path)
{
	err_t e;
	pool_file_t f;
	pool_import_t got;
	if (pool_file_read(path, &cli->content, &f, &e) != 0)
		return cli_error(cli, EXIT_USAGE, "%s: 取り込めません: %s%.0s", "%s: not imported: %.0s%s", path, e.ja, e.en);
	int rc = app_pool_import(&cli->app, &f, &got, &e);
	char from[8], to[8];
	snprintf(from, sizeof from, "%s", f.from);
	snprintf(to, sizeof to, "%s", f.month);
	pool_file_free(&f);
	if (rc != 0)
		return e.code == ERR_STORE || e.code == ERR_INTERNAL
			       ? cli_error(cli, EXIT_RUNTIME, "取り込めませんでした: %s%.0s", "could not import: %.0s%s", e.ja, e.en)
			       : cli_error(cli, EXIT_USAGE, "%s: 取り込めません: %s%.0s", "%s: not imported: %.0s%s", path, e.ja, e.en);
	printf(cli->lang == LANG_EN ? "imported %d aggregates (%s to %s)\n" : "%d 件の集計を取り込みました（%s〜%s）\n", got.n, from, to);
	if (got.replaced)
		printf(cli->lang == LANG_EN ? "it replaces the earlier import from the same source (%s to %s)\n"
					    : "同じ出どころから前に取り込んだ集計（%s〜%s）と置き換えました\n",
		       got.replaced_from, got.replaced_to);
	return EXIT_OK;
}

static int withdraw(cli_t *cli, const char *id)
{
	org_t o;
	int n, rc = cli_org(cli, id, &o);
	err_t e;
	if (rc != EXIT_OK)
		return rc;
	if (app_pool_withdraw(&cli->app, o.id, &n, &e) != 0)
		return cli_fail(cli, &e);
	printf(cli->lang == LANG_EN ? "%s left the pool (%d questionnaires)\n" : "%s はプールから抜けました（%d 診断）\n", o.name, n);
	printf("%s\n", ui(&cli->content, "pool_withdrawn_note", cli->lang));
	return EXIT_OK;
}

int cmd_pool(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	bool as_json = argc == 3 && !strcmp(argv[2], "--json");
	bool ok = (!strcmp(sub, "stats") && (argc == 2 || as_json)) || (!strcmp(sub, "release") && argc == 2) ||
		  ((!strcmp(sub, "export") || !strcmp(sub, "import") || !strcmp(sub, "withdraw")) && argc == 3);
	if (!ok && !strcmp(sub, "withdraw"))
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru pool withdraw 組織ID", "usage: mamoru pool withdraw ORG_ID");
	if (!ok)
		return cli_error(cli, EXIT_USAGE,
				 "使い方: mamoru pool stats [--json] | pool release | pool export ファイル | pool import ファイル | pool withdraw 組織ID",
				 "usage: mamoru pool stats [--json] | pool release | pool export FILE | pool import FILE | pool withdraw ORG_ID");
	err_t warn;
	if (pool_min_group_check(&warn))
		fprintf(stderr, "mamoru: %s\n", err_text(&warn, cli->lang));
	if (!strcmp(sub, "withdraw"))
		return withdraw(cli, argv[2]);
	if (!cli_store(cli))
		return EXIT_RUNTIME;
	if (!strcmp(sub, "stats"))
		return stats(cli, as_json);
	if (!strcmp(sub, "import"))
		return import(cli, argv[2]);
	if (!strcmp(sub, "export"))
		return export(cli, argv[2]);
	pool_release_t r;
	err_t e;
	if (app_release_make(&cli->app, &r, &e) != 0)
		return cli_fail(cli, &e);
	if (!r.id) {
		printf("%s\n", ui(&cli->content, "pool_release_empty", cli->lang));
		return EXIT_OK;
	}
	printf(cli->lang == LANG_EN ? "release %lld made (%s): rho %.1f, epsilon %.1f at delta 1e-6 per company\n"
				    : "公開版 %lld を作りました（%s）: 1 社あたり ρ %.1f、δ = 10⁻⁶ で ε %.1f\n",
	       (long long)r.id, r.month, r.rho, pool_epsilon(r.rho, POOL_DELTA));
	return EXIT_OK;
}
