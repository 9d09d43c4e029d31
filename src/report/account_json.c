/*
 * account_json.c — see account_json.h.
 */
#include "report/account_json.h"

json_t *user_json(const user_t *u, lang_t lang)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:b, s:s}", "id", (json_int_t)u->id, "email", u->email, "name",
			      u->name, "role", urole_id(u->role), "role_label", urole_label(u->role, lang), "disabled",
			      u->disabled, "second_factor", u->totp_secret[0] != '\0', "created", u->created);
	json_object_set_new(o, "organization_id", u->org_id ? json_integer(u->org_id) : json_null());
	return o;
}

json_t *token_json(const token_t *t)
{
	json_t *o = json_pack("{s:I, s:I, s:s, s:s}", "id", (json_int_t)t->id, "user_id", (json_int_t)t->user_id, "label",
			      t->label, "created", t->created);
	json_object_set_new(o, "revoked", t->revoked[0] ? json_string(t->revoked) : json_null());
	return o;
}

json_t *audit_json(const audit_t *a)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)a->id, "at", a->at, "actor", a->actor, "action",
			 a->action, "object", a->object, "detail", a->detail, "client", a->client);
}
