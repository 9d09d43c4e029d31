/*
 * cmd_workspace.c — `mamoru workspace add NAME | workspace list [--json]`: the workspaces of a
 * server (a support organisation, or one company on its own, each with its own users and
 * organisations). Made on the command line only; give --workspace ID to the other commands to
 * work in one (its first administrator: `mamoru --workspace ID user add …`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/account.h"
#include "cli/cli.h"

int cmd_workspace(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	err_t e;
	if (!strcmp(sub, "add") && argc == 3) {
		workspace_t w = { 0 };
		if (strlen(argv[2]) >= sizeof w.name)
			return cli_error(cli, EXIT_USAGE, "名前が長すぎます", "the name is too long");
		snprintf(w.name, sizeof w.name, "%s", argv[2]);
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_workspace_add(&cli->app, &w, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(&cli->content, "workspace_added", cli->lang), (long long)w.id);
		return EXIT_OK;
	}
	if (!strcmp(sub, "list") && (argc == 2 || (argc == 3 && !strcmp(argv[2], "--json")))) {
		workspace_t *list;
		int n;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_workspace_list(&cli->app, &list, &n, &e) != 0)
			return cli_fail(cli, &e);
		json_t *a = argc == 3 ? json_array() : NULL;
		for (int i = 0; i < n; i++)
			if (a)
				json_array_append_new(a, json_pack("{s:I, s:s, s:b, s:s}", "id", (json_int_t)list[i].id, "name", list[i].name,
								   "require_totp", list[i].require_totp, "created", list[i].created));
			else
				printf("%4lld  %s\n", (long long)list[i].id, list[i].name);
		if (a)
			cli_print_json(stdout, a);
		free(list);
		return EXIT_OK;
	}
	return cli_error(cli, EXIT_USAGE, "使い方: mamoru workspace add 名前 | workspace list [--json]",
			 "usage: mamoru workspace add NAME | workspace list [--json]");
}
