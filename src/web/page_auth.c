/*
 * page_auth.c — signing in and out in the browser: /setup (the first administrator, only
 * while there is no user, and off loopback only with the code the server printed at start),
 * /login (e-mail, password and, when set up, the authenticator code), POST /logout (this
 * session, or every session of the user), and /account (who you are, and setting up the
 * second factor). The rules are in app/account.c; this file draws the forms and sets cookies.
 */
#include <stdio.h>
#include <string.h>

#include "app/account.h"
#include "web/pages.h"

/* Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind https. */
static void set_session_cookie(req_t *r, resp_t *w, const char *value)
{
	snprintf(w->set_cookie[2], sizeof w->set_cookie[2], "mamoru_session=%s; Path=/; HttpOnly; SameSite=Lax%s%s", value,
		 value[0] ? "" : "; Max-Age=0", r->secure ? "; Secure" : "");
}

/* A local path to go back to after signing in: "/…" but never "//…" (another site). */
static const char *safe_next(const char *next)
{
	return next && next[0] == '/' && next[1] != '/' && next[1] != '\\' && !strchr(next, '\r') && !strchr(next, '\n') ? next : "/";
}

static void field(req_t *r, buf_t *b, const char *id, const char *label_key, const char *type, const char *autocomplete,
		  const char *value, const err_t *e)
{
	bool bad = e && !strcmp(e->field, id);
	h(b, "<p><label for=\"f-%s\">%s</label><input id=\"f-%s\" name=\"%s\" type=\"%s\" autocomplete=\"%s\" value=\"%s\"", id,
	  T(r, label_key), id, id, type, autocomplete, value ? value : "");
	if (bad)
		h(b, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", id);
	h(b, ">");
	if (bad)
		h(b, "<span class=\"error\" id=\"e-%s\">%s</span>", id, err_text(e, r->lang));
	h(b, "</p>");
}

static bool loopback(const req_t *r)
{
	return !strncmp(r->client, "127.", 4) || !strcmp(r->client, "::1");
}

/* ---- /setup ---- */

static void render_setup(req_t *r, resp_t *w, const err_t *e)
{
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "auth_setup"));
	h(b, "<h1>%s</h1><p>%s</p>", T(r, "auth_setup"), T(r, "auth_setup_intro"));
	if (e && !e->field[0])
		h(b, "<p class=\"error\" role=\"alert\">%s</p>", err_text(e, r->lang));
	h(b, "<form method=\"post\" action=\"/setup\" class=\"form\">");
	page_csrf_field(r, b);
	field(r, b, "workspace", "auth_workspace", "text", "organization", req_form(r, "workspace"), e);
	field(r, b, "name", "auth_name", "text", "name", req_form(r, "name"), e);
	field(r, b, "email", "auth_email", "email", "username", req_form(r, "email"), e);
	field(r, b, "password", "auth_new_password", "password", "new-password", "", e);
	h(b, "<p class=\"muted\">%s</p>", T(r, "auth_password_rule"));
	if (!loopback(r))
		field(r, b, "code", "auth_setup_code", "text", "off", "", e);
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "auth_setup_button"));
	page_end(r, w);
}

/* The set-up page exists only while there is no user. */
static bool setup_open(req_t *r, resp_t *w)
{
	bool needed = false;
	err_t e;
	if (app_setup_needed(&r->app, &needed, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	if (!needed)
		resp_redirect(w, "/login");
	return needed;
}

void page_setup(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	if (setup_open(r, w))
		render_setup(r, w, NULL);
}

void page_setup_post(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	if (!setup_open(r, w))
		return;
	err_t e = { 0 };
	user_t u = { 0 };
	const char *email = req_form(r, "email"), *name = req_form(r, "name"), *pw = req_form(r, "password");
	const char *code = req_form(r, "code");
	snprintf(u.email, sizeof u.email, "%s", email ? email : "");
	snprintf(u.name, sizeof u.name, "%s", name ? name : "");
	/* off loopback, only whoever can read the server's console may become its administrator */
	if (!loopback(r) && (!r->setup_code || !code || strcmp(code, r->setup_code)))
		err_set(&e, ERR_FORBIDDEN, "code", "初期設定コードが違います（サーバーの起動時の表示を見てください）",
			"wrong set-up code (see what the server printed when it started)");
	else if (app_setup(&r->app, req_form(r, "workspace"), &u, pw ? pw : "", &e) == 0) {
		char cookie[SESSION_ID_HEX + 1];
		if (app_login(&r->app, u.email, pw, NULL, cookie, &e) == 0) {
			set_session_cookie(r, w, cookie);
			resp_redirect(w, "/");
			return;
		}
	}
	w->status = err_http_status(e.code);
	render_setup(r, w, &e);
}

/* ---- /login ---- */

static void render_login(req_t *r, resp_t *w, const err_t *e, bool ask_code)
{
	buf_t *b = &w->body;
	const char *next = safe_next(req_form(r, "next") ? req_form(r, "next") : req_query(r, "next"));
	page_begin(r, w, T(r, "auth_login"));
	h(b, "<h1>%s</h1>", T(r, "auth_login"));
	if (e && (!e->field[0] || !strcmp(e->field, "password")))
		h(b, "<p class=\"error\" role=\"alert\">%s</p>", err_text(e, r->lang));
	h(b, "<form method=\"post\" action=\"/login\" class=\"form\">");
	page_csrf_field(r, b);
	h(b, "<input type=\"hidden\" name=\"next\" value=\"%s\">", next);
	field(r, b, "email", "auth_email", "email", "username", req_form(r, "email"), NULL);
	field(r, b, "password", "auth_password", "password", "current-password", "", NULL);
	if (ask_code)
		field(r, b, "totp", "auth_totp_code", "text", "one-time-code", "", e);
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "auth_login_button"));
	page_end(r, w);
}

