/*
 * request.c — the small request and response helpers every handler shares: query and form
 * values, the CSRF check, redirects, JSON responses and the one way an error is answered.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/pages.h"

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

/* A reply that could not be built (ok false) is a 500 in the error envelope, never a crash. */
void resp_json_written(resp_t *w, int status, bool ok)
{
	w->type = "application/json; charset=utf-8";
	if (!ok) {
		fprintf(stderr, "mamoru: could not encode a JSON response (status %d)\n", status);
		buf_free(&w->body);
		w->status = 500;
		buf_puts(&w->body, "{\"error\":{\"code\":\"internal\",\"message\":\"応答を作れませんでした / "
				   "could not build the response\"}}\n");
		return;
	}
	w->status = status;
	buf_puts(&w->body, "\n");
}

/* j is NULL when building it failed (out of memory, or text that is not UTF-8 — which the
 * edge should have refused). */
void resp_json(resp_t *w, int status, json_t *j)
{
	char *s = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) : NULL;
	if (s)
		buf_puts(&w->body, s);
	resp_json_written(w, status, s != NULL);
	free(s);
	json_decref(j);
}

void resp_api_error(resp_t *w, int status, const char *code, const char *message, const char *field)
{
	buf_free(&w->body);
	json_t *e = json_pack("{s:s, s:s}", "code", code, "message", message);
	if (field)
		json_object_set_new(e, "field", json_string(field));
	resp_json(w, status, e ? json_pack("{s:o}", "error", e) : NULL);
}

void resp_fail(req_t *r, resp_t *w, const err_t *e)
{
	int status = err_http_status(e->code);
	bool internal = e->code == ERR_STORE || e->code == ERR_INTERNAL;
	if (internal) /* the detail (SQLite's message) is for the operator, not for the client */
		fprintf(stderr, "mamoru: %s %s: %s\n", r->method, r->path, e->en);
	if (r->api) {
		const char *msg = internal ? ui(r->content, "web_store_error", r->lang) : err_text(e, r->lang);
		resp_api_error(w, status, err_api_code(e->code), msg, e->field[0] ? e->field : NULL);
	} else if (e->code == ERR_NOT_FOUND) {
		page_error(r, w, status, "error_not_found");
	} else if (internal) {
		page_error(r, w, status, "web_store_error");
	} else {
		page_error_text(r, w, status, err_text(e, r->lang));
	}
}
