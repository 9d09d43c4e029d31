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

#include <jansson.h>

#include "app/app.h"
#include "core/buf.h"
#include "core/model.h"
#include "core/org.h"
#include "store/store.h"

#define WEB_BODY_MAX (1024 * 1024)
#define WEB_MAX_PARAMS 256

typedef struct {
	const char *key, *value;
} kv_t;

/* A file sent in a multipart/form-data form: its bytes (any, NUL included), the form field and
 * the file name the browser gave. */
typedef struct {
	const char *data;
	size_t len;
	const char *field, *filename;
} web_upload_t;

typedef struct {
	const char *method;          /* "GET", "POST", ... */
	const char *path;            /* without the query */
	kv_t query[WEB_MAX_PARAMS];
	int nquery;
	kv_t form[WEB_MAX_PARAMS];   /* application/x-www-form-urlencoded body */
	int nform;
	const char *body;            /* raw body (JSON API) */
	web_upload_t upload;         /* the file of a multipart/form-data form (.data NULL: none) */
	size_t body_len;
	const char *content_type;
	const char *cookie_lang, *cookie_csrf, *cookie_session;
	const char *authorization;   /* the Authorization header: "Bearer mmr_…" */
	const char *prefer;          /* the Prefer header (RFC 7240): "return=minimal" on a POST */
	char client[64];             /* the client's address */
	bool secure;                 /* served over https (a proxy says so): cookies get Secure */
	const char *setup_code;      /* while there is no user: /setup asks for it off loopback */
	const char *accept_language;
	const char *host;            /* the Host header, one the server answers to; NULL without one */
	lang_t lang;
	char csrf[72];               /* the token forms must carry: the session's, or the visitor's */
	char anon_csrf[48];          /* the visitor's token (cookie), for sign-in and set-up */
	bool new_csrf;               /* set the visitor's cookie on the response */
	bool signed_in;              /* a session or API token named a live user (in app.who) */
	bool read_tx;                /* its reads share one read transaction (web_route) */
	const content_t *content;
	store_t *store;
	struct search *search;       /* the knowledge index (content/search.h) */
	/* set by the router from the route's needs, before the handler runs */
	app_t app;                   /* the use cases over this request's store and content */
	bool api;                    /* a JSON endpoint: errors in the JSON envelope */
	int64_t id;                  /* R_ID, R_ORG: the id in args[0] */
	org_t org;                   /* R_ORG: the organisation named by args[0] */
	json_t *json;                /* R_JSON: the request body, a JSON object (released after) */
} req_t;

#define RESP_COOKIES 3   /* the visitor's CSRF token, the language, the session */

typedef struct {
	int status;
	const char *type;            /* Content-Type */
	buf_t body;
	char location[512];          /* redirect target */
	char disposition[160];       /* Content-Disposition of a download ("" = none) */
	char set_cookie[RESP_COOKIES][200];
	int retry_after;             /* seconds for a Retry-After header (a 503 when busy); 0 = none */
	bool minimal;                /* a Prefer: return=minimal was honoured: Preference-Applied */
} resp_t;

typedef void (*handler_fn)(req_t *, resp_t *, const char *const *args);

/* What a route needs before its handler runs. The router checks every need in one place (as
 * cgit's command table does), so a handler starts from checked, loaded values. */
enum {
	R_API = 1u << 0,    /* JSON endpoint (else an HTML page) */
	R_CSRF = 1u << 1,   /* a form post: its csrf field must match the client's token (403) */
	R_ORG = 1u << 2,    /* args[0] is the id of an organisation that must exist (404): r->org */
	R_JSON = 1u << 3,   /* the body must be a JSON object (415, 400): r->json */
	R_ID = 1u << 4,     /* args[0] is a record's id, a positive decimal number (404): r->id */
};

/* Who may call a route (app/access.h says what each role may do; the use cases check the
 * records themselves). Every route but the sign-in, set-up and health pages needs someone
 * signed in. */
typedef enum {
	ACCESS_PUBLIC = 0,    /* nobody needs to be signed in */
	ACCESS_USER,          /* any role */
	ACCESS_WRITE,         /* any role but viewer */
	ACCESS_ORG_CREATE,    /* administrators and consultants */
	ACCESS_ADMIN,         /* administrators */
} access_t;

typedef struct {
	const char *method, *pattern;    /* pattern: {} matches one path segment, passed in args */
	handler_fn fn;
	unsigned needs;                  /* R_* */
	access_t access;
} route_t;

const char *req_query(const req_t *r, const char *key);
const char *req_form(const req_t *r, const char *key);
/* For a POST form: true when its csrf field matches the client's cookie (constant time). */
bool req_csrf_ok(const req_t *r);

void resp_redirect(resp_t *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The JSON API's error envelope: {"error": {"code", "message", "field"}}. */
void resp_api_error(resp_t *w, int status, const char *code, const char *message, const char *field);
/* An error (core/err.h) as the route's kind of response: the JSON envelope for the API, an
 * error page for HTML. A store failure is logged with its detail and shown without it. */
void resp_fail(req_t *r, resp_t *w, const err_t *e);

/* Routes a request to its handler; fills w (404 when nothing matches). */
void web_route(req_t *r, resp_t *w);
/* The route table, for tests and documentation that walk every route. */
const route_t *web_routes(int *n);

/* Parses "a=1&b=%E3%81%82" in place into kv pairs; returns how many, -1 when there are more
 * than max (the request is refused, not cut), -2 when a key or value holds a NUL byte (%00). */
int web_parse_urlencoded(char *s, kv_t *out, int max);
/* Parses a multipart/form-data body in place (multipart.c): its text fields into out (at most
 * max) and its one file into *up. Returns how many fields, -1 when malformed (no boundary, a part
 * without a name, a second file), -2 when a text field holds a NUL byte, -3 for too many fields. */
int web_parse_multipart(char *body, size_t len, const char *content_type, kv_t *out, int max, web_upload_t *up);

#endif
