/*
 * cmd_serve.c — `mamoru serve [--listen HOST:PORT] [--threads N] [--max-per-client N] [--max-heavy N]
 * [--allowed-host NAME]...`: the web application and JSON API (src/web). Listens on
 * 127.0.0.1:8080 unless told otherwise.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/random.h>

#include "app/account.h"
#include "cli/cli.h"
#include "content/search.h"
#include "web/server.h"

/* "HOST:PORT", "[v6]:PORT" or ":PORT" */
static bool parse_listen(const char *s, char *host, size_t hsize, int *port)
{
	const char *colon = strrchr(s, ':');
	if (!colon)
		return false;
	char *end;
	long p = strtol(colon + 1, &end, 10);
	if (*end || p < 1 || p > 65535)
		return false;
	*port = (int)p;
	size_t n = (size_t)(colon - s);
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']')
		s++, n -= 2;
	if (n == 0) {
		snprintf(host, hsize, "127.0.0.1");
		return true;
	}
	if (n >= hsize)
		return false;
	memcpy(host, s, n);
	host[n] = '\0';
	if (!strcmp(host, "localhost"))
		snprintf(host, hsize, "127.0.0.1");
	return true;
}

int cmd_serve(cli_t *cli, int argc, char **argv)
{
	const char *listen = "127.0.0.1:8080";
	int threads = 0, max_per_client = 64, max_heavy = 0, nhosts = 0;
	const char *hosts[16];
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--listen") && i + 1 < argc) {
			listen = argv[++i];
		} else if (!strcmp(argv[i], "--threads") && i + 1 < argc) {
			threads = atoi(argv[++i]);
		} else if (!strcmp(argv[i], "--max-per-client") && i + 1 < argc) {
			char *end;
			long n = strtol(argv[++i], &end, 10);
			if (*end || end == argv[i] || n < 0 || n > 1000)
				return cli_error(cli, EXIT_USAGE, "--max-per-client は 0〜1000 の数です（0 は無制限、「%s」）",
						 "--max-per-client must be a number from 0 to 1000 (0 = no limit; got \"%s\")", argv[i]);
			max_per_client = (int)n;
		} else if (!strcmp(argv[i], "--max-heavy") && i + 1 < argc) {
			char *end;
			long n = strtol(argv[++i], &end, 10);
			if (*end || end == argv[i] || n < 1 || n > 1000)
				return cli_error(cli, EXIT_USAGE, "--max-heavy は 1〜1000 の数です（「%s」）",
						 "--max-heavy must be a number from 1 to 1000 (got \"%s\")", argv[i]);
			max_heavy = (int)n;
		} else if (!strcmp(argv[i], "--allowed-host") && i + 1 < argc) {
			if (nhosts == (int)(sizeof hosts / sizeof *hosts))
				return cli_error(cli, EXIT_USAGE, "--allowed-host は %d 個までです", "at most %d --allowed-host names",
						 (int)(sizeof hosts / sizeof *hosts));
			hosts[nhosts++] = argv[++i];
		} else {
			return cli_error(cli, EXIT_USAGE, "serve の引数「%s」が不正です", "bad argument to serve: \"%s\"", argv[i]);
		}
	}
	char host[64];
	int port;
	if (!parse_listen(listen, host, sizeof host, &port))
		return cli_error(cli, EXIT_USAGE, "--listen は HOST:PORT の形です（「%s」）", "--listen must be HOST:PORT (got \"%s\")", listen);
	/* open (and migrate) the database once before serving, so a problem shows at start-up */
	if (!cli_store(cli))
		return EXIT_RUNTIME;
	char static_dir[PATH_MAX];
	const char *env = getenv("MAMORU_STATIC");
	if (env && *env) {
		snprintf(static_dir, sizeof static_dir, "%s", env);
	} else {
		char exe[PATH_MAX - 16];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		exe[n > 0 ? n : 0] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		snprintf(static_dir, sizeof static_dir, "%s/static", n > 0 ? exe : ".");
	}
	err_t err;
	/* built by the first search, not before listening: it was most of the start-up (issue 19) */
	search_t *search = search_open_lazy(&cli->content);
	/* A server without users offers /setup: from loopback at once, from elsewhere only with this
	 * code, which only someone who can see the server's console knows. */
	bool setup = false;
	char code[32] = "";
	if (app_setup_needed(&cli->app, &setup, &err) != 0) {
		search_close(search);
		return cli_fail(cli, &err);
	}
	if (setup) {
		unsigned char raw[6];
		if (getrandom(raw, sizeof raw, 0) != sizeof raw)
			return cli_error(cli, EXIT_RUNTIME, "乱数を得られません", "no random numbers available");
		for (int i = 0; i < 6; i++)
			snprintf(code + 2 * i, 3, "%02x", raw[i]);
		fprintf(stderr, "mamoru: 利用者がまだいません。ブラウザで /setup を開き、最初の管理者を登録してください"
				"（ほかの端末からは初期設定コード %s が必要です） / no user yet: open /setup in a browser to create the "
				"first administrator (from another machine, with the set-up code %s)\n", code, code);
	}
	serve_opts_t o = { .content = &cli->content, .db_path = cli_db_path(cli), .host = host, .port = port,
			   .static_dir = static_dir, .threads = threads, .search = search,
			   .max_per_client = max_per_client, .max_heavy = max_heavy, .allowed_hosts = hosts, .n_allowed_hosts = nhosts,
			   .setup_code = setup ? code : NULL };
	int rc = web_serve(&o) == 0 ? EXIT_OK : EXIT_RUNTIME;
	search_close(search);
	return rc;
}
