/*
 * table.h — reading a spreadsheet a person made into rows of text cells, at the edge: CSV as
 * Excel saves it (UTF-8, UTF-8 with a BOM, or CP932 — the same detection as the answer files
 * of answerfile.c), tab-separated text as Excel copies cells to the clipboard, and .xlsx
 * (xlsx_read.c). Each row reaches a callback with its row number as a spreadsheet shows it
 * (the record's number in a CSV, so a cell with a line break inside quotes stays one row).
 * What the cells mean is the caller's business (asset_input.c for the ledger).
 */
#ifndef MAMORU_INPUT_TABLE_H
#define MAMORU_INPUT_TABLE_H

#include <stddef.h>

#include "core/err.h"

#define TABLE_MAX_BYTES (64 * 1024 * 1024)   /* a file larger than this is refused */
#define TABLE_MAX_COLS 256                   /* cells beyond this in a row are refused */

/* Called for each row, blank ones included; returns 0 to go on, -1 to stop (the reader then
 * returns -1 without filling its error). cells[0..n) are NUL-terminated UTF-8. */
typedef int (*table_row_fn)(void *arg, int row, char **cells, int n);

/* CSV or tab-separated text, whichever the first non-blank line uses. *encoding tells which
 * was read: "UTF-8", "UTF-8 (BOM)" or "CP932". */
int table_read_text(const char *data, size_t len, table_row_fn fn, void *arg, const char **encoding, err_t *e);
/* True when the bytes are a ZIP archive (an .xlsx). */
int table_is_zip(const char *data, size_t len);
/* Reads a whole file (at most TABLE_MAX_BYTES) into *out (free()). */
int table_slurp(const char *path, char **out, size_t *len, err_t *e);

#endif
