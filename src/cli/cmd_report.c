/*
 * cmd_report.c — `mamoru report`: the reports a consultant hands over (docs/reports.md), the
 * same files the web pages' PDF and Excel buttons give (web/report.h).
 *
 *   mamoru report DIAGNOSIS_ID --format pdf|xlsx --output FILE [--comment TEXT] [--prepared-by NAME]
 *   mamoru report compare DIAGNOSIS_ID …     the comparison with other companies
 *   mamoru report history|plan|risk ORG_ID … the history, the action plan, the ledger and register
 *   mamoru report incidents ORG_ID …         the incident register
 *   mamoru report incident INCIDENT_ID …     one incident's report
 *   mamoru report manual ORG_ID --format pdf … the emergency manual (also `mamoru manual … --format pdf`)
 *   mamoru report clause CONTRACTOR_ID --format pdf …  the confidentiality clauses with every
 *                                            clause (`mamoru contractor clause … --format pdf` chooses)
 *   mamoru report security-action ORG_ID --format pdf …  SECURITY ACTION: readiness, the 5か条, the basic policy
 *
 * The language is the global --lang. The file is written whole or not at all, and an existing
 * file is never overwritten (as `mamoru export`); --output - writes to stdout.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_report.h"
#include "report/pdf.h"
#include "web/report.h"

static int usage(const cli_t *cli)
{
	return cli_error(cli, EXIT_USAGE,
			 "使い方: mamoru report [diagnosis|compare] 診断結果ID --format pdf|xlsx --output ファイル [--comment 所見] "
			 "[--prepared-by 作成者]\n"
			 "        mamoru report history|plan|risk|incidents 組織ID --format pdf|xlsx --output ファイル [--prepared-by 作成者]\n"
			 "        mamoru report incident インシデントID --format pdf|xlsx --output ファイル [--prepared-by 作成者]\n"
			 "        mamoru report manual|security-action 組織ID | clause 委託先ID --format pdf --output ファイル [--prepared-by 作成者]",
			 "usage: mamoru report [diagnosis|compare] DIAGNOSIS_ID --format pdf|xlsx --output FILE [--comment TEXT] "
			 "[--prepared-by NAME]\n"
			 "       mamoru report history|plan|risk|incidents ORG_ID --format pdf|xlsx --output FILE [--prepared-by NAME]\n"
			 "       mamoru report incident INCIDENT_ID --format pdf|xlsx --output FILE [--prepared-by NAME]\n"
			 "       mamoru report manual|security-action ORG_ID | clause CONTRACTOR_ID --format pdf --output FILE [--prepared-by NAME]");
}

int cmd_report(cli_t *cli, int argc, char **argv)
{
	const char *id_arg = NULL, *format = NULL, *output = NULL, *comment = NULL, *preparer = NULL;
	int kind = -1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc)
			format = argv[++i];
		else if (!strcmp(argv[i], "--output") && i + 1 < argc)
			output = argv[++i];
		else if (!strcmp(argv[i], "--comment") && i + 1 < argc)
			comment = argv[++i];
		else if (!strcmp(argv[i], "--prepared-by") && i + 1 < argc)
			preparer = argv[++i];
		else if (argv[i][0] == '-' && strcmp(argv[i], "-"))
			return usage(cli);
		else if (kind < 0 && !id_arg && argv[i][0] > '9') {
			for (int k = 0; k < REPORT_KINDS; k++)
				if (!strcmp(argv[i], REPORT_KIND_IDS[k]))
					kind = k;
			if (kind < 0)
				return cli_error(cli, EXIT_USAGE,
						 "報告書の種類「%s」はありません（diagnosis・compare・history・plan・risk・incidents・incident・manual・clause・security-action）",
						 "no report \"%s\" (diagnosis, compare, history, plan, risk, incidents, incident, manual, clause, security-action)", argv[i]);
		} else if (!id_arg)
			id_arg = argv[i];
		else
			return usage(cli);
	}
	if (!id_arg || !format || !output)
		return usage(cli);
	report_req_t q = { .kind = kind < 0 ? REPORT_DIAGNOSIS : (report_kind_t)kind, .lang = cli->lang };
	err_t e;
	char comment_buf[REPORT_COMMENT_MAX], prep_buf[REPORT_NAME_MAX];
	if (report_format_parse(format, false, &q.format, &e) != 0)
		return cli_fail(cli, &e);
	if (comment) {
		if (q.kind != REPORT_DIAGNOSIS && q.kind != REPORT_COMPARE)
			return cli_error(cli, EXIT_USAGE, "--comment は診断結果と比較の報告書にだけ付けられます",
					 "--comment is for the diagnosis and comparison reports only");
		if (report_comment_parse(comment, comment_buf, &e) != 0)
			return cli_fail(cli, &e);
		q.comment = comment_buf;
	}
	if (preparer) {
		if (report_name_parse(preparer, prep_buf, &e) != 0)
			return cli_fail(cli, &e);
		q.preparer = prep_buf;
	}
	bool by_org = q.kind == REPORT_HISTORY || q.kind == REPORT_PLAN || q.kind == REPORT_RISK || q.kind == REPORT_INCIDENTS ||
		      q.kind == REPORT_MANUAL || q.kind == REPORT_SECACTION;
	if ((q.id = cli_id(cli,
			   by_org			? "ORG_ID"
			   : q.kind == REPORT_INCIDENT ? "INCIDENT_ID"
			   : q.kind == REPORT_CLAUSE   ? "CONTRACTOR_ID"
						       : "DIAGNOSIS_ID",
			   id_arg)) < 0)
		return EXIT_USAGE;
	if (!cli_store(cli))
		return EXIT_RUNTIME;
	return cli_report_write(cli, &q, output);
}

int cli_report_write(cli_t *cli, const report_req_t *q, const char *output)
{
	err_t e;
	report_out_t out;
	if (report_make(&cli->app, q, &out, &e) != 0)
		return cli_fail(cli, &e);
	/* made whole before the file is created: a failure leaves no partial file */
	bool to_stdout = !strcmp(output, "-");
	FILE *f = to_stdout ? stdout : fopen(output, "wbx");
	int rc = EXIT_OK;
	if (!f) {
		rc = cli_error(cli, EXIT_USAGE, "%s に書けません（既にあるファイルは上書きしません）",
			       "cannot write %s (an existing file is never overwritten)", output);
	} else {
		size_t n = fwrite(out.data.data, 1, out.data.len, f);
		if ((!to_stdout && fclose(f) != 0) || (to_stdout && fflush(f) != 0) || n != out.data.len) {
			rc = cli_error(cli, EXIT_RUNTIME, "%s の書き込みに失敗しました", "writing %s failed", output);
			if (!to_stdout)
				remove(output);
		} else if (!to_stdout) {
			if (out.pages)
				printf(cli->lang == LANG_EN ? "%s: %d page%s\n" : "%s: %d ページ%.0s\n", output, out.pages, out.pages == 1 ? "" : "s");
			else
				printf("%s\n", output);
		}
	}
	buf_free(&out.data);
	pdf_shutdown();
	return rc;
}
