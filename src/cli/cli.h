/*
 * cli.h — what every `mamoru` subcommand shares: the loaded content, the language, and the
 * exit-code contract (0 ok, 1 runtime failure, 2 bad usage or bad input).
 */
#ifndef MAMORU_CLI_CLI_H
#define MAMORU_CLI_CLI_H

#include <jansson.h>
#include <stdio.h>

#include "app/app.h"
#include "core/datetime.h"
#include "core/err.h"
#include "core/model.h"
#include "core/punct.h"
#include "core/snapshot.h"
#include "store/store.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

typedef struct {
	content_t content;
	lang_t lang;
	const char *db;      /* --db, else $MAMORU_DB, else ./var/mamoru.db */
	store_t *store;      /* opened on first use by cli_store() */
	app_t app;           /* the use cases over that store (src/app) */
} cli_t;

int cmd_questionnaires(cli_t *cli, int argc, char **argv);
int cmd_show(cli_t *cli, int argc, char **argv);
int cmd_diagnose(cli_t *cli, int argc, char **argv);
int cmd_org(cli_t *cli, int argc, char **argv);
int cmd_history(cli_t *cli, int argc, char **argv);
int cmd_export(cli_t *cli, int argc, char **argv);
int cmd_backup(cli_t *cli, int argc, char **argv);
int cmd_restore(cli_t *cli, int argc, char **argv);
int cmd_serve(cli_t *cli, int argc, char **argv);
int cmd_search(cli_t *cli, int argc, char **argv);
int cmd_plan(cli_t *cli, int argc, char **argv);
int cmd_contractor(cli_t *cli, int argc, char **argv); /* cmd_contractor.c: contractors */
int cmd_cloud(cli_t *cli, int argc, char **argv);      /* cmd_contractor.c: cloud services */
int cmd_profile(cli_t *cli, int argc, char **argv);
int cmd_pool(cli_t *cli, int argc, char **argv);
int cmd_user(cli_t *cli, int argc, char **argv);
int cmd_token(cli_t *cli, int argc, char **argv);
int cmd_audit(cli_t *cli, int argc, char **argv);
int cmd_workspace(cli_t *cli, int argc, char **argv);
int cmd_routes(cli_t *cli, int argc, char **argv);
int cmd_link(cli_t *cli, int argc, char **argv);
int cmd_diagnosis(cli_t *cli, int argc, char **argv);
int cmd_migrate(cli_t *cli, int argc, char **argv);
int cmd_copy(cli_t *cli, int argc, char **argv);
int cmd_asset(cli_t *cli, int argc, char **argv);
int cmd_risk(cli_t *cli, int argc, char **argv);
int cmd_report(cli_t *cli, int argc, char **argv);
int cmd_incident(cli_t *cli, int argc, char **argv);
int cmd_manual(cli_t *cli, int argc, char **argv);
int cmd_bcp(cli_t *cli, int argc, char **argv);

/* A password for user add / reset-password: a line of stdin, or typed twice without echo. */
int cli_password(const cli_t *cli, bool from_stdin, char *buf, size_t size);

/* The database, opened (and migrated) on first use; NULL after printing why it failed.
 * cli->app is ready after it succeeds. */
store_t *cli_store(cli_t *cli);
/* The same, bringing an older schema up to date first (mamoru migrate). */
store_t *cli_store_migrating(cli_t *cli);
const char *cli_db_path(const cli_t *cli);
/* Parses a positive id argument; prints an error naming `what` and returns -1 when bad. */
int64_t cli_id(const cli_t *cli, const char *what, const char *arg);
/* A stored UTC time as local time in the command's language (core/datetime.h); CLI_DAY the
 * date alone. The text lives in a compound literal of the enclosing block. */
static inline const char *cli_when_(const char *iso, lang_t l, bool day, char *buf)
{
	(day ? dt_show_date : dt_show)(iso, l, buf, DT_TEXT);
	return buf;
}
/* A format's punctuation for the reader's language (core/punct.h): printf(CF(cli->lang, "%s（%s）\n"), a, b) */
#define CF(lang, fmt) punct_fmt((lang), (fmt), (char[2048]){ 0 }, 2048)
#define CLI_WHEN(cli, iso) cli_when_((iso), (cli)->lang, false, (char[DT_TEXT]){ 0 })
#define CLI_DAY(cli, iso) cli_when_((iso), (cli)->lang, true, (char[DT_TEXT]){ 0 })
/* Prints an error in the CLI's language and returns its exit code (2 for bad input or an
 * unknown id, 1 for a failure of the database or the program). */
int cli_fail(const cli_t *cli, const err_t *e);
/* Loads an organisation by id, printing "no organisation N" when missing; returns an exit code. */
int cli_org(cli_t *cli, const char *arg, org_t *out);
/* cli_org plus every diagnosis of it, oldest first (free with stored_diag_list_free). */
int cli_org_history(cli_t *cli, const char *arg, org_t *out, stored_diag_t ***list, int *n);
/* Prints a JSON document (indented, keys in insertion order) to f and releases it. */
void cli_print_json(FILE *f, json_t *j);

/* Prints "mamoru: " + the message in the CLI's language to stderr; returns `code`. */
int cli_error(const cli_t *cli, int code, const char *ja, const char *en, ...) ERR_FORMAT2(3, 4, 5);
/* Looks up a questionnaire by id, printing the known ids when it is missing. */
const questionnaire_t *cli_questionnaire(const cli_t *cli, const char *id);

#endif
