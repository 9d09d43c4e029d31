/*
 * sqlite_admin.h — what only an SQLite database file can do, for `mamoru backup` and
 * `mamoru restore`: an online backup to a new file, checking a file before it is restored,
 * and replacing the database with a checked file. (A PostgreSQL deployment backs up with
 * PostgreSQL's own tools.)
 */
#ifndef MAMORU_STORE_SQLITE_ADMIN_H
#define MAMORU_STORE_SQLITE_ADMIN_H

#include "store/store.h"

/* Online backup to a new file (never overwrites): safe while other processes use the
 * database. STORE_INVALID when dest exists; s must be an SQLite store. */
store_rc_t sqlite_backup(store_t *s, const char *dest, err_t *e);
/* Checks that src is a healthy mamoru database this program can read, without changing it:
 * integrity and foreign keys hold, the schema version is not newer than ours, and its schema
 * is exactly what this program's migrations create at that version — a file with a trigger,
 * view or table of its own (or without the immutability triggers) is refused, naming it. */
store_rc_t sqlite_check_file(const char *src, err_t *e);
/* Replaces the whole database with the contents of src after sqlite_check_file() passes,
 * then brings it up to date with the migrations. The caller keeps a backup of the old data. */
store_rc_t sqlite_restore(store_t *s, const char *src, err_t *e);

#endif
