/*
 * cmd_risk.c — `mamoru risk`: the organisation's risk register on the guideline's 3×3 matrix.
 *
 *   mamoru risk add ORG --asset ID [--asset ID …] --threat TEXT --source external|internal
 *                 --frequency monthly|yearly|rare --impact fatal|stop|slow
 *                 [--treatment reduce|avoid|transfer|accept --reason TEXT] [--measure 4.3.2 …]
 *                 [--residual-frequency F --residual-impact I] [--review YYYY-MM-DD] [--json]
 *   mamoru risk list ORG [--json] [--asset ID] [--treatment T|none] [--sort id|cell|treatment|review]
 *   mamoru risk show ID [--json] | risk edit ID [same options] | risk delete ID
 *   mamoru risk matrix ORG [--json] [FREQUENCY:IMPACT=TREATMENT …] [--reset] [--inventory-months N]
 *
 * --threat takes text, or scenario:N / threat:ID for the guideline's scenarios and the Tokyo
 * handbook's threats (whose measures a 低減 then uses when no --measure is given). The Japanese
 * labels (外部, 月1回, 会社の存亡, 低減 …) are accepted as well as the ids.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/org.h"
#include "app/risk.h"
#include "cli/cli.h"
#include "core/utf8.h"
#include "input/risk_input.h"
#include "report/asset_report.h"

static const risk_content_t *RC(const cli_t *cli) { return cli->content.risk; }

/* Prints s and spaces up to width terminal columns (none when width is 0). */
static void pad(const char *s, int width)
{
	if (!width)
		return;
	fputs(s, stdout);
	for (int w = utf8_width(s); w < width; w++)
		putchar(' ');
}

/* --residual-frequency is the field residual_frequency. */
static int apply(cli_t *cli, risk_rec_t *r, int argc, char **argv, int from, bool *as_json)
{
	bool measures_given = false;
	for (int i = from; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			*as_json = true;
			continue;
		}
		char field[40];
		if (strncmp(argv[i], "--", 2) || i + 1 >= argc || strlen(argv[i]) >= sizeof field + 2)
			return cli_error(cli, EXIT_USAGE, "risk の引数「%s」が不正です", "bad argument to risk: \"%s\"", argv[i]);
		snprintf(field, sizeof field, "%s", argv[i] + 2);
		for (char *p = field; *p; p++)
			if (*p == '-')
				*p = '_';
		static const char *const ok[] = { "asset", "threat", "threat_ref", "source", "frequency", "impact", "treatment", "reason",
						  "measure", "residual_frequency", "residual_impact", "review", NULL };
		bool known = false;
		for (int k = 0; ok[k]; k++)
			known |= !strcmp(field, ok[k]);
		if (!known)
			return cli_error(cli, EXIT_USAGE, "risk の引数「%s」が不正です", "bad argument to risk: \"%s\"", argv[i]);
		if (!strcmp(field, "measure") && !measures_given) {
			r->measures[0] = '\0'; /* the options given replace the stored list */
			measures_given = true;
		}
		err_t e;
		if (risk_set_field(&cli->content, r, field, argv[++i], &e) != 0)
			return cli_fail(cli, &e);
	}
	/* a threat from the lists brings its measures to a 低減 when none were chosen */
	if (!measures_given)
		risk_default_measures(&cli->content, r);
	return EXIT_OK;
}

