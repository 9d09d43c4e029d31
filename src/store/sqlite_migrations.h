/*
 * sqlite_migrations.h — the SQLite schema's history: forward-only SQL steps, one per version, applied in
 * order at start-up and recorded in schema_version. Never edit a released step; add one.
 */
#ifndef MAMORU_STORE_SQLITE_MIGRATIONS_H
#define MAMORU_STORE_SQLITE_MIGRATIONS_H

#include "store/sqlite_util.h"

extern const char *const MIGRATIONS[];
extern const int MIGRATION_COUNT;  /* = the schema version this program writes */

/* The schema version recorded in db (0 for an empty database). */
int sq_read_version(sqlite3 *db, int *version);
/* Reads the version into *version; STORE_ERROR (recorded) when it is newer than the program. */
store_rc_t sq_check_not_newer(sq_t *q, int *version);
/* Brings the schema up to date in one transaction; refuses a database newer than the program. */
store_rc_t sq_migrate(sq_t *q);

#endif