void page_login(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	bool setup = false;
	err_t e;
	if (app_setup_needed(&r->app, &setup, &e) == 0 && setup) {
		resp_redirect(w, "/setup");
		return;
	}
	render_login(r, w, NULL, false);
}

void page_login_post(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const char *email = req_form(r, "email"), *pw = req_form(r, "password"), *totp = req_form(r, "totp");
	char cookie[SESSION_ID_HEX + 1];
	err_t e;
	if (app_login(&r->app, email ? email : "", pw ? pw : "", totp, cookie, &e) == 0) {
		set_session_cookie(r, w, cookie);
		resp_redirect(w, "%s", safe_next(req_form(r, "next")));
		return;
	}
	w->status = err_http_status(e.code);
	render_login(r, w, &e, !strcmp(e.field, "totp") || (totp && *totp));
}

void page_logout(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	err_t e;
	if (app_logout(&r->app, r->cookie_session, req_form(r, "everywhere") != NULL, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	set_session_cookie(r, w, "");
	resp_redirect(w, "/login");
}

/* ---- /account ---- */

void page_account(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	buf_t *b = &w->body;
	const actor_t *who = &r->app.who;
	page_begin(r, w, T(r, "auth_account"));
	h(b, "<h1>%s</h1><dl class=\"profile\"><dt>%s</dt><dd id=\"account-email\">%s</dd><dt>%s</dt><dd id=\"account-role\">%s</dd></dl>",
	  T(r, "auth_account"), T(r, "auth_email"), who->email, T(r, "auth_role"), urole_label(who->role, r->lang));
	if (who->must_set_up_totp)
		h(b, "<p class=\"error\" role=\"alert\">%s</p>", T(r, "auth_totp_required"));
	/* a second factor: a new secret each time the page is shown, kept only once confirmed */
	char secret[64], uri[TOTP_URI_MAX];
	err_t e;
	h(b, "<h2 id=\"totp\">%s</h2><p>%s</p>", T(r, "auth_totp"), T(r, "auth_totp_intro"));
	if (app_totp_new(&r->app, secret, uri, &e) == 0) {
		h(b, "<p>%s</p><p><code id=\"totp-secret\">%s</code></p><p class=\"small\"><code>%s</code></p>", T(r, "auth_totp_secret"), secret,
		  uri);
		h(b, "<form method=\"post\" action=\"/account/totp\" class=\"form\">");
		page_csrf_field(r, b);
		h(b, "<input type=\"hidden\" name=\"secret\" value=\"%s\">", secret);
		field(r, b, "code", "auth_totp_code", "text", "one-time-code", "", NULL);
		h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "auth_totp_button"));
	}
	h(b, "<h2>%s</h2><form method=\"post\" action=\"/logout\" class=\"inline\">", T(r, "auth_logout"));
	page_csrf_field(r, b);
	h(b, "<button type=\"submit\" name=\"everywhere\" value=\"1\" class=\"secondary\">%s</button></form>", T(r, "auth_logout_everywhere"));
	page_end(r, w);
}

void page_account_totp(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	err_t e;
	if (app_totp_confirm(&r->app, req_form(r, "secret"), req_form(r, "code"), &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/account#totp");
}
