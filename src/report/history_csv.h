/*
 * history_csv.h — an organisation's diagnoses as CSV for Excel (`mamoru export --format csv`),
 * one row per answer. By default the columns are for people: headings in the language asked
 * for (Japanese first), the questionnaire's title, the role, the question's text, its topic
 * and the answer as the questionnaire words them, the time in Japan time as Excel reads it
 * (2026/11/30 19:44); written UTF-8 with a BOM (what Japanese Excel expects), plain UTF-8 or
 * CP932 (Shift_JIS as older Excel writes it; a character it lacks becomes "?"). The earlier
 * layout — English headings and the stored ids, for programs — stays available (CSV_IDS).
 * CRLF line ends, RFC 4180 quoting, formula-like cells neutralised (report/csv.h).
 */
#ifndef MAMORU_REPORT_HISTORY_CSV_H
#define MAMORU_REPORT_HISTORY_CSV_H

#include <stdio.h>

#include "core/err.h"
#include "core/model.h"
#include "core/org.h"
#include "core/snapshot.h"

typedef enum { CSV_TEXT = 0, CSV_IDS } csv_columns_t;
typedef enum { CSV_UTF8_BOM = 0, CSV_UTF8, CSV_CP932 } csv_encoding_t;

/* "text" / "ids"; "utf8-bom" / "utf8" / "cp932": false when unknown. */
bool csv_columns_parse(const char *s, csv_columns_t *out);
bool csv_encoding_parse(const char *s, csv_encoding_t *out);

/* The CSV written as the diagnoses are read (issue 19: an export holds one diagnosis at a
 * time, never the whole file): history_csv_begin writes the BOM and the heading, then
 * history_csv_diag each diagnosis's rows, oldest first. -1 with e filled when writing fails. */
typedef struct {
	FILE *f;
	const content_t *c;
	const org_t *o;
	lang_t lang;
	csv_columns_t cols;
	csv_encoding_t enc;
} history_csv_t;
int history_csv_begin(history_csv_t *w, err_t *e);
int history_csv_diag(history_csv_t *w, const stored_diag_t *d, err_t *e);

/* Writes the CSV of a list to f; -1 with e filled when writing fails. */
int history_csv(FILE *f, const content_t *c, const org_t *o, stored_diag_t *const *list, int n, lang_t lang, csv_columns_t cols,
		csv_encoding_t enc, err_t *e);

#endif
