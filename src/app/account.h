/*
 * account.h — signing in and out, the first administrator, users, API tokens and the second
 * factor (docs/security.md). Passwords are stored only as argon2id hashes (libsodium's
 * crypto_pwhash), session ids and tokens only as SHA-256 hashes; the raw values exist only in
 * the cookie or in the token holder's hands.
 */
#ifndef MAMORU_APP_ACCOUNT_H
#define MAMORU_APP_ACCOUNT_H

#include "app/app.h"

#define SESSION_ID_HEX 64                /* 256 random bits */
#define TOKEN_TEXT_MAX 80                /* "mmr_" + 64 hex */

/* Whether the database has no user yet: then the server offers /setup instead of /login. */
int app_setup_needed(app_t *a, bool *needed, err_t *e);
/* Creates the first administrator of workspace 1 (renamed to workspace_name when given);
 * refused once any user exists. */
int app_setup(app_t *a, const char *workspace_name, user_t *u, const char *password, err_t *e);

/* Signs in: checks the throttle (per account and per client), the password and, when the user
 * has one, the TOTP code; on success a new session whose id is returned in `cookie`
 * (SESSION_ID_HEX characters + NUL) and a->who becomes the user. Every failure is the same
 * ERR_UNAUTHENTICATED "wrong e-mail address or password", except ERR_THROTTLED (with the wait)
 * and a missing second factor (field "totp"). */
int app_login(app_t *a, const char *email, const char *password, const char *totp, char cookie[SESSION_ID_HEX + 1],
	      err_t *e);
/* The caller behind a session cookie (ERR_UNAUTHENTICATED when none is alive): fills a->who and
 * the session (its CSRF token); marks it seen. */
int app_session(app_t *a, const char *cookie, session_t *s, err_t *e);
/* Ends this session, or every session of its user. */
int app_logout(app_t *a, const char *cookie, bool everywhere, err_t *e);
/* The caller behind an API token ("mmr_…"): fills a->who. */
int app_token_auth(app_t *a, const char *token, err_t *e);

/* Administrators: users of their workspace. */
int app_user_add(app_t *a, user_t *u, const char *password, err_t *e);
int app_user_list(app_t *a, user_t **out, int *n, err_t *e);                        /* free() */
int app_user_find(app_t *a, const char *email, user_t *out, err_t *e);
/* Disabling ends the user's sessions at once; enabling lets them sign in again. */
int app_user_disable(app_t *a, const char *email, bool disabled, err_t *e);
/* A new password (judged like any new one); ends the user's sessions. */
int app_user_password(app_t *a, const char *email, const char *password, err_t *e);
/* Gives a consultant an organisation to look after, or takes it away. */
int app_user_assign(app_t *a, const char *email, int64_t org_id, bool assigned, err_t *e);

/* API tokens: the new token is in `text` (shown once; only its hash is kept). */
int app_token_add(app_t *a, const char *email, const char *label, char text[TOKEN_TEXT_MAX], token_t *t, err_t *e);
int app_token_list(app_t *a, const char *email, token_t **out, int *n, err_t *e);  /* email NULL: all; free() */
int app_token_revoke(app_t *a, int64_t id, err_t *e);

/* The second factor: a new secret for the signed-in user (base32, with its otpauth:// URI),
 * stored once confirm_totp is given a code it produces. */
#define TOTP_URI_MAX 1024
int app_totp_new(app_t *a, char secret[64], char uri[TOTP_URI_MAX], err_t *e);
int app_totp_confirm(app_t *a, const char *secret, const char *code, err_t *e);
/* The caller's workspace. */
int app_workspace(app_t *a, workspace_t *out, err_t *e);
/* The command line only (the database file is the authority): a new workspace, e.g. for a
 * second support organisation on the same server, and the list of them. */
int app_workspace_add(app_t *a, workspace_t *w, err_t *e);
int app_workspace_list(app_t *a, workspace_t **out, int *n, err_t *e);   /* free() */
/* Administrators: require a second factor of everyone in the workspace. */
int app_require_totp(app_t *a, bool required, err_t *e);

#endif
