/*
 * cmd_questionnaires.c — `mamoru questionnaires`: the content packs with how long each takes.
 */
#include <stdio.h>

#include "cli/cli.h"
#include "report/result_text.h"

int cmd_questionnaires(cli_t *cli, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_error(cli, EXIT_USAGE, "questionnaires は引数をとりません", "questionnaires takes no arguments");
	const content_t *c = &cli->content;
	for (int i = 0; i < c->nqs; i++) {
		const questionnaire_t *q = c->qs[i];
		print_padded(stdout, q->id, 16);
		fprintf(stdout, CF(cli->lang, "%s（%d %s, %d %s, %s %s）\n"), tx(&q->title, cli->lang), q->nitems,
			ui(c, "questions", cli->lang), q->minutes, ui(c, "minutes", cli->lang),
			ui(c, "version", cli->lang), q->version);
	}
	return EXIT_OK;
}
