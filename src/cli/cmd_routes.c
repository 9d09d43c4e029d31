/*
 * cmd_routes.c — `mamoru routes [--json]`: the web server's route table (src/web/router.c) as
 * text or JSON: method, path pattern, JSON or HTML, what the route needs and who may call it.
 * For the documentation and for tests that walk every route (tests/http/test_access_http.sh).
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "web/web.h"

static const char *const ACCESS[] = { "public", "user", "write", "org_create", "admin" };

int cmd_routes(cli_t *cli, int argc, char **argv)
{
	bool as_json = argc == 2 && !strcmp(argv[1], "--json");
	if (argc > 2 || (argc == 2 && !as_json))
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru routes [--json]", "usage: mamoru routes [--json]");
	int n;
	const route_t *rt = web_routes(&n);
	json_t *a = as_json ? json_array() : NULL;
	for (int i = 0; i < n; i++) {
		unsigned f = rt[i].needs;
		if (a) {
			json_array_append_new(a, json_pack("{s:s, s:s, s:b, s:b, s:b, s:b, s:b, s:s}", "method", rt[i].method, "pattern",
							   rt[i].pattern, "api", (f & R_API) != 0, "csrf", (f & R_CSRF) != 0, "org",
							   (f & R_ORG) != 0, "id", (f & R_ID) != 0, "json", (f & R_JSON) != 0, "access",
							   ACCESS[rt[i].access]));
			continue;
		}
		printf("%-5s %-40s %-10s %s%s%s%s%s\n", rt[i].method, rt[i].pattern, ACCESS[rt[i].access], f & R_API ? " api" : " html",
		       f & R_CSRF ? " csrf" : "", f & R_ORG ? " org" : "", f & R_ID ? " id" : "", f & R_JSON ? " json" : "");
	}
	if (a)
		cli_print_json(stdout, a);
	return EXIT_OK;
}
