/*
 * cmd_asset.c — `mamoru asset`: the organisation's information-asset ledger (情報資産管理台帳).
 *
 *   mamoru asset add ORG --name NAME --c 1-3 --i 1-3 --a 1-3 [--no X] [--medium X] [--location X]
 *                  [--scope X] [--department X] [--owner X] [--contact X] [--registered DATE]
 *                  [--retention X] [--disposed DATE] [--inventoried DATE] [--note X] [--json]
 *   mamoru asset list ORG [--json] [--q TEXT] [--importance LEVEL] [--flag overdue|expired]
 *                  [--department X] [--sort no|name|importance|…] [--order asc|desc]
 *   mamoru asset show ID [--json] | asset edit ID [--COLUMN VALUE …] | asset delete ID
 *   mamoru asset import ORG FILE            CSV (UTF-8, BOM, CP932), tab-separated or .xlsx; all or nothing
 *   mamoru asset export ORG --format csv|xlsx --output FILE [--encoding bom|utf-8|cp932]
 *   mamoru asset starter [ORG LIST]          the example lists, or add one to the ledger
 *
 * The rows go through the same checks as an import (src/input/asset_input.c); JSON output is
 * src/report/asset_report.c's, the same as the API's.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/asset.h"
#include "app/org.h"
#include "cli/cli.h"
#include "core/utf8.h"
#include "input/table.h"
#include "report/asset_report.h"

static const ledger_content_t *L(const cli_t *cli) { return cli->content.ledger; }

/* Applies --COLUMN VALUE options from argv[from..]; --json sets *as_json. */
static int apply(cli_t *cli, asset_t *a, int argc, char **argv, int from, bool *as_json)
{
	for (int i = from; i < argc; i++) {
		if (!strcmp(argv[i], "--json") && as_json) {
			*as_json = true;
			continue;
		}
		int col = !strncmp(argv[i], "--", 2) ? asset_col_index(argv[i] + 2) : -1;
		if (col < 0 || i + 1 >= argc)
			return cli_error(cli, EXIT_USAGE, "asset の引数「%s」が不正です（列は --name --c --i --a --no --medium --location --scope "
					 "--department --owner --contact --registered --retention --disposed --inventoried --note）",
					 "bad argument to asset: \"%s\" (the columns are --name --c --i --a --no --medium --location --scope "
					 "--department --owner --contact --registered --retention --disposed --inventoried --note)", argv[i]);
		err_t e;
		if (asset_set_column(L(cli), a, col, argv[++i], &e) != 0)
			return cli_fail(cli, &e);
	}
	return EXIT_OK;
}

static void print_asset(cli_t *cli, const asset_t *a, const char *today, int months)
{
	const ledger_content_t *l = L(cli);
	lang_t lang = cli->lang;
	int k = asset_importance(&l->importance, a->c, a->i, a->a);
	printf("#%lld %s\n", (long long)a->id, a->name);
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		char cell[ASSET_NOTE];
		asset_cell(a, col, cell, sizeof cell);
		if (col == AC_NAME)
			continue;
		printf("  %s: %s\n", tx(&l->columns[col].heading, lang), cell[0] ? cell : "—");
	}
	printf("  %s: %s\n", ui(&cli->content, "asset_importance", lang), tx(&l->importance.levels[k].label, lang));
	asset_flags_t f = asset_flags(a, today, months);
	if (f.disposed)
		printf("  %s\n", ui(&cli->content, "asset_flag_disposed", lang));
	if (f.inventory_overdue)
		printf("  ! %s\n", ui(&cli->content, "asset_flag_overdue", lang));
	if (f.retention_over)
		printf(CF(cli->lang, "  ! %s（%s）\n"), ui(&cli->content, "asset_flag_expired", lang), a->retain_until);
}

typedef struct {
	cli_t *cli;
	json_t *list;       /* --json */
	const char *today;
	int months;
} list_ctx_t;

