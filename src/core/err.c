/*
 * err.c — see err.h.
 */
#include "core/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"

static int vset(err_t *e, err_code_t code, int line, const char *field, const char *ja, const char *en, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	e->code = code;
	e->line = line;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	vsnprintf(e->ja, sizeof e->ja, ja, ap);
	vsnprintf(e->en, sizeof e->en, en, ap2);
	va_end(ap2);
	utf8_trim_end(e->field);
	utf8_trim_end(e->ja);
	utf8_trim_end(e->en);
	return -1;
}

int err_set(err_t *e, err_code_t code, const char *field, const char *ja, const char *en, ...)
{
	va_list ap;
	va_start(ap, en);
	vset(e, code, 0, field, ja, en, ap);
	va_end(ap);
	return -1;
}

int err_set_line(err_t *e, err_code_t code, int line, const char *field, const char *ja, const char *en, ...)
{
	va_list ap;
	va_start(ap, en);
	vset(e, code, line, field, ja, en, ap);
	va_end(ap);
	return -1;
}

void err_clear(err_t *e) { memset(e, 0, sizeof *e); }

const char *err_text(const err_t *e, lang_t lang) { return lang == LANG_EN ? e->en : e->ja; }

int err_http_status(err_code_t code)
{
	switch (code) {
	case ERR_NONE: return 200;
	case ERR_INVALID: return 422;
	case ERR_NOT_FOUND: return 404;
	case ERR_CONFLICT: return 409;
	case ERR_FORBIDDEN: return 403;
	case ERR_UNAUTHENTICATED: return 401;
	case ERR_THROTTLED: return 429;
	case ERR_STORE:
	case ERR_INTERNAL: break;
	}
	return 500;
}

const char *err_api_code(err_code_t code)
{
	switch (code) {
	case ERR_NONE: return "ok";
	case ERR_INVALID: return "invalid";
	case ERR_NOT_FOUND: return "not_found";
	case ERR_CONFLICT: return "conflict";
	case ERR_FORBIDDEN: return "forbidden";
	case ERR_UNAUTHENTICATED: return "unauthenticated";
	case ERR_THROTTLED: return "too_many_attempts";
	case ERR_STORE: return "store";
	case ERR_INTERNAL: break;
	}
	return "internal";
}

int err_exit_code(err_code_t code)
{
	return code == ERR_NONE ? 0 : code == ERR_STORE || code == ERR_INTERNAL ? 1 : 2;
}
