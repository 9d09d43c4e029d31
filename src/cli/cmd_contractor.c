/*
 * cmd_contractor.c — `mamoru contractor` and `mamoru cloud` (docs/contractors.md):
 *
 *   mamoru contractor add ORG_ID --name NAME [--contact T] [--handles T] [--contract-start D]
 *                                [--contract-end D] [--review-due D] [--note T]
 *   mamoru contractor list ORG_ID [--json]
 *   mamoru contractor show ID [--json]            with its requests and the answers to them
 *   mamoru contractor edit ID [the add options]
 *   mamoru contractor delete ID --yes
 *   mamoru contractor send ID --items SEL [--days N]    items (1.1-3,1.2,all) through a link
 *   mamoru contractor review REQUEST_ID [--note T]
 *   mamoru contractor clause ID [--date D] [--report-by D] [--years N] [--first-article N]
 *                               [--clauses subcontract,survival] [--related ids] [--client T]
 *                               [--contractor T] [--json | --format pdf --output FILE [--prepared-by NAME]]
 *   mamoru cloud add ORG_ID --name NAME [--provider T] [--purpose T] [--review-due D]
 *   mamoru cloud list ORG_ID [--json] | show ID [--json] | edit ID … | delete ID --yes
 *   mamoru cloud check ID --answers FILE [--respondent NAME] [--json]
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/contractor.h"
#include "cli/cli.h"
#include "cli/cli_report.h"
#include "input/answerfile.h"
#include "input/contractor_input.h"
#include "input/report_input.h"
#include "report/contractor_json.h"

/* "--contract-start" → "contract_start" when it is one of allowed. */
static const char *option(const char *arg, const char *const *allowed)
{
	if (strncmp(arg, "--", 2))
		return NULL;
	char name[40];
	snprintf(name, sizeof name, "%s", arg + 2);
	for (char *p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	for (int k = 0; allowed[k]; k++)
		if (!strcmp(name, allowed[k]))
			return allowed[k];
	return NULL;
}

static const char *const CT_FIELDS[] = { "name", "contact", "handles", "contract_start", "contract_end", "review_due", "note", NULL };
static const char *const CS_FIELDS[] = { "name", "provider", "purpose", "review_due", NULL };

static int bad_arg(cli_t *cli, const char *cmd, const char *arg)
{
	return cli_error(cli, EXIT_USAGE, "%s の引数「%s」が不正です", "bad argument to %s: \"%s\"", cmd, arg);
}

static int set_fields(cli_t *cli, const char *cmd, void *rec, bool cloud, int argc, char **argv, int from)
{
	for (int i = from; i < argc; i++) {
		const char *f = option(argv[i], cloud ? CS_FIELDS : CT_FIELDS);
		if (!f || i + 1 >= argc)
			return bad_arg(cli, cmd, argv[i]);
		err_t e;
		if ((cloud ? cloud_set_field(rec, f, argv[++i], &e) : ct_set_field(rec, f, argv[++i], &e)) != 0)
			return cli_fail(cli, &e);
	}
	err_t e;
	if ((cloud ? cloud_check(rec, &e) : ct_check(rec, &e)) != 0)
		return cli_fail(cli, &e);
	return EXIT_OK;
}

static int64_t id_arg(cli_t *cli, int argc, char **argv, const char *what)
{
	int64_t id = cli_id(cli, what, argc > 2 ? argv[2] : NULL);
	if (id >= 0 && !cli_store(cli))
		return -2;
	return id;
}

static const char *or_dash(const char *s) { return s[0] ? s : "—"; }

static void print_contractor(cli_t *cli, const contractor_t *c, const char *today)
{
	const content_t *k = &cli->content;
	lang_t L = cli->lang;
	printf("#%lld %s%s\n", (long long)c->id, c->name, ct_review_due(c->review_due, today) ? ui(k, "ct_review_is_due_mark", L) : "");
	printf("    %s: %s\n    %s: %s\n", ui(k, "ct_contact", L), or_dash(c->contact), ui(k, "ct_handles", L), or_dash(c->handles));
	printf(CF(cli->lang, "    %s: %s 〜 %s  %s: %s\n"), ui(k, "ct_contract", L), or_dash(c->contract_start), or_dash(c->contract_end), ui(k, "ct_review_due", L),
	       or_dash(c->review_due));
}

static int contractor_show(cli_t *cli, int64_t id, bool as_json)
{
	contractor_t *c = malloc(sizeof *c);
	ct_request_t *rs = NULL;
	int n = 0, rc = EXIT_OK;
	err_t e;
	char today[11];
	app_ct_today(&cli->app, today);
	if (app_contractor_get(&cli->app, 0, id, c, &e) != 0 || app_ctreq_list(&cli->app, id, &rs, &n, &e) != 0) {
		free(c);
		return cli_fail(cli, &e);
	}
	json_t *j = as_json ? contractor_json(c, today) : NULL, *reqs = as_json ? json_array() : NULL;
	if (!as_json) {
		print_contractor(cli, c, today);
		if (c->note[0])
			printf("    %s: %s\n", ui(&cli->content, "ct_note", cli->lang), c->note);
	}
	for (int i = 0; i < n && rc == EXIT_OK; i++) {
		stored_diag_t *sd;
		if (app_ctreq_answers(&cli->app, &rs[i], &sd, &e) != 0) {
			rc = cli_fail(cli, &e);
			break;
		}
		json_t *rj = ctreq_json(&cli->content, &rs[i], sd, app_now(&cli->app), cli->lang);
		if (as_json) {
			json_array_append_new(reqs, rj);
		} else {
			char key[40];
			snprintf(key, sizeof key, "ct_status_%s", json_string_value(json_object_get(rj, "status")));
			printf("\n  %s #%lld (%s, %d %s): %s\n", ui(&cli->content, "ct_request", cli->lang), (long long)rs[i].id, CLI_WHEN(cli, rs[i].created),
			       (int)json_integer_value(json_object_get(rj, "count")), ui(&cli->content, "ct_items", cli->lang),
			       ui(&cli->content, key, cli->lang));
			json_t *it;
			size_t k;
			json_array_foreach(json_object_get(rj, "items"), k, it)
			{
				json_t *lab = json_object_get(it, "answer_label");
				printf("    %s %s — %s\n", json_string_value(json_object_get(it, "id")),
				       lab && json_is_string(lab) ? json_string_value(lab) : "—", json_string_value(json_object_get(it, "text")));
			}
			if (rs[i].reviewed_at[0])
				printf("    %s: %s %s %s\n", ui(&cli->content, "ct_reviewed", cli->lang), rs[i].reviewed_by, rs[i].reviewed_at,
				       rs[i].review_note);
			json_decref(rj);
		}
		if (sd)
			stored_diag_free(sd);
	}
	if (as_json) {
		json_object_set_new(j, "requests", reqs);
		if (rc == EXIT_OK)
			cli_print_json(stdout, j);
		else
			json_decref(j);
	}
	free(rs);
	free(c);
	return rc;
}

static int clause(cli_t *cli, int64_t id, int argc, char **argv)
{
	static const char *const FIELDS[] = { "date", "report_by", "years", "first_article", "clauses", "related", "client", "contractor", NULL };
	const clause_content_t *cc = cli->content.clauses;
	if (!cc)
		return cli_error(cli, EXIT_RUNTIME, "条項の例がありません", "the example clauses are missing");
	contractor_t *c = malloc(sizeof *c);
	err_t e;
	org_t o;
	bool as_json = false;
	const char *format = NULL, *output = NULL, *preparer = NULL;
	if (app_contractor_get(&cli->app, 0, id, c, &e) != 0) {
		free(c);
		return cli_fail(cli, &e);
	}
	clause_opts_t opts = { .first_article = 1, .clauses = ~0u, .related = ~0u };
	char orgid[24];
	snprintf(orgid, sizeof orgid, "%lld", (long long)c->org_id);
	if (cli_org(cli, orgid, &o) == EXIT_OK)
		snprintf(opts.client, sizeof opts.client, "%.120s", o.name);
	snprintf(opts.contractor, sizeof opts.contractor, "%s", c->name);
	free(c);
	for (int i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			as_json = true;
			continue;
		}
		const char **pdf_opt = !strcmp(argv[i], "--format")	 ? &format
				       : !strcmp(argv[i], "--output")	 ? &output
				       : !strcmp(argv[i], "--prepared-by") ? &preparer
									   : NULL;
		if (pdf_opt && i + 1 < argc) {
			*pdf_opt = argv[++i];
			continue;
		}
		const char *f = option(argv[i], FIELDS);
		if (!f || i + 1 >= argc)
			return bad_arg(cli, "contractor clause", argv[i]);
		if (clause_set_field(cc, &opts, f, argv[++i], &e) != 0)
			return cli_fail(cli, &e);
	}
	if (format || output) { /* the PDF (web/report.h), as the clause page's PDF button gives it */
		if (!format || !output || as_json)
			return cli_error(cli, EXIT_USAGE, "PDF には --format pdf と --output ファイル を指定してください（--json とは併用できません）",
					 "a PDF needs --format pdf and --output FILE (and no --json)");
		report_req_t q = { .kind = REPORT_CLAUSE, .id = id, .lang = cli->lang, .clause = &opts };
		char prep[REPORT_NAME_MAX];
		if (report_format_parse(format, false, &q.format, &e) != 0)
			return cli_fail(cli, &e);
		if (preparer) {
			if (report_name_parse(preparer, prep, &e) != 0)
				return cli_fail(cli, &e);
			q.preparer = prep;
		}
		return cli_report_write(cli, &q, output);
	}
	if (as_json) {
		cli_print_json(stdout, clause_json(cc, &opts, cli->lang));
	} else {
		buf_t b = { 0 };
		clause_build(cc, &opts, cli->lang, &b);
		fputs(b.data ? b.data : "", stdout);
		buf_free(&b);
	}
	return EXIT_OK;
}

