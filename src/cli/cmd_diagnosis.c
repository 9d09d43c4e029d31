/*
 * cmd_diagnosis.c — `mamoru diagnosis delete ID`: removes a saved diagnosis that should not
 * have been made (a test, the wrong company), with its place in the benchmark pool. Saving
 * and reading diagnoses are `diagnose` and `history`; snapshots are otherwise never changed.
 */
#include <stdio.h>
#include <string.h>

#include "app/diagnosis.h"
#include "cli/cli.h"

int cmd_diagnosis(cli_t *cli, int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[1], "delete"))
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru diagnosis delete 診断結果ID", "usage: mamoru diagnosis delete ID");
	int64_t id = cli_id(cli, "ID", argv[2]);
	if (id < 0)
		return EXIT_USAGE;
	if (!cli_store(cli))
		return EXIT_RUNTIME;
	err_t e;
	if (app_diag_delete(&cli->app, id, &e) != 0)
		return cli_fail(cli, &e);
	printf("%s %lld\n", ui(&cli->content, "diagnosis_deleted", cli->lang), (long long)id);
	return EXIT_OK;
}
