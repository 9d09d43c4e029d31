/*
 * cmd_copy.c — `mamoru copy --from SRC --to DST`: moves a whole database to another one, for
 * example from the SQLite file of one machine to a PostgreSQL server shared by several app
 * servers, or back (store/copy.h). Each side is a file path or a postgres:// URL; the
 * destination must be empty; the copy is checked table by table before it is committed.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "store/copy.h"
#include "store/pg.h"

int cmd_copy(cli_t *cli, int argc, char **argv)
{
	const char *from = NULL, *to = NULL;
	for (int i = 1; i + 1 < argc; i += 2)
		if (!strcmp(argv[i], "--from"))
			from = argv[i + 1];
		else if (!strcmp(argv[i], "--to"))
			to = argv[i + 1];
	if (argc != 5 || !from || !to)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru copy --from 元 --to 先（ファイルのパスか postgres:// の URL）",
				 "usage: mamoru copy --from SRC --to DST (each a file path or a postgres:// URL)");
	if (!strcmp(from, to))
		return cli_error(cli, EXIT_USAGE, "コピー元とコピー先が同じです", "the source and the destination are the same");
	store_t *src, *dst;
	err_t e;
	char shown[512];
	if (store_open_current(from, &src, &e) != STORE_OK)
		return cli_error(cli, EXIT_RUNTIME, "コピー元: %s%.0s", "source: %.0s%s", e.ja, e.en);
	if (store_open(to, &dst, &e) != STORE_OK) {
		store_close(src);
		return cli_error(cli, EXIT_RUNTIME, "コピー先: %s%.0s", "destination: %.0s%s", e.ja, e.en);
	}
	copy_count_t counts[64];
	int rc = store_copy(src, dst, counts, &e);
	store_close(src);
	store_close(dst);
	if (rc != 0)
		return cli_error(cli, err_exit_code(e.code), "コピーできませんでした（コピー先は変更していません）: %s%.0s",
				 "nothing was copied (the destination is unchanged): %.0s%s", e.ja, e.en);
	long long total = 0;
	for (int k = 0; k < STORE_TABLE_COUNT; k++) {
		printf("%-22s %10lld\n", counts[k].table, counts[k].rows);
		total += counts[k].rows;
	}
	pg_redact(to, shown, sizeof shown);
	printf(cli->lang == LANG_EN ? "copied and verified %lld rows into %s\n" : "%lld 行を %s にコピーし、確認しました\n", total, shown);
	return EXIT_OK;
}
