/*
 * asset_report.h — the ledger and the risk register rendered: JSON records (CLI --json, the API),
 * and the ledger as a file for Excel — CSV (UTF-8 with a BOM, plain UTF-8 or CP932) and .xlsx
 * (libxlsxwriter) — with the seed's Japanese headings in the seed's order, then the derived
 * importance and mamoru's ID, so an exported ledger imports again and updates the same rows.
 * Rows are written one at a time: a ledger of 100,000 assets is never held in memory.
 */
#ifndef MAMORU_REPORT_ASSET_REPORT_H
#define MAMORU_REPORT_ASSET_REPORT_H

#include <jansson.h>
#include <stdio.h>

#include "core/asset.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/risk.h"

/* today and inventory_months decide the flags. */
json_t *asset_json(const ledger_content_t *l, const asset_t *a, const char *today, int inventory_months, lang_t lang);
/* A risk with its cell, suggested treatment (under the organisation's matrix m) and labels. */
json_t *risk_json(const risk_content_t *rc, const risk_matrix_t *m, const risk_rec_t *r, lang_t lang);

typedef enum { LEDGER_CSV_BOM = 0, LEDGER_CSV_UTF8, LEDGER_CSV_CP932 } ledger_csv_enc_t;

/* A ledger file being written. */
typedef struct ledger_writer ledger_writer_t;

/* CSV to f (which the caller opened and closes), or .xlsx at path (written on close). */
ledger_writer_t *ledger_csv_open(FILE *f, const ledger_content_t *l, ledger_csv_enc_t enc);
ledger_writer_t *ledger_xlsx_open(const char *path, const ledger_content_t *l, err_t *e);
int ledger_write(ledger_writer_t *w, const asset_t *a, err_t *e);
/* Finishes the file; 0 or -1 with e filled. Frees w either way. */
int ledger_close(ledger_writer_t *w, err_t *e);

#endif