static bool list_row(const asset_t *a, void *arg)
{
	list_ctx_t *c = arg;
	const ledger_content_t *l = L(c->cli);
	if (c->list) {
		json_array_append_new(c->list, asset_json(l, a, c->today, c->months, c->cli->lang));
		return true;
	}
	int k = asset_importance(&l->importance, a->c, a->i, a->a);
	asset_flags_t f = asset_flags(a, c->today, c->months);
	const content_t *ct = &c->cli->content;
	lang_t lang = c->cli->lang;
	printf("%6lld  %-6s %s  [%d %d %d] %s  %s", (long long)a->id, a->no, a->name, a->c, a->i, a->a,
	       tx(&l->importance.levels[k].label, lang), a->department);
	if (f.disposed)
		printf("  (%s)", ui(ct, "asset_flag_disposed", lang));
	if (f.inventory_overdue)
		printf("  ! %s", ui(ct, "asset_flag_overdue", lang));
	if (f.retention_over)
		printf("  ! %s", ui(ct, "asset_flag_expired", lang));
	putchar('\n');
	return true;
}

static int list(cli_t *cli, int argc, char **argv)
{
	org_t o;
	int rc = cli_org(cli, argc > 2 ? argv[2] : NULL, &o);
	if (rc != EXIT_OK)
		return rc;
	asset_params_t p = { 0 };
	bool as_json = false;
	for (int i = 3; i < argc; i++) {
		const char **slot = !strcmp(argv[i], "--q") ? &p.q : !strcmp(argv[i], "--importance") ? &p.importance
				    : !strcmp(argv[i], "--flag") ? &p.flag : !strcmp(argv[i], "--department") ? &p.department
				    : !strcmp(argv[i], "--sort") ? &p.sort : !strcmp(argv[i], "--order") ? &p.order
				    : !strcmp(argv[i], "--disposed") ? &p.disposed : NULL;
		if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (slot && i + 1 < argc)
			*slot = argv[++i];
		else
			return cli_error(cli, EXIT_USAGE, "asset list の引数「%s」が不正です", "bad argument to asset list: \"%s\"", argv[i]);
	}
	asset_filter_t f;
	err_t e;
	if (asset_filter_parse(L(cli), &p, 0, &f, &e) != 0)
		return cli_fail(cli, &e);
	char today[11];
	app_today(&cli->app, today);
	list_ctx_t c = { .cli = cli, .list = as_json ? json_array() : NULL, .today = today, .months = app_inventory_months(&cli->app, o.id) };
	int64_t total = 0;
	if (!as_json)
		printf(CF(cli->lang, "%s（ID %lld）— %s\n"), o.name, (long long)o.id, tx(&L(cli)->title, cli->lang));
	if (app_asset_list(&cli->app, o.id, &f, list_row, &c, &total, &e) != 0) {
		json_decref(c.list);
		return cli_fail(cli, &e);
	}
	if (as_json) {
		json_t *j = json_object();
		json_object_set_new(j, "organization_id", json_integer(o.id));
		json_object_set_new(j, "assets", c.list);
		json_object_set_new(j, "total", json_integer(total));
		cli_print_json(stdout, j);
	} else {
		printf("%s: %lld\n", ui(&cli->content, "asset_total", cli->lang), (long long)total);
	}
	return EXIT_OK;
}

static int import(cli_t *cli, int argc, char **argv)
{
	org_t o;
	if (argc != 4)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru asset import 組織ID ファイル", "usage: mamoru asset import ORG FILE");
	int rc = cli_org(cli, argv[2], &o);
	if (rc != EXIT_OK)
		return rc;
	char *data;
	size_t len;
	err_t e;
	if (table_slurp(argv[3], &data, &len, &e) != 0)
		return cli_fail(cli, &e);
	asset_import_t report;
	int added, updated;
	rc = app_asset_import(&cli->app, o.id, data, len, &report, &added, &updated, &e);
	free(data);
	if (rc != 0) {
		if (report.nerrs == 0)
			return cli_fail(cli, &e);
		for (int k = 0; k < report.nerrs; k++)
			cli_error(cli, EXIT_USAGE, "%s: %s%.0s", "%s: %.0s%s", argv[3], report.errs[k].ja, report.errs[k].en);
		if (report.more)
			cli_error(cli, EXIT_USAGE, "ほかに %d 件の問題があります", "%d more problems", report.more);
		cli_error(cli, EXIT_USAGE, "台帳は変更していません", "the ledger was not changed");
		return err_exit_code(report.errs[0].code == ERR_STORE ? ERR_STORE : ERR_INVALID);
	}
	printf(cli->lang == LANG_EN ? "%s: %d added, %d updated (%s, %d rows)\n" : "%s: %d 件を追加、%d 件を更新しました（%s、%d 行）\n",
	       o.name, added, updated, report.format, report.rows);
	return EXIT_OK;
}

