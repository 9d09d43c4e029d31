/*
 * backends.c — the backends built into this program and store_open(), which picks the one
 * whose matches() accepts the database location. A new backend (PostgreSQL) is one more line
 * in BACKENDS, before SQLite, which takes any location that is not a URL.
 */
#include "store/sqlite.h"
#include "store/store.h"

/* The backends built into this program, tried in order; the last one takes any location. */
static const store_backend_t *const BACKENDS[] = { &sqlite_backend };

store_rc_t store_open(const char *location, store_t **out, err_t *e)
{
	*out = NULL;
	err_clear(e);
	for (size_t i = 0; i < sizeof BACKENDS / sizeof *BACKENDS; i++)
		if (BACKENDS[i]->matches(location))
			return BACKENDS[i]->open(location, out, e);
	err_set(e, ERR_STORE, "db", "データベース「%s」の種類に対応していません（PostgreSQL はこのビルドに含まれていません）",
		"no backend for the database \"%s\" (PostgreSQL is not built into this program)", location);
	return STORE_ERROR;
}
