/*
 * account.h — who is using mamoru and what they may do: workspaces (a support organisation,
 * or one company on its own, owning its client organisations), users with one of four roles,
 * their sessions and API tokens, and the audit log. The records and the rules are plain data
 * and pure functions; hashing and storage are done by src/app and src/store.
 *
 * Roles (docs/security.md): 管理者 admin — everything in the workspace, and its users;
 * 支援担当 consultant — the organisations assigned to them (and the ones they add);
 * 企業担当 member — their own organisation, may answer and plan; 閲覧者 viewer — reads every
 * organisation of the workspace, changes nothing.
 */
#ifndef MAMORU_CORE_ACCOUNT_H
#define MAMORU_CORE_ACCOUNT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/lang.h"

typedef enum { UROLE_NONE = 0, UROLE_VIEWER, UROLE_MEMBER, UROLE_CONSULTANT, UROLE_ADMIN } urole_t;

#define ACCOUNT_EMAIL_MAX 254
#define ACCOUNT_NAME_MAX 200
#define ACCOUNT_HASH_LEN 128          /* a password hash in its stored string form (argon2id) */
#define ACCOUNT_PASSWORD_MIN 10       /* characters: the Tokyo handbook's "10 or more" */
#define ACCOUNT_PASSWORD_MAX 256      /* characters: passphrases welcome */
#define SESSION_IDLE_SECONDS (2 * 3600)
#define SESSION_MAX_SECONDS (12 * 3600)
#define LOGIN_MAX_FAILURES 5          /* per account, within ... */
#define LOGIN_MAX_CLIENT_FAILURES 20  /* per client address (an office behind one address has many users) ... */
#define LOGIN_FAILURE_WINDOW (15 * 60) /* ... this many seconds, after which they are forgotten */

typedef struct {
	int64_t id;
	char name[ACCOUNT_NAME_MAX + 1];
	bool require_totp;                /* every user of the workspace needs a second factor */
	char created[32];
} workspace_t;

typedef struct {
	int64_t id, workspace_id;
	int64_t org_id;                   /* a member's organisation; 0 otherwise */
	char email[ACCOUNT_EMAIL_MAX + 1];
	char name[ACCOUNT_NAME_MAX + 1];
	urole_t role;
	char password_hash[ACCOUNT_HASH_LEN];
	char totp_secret[64];             /* base32; "" = no second factor set up */
	bool disabled;
	char created[32], updated[32];
} user_t;

typedef struct {
	char id_hash[65];                 /* SHA-256 of the session id, hex: the id itself is never stored */
	int64_t user_id;
	char csrf[65];                    /* the session's CSRF token */
	int64_t created, seen;            /* Unix seconds */
	bool second_factor;               /* the TOTP code has been given */
} session_t;

typedef struct {
	int64_t id, user_id;
	char hash[65];                    /* SHA-256 of the token, hex */
	char label[121];
	char created[32], revoked[32];    /* revoked "" = live */
} token_t;

typedef struct {
	int64_t id, workspace_id, user_id;
	char at[32];
	char actor[ACCOUNT_EMAIL_MAX + 1]; /* an email, or "cli" */
	char action[40];                  /* "org.create", "diagnosis.save", "user.disable" … */
	char object[80];                  /* "organization 3", "user 2" … */
	char detail[512];
	char client[64];                  /* the client's address, or "cli" */
} audit_t;

/* A respondent link: one questionnaire for one organisation, scope and role, answered once
 * without an account before it expires. */
typedef struct {
	char hash[65];                    /* SHA-256 of the link's token, hex */
	int64_t workspace_id, org_id, created_by;
	char questionnaire[40];
	char scope[128];
	char role[16];                    /* executive, manager, staff */
	char created[32];
	int64_t expires;                  /* Unix seconds */
	int64_t diagnosis_id;             /* 0 until answered */
} link_t;
#define LINK_MAX_DAYS 60

const char *urole_id(urole_t r);                  /* "admin", "consultant", "member", "viewer" */
bool urole_parse(const char *s, urole_t *out);
const char *urole_label(urole_t r, lang_t lang);   /* 管理者 / administrator … */

/* True when the e-mail address looks deliverable enough to be a login name: one @, a dot in the
 * domain, no spaces or control characters, at most ACCOUNT_EMAIL_MAX bytes. */
bool account_email_valid(const char *s);

typedef enum { PW_OK = 0, PW_TOO_SHORT, PW_TOO_LONG, PW_COMMON, PW_PERSONAL } pw_verdict_t;
/* Judges a new password: ACCOUNT_PASSWORD_MIN to _MAX characters of any kind (no composition
 * rules), not one of the common passwords (a sorted list, compared case-insensitively), and
 * not the user's e-mail address or name, nor one character repeated. */
pw_verdict_t password_judge(const char *pw, const char *email, const char *name, const char *const *common, int ncommon);

/* Whether the session is still alive at `now` (idle and absolute limits). */
bool session_alive(const session_t *s, int64_t now);

#endif
