/*
 * sqlite.h — the SQLite backend of store.h, the embedded default: a database file, created
 * with its folders on first use. What only an SQLite file can do (online backup, checking a
 * file, restoring one) is in sqlite_admin.h.
 */
#ifndef MAMORU_STORE_SQLITE_H
#define MAMORU_STORE_SQLITE_H

#include "store/store.h"

extern const store_backend_t sqlite_backend;

#endif
