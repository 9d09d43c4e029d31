/*
 * cmd_history.c — `mamoru history ORG_ID [--json]`: every diagnosis of an organisation with
 * its date, questionnaire, score and band, the change since the previous one (in total and per
 * category), the per-site roll-up of each round and where an executive's answers differ from
 * a manager's or staff member's (core/history.c computes all of it from the snapshots).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/history.h"
#include "report/records_json.h"
#include "report/result_text.h"
#include "core/xalloc.h"

static const char *role_label(const cli_t *cli, role_t r)
{
	static const char *const keys[] = { "role_none", "role_executive", "role_manager", "role_staff" };
	return ui(&cli->content, keys[r], cli->lang);
}

/* The option's label in the current content, or its id when the content no longer has it. */
static const char *option_label(const cli_t *cli, const char *qid, const char *opt)
{
	const questionnaire_t *q = content_questionnaire(&cli->content, qid);
	for (int k = 0; q && k < q->aset->nopts; k++)
		if (!strcmp(q->aset->opts[k].id, opt))
			return tx(&q->aset->opts[k].label, cli->lang);
	return opt[0] ? opt : "—";
}

static const char *cat_title(const cli_t *cli, const sd_category_t *c)
{
	return cli->lang == LANG_EN ? c->title_en : c->title_ja;
}

static void print_rollup(const cli_t *cli, const rollup_t *r, const stored_diag_t *f)
{
	const content_t *c = &cli->content;
	lang_t L = cli->lang;
	printf(CF(cli->lang, "\n■ %s: %s %s（%s %s）\n"), ui(c, "rollup", L), f->questionnaire, f->round, ui(c, "rollup_rule", L),
	       ui(c, "whole_company", L));
	printf("  %s: %d / %d\n", ui(c, "total", L), r->total, r->max);
	printf("  %s\n", ui(c, "p17_rollup_used", L));
	for (int k = 0; k < r->nsites; k++)
		printf(CF(cli->lang, "  - %s %s（%s）%s: %d / %d（ID %lld）\n"), r->sites[k]->scope, r->sites[k]->respondent,
		       role_label(cli, r->sites[k]->role), CLI_WHEN(cli, r->sites[k]->created), r->sites[k]->total, r->sites[k]->max,
		       (long long)r->sites[k]->id);
	if (r->nleft)
		printf("  %s\n", ui(c, "p17_rollup_left", L));
	for (int k = 0; k < r->nleft; k++)
		printf(CF(cli->lang, "  - %s %s（%s）%s: %d / %d（ID %lld → ID %lld）\n"), r->left[k]->scope, r->left[k]->respondent,
		       role_label(cli, r->left[k]->role), CLI_WHEN(cli, r->left[k]->created), r->left[k]->total, r->left[k]->max,
		       (long long)r->left[k]->id, (long long)r->sites[r->left_for[k]]->id);
	for (int i = 0; i < f->nanswers; i++) {
		bool differ = false;
		for (int k = 1; k < r->nsites; k++)
			differ |= strcmp(r->sites[k]->answers[i].option, r->sites[0]->answers[i].option) != 0;
		if (!differ)
			continue;
		printf("  %s %s:", ui(c, "question", L), f->answers[i].question);
		for (int k = 0; k < r->nsites; k++)
			printf(" %s/%s=%s", r->sites[k]->scope, r->sites[k]->respondent,
			       option_label(cli, f->questionnaire, r->sites[k]->answers[i].option));
		printf(" → %d\n", r->points[i]);
	}
}

static void print_comparison(const cli_t *cli, const stored_diag_t *exec, const stored_diag_t *other)
{
	disagreement_t dis[MAX_ITEMS];
	int nd = history_compare(exec, other, dis);
	const content_t *c = &cli->content;
	lang_t L = cli->lang;
	printf(CF(cli->lang, "\n■ %s: %s %s — %s（%s）/ %s（%s）: %d %s\n"), ui(c, "comparison", L), exec->questionnaire, exec->round,
	       role_label(cli, exec->role), exec->respondent, role_label(cli, other->role), other->respondent, nd,
	       ui(c, "disagreements", L));
	for (int j = 0; j < nd; j++) {
		const sd_answer_t *a = &exec->answers[dis[j].item], *b = &other->answers[dis[j].item];
		printf("  %s %s: %s / %s\n", ui(c, "question", L), a->question, option_label(cli, exec->questionnaire, a->option),
		       option_label(cli, exec->questionnaire, b->option));
	}
}

static void print_text(const cli_t *cli, const org_t *o, stored_diag_t **list, int n)
{
	const content_t *c = &cli->content;
	lang_t L = cli->lang;
	const stored_diag_t *const *cl = (const stored_diag_t *const *)list;
	printf(CF(cli->lang, "%s（ID %lld）— %s\n"), o->name, (long long)o->id, ui(c, "history", L));
	if (n == 0) {
		printf("%s\n", ui(c, "no_diagnoses", L));
		return;
	}
	history_index_t ix; /* one pass: previous results, rounds and executives for every diagnosis */
	history_index_build(cl, n, &ix);
	for (int i = 0; i < n; i++) {
		const stored_diag_t *d = list[i];
		int p = ix.prev[i];
		printf(CF(cli->lang, "\nID %lld  %s  %s（%s %s）  %s: %s  %s: %s"), (long long)d->id, CLI_WHEN(cli, d->created), d->questionnaire,
		       ui(c, "version", L), d->version, ui(c, "round", L), d->round, ui(c, "scope", L), d->scope);
		if (d->respondent[0] || d->role)
			printf(CF(cli->lang, "  %s: %s（%s）"), ui(c, "respondent", L), d->respondent, role_label(cli, d->role));
		printf("\n  %s: %d / %d  %s: %s", ui(c, "total", L), d->total, d->max, ui(c, "band", L),
		       L == LANG_EN ? d->band_en : d->band_ja);
		if (p < 0) {
			putchar('\n');
			continue;
		}
		printf(CF(cli->lang, "  %s: %+d（ID %lld）\n"), ui(c, "change", L), d->total - list[p]->total, (long long)list[p]->id);
		for (int k = 0; k < d->ncats; k++) {
			int delta;
			if (history_cat_change(d, list[p], k, &delta) && delta != 0)
				printf("    %s %+d\n", cat_title(cli, &d->cats[k]), delta);
		}
	}
	rollup_t *r = xmalloc(sizeof *r);
	for (int i = 0; i < n; i++) {
		if (ix.first[i] && history_rollup_ix(cl, &ix, i, r) >= 2)
			print_rollup(cli, r, list[i]);
		int e = ix.exec[i];
		if (e >= 0)
			print_comparison(cli, list[e], list[i]);
	}
	free(r);
	history_index_free(&ix);
}

int cmd_history(cli_t *cli, int argc, char **argv)
{
	bool as_json = argc == 3 && !strcmp(argv[2], "--json");
	if (argc < 2 || argc > 3 || (argc == 3 && !as_json))
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru history 組織ID [--json]", "usage: mamoru history ORG_ID [--json]");
	org_t o;
	stored_diag_t **list;
	int n, rc = cli_org_history(cli, argv[1], &o, &list, &n);
	if (rc != EXIT_OK)
		return rc;
	if (as_json) {
		cli_print_json(stdout, history_json(&cli->content, &o, (const stored_diag_t *const *)list, n, cli->lang, false));
	} else {
		print_text(cli, &o, list, n);
	}
	stored_diag_list_free(list, n);
	return EXIT_OK;
}
