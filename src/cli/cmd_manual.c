/*
 * cmd_manual.c — `mamoru manual` and `mamoru bcp`: the company's emergency manual (もしも
 * マニュアル: who holds each response role and how to reach them, the damage levels with who
 * responds, the contact tree, where to report) and its IT-BCP checklist (docs/incidents.md).
 *
 *   mamoru manual show ORG [--json]
 *   mamoru manual [show] ORG --format pdf --output FILE [--prepared-by NAME]   the manual as an A4
 *                        PDF (web/report.h), the file the manual page's PDF button gives
 *   mamoru manual set ORG [ROLE.name=TEXT ROLE.phone=TEL ROLE.mail=ADDRESS …] [contacts=TEXT]
 *                        [reviewed=YYYY-MM-DD] [--json]
 *   mamoru bcp show ORG [--json]
 *   mamoru bcp set ORG STEP [--owner NAME] [--done | --undone] [--on YYYY-MM-DD] [--note TEXT] [--json]
 *
 * ROLE is a role of content/incident.yaml: top, manager, first, sysadmin, infosec.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/incident.h"
#include "app/org.h"
#include "cli/cli.h"
#include "cli/cli_report.h"
#include "core/xalloc.h"
#include "input/incident_input.h"
#include "input/report_input.h"
#include "report/incident_json.h"

static const incident_content_t *IC(const cli_t *cli) { return cli->content.incident; }
static const char *U(const cli_t *cli, const char *key) { return ui(&cli->content, key, cli->lang); }

static void print_manual(cli_t *cli, const org_t *o, const inc_manual_t *m)
{
	const incident_content_t *c = IC(cli);
	lang_t L = cli->lang;
	printf("%s — %s\n", o->name, U(cli, "inc_manual"));
	printf("\n%s\n", tx(&c->roles_title, L));
	for (int i = 0; i < c->nroles; i++) {
		const inc_person_t *p = inc_manual_person(m, c->roles[i].id);
		printf("  %s: %s", tx(&c->roles[i].name, L), p && p->name[0] ? p->name : U(cli, "inc_unnamed"));
		if (c->roles[i].dflt.ja)
			printf(CF(cli->lang, "（%s: %s）"), U(cli, "inc_role_default"), tx(&c->roles[i].dflt, L));
		if (p && p->phone[0])
			printf("  ☎ %s", p->phone);
		if (p && p->mail[0])
			printf("  ✉ %s", p->mail);
		printf("\n");
	}
	printf("\n%s\n", tx(&c->levels_title, L));
	for (int l = INC_LEVELS - 1; l >= 0; l--) {
		int r = c->responder[l];
		printf("  %s %d: ", U(cli, "inc_level"), l);
		bool first = true;
		for (int k = 0; k < c->nscopes; k++)
			if (c->scopes[k].level == l) {
				printf("%s%s", first ? "" : " / ", tx(&c->scopes[k].text, L));
				first = false;
			}
		printf(" → %s\n", r >= 0 ? tx(&c->roles[r].name, L) : "");
	}
	printf("\n%s\n  %s\n", tx(&c->contacts_title, L), tx(&c->contacts_rule, L));
	for (int i = 0; i < c->ntree; i++) {
		int r = c->tree[i].role;
		const inc_person_t *p = r >= 0 ? inc_manual_person(m, c->roles[r].id) : NULL;
		printf("  %s %d: %s %s  ☎ %s  ✉ %s\n", U(cli, "inc_level"), c->tree[i].level, r >= 0 ? tx(&c->roles[r].name, L) : "",
		       p ? p->name : "", p && p->phone[0] ? p->phone : "—", p && p->mail[0] ? p->mail : "—");
	}
	if (m->contacts[0])
		printf("\n%s:\n%s\n", U(cli, "inc_other_contacts"), m->contacts);
	printf("\n%s %s\n", tx(&c->reporting_title, L), tx(&c->reporting_heading, L));
	for (int i = 0; i < c->nreport_bodies; i++) {
		printf("  %s\n", tx(&c->report_bodies[i].name, L));
		for (int k = 0; k < c->report_bodies[i].nentries; k++)
			printf("    %s\n", c->report_bodies[i].entries[k].url ? c->report_bodies[i].entries[k].url : "");
	}
	printf("\n%s: %s  %s: %s\n", U(cli, "inc_reviewed"), m->reviewed[0] ? m->reviewed : "—", U(cli, "inc_updated_at"),
	       m->updated[0] ? CLI_WHEN(cli, m->updated) : "—");
}

/* `mamoru manual [show] ORG --format pdf --output FILE [--prepared-by NAME]` (argv[first] is ORG). */
static int manual_pdf(cli_t *cli, int argc, char **argv, int first)
{
	const char *format = NULL, *output = NULL, *preparer = NULL;
	for (int i = first + 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc)
			format = argv[++i];
		else if (!strcmp(argv[i], "--output") && i + 1 < argc)
			output = argv[++i];
		else if (!strcmp(argv[i], "--prepared-by") && i + 1 < argc)
			preparer = argv[++i];
		else
			return cli_error(cli, EXIT_USAGE, "manual の引数「%s」が不正です", "bad argument to manual: \"%s\"", argv[i]);
	}
	if (!format || !output || first >= argc)
		return cli_error(cli, EXIT_USAGE, "使い方: mamoru manual 組織ID --format pdf --output ファイル [--prepared-by 作成者]",
				 "usage: mamoru manual ORG --format pdf --output FILE [--prepared-by NAME]");
	err_t e;
	report_req_t q = { .kind = REPORT_MANUAL, .lang = cli->lang };
	char prep[REPORT_NAME_MAX];
	if (report_format_parse(format, false, &q.format, &e) != 0)
		return cli_fail(cli, &e);
	if (preparer) {
		if (report_name_parse(preparer, prep, &e) != 0)
			return cli_fail(cli, &e);
		q.preparer = prep;
	}
	org_t o;
	int rc = cli_org(cli, argv[first], &o);
	if (rc != EXIT_OK)
		return rc;
	q.id = o.id;
	return cli_report_write(cli, &q, output);
}

