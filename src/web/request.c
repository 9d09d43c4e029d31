/*
 * request.c — the small request and response helpers every handler shares: query and form
 * values, the CSRF check, redirects.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "web/web.h"

const char *req_query(const req_t *r, const char *key)
{
	for (int i = 0; i < r->nquery; i++)
		if (!strcmp(r->query[i].key, key))
			return r->query[i].value;
	return NULL;
}

const char *req_form(const req_t *r, const char *key)
{
	for (int i = 0; i < r->nform; i++)
		if (!strcmp(r->form[i].key, key))
			return r->form[i].value;
	return NULL;
}

bool req_csrf_ok(const req_t *r)
{
	const char *t = req_form(r, "csrf");
	return t && !r->new_csrf && !strcmp(t, r->csrf);
}

void resp_redirect(resp_t *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w->location, sizeof w->location, fmt, ap);
	va_end(ap);
	w->status = 303;
}
