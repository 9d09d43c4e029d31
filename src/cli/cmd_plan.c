/*
 * cmd_plan.c — `mamoru plan`: the organisation's action plan.
 *
 *   mamoru plan ORG_ID [--json]                        the plan, checked against the latest diagnosis
 *   mamoru plan add ORG_ID --questionnaire Q --question N [--owner NAME] [--due YYYY-MM-DD] [--note TEXT]
 *   mamoru plan set ITEM_ID [--owner NAME] [--due YYYY-MM-DD] [--status todo|doing|done] [--note TEXT]
 *   mamoru plan delete ITEM_ID
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/asset.h"
#include "app/plan.h"
#include "cli/cli.h"
#include "input/plan_input.h"
#include "report/records_json.h"

static int apply(cli_t *cli, plan_item_t *p, int argc, char **argv, int from, const char *const *allowed)
{
	for (int i = from; i < argc; i++) {
		const char *field = NULL;
		for (int k = 0; allowed[k]; k++)
			if (!strncmp(argv[i], "--", 2) && !strcmp(argv[i] + 2, allowed[k]))
				field = allowed[k];
		if (!field || i + 1 >= argc)
			return cli_error(cli, EXIT_USAGE, "plan の引数「%s」が不正です", "bad argument to plan: \"%s\"", argv[i]);
		err_t e;
		if (plan_set_field(&cli->content, p, field, argv[++i], &e) != 0)
			return cli_fail(cli, &e);
	}
	return EXIT_OK;
}

static int show(cli_t *cli, const char *org_arg, bool as_json)
{
	org_t o;
	stored_diag_t **list;
	int n, rc = cli_org_history(cli, org_arg, &o, &list, &n);
	if (rc != EXIT_OK)
		return rc;
	plan_item_t *items;
	int np;
	err_t e;
	if (app_plan_list(&cli->app, o.id, &items, &np, &e) != 0) {
		stored_diag_list_free(list, n);
		return cli_fail(cli, &e);
	}
	const stored_diag_t *const *cl = (const stored_diag_t *const *)list;
	if (as_json) {
		cli_print_json(stdout, plan_json(&cli->content, items, np, cl, n, cli->lang));
	} else {
		const content_t *c = &cli->content;
		lang_t L = cli->lang;
		char today[11];
		app_today(&cli->app, today);
		printf(CF(cli->lang, "%s（ID %lld）— %s\n"), o.name, (long long)o.id, ui(c, "plan", L));
		if (np == 0)
			printf("%s\n", ui(c, "plan_empty", L));
		for (int i = 0; i < np; i++) {
			const plan_item_t *p = &items[i];
			const questionnaire_t *q = content_questionnaire(c, p->questionnaire);
			int it = q ? item_index(q, p->question) : -1;
			char key[32];
			snprintf(key, sizeof key, "plan_%s", plan_status_id(p->status));
			int64_t against = 0;
			plan_check_t chk = plan_check(p, cl, n, &against);
			printf("\n#%lld [%s] %s %s: %s\n", (long long)p->id, ui(c, key, L), p->questionnaire, p->question,
			       it >= 0 ? tx(&q->items[it].text, L) : p->title);
			printf("    %s: %s  %s: %s", ui(c, "plan_owner", L), p->owner[0] ? p->owner : "—", ui(c, "plan_due", L),
			       p->due[0] ? CLI_DAY(cli, p->due) : "—");
			if (plan_overdue(p, today))
				printf(CF(L, "（%s）"), ui(c, "p17_plan_overdue_cli", L));
			if (chk != PLAN_NOT_CHECKED)
				printf(CF(cli->lang, "  %s（ID %lld）"), ui(c, chk == PLAN_ACHIEVED ? "plan_achieved" : "plan_not_yet", L), (long long)against);
			putchar('\n');
			if (chk == PLAN_ACHIEVED && p->status != PLAN_DONE) /* full marks now: suggest closing it */
				printf("    → %s mamoru plan set %lld --status done\n", ui(c, "p17_plan_suggest_done", L), (long long)p->id);
			if (p->note[0])
				printf("    %s: %s\n", ui(c, "p17_plan_note", L), p->note);
		}
	}
	free(items);
	stored_diag_list_free(list, n);
	return EXIT_OK;
}

int cmd_plan(cli_t *cli, int argc, char **argv)
{
	static const char *const ADD[] = { "questionnaire", "question", "owner", "due", "note", NULL };
	static const char *const SET[] = { "owner", "due", "status", "note", NULL };
	const char *sub = argc > 1 ? argv[1] : "";
	plan_item_t p;
	int rc;
	if (!strcmp(sub, "add")) {
		org_t o;
		if (argc < 3)
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru plan add 組織ID --questionnaire 診断ID --question 設問",
					 "usage: mamoru plan add ORG_ID --questionnaire QID --question N");
		if ((rc = cli_org(cli, argv[2], &o)) != EXIT_OK)
			return rc;
		memset(&p, 0, sizeof p);
		p.org_id = o.id;
		/* the questionnaire must be known before the question is checked */
		for (int i = 3; i + 1 < argc; i++)
			if (!strcmp(argv[i], "--questionnaire")) {
				err_t e;
				if (plan_set_field(&cli->content, &p, "questionnaire", argv[i + 1], &e))
					return cli_fail(cli, &e);
			}
		if ((rc = apply(cli, &p, argc, argv, 3, ADD)) != EXIT_OK)
			return rc;
		if (!p.questionnaire[0] || !p.question[0])
			return cli_error(cli, EXIT_USAGE, "--questionnaire と --question は必須です", "--questionnaire and --question are required");
		err_t e;
		if (app_plan_add(&cli->app, &p, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(&cli->content, "plan_added", cli->lang), (long long)p.id);
		return EXIT_OK;
	}
	if (!strcmp(sub, "set")) {
		int64_t id = argc > 2 ? cli_id(cli, "ITEM_ID", argv[2]) : cli_id(cli, "ITEM_ID", NULL);
		if (id < 0)
			return EXIT_USAGE;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		err_t e;
		if (app_plan_get(&cli->app, id, &p, &e) != 0)
			return cli_fail(cli, &e);
		if ((rc = apply(cli, &p, argc, argv, 3, SET)) != EXIT_OK)
			return rc;
		if (app_plan_update(&cli->app, &p, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(&cli->content, "plan_updated", cli->lang), (long long)p.id);
		return EXIT_OK;
	}
	if (!strcmp(sub, "delete")) {
		int64_t id = cli_id(cli, "ITEM_ID", argc == 3 ? argv[2] : NULL);
		if (id < 0)
			return EXIT_USAGE;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		err_t e;
		if (app_plan_delete(&cli->app, id, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(&cli->content, "plan_deleted", cli->lang), (long long)id);
		return EXIT_OK;
	}
	if (argc == 2 || (argc == 3 && !strcmp(argv[2], "--json")))
		return show(cli, argv[1], argc == 3);
	return cli_error(cli, EXIT_USAGE, "使い方: mamoru plan 組織ID | plan add … | plan set … | plan delete 項目ID", "usage: mamoru plan ORG_ID | plan add ... | plan set ... | plan delete ITEM_ID");
}
