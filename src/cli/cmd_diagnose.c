/*
 * cmd_diagnose.c — `mamoru diagnose QID [--answers FILE] [--json] [--strict] [--interactive]`.
 *
 * Reads the answers (a file, or the interactive prompt on a terminal), validates them once
 * against the questionnaire, scores them in the core and prints the result as a table or as
 * JSON. Every input problem exits 2 with messages naming the line and field.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/interactive.h"
#include "input/answerfile.h"
#include "report/result_json.h"
#include "report/result_text.h"

#define TEXT_RECS 5

static int answers_from_file(cli_t *cli, const questionnaire_t *q, const char *path, bool strict,
			     answers_t *out, answer_file_t *file)
{
	input_err_t ie;
	if (answerfile_read(path, file, &ie) != 0) {
		cli_error(cli, EXIT_USAGE, "%s: %s", "%s: %s", path, input_err_text(&ie, cli->lang));
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

int cmd_diagnose(cli_t *cli, int argc, char **argv)
{
	const char *qid = NULL, *path = NULL;
	bool as_json = false, strict = false, interactive = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--answers") && i + 1 < argc)
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

	answers_t answers;
	answer_file_t file = { 0 };
	int rc;
	if (path) {
		rc = answers_from_file(cli, q, path, strict, &answers, &file);
	} else if (interactive || isatty(STDIN_FILENO)) {
		rc = interactive_run(&cli->content, q, cli->lang, stdin, stdout, &answers);
	} else {
		rc = cli_error(cli, EXIT_USAGE, "--answers で回答ファイルを指定してください（端末からなら対話形式で回答できます）",
			       "give an answer file with --answers (on a terminal you can answer interactively)");
	}
	if (rc == EXIT_OK) {
		diagnosis_t d;
		diagnosis_run(&d, q, &answers);
		if (as_json) {
			json_t *o = result_json(&d, cli->lang);
			json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
			fputc('\n', stdout);
			json_decref(o);
		} else {
			result_text(stdout, &cli->content, &d, cli->lang, TEXT_RECS);
		}
		if (d.score.nunanswered > 0)
			cli_error(cli, 0, "未回答の設問が %d 問あります（0点として計算しました）",
				  "%d question(s) unanswered (scored as 0)", d.score.nunanswered);
	}
	answerfile_free(&file);
	return rc;
}