int cmd_contractor(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	const content_t *k = &cli->content;
	lang_t L = cli->lang;
	err_t e;
	int rc;
	int64_t id;
	if (!strcmp(sub, "add")) {
		org_t o;
		if (argc < 3)
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru contractor add 組織ID --name 名前 [--contact …]",
					 "usage: mamoru contractor add ORG_ID --name NAME [--contact …]");
		if ((rc = cli_org(cli, argv[2], &o)) != EXIT_OK)
			return rc;
		contractor_t *c = calloc(1, sizeof *c);
		c->org_id = o.id;
		if ((rc = set_fields(cli, "contractor add", c, false, argc, argv, 3)) == EXIT_OK) {
			if (app_contractor_add(&cli->app, c, &e) != 0)
				rc = cli_fail(cli, &e);
			else
				printf("%s %lld\n", ui(k, "ct_added", L), (long long)c->id);
		}
		free(c);
		return rc;
	}
	if (!strcmp(sub, "list")) {
		org_t o;
		if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "--json")))
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru contractor list 組織ID [--json]", "usage: mamoru contractor list ORG_ID [--json]");
		if ((rc = cli_org(cli, argv[2], &o)) != EXIT_OK)
			return rc;
		contractor_t *cs;
		int n;
		char today[11];
		app_ct_today(&cli->app, today);
		if (app_contractor_list(&cli->app, o.id, &cs, &n, &e) != 0)
			return cli_fail(cli, &e);
		if (argc == 4) {
			json_t *arr = json_array();
			for (int i = 0; i < n; i++)
				json_array_append_new(arr, contractor_json(&cs[i], today));
			cli_print_json(stdout, json_pack("{s:I, s:o}", "organization_id", (json_int_t)o.id, "contractors", arr));
		} else {
			printf("%s — %s\n", o.name, ui(k, "ct_title", L));
			if (!n)
				printf("%s\n", ui(k, "ct_none", L));
			for (int i = 0; i < n; i++)
				print_contractor(cli, &cs[i], today);
		}
		free(cs);
		return EXIT_OK;
	}
	if (!strcmp(sub, "show")) {
		if ((id = id_arg(cli, argc, argv, "ID")) < 0)
			return id == -2 ? EXIT_RUNTIME : EXIT_USAGE;
		if (argc > 4 || (argc == 4 && strcmp(argv[3], "--json")))
			return bad_arg(cli, "contractor show", argv[3]);
		return contractor_show(cli, id, argc == 4);
	}
	if (!strcmp(sub, "edit")) {
		if ((id = id_arg(cli, argc, argv, "ID")) < 0)
			return id == -2 ? EXIT_RUNTIME : EXIT_USAGE;
		contractor_t *c = malloc(sizeof *c);
		if (app_contractor_get(&cli->app, 0, id, c, &e) != 0)
			rc = cli_fail(cli, &e);
		else if ((rc = set_fields(cli, "contractor edit", c, false, argc, argv, 3)) == EXIT_OK) {
			if (app_contractor_update(&cli->app, c, &e) != 0)
				rc = cli_fail(cli, &e);
			else
				printf("%s %lld\n", ui(k, "ct_updated", L), (long long)c->id);
		}
		free(c);
		return rc;
	}
	if (!strcmp(sub, "delete")) {
		if (argc != 4 || strcmp(argv[3], "--yes"))
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru contractor delete ID --yes（依頼と未回答のリンクも削除します）",
					 "usage: mamoru contractor delete ID --yes (its requests and unanswered links go too)");
		if ((id = id_arg(cli, argc, argv, "ID")) < 0)
			return id == -2 ? EXIT_RUNTIME : EXIT_USAGE;
		if (app_contractor_delete(&cli->app, id, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(k, "ct_deleted", L), (long long)id);
		return EXIT_OK;
	}
	if (!strcmp(sub, "send")) {
		if ((id = id_arg(cli, argc, argv, "ID")) < 0)
			return id == -2 ? EXIT_RUNTIME : EXIT_USAGE;
		const char *items = NULL;
		int days = 14;
		for (int i = 3; i < argc; i++) {
			if (!strcmp(argv[i], "--items") && i + 1 < argc)
				items = argv[++i];
			else if (!strcmp(argv[i], "--days") && i + 1 < argc) {
				if (ct_days_field(argv[++i], LINK_MAX_DAYS, &days, &e) != 0)
					return cli_fail(cli, &e);
			} else
				return bad_arg(cli, "contractor send", argv[i]);
		}
		if (!items)
			return cli_error(cli, EXIT_USAGE, "--items で送る設問を指定してください（例: 1.1,1.2-2,5.1 / all）",
					 "give the items to send with --items (e.g. 1.1,1.2-2,5.1 / all)");
		ct_request_t r;
		char token[LINK_TOKEN_LEN + 1];
		if (app_ctreq_send(&cli->app, id, items, days, &r, token, &e) != 0)
			return cli_fail(cli, &e);
		printf(CF(cli->lang, "%s %lld（%d %s）\n/r/%s\n"), ui(k, "ct_sent", L), (long long)r.id, ct_items_count(r.items), ui(k, "ct_items", L), token);
		return EXIT_OK;
	}
	if (!strcmp(sub, "review")) {
		if ((id = id_arg(cli, argc, argv, "REQUEST_ID")) < 0)
			return id == -2 ? EXIT_RUNTIME : EXIT_USAGE;
		char note[CT_NOTE] = "";
		for (int i = 3; i < argc; i++) {
			if (!strcmp(argv[i], "--note") && i + 1 < argc) {
				if (ct_note_field("note", argv[++i], note, &e) != 0)
					return cli_fail(cli, &e);
			} else
				return bad_arg(cli, "contractor review", argv[i]);
		}
		ct_request_t r;
		if (app_ctreq_review(&cli->app, id, note, &r, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(k, "ct_review_saved", L), (long long)id);
		return EXIT_OK;
	}
	if (!strcmp(sub, "clause")) {
		if ((id = id_arg(cli, argc, argv, "ID")) < 0)
			return id == -2 ? EXIT_RUNTIME : EXIT_USAGE;
		return clause(cli, id, argc, argv);
	}
	return cli_error(cli, EXIT_USAGE, "使い方: mamoru contractor add|list|show|edit|delete|send|review|clause …",
			 "usage: mamoru contractor add|list|show|edit|delete|send|review|clause …");
}

