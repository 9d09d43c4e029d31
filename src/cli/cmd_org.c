/*
 * cmd_org.c — `mamoru org add|edit|list|show|archive|restore|delete`: the organisations being
 * diagnosed, with the size band and SME flag derived from their profile (core/org.c).
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/org.h"
#include "cli/cli.h"
#include "input/org_input.h"
#include "report/records_json.h"
#include "report/result_text.h"

static const char *const FIELDS[] = { "name", "industry", "employees", "capital", "prefecture", "sites", NULL };

/* Applies --field value pairs from argv[from..] to o. */
static int apply_fields(cli_t *cli, org_t *o, int argc, char **argv, int from, bool *as_json)
{
	for (int i = from; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			*as_json = true;
			continue;
		}
		const char *field = NULL;
		for (int k = 0; FIELDS[k]; k++)
			if (!strncmp(argv[i], "--", 2) && !strcmp(argv[i] + 2, FIELDS[k]))
				field = FIELDS[k];
		if (!field || i + 1 >= argc)
			return cli_error(cli, EXIT_USAGE, "org の引数「%s」が不正です", "bad argument to org: \"%s\"", argv[i]);
		err_t e;
		if (org_set_field(&cli->content, o, field, argv[++i], &e) != 0)
			return cli_fail(cli, &e);
	}
	err_t e;
	return org_check(o, &e) ? cli_fail(cli, &e) : EXIT_OK;
}

static const char *sme_text(const cli_t *cli, const org_t *o)
{
	switch (org_sme(&cli->content, o)) {
	case SME_YES: return ui(&cli->content, "sme_yes", cli->lang);
	case SME_NO: return ui(&cli->content, "sme_no", cli->lang);
	default: return ui(&cli->content, "sme_unknown", cli->lang);
	}
}

static void print_org(const cli_t *cli, const org_t *o)
{
	const content_t *c = &cli->content;
	lang_t L = cli->lang;
	const industry_t *ind = content_industry(c, o->industry);
	int band = org_size_band(c, o->employees);
	const char *unknown = ui(c, "not_given", L);
	printf("%s: %lld\n%s: %s\n", ui(c, "org_id", L), (long long)o->id, ui(c, "org_name", L), o->name);
	printf("%s: %s%s%s\n", ui(c, "industry", L), ind ? o->industry : unknown, ind ? " " : "",
	       ind ? tx(&ind->name, L) : "");
	if (o->employees >= 0)
		printf(CF(cli->lang, "%s: %d（%s）\n"), ui(c, "employees", L), o->employees, tx(&c->size_bands[band].label, L));
	else
		printf("%s: %s\n", ui(c, "employees", L), unknown);
	char cap[32]; /* an amount with thousands separators: 10,000,000 */
	num_grouped(o->capital, cap, sizeof cap);
	if (o->capital >= 0)
		printf("%s: %s %s\n", ui(c, "capital", L), cap, ui(c, "yen", L));
	else
		printf("%s: %s\n", ui(c, "capital", L), unknown);
	printf("%s: %s\n", ui(c, "prefecture", L), o->prefecture[0] ? o->prefecture : unknown);
	if (o->sites >= 0)
		printf("%s: %d\n", ui(c, "sites", L), o->sites);
	else
		printf("%s: %s\n", ui(c, "sites", L), unknown);
	printf("%s: %s\n", ui(c, "sme", L), sme_text(cli, o));
	if (o->archived[0])
		printf("%s: %s\n", ui(c, "org_archived", L), CLI_WHEN(cli, o->archived));
}

/* org archive|restore|delete ID: delete needs --yes, for it cannot be undone. */
static int change(cli_t *cli, const char *sub, int argc, char **argv)
{
	bool del = !strcmp(sub, "delete");
	if (argc != (del ? 4 : 3) || (del && strcmp(argv[3], "--yes")))
		return del ? cli_error(cli, EXIT_USAGE,
				       "使い方: mamoru org delete ID --yes（組織と、その診断・計画・プロフィール・回答用リンク・プールへの寄与をすべて削除します。元に戻せません）",
				       "usage: mamoru org delete ID --yes (deletes the organisation with its diagnoses, plan, profiles, "
				       "respondent links and pool contributions; this cannot be undone)")
			   : cli_error(cli, EXIT_USAGE, "使い方: mamoru org %s ID", "usage: mamoru org %s ID", sub);
	org_t o;
	int rc = cli_org(cli, argv[2], &o);
	if (rc != EXIT_OK)
		return rc;
	err_t e;
	if ((del ? app_org_delete(&cli->app, o.id, &e) : app_org_archive(&cli->app, o.id, !strcmp(sub, "archive"), &e)) != 0)
		return cli_fail(cli, &e);
	printf("%s: %lld %s\n", ui(&cli->content, del ? "org_deleted" : !strcmp(sub, "archive") ? "org_archived_now" : "org_restored", cli->lang),
	       (long long)o.id, o.name);
	return EXIT_OK;
}

