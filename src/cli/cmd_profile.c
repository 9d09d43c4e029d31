/*
 * cmd_profile.c — `mamoru profile`: the company profile behind the benchmark.
 *
 *   mamoru profile ORG_ID [--json]                 the profile, risk index, group and why
 *   mamoru profile ORG_ID ITEM=OPTION ... [--json] answer items; saved as a new version
 *
 * Employees, industry and sites are read from the organisation (`mamoru org edit`).
 */
#include <stdio.h>
#include <string.h>

#include "app/pool.h"
#include "app/profile.h"
#include "cli/cli.h"
#include "input/profile_input.h"
#include "report/benchmark_json.h"

static void print_text(const content_t *c, const org_t *o, const risk_t *r, lang_t L)
{
	const profile_t *p = c->profile;
	printf(CF(L, "%s（ID %lld）— %s\n\n"), o->name, (long long)o->id, ui(c, "profile", L));
	for (int i = 0; i < p->nitems; i++) {
		const profile_item_t *it = &p->items[i];
		int k = r->opt[i];
		printf("  %-22s %s: %s", it->id, tx(&it->text, L), k >= 0 ? tx(&it->opts[k].label, L) : ui(c, "profile_unanswered", L));
		if (k >= 0)
			printf(CF(L, "（%d/%d）"), it->opts[k].points, it->top);
		printf("\n");
	}
	printf("\n");
	if (r->index < 0) {
		printf("%s\n", ui(c, "profile_incomplete", L));
		return;
	}
	printf("%s: %d / 100 — %s\n", ui(c, "risk_index", L), r->index, tx(&p->groups[r->group].label, L));
	int why[5], n = profile_reasons(p, r, why, 5);
	if (n)
		printf("%s\n", ui(c, "risk_reasons", L));
	for (int i = 0; i < n; i++)
		printf(CF(L, "  ・%s: %s（+%d）\n"), tx(&p->items[why[i]].text, L), tx(&p->items[why[i]].opts[r->opt[why[i]]].label, L),
		       p->items[why[i]].opts[r->opt[why[i]]].points);
}

int cmd_profile(cli_t *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru profile 組織ID [設問=選択肢 ...] [--json]",
				 "usage: mamoru profile ORG_ID [ITEM=OPTION ...] [--json]");
	org_t o;
	int rc = cli_org(cli, argv[1], &o);
	if (rc != EXIT_OK)
		return rc;
	const content_t *c = &cli->content;
	profile_answers_t a;
	risk_t r;
	err_t e;
	if (app_company_risk(&cli->app, &o, &a, &r, &e) != 0)
		return cli_fail(cli, &e);
	bool as_json = false, changed = false;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			as_json = true;
			continue;
		}
		char item[64];
		const char *eq = strchr(argv[i], '=');
		if (!eq || eq == argv[i] || (size_t)(eq - argv[i]) >= sizeof item)
			return cli_error(cli, EXIT_USAGE, "「%s」は 設問=選択肢 の形で指定してください",
					 "\"%s\" must be ITEM=OPTION", argv[i]);
		snprintf(item, sizeof item, "%.*s", (int)(eq - argv[i]), argv[i]);
		if (profile_set(c->profile, &a, item, eq + 1, &e) != 0)
			return cli_fail(cli, &e);
		changed = true;
	}
	if (changed) {
		if (app_profile_save(&cli->app, &o, &a, true, &e) != 0)
			return e.code == ERR_INVALID ? cli_fail(cli, &e)
						     : cli_error(cli, EXIT_RUNTIME, "保存できませんでした: %s%.0s", "could not save: %.0s%s", e.ja, e.en);
		profile_risk(c->profile, &a, &o, &r);
	}
	/* a pooled diagnosis counts in the group the company had when it was made: say so when
	 * the profile now gives another */
	pool_moved_t moved[8];
	int nmoved = 0;
	err_t me;
	if (app_pool_moved(&cli->app, &o, moved, 8, &nmoved, &me) != 0)
		nmoved = 0;
	if (as_json) {
		json_t *j = profile_json(c, &r, cli->lang);
		json_object_set_new(j, "pool_moved", pool_moved_json(c, moved, nmoved, cli->lang));
		cli_print_json(stdout, j);
	} else {
		print_text(c, &o, &r, cli->lang);
		for (int i = 0; i < nmoved; i++) {
			char text[800];
			pool_moved_text(c, &moved[i], cli->lang, text, sizeof text);
			printf("%s (mamoru diagnose %s --save --org %lld --pool)\n", text, moved[i].questionnaire, (long long)o.id);
		}
	}
	return EXIT_OK;
}