static void print_risk(cli_t *cli, const risk_rec_t *r, const risk_matrix_t *m)
{
	const risk_content_t *rc = RC(cli);
	lang_t L = cli->lang;
	risk_treat_t s = risk_suggest(m, r->freq, r->impact);
	printf("#%lld %s\n", (long long)r->id, r->threat);
	printf("  %s:", ui(&cli->content, "risk_assets", L));
	for (int k = 0; k < r->nassets; k++)
		printf(" %lld", (long long)r->assets[k]);
	printf("\n  %s: %s  %s: %s  %s: %s\n", ui(&cli->content, "risk_source", L), tx(&rc->sources[r->source].label, L),
	       ui(&cli->content, "risk_frequency", L), tx(&rc->freqs[r->freq].label, L), ui(&cli->content, "risk_impact", L),
	       tx(&rc->impacts[r->impact].label, L));
	printf(CF(cli->lang, "  %s: %s（%s）\n"), ui(&cli->content, "risk_suggested", L), tx(&rc->treats[s].label, L), tx(&rc->treat_actions[s], L));
	printf("  %s: %s\n", ui(&cli->content, "risk_treatment", L),
	       r->treatment >= 0 ? tx(&rc->treats[r->treatment].label, L) : ui(&cli->content, "risk_undecided", L));
	if (r->reason[0])
		printf("  %s: %s\n", ui(&cli->content, "risk_reason", L), r->reason);
	if (r->measures[0])
		printf("  %s: %s\n", ui(&cli->content, "risk_measures", L), r->measures);
	if (r->res_freq >= 0)
		printf("  %s: %s / %s\n", ui(&cli->content, "risk_residual", L), tx(&rc->freqs[r->res_freq].label, L),
		       tx(&rc->impacts[r->res_impact].label, L));
	if (r->review[0])
		printf("  %s: %s\n", ui(&cli->content, "risk_review", L), r->review);
}

typedef struct {
	cli_t *cli;
	json_t *list;
	risk_matrix_t m;
} list_ctx_t;

static bool list_row(const risk_rec_t *r, void *arg)
{
	list_ctx_t *c = arg;
	if (c->list)
		json_array_append_new(c->list, risk_json(RC(c->cli), &c->m, r, c->cli->lang));
	else
		print_risk(c->cli, r, &c->m);
	return true;
}

static int list(cli_t *cli, int argc, char **argv)
{
	org_t o;
	int rc = cli_org(cli, argc > 2 ? argv[2] : NULL, &o);
	if (rc != EXIT_OK)
		return rc;
	risk_params_t p = { 0 };
	bool as_json = false;
	for (int i = 3; i < argc; i++) {
		const char **slot = !strcmp(argv[i], "--asset") ? &p.asset : !strcmp(argv[i], "--treatment") ? &p.treatment
				    : !strcmp(argv[i], "--sort") ? &p.sort : !strcmp(argv[i], "--order") ? &p.order
				    : !strcmp(argv[i], "--q") ? &p.q : NULL;
		if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (slot && i + 1 < argc)
			*slot = argv[++i];
		else
			return cli_error(cli, EXIT_USAGE, "risk list の引数「%s」が不正です", "bad argument to risk list: \"%s\"", argv[i]);
	}
	risk_filter_t f;
	err_t e;
	if (risk_filter_parse(&cli->content, &p, 0, &f, &e) != 0)
		return cli_fail(cli, &e);
	list_ctx_t c = { .cli = cli, .list = as_json ? json_array() : NULL };
	bool own;
	if (app_risk_matrix(&cli->app, o.id, &c.m, &own, &e) != 0) {
		json_decref(c.list);
		return cli_fail(cli, &e);
	}
	int64_t total = 0;
	if (!as_json)
		printf(CF(cli->lang, "%s（ID %lld）— %s\n"), o.name, (long long)o.id, ui(&cli->content, "risk_register", cli->lang));
	if (app_risk_list(&cli->app, o.id, &f, list_row, &c, &total, &e) != 0) {
		json_decref(c.list);
		return cli_fail(cli, &e);
	}
	if (as_json) {
		json_t *j = json_object();
		json_object_set_new(j, "organization_id", json_integer(o.id));
		json_object_set_new(j, "risks", c.list);
		json_object_set_new(j, "total", json_integer(total));
		cli_print_json(stdout, j);
	} else {
		printf("%s: %lld\n", ui(&cli->content, "risk_total", cli->lang), (long long)total);
	}
	return EXIT_OK;
}

