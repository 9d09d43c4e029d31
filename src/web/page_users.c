/*
 * page_users.c — the administrator's pages: /users (the workspace's users, adding one,
 * disabling, enabling, a new password, a consultant's organisations, and requiring a second
 * factor of everyone) and /audit (who changed what, when and from where). The rules are in
 * app/account.c and app/audit.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/account.h"
#include "app/audit.h"
#include "app/org.h"
#include "web/pages.h"

static void role_select(req_t *r, buf_t *b)
{
	h(b, "<p><label for=\"f-role\">%s</label><select id=\"f-role\" name=\"role\">", T(r, "auth_role"));
	for (int k = UROLE_VIEWER; k <= UROLE_ADMIN; k++)
		h(b, "<option value=\"%s\"%s>%s</option>", urole_id((urole_t)k), k == UROLE_CONSULTANT ? " selected" : "",
		  urole_label((urole_t)k, r->lang));
	h(b, "</select></p>");
}

typedef struct {
	req_t *r;
	buf_t *b;
} orgs_ctx_t;

static bool org_option(const org_t *o, void *arg)
{
	orgs_ctx_t *x = arg;
	h(x->b, "<option value=\"%lld\">%lld %s</option>", (long long)o->id, (long long)o->id, o->name);
	return true;
}

/* The organisations of the workspace as <option>s, for a member's company or an assignment. */
static void org_options(req_t *r, buf_t *b)
{
	orgs_ctx_t x = { r, b };
	err_t e;
	app_org_each(&r->app, org_option, &x, &e);
}

static void render_users(req_t *r, resp_t *w, const err_t *error)
{
	buf_t *b = &w->body;
	user_t *list;
	int n;
	err_t e;
	if (app_user_list(&r->app, &list, &n, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	page_begin(r, w, T(r, "auth_users"));
	h(b, "<h1>%s</h1>", T(r, "auth_users"));
	if (error)
		h(b, "<p class=\"error\" role=\"alert\">%s</p>", err_text(error, r->lang));
	h(b, "<table class=\"users\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "auth_email"), T(r, "auth_name"), T(r, "auth_role"), T(r, "auth_state"), T(r, "web_actions"));
	for (int i = 0; i < n; i++) {
		const user_t *u = &list[i];
		h(b, "<tr id=\"user-%lld\"><td>%s</td><td>%s</td><td>%s", (long long)u->id, u->email, u->name, urole_label(u->role, r->lang));
		if (u->org_id)
			h(b, " <a href=\"/organizations/%lld\">#%lld</a>", (long long)u->org_id, (long long)u->org_id);
		h(b, "</td><td>%s%s</td><td>", u->disabled ? T(r, "auth_disabled") : T(r, "auth_enabled"),
		  u->totp_secret[0] ? T(r, "auth_with_totp") : "");
		h(b, "<form method=\"post\" action=\"/users/%lld\" class=\"inline\">", (long long)u->id);
		page_csrf_field(r, b);
		h(b, "<button type=\"submit\" name=\"action\" value=\"%s\" class=\"secondary\">%s</button></form> ",
		  u->disabled ? "enable" : "disable", T(r, u->disabled ? "auth_enable" : "auth_disable"));
		h(b, "<form method=\"post\" action=\"/users/%lld\" class=\"inline\">", (long long)u->id);
		page_csrf_field(r, b);
		h(b, "<label for=\"pw-%lld\">%s</label> <input id=\"pw-%lld\" name=\"password\" type=\"password\" autocomplete=\"new-password\" size=\"12\"> "
		     "<button type=\"submit\" name=\"action\" value=\"password\" class=\"secondary\">%s</button></form>",
		  (long long)u->id, T(r, "auth_new_password"), (long long)u->id, T(r, "auth_set_password"));
		if (u->role == UROLE_CONSULTANT) {
			h(b, " <form method=\"post\" action=\"/users/%lld\" class=\"inline\">", (long long)u->id);
			page_csrf_field(r, b);
			h(b, "<label for=\"org-%lld\">%s</label> <select id=\"org-%lld\" name=\"org\">", (long long)u->id, T(r, "auth_assign"),
			  (long long)u->id);
			org_options(r, b);
			h(b, "</select> <button type=\"submit\" name=\"action\" value=\"assign\" class=\"secondary\">%s</button> "
			     "<button type=\"submit\" name=\"action\" value=\"unassign\" class=\"secondary\">%s</button></form>",
			  T(r, "auth_assign_button"), T(r, "auth_unassign_button"));
		}
		h(b, "</td></tr>");
	}
	h(b, "</tbody></table>");
	free(list);

	h(b, "<h2>%s</h2><form method=\"post\" action=\"/users\" class=\"form\">", T(r, "auth_add_user"));
	page_csrf_field(r, b);
	h(b, "<p><label for=\"f-email\">%s</label><input id=\"f-email\" name=\"email\" type=\"email\" required></p>", T(r, "auth_email"));
	h(b, "<p><label for=\"f-name\">%s</label><input id=\"f-name\" name=\"name\" required maxlength=\"200\"></p>", T(r, "auth_name"));
	role_select(r, b);
	h(b, "<p><label for=\"f-org\">%s</label><select id=\"f-org\" name=\"org\"><option value=\"\">—</option>", T(r, "auth_member_org"));
	org_options(r, b);
	h(b, "</select></p>");
	h(b, "<p><label for=\"f-password\">%s</label><input id=\"f-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required></p>"
	     "<p class=\"muted\">%s</p>",
	  T(r, "auth_new_password"), T(r, "auth_password_rule"));
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "auth_add_user"));

	workspace_t ws;
	if (app_workspace(&r->app, &ws, &e) == 0) {
		h(b, "<h2>%s</h2><form method=\"post\" action=\"/workspace\" class=\"form\">", T(r, "auth_totp"));
		page_csrf_field(r, b);
		h(b, "<p><label><input type=\"checkbox\" name=\"require_totp\" value=\"1\"%s> %s</label></p>", ws.require_totp ? " checked" : "",
		  T(r, "auth_require_totp"));
		h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "web_save"));
	}
	h(b, "<p><a href=\"/audit\">%s</a></p>", T(r, "auth_audit"));
	page_end(r, w);
}

