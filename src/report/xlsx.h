/*
 * xlsx.h — an Excel workbook of lists, written with libxlsxwriter: a sheet per list, its
 * headings bold in the first row (frozen, with a filter), column widths in characters, and
 * typed cells — numbers as numbers, calendar dates as dates (yyyy/m/d), stored UTC times as
 * date-times in the configured zone, Japan time by default (yyyy/m/d h:mm), text as text
 * (never a formula, whatever it starts with). Rows are written in order and flushed as they go (libxlsxwriter's constant-memory
 * mode), so a ledger of 100,000 rows is never held in memory.
 */
#ifndef MAMORU_REPORT_XLSX_H
#define MAMORU_REPORT_XLSX_H

#include "core/buf.h"
#include "core/err.h"

typedef struct xlsx xlsx_t;

/* A new empty temporary file for a workbook (libxlsxwriter writes to a path), in $TMPDIR or
 * /tmp, its name into path; -1 with e filled when none can be made. The caller unlinks it. */
int xlsx_tmp_path(const char *name, char *path, size_t size, err_t *e);
/* title and author: the workbook's properties (author may be ""). */
xlsx_t *xlsx_new(const char *title, const char *author, err_t *e);
/* A new sheet (name at most 31 characters, none of []:*?/\) with its headings and widths;
 * writing moves to its second row. */
void xlsx_sheet(xlsx_t *x, const char *name, const char *const *headings, const double *widths, int ncols);
/* Cells of the current row; empty text and NULL leave the cell empty. */
void xlsx_text(xlsx_t *x, int col, const char *s);
void xlsx_num(xlsx_t *x, int col, double v);
/* A share 0..1 shown as a percentage. */
void xlsx_pct(xlsx_t *x, int col, double v);
/* A number with one decimal shown (a mean, a 偏差値). */
void xlsx_dec1(xlsx_t *x, int col, double v);
/* "YYYY-MM-DD" as a date; anything else as text. */
void xlsx_date(xlsx_t *x, int col, const char *ymd);
/* A stored UTC time "YYYY-MM-DDTHH:MM:SSZ" as a local (Japan-time) date and time; a date as a
 * date; anything else as text. */
void xlsx_time(xlsx_t *x, int col, const char *iso);
/* A local time as people entered it ("YYYY-MM-DD HH:MM", an incident's) as a date-time; else as xlsx_time. */
void xlsx_local(xlsx_t *x, int col, const char *t);
/* A row in bold (a label column of a summary sheet). */
void xlsx_label(xlsx_t *x, int col, const char *s);
/* Ends the current row. */
void xlsx_row(xlsx_t *x);
/* Writes the workbook into out and frees x; -1 with e filled. */
int xlsx_finish(xlsx_t *x, buf_t *out, err_t *e);

#endif
