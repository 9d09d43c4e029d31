/*
 * app.h — the application layer: the use cases (save a diagnosis, view it, compare it, the
 * organisation, its profile, plan and history, the pool) that the command line, the web
 * pages and the JSON API all call, so each is written once. An adapter parses its input into
 * typed values, calls one app function and renders the result (core/view.h); the app layer
 * talks to the store and the content and never formats output.
 *
 * Every function takes the app context first and an err_t last, and returns 0 or -1 after
 * filling the error (core/err.h), whose code the edge turns into an HTTP status or exit code.
 * Authorisation ("who may call this") belongs here when accounts arrive.
 */
#ifndef MAMORU_APP_APP_H
#define MAMORU_APP_APP_H

#include <time.h>

#include "core/err.h"
#include "core/model.h"
#include "store/store.h"

typedef struct app {
	const content_t *content;
	store_t *store;
	time_t (*now)(void);          /* the clock; NULL = the system's (tests may pin it) */
} app_t;

/* The current time in UTC as "YYYY-MM-DDTHH:MM:SSZ": every record's created / updated. */
void app_now_iso(const app_t *a, char out[32]);
/* This month "YYYY-MM" and the first month of the pool's 24-month window ending in it. */
void app_this_month(const app_t *a, char month[8], char from[8]);
/* A store failure as an error: not found and constraint failures become ERR_NOT_FOUND /
 * ERR_CONFLICT with the store's message, anything else ERR_STORE (its detail is for logs). */
int app_store_fail(const app_t *a, store_rc_t rc, err_t *e);

#endif
