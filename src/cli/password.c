/*
 * password.c — reading a password for `mamoru user add|reset-password`: one line from standard
 * input with --password-stdin (for scripts), or typed twice at the terminal without echo.
 */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"

static int read_line(FILE *in, char *buf, size_t size)
{
	if (!fgets(buf, (int)size, in))
		return -1;
	size_t n = strcspn(buf, "\r\n");
	if (buf[n] == '\0' && n == size - 1)
		return -1; /* longer than the buffer: refuse rather than cut */
	buf[n] = '\0';
	return 0;
}

/* One line typed at the terminal with echo off. */
static int prompt(const char *label, char *buf, size_t size)
{
	struct termios old, quiet;
	fputs(label, stderr);
	bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	int rc = read_line(stdin, buf, size);
	if (tty)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	return rc;
}

int cli_password(const cli_t *cli, bool from_stdin, char *buf, size_t size)
{
	if (from_stdin) {
		if (read_line(stdin, buf, size) == 0)
			return EXIT_OK;
		return cli_error(cli, EXIT_USAGE, "標準入力からパスワードを 1 行読めませんでした", "could not read one password line from standard input");
	}
	if (!isatty(STDIN_FILENO))
		return cli_error(cli, EXIT_USAGE, "パスワードは --password-stdin で渡すか、端末で入力してください",
				 "give the password with --password-stdin, or type it at a terminal");
	char again[1100];
	bool en = cli->lang == LANG_EN;
	if (prompt(en ? "New password: " : "新しいパスワード: ", buf, size) != 0 ||
	    prompt(en ? "Again: " : "もう一度: ", again, sizeof again) != 0)
		return cli_error(cli, EXIT_USAGE, "パスワードを読めませんでした", "could not read the password");
	if (strcmp(buf, again))
		return cli_error(cli, EXIT_USAGE, "2 回の入力が一致しません", "the two entries differ");
	return EXIT_OK;
}
