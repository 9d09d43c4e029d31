/*
 * cmd_export.c — `mamoru export ORG_ID --format json|csv [--columns text|ids]
 * [--encoding utf8-bom|utf8|cp932] [--output FILE]`: everything about an organisation. JSON is
 * the profile plus every diagnosis with its answers, roll-ups, comparisons and the action plan;
 * CSV is one row per answer for Excel (report/history_csv.h): by default with headings in the
 * CLI's language and the questions' texts, UTF-8 with a BOM; --encoding cp932 for older Excel;
 * --columns ids gives the earlier layout (English headings, the stored ids) for programs.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/plan.h"
#include "app/profile.h"
#include "cli/cli.h"
#include "report/benchmark_json.h"
#include "app/org.h"
#include "report/history_csv.h"
#include "report/records_json.h"
#include "report/secaction_json.h"
#include "app/secaction.h"
#include "core/xalloc.h"

typedef struct {
	history_csv_t *w;
	err_t *e;
	bool failed;
} csv_each_t;

/* One diagnosis's rows, as it is read. */
static bool csv_one(const stored_diag_t *d, void *arg)
{
	csv_each_t *x = arg;
	x->failed = history_csv_diag(x->w, d, x->e) != 0;
	return !x->failed;
}

int cmd_export(cli_t *cli, int argc, char **argv)
{
	const char *org_arg = NULL, *format = NULL, *output = NULL, *columns = "text", *encoding = "utf8-bom";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc)
			format = argv[++i];
		else if (!strcmp(argv[i], "--output") && i + 1 < argc)
			output = argv[++i];
		else if (!strcmp(argv[i], "--columns") && i + 1 < argc)
			columns = argv[++i];
		else if (!strcmp(argv[i], "--encoding") && i + 1 < argc)
			encoding = argv[++i];
		else if (argv[i][0] != '-' && !org_arg)
			org_arg = argv[i];
		else
			return cli_error(cli, EXIT_USAGE, "export の引数「%s」が不正です", "bad argument to export: \"%s\"", argv[i]);
	}
	csv_columns_t cols;
	csv_encoding_t enc;
	if (!org_arg || !format || (strcmp(format, "json") && strcmp(format, "csv")) || !csv_columns_parse(columns, &cols) ||
	    !csv_encoding_parse(encoding, &enc))
		return cli_error(cli, EXIT_USAGE,
				 "使い方: mamoru export 組織ID --format json|csv [--columns text|ids] [--encoding utf8-bom|utf8|cp932] "
				 "[--output ファイル]",
				 "usage: mamoru export ORG_ID --format json|csv [--columns text|ids] [--encoding utf8-bom|utf8|cp932] "
				 "[--output FILE]");
	org_t o;
	stored_diag_t **list = NULL;
	int n = 0;
	bool json = !strcmp(format, "json");
	/* JSON is one document, read whole before the file is created; CSV streams, a diagnosis at
	 * a time (issue 19), and a failure part-way removes the file */
	int rc = json ? cli_org_history(cli, org_arg, &o, &list, &n) : cli_org(cli, org_arg, &o);
	if (rc != EXIT_OK)
		return rc;
	plan_item_t *items = NULL;
	int np = 0;
	profile_answers_t pa;
	risk_t risk;
	err_t e;
	secaction_view_t *sa = xmalloc(sizeof *sa);
	if (json && (app_plan_list(&cli->app, o.id, &items, &np, &e) != 0 || app_company_risk(&cli->app, &o, &pa, &risk, &e) != 0 ||
		     app_secaction_view(&cli->app, o.id, sa, &e) != 0)) {
		rc = cli_fail(cli, &e);
		goto done;
	}
	FILE *f = output ? fopen(output, "wbx") : stdout;
	if (!f) {
		rc = cli_error(cli, EXIT_USAGE, "%s に書けません（既にあるファイルは上書きしません）",
			       "cannot write %s (an existing file is never overwritten)", output);
		goto done;
	}
	if (!json) {
		history_csv_t w = { f, &cli->content, &o, cli->lang, cols, enc };
		csv_each_t x = { &w, &e, false };
		if (history_csv_begin(&w, &e) != 0 || app_org_history_each(&cli->app, o.id, csv_one, &x, &e) != 0 || x.failed)
			rc = cli_fail(cli, &e);
	} else {
		const stored_diag_t *const *cl = (const stored_diag_t *const *)list;
		json_t *j = history_json(&cli->content, &o, cl, n, cli->lang, true);
		json_object_set_new(j, "plan", plan_json(&cli->content, items, np, cl, n, cli->lang));
		json_object_set_new(j, "profile", profile_json(&cli->content, &risk, cli->lang));
		json_object_set_new(j, "security_action", secaction_json(&cli->content, &sa->rec, &sa->ready, cli->lang));
		cli_print_json(f, j);
	}
	if (output && (fclose(f) != 0 || rc != EXIT_OK)) {
		if (rc == EXIT_OK)
			rc = cli_error(cli, EXIT_RUNTIME, "%s の書き込みに失敗しました", "writing %s failed", output);
		remove(output);
	}
done:
	free(sa);
	free(items);
	stored_diag_list_free(list, n);
	return rc;
}
