/*
 * asset.h — the information-asset ledger's use cases (core/asset.h): add, change, delete and
 * list an organisation's assets, import a whole ledger (all or nothing), start from an example
 * list, and the flags that depend on today and the organisation's inventory period. Access is
 * that of the organisation (app/access.h): viewers read, members their own company, other
 * workspaces see nothing. Every change is written to the audit log in its transaction.
 */
#ifndef MAMORU_APP_ASSET_H
#define MAMORU_APP_ASSET_H

#include "app/app.h"
#include "core/asset.h"
#include "input/asset_input.h"


/* Today in Japan (YYYY-MM-DD): the date the flags are judged by. */
void app_today(const app_t *a, char out[11]);
/* The organisation's inventory period in months (its own, else content/risk.yaml's). */
int app_inventory_months(app_t *a, int64_t org_id);

int app_asset_add(app_t *a, asset_t *x, err_t *e);
int app_asset_update(app_t *a, asset_t *x, err_t *e);
int app_asset_delete(app_t *a, int64_t id, err_t *e);
/* ERR_NOT_FOUND (field "id") when there is none the caller may see. */
int app_asset_get(app_t *a, int64_t id, asset_t *out, err_t *e);
/* The same, and ERR_NOT_FOUND unless it belongs to org_id (pages under /organizations/{id}). */
int app_asset_get_of(app_t *a, int64_t org_id, int64_t id, asset_t *out, err_t *e);
/* The page f asks for, to fn; *total = the rows that match. */
int app_asset_list(app_t *a, int64_t org_id, const asset_filter_t *f, bool (*fn)(const asset_t *, void *), void *arg,
		   int64_t *total, err_t *e);

/* Imports a ledger file (CSV, TSV or .xlsx) into org_id in one transaction: rows with an ID of
 * this organisation's assets replace them, the others are added. Any problem (listed in
 * *report, each naming row, column and reason) leaves the ledger as it was. */
int app_asset_import(app_t *a, int64_t org_id, const char *data, size_t len, asset_import_t *report, int *added,
		     int *updated, err_t *e);
/* Adds the rows of a starter list (content/asset-examples.yaml) dated today. */
int app_asset_starter(app_t *a, int64_t org_id, const char *starter, int *added, err_t *e);

#endif