typedef struct {
	ledger_writer_t *w;
	err_t e;
	int n;
	bool failed;
} export_ctx_t;

static bool export_row(const asset_t *a, void *arg)
{
	export_ctx_t *x = arg;
	if (ledger_write(x->w, a, &x->e) != 0) {
		x->failed = true;
		return false;
	}
	x->n++;
	return true;
}

static int export(cli_t *cli, int argc, char **argv)
{
	org_t o;
	const char *format = NULL, *output = NULL, *encoding = "bom";
	for (int i = 3; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--format"))
			format = argv[i + 1];
		else if (!strcmp(argv[i], "--output"))
			output = argv[i + 1];
		else if (!strcmp(argv[i], "--encoding"))
			encoding = argv[i + 1];
		else
			return cli_error(cli, EXIT_USAGE, "asset export の引数「%s」が不正です", "bad argument to asset export: \"%s\"", argv[i]);
	}
	if (argc < 3 || (argc - 3) % 2 || !format || !output || (strcmp(format, "csv") && strcmp(format, "xlsx")))
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru asset export 組織ID --format csv|xlsx --output ファイル [--encoding bom|utf-8|cp932]",
				 "usage: mamoru asset export ORG --format csv|xlsx --output FILE [--encoding bom|utf-8|cp932]");
	ledger_csv_enc_t enc = !strcmp(encoding, "bom") ? LEDGER_CSV_BOM : !strcmp(encoding, "utf-8") ? LEDGER_CSV_UTF8
			       : !strcmp(encoding, "cp932") ? LEDGER_CSV_CP932 : (ledger_csv_enc_t)-1;
	if ((int)enc < 0)
		return cli_error(cli, EXIT_USAGE, "--encoding は bom・utf-8・cp932 のどれかです", "--encoding must be bom, utf-8 or cp932");
	int rc = cli_org(cli, argv[2], &o);
	if (rc != EXIT_OK)
		return rc;
	err_t e;
	export_ctx_t x = { 0 };
	FILE *f = NULL;
	bool xlsx = !strcmp(format, "xlsx");
	if (xlsx) {
		if (!(x.w = ledger_xlsx_open(output, L(cli), &e)))
			return cli_fail(cli, &e);
	} else {
		f = !strcmp(output, "-") ? stdout : fopen(output, "wb");
		if (!f)
			return cli_error(cli, EXIT_RUNTIME, "%s に書けません", "cannot write %s", output);
		x.w = ledger_csv_open(f, L(cli), enc);
	}
	asset_filter_t flt;
	asset_filter_init(&flt);
	flt.per_page = 0;
	int res = app_asset_list(&cli->app, o.id, &flt, export_row, &x, NULL, &e);
	if (x.failed)
		e = x.e, res = -1;
	if (ledger_close(x.w, res == 0 ? &e : &x.e) != 0 && res == 0)
		res = -1;
	if (f && f != stdout && fclose(f) != 0 && res == 0)
		res = err_set(&e, ERR_INTERNAL, "output", "%s に書けません", "cannot write %s", output);
	if (res != 0)
		return cli_fail(cli, &e);
	if (f != stdout)
		printf(cli->lang == LANG_EN ? "%d assets written to %s\n" : "%d 件を %s に書き出しました\n", x.n, output);
	return EXIT_OK;
}