typedef struct {
	cli_t *cli;
	json_t *arr;
	int n;
} list_ctx_t;

static bool list_one(const org_t *o, void *arg)
{
	list_ctx_t *x = arg;
	x->n++;
	if (x->arr) {
		json_array_append_new(x->arr, org_json(&x->cli->content, o, x->cli->lang));
		return true;
	}
	char emp[16] = "-";
	if (o->employees >= 0)
		snprintf(emp, sizeof emp, "%d", o->employees);
	printf("%4lld  ", (long long)o->id);
	print_padded(stdout, o->name, 30);
	printf("  %-2s  %6s  %s%s%s\n", o->industry[0] ? o->industry : "-", emp, sme_text(x->cli, o), o->archived[0] ? "  " : "",
	       o->archived[0] ? ui(&x->cli->content, "org_archived", x->cli->lang) : "");
	return true;
}

int cmd_org(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	bool as_json = false;
	org_t o;
	int rc;
	if (!strcmp(sub, "add")) {
		org_init(&o);
		if ((rc = apply_fields(cli, &o, argc, argv, 2, &as_json)) != EXIT_OK)
			return rc;
		err_t e;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_org_create(&cli->app, &o, &e) != 0)
			return cli_fail(cli, &e);
		if (as_json)
			cli_print_json(stdout, org_json(&cli->content, &o, cli->lang));
		else
			printf("%s %lld\n", ui(&cli->content, "org_added", cli->lang), (long long)o.id);
		return EXIT_OK;
	}
	if (!strcmp(sub, "edit")) {
		if (argc < 3)
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru org edit ID --項目 値", "usage: mamoru org edit ID --field value");
		if ((rc = cli_org(cli, argv[2], &o)) != EXIT_OK)
			return rc;
		if ((rc = apply_fields(cli, &o, argc, argv, 3, &as_json)) != EXIT_OK)
			return rc;
		err_t e;
		if (app_org_update(&cli->app, &o, &e) != 0)
			return cli_fail(cli, &e);
		if (as_json)
			cli_print_json(stdout, org_json(&cli->content, &o, cli->lang));
		else
			print_org(cli, &o);
		return EXIT_OK;
	}
	if (!strcmp(sub, "list")) {
		for (int i = 2; i < argc; i++)
			if (!strcmp(argv[i], "--json"))
				as_json = true;
			else
				return cli_error(cli, EXIT_USAGE, "org list の引数「%s」が不正です", "bad argument to org list: \"%s\"", argv[i]);
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		list_ctx_t x = { .cli = cli, .arr = as_json ? json_array() : NULL };
		err_t e;
		if (app_org_each(&cli->app, list_one, &x, &e) != 0) {
			json_decref(x.arr);
			return cli_fail(cli, &e);
		}
		if (as_json)
			cli_print_json(stdout, x.arr);
		else if (x.n == 0)
			printf("%s\n", ui(&cli->content, "no_orgs", cli->lang));
		return EXIT_OK;
	}
	if (!strcmp(sub, "show")) {
		if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "--json")))
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru org show ID [--json]", "usage: mamoru org show ID [--json]");
		if ((rc = cli_org(cli, argv[2], &o)) != EXIT_OK)
			return rc;
		if (argc == 4)
			cli_print_json(stdout, org_json(&cli->content, &o, cli->lang));
		else
			print_org(cli, &o);
		return EXIT_OK;
	}
	if (!strcmp(sub, "archive") || !strcmp(sub, "restore") || !strcmp(sub, "delete"))
		return change(cli, sub, argc, argv);
	return cli_error(cli, EXIT_USAGE, "使い方: mamoru org add|edit|list|show|archive|restore|delete",
			 "usage: mamoru org add|edit|list|show|archive|restore|delete");
}
