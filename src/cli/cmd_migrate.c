/*
 * cmd_migrate.c — `mamoru migrate`: brings the database's schema up to this program's version
 * in one transaction. It is the only command that changes the schema of an existing database:
 * `serve` and the other commands refuse an older one and say to run this (fail-closed
 * upgrades: with several app servers on one PostgreSQL, the upgrade is one deliberate step).
 */
#include <stdio.h>

#include "cli/cli.h"

int cmd_migrate(cli_t *cli, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru migrate", "usage: mamoru migrate");
	store_t *s = cli_store_migrating(cli);
	if (!s)
		return EXIT_RUNTIME;
	printf(cli->lang == LANG_EN ? "the database (%s) is at schema version %d\n" : "データベース（%s）は版 %d です\n",
	       store_backend_name(s), store_schema_version(s));
	return EXIT_OK;
}
