/*
 * copy.h — moving a whole database between backends (`mamoru copy --from SRC --to DST`):
 * SQLite → PostgreSQL when a support organisation outgrows one machine, and back. Every table
 * of the schema is copied row by row, in an order that satisfies the foreign keys, inside one
 * transaction of the destination; then each table is read back from both sides and compared.
 *
 * The tables and their columns are listed here once (STORE_TABLES), for both backends hold the
 * same schema at the same version; a table added by a migration is added here too, and
 * tests/unit/test_store_ops.c fails when the SQLite schema has a table this list lacks.
 */
#ifndef MAMORU_STORE_COPY_H
#define MAMORU_STORE_COPY_H

#include "store/store.h"

typedef struct store_table {
	const char *name;
	const char *columns;     /* comma-separated, as in SELECT and INSERT */
	const char *key;         /* ORDER BY: the primary key */
} store_table_t;

extern const store_table_t STORE_TABLES[];
extern const int STORE_TABLE_COUNT;

/* Tables a backend derives from the others' rows (SQLite's counters, kept by triggers: schema
 * 13's asset_counts and risk_counts, 22's org_counts): never copied — the destination rebuilds them as the rows
 * arrive — and not expected in the other backend. */
extern const char *const STORE_DERIVED_TABLES[];
extern const int STORE_DERIVED_COUNT;

typedef struct store_value {
	const char *p;           /* the value as text (integers in decimal), or the bytes of a blob */
	size_t len;
	bool null, blob;
} store_value_t;

typedef struct {
	const char *table;
	long long rows;
} copy_count_t;

/* Copies every row of src into dst, which must be empty (no organisation, user or diagnosis),
 * in one transaction of dst, then compares each table of both. counts (STORE_TABLE_COUNT
 * entries, may be NULL) receives the rows per table. On failure dst is unchanged and e says
 * which table and why. */
int store_copy(store_t *src, store_t *dst, copy_count_t *counts, err_t *e);

#endif
