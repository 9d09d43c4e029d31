/*
 * cmd_link.c — `mamoru link add ORG_ID --questionnaire QID --role executive|manager|staff
 * [--scope TEXT] [--days N]`: a respondent link, printed as its path /r/<token> on the last line
 * of standard output (shown this once; only its hash is kept). Its respondent answers in the
 * browser without an account, once, within N days (default 14).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/diagnosis.h"
#include "cli/cli.h"
#include "input/org_input.h"

int cmd_link(cli_t *cli, int argc, char **argv)
{
	if (argc < 3 || strcmp(argv[1], "add"))
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru link add 組織ID --questionnaire 診断ID --role executive|manager|staff [--scope 範囲] [--days 日数]",
				 "usage: mamoru link add ORG_ID --questionnaire QID --role executive|manager|staff [--scope TEXT] [--days N]");
	link_t l = { 0 };
	int64_t org = cli_id(cli, "ORG_ID", argv[2]);
	long days = 14;
	const char *scope = "";
	err_t e;
	if (org < 0)
		return EXIT_USAGE;
	l.org_id = org;
	for (int i = 3; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(argv[i], "--questionnaire") && v)
			snprintf(l.questionnaire, sizeof l.questionnaire, "%s", v);
		else if (!strcmp(argv[i], "--role") && v)
			snprintf(l.role, sizeof l.role, "%s", v);
		else if (!strcmp(argv[i], "--scope") && v)
			scope = v;
		else if (!strcmp(argv[i], "--days") && v)
			days = strtol(v, NULL, 10);
		else
			return cli_error(cli, EXIT_USAGE, "link add の引数「%s」が不正です", "bad argument to link add: \"%s\"", argv[i]);
		i++;
	}
	if (text_field("scope", scope, l.scope, sizeof l.scope - 1, &e) != 0)
		return cli_fail(cli, &e);
	if (!cli_store(cli))
		return EXIT_RUNTIME;
	char token[LINK_TOKEN_LEN + 1];
	if (app_link_create(&cli->app, &l, days > 0 && days <= LINK_MAX_DAYS ? (int)days : 0, token, &e) != 0)
		return cli_fail(cli, &e);
	printf("%s\n/r/%s\n", ui(&cli->content, "link_made", cli->lang), token);
	return EXIT_OK;
}
