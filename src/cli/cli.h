/*
 * cli.h — what every `mamoru` subcommand shares: the loaded content, the language, and the
 * exit-code contract (0 ok, 1 runtime failure, 2 bad usage or bad input).
 */
#ifndef MAMORU_CLI_CLI_H
#define MAMORU_CLI_CLI_H

#include "core/model.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

typedef struct {
	content_t content;
	lang_t lang;
	const char *db;
} cli_t;

int cmd_questionnaires(cli_t *cli, int argc, char **argv);
int cmd_show(cli_t *cli, int argc, char **argv);
int cmd_diagnose(cli_t *cli, int argc, char **argv);

/* Prints "mamoru: " + the message in the CLI's language to stderr; returns `code`. */
int cli_error(const cli_t *cli, int code, const char *ja, const char *en, ...);
/* Looks up a questionnaire by id, printing the known ids when it is missing. */
const questionnaire_t *cli_questionnaire(const cli_t *cli, const char *id);

#endif
