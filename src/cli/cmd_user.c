/*
 * cmd_user.c — `mamoru user` and `mamoru token`: the accounts of a server (docs/security.md).
 * The command line works on the database file as an administrator of its workspace
 * (--workspace, default 1): whoever may open the file may manage its users.
 *
 *   mamoru user add EMAIL --name NAME --role admin|consultant|member|viewer [--org ID] [--password-stdin]
 *   mamoru user list [--json] | user disable EMAIL | user enable EMAIL
 *   mamoru user reset-password EMAIL [--password-stdin]
 *   mamoru user assign EMAIL ORG_ID | user unassign EMAIL ORG_ID      a consultant's organisations
 *   mamoru token add EMAIL [--label TEXT]   prints the new token alone on the last line of stdout
 *   mamoru token list [EMAIL] [--json] | token revoke ID
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/account.h"
#include "app/audit.h"
#include "cli/cli.h"
#include "report/account_json.h"
#include "report/result_text.h"

static int user_add(cli_t *cli, int argc, char **argv)
{
	user_t u = { 0 };
	const char *name = NULL, *role = NULL;
	bool from_stdin = false;
	if (argc < 3 || argv[2][0] == '-')
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru user add メール --name 名前 --role admin|consultant|member|viewer [--org ID]",
				 "usage: mamoru user add EMAIL --name NAME --role admin|consultant|member|viewer [--org ID]");
	snprintf(u.email, sizeof u.email, "%s", argv[2]);
	for (int i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--name") && i + 1 < argc)
			name = argv[++i];
		else if (!strcmp(argv[i], "--role") && i + 1 < argc)
			role = argv[++i];
		else if (!strcmp(argv[i], "--org") && i + 1 < argc) {
			if ((u.org_id = cli_id(cli, "--org", argv[++i])) < 0)
				return EXIT_USAGE;
		} else if (!strcmp(argv[i], "--password-stdin"))
			from_stdin = true;
		else
			return cli_error(cli, EXIT_USAGE, "user add の引数「%s」が不正です", "bad argument to user add: \"%s\"", argv[i]);
	}
	if (!name || !role || !urole_parse(role, &u.role))
		return cli_error(cli, EXIT_USAGE, "--name と --role（admin・consultant・member・viewer）が必要です",
				 "--name and --role (admin, consultant, member or viewer) are needed");
	if (strlen(name) >= sizeof u.name || strlen(argv[2]) >= sizeof u.email)
		return cli_error(cli, EXIT_USAGE, "名前かメールアドレスが長すぎます", "the name or e-mail address is too long");
	snprintf(u.name, sizeof u.name, "%s", name);
	char pw[1100];
	int rc = cli_password(cli, from_stdin, pw, sizeof pw);
	err_t e;
	if (rc == EXIT_OK && (!cli_store(cli) || app_user_add(&cli->app, &u, pw, &e) != 0))
		rc = cli->store ? cli_fail(cli, &e) : EXIT_RUNTIME;
	memset(pw, 0, sizeof pw);
	if (rc == EXIT_OK)
		printf(CF(cli->lang, "%s %s（%s）\n"), ui(&cli->content, "user_added", cli->lang), u.email, urole_label(u.role, cli->lang));
	return rc;
}

static int user_list(cli_t *cli, bool as_json)
{
	user_t *list;
	int n;
	err_t e;
	if (!cli_store(cli))
		return EXIT_RUNTIME;
	if (app_user_list(&cli->app, &list, &n, &e) != 0)
		return cli_fail(cli, &e);
	json_t *a = as_json ? json_array() : NULL;
	for (int i = 0; i < n; i++) {
		if (a) {
			json_array_append_new(a, user_json(&list[i], cli->lang));
			continue;
		}
		printf("%4lld  %-32s %-12s ", (long long)list[i].id, list[i].email, urole_id(list[i].role));
		print_padded(stdout, list[i].name, 20);
		if (list[i].org_id)
			printf("  org %lld", (long long)list[i].org_id);
		printf("%s\n", list[i].disabled ? (cli->lang == LANG_EN ? "  (disabled)" : "  （無効）") : "");
	}
	if (a)
		cli_print_json(stdout, a);
	else if (n == 0)
		printf("%s\n", ui(&cli->content, "no_users", cli->lang));
	free(list);
	return EXIT_OK;
}

int cmd_user(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	err_t e;
	if (!strcmp(sub, "add"))
		return user_add(cli, argc, argv);
	if (!strcmp(sub, "list") && (argc == 2 || (argc == 3 && !strcmp(argv[2], "--json"))))
		return user_list(cli, argc == 3);
	if ((!strcmp(sub, "disable") || !strcmp(sub, "enable")) && argc == 3) {
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_user_disable(&cli->app, argv[2], sub[0] == 'd', &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %s\n", ui(&cli->content, sub[0] == 'd' ? "user_disabled" : "user_enabled", cli->lang), argv[2]);
		return EXIT_OK;
	}
	if (!strcmp(sub, "reset-password") && (argc == 3 || (argc == 4 && !strcmp(argv[3], "--password-stdin")))) {
		char pw[1100];
		int rc = cli_password(cli, argc == 4, pw, sizeof pw);
		if (rc == EXIT_OK && (!cli_store(cli) || app_user_password(&cli->app, argv[2], pw, &e) != 0))
			rc = cli->store ? cli_fail(cli, &e) : EXIT_RUNTIME;
		memset(pw, 0, sizeof pw);
		if (rc == EXIT_OK)
			printf("%s %s\n", ui(&cli->content, "user_password_set", cli->lang), argv[2]);
		return rc;
	}
	if ((!strcmp(sub, "assign") || !strcmp(sub, "unassign")) && argc == 4) {
		int64_t org = cli_id(cli, "ORG_ID", argv[3]);
		if (org < 0)
			return EXIT_USAGE;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_user_assign(&cli->app, argv[2], org, sub[0] == 'a', &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %s / %lld\n", ui(&cli->content, sub[0] == 'a' ? "user_assigned" : "user_unassigned", cli->lang), argv[2],
		       (long long)org);
		return EXIT_OK;
	}
	return cli_error(cli, EXIT_USAGE, "使い方: mamoru user add|list|disable|enable|reset-password|assign|unassign",
			 "usage: mamoru user add|list|disable|enable|reset-password|assign|unassign");
}

int cmd_token(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	err_t e;
	if (!strcmp(sub, "add") && (argc == 3 || (argc == 5 && !strcmp(argv[3], "--label")))) {
		char text[TOKEN_TEXT_MAX];
		token_t t;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_token_add(&cli->app, argv[2], argc == 5 ? argv[4] : "", text, &t, &e) != 0)
			return cli_fail(cli, &e);
		printf(CF(cli->lang, "%s %lld（%s）\n%s\n"), ui(&cli->content, "token_added", cli->lang), (long long)t.id, argv[2], text);
		return EXIT_OK;
	}
	if (!strcmp(sub, "list") && argc <= 4) {
		const char *email = NULL;
		bool as_json = false;
		for (int i = 2; i < argc; i++)
			if (!strcmp(argv[i], "--json"))
				as_json = true;
			else if (!email && argv[i][0] != '-')
				email = argv[i];
			else
				return cli_error(cli, EXIT_USAGE, "token list の引数「%s」が不正です", "bad argument to token list: \"%s\"", argv[i]);
		token_t *list;
		int n;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_token_list(&cli->app, email, &list, &n, &e) != 0)
			return cli_fail(cli, &e);
		json_t *a = as_json ? json_array() : NULL;
		for (int i = 0; i < n; i++)
			if (a)
				json_array_append_new(a, token_json(&list[i]));
			else
				printf("%4lld  user %-4lld %-20s %s%s%s\n", (long long)list[i].id, (long long)list[i].user_id, CLI_WHEN(cli, list[i].created),
				       list[i].label, list[i].revoked[0] ? (cli->lang == LANG_EN ? "  revoked " : "  取り消し ") : "",
				       list[i].revoked[0] ? CLI_WHEN(cli, list[i].revoked) : "");
		if (a)
			cli_print_json(stdout, a);
		free(list);
		return EXIT_OK;
	}
	if (!strcmp(sub, "revoke") && argc == 3) {
		int64_t id = cli_id(cli, "ID", argv[2]);
		if (id < 0)
			return EXIT_USAGE;
		if (!cli_store(cli))
			return EXIT_RUNTIME;
		if (app_token_revoke(&cli->app, id, &e) != 0)
			return cli_fail(cli, &e);
		printf("%s %lld\n", ui(&cli->content, "token_revoked", cli->lang), (long long)id);
		return EXIT_OK;
	}
	return cli_error(cli, EXIT_USAGE, "使い方: mamoru token add メール [--label 名前] | token list [メール] [--json] | token revoke ID",
			 "usage: mamoru token add EMAIL [--label TEXT] | token list [EMAIL] [--json] | token revoke ID");
}

int cmd_audit(cli_t *cli, int argc, char **argv)
{
	int64_t org = 0;
	bool as_json = false;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (!strcmp(argv[i], "--org") && i + 1 < argc) {
			if ((org = cli_id(cli, "--org", argv[++i])) < 0)
				return EXIT_USAGE;
		} else
			return cli_error(cli, EXIT_USAGE, "使い方: mamoru audit [--org ID] [--json]", "usage: mamoru audit [--org ID] [--json]");
	audit_t *list;
	int n;
	err_t e;
	if (!cli_store(cli))
		return EXIT_RUNTIME;
	if (app_audit_list(&cli->app, org, 1000, &list, &n, &e) != 0)
		return cli_fail(cli, &e);
	json_t *a = as_json ? json_array() : NULL;
	for (int i = 0; i < n; i++)
		if (a)
			json_array_append_new(a, audit_json(&list[i]));
		else
			printf("%s  %-24s %-22s %-18s %s  [%s]\n", CLI_WHEN(cli, list[i].at), list[i].actor, list[i].action, list[i].object, list[i].detail,
			       list[i].client);
	if (a)
		cli_print_json(stdout, a);
	free(list);
	return EXIT_OK;
}