static json_t *matrix_json(cli_t *cli, const risk_matrix_t *m, bool own, int64_t counts[RISK_FREQS][RISK_IMPACTS])
{
	json_t *cells = json_array();
	for (int f = 0; f < RISK_FREQS; f++)
		for (int i = 0; i < RISK_IMPACTS; i++) {
			json_t *c = json_object();
			json_object_set_new(c, "frequency", json_string(RISK_FREQ_IDS[f]));
			json_object_set_new(c, "impact", json_string(RISK_IMPACT_IDS[i]));
			json_object_set_new(c, "treatment", json_string(RISK_TREAT_IDS[m->cell[f][i]]));
			json_object_set_new(c, "from_seed", json_boolean(!own && RC(cli)->from_seed[f][i]));
			json_object_set_new(c, "count", json_integer(counts[f][i]));
			json_array_append_new(cells, c);
		}
	json_t *j = json_object();
	json_object_set_new(j, "own", json_boolean(own));
	json_object_set_new(j, "cells", cells);
	return j;
}

static int matrix(cli_t *cli, int argc, char **argv)
{
	org_t o;
	int rc = cli_org(cli, argc > 2 ? argv[2] : NULL, &o);
	if (rc != EXIT_OK)
		return rc;
	err_t e;
	risk_matrix_t m;
	bool own, as_json = false, change = false;
	if (app_risk_matrix(&cli->app, o.id, &m, &own, &e) != 0)
		return cli_fail(cli, &e);
	risk_settings_t s = { .has_matrix = own, .matrix = m };
	risk_settings_t cur;
	if (app_risk_settings_get(&cli->app, o.id, &cur, &e) == 0)
		s.inventory_months = cur.inventory_months;
	for (int i = 3; i < argc; i++) {
		char f[32], im[32], t[32];
		if (!strcmp(argv[i], "--json")) {
			as_json = true;
		} else if (!strcmp(argv[i], "--reset")) {
			s.has_matrix = false, change = true;
		} else if (!strcmp(argv[i], "--inventory-months") && i + 1 < argc) {
			s.inventory_months = atoi(argv[++i]), change = true;
			if (s.inventory_months < 1)
				return cli_error(cli, EXIT_USAGE, "--inventory-months は 1〜120 です", "--inventory-months must be 1-120");
		} else if (sscanf(argv[i], "%31[a-z]:%31[a-z]=%31[a-z]", f, im, t) == 3 && risk_id_index(RISK_FREQ_IDS, RISK_FREQS, f) >= 0 &&
			   risk_id_index(RISK_IMPACT_IDS, RISK_IMPACTS, im) >= 0 && risk_id_index(RISK_TREAT_IDS, RISK_TREATS, t) >= 0) {
			if (!s.has_matrix)
				s.matrix = RC(cli)->matrix;
			s.has_matrix = change = true;
			s.matrix.cell[risk_id_index(RISK_FREQ_IDS, RISK_FREQS, f)][risk_id_index(RISK_IMPACT_IDS, RISK_IMPACTS, im)] =
				(risk_treat_t)risk_id_index(RISK_TREAT_IDS, RISK_TREATS, t);
		} else {
			return cli_error(cli, EXIT_USAGE, "risk matrix の引数「%s」が不正です（例: yearly:fatal=transfer）",
					 "bad argument to risk matrix: \"%s\" (e.g. yearly:fatal=transfer)", argv[i]);
		}
	}
	if (change && app_risk_settings(&cli->app, o.id, &s, &e) != 0)
		return cli_fail(cli, &e);
	if (change && app_risk_matrix(&cli->app, o.id, &m, &own, &e) != 0)
		return cli_fail(cli, &e);
	int64_t counts[RISK_FREQS][RISK_IMPACTS];
	if (app_risk_counts(&cli->app, o.id, false, counts, &e) != 0)
		return cli_fail(cli, &e);
	if (as_json) {
		cli_print_json(stdout, matrix_json(cli, &m, own, counts));
		return EXIT_OK;
	}
	const risk_content_t *rc2 = RC(cli);
	lang_t L = cli->lang;
	printf("%s — %s%s\n", o.name, ui(&cli->content, "risk_matrix", L), own ? ui(&cli->content, "risk_cell_org", L) : "");
	/* columns padded by display width: a kanji takes two */
	const int W0 = 17, W = 20;
	printf("%*s", W0, "");
	for (int i = 0; i < RISK_IMPACTS; i++)
		pad(tx(&rc2->impacts[i].label, L), W);
	putchar('\n');
	for (int f = 0; f < RISK_FREQS; f++) {
		pad(tx(&rc2->freqs[f].label, L), W0);
		for (int i = 0; i < RISK_IMPACTS; i++) {
			char cell[96];
			snprintf(cell, sizeof cell, "%s %lld", tx(&rc2->treats[m.cell[f][i]].label, L), (long long)counts[f][i]);
			pad(cell, W);
		}
		putchar('\n');
	}
	return EXIT_OK;
}

