/*
 * cmd_diagnose.c — `mamoru diagnose QID [--answers FILE] [--json] [--strict] [--interactive]`.
 *
 * Reads the answers (a file, or the interactive prompt on a terminal), validates them once
 * against the questionnaire, scores them in the core and prints the result as a table or as
 * JSON. Every input problem exits 2 with messages naming the line and field.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/interactive.h"
#include "input/answerfile.h"
#include "input/org_input.h"
#include "report/benchmark_json.h"
#include "report/result_json.h"
#include "report/result_text.h"
#include "store/benchmark.h"

#define TEXT_RECS 5

/* The comparison with other companies of a saved, organisation's diagnosis (JSON), or NULL. */
static json_t *benchmark(cli_t *cli, const stored_diag_t *sd)
{
	peers_t *p = malloc(sizeof *p);
	stored_diag_t **list = NULL;
	int n = 0;
	json_t *o = NULL;
	if (!p)
		abort();
	if (diag_peers(cli->store, sd, p) == STORE_OK &&
	    store_diag_recent(cli->store, sd->org_id, sd->questionnaire, sd->id, 5, &list, &n) == STORE_OK)
		o = peers_json(&cli->content, sd, p, (const stored_diag_t *const *)list, n, cli->lang);
	stored_diag_list_free(list, n);
	free(p);
	return o;
}

static void benchmark_text(cli_t *cli, json_t *b)
{
	const content_t *c = &cli->content;
	lang_t L = cli->lang;
	json_t *g = json_object_get(b, "risk_group");
	if (json_is_integer(json_object_get(b, "risk_index")))
		printf("\n%s: %lld — %s\n", ui(c, "risk_index", L), (long long)json_integer_value(json_object_get(b, "risk_index")),
		       json_string_value(json_object_get(g, "label")));
	size_t i;
	json_t *d;
	json_array_foreach(json_object_get(b, "peers"), i, d) {
		printf("%s %-14s %-8s %5lld %s", ui(c, "compare_sample", L), json_string_value(json_object_get(d, "dimension")),
		       json_string_value(json_object_get(d, "value")), (long long)json_integer_value(json_object_get(d, "n")),
		       ui(c, "companies", L));
		if (json_is_true(json_object_get(d, "shown")))
			printf("  %s %.1f  %s %.1f\n", ui(c, "mean", L), json_real_value(json_object_get(d, "mean")), ui(c, "deviation", L),
			       json_real_value(json_object_get(d, "deviation")));
		else
			printf("  %s\n", ui(c, "pool_hidden", L));
	}
}

static int answers_from_file(cli_t *cli, const questionnaire_t *q, const char *path, bool strict,
			     answers_t *out, answer_file_t *file)
{
	err_t ie;
	if (answerfile_read(path, file, &ie) != 0) {
		cli_error(cli, EXIT_USAGE, "%s: %s", "%s: %s", path, err_text(&ie, cli->lang));
		return EXIT_USAGE;
	}
	answer_errs_t errs;
	if (answers_resolve(q, file->recs, file->n, strict, out, &errs) == 0)
		return EXIT_OK;
	for (int i = 0; i < errs.n; i++) {
		char msg[512];
		answer_err_format(&errs.e[i], cli->lang, msg, sizeof msg);
		fprintf(stderr, "%s: %s\n", path, msg);
	}
	if (errs.dropped)
		cli_error(cli, EXIT_USAGE, "ほかに %d 件のエラーがあります", "%d more errors", errs.dropped);
	return EXIT_USAGE;
}

typedef struct {
	bool save, pool;
	const char *org, *scope, *respondent, *role, *round;
} save_opts_t;

/* Validates the --save options into the snapshot's fields; exit code. */
static int save_fields(cli_t *cli, const save_opts_t *o, stored_diag_t *meta)
{
	err_t e;
	/* --org alone ranks and compares for that company without saving */
	if (!o->save && (o->scope || o->respondent || o->role || o->round || o->pool))
		return cli_error(cli, EXIT_USAGE, "--scope・--respondent・--role・--round・--pool は --save と一緒に指定してください",
				 "--scope, --respondent, --role, --round and --pool need --save");
	if (o->org) {
		org_t org;
		int rc = cli_org(cli, o->org, &org);
		if (rc != EXIT_OK)
			return rc;
		meta->org_id = org.id;
	}
	if (text_field("scope", o->scope ? o->scope : ui(&cli->content, "whole_company", LANG_JA), meta->scope,
		       sizeof meta->scope - 1, &e) ||
	    text_field("respondent", o->respondent ? o->respondent : "", meta->respondent, sizeof meta->respondent - 1, &e) ||
	    text_field("round", o->round ? o->round : "", meta->round, sizeof meta->round - 1, &e))
		return cli_input_error(cli, &e);
	if (o->role && !role_parse(o->role, &meta->role))
		return cli_error(cli, EXIT_USAGE, "--role は executive・manager・staff のどれかです（「%s」）",
				 "--role must be executive, manager or staff (got \"%s\")", o->role);
	if (!meta->scope[0])
		return cli_error(cli, EXIT_USAGE, "--scope が空です", "--scope is empty");
	meta->pool = o->pool;
	return EXIT_OK;
}

