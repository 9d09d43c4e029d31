/*
 * incident_json.c — see incident_json.h.
 */
#include "report/incident_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *str_or_null(const char *s) { return s && *s ? json_string(s) : json_null(); }

/* "a,b" as ["a", "b"]; as numbers when numeric. */
static json_t *id_list(const char *list, bool numbers)
{
	json_t *a = json_array();
	for (const char *p = list; p && *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (numbers)
			json_array_append_new(a, json_integer(strtoll(p, NULL, 10)));
		else
			json_array_append_new(a, json_stringn(p, len));
		p = end ? end + 1 : NULL;
	}
	return a;
}

static json_t *lines(const char *text)
{
	json_t *a = json_array();
	for (const char *p = text; p && *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len)
			json_array_append_new(a, json_stringn(p, len));
		p = end ? end + 1 : NULL;
	}
	return a;
}

json_t *incident_summary_json(const incident_content_t *c, const incident_t *x, lang_t lang)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(x->id));
	json_object_set_new(j, "organization_id", json_integer(x->org_id));
	json_object_set_new(j, "type", json_string(INC_TYPE_IDS[x->type]));
	json_object_set_new(j, "type_name", json_string(c ? tx(&c->type_name[x->type], lang) : INC_TYPE_IDS[x->type]));
	json_object_set_new(j, "level", json_integer(x->level));
	json_object_set_new(j, "title", json_string(x->title));
	json_object_set_new(j, "status", json_string(inc_status_id(x->status)));
	json_object_set_new(j, "detected", str_or_null(x->detected));
	json_object_set_new(j, "created", json_string(x->created));
	json_object_set_new(j, "closed", str_or_null(x->closed));
	return j;
}

void inc_step_actor(const incident_content_t *c, const inc_step_rec_t *s, lang_t lang, char *out, size_t size)
{
	const inc_step_t *st = c && s->key[0] ? inc_step_find(c, s->key) : NULL;
	out[0] = '\0';
	if (!st) {
		snprintf(out, size, "%s", s->actor);
		return;
	}
	for (int k = 0; k < st->nactors; k++) {
		size_t have = strlen(out);
		snprintf(out + have, size - have, "%s%s", k ? (lang == LANG_EN ? ", " : "、") : "", tx(&c->actors[st->actors[k]].label, lang));
	}
}

/* The holders of a step's actors' roles, from the manual: [{role, name, phone, mail}]. */
static json_t *holders(const incident_content_t *c, const inc_step_t *st, const inc_manual_t *m)
{
	json_t *a = json_array();
	for (int k = 0; st && m && k < st->nactors; k++) {
		const char *role = c->actors[st->actors[k]].role;
		const inc_person_t *p = role ? inc_manual_person(m, role) : NULL;
		if (p && p->name[0])
			json_array_append_new(a, json_pack("{s:s, s:s, s:o, s:o}", "role", role, "name", p->name, "phone", str_or_null(p->phone),
							   "mail", str_or_null(p->mail)));
	}
	return a;
}

static json_t *step_json(const incident_content_t *c, const inc_step_rec_t *s, const inc_manual_t *m, lang_t lang)
{
	const inc_step_t *st = c && s->key[0] ? inc_step_find(c, s->key) : NULL;
	char actor[400];
	inc_step_actor(c, s, lang, actor, sizeof actor);
	json_t *j = json_object();
	json_object_set_new(j, "position", json_integer(s->position));
	json_object_set_new(j, "key", str_or_null(s->key));
	json_object_set_new(j, "number", str_or_null(st ? st->number : NULL));
	json_object_set_new(j, "label", str_or_null(st ? tx(&st->label, lang) : NULL));
	json_object_set_new(j, "actor", json_string(actor));
	json_object_set_new(j, "text", json_string(st ? tx(&st->text, lang) : s->key[0] ? s->key : s->text));
	json_t *details = json_array();
	for (int k = 0; st && k < st->ndetails; k++)
		json_array_append_new(details, json_string(tx(&st->details[k], lang)));
	json_object_set_new(j, "details", details);
	json_object_set_new(j, "own", json_boolean(!s->key[0]));
	json_object_set_new(j, "holders", holders(c, st, m));
	json_object_set_new(j, "done", json_boolean(s->done));
	json_object_set_new(j, "done_by", str_or_null(s->done_by));
	json_object_set_new(j, "done_at", str_or_null(s->done_at));
	json_object_set_new(j, "note", str_or_null(s->note));
	return j;
}

