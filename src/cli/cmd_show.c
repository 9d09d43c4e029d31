/*
 * cmd_show.c — `mamoru show QID [--json]`: every part, question and allowed answer of a
 * questionnaire, so a user can fill in an answer file by hand.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "report/result_json.h"

int cmd_show(cli_t *cli, int argc, char **argv)
{
	bool as_json = false;
	const char *qid = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (argv[i][0] != '-' && !qid)
			qid = argv[i];
		else
			return cli_error(cli, EXIT_USAGE, "show の引数「%s」が不正です", "bad argument to show: \"%s\"", argv[i]);
	}
	if (!qid)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru show 診断ID", "usage: mamoru show QID");
	const questionnaire_t *q = cli_questionnaire(cli, qid);
	if (!q)
		return EXIT_USAGE;
	lang_t L = cli->lang;
	const content_t *c = &cli->content;
	if (as_json) {
		cli_print_json(stdout, questionnaire_json(q, L, true));
		return EXIT_OK;
	}
	printf(CF(cli->lang, "%s（%s %s）\n%s\n%s: %s\n"), tx(&q->title, L), ui(c, "version", L), q->version,
	       tx(&q->description, L), ui(c, "source", L), tx(&q->source, L));
	for (int p = 0; p < q->nparts; p++) {
		const part_t *pt = &q->parts[p];
		printf("\n■ %s\n", tx(&pt->title, L));
		if (pt->instruction.ja)
			printf("  %s\n", tx(&pt->instruction, L));
		int last_cat = -1;
		for (int i = 0; i < q->nitems; i++) {
			const item_t *it = &q->items[i];
			if (it->part != p)
				continue;
			if (it->category != last_cat)
				printf(CF(cli->lang, "\n  【%s】\n"), tx(&q->cats[it->category].title, L));
			last_cat = it->category;
			printf("  %3s. %s\n       ", it->id, tx(&it->text, L));
			for (int k = 0; k < q->aset->nopts; k++)
				if (it->allowed & (1u << k))
					printf(" %s=%s(%d)", q->aset->opts[k].id, tx(&q->aset->opts[k].label, L),
					       option_points(q, i, k));
			putchar('\n');
			if (it->note.ja)
				printf("        ※ %s\n", tx(&it->note, L));
		}
	}
	printf("\n%s\n", ui(c, "bands", L));
	for (int b = 0; b < q->nbands; b++)
		printf("  %s\n", tx(&q->bands[b].label, L));
	if (q->bands_source.ja)
		printf("  (%s)\n", tx(&q->bands_source, L));
	return EXIT_OK;
}