int cmd_diagnose(cli_t *cli, int argc, char **argv)
{
	const char *qid = NULL, *path = NULL;
	bool as_json = false, strict = false, interactive = false;
	save_opts_t so = { 0 };
	for (int i = 1; i < argc; i++) {
		const char **val = NULL;
		if (!strcmp(argv[i], "--org"))
			val = &so.org;
		else if (!strcmp(argv[i], "--scope"))
			val = &so.scope;
		else if (!strcmp(argv[i], "--respondent"))
			val = &so.respondent;
		else if (!strcmp(argv[i], "--role"))
			val = &so.role;
		else if (!strcmp(argv[i], "--round"))
			val = &so.round;
		if (val && i + 1 < argc) {
			*val = argv[++i];
			continue;
		}
		if (!strcmp(argv[i], "--save"))
			so.save = true;
		else if (!strcmp(argv[i], "--pool"))
			so.pool = true;
		else if (!strcmp(argv[i], "--answers") && i + 1 < argc)
			path = argv[++i];
		else if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (!strcmp(argv[i], "--strict"))
			strict = true;
		else if (!strcmp(argv[i], "--interactive"))
			interactive = true;
		else if (argv[i][0] != '-' && !qid)
			qid = argv[i];
		else
			return cli_error(cli, EXIT_USAGE, "diagnose の引数「%s」が不正です", "bad argument to diagnose: \"%s\"",
					 argv[i]);
	}
	if (!qid)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru diagnose 診断ID [--answers ファイル] [--json]",
				 "usage: mamoru diagnose QID [--answers FILE] [--json]");
	const questionnaire_t *q = cli_questionnaire(cli, qid);
	if (!q)
		return EXIT_USAGE;
	stored_diag_t meta = { 0 }, *sd = NULL;
	int rc = save_fields(cli, &so, &meta);
	if (rc != EXIT_OK)
		return rc;
	if (so.save && !cli_store(cli))
		return EXIT_RUNTIME;

	answers_t answers;
	answer_file_t file = { 0 };
	if (path) {
		rc = answers_from_file(cli, q, path, strict, &answers, &file);
	} else if (interactive || isatty(STDIN_FILENO)) {
		/* with --json the questions go to stderr so stdout stays one JSON document */
		rc = interactive_run(&cli->content, q, cli->lang, stdin, as_json ? stderr : stdout, &answers);
	} else {
		rc = cli_error(cli, EXIT_USAGE, "--answers で回答ファイルを指定してください（端末からなら対話形式で回答できます）",
			       "give an answer file with --answers (on a terminal you can answer interactively)");
	}
	diagnosis_t *d = calloc(1, sizeof *d);
	if (!d)
		abort();
	if (rc == EXIT_OK) {
		int desired[MAX_ITEMS];
		diagnosis_run_desired(d, q, &answers, diag_attach_company(cli->store, &cli->content, q, &meta, desired));
		org_t org;
		org_init(&org);
		if (meta.org_id)
			store_org_get(cli->store, meta.org_id, &org);
		diagnosis_cases(d, &cli->content, org.industry, org_size_band(&cli->content, org.employees));
		if (so.save) {
			sd = stored_diag_from(d, &meta);
			if (store_diag_save(cli->store, sd) != STORE_OK)
				rc = cli_error(cli, EXIT_RUNTIME, "保存できませんでした: %s", "could not save: %s",
					       store_error(cli->store));
		}
	}
	if (rc == EXIT_OK) {
		json_t *bm = so.save && sd->org_id ? benchmark(cli, sd) : NULL;
		if (as_json) {
			json_t *o = result_json(d, cli->lang);
			if (so.save)
				json_object_set_new(o, "id", json_integer(sd->id));
			if (bm)
				json_object_set(o, "benchmark", bm);
			cli_print_json(stdout, o);
		} else {
			result_text(stdout, &cli->content, d, cli->lang, TEXT_RECS);
			if (bm)
				benchmark_text(cli, bm);
			if (so.save)
				printf("\n%s %lld\n", ui(&cli->content, "diagnosis_saved", cli->lang), (long long)sd->id);
		}
		json_decref(bm);
		if (d->score.nunanswered > 0)
			cli_error(cli, 0, "未回答の設問が %d 問あります（0点として計算しました）",
				  "%d question(s) unanswered (scored as 0)", d->score.nunanswered);
	}
	free(d);
	answerfile_free(&file);
	stored_diag_free(sd);
	return rc;
}