json_t *incident_json(const incident_content_t *c, const incident_t *x, const inc_step_rec_t *steps, int nsteps,
		      const inc_event_t *events, int nevents, const inc_manual_t *m, lang_t lang)
{
	json_t *j = incident_summary_json(c, x, lang);
	if (c) {
		int r = c->responder[x->level];
		const inc_person_t *p = r >= 0 && m ? inc_manual_person(m, c->roles[r].id) : NULL;
		json_object_set_new(j, "responder",
				    json_pack("{s:s, s:s, s:o, s:o, s:o}", "role", r >= 0 ? c->roles[r].id : "", "role_name",
					      r >= 0 ? tx(&c->roles[r].name, lang) : "", "name", str_or_null(p ? p->name : NULL), "phone",
					      str_or_null(p ? p->phone : NULL), "mail", str_or_null(p ? p->mail : NULL)));
	}
	json_object_set_new(j, "impact", id_list(x->scopes, false));
	json_object_set_new(j, "reporter", str_or_null(x->reporter));
	json_object_set_new(j, "assets", id_list(x->assets, true));
	json_object_set_new(j, "description", json_string(x->description));
	json_t *intake = x->intake && *x->intake ? json_loads(x->intake, 0, NULL) : NULL;
	json_object_set_new(j, "intake", json_is_object(intake) ? intake : json_object());
	if (intake && !json_is_object(intake))
		json_decref(intake);
	json_object_set_new(j, "cause", str_or_null(x->cause));
	json_object_set_new(j, "measures", lines(x->measures));
	json_object_set_new(j, "created_by", str_or_null(x->created_by));
	json_object_set_new(j, "updated", json_string(x->updated));
	json_t *sa = json_array();
	int done = 0;
	for (int i = 0; i < nsteps; i++) {
		json_array_append_new(sa, step_json(c, &steps[i], m, lang));
		done += steps[i].done;
	}
	json_object_set_new(j, "steps_done", json_integer(done));
	json_object_set_new(j, "steps", sa);
	json_t *ea = json_array();
	for (int i = 0; i < nevents; i++)
		json_array_append_new(ea, json_pack("{s:s, s:s, s:s, s:o}", "at", events[i].at, "kind", INC_EVENT_IDS[events[i].kind], "text",
						    events[i].text, "by", str_or_null(events[i].by)));
	json_object_set_new(j, "timeline", ea);
	return j;
}

json_t *manual_json(const incident_content_t *c, const inc_manual_t *m, lang_t lang)
{
	json_t *j = json_object();
	json_t *roles = json_array();
	for (int i = 0; c && i < c->nroles; i++) {
		const inc_person_t *p = inc_manual_person(m, c->roles[i].id);
		json_array_append_new(roles, json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "role", c->roles[i].id, "role_name",
						       tx(&c->roles[i].name, lang), "default", str_or_null(tx(&c->roles[i].dflt, lang)), "name",
						       str_or_null(p ? p->name : NULL), "phone", str_or_null(p ? p->phone : NULL), "mail",
						       str_or_null(p ? p->mail : NULL)));
	}
	json_object_set_new(j, "roles", roles);
	json_t *levels = json_array();
	for (int l = INC_LEVELS - 1; c && l >= 0; l--) {
		json_t *scope = json_array();
		for (int k = 0; k < c->nscopes; k++)
			if (c->scopes[k].level == l)
				json_array_append_new(scope, json_pack("{s:s, s:s}", "id", c->scopes[k].id, "text", tx(&c->scopes[k].text, lang)));
		int r = c->responder[l];
		json_array_append_new(levels, json_pack("{s:i, s:o, s:s}", "level", l, "scope", scope, "responder", r >= 0 ? c->roles[r].id : ""));
	}
	json_object_set_new(j, "levels", levels);
	json_object_set_new(j, "contacts", str_or_null(m->contacts));
	json_object_set_new(j, "reviewed", str_or_null(m->reviewed));
	json_object_set_new(j, "updated", str_or_null(m->updated));
	return j;
}

json_t *bcp_json(const incident_content_t *c, const inc_bcp_t *b, int n, lang_t lang)
{
	json_t *a = json_array();
	for (int i = 0; c && i < c->nbcp; i++) {
		const inc_bcp_t *got = NULL;
		for (int k = 0; k < n; k++)
			if (!strcmp(b[k].step, c->bcp[i].id))
				got = &b[k];
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:o, s:b, s:o, s:o}", "step", c->bcp[i].id, "number",
						   c->bcp[i].number ? c->bcp[i].number : "", "name", tx(&c->bcp[i].name, lang), "text",
						   tx(&c->bcp[i].text, lang), "owner", str_or_null(got ? got->owner : NULL), "done",
						   got && got->done, "done_on", str_or_null(got ? got->done_on : NULL), "note",
						   str_or_null(got ? got->note : NULL)));
	}
	return a;
}
