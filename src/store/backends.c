/*
 * backends.c — the backends built into this program and store_open(), which picks the one
 * whose matches() accepts the database location: PostgreSQL for a postgres:// URL, SQLite for
 * anything that is not a URL.
 */
#include "store/pg.h"
#include "store/sqlite.h"
#include "store/store.h"

/* The backends built into this program, tried in order; the last one takes any location. */
static const store_backend_t *const BACKENDS[] = { &pg_backend, &sqlite_backend };

static store_rc_t open_with(const char *location, bool migrate, store_t **out, err_t *e)
{
	*out = NULL;
	err_clear(e);
	for (size_t i = 0; i < sizeof BACKENDS / sizeof *BACKENDS; i++)
		if (BACKENDS[i]->matches(location))
			return BACKENDS[i]->open(location, migrate, out, e);
	char shown[512];
	pg_redact(location, shown, sizeof shown);
	err_set(e, ERR_STORE, "db", "データベース「%s」の種類に対応していません（postgres:// の URL かファイルのパスを指定してください）",
		"no backend for the database \"%s\" (give a postgres:// URL or a file path)", shown);
	return STORE_ERROR;
}

store_rc_t store_open(const char *location, store_t **out, err_t *e) { return open_with(location, true, out, e); }
store_rc_t store_open_current(const char *location, store_t **out, err_t *e) { return open_with(location, false, out, e); }
