/*
 * app.h — the application layer: the use cases (save a diagnosis, view it, compare it, the
 * organisation, its profile, plan and history, the pool) that the command line, the web
 * pages and the JSON API all call, so each is written once. An adapter parses its input into
 * typed values, calls one app function and renders the result (core/view.h); the app layer
 * talks to the store and the content and never formats output.
 *
 * Every function takes the app context first and an err_t last, and returns 0 or -1 after
 * filling the error (core/err.h), whose code the edge turns into an HTTP status or exit code.
 *
 * Authorisation lives here (app/access.c): the context names the caller (actor_t), every use
 * case checks what that caller may see and change, and the store is limited to the caller's
 * workspace. Something the caller may not see is "not found", never "forbidden" with details.
 */
#ifndef MAMORU_APP_APP_H
#define MAMORU_APP_APP_H

#include <time.h>

#include "core/account.h"
#include "core/err.h"
#include "core/model.h"
#include "store/store.h"

/* Who is asking. The command line acts as an administrator of its workspace (access to the
 * database file is the authority); the web as the signed-in user or token, or as nobody. */
typedef struct {
	int64_t user_id;                       /* 0: nobody signed in, or the command line */
	int64_t workspace_id;                  /* the tenant; 0 = none */
	urole_t role;                          /* UROLE_NONE for nobody */
	int64_t org_id;                        /* a member's organisation */
	char email[ACCOUNT_EMAIL_MAX + 1];     /* "cli" for the command line */
	char client[64];                       /* the client's address, or "cli" */
	bool must_set_up_totp;                 /* the workspace requires a second factor this user lacks */
} actor_t;

typedef struct app {
	const content_t *content;
	store_t *store;
	time_t (*now)(void);          /* the clock; NULL = the system's (tests may pin it) */
	actor_t who;
} app_t;

/* The context for a caller: the store is limited to their workspace from here on. */
void app_init(app_t *a, const content_t *c, store_t *s, const actor_t *who);
/* The command line's caller: an administrator of `workspace`. */
actor_t app_cli_actor(int64_t workspace);

/* The current time in UTC as "YYYY-MM-DDTHH:MM:SSZ": every record's created / updated. */
void app_now_iso(const app_t *a, char out[32]);
/* The current time in Unix seconds (sessions, throttling). */
int64_t app_now(const app_t *a);
/* This month "YYYY-MM" in Japan time (Asia/Tokyo) and the first month of the pool's 24-month
 * window ending in it. */
void app_this_month(const app_t *a, char month[8], char from[8]);
/* The time zone every local time is shown in, "today" and the month of a round or a pool
 * bucket (core/datetime.h): a tz database name ("Asia/Tokyo", the default, or "UTC", …), from
 * `mamoru --tz` or $MAMORU_TZ. Refuses a name the system does not know. Call once, at start. */
int app_zone_set(const char *name, err_t *e);
/* A change and its audit entry are written in one transaction: begin, then end with the
 * result of the work (0 commits, -1 rolls back); end returns 0 or -1 with e filled. */
int app_tx_begin(app_t *a, err_t *e);
int app_tx_end(app_t *a, int rc, err_t *e);
/* A store failure as an error: not found and constraint failures become ERR_NOT_FOUND /
 * ERR_CONFLICT with the store's message, anything else ERR_STORE (its detail is for logs). */
int app_store_fail(const app_t *a, store_rc_t rc, err_t *e);

#endif
