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

/* Compares in constant time, so the time taken tells nothing about how much of a guessed
 * token was right. */
bool req_csrf_ok(const req_t *r)
{
	const char *t = req_form(r, "csrf");
	size_t n = strlen(r->csrf);
	if (!t || r->new_csrf || !n || strlen(t) != n)
		return false;
	unsigned char diff = 0;
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned char)(t[i] ^ r->csrf[i]);
	return diff == 0;
}

void resp_redirect(resp_t *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w->location, sizeof w->location, fmt, ap);
	va_end(ap);
	w->status = 303;
}