void page_users(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	render_users(r, w, NULL);
}

/* Answers a refused form on the users page itself, with the message; anything else as usual. */
static void users_fail(req_t *r, resp_t *w, const err_t *e)
{
	if (e->code != ERR_INVALID && e->code != ERR_CONFLICT && e->code != ERR_NOT_FOUND) {
		resp_fail(r, w, e);
		return;
	}
	w->status = err_http_status(e->code);
	render_users(r, w, e);
}

void page_users_add(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	user_t u = { 0 };
	err_t e;
	const char *email = req_form(r, "email"), *name = req_form(r, "name"), *role = req_form(r, "role"), *org = req_form(r, "org");
	snprintf(u.email, sizeof u.email, "%s", email ? email : "");
	snprintf(u.name, sizeof u.name, "%s", name ? name : "");
	long long org_id = org && *org ? parse_id(org) : 0;
	if (!role || !urole_parse(role, &u.role))
		err_set(&e, ERR_INVALID, "role", "役割を選んでください", "choose a role");
	else if (org_id < 0)
		err_set(&e, ERR_INVALID, "org", "組織の指定が正しくありません", "invalid organisation");
	else {
		u.org_id = u.role == UROLE_MEMBER ? org_id : 0;
		if (app_user_add(&r->app, &u, req_form(r, "password") ? req_form(r, "password") : "", &e) == 0) {
			resp_redirect(w, "/users#user-%lld", (long long)u.id);
			return;
		}
	}
	users_fail(r, w, &e);
}

void page_users_change(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	user_t *list, target = { 0 };
	int n;
	err_t e;
	if (app_user_list(&r->app, &list, &n, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	for (int i = 0; i < n; i++)
		if (list[i].id == r->id)
			target = list[i];
	free(list);
	const char *action = req_form(r, "action");
	long long org = parse_id(req_form(r, "org"));
	int rc;
	if (!target.id)
		rc = err_set(&e, ERR_NOT_FOUND, "id", "その利用者はいません", "no such user");
	else if (action && (!strcmp(action, "disable") || !strcmp(action, "enable")))
		rc = app_user_disable(&r->app, target.email, action[0] == 'd', &e);
	else if (action && !strcmp(action, "password"))
		rc = app_user_password(&r->app, target.email, req_form(r, "password") ? req_form(r, "password") : "", &e);
	else if (action && (!strcmp(action, "assign") || !strcmp(action, "unassign")) && org > 0)
		rc = app_user_assign(&r->app, target.email, org, action[0] == 'a', &e);
	else
		rc = err_set(&e, ERR_INVALID, "action", "操作を選んでください", "choose what to do");
	if (rc != 0) {
		users_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/users#user-%lld", (long long)target.id);
}

void page_workspace_change(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	err_t e;
	if (app_require_totp(&r->app, req_form(r, "require_totp") != NULL, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/users");
}

void page_audit(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	audit_t *list;
	int n;
	err_t e;
	long long org = parse_id(req_query(r, "org"));
	if (app_audit_list(&r->app, org > 0 ? org : 0, 500, &list, &n, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "auth_audit"));
	h(b, "<h1>%s</h1><table class=\"audit\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "auth_audit"), T(r, "web_date"), T(r, "auth_actor"), T(r, "auth_action"), T(r, "auth_object"), T(r, "auth_detail"),
	  T(r, "auth_client"));
	for (int i = 0; i < n; i++)
		h(b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", WHEN(r, list[i].at), list[i].actor, list[i].action,
		  list[i].object, list[i].detail, list[i].client);
	h(b, "</tbody></table>");
	page_end(r, w);
	free(list);
}
