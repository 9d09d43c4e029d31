/*
 * cmd_backup.c — `mamoru backup FILE` and `mamoru restore FILE`.
 *
 * backup uses SQLite's online backup, so it is safe while the server or another command is
 * using the database; it never overwrites an existing file. restore first checks the file
 * (integrity, a mamoru schema not newer than this program), keeps a backup of the current
 * data beside the database, and only then replaces it.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "store/sqlite_admin.h"

int cmd_backup(cli_t *cli, int argc, char **argv)
{
	if (argc != 2)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru backup ファイル", "usage: mamoru backup FILE");
	store_t *s = cli_store(cli);
	if (!s)
		return EXIT_RUNTIME;
	err_t e;
	if (sqlite_backup(s, argv[1], &e) != STORE_OK)
		return cli_fail(cli, &e);
	printf("%s %s\n", ui(&cli->content, "backup_written", cli->lang), argv[1]);
	return EXIT_OK;
}

int cmd_restore(cli_t *cli, int argc, char **argv)
{
	if (argc != 2)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru restore ファイル", "usage: mamoru restore FILE");
	err_t e;
	if (sqlite_check_file(argv[1], &e) != STORE_OK)
		return cli_error(cli, EXIT_USAGE, "%s（何も変更していません）%.0s", "%.0s%s (nothing was changed)", e.ja, e.en);
	store_t *s = cli_store(cli);
	if (!s)
		return EXIT_RUNTIME;
	char keep[4200], stamp[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	snprintf(keep, sizeof keep, "%s.before-restore-%s", cli_db_path(cli), stamp);
	if (sqlite_backup(s, keep, &e) != STORE_OK)
		return cli_error(cli, EXIT_RUNTIME, "現在のデータを退避できないため復元を中止しました: %s%.0s",
				 "restore cancelled: could not keep the current data: %.0s%s", e.ja, e.en);
	if (sqlite_restore(s, argv[1], &e) != STORE_OK)
		return cli_error(cli, EXIT_RUNTIME, "%s%.0s（元のデータは %s にあります）", "%.0s%s (the previous data is in %s)", e.ja,
				 e.en, keep);
	printf("%s %s\n%s %s\n", ui(&cli->content, "restored_from", cli->lang), argv[1],
	       ui(&cli->content, "previous_kept", cli->lang), keep);
	return EXIT_OK;
}
