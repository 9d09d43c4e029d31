/*
 * pg.h — the PostgreSQL backend of store.h, for a support organisation or an association that
 * runs several app servers on one database server: chosen by a postgres:// (or postgresql://)
 * URL, same operations and results as SQLite (docs/deploy.md).
 */
#ifndef MAMORU_STORE_PG_H
#define MAMORU_STORE_PG_H

#include "store/store.h"

extern const store_backend_t pg_backend;

/* location with any password replaced by "***", for messages and logs. */
void pg_redact(const char *location, char *out, size_t size);

#endif