static int cloud_show(cli_t *cli, const cloud_service_t *c, bool as_json)
{
	stored_diag_t *last;
	err_t e;
	char today[11];
	app_ct_today(&cli->app, today);
	if (app_cloud_last(&cli->app, c, &last, &e) != 0)
		return cli_fail(cli, &e);
	json_t *j = cloud_json(c, last, today);
	if (as_json) {
		cli_print_json(stdout, j);
	} else {
		const content_t *k = &cli->content;
		lang_t L = cli->lang;
		printf("#%lld %s%s\n", (long long)c->id, c->name,
		       json_is_true(json_object_get(j, "review_is_due")) ? ui(k, "ct_review_is_due_mark", L) : "");
		printf("    %s: %s  %s: %s\n", ui(k, "cloud_provider", L), or_dash(c->provider), ui(k, "cloud_purpose", L), or_dash(c->purpose));
		if (last)
			printf(CF(cli->lang, "    %s: %d / %d（%s, %s）  %s: %s\n"), ui(k, "cloud_last_check", L), last->total, last->max,
			       L == LANG_EN ? last->band_en : last->band_ja, last->created, ui(k, "ct_review_due", L), or_dash(c->review_due));
		else
			printf("    %s\n", ui(k, "cloud_never_checked", L));
		json_decref(j);
	}
	if (last)
		stored_diag_free(last);
	return EXIT_OK;
}

