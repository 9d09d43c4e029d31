/*
 * cmd_incident.c — `mamoru incident`: the incident register with its guided response
 * (docs/incidents.md).
 *
 *   mamoru incident add ORG --type leak|tamper|malware|other --title TEXT
 *                 [--level 0-3 | --impact ID[,ID…]] [--detected "YYYY-MM-DD HH:MM"] [--reporter NAME]
 *                 [--description TEXT | --description-file FILE] [--asset ID …] [--json]
 *   mamoru incident list ORG [--json]
 *   mamoru incident show ID [--json]
 *   mamoru incident edit ID [--title …] [--description …] [--detected …] [--reporter …] [--asset ID …]
 *                 [--intake ITEM=TEXT …] [--json]
 *   mamoru incident level ID --level 0-3 | --impact ID[,ID…] [--json]
 *   mamoru incident step ID N [--undo] [--by NAME] [--at TIME] [--note TEXT] [--json]
 *   mamoru incident step-add ID --text TEXT [--actor NAME] [--json]
 *   mamoru incident log ID TEXT [--at TIME] [--json]
 *   mamoru incident close ID --cause TEXT [--measure TEXT …] [--owner NAME] [--due YYYY-MM-DD] [--json]
 *   mamoru incident reopen ID [--json]
 *
 * --impact ticks the level wizard's lines (customers, personal-data, business, staff-work,
 * precursor): the level is the highest that applies. Without --level or --impact the wizard
 * asks at a terminal; elsewhere the level is 1 and a note on stderr says how to decide it.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/incident.h"
#include "app/org.h"
#include "cli/cli.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "input/incident_input.h"
#include "report/incident_json.h"

static const incident_content_t *IC(const cli_t *cli) { return cli->content.incident; }
static const char *U(const cli_t *cli, const char *key) { return ui(&cli->content, key, cli->lang); }

/* A whole file (or stdin for "-") as text; NULL after printing why. Files over 1 MB are refused
 * rather than read in part. */
