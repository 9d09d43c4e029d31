/*
 * main.c — `mamoru [--db PATH] [--lang ja|en] COMMAND ...`: global options, content loading
 * (a broken pack stops here with every problem listed), and dispatch to src/cli/cmd_*.c.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "content/loader.h"

int cli_error(const cli_t *cli, int code, const char *ja, const char *en, ...)
{
	va_list ap;
	va_start(ap, en);
	fputs("mamoru: ", stderr);
	vfprintf(stderr, cli->lang == LANG_EN ? en : ja, ap);
	fputc('\n', stderr);
	va_end(ap);
	return code;
}

const questionnaire_t *cli_questionnaire(const cli_t *cli, const char *id)
{
	const questionnaire_t *q = content_questionnaire(&cli->content, id);
	if (q)
		return q;
	cli_error(cli, EXIT_USAGE, "診断「%s」はありません", "no questionnaire \"%s\"", id);
	fputs(cli->lang == LANG_EN ? "  available:" : "  使える診断:", stderr);
	for (int i = 0; i < cli->content.nqs; i++)
		fprintf(stderr, " %s", cli->content.qs[i]->id);
	fputc('\n', stderr);
	return NULL;
}

static void usage(FILE *out, lang_t lang)
{
	if (lang == LANG_EN)
		fputs("usage: mamoru [--db PATH] [--lang ja|en] COMMAND\n\n"
		      "  questionnaires                 list the questionnaires\n"
		      "  show QID                       print a questionnaire\n"
		      "  diagnose QID [--answers FILE] [--json] [--strict]\n"
		      "                                 score an answer file (CSV or JSON), or ask\n"
		      "                                 each question when run on a terminal\n\n"
		      "Content is read from $MAMORU_CONTENT, else the content/ folder beside the program.\n",
		      out);
	else
		fputs("使い方: mamoru [--db パス] [--lang ja|en] コマンド\n\n"
		      "  questionnaires                 診断の一覧\n"
		      "  show 診断ID                    設問を表示\n"
		      "  diagnose 診断ID [--answers ファイル] [--json] [--strict]\n"
		      "                                 回答ファイル（CSV または JSON）を採点します。\n"
		      "                                 端末で --answers なしに実行すると1問ずつ質問します\n\n"
		      "設問などは $MAMORU_CONTENT、なければプログラムと同じ場所の content/ から読みます。\n",
		      out);
}

/* $MAMORU_CONTENT, else <dir of the executable>/content. */
static void content_dir(char *buf, int size)
{
	const char *env = getenv("MAMORU_CONTENT");
	if (env && *env) {
		snprintf(buf, size, "%s", env);
		return;
	}
	char exe[PATH_MAX - 16];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		snprintf(buf, size, "%s/content", exe);
	} else {
		snprintf(buf, size, "content");
	}
}

static bool parse_lang(const char *s, lang_t *out)
{
	if (!strcmp(s, "ja"))
		*out = LANG_JA;
	else if (!strcmp(s, "en"))
		*out = LANG_EN;
	else
		return false;
	return true;
}

int main(int argc, char **argv)
{
	cli_t cli = { .lang = LANG_JA };
	const char *env_lang = getenv("MAMORU_LANG");
	if (env_lang)
		parse_lang(env_lang, &cli.lang);
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
			if (!parse_lang(argv[++i], &cli.lang))
				return cli_error(&cli, EXIT_USAGE, "--lang は ja か en です（「%s」）",
						 "--lang must be ja or en (got \"%s\")", argv[i]);
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			cli.db = argv[++i];
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout, cli.lang);
			return EXIT_OK;
		} else {
			cli_error(&cli, EXIT_USAGE, "不明なオプション「%s」", "unknown option \"%s\"", argv[i]);
			usage(stderr, cli.lang);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr, cli.lang);
		return EXIT_USAGE;
	}
	const char *cmd = argv[i];
	static const struct {
		const char *name;
		int (*fn)(cli_t *, int, char **);
	} cmds[] = {
		{ "questionnaires", cmd_questionnaires },
		{ "show", cmd_show },
		{ "diagnose", cmd_diagnose },
	};
	int (*fn)(cli_t *, int, char **) = NULL;
	for (size_t k = 0; k < sizeof cmds / sizeof cmds[0]; k++)
		if (!strcmp(cmds[k].name, cmd))
			fn = cmds[k].fn;
	if (!strcmp(cmd, "help")) {
		usage(stdout, cli.lang);
		return EXIT_OK;
	}
	if (!fn) {
		cli_error(&cli, EXIT_USAGE, "不明なコマンド「%s」", "unknown command \"%s\"", cmd);
		usage(stderr, cli.lang);
		return EXIT_USAGE;
	}

	char dir[PATH_MAX];
	content_dir(dir, sizeof dir);
	load_errors_t errs = { 0 };
	if (content_load(dir, &cli.content, &errs) != 0) {
		for (int k = 0; k < errs.n; k++)
			fprintf(stderr, "%s\n", errs.msg[k]);
		cli_error(&cli, EXIT_RUNTIME, "設問などの定義（%s）に %d 件の問題があるため停止します",
			  "stopping: the content in %s has %d problem(s)", dir, errs.n);
		load_errors_free(&errs);
		content_free(&cli.content);
		return EXIT_RUNTIME;
	}
	int rc = fn(&cli, argc - i, argv + i);
	content_free(&cli.content);
	return rc;
}