int cmd_cloud(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	const content_t *k = &cli->content;
	lang_t L = cli->lang;
	err_t e;
	int rc;
	int64_t id = 0;
	cloud_service_t c;
	if (!strcmp(sub, "add")) {
		org_t o;
		if (argc < 3)
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru cloud add 組織ID --name 名前 [--provider …]",
					 "usage: mamoru cloud add ORG_ID --name NAME [--provider …]");
		if ((rc = cli_org(cli, argv[2], &o)) != EXIT_OK)
			return rc;
		memset(&c, 0, sizeof c);
		c.org_id = o.id;
		if ((rc = set_fields(cli, "cloud add", &c, true, argc, argv, 3)) != EXIT_OK)
			return rc;
		if (app_cloud_add(&cli->app, &c, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(k, "cloud_added", L), (long long)c.id);
		return EXIT_OK;
	}
	if (!strcmp(sub, "list")) {
		org_t o;
		if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "--json")))
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru cloud list 組織ID [--json]", "usage: mamoru cloud list ORG_ID [--json]");
		if ((rc = cli_org(cli, argv[2], &o)) != EXIT_OK)
			return rc;
		cloud_service_t *cs;
		int n;
		if (app_cloud_list(&cli->app, o.id, &cs, &n, &e) != 0)
			return cli_fail(cli, &e);
		char today[11];
		app_ct_today(&cli->app, today);
		json_t *arr = json_array();
		if (argc == 3) {
			printf("%s — %s\n", o.name, ui(k, "cloud_title", L));
			if (!n)
				printf("%s\n", ui(k, "cloud_none", L));
		}
		for (int i = 0; i < n && rc == EXIT_OK; i++) {
			if (argc == 3) {
				rc = cloud_show(cli, &cs[i], false);
				continue;
			}
			stored_diag_t *last;
			if (app_cloud_last(&cli->app, &cs[i], &last, &e) != 0) {
				rc = cli_fail(cli, &e);
				break;
			}
			json_array_append_new(arr, cloud_json(&cs[i], last, today));
			if (last)
				stored_diag_free(last);
		}
		if (argc == 4 && rc == EXIT_OK)
			cli_print_json(stdout, json_pack("{s:I, s:O}", "organization_id", (json_int_t)o.id, "cloud_services", arr));
		json_decref(arr);
		free(cs);
		return rc;
	}
	if (!strcmp(sub, "show") || !strcmp(sub, "edit") || !strcmp(sub, "delete") || !strcmp(sub, "check")) {
		if (!strcmp(sub, "delete") && (argc != 4 || strcmp(argv[3], "--yes")))
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru cloud delete ID --yes", "usage: mamoru cloud delete ID --yes");
		if ((id = id_arg(cli, argc, argv, "ID")) < 0)
			return id == -2 ? EXIT_RUNTIME : EXIT_USAGE;
		if (app_cloud_get(&cli->app, 0, id, &c, &e) != 0)
			return cli_fail(cli, &e);
	}
	if (!strcmp(sub, "show")) {
		if (argc > 4 || (argc == 4 && strcmp(argv[3], "--json")))
			return bad_arg(cli, "cloud show", argv[3]);
		return cloud_show(cli, &c, argc == 4);
	}
	if (!strcmp(sub, "edit")) {
		if ((rc = set_fields(cli, "cloud edit", &c, true, argc, argv, 3)) != EXIT_OK)
			return rc;
		if (app_cloud_update(&cli->app, &c, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(k, "cloud_updated", L), (long long)c.id);
		return EXIT_OK;
	}
	if (!strcmp(sub, "delete")) {
		if (app_cloud_delete(&cli->app, id, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(k, "cloud_deleted", L), (long long)id);
		return EXIT_OK;
	}
	if (!strcmp(sub, "check")) {
		const char *path = NULL, *who = "";
		bool as_json = false;
		for (int i = 3; i < argc; i++) {
			if (!strcmp(argv[i], "--answers") && i + 1 < argc)
				path = argv[++i];
			else if (!strcmp(argv[i], "--respondent") && i + 1 < argc)
				who = argv[++i];
			else if (!strcmp(argv[i], "--json"))
				as_json = true;
			else
				return bad_arg(cli, "cloud check", argv[i]);
		}
		if (!path)
			return cli_error(cli, EXIT_USAGE, "--answers で回答ファイルを指定してください", "give an answer file with --answers");
		const questionnaire_t *q = content_questionnaire(k, CLOUD_Q);
		answer_file_t file = { 0 };
		if (!q)
			return cli_error(cli, EXIT_RUNTIME, "クラウドの確認事項がありません", "the cloud checklist is missing");
		if (answerfile_read(path, &file, &e) != 0)
			return cli_error(cli, EXIT_USAGE, "%s: %s", "%s: %s", path, err_text(&e, L));
		answers_t ans;
		answer_errs_t errs;
		/* strict: a check answers every item, or it would move the review date on with gaps */
		if (answers_resolve(q, file.recs, file.n, true, &ans, &errs) != 0) {
			char msg[512];
			answer_err_format(&errs.e[0], L, msg, sizeof msg);
			answerfile_free(&file);
			return cli_error(cli, EXIT_USAGE, "%s: %s", "%s: %s", path, msg);
		}
		result_view_t v;
		rc = app_cloud_check(&cli->app, id, &ans, who, &v, &e) != 0 ? cli_fail(cli, &e) : EXIT_OK;
		answerfile_free(&file);
		if (rc != EXIT_OK)
			return rc;
		if (as_json)
			cli_print_json(stdout, json_pack("{s:I, s:I, s:i, s:i, s:s}", "cloud_service_id", (json_int_t)id, "diagnosis_id",
							 (json_int_t)v.sd->id, "total", v.sd->total, "max", v.sd->max, "band", v.sd->band_id));
		else
			printf(CF(cli->lang, "%s %lld: %d / %d（%s）\n"), ui(k, "cloud_checked", L), (long long)v.sd->id, v.sd->total, v.sd->max,
			       L == LANG_EN ? v.sd->band_en : v.sd->band_ja);
		result_view_free(&v);
		return EXIT_OK;
	}
	return cli_error(cli, EXIT_USAGE, "使い方: mamoru cloud add|list|show|edit|delete|check …", "usage: mamoru cloud add|list|show|edit|delete|check …");
}