static int starter(cli_t *cli, int argc, char **argv)
{
	const ledger_content_t *l = L(cli);
	if (argc == 2) {
		for (int k = 0; k < l->nstarters; k++)
			printf(CF(cli->lang, "%-16s %s（%d）\n"), l->starters[k].id, tx(&l->starters[k].title, cli->lang), l->starters[k].nrows);
		printf("%s\n", tx(&l->starters_note, cli->lang));
		return EXIT_OK;
	}
	if (argc != 4)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru asset starter [組織ID 一覧ID]", "usage: mamoru asset starter [ORG LIST]");
	org_t o;
	int rc = cli_org(cli, argv[2], &o);
	if (rc != EXIT_OK)
		return rc;
	int added;
	err_t e;
	if (app_asset_starter(&cli->app, o.id, argv[3], &added, &e) != 0)
		return cli_fail(cli, &e);
	printf(cli->lang == LANG_EN ? "%s: %d added\n" : "%s: %d 件を追加しました\n", o.name, added);
	return EXIT_OK;
}

int cmd_asset(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	asset_t a;
	err_t e;
	bool as_json = false;
	int rc;
	if (!strcmp(sub, "add")) {
		org_t o;
		if ((rc = cli_org(cli, argc > 2 ? argv[2] : NULL, &o)) != EXIT_OK)
			return rc;
		memset(&a, 0, sizeof a);
		a.org_id = o.id;
		/* the seed: the registration date, and the last inventory at the first entry, are today */
		app_today(&cli->app, a.registered);
		app_today(&cli->app, a.inventoried);
		if ((rc = apply(cli, &a, argc, argv, 3, &as_json)) != EXIT_OK)
			return rc;
		if (app_asset_add(&cli->app, &a, &e) != 0)
			return cli_fail(cli, &e);
	} else if (!strcmp(sub, "edit")) {
		int64_t id = cli_id(cli, "ASSET_ID", argc > 2 ? argv[2] : NULL);
		if (id < 0)
			return EXIT_USAGE;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_asset_get(&cli->app, id, &a, &e) != 0)
			return cli_fail(cli, &e);
		if ((rc = apply(cli, &a, argc, argv, 3, &as_json)) != EXIT_OK)
			return rc;
		if (app_asset_update(&cli->app, &a, &e) != 0)
			return cli_fail(cli, &e);
	} else if (!strcmp(sub, "show")) {
		int64_t id = cli_id(cli, "ASSET_ID", argc > 2 ? argv[2] : NULL);
		if (id < 0)
			return EXIT_USAGE;
		as_json = argc == 4 && !strcmp(argv[3], "--json");
		if (argc > 4 || (argc == 4 && !as_json))
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru asset show ID [--json]", "usage: mamoru asset show ID [--json]");
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_asset_get(&cli->app, id, &a, &e) != 0)
			return cli_fail(cli, &e);
	} else if (!strcmp(sub, "delete")) {
		int64_t id = cli_id(cli, "ASSET_ID", argc == 3 ? argv[2] : NULL);
		if (id < 0)
			return EXIT_USAGE;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_asset_delete(&cli->app, id, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(&cli->content, "asset_deleted", cli->lang), (long long)id);
		return EXIT_OK;
	} else if (!strcmp(sub, "list")) {
		return list(cli, argc, argv);
	} else if (!strcmp(sub, "import")) {
		return import(cli, argc, argv);
	} else if (!strcmp(sub, "export")) {
		return export(cli, argc, argv);
	} else if (!strcmp(sub, "starter")) {
		return starter(cli, argc, argv);
	} else {
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru asset add|list|show|edit|delete|import|export|starter …",
				 "usage: mamoru asset add|list|show|edit|delete|import|export|starter ...");
	}
	char today[11];
	app_today(&cli->app, today);
	int months = app_inventory_months(&cli->app, a.org_id);
	if (as_json) {
		cli_print_json(stdout, asset_json(L(cli), &a, today, months, cli->lang));
	} else if (!strcmp(sub, "show")) {
		print_asset(cli, &a, today, months);
	} else {
		printf("%s %lld\n", ui(&cli->content, !strcmp(sub, "add") ? "asset_added" : "asset_updated", cli->lang), (long long)a.id);
	}
	return EXIT_OK;
}
