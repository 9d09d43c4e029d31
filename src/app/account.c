/*
 * account.c — see account.h. libsodium hashes passwords (argon2id, its stored string format
 * with salt and costs) and gives the random bytes and SHA-256; liboath checks TOTP codes.
 */
#include "app/account.h"

#include <liboath/oath.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/audit.h"
#include "core/utf8.h"

/* libsodium and liboath need one initialisation each; both are safe to call again. */
static void crypto_ready(void)
{
	if (sodium_init() < 0 || oath_init() != OATH_OK) {
		fputs("mamoru: 暗号ライブラリを初期化できません / cannot initialise the crypto libraries\n", stderr);
		abort();
	}
}

static void random_hex(char *out, size_t bytes)
{
	unsigned char raw[64];
	crypto_ready();
	randombytes_buf(raw, bytes);
	sodium_bin2hex(out, bytes * 2 + 1, raw, bytes);
}

static void sha256_hex(const char *text, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_ready();
	crypto_hash_sha256(h, (const unsigned char *)text, strlen(text));
	sodium_bin2hex(out, 65, h, sizeof h);
}

static int hash_password(const char *pw, char out[ACCOUNT_HASH_LEN], err_t *e)
{
	crypto_ready();
	_Static_assert(crypto_pwhash_STRBYTES <= ACCOUNT_HASH_LEN, "room for the hash string");
	if (crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(e, ERR_INTERNAL, "password", "パスワードを保存できません（メモリ不足）", "cannot hash the password (out of memory)");
	return 0;
}

static bool password_matches(const char *hash, const char *pw)
{
	crypto_ready();
	return hash[0] && crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

/* ERR_INVALID naming what is wrong with a new password. */
static int judge(const app_t *a, const char *pw, const char *email, const char *name, err_t *e)
{
	if (!utf8_valid(pw, strlen(pw), NULL))
		return err_set(e, ERR_INVALID, "password", "パスワードに UTF-8 でない文字があります", "the password is not valid UTF-8");
	switch (password_judge(pw, email, name, a->content->common_passwords, a->content->ncommon_passwords)) {
	case PW_OK: return 0;
	case PW_TOO_SHORT:
		return err_set(e, ERR_INVALID, "password", "パスワードは %d 文字以上にしてください（長い文にしても構いません）",
			       "the password needs %d characters or more (a whole sentence is fine)", ACCOUNT_PASSWORD_MIN);
	case PW_TOO_LONG:
		return err_set(e, ERR_INVALID, "password", "パスワードは %d 文字までです", "the password may have at most %d characters",
			       ACCOUNT_PASSWORD_MAX);
	case PW_COMMON:
		return err_set(e, ERR_INVALID, "password", "よく使われていて推測されやすいパスワードです。別のものにしてください",
			       "this password is too common to be safe; choose another");
	case PW_PERSONAL: break;
	}
	return err_set(e, ERR_INVALID, "password", "メールアドレスや名前、同じ文字の繰り返しはパスワードに使えません",
		       "the password must not be the e-mail address, the name or one character repeated");
}

static void actor_of(app_t *a, const user_t *u)
{
	a->who.user_id = u->id;
	a->who.workspace_id = u->workspace_id;
	a->who.role = u->role;
	a->who.org_id = u->org_id;
	snprintf(a->who.email, sizeof a->who.email, "%s", u->email);
	store_set_workspace(a->store, u->workspace_id);
}

/* ---- the first administrator ---- */

int app_setup_needed(app_t *a, bool *needed, err_t *e)
{
	int64_t n = 0;
	store_rc_t rc = store_user_count(a->store, &n);
	*needed = n == 0;
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

static int check_user(const app_t *a, const user_t *u, const char *password, err_t *e)
{
	if (!account_email_valid(u->email))
		return err_set(e, ERR_INVALID, "email", "メールアドレスの形式が正しくありません", "not a valid e-mail address");
	size_t n = strlen(u->name);
	if (n == 0 || n > ACCOUNT_NAME_MAX || !utf8_valid(u->name, n, NULL))
		return err_set(e, ERR_INVALID, "name", "名前は 1〜%d バイトの文字にしてください", "the name needs 1 to %d bytes of text",
			       ACCOUNT_NAME_MAX);
	for (const unsigned char *p = (const unsigned char *)u->name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return err_set(e, ERR_INVALID, "name", "名前に改行や制御文字は使えません", "the name must not contain control characters");
	return judge(a, password, u->email, u->name, e);
}

int app_setup(app_t *a, const char *workspace_name, user_t *u, const char *password, err_t *e)
{
	bool needed;
	if (app_setup_needed(a, &needed, e) != 0)
		return -1;
	if (!needed)
		return err_set(e, ERR_FORBIDDEN, "", "管理者はすでに登録されています。ログインしてください",
			       "an administrator exists already; please sign in");
	u->workspace_id = 1;
	u->role = UROLE_ADMIN;
	u->org_id = 0;
	if (check_user(a, u, password, e) != 0 || hash_password(password, u->password_hash, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, u->created);
	memcpy(u->updated, u->created, sizeof u->updated);
	workspace_t w;
	store_rc_t rc = store_workspace_get(a->store, 1, &w);
	if (rc == STORE_OK && workspace_name && *workspace_name) { /* the default workspace keeps its id; only its name changes */
		snprintf(w.name, sizeof w.name, "%s", workspace_name);
		rc = store_workspace_update(a->store, &w);
	}
	if (rc == STORE_OK)
		rc = store_user_add(a->store, u);
	int res = rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
	if (res == 0) {
		actor_of(a, u);
		res = app_audit(a, "user.setup", "user 1", u->email, e);
	}
	return app_tx_end(a, res, e);
}

/* ---- signing in ---- */

/* Failed attempts under key within the window: ERR_THROTTLED when there have been max. */
static int throttled(app_t *a, const char *key, int max, err_t *e)
{
	int count;
	int64_t first;
	store_rc_t rc = store_failures_get(a->store, key, &count, &first);
	if (rc != STORE_OK)
		return app_store_fail(a, rc, e);
	int64_t wait = first + LOGIN_FAILURE_WINDOW - app_now(a);
	if (count < max || wait <= 0)
		return 0;
	int minutes = (int)((wait + 59) / 60);
	return err_set(e, ERR_THROTTLED, "", "ログインの失敗が続いたため、%d 分後にもう一度お試しください",
		       "too many failed sign-ins; try again in %d minute(s)", minutes);
}

static void count_failure(app_t *a, const char *key)
{
	int count;
	int64_t first, now = app_now(a);
	if (store_failures_get(a->store, key, &count, &first) != STORE_OK)
		return;
	if (now - first > LOGIN_FAILURE_WINDOW)
		count = 0, first = now;
	store_failures_put(a->store, key, count + 1, first);
}

/* A real hash of a random password, made once: checked when the e-mail address is unknown. */
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static char dummy_hash[ACCOUNT_HASH_LEN];

static void make_dummy(void)
{
	char pw[33];
	err_t e;
	random_hex(pw, 16);
	if (hash_password(pw, dummy_hash, &e) != 0)
		dummy_hash[0] = '\0';
}

static bool totp_ok(const char *secret_b32, const char *code, int64_t now)
{
	char *raw = NULL;
	size_t len = 0;
	crypto_ready();
	bool ok = code && strlen(code) == 6 && strspn(code, "0123456789") == 6 &&
		  oath_base32_decode(secret_b32, strlen(secret_b32), &raw, &len) == OATH_OK &&
		  oath_totp_validate(raw, len, (time_t)now, 30, 0, 1, code) >= 0;
	free(raw);
	return ok;
}

int app_login(app_t *a, const char *email, const char *password, const char *totp, char cookie[SESSION_ID_HEX + 1], err_t *e)
{
	char ukey[ACCOUNT_EMAIL_MAX + 8], ckey[80];
	snprintf(ukey, sizeof ukey, "user:%.*s", utf8_prefix(email, ACCOUNT_EMAIL_MAX), email);
	for (char *p = ukey; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	snprintf(ckey, sizeof ckey, "client:%s", a->who.client);
	if (throttled(a, ukey, LOGIN_MAX_FAILURES, e) != 0 || throttled(a, ckey, LOGIN_MAX_CLIENT_FAILURES, e) != 0)
		return -1;
	user_t u;
	store_rc_t rc = store_user_by_email(a->store, email, &u);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	/* a missing user costs the same hash as a wrong password, so timing tells nothing */
	pthread_once(&dummy_once, make_dummy);
	bool ok = password_matches(rc == STORE_OK ? u.password_hash : dummy_hash, password) && rc == STORE_OK && !u.disabled;
	if (ok && u.totp_secret[0] && (!totp || !*totp))
		return err_set(e, ERR_UNAUTHENTICATED, "totp", "認証アプリに表示された 6 桁のコードを入力してください",
			       "enter the 6-digit code from your authenticator app");
	if (ok && u.totp_secret[0] && !totp_ok(u.totp_secret, totp, app_now(a)))
		ok = false;
	if (!ok) {
		count_failure(a, ukey);
		count_failure(a, ckey);
		return err_set(e, ERR_UNAUTHENTICATED, "password", "メールアドレスかパスワード（またはコード）が違います",
			       "wrong e-mail address or password (or code)");
	}
	store_failures_put(a->store, ukey, 0, 0);
	session_t s = { .user_id = u.id, .second_factor = u.totp_secret[0] != '\0' };
	s.created = s.seen = app_now(a);
	random_hex(cookie, SESSION_ID_HEX / 2);
	sha256_hex(cookie, s.id_hash);
	random_hex(s.csrf, 32);
	actor_of(a, &u);
	if ((rc = store_session_add(a->store, &s)) != STORE_OK)
		return app_store_fail(a, rc, e);
	char object[40];
	snprintf(object, sizeof object, "user %lld", (long long)u.id);
	return app_audit(a, "user.login", object, "", e);
}

int app_session(app_t *a, const char *cookie, session_t *s, err_t *e)
{
	char hash[65];
	if (!cookie || strlen(cookie) != SESSION_ID_HEX || strspn(cookie, "0123456789abcdef") != SESSION_ID_HEX)
		return err_set(e, ERR_UNAUTHENTICATED, "", "ログインしてください", "please sign in");
	sha256_hex(cookie, hash);
	user_t u;
	store_rc_t rc = store_session_get(a->store, hash, s);
	if (rc == STORE_OK)
		rc = store_user_get(a->store, s->user_id, &u);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	int64_t now = app_now(a);
	if (rc != STORE_OK || u.disabled || !session_alive(s, now)) {
		if (rc == STORE_OK)
			store_session_delete(a->store, hash);
		return err_set(e, ERR_UNAUTHENTICATED, "", "ログインの有効期限が切れました。もう一度ログインしてください",
			       "your sign-in has expired; please sign in again");
	}
	/* one write a minute at most, not one per page */
	if (now - s->seen >= 60 && (rc = store_session_touch(a->store, hash, now, s->second_factor)) != STORE_OK)
		return app_store_fail(a, rc, e);
	actor_of(a, &u);
	workspace_t w;
	if (store_workspace_get(a->store, u.workspace_id, &w) == STORE_OK && w.require_totp && !u.totp_secret[0])
		a->who.must_set_up_totp = true;
	return 0;
}

int app_logout(app_t *a, const char *cookie, bool everywhere, err_t *e)
{
	session_t s;
	if (app_session(a, cookie, &s, e) != 0)
		return e->code == ERR_UNAUTHENTICATED ? 0 : -1; /* nothing to end */
	store_rc_t rc = everywhere ? store_session_delete_user(a->store, s.user_id) : store_session_delete(a->store, s.id_hash);
	if (rc != STORE_OK)
		return app_store_fail(a, rc, e);
	char object[40];
	snprintf(object, sizeof object, "user %lld", (long long)s.user_id);
	return app_audit(a, everywhere ? "user.logout_everywhere" : "user.logout", object, "", e);
}

int app_token_auth(app_t *a, const char *token, err_t *e)
{
	char hash[65];
	token_t t;
	user_t u;
	if (!token || strncmp(token, "mmr_", 4) || strlen(token) != 4 + 64)
		return err_set(e, ERR_UNAUTHENTICATED, "", "API トークンが正しくありません", "invalid API token");
	sha256_hex(token, hash);
	store_rc_t rc = store_token_by_hash(a->store, hash, &t);
	if (rc == STORE_OK)
		rc = store_user_get(a->store, t.user_id, &u);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	if (rc != STORE_OK || t.revoked[0] || u.disabled)
		return err_set(e, ERR_UNAUTHENTICATED, "", "API トークンが正しくないか、取り消されています",
			       "the API token is invalid or has been revoked");
	actor_of(a, &u);
	return 0;
}

/* ---- users ---- */

int app_user_find(app_t *a, const char *email, user_t *out, err_t *e)
{
	if (app_need(a, NEED_ADMIN, e) != 0)
		return -1;
	store_rc_t rc = store_user_by_email(a->store, email, out);
	if (rc == STORE_OK && out->workspace_id != a->who.workspace_id)
		rc = STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, "email", "利用者「%s」はいません", "no user \"%s\"", email);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

static int audit_user(app_t *a, const char *action, const user_t *u, const char *detail, err_t *e)
{
	char object[40];
	snprintf(object, sizeof object, "user %lld", (long long)u->id);
	char d[300];
	snprintf(d, sizeof d, "%s%s%s", u->email, detail && *detail ? ": " : "", detail ? detail : "");
	return app_audit(a, action, object, d, e);
}

int app_user_add(app_t *a, user_t *u, const char *password, err_t *e)
{
	if (app_need(a, NEED_ADMIN, e) != 0 || check_user(a, u, password, e) != 0)
		return -1;
	u->workspace_id = a->who.workspace_id;
	if (u->role == UROLE_MEMBER && !u->org_id)
		return err_set(e, ERR_INVALID, "org", "企業担当には組織（--org）を指定してください", "a company member needs an organisation (--org)");
	if (u->role != UROLE_MEMBER && u->org_id)
		return err_set(e, ERR_INVALID, "org", "組織を指定できるのは企業担当だけです", "only a company member belongs to one organisation");
	org_t o;
	if (u->org_id && (store_org_get(a->store, u->org_id, &o) != STORE_OK))
		return err_set(e, ERR_INVALID, "org", "組織 ID %lld はこのワークスペースにありません", "no organisation %lld in this workspace",
			       (long long)u->org_id);
	if (hash_password(password, u->password_hash, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, u->created);
	memcpy(u->updated, u->created, sizeof u->updated);
	store_rc_t rc = store_user_add(a->store, u);
	int res = rc == STORE_OK ? audit_user(a, "user.add", u, urole_id(u->role), e)
		  : rc == STORE_INVALID ? err_set(e, ERR_CONFLICT, "email", "このメールアドレスはすでに使われています", "this e-mail address is taken")
					: app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_user_list(app_t *a, user_t **out, int *n, err_t *e)
{
	*out = NULL;
	*n = 0;
	if (app_need(a, NEED_ADMIN, e) != 0)
		return -1;
	store_rc_t rc = store_user_list(a->store, a->who.workspace_id, out, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

/* Saves a changed user, ends their sessions when asked, and logs it; all in one transaction. */
static int save_user(app_t *a, user_t *u, bool end_sessions, const char *action, const char *detail, err_t *e)
{
	if (app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, u->updated);
	store_rc_t rc = store_user_update(a->store, u);
	if (rc == STORE_OK && end_sessions)
		rc = store_session_delete_user(a->store, u->id);
	int res = rc == STORE_OK ? audit_user(a, action, u, detail, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_user_disable(app_t *a, const char *email, bool disabled, err_t *e)
{
	user_t u;
	if (app_user_find(a, email, &u, e) != 0)
		return -1;
	if (disabled && u.id == a->who.user_id)
		return err_set(e, ERR_INVALID, "email", "自分自身は無効にできません", "you cannot disable yourself");
	u.disabled = disabled;
	return save_user(a, &u, disabled, disabled ? "user.disable" : "user.enable", "", e);
}

int app_user_password(app_t *a, const char *email, const char *password, err_t *e)
{
	user_t u;
	if (app_user_find(a, email, &u, e) != 0 || judge(a, password, u.email, u.name, e) != 0 ||
	    hash_password(password, u.password_hash, e) != 0)
		return -1;
	return save_user(a, &u, true, "user.password", "", e);
}

int app_user_assign(app_t *a, const char *email, int64_t org_id, bool assigned, err_t *e)
{
	user_t u;
	org_t o;
	if (app_user_find(a, email, &u, e) != 0)
		return -1;
	if (u.role != UROLE_CONSULTANT)
		return err_set(e, ERR_INVALID, "email", "組織を割り当てられるのは支援担当だけです", "only a consultant is assigned organisations");
	if (store_org_get(a->store, org_id, &o) != STORE_OK)
		return err_set(e, ERR_NOT_FOUND, "org", "組織 ID %lld は登録されていません", "no organisation with id %lld", (long long)org_id);
	if (app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_assign(a->store, u.id, org_id, assigned);
	char detail[80];
	snprintf(detail, sizeof detail, "organization %lld", (long long)org_id);
	int res = rc == STORE_OK ? audit_user(a, assigned ? "user.assign" : "user.unassign", &u, detail, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

/* ---- tokens ---- */

int app_token_add(app_t *a, const char *email, const char *label, char text[TOKEN_TEXT_MAX], token_t *t, err_t *e)
{
	user_t u;
	if (app_user_find(a, email, &u, e) != 0)
		return -1;
	size_t n = label ? strlen(label) : 0;
	if (n >= sizeof t->label || (n && !utf8_valid(label, n, NULL)))
		return err_set(e, ERR_INVALID, "label", "ラベルは %zu バイトまでの文字にしてください", "the label may have at most %zu bytes of text",
			       sizeof t->label - 1);
	memset(t, 0, sizeof *t);
	t->user_id = u.id;
	snprintf(t->label, sizeof t->label, "%s", label ? label : "");
	memcpy(text, "mmr_", 4);
	random_hex(text + 4, 32);
	sha256_hex(text, t->hash);
	app_now_iso(a, t->created);
	if (app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_token_add(a->store, t);
	char detail[200];
	snprintf(detail, sizeof detail, "token %lld %s", (long long)t->id, t->label);
	int res = rc == STORE_OK ? audit_user(a, "token.add", &u, detail, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_token_list(app_t *a, const char *email, token_t **out, int *n, err_t *e)
{
	*out = NULL;
	*n = 0;
	user_t u = { 0 };
	if (app_need(a, NEED_ADMIN, e) != 0 || (email && app_user_find(a, email, &u, e) != 0))
		return -1;
	store_rc_t rc = store_token_list(a->store, a->who.workspace_id, u.id, out, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_token_revoke(app_t *a, int64_t id, err_t *e)
{
	token_t *list;
	int n;
	if (app_token_list(a, NULL, &list, &n, e) != 0)
		return -1;
	bool mine = false; /* a token of this workspace */
	for (int i = 0; i < n; i++)
		mine |= list[i].id == id;
	free(list);
	if (!mine)
		return err_set(e, ERR_NOT_FOUND, "id", "トークン %lld はありません", "no token %lld", (long long)id);
	char at[32], object[40];
	app_now_iso(a, at);
	if (app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_token_revoke(a->store, id, at);
	snprintf(object, sizeof object, "token %lld", (long long)id);
	int res = rc == STORE_OK ? app_audit(a, "token.revoke", object, "", e)
		  : rc == STORE_NOT_FOUND ? err_set(e, ERR_CONFLICT, "id", "トークン %lld は取り消し済みです", "token %lld is revoked already", (long long)id)
					  : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

/* ---- the second factor ---- */

int app_totp_new(app_t *a, char secret[64], char uri[TOTP_URI_MAX], err_t *e)
{
	if (app_need(a, NEED_SIGNED_IN, e) != 0 || !a->who.user_id)
		return err_set(e, ERR_UNAUTHENTICATED, "", "ログインしてください", "please sign in");
	unsigned char raw[20];
	char *b32 = NULL;
	size_t len = 0;
	crypto_ready();
	randombytes_buf(raw, sizeof raw);
	if (oath_base32_encode((const char *)raw, sizeof raw, &b32, &len) != OATH_OK)
		return err_set(e, ERR_INTERNAL, "", "秘密鍵を作れません", "cannot make a secret");
	snprintf(secret, 64, "%s", b32);
	free(b32);
	/* the label is the e-mail address, percent-encoded as a URI needs */
	char label[3 * ACCOUNT_EMAIL_MAX + 1];
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)a->who.email; *p && k + 4 < sizeof label; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			label[k++] = (char)*p;
		else
			k += (size_t)snprintf(label + k, sizeof label - k, "%%%02X", *p);
	label[k] = '\0';
	snprintf(uri, TOTP_URI_MAX, "otpauth://totp/mamoru:%s?secret=%s&issuer=mamoru", label, secret);
	return 0;
}

int app_totp_confirm(app_t *a, const char *secret, const char *code, err_t *e)
{
	user_t u;
	if (app_need(a, NEED_SIGNED_IN, e) != 0)
		return -1;
	store_rc_t rc = store_user_get(a->store, a->who.user_id, &u);
	if (rc != STORE_OK)
		return app_store_fail(a, rc, e);
	if (!secret || strlen(secret) < 16 || strlen(secret) >= sizeof u.totp_secret || !totp_ok(secret, code, app_now(a)))
		return err_set(e, ERR_INVALID, "code", "コードが違います。認証アプリの表示を確かめてください",
			       "the code does not match; check your authenticator app");
	snprintf(u.totp_secret, sizeof u.totp_secret, "%s", secret);
	a->who.must_set_up_totp = false;
	return save_user(a, &u, false, "user.totp", "", e);
}

int app_workspace(app_t *a, workspace_t *out, err_t *e)
{
	if (app_need(a, NEED_SIGNED_IN, e) != 0)
		return -1;
	store_rc_t rc = store_workspace_get(a->store, a->who.workspace_id, out);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

/* Whole-server operations belong to whoever holds the database file: the command line. */
static int cli_only(const app_t *a, err_t *e)
{
	return a->who.user_id == 0 && a->who.role == UROLE_ADMIN && !strcmp(a->who.client, "cli")
		       ? 0
		       : err_set(e, ERR_FORBIDDEN, "", "ワークスペースはコマンドラインでだけ作れます", "workspaces are made on the command line only");
}

int app_workspace_add(app_t *a, workspace_t *w, err_t *e)
{
	size_t n = strlen(w->name);
	if (cli_only(a, e) != 0)
		return -1;
	if (n == 0 || n > ACCOUNT_NAME_MAX || !utf8_valid(w->name, n, NULL))
		return err_set(e, ERR_INVALID, "name", "名前は 1〜%d バイトの文字にしてください", "the name needs 1 to %d bytes of text", ACCOUNT_NAME_MAX);
	if (app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, w->created);
	store_rc_t rc = store_workspace_add(a->store, w);
	char object[40];
	snprintf(object, sizeof object, "workspace %lld", (long long)w->id);
	int res = rc == STORE_OK ? app_audit(a, "workspace.add", object, w->name, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_workspace_list(app_t *a, workspace_t **out, int *n, err_t *e)
{
	*out = NULL;
	*n = 0;
	if (cli_only(a, e) != 0)
		return -1;
	store_rc_t rc = store_workspace_list(a->store, out, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_require_totp(app_t *a, bool required, err_t *e)
{
	workspace_t w;
	if (app_need(a, NEED_ADMIN, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_workspace_get(a->store, a->who.workspace_id, &w);
	if (rc == STORE_OK) {
		w.require_totp = required;
		rc = store_workspace_update(a->store, &w);
	}
	char object[40];
	snprintf(object, sizeof object, "workspace %lld", (long long)w.id);
	int res = rc == STORE_OK ? app_audit(a, required ? "workspace.require_totp" : "workspace.allow_without_totp", object, "", e)
				 : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}
