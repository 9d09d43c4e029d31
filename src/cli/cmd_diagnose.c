/*
 * cmd_diagnose.c — `mamoru diagnose QID [--answers FILE] [--json] [--strict] [--interactive]`.
 *
 * Reads the answers (a file, or the interactive prompt on a terminal), validates them once
 * against the questionnaire, scores them in the core and prints the result as a table or as
 * JSON. Every input problem exits 2 with messages naming the line and field.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/interactive.h"
#include "input/answerfile.h"
#include "input/org_input.h"
#include "app/compare.h"
#include "app/diagnosis.h"
#include "app/pool.h"
#include "core/template.h"
#include "core/xalloc.h"
#include "report/benchmark_json.h"
#include "report/result_json.h"
#include "report/result_text.h"

#define TEXT_RECS 5

/* The comparison of a saved diagnosis of an organisation with other companies, or NULL after
 * printing why it could not be loaded (the result itself was saved and printed). */
static compare_view_t *compare(cli_t *cli, const stored_diag_t *sd)
{
	compare_view_t *v = xmalloc(sizeof *v);
	err_t e;
	if (app_compare(&cli->app, sd->id, v, &e) == 0)
		return v;
	cli_fail(cli, &e);
	free(v);
	return NULL;
}

static void compare_text(cli_t *cli, const compare_view_t *v)
{
	const content_t *c = &cli->content;
	lang_t L = cli->lang;
	if (v->group >= 0)
		printf("\n%s: %d — %s\n", ui(c, "risk_index", L), v->sd->risk, tx(&c->profile->groups[v->group].label, L));
	/* what the pool's current release publishes, as the web page shows it */
	for (int d = 0; d < DIM_COUNT; d++) {
		const pool_stats_t *st = &v->peers.st[d];
		if (!v->peers.key[d].value[0])
			continue;
		printf("%s %-14s %-8s", ui(c, "compare_sample", L), POOL_DIM_IDS[d], v->peers.key[d].value);
		if (st->shown)
			printf(" %5lld %s  %s %.1f ±%.1f  %s %.1f\n", (long long)st->n, ui(c, "companies", L), ui(c, "mean", L), st->mean,
			       st->margin_mean, ui(c, "deviation", L), round(pool_deviation(st, v->sd->total) * 100) / 100);
		else
			printf("  %s\n", ui(c, "pool_not_published", L));
	}
}

/* A save without consent for a company whose earlier diagnosis is in the pool: at a terminal,
 * ask whether to take that one out too (the answer goes into the same transaction). */
static bool ask_withdraw(cli_t *cli, const questionnaire_t *q, int64_t org_id)
{
	int64_t id;
	char created[32], date[11], msg[600], line[32];
	err_t e;
	if (app_pool_member_of(&cli->app, org_id, q->id, &id, created, &e) != 0 || !id)
		return false;
	snprintf(date, sizeof date, "%.10s", created);
	tmpl_fill(msg, sizeof msg, ui(&cli->content, "pool_earlier_question", cli->lang), (const char *const[]){ "date" },
		  (const char *const[]){ date }, 1);
	fprintf(stderr, "%s\n%s", msg, ui(&cli->content, "pool_earlier_ask_cli", cli->lang));
	fflush(stderr);
	return fgets(line, sizeof line, stdin) && (line[0] == 'y' || line[0] == 'Y');
}

/* What the save did with the pool, and how to take out an earlier pooled diagnosis it kept. */
static void pool_note(cli_t *cli, const result_view_t *v)
{
	char text[1200];
	pool_note_text(&cli->content, v, cli->lang, text, sizeof text);
	if (text[0])
		printf("%s\n", text);
	if (v->earlier == EARLIER_KEPT) {
		char org[24], hint[400];
		snprintf(org, sizeof org, "%lld", (long long)v->sd->org_id);
		tmpl_fill(hint, sizeof hint, ui(&cli->content, "pool_earlier_hint_cli", cli->lang), (const char *const[]){ "org" },
			  (const char *const[]){ org }, 1);
		printf("%s\n", hint);
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
	bool save, pool, withdraw_earlier;
	const char *org, *scope, *respondent, *role, *round;
} save_opts_t;

/* Validates the --save options into the snapshot's fields; exit code. */
static int save_fields(cli_t *cli, const save_opts_t *o, stored_diag_t *meta)
{
	err_t e;
	/* --org alone ranks and compares for that company without saving */
	if (!o->save && (o->scope || o->respondent || o->role || o->round || o->pool || o->withdraw_earlier))
		return cli_error(cli, EXIT_USAGE,
				 "--scope・--respondent・--role・--round・--pool・--withdraw-earlier は --save と一緒に指定してください",
				 "--scope, --respondent, --role, --round, --pool and --withdraw-earlier need --save");
	if (o->pool && o->withdraw_earlier)
		return cli_error(cli, EXIT_USAGE, "--withdraw-earlier は --pool なしの保存で使います（--pool なら前回の分は入れ替わります）",
				 "--withdraw-earlier is for a save without --pool (with --pool the earlier one is replaced anyway)");
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
		return cli_fail(cli, &e);
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
		else if (!strcmp(argv[i], "--withdraw-earlier"))
			so.withdraw_earlier = true;
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
	stored_diag_t meta = { 0 };
	int rc = save_fields(cli, &so, &meta);
	if (rc != EXIT_OK)
		return rc;
	if ((so.save || meta.org_id) && !cli_store(cli))
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
	result_view_t v = { 0 };
	err_t e;
	diag_opts_t opts = { .withdraw_earlier = so.withdraw_earlier };
	if (rc == EXIT_OK && so.save && meta.org_id && !so.pool && !so.withdraw_earlier && !as_json && isatty(STDIN_FILENO))
		opts.withdraw_earlier = ask_withdraw(cli, q, meta.org_id);
	if (rc == EXIT_OK && app_diag_run_opts(&cli->app, q, &answers, &meta, so.save, &opts, &v, &e) != 0)
		rc = so.save && e.code == ERR_STORE ? cli_error(cli, EXIT_RUNTIME, "保存できませんでした: %s%.0s", "could not save: %.0s%s",
								 e.ja, e.en)
						    : cli_fail(cli, &e);
	if (rc == EXIT_OK) {
		compare_view_t *cmp = so.save && v.sd->org_id ? compare(cli, v.sd) : NULL;
		if (as_json) {
			json_t *o = result_json(v.d, cli->lang);
			if (so.save)
				json_object_set_new(o, "id", json_integer(v.sd->id));
			if (cmp)
				json_object_set_new(o, "benchmark", peers_json(&cli->content, cmp, cli->lang));
			if (so.save)
				json_object_set_new(o, "pool", pool_note_json(&cli->content, &v, cli->lang));
			cli_print_json(stdout, o);
		} else {
			result_text(stdout, &cli->content, v.d, cli->lang, TEXT_RECS);
			if (cmp)
				compare_text(cli, cmp);
			if (so.save)
				printf("\n%s %lld\n", ui(&cli->content, "diagnosis_saved", cli->lang), (long long)v.sd->id);
			pool_note(cli, &v);
		}
		if (cmp)
			compare_view_free(cmp);
		free(cmp);
		if (v.d->score.nunanswered > 0)
			cli_error(cli, 0, "未回答の設問が %d 問あります（0点として計算しました）",
				  "%d question(s) unanswered (scored as 0)", v.d->score.nunanswered);
	}
	result_view_free(&v);
	answerfile_free(&file);
	return rc;
}
