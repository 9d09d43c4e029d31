/*
 * cmd_search.c — `mamoru search QUERY [--type T] [--industry C] [--size S] [--case-type X]
 * [--json]`: the guideline's measures and scenarios, the 68 case studies and the Tokyo
 * handbook's threats, searched in Japanese or English (content/search.c).
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "content/search.h"
#include "report/result_text.h"

static bool one_of(const char *v, const char *const *list, int n)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(v, list[i]))
			return true;
	return false;
}

int cmd_search(cli_t *cli, int argc, char **argv)
{
	static const char *const TYPES[] = { "measure", "scenario", "case", "threat", "rule" };
	search_filter_t f = { .lang = cli->lang };
	const char *query = NULL;
	bool as_json = false;
	for (int i = 1; i < argc; i++) {
		const char **val = !strcmp(argv[i], "--type") ? &f.type : !strcmp(argv[i], "--industry") ? &f.industry
				 : !strcmp(argv[i], "--size") ? &f.size : !strcmp(argv[i], "--case-type") ? &f.case_type : NULL;
		if (val && i + 1 < argc)
			*val = argv[++i];
		else if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (!query && (argv[i][0] != '-' || !argv[i][1]))
			query = argv[i];
		else
			return cli_error(cli, EXIT_USAGE, "search の引数「%s」が不正です", "bad argument to search: \"%s\"", argv[i]);
	}
	const content_t *c = &cli->content;
	if (f.type && !one_of(f.type, TYPES, 5))
		return cli_error(cli, EXIT_USAGE, "--type は measure・scenario・case・threat・rule のどれかです",
				 "--type must be measure, scenario, case, threat or rule");
	if (f.industry && !content_industry(c, f.industry))
		return cli_error(cli, EXIT_USAGE, "--industry は A～T の産業コードです", "--industry must be an industry code A-T");
	bool size_ok = !f.size;
	for (int i = 0; f.size && i < c->nsize_bands; i++)
		size_ok |= !strcmp(c->size_bands[i].id, f.size);
	if (!size_ok)
		return cli_error(cli, EXIT_USAGE, "--size は s5・s20・s50・s100・s300・s301 のどれかです", "--size must be s5, s20, s50, s100, s300 or s301");
	if (f.case_type && case_type_index(f.case_type) < 0)
		return cli_error(cli, EXIT_USAGE, "--case-type は virus・ransomware・unauthorized-access・targeted-attack・insider・lost-pc のどれかです",
				 "--case-type must be virus, ransomware, unauthorized-access, targeted-attack, insider or lost-pc");
	if (!query && !f.type && !f.industry && !f.size && !f.case_type)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru search 検索語 [--type 種類] [--industry 業種] [--size 規模] [--case-type 事例の種類]",
				 "usage: mamoru search QUERY [--type T] [--industry C] [--size S] [--case-type X]");
	err_t err;
	search_t *s = search_open(c, &err);
	if (!s)
		return cli_fail(cli, &err);
	search_hit_t hits[SEARCH_MAX_HITS];
	int n = search_run(s, query ? query : "", &f, hits, SEARCH_MAX_HITS, &err);
	int rc = EXIT_OK;
	if (n < 0) {
		rc = cli_fail(cli, &err);
	} else if (as_json) {
		json_t *a = json_array();
		for (int i = 0; i < n; i++)
			json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:s%}", "type", hits[i].type, "id", hits[i].id, "title",
							   tx(hits[i].title, cli->lang), "snippet", hits[i].snippet, "highlight",
							   hits[i].mark >= 0 ? hits[i].snippet + hits[i].mark : "",
							   (size_t)(hits[i].mark >= 0 ? hits[i].mark_len : 0)));
		cli_print_json(stdout, json_pack("{s:s, s:i, s:o}", "query", query ? query : "", "count", n, "results", a));
	} else {
		/* the kind, the title (a measure with its number in the guideline, never an internal
		 * id) and the text around the words found, marked 【…】 */
		for (int i = 0; i < n; i++) {
			char key[32];
			snprintf(key, sizeof key, !strcmp(hits[i].type, "rule") ? "p17_type_%s" : "type_%s", hits[i].type);
			print_padded(stdout, ui(c, key, cli->lang), 12);
			printf(" %s%s%s\n", !strcmp(hits[i].type, "measure") ? hits[i].id : "", !strcmp(hits[i].type, "measure") ? " " : "",
			       tx(hits[i].title, cli->lang));
			const search_hit_t *x = &hits[i];
			if (x->mark >= 0)
				printf(CF(cli->lang, "    %.*s【%.*s】%s\n"), x->mark, x->snippet, x->mark_len, x->snippet + x->mark, x->snippet + x->mark + x->mark_len);
			else if (x->snippet[0])
				printf("    %s\n", x->snippet);
		}
		printf("%s: %d\n", ui(c, "search_count", cli->lang), n);
	}
	search_close(s);
	return rc;
}