static int manual(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--format") && strcmp(sub, "set"))
			return manual_pdf(cli, argc, argv, strcmp(sub, "show") ? 1 : 2);
	bool set = !strcmp(sub, "set");
	if (!set && strcmp(sub, "show"))
		return cli_error(cli, EXIT_USAGE, "manual show|set を指定してください", "use manual show|set");
	org_t o;
	int rc = cli_org(cli, argc > 2 ? argv[2] : NULL, &o);
	if (rc != EXIT_OK)
		return rc;
	inc_manual_t *m = xcalloc(1, sizeof *m);
	err_t e;
	bool as_json = false;
	if (app_manual_get(&cli->app, o.id, m, &e) != 0)
		rc = cli_fail(cli, &e);
	bool changed = false;
	for (int i = 3; rc == EXIT_OK && i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			as_json = true;
			continue;
		}
		const char *eq = strchr(argv[i], '=');
		char key[64];
		if (!set || !eq || (size_t)(eq - argv[i]) >= sizeof key) {
			rc = cli_error(cli, EXIT_USAGE, "manual の引数「%s」が不正です", "bad argument to manual: \"%s\"", argv[i]);
			break;
		}
		snprintf(key, sizeof key, "%.*s", (int)(eq - argv[i]), argv[i]);
		const char *v = eq + 1;
		char *dot = strchr(key, '.');
		int r;
		if (!strcmp(key, "contacts")) {
			char *text = NULL;
			r = inc_text_field("contacts", v, INC_CONTACTS_CHARS, true, &text, &e);
			if (r == 0)
				snprintf(m->contacts, sizeof m->contacts, "%s", text);
			free(text);
		} else if (!strcmp(key, "reviewed")) {
			r = inc_date_field("reviewed", v, m->reviewed, &e);
		} else if (dot) {
			*dot = '\0';
			r = inc_person_field(IC(cli), m, key, dot + 1, v, &e);
		} else {
			rc = cli_error(cli, EXIT_USAGE, "manual の引数「%s」が不正です", "bad argument to manual: \"%s\"", argv[i]);
			break;
		}
		if (r != 0)
			rc = cli_fail(cli, &e);
		changed = true;
	}
	if (rc == EXIT_OK && set && !changed)
		rc = cli_error(cli, EXIT_USAGE, "変更する項目を 役割.name=… の形で指定してください", "give what to change as ROLE.name=… and the like");
	if (rc == EXIT_OK && set && app_manual_put(&cli->app, o.id, m, &e) != 0)
		rc = cli_fail(cli, &e);
	if (rc == EXIT_OK) {
		if (as_json)
			cli_print_json(stdout, json_pack("{s:I, s:o}", "organization_id", (json_int_t)o.id, "manual", manual_json(IC(cli), m, cli->lang)));
		else
			print_manual(cli, &o, m);
	}
	free(m);
	return rc;
}