int cmd_risk(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	risk_rec_t r;
	err_t e;
	bool as_json = false;
	int rc, planned = 0;
	if (!strcmp(sub, "add")) {
		org_t o;
		if ((rc = cli_org(cli, argc > 2 ? argv[2] : NULL, &o)) != EXIT_OK)
			return rc;
		risk_rec_init(&r);
		r.org_id = o.id;
		r.freq = (risk_freq_t)-1, r.impact = (risk_impact_t)-1, r.source = (risk_source_t)-1;
		if ((rc = apply(cli, &r, argc, argv, 3, &as_json)) != EXIT_OK)
			return rc;
		if ((int)r.source < 0 || (int)r.freq < 0 || (int)r.impact < 0)
			return cli_error(cli, EXIT_USAGE, "--source・--frequency・--impact は必須です", "--source, --frequency and --impact are required");
		if (app_risk_add(&cli->app, &r, &planned, &e) != 0)
			return cli_fail(cli, &e);
	} else if (!strcmp(sub, "edit")) {
		int64_t id = cli_id(cli, "RISK_ID", argc > 2 ? argv[2] : NULL);
		if (id < 0)
			return EXIT_USAGE;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_risk_get(&cli->app, id, &r, &e) != 0)
			return cli_fail(cli, &e);
		for (int i = 3; i < argc; i++) /* --asset options given replace the stored assets */
			if (!strcmp(argv[i], "--asset")) {
				r.nassets = 0;
				break;
			}
		if ((rc = apply(cli, &r, argc, argv, 3, &as_json)) != EXIT_OK)
			return rc;
		if (app_risk_update(&cli->app, &r, &planned, &e) != 0)
			return cli_fail(cli, &e);
	} else if (!strcmp(sub, "show")) {
		int64_t id = cli_id(cli, "RISK_ID", argc > 2 ? argv[2] : NULL);
		if (id < 0)
			return EXIT_USAGE;
		as_json = argc == 4 && !strcmp(argv[3], "--json");
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_risk_get(&cli->app, id, &r, &e) != 0)
			return cli_fail(cli, &e);
	} else if (!strcmp(sub, "delete")) {
		int64_t id = cli_id(cli, "RISK_ID", argc == 3 ? argv[2] : NULL);
		if (id < 0)
			return EXIT_USAGE;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_risk_delete(&cli->app, id, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(&cli->content, "risk_deleted", cli->lang), (long long)id);
		return EXIT_OK;
	} else if (!strcmp(sub, "list")) {
		return list(cli, argc, argv);
	} else if (!strcmp(sub, "matrix")) {
		return matrix(cli, argc, argv);
	} else {
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru risk add|list|show|edit|delete|matrix …",
				 "usage: mamoru risk add|list|show|edit|delete|matrix ...");
	}
	risk_matrix_t m;
	bool own;
	if (app_risk_matrix(&cli->app, r.org_id, &m, &own, &e) != 0)
		return cli_fail(cli, &e);
	if (as_json) {
		json_t *j = risk_json(RC(cli), &m, &r, cli->lang);
		json_object_set_new(j, "plan_items_added", json_integer(planned));
		cli_print_json(stdout, j);
		return EXIT_OK;
	}
	if (strcmp(sub, "show"))
		printf("%s %lld\n", ui(&cli->content, !strcmp(sub, "add") ? "risk_added" : "risk_updated", cli->lang), (long long)r.id);
	print_risk(cli, &r, &m);
	if (planned)
		printf("%s: %d\n", ui(&cli->content, "risk_plan_added", cli->lang), planned);
	if (r.treatment == RT_REDUCE && !r.measures[0])
		printf("%s\n", ui(&cli->content, "risk_no_measures", cli->lang));
	return EXIT_OK;
}
