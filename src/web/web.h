/*
 * web.h — what every page and API handler sees: one parsed, validated request and one
 * response to fill. server.c turns libmicrohttpd's connection into a req_t (method, path,
 * query, cookies, form or JSON body within limits, language, CSRF token) and sends the resp_t
 * back with the security headers. Handlers live one file per page or area (src/web/page_*.c,
 * api.c) and never touch libmicrohttpd.
 */
#ifndef MAMORU_WEB_WEB_H
#define MAMORU_WEB_WEB_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"
#include "store/store.h"
#include "core/buf.h"

#define WEB_BODY_MAX (1024 * 1024)
#define WEB_MAX_PARAMS 256

typedef struct {
	const char *key, *value;
} kv_t;

typedef struct {
	const char *method;          /* "GET", "POST", ... */
	const char *path;            /* without the query */
	kv_t query[WEB_MAX_PARAMS];
	int nquery;
	kv_t form[WEB_MAX_PARAMS];   /* application/x-www-form-urlencoded body */
	int nform;
	const char *body;            /* raw body (JSON API) */
	size_t body_len;
	const char *content_type;
	const char *cookie_lang, *cookie_csrf;
	const char *accept_language;
	lang_t lang;
	char csrf[48];               /* this client's token (from its cookie, or new) */
	bool new_csrf;               /* set the cookie on the response */
	const content_t *content;
	store_t *store;
	struct search *search;       /* the knowledge index (content/search.h) */
} req_t;

typedef struct {
	int status;
	const char *type;            /* Content-Type */
	buf_t body;
	char location[512];          /* redirect target */
	char set_cookie[2][160];
} resp_t;

typedef void (*handler_fn)(req_t *, resp_t *, const char *const *args);

const char *req_query(const req_t *r, const char *key);
const char *req_form(const req_t *r, const char *key);
/* For a POST form: true when its csrf field matches the client's cookie. */
bool req_csrf_ok(const req_t *r);

void resp_redirect(resp_t *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The JSON API's error envelope: {"error": {"code", "message", "field"}}. */
void resp_api_error(resp_t *w, int status, const char *code, const char *message, const char *field);

/* Routes a request to its handler; fills w (404 when nothing matches). */
void web_route(req_t *r, resp_t *w);

/* Parses "a=1&b=%E3%81%82" in place into kv pairs; returns how many (at most max). */
int web_parse_urlencoded(char *s, kv_t *out, int max);

#endif