static int bcp(cli_t *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	bool set = !strcmp(sub, "set");
	if (!set && strcmp(sub, "show"))
		return cli_error(cli, EXIT_USAGE, "bcp show|set を指定してください", "use bcp show|set");
	org_t o;
	int rc = cli_org(cli, argc > 2 ? argv[2] : NULL, &o);
	if (rc != EXIT_OK)
		return rc;
	inc_bcp_t *list = NULL;
	int n = 0;
	err_t e;
	bool as_json = false;
	int from = set ? 4 : 3;
	if (set && argc < 4)
		return cli_error(cli, EXIT_USAGE, "bcp set 組織ID 手順（step1〜step5）", "bcp set ORG STEP (step1-step5)");
	if (app_bcp_list(&cli->app, o.id, &list, &n, &e) != 0)
		return cli_fail(cli, &e);
	inc_bcp_t b = { 0 };
	if (set) {
		snprintf(b.step, sizeof b.step, "%s", argv[3]);
		for (int k = 0; k < n; k++)
			if (!strcmp(list[k].step, b.step))
				b = list[k];
	}
	for (int i = from; rc == EXIT_OK && i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (set && !strcmp(argv[i], "--done"))
			b.done = true;
		else if (set && !strcmp(argv[i], "--undone"))
			b.done = false, b.done_on[0] = '\0';
		else if (set && !strcmp(argv[i], "--owner") && i + 1 < argc)
			rc = inc_line_field("owner", argv[++i], 60, b.owner, sizeof b.owner, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else if (set && !strcmp(argv[i], "--on") && i + 1 < argc)
			rc = inc_date_field("on", argv[++i], b.done_on, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else if (set && !strcmp(argv[i], "--note") && i + 1 < argc) {
			char *text = NULL;
			rc = inc_text_field("note", argv[++i], INC_BCP_NOTE_CHARS, true, &text, &e) ? cli_fail(cli, &e) : EXIT_OK;
			if (text)
				snprintf(b.note, sizeof b.note, "%s", text);
			free(text);
		} else
			rc = cli_error(cli, EXIT_USAGE, "bcp の引数「%s」が不正です", "bad argument to bcp: \"%s\"", argv[i]);
	}
	if (rc == EXIT_OK && set && app_bcp_put(&cli->app, o.id, &b, 1, &e) != 0)
		rc = cli_fail(cli, &e);
	free(list);
	list = NULL;
	if (rc == EXIT_OK && app_bcp_list(&cli->app, o.id, &list, &n, &e) != 0)
		rc = cli_fail(cli, &e);
	if (rc == EXIT_OK) {
		const incident_content_t *c = IC(cli);
		if (as_json) {
			cli_print_json(stdout, json_pack("{s:I, s:o}", "organization_id", (json_int_t)o.id, "bcp", bcp_json(c, list, n, cli->lang)));
		} else {
			printf("%s — IT-BCP\n", o.name);
			for (int i = 0; i < c->nbcp; i++) {
				const inc_bcp_t *got = NULL;
				for (int k = 0; k < n; k++)
					if (!strcmp(list[k].step, c->bcp[i].id))
						got = &list[k];
				printf("  [%s] %s %s — %s\n", got && got->done ? "x" : " ", c->bcp[i].number ? c->bcp[i].number : "",
				       tx(&c->bcp[i].name, cli->lang), tx(&c->bcp[i].text, cli->lang));
				if (got && (got->owner[0] || got->done_on[0]))
					printf("        %s: %s  %s\n", U(cli, "inc_owner"), got->owner[0] ? got->owner : "—", got->done_on);
				if (got && got->note[0])
					printf("        %s: %s\n", U(cli, "inc_note"), got->note);
			}
		}
	}
	free(list);
	return rc;
}

int cmd_manual(cli_t *cli, int argc, char **argv)
{
	if (!IC(cli))
		return cli_error(cli, EXIT_RUNTIME, "インシデント対応の内容（content/incident.yaml）がありません",
				 "there is no incident-response content (content/incident.yaml)");
	return manual(cli, argc, argv);
}

int cmd_bcp(cli_t *cli, int argc, char **argv)
{
	if (!IC(cli))
		return cli_error(cli, EXIT_RUNTIME, "インシデント対応の内容（content/incident.yaml）がありません",
				 "there is no incident-response content (content/incident.yaml)");
	return bcp(cli, argc, argv);
}
