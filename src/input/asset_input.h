/*
 * asset_input.h — ledger rows from outside, validated once at the edge: one column from a CLI
 * option, a form field or a JSON key; and a whole ledger from a spreadsheet (CSV in UTF-8, with
 * a BOM or in CP932, tab-separated text, or .xlsx), whose header row is found by its headings
 * (the seed's Japanese ones, the English ones, or the aliases in content/risk.yaml) in any
 * order, with extra columns ignored. Every problem names the row, the column and what is wrong.
 */
#ifndef MAMORU_INPUT_ASSET_INPUT_H
#define MAMORU_INPUT_ASSET_INPUT_H

#include <stdint.h>

#include "core/asset.h"
#include "core/err.h"

/* Sets column col of a from text (trimmed; dates as 2008/8/26 or 2008-08-26, C/I/A 1–3, an
 * empty value clears an optional column). err names the column by its id and heading. */
int asset_set_column(const ledger_content_t *l, asset_t *a, int col, const char *value, err_t *err);
/* What a complete row needs: a name and C, I and A. */
int asset_check(const ledger_content_t *l, const asset_t *a, err_t *err);

/* The ledger page's query parameters as given (NULL = not given). */
typedef struct {
	const char *q, *department, *importance, *flag, *disposed, *sort, *order, *page, *per_page;
} asset_params_t;

/* Checks them into f: importance a level id of the rule (high …), flag overdue | expired,
 * disposed kept | disposed, sort one of ASSET_SORT_IDS, order asc | desc, page from 1,
 * per_page 1..max_per_page ("all" when max_per_page is 0). A bad value is ERR_INVALID naming
 * the parameter. */
int asset_filter_parse(const ledger_content_t *l, const asset_params_t *p, int max_per_page, asset_filter_t *f, err_t *e);

#define ASSET_IMPORT_ERRORS 20   /* problems reported before the rest are only counted */

/* One valid row of an imported ledger: id > 0 when the file's ID column names an existing asset
 * to update. Returns 0, or -1 with err filled (it names the row and column itself). */
typedef int (*asset_row_fn)(void *arg, int row, asset_t *a, int64_t id, err_t *err);

typedef struct {
	int rows;                  /* data rows read (blank rows not counted) */
	int header_row;
	const char *format;        /* "CSV (UTF-8)", "CSV (CP932)", "TSV (UTF-8)", "xlsx" */
	err_t errs[ASSET_IMPORT_ERRORS];
	int nerrs;
	int more;                  /* problems beyond those kept */
} asset_import_t;

/* Reads a ledger file; rows go to fn while no problem has been found (after the first one the
 * rest of the file is still checked, so the report lists every problem up to the limit, but
 * fn is not called again). Returns 0 when the whole file is good. */
int asset_import_parse(const ledger_content_t *l, const char *data, size_t len, asset_row_fn fn, void *arg, asset_import_t *out);
/* Adds a problem at row/column (a heading, or "" for the whole row) to out. */
void asset_import_fail(asset_import_t *out, const err_t *e);

#endif
