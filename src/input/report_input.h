/*
 * report_input.h — the options of a report request checked at the edge (command line, web form,
 * API query): the format, the consultant's free comment (所見) and the name of who prepared
 * it. A comment may hold line breaks (CR LF becomes LF), never other control characters, and is
 * at most REPORT_COMMENT_CHARS characters.
 */
#ifndef MAMORU_INPUT_REPORT_INPUT_H
#define MAMORU_INPUT_REPORT_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

#define REPORT_COMMENT_CHARS 2000
#define REPORT_COMMENT_MAX (REPORT_COMMENT_CHARS * 4 + 1)
#define REPORT_NAME_CHARS 100
#define REPORT_NAME_MAX (REPORT_NAME_CHARS * 4 + 1)

typedef enum { REPORT_PDF = 0, REPORT_XLSX, REPORT_CSV } report_format_t;

/* "pdf", "xlsx" (and "csv" where allow_csv): field "format". */
int report_format_parse(const char *s, bool allow_csv, report_format_t *out, err_t *e);
/* The comment into out (room for REPORT_COMMENT_MAX bytes): field "comment". */
int report_comment_parse(const char *in, char *out, err_t *e);
/* A name on one line (who prepared it): field "prepared_by". */
int report_name_parse(const char *in, char *out, err_t *e);

#endif