static char *read_text(cli_t *cli, const char *path)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		cli_error(cli, EXIT_USAGE, "ファイル「%s」を開けません", "cannot open file \"%s\"", path);
		return NULL;
	}
	size_t cap = 4096, n = 0, got;
	char *buf = xmalloc(cap);
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == cap) {
			if (cap > 1024 * 1024) {
				if (f != stdin)
					fclose(f);
				free(buf);
				cli_error(cli, EXIT_USAGE, "ファイル「%s」が大きすぎます（1 MB まで）", "file \"%s\" is too large (at most 1 MB)", path);
				return NULL;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	if (f != stdin)
		fclose(f);
	buf[n] = '\0';
	if (strlen(buf) != n) {
		free(buf);
		cli_error(cli, EXIT_USAGE, "ファイル「%s」に NUL 文字があります", "file \"%s\" holds a NUL byte", path);
		return NULL;
	}
	return buf;
}

/* Applies the detail options from argv[from..] to x; *level_set / *as_json as found. */
static int apply(cli_t *cli, incident_t *x, int argc, char **argv, int from, bool adding, bool *level_set, bool *as_json)
{
	err_t e;
	bool assets_given = false;
	for (int i = from; i < argc; i++) {
		const char *o = argv[i];
		if (!strcmp(o, "--json")) {
			*as_json = true;
			continue;
		}
		static const char *const ADD_ONLY[] = { "--type", "--level", "--impact", NULL };
		static const char *const ANY[] = { "--title", "--description", "--description-file", "--detected", "--reporter", "--asset",
						   "--intake", NULL };
		bool known = false;
		for (int k = 0; ANY[k]; k++)
			known |= !strcmp(o, ANY[k]);
		for (int k = 0; adding && ADD_ONLY[k]; k++)
			known |= !strcmp(o, ADD_ONLY[k]);
		if (!known || i + 1 >= argc)
			return cli_error(cli, EXIT_USAGE, "incident の引数「%s」が不正です", "bad argument to incident: \"%s\"", o);
		const char *v = argv[++i];
		int rc = 0;
		if (!strcmp(o, "--type"))
			rc = inc_type_field(IC(cli), v, &x->type, &e);
		else if (!strcmp(o, "--level")) {
			rc = inc_level_field(v, &x->level, &e);
			*level_set = true;
		} else if (!strcmp(o, "--impact")) {
			rc = inc_scope_field(IC(cli), v, x->scopes, &e);
			*level_set = true;
		} else if (!strcmp(o, "--title"))
			rc = inc_line_field("title", v, INC_TITLE_CHARS, x->title, sizeof x->title, &e);
		else if (!strcmp(o, "--description"))
			rc = inc_text_field("description", v, INC_TEXT_CHARS, true, &x->description, &e);
		else if (!strcmp(o, "--description-file")) {
			char *text = read_text(cli, v);
			if (!text)
				return EXIT_USAGE;
			rc = inc_text_field("description", text, INC_TEXT_CHARS, true, &x->description, &e);
			free(text);
		} else if (!strcmp(o, "--detected"))
			rc = inc_time_field("detected", v, x->detected, &e);
		else if (!strcmp(o, "--reporter"))
			rc = inc_line_field("reporter", v, 60, x->reporter, sizeof x->reporter, &e);
		else if (!strcmp(o, "--asset")) {
			if (!assets_given)
				x->assets[0] = '\0'; /* the options given replace the stored list */
			assets_given = true;
			rc = inc_asset_field(v, x->assets, &e);
		} else if (!strcmp(o, "--intake")) {
			const char *eq = strchr(v, '=');
			char item[64];
			if (!eq || (size_t)(eq - v) >= sizeof item)
				return cli_error(cli, EXIT_USAGE, "--intake は 項目=内容 の形です", "--intake takes ITEM=TEXT");
			snprintf(item, sizeof item, "%.*s", (int)(eq - v), v);
			rc = inc_intake_field(IC(cli), item, eq + 1, &x->intake, &e);
		}
		if (rc != 0)
			return cli_fail(cli, &e);
	}
	return EXIT_OK;
}

/* The level wizard at the terminal: each line of the levels' 影響範囲, y or n. */
static int wizard(cli_t *cli, char scopes[INC_IDS])
{
	const incident_content_t *c = IC(cli);
	printf("%s\n", U(cli, "inc_wizard_help"));
	for (int k = 0; k < c->nscopes; k++) {
		char line[64];
		printf("  %s [y/N] ", tx(&c->scopes[k].text, cli->lang));
		fflush(stdout);
		if (!fgets(line, sizeof line, stdin))
			return -1;
		if (line[0] == 'y' || line[0] == 'Y') {
			size_t have = strlen(scopes);
			snprintf(scopes + have, INC_IDS - have, "%s%s", have ? "," : "", c->scopes[k].id);
		}
	}
	return 0;
}

/* Sets x->level from the wizard's answers when they were given; an error when they name none. */
static int level_from_scopes(cli_t *cli, incident_t *x)
{
	if (!x->scopes[0])
		return EXIT_OK;
	int level = inc_level_rule(IC(cli), x->scopes, NULL);
	if (level < 0)
		return cli_error(cli, EXIT_USAGE, "影響範囲を1つ以上選んでください", "choose at least one scope of impact");
	x->level = level;
	return EXIT_OK;
}

static void print_incident(cli_t *cli, const incident_view_t *v, const inc_manual_t *m)
{
	const incident_content_t *c = IC(cli);
	lang_t L = cli->lang;
	const incident_t *x = &v->inc;
	printf("%s #%lld %s\n", U(cli, "inc_one"), (long long)x->id, x->title);
	int r = c->responder[x->level];
	const inc_person_t *p = r >= 0 ? inc_manual_person(m, c->roles[r].id) : NULL;
	printf(CF(cli->lang, "  %s: %s  %s: %d（%s: %s%s%s）  %s: %s\n"), U(cli, "inc_type"), tx(&c->type_name[x->type], L), U(cli, "inc_level"), x->level,
	       U(cli, "inc_responder"), r >= 0 ? tx(&c->roles[r].name, L) : "", p && p->name[0] ? " " : "", p ? p->name : "",
	       U(cli, "inc_status"), U(cli, x->status == INC_CLOSED ? "inc_closed" : "inc_open"));
	if (x->detected[0] || x->reporter[0])
		printf("  %s: %s %s\n", U(cli, "inc_detected"), x->detected, x->reporter);
	for (int k = 0; k < c->nscopes; k++)
		if (inc_list_has(x->scopes, c->scopes[k].id))
			printf("  %s: %s\n", U(cli, "inc_impact"), tx(&c->scopes[k].text, L));
	if (x->assets[0])
		printf("  %s: %s\n", U(cli, "inc_assets"), x->assets);
	if (x->description[0])
		printf("  %s:\n%s\n", U(cli, "inc_description"), x->description);
	const inc_plevel_t *pl = inc_procedure(c, x->type, x->level);
	printf(CF(cli->lang, "\n%s（%s）\n"), U(cli, "inc_runbook"), tx(&c->playbooks[x->type].title, L));
	if (pl && pl->note.ja)
		printf("  %s\n", tx(&pl->note, L));
	for (int i = 0; i < v->nsteps; i++) {
		const inc_step_rec_t *s = &v->steps[i];
		const inc_step_t *st = s->key[0] ? inc_step_find(c, s->key) : NULL;
		char actor[400];
		inc_step_actor(c, s, L, actor, sizeof actor);
		printf("  [%s] %d. %s%s%s — %s", s->done ? "x" : " ", s->position, st && st->number ? st->number : "",
		       st && st->number ? " " : "", actor, st ? tx(&st->text, L) : s->text);
		if (s->done)
			printf(CF(cli->lang, "（%s %s）"), s->done_at, s->done_by);
		printf("\n");
		for (int k = 0; st && k < st->ndetails; k++)
			printf(CF(cli->lang, "        ・%s\n"), tx(&st->details[k], L));
		if (st && !strcmp(st->id, c->contact_step.id) && r >= 0) /* the level's responder, from the contact tree */
			printf("        → %s: %s %s %s %s\n", U(cli, "inc_responder"), tx(&c->roles[r].name, L), p ? p->name : "",
			       p ? p->phone : "", p ? p->mail : "");
		if (s->note[0])
			printf("        %s: %s\n", U(cli, "inc_note"), s->note);
	}
	if (x->status == INC_CLOSED) {
		printf("\n%s: %s\n%s:\n", U(cli, "inc_cause"), x->cause, U(cli, "inc_measures"));
		for (const char *q = x->measures; *q;) {
			const char *end = strchr(q, '\n');
			int len = end ? (int)(end - q) : (int)strlen(q);
			printf(CF(cli->lang, "  ・%.*s\n"), len, q);
			q = end ? end + 1 : q + len;
		}
	}
}

/* The incident as the command ends: JSON or text. */
static int report(cli_t *cli, int64_t id, bool as_json)
{
	incident_view_t v;
	inc_manual_t *m = xcalloc(1, sizeof *m);
	err_t e;
	if (app_incident_get(&cli->app, 0, id, &v, &e) != 0) {
		free(m);
		return cli_fail(cli, &e);
	}
	app_manual_get(&cli->app, v.inc.org_id, m, &e); /* no manual: nobody named */
	if (as_json)
		cli_print_json(stdout, incident_json(IC(cli), &v.inc, v.steps, v.nsteps, v.events, v.nevents, m, cli->lang));
	else
		print_incident(cli, &v, m);
	incident_view_free(&v);
	free(m);
	return EXIT_OK;
}

static int add(cli_t *cli, int argc, char **argv)
{
	org_t o;
	int rc = cli_org(cli, argc > 2 ? argv[2] : NULL, &o);
	if (rc != EXIT_OK)
		return rc;
	incident_t x;
	incident_init(&x);
	x.org_id = o.id;
	x.type = -1;
	x.level = -1;
	bool level_set = false, as_json = false;
	rc = apply(cli, &x, argc, argv, 3, true, &level_set, &as_json);
	if (rc == EXIT_OK && x.type < 0)
		rc = cli_error(cli, EXIT_USAGE, "--type（leak, tamper, malware, other）を指定してください", "give --type (leak, tamper, malware, other)");
	if (rc == EXIT_OK && !x.title[0])
		rc = cli_error(cli, EXIT_USAGE, "--title を指定してください", "give --title");
	if (rc == EXIT_OK && x.level >= 0 && x.scopes[0])
		rc = cli_error(cli, EXIT_USAGE, "--level と --impact は一緒に使えません", "--level and --impact cannot both be given");
	if (rc == EXIT_OK && !level_set && isatty(STDIN_FILENO) && wizard(cli, x.scopes) != 0)
		rc = EXIT_USAGE;
	if (rc == EXIT_OK)
		rc = level_from_scopes(cli, &x);
	if (rc == EXIT_OK && x.level < 0) {
		x.level = 1;
		fprintf(stderr, "%s\n", U(cli, "inc_level_default"));
	}
	err_t e;
	if (rc == EXIT_OK && app_incident_add(&cli->app, &x, &e) != 0)
		rc = cli_fail(cli, &e);
	int64_t id = x.id;
	incident_clear(&x);
	if (rc != EXIT_OK)
		return rc;
	if (!as_json)
		printf("%s %lld\n", U(cli, "inc_added"), (long long)id);
	return report(cli, id, as_json);
}

static int list(cli_t *cli, int argc, char **argv)
{
	org_t o;
	int rc = cli_org(cli, argc > 2 ? argv[2] : NULL, &o);
	if (rc != EXIT_OK)
		return rc;
	bool as_json = argc > 3 && !strcmp(argv[3], "--json");
	if (argc > (as_json ? 4 : 3))
		return cli_error(cli, EXIT_USAGE, "incident list の引数「%s」が不正です", "bad argument to incident list: \"%s\"", argv[as_json ? 4 : 3]);
	incident_t *xs;
	int n;
	err_t e;
	if (app_incident_list(&cli->app, o.id, &xs, &n, &e) != 0)
		return cli_fail(cli, &e);
	if (as_json) {
		json_t *a = json_array();
		for (int i = 0; i < n; i++)
			json_array_append_new(a, incident_summary_json(IC(cli), &xs[i], cli->lang));
		cli_print_json(stdout, json_pack("{s:I, s:o}", "organization_id", (json_int_t)o.id, "incidents", a));
	} else {
		printf(CF(cli->lang, "%s（ID %lld）— %s\n"), o.name, (long long)o.id, U(cli, "inc_register"));
		if (!n)
			printf("%s\n", U(cli, "inc_none"));
		for (int i = 0; i < n; i++)
			printf("#%lld [%s] %s %d  %s  %s\n", (long long)xs[i].id, U(cli, xs[i].status == INC_CLOSED ? "inc_closed" : "inc_open"),
			       U(cli, "inc_level"), xs[i].level, tx(&IC(cli)->type_name[xs[i].type], cli->lang), xs[i].title);
	}
	incident_list_free(xs, n);
	return EXIT_OK;
}

/* ID, the rest of argv from `from`; --json noted. */
static int64_t incident_id(cli_t *cli, int argc, char **argv)
{
	int64_t id = cli_id(cli, "ID", argc > 2 ? argv[2] : NULL);
	return id > 0 && cli_store(cli) ? id : -1;
}

static int edit(cli_t *cli, int argc, char **argv)
{
	int64_t id = incident_id(cli, argc, argv);
	if (id < 0)
		return EXIT_USAGE;
	incident_view_t v;
	err_t e;
	if (app_incident_get(&cli->app, 0, id, &v, &e) != 0)
		return cli_fail(cli, &e);
	bool level_set = false, as_json = false;
	int rc = apply(cli, &v.inc, argc, argv, 3, false, &level_set, &as_json);
	if (rc == EXIT_OK && app_incident_update(&cli->app, &v.inc, &e) != 0)
		rc = cli_fail(cli, &e);
	incident_view_free(&v);
	if (rc == EXIT_OK && !as_json)
		printf("%s %lld\n", U(cli, "inc_updated"), (long long)id);
	return rc == EXIT_OK ? report(cli, id, as_json) : rc;
}

static int level(cli_t *cli, int argc, char **argv)
{
	int64_t id = incident_id(cli, argc, argv);
	if (id < 0)
		return EXIT_USAGE;
	incident_t x;
	incident_init(&x);
	x.level = -1;
	bool as_json = false;
	err_t e;
	int rc = EXIT_OK;
	for (int i = 3; rc == EXIT_OK && i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (!strcmp(argv[i], "--level") && i + 1 < argc)
			rc = inc_level_field(argv[++i], &x.level, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else if (!strcmp(argv[i], "--impact") && i + 1 < argc)
			rc = inc_scope_field(IC(cli), argv[++i], x.scopes, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else
			rc = cli_error(cli, EXIT_USAGE, "incident level の引数「%s」が不正です", "bad argument to incident level: \"%s\"", argv[i]);
	}
	if (rc == EXIT_OK && (x.level >= 0) == (x.scopes[0] != '\0'))
		rc = cli_error(cli, EXIT_USAGE, "--level か --impact のどちらかを指定してください", "give either --level or --impact");
	if (rc == EXIT_OK)
		rc = level_from_scopes(cli, &x);
	if (rc == EXIT_OK && app_incident_level(&cli->app, id, x.level, x.scopes, &e) != 0)
		rc = cli_fail(cli, &e);
	incident_clear(&x);
	return rc == EXIT_OK ? report(cli, id, as_json) : rc;
}

static int step(cli_t *cli, int argc, char **argv)
{
	int64_t id = incident_id(cli, argc, argv);
	if (id < 0)
		return EXIT_USAGE;
	int64_t pos = cli_id(cli, "N", argc > 3 ? argv[3] : NULL);
	if (pos < 0)
		return EXIT_USAGE;
	inc_tick_t t = { .done = true };
	char at[INC_TIME] = "", by[INC_SHORT] = "";
	char *note = NULL;
	bool as_json = false;
	err_t e;
	int rc = EXIT_OK;
	for (int i = 4; rc == EXIT_OK && i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (!strcmp(argv[i], "--undo"))
			t.done = false;
		else if (!strcmp(argv[i], "--at") && i + 1 < argc)
			rc = inc_time_field("at", argv[++i], at, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else if (!strcmp(argv[i], "--by") && i + 1 < argc)
			rc = inc_line_field("by", argv[++i], 60, by, sizeof by, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else if (!strcmp(argv[i], "--note") && i + 1 < argc)
			rc = inc_text_field("note", argv[++i], INC_NOTE_CHARS, true, &note, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else
			rc = cli_error(cli, EXIT_USAGE, "incident step の引数「%s」が不正です", "bad argument to incident step: \"%s\"", argv[i]);
	}
	t.at = at;
	t.by = by;
	t.note = note;
	if (rc == EXIT_OK && app_incident_step(&cli->app, id, (int)pos, &t, &e) != 0)
		rc = cli_fail(cli, &e);
	free(note);
	return rc == EXIT_OK ? report(cli, id, as_json) : rc;
}

static int step_add(cli_t *cli, int argc, char **argv)
{
	int64_t id = incident_id(cli, argc, argv);
	if (id < 0)
		return EXIT_USAGE;
	char actor[INC_SHORT] = "";
	char *text = NULL;
	bool as_json = false;
	err_t e;
	int rc = EXIT_OK;
	for (int i = 3; rc == EXIT_OK && i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (!strcmp(argv[i], "--actor") && i + 1 < argc)
			rc = inc_line_field("actor", argv[++i], 60, actor, sizeof actor, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else if (!strcmp(argv[i], "--text") && i + 1 < argc)
			rc = inc_text_field("text", argv[++i], INC_STEP_CHARS, true, &text, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else
			rc = cli_error(cli, EXIT_USAGE, "incident step-add の引数「%s」が不正です", "bad argument to incident step-add: \"%s\"", argv[i]);
	}
	if (rc == EXIT_OK && app_incident_step_add(&cli->app, id, actor, text ? text : "", &e) != 0)
		rc = cli_fail(cli, &e);
	free(text);
	return rc == EXIT_OK ? report(cli, id, as_json) : rc;
}

static int log_entry(cli_t *cli, int argc, char **argv)
{
	int64_t id = incident_id(cli, argc, argv);
	if (id < 0)
		return EXIT_USAGE;
	char at[INC_TIME] = "";
	char *text = NULL;
	bool as_json = false;
	err_t e;
	int rc = EXIT_OK;
	for (int i = 3; rc == EXIT_OK && i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (!strcmp(argv[i], "--at") && i + 1 < argc)
			rc = inc_time_field("at", argv[++i], at, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else if (strncmp(argv[i], "--", 2) && !text)
			rc = inc_text_field("text", argv[i], INC_NOTE_CHARS, true, &text, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else
			rc = cli_error(cli, EXIT_USAGE, "incident log の引数「%s」が不正です", "bad argument to incident log: \"%s\"", argv[i]);
	}
	if (rc == EXIT_OK && app_incident_note(&cli->app, id, at, text ? text : "", &e) != 0)
		rc = cli_fail(cli, &e);
	free(text);
	return rc == EXIT_OK ? report(cli, id, as_json) : rc;
}

static int close_incident(cli_t *cli, int argc, char **argv)
{
	int64_t id = incident_id(cli, argc, argv);
	if (id < 0)
		return EXIT_USAGE;
	char *cause = NULL, *measures = NULL, owner[INC_SHORT] = "", due[11] = "";
	buf_t all = { 0 };
	bool as_json = false;
	err_t e;
	int rc = EXIT_OK;
	for (int i = 3; rc == EXIT_OK && i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			as_json = true;
		else if (!strcmp(argv[i], "--cause") && i + 1 < argc)
			rc = inc_text_field("cause", argv[++i], INC_TEXT_CHARS, true, &cause, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else if (!strcmp(argv[i], "--measure") && i + 1 < argc) {
			if (strchr(argv[i + 1], '\n'))
				rc = cli_error(cli, EXIT_USAGE, "--measure は1つにつき1行です", "each --measure is one line");
			buf_printf(&all, "%s%s", all.len ? "\n" : "", argv[++i]);
		} else if (!strcmp(argv[i], "--owner") && i + 1 < argc)
			rc = inc_line_field("owner", argv[++i], 60, owner, sizeof owner, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else if (!strcmp(argv[i], "--due") && i + 1 < argc)
			rc = inc_date_field("due", argv[++i], due, &e) ? cli_fail(cli, &e) : EXIT_OK;
		else
			rc = cli_error(cli, EXIT_USAGE, "incident close の引数「%s」が不正です", "bad argument to incident close: \"%s\"", argv[i]);
	}
	if (rc == EXIT_OK && inc_measures_field(all.data ? all.data : "", &measures, &e) != 0)
		rc = cli_fail(cli, &e);
	int planned = 0;
	if (rc == EXIT_OK && app_incident_close(&cli->app, id, cause ? cause : "", measures, owner, due, &planned, &e) != 0)
		rc = cli_fail(cli, &e);
	free(cause);
	free(measures);
	buf_free(&all);
	if (rc == EXIT_OK && !as_json)
		printf(CF(cli->lang, "%s %lld（%s: %d）\n"), U(cli, "inc_closed_done"), (long long)id, U(cli, "inc_planned"), planned);
	return rc == EXIT_OK ? report(cli, id, as_json) : rc;
}

static int reopen(cli_t *cli, int argc, char **argv)
{
	int64_t id = incident_id(cli, argc, argv);
	if (id < 0)
		return EXIT_USAGE;
	bool as_json = argc > 3 && !strcmp(argv[3], "--json");
	err_t e;
	if (app_incident_reopen(&cli->app, id, &e) != 0)
		return cli_fail(cli, &e);
	return report(cli, id, as_json);
}

int cmd_incident(cli_t *cli, int argc, char **argv)
{
	if (!IC(cli))
		return cli_error(cli, EXIT_RUNTIME, "インシデント対応の内容（content/incident.yaml）がありません",
				 "there is no incident-response content (content/incident.yaml)");
	static const struct {
		const char *name;
		int (*fn)(cli_t *, int, char **);
	} SUB[] = { { "add", add }, { "list", list }, { "show", NULL }, { "edit", edit }, { "level", level }, { "step", step },
		    { "step-add", step_add }, { "log", log_entry }, { "close", close_incident }, { "reopen", reopen } };
	const char *sub = argc > 1 ? argv[1] : "";
	for (size_t k = 0; k < sizeof SUB / sizeof *SUB; k++) {
		if (strcmp(sub, SUB[k].name))
			continue;
		if (SUB[k].fn)
			return SUB[k].fn(cli, argc, argv);
		int64_t id = incident_id(cli, argc, argv);
		if (id < 0)
			return EXIT_USAGE;
		bool as_json = argc > 3 && !strcmp(argv[3], "--json");
		if (argc > (as_json ? 4 : 3))
			return cli_error(cli, EXIT_USAGE, "incident show の引数「%s」が不正です", "bad argument to incident show: \"%s\"", argv[as_json ? 4 : 3]);
		return report(cli, id, as_json);
	}
	return cli_error(cli, EXIT_USAGE, "incident add|list|show|edit|level|step|step-add|log|close|reopen を指定してください",
			 "use incident add|list|show|edit|level|step|step-add|log|close|reopen");
}
