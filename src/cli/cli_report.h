/*
 * cli_report.h — writing a report of web/report.h to a file from the command line, shared by
 * `mamoru report` and the commands that offer a PDF of their own record (`mamoru manual …
 * --format pdf`, `mamoru contractor clause … --format pdf`): made whole before the file is
 * created (a failure leaves no partial file), an existing file never overwritten, "-" for stdout,
 * the page count printed.
 */
#ifndef MAMORU_CLI_REPORT_H
#define MAMORU_CLI_REPORT_H

#include "cli/cli.h"
#include "web/report.h"

/* Makes the report q and writes it to output; an exit code (EXIT_OK, EXIT_USAGE, EXIT_RUNTIME …). */
int cli_report_write(cli_t *cli, const report_req_t *q, const char *output);

#endif
