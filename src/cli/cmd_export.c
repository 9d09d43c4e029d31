/*
 * cmd_export.c — `mamoru export ORG_ID --format json|csv [--output FILE]`: everything about an
 * organisation. JSON is the profile plus every diagnosis with its answers, roll-ups,
 * comparisons and the action plan; CSV is one row per answer and opens cleanly in Japanese Excel (UTF-8 with BOM,
 * CRLF, formula-like cells neutralised).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/plan.h"
#include "app/profile.h"
#include "cli/cli.h"
#include "report/benchmark_json.h"
#include "report/csv.h"
#include "report/records_json.h"
#include "report/secaction_json.h"
#include "app/secaction.h"
#include "core/xalloc.h"

static void write_csv(FILE *f, const org_t *o, stored_diag_t **list, int n)
{
	static const char *const header[] = { "organization_id", "organization", "diagnosis_id", "date", "questionnaire",
					      "version", "round", "scope", "respondent", "role", "total", "max", "band",
					      "question", "category", "answer", "points", "full", "note", NULL };
	csv_bom(f);
	for (int k = 0; header[k]; k++)
		csv_cell(f, header[k], k == 0);
	csv_end(f);
	for (int i = 0; i < n; i++) {
		const stored_diag_t *d = list[i];
		for (int a = 0; a < d->nanswers; a++) {
			const sd_answer_t *ans = &d->answers[a];
			csv_int(f, o->id, true);
			csv_cell(f, o->name, false);
			csv_int(f, d->id, false);
			csv_cell(f, d->created, false);
			csv_cell(f, d->questionnaire, false);
			csv_cell(f, d->version, false);
			csv_cell(f, d->round, false);
			csv_cell(f, d->scope, false);
			csv_cell(f, d->respondent, false);
			csv_cell(f, role_id(d->role), false);
			csv_int(f, d->total, false);
			csv_int(f, d->max, false);
			csv_cell(f, d->band_ja, false);
			csv_cell(f, ans->question, false);
			csv_cell(f, ans->category, false);
			csv_cell(f, ans->option, false);
			csv_int(f, ans->points, false);
			csv_int(f, ans->full, false);
			csv_cell(f, ans->note, false);
			csv_end(f);
		}
	}
}

int cmd_export(cli_t *cli, int argc, char **argv)
{
	const char *org_arg = NULL, *format = NULL, *output = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc)
			format = argv[++i];
		else if (!strcmp(argv[i], "--output") && i + 1 < argc)
			output = argv[++i];
		else if (argv[i][0] != '-' && !org_arg)
			org_arg = argv[i];
		else
			return cli_error(cli, EXIT_USAGE, "export の引数「%s」が不正です", "bad argument to export: \"%s\"", argv[i]);
	}
	if (!org_arg || !format || (strcmp(format, "json") && strcmp(format, "csv")))
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru export 組織ID --format json|csv [--output ファイル]",
				 "usage: mamoru export ORG_ID --format json|csv [--output FILE]");
	org_t o;
	stored_diag_t **list;
	int n, rc = cli_org_history(cli, org_arg, &o, &list, &n);
	if (rc != EXIT_OK)
		return rc;
	/* everything is read before the file is created: a failure leaves no partial export */
	plan_item_t *items = NULL;
	int np = 0;
	profile_answers_t pa;
	risk_t risk;
	err_t e;
	bool json = !strcmp(format, "json");
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
		write_csv(f, &o, list, n);
	} else {
		const stored_diag_t *const *cl = (const stored_diag_t *const *)list;
		json_t *j = history_json(&cli->content, &o, cl, n, cli->lang, true);
		json_object_set_new(j, "plan", plan_json(&cli->content, items, np, cl, n, cli->lang));
		json_object_set_new(j, "profile", profile_json(&cli->content, &risk, cli->lang));
		json_object_set_new(j, "security_action", secaction_json(&cli->content, &sa->rec, &sa->ready, cli->lang));
		cli_print_json(f, j);
	}
	if (output && fclose(f) != 0) {
		rc = cli_error(cli, EXIT_RUNTIME, "%s の書き込みに失敗しました", "writing %s failed", output);
		remove(output);
	}
done:
	free(sa);
	free(items);
	stored_diag_list_free(list, n);
	return rc;
}
