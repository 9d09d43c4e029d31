/*
 * sqlite_migrations.h — the SQLite schema's history: forward-only SQL steps, one per version, applied in
 * order at start-up and recorded in schema_version. Never edit a released step; add one.
 */
#ifndef MAMORU_STORE_SQLITE_MIGRATIONS_H
#define MAMORU_STORE_SQLITE_MIGRATIONS_H

extern const char *const MIGRATIONS[];
extern const int MIGRATION_COUNT;  /* = the schema version this program writes */

#endif
