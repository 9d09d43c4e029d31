/*
 * pg_migrations.h — the PostgreSQL schema's history (pg_migrations.c), numbered as SQLite's:
 * PG_MIGRATION_COUNT equals MIGRATION_COUNT (tests/unit/test_store_ops.c checks it), so a step
 * added to one backend and not the other fails the tests rather than a user's upgrade.
 */
#ifndef MAMORU_STORE_PG_MIGRATIONS_H
#define MAMORU_STORE_PG_MIGRATIONS_H

#include "store/pg_util.h"

extern const char *const PG_MIGRATIONS[];   /* step N is PG_MIGRATIONS[N - 1] */
extern const int PG_MIGRATION_COUNT;

/* The recorded schema version (0 for an empty database). */
store_rc_t pg_read_version(pg_t *p, int *version);
/* Refuses (recorded) a schema newer than the program, and, unless migrate, an older one that
 * is not empty. */
store_rc_t pg_check_version(pg_t *p, bool migrate, int *version);
/* Brings the schema up to date in one transaction, under the write lock. */
store_rc_t pg_migrate(pg_t *p);

#endif
