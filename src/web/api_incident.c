/*
 * api_incident.c — incident response in JSON (docs/api.md), under the organisation:
 *   GET  /api/v1/organizations/{id}/incidents                 the register, newest first, a page
 *                                                             (?page= ?per_page= up to 1000)
 *   POST /api/v1/organizations/{id}/incidents                 record one: {type, title, level | impact,
 *                                                             detected, reporter, description, assets, intake}
 *   GET  /api/v1/organizations/{id}/incidents/{iid}           with its runbook ("steps") and timeline
 *   PUT  /api/v1/organizations/{id}/incidents/{iid}           its details (title, description, …)
 *   POST …/{iid}/level {level | impact}   PUT …/{iid}/steps/{n} {done, by, at, note}
 *   POST …/{iid}/steps {text, actor}      POST …/{iid}/timeline {text, at}
 *   POST …/{iid}/close {cause, measures, owner, due}   POST …/{iid}/reopen
 *   GET, PUT /api/v1/organizations/{id}/manual            the emergency manual
 *   GET, PUT /api/v1/organizations/{id}/bcp               the IT-BCP checklist
 * Every field is checked as the forms' are (src/input/incident_input.c); an unknown key or a
 * value of the wrong type is refused with 422 naming it, and a refused request changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/incident.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "input/incident_input.h"
#include "input/page_input.h"
#include "report/incident_json.h"
#include "web/pages.h"

static const incident_content_t *IC(const req_t *r) { return r->content->incident; }

static bool fail(req_t *r, resp_t *w, const err_t *e)
{
	resp_fail(r, w, e);
	return false;
}

static bool no_content(req_t *r, resp_t *w)
{
	if (IC(r))
		return false;
	err_t e;
	err_set(&e, ERR_NOT_FOUND, "incident", "インシデント対応の内容がありません", "there is no incident-response content");
	resp_fail(r, w, &e);
	return true;
}

/* Refuses keys of obj not in allowed. */
static bool known_keys(req_t *r, resp_t *w, json_t *obj, const char *const *allowed)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v)
	{
		bool ok = false;
		for (int i = 0; allowed[i]; i++)
			ok |= !strcmp(key, allowed[i]);
		if (!ok) {
			err_t e;
			err_set(&e, ERR_INVALID, key, "%s: このキーは使えません", "%s: unknown key", key);
			return fail(r, w, &e);
		}
	}
	return true;
}

static bool bad_type(req_t *r, resp_t *w, const char *key, const char *ja, const char *en)
{
	err_t e;
	err_set(&e, ERR_INVALID, key, "%s: %sにしてください%.0s", "%s: must be %.0s%s", key, ja, en);
	return fail(r, w, &e);
}

/* A string member (NULL when absent); false after answering when it is not a string. */
static bool str_of(req_t *r, resp_t *w, json_t *obj, const char *key, const char **out)
{
	json_t *v = json_object_get(obj, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_string(v))
		return bad_type(r, w, key, "文字列", "a string");
	if (strlen(json_string_value(v)) != json_string_length(v))
		return bad_type(r, w, key, "NUL を含まない文字列", "a string without NUL");
	*out = json_string_value(v);
	return true;
}

/* The detail members of a create or update body into x. */
static bool details(req_t *r, resp_t *w, incident_t *x)
{
	err_t e;
	const char *v;
	if (!str_of(r, w, r->json, "title", &v) || (v && inc_line_field("title", v, INC_TITLE_CHARS, x->title, sizeof x->title, &e) != 0))
		return v ? fail(r, w, &e) : false;
	if (!str_of(r, w, r->json, "detected", &v) || (v && inc_time_field("detected", v, x->detected, &e) != 0))
		return v ? fail(r, w, &e) : false;
	if (!str_of(r, w, r->json, "reporter", &v) || (v && inc_line_field("reporter", v, 60, x->reporter, sizeof x->reporter, &e) != 0))
		return v ? fail(r, w, &e) : false;
	if (!str_of(r, w, r->json, "description", &v) ||
	    (v && inc_text_field("description", v, INC_TEXT_CHARS, true, &x->description, &e) != 0))
		return v ? fail(r, w, &e) : false;
	json_t *assets = json_object_get(r->json, "assets");
	if (assets) {
		if (!json_is_array(assets))
			return bad_type(r, w, "assets", "資産 ID の配列", "an array of asset ids");
		x->assets[0] = '\0';
		size_t i;
		json_t *a;
		json_array_foreach(assets, i, a)
		{
			if (!json_is_integer(a))
				return bad_type(r, w, "assets", "資産 ID（数）の配列", "an array of asset ids (numbers)");
			char id[24];
			snprintf(id, sizeof id, "%lld", (long long)json_integer_value(a));
			if (inc_asset_field(id, x->assets, &e) != 0)
				return fail(r, w, &e);
		}
	}
	json_t *intake = json_object_get(r->json, "intake");
	if (intake) {
		if (!json_is_object(intake))
			return bad_type(r, w, "intake", "オブジェクト", "an object");
		const char *key;
		json_t *a;
		json_object_foreach(intake, key, a)
		{
			if (!json_is_string(a))
				return bad_type(r, w, "intake", "文字列の値をもつオブジェクト", "an object of strings");
			if (inc_intake_field(IC(r), key, json_string_value(a), &x->intake, &e) != 0)
				return fail(r, w, &e);
		}
	}
	return true;
}

/* level and impact of a body: the level from the wizard's answers, or the level given. */
static bool level_of(req_t *r, resp_t *w, char scopes[INC_IDS], int *level, bool required)
{
	err_t e;
	json_t *lv = json_object_get(r->json, "level"), *im = json_object_get(r->json, "impact");
	scopes[0] = '\0';
	if (lv && im)
		return fail(r, w, (err_set(&e, ERR_INVALID, "level", "level: level と impact は一緒に使えません", "level: give level or impact, not both"), &e));
	if (im) {
		if (!json_is_array(im))
			return bad_type(r, w, "impact", "影響範囲の ID の配列", "an array of scope ids");
		size_t i;
		json_t *a;
		json_array_foreach(im, i, a)
		{
			if (!json_is_string(a))
				return bad_type(r, w, "impact", "影響範囲の ID の配列", "an array of scope ids");
			if (inc_scope_field(IC(r), json_string_value(a), scopes, &e) != 0)
				return fail(r, w, &e);
		}
		*level = inc_level_rule(IC(r), scopes, NULL);
		if (*level < 0)
			return fail(r, w, (err_set(&e, ERR_INVALID, "impact", "impact: 影響範囲を1つ以上選んでください", "impact: choose at least one scope"), &e));
		return true;
	}
	if (lv) {
		if (!json_is_integer(lv) || json_integer_value(lv) < 0 || json_integer_value(lv) >= INC_LEVELS)
			return bad_type(r, w, "level", "0 から 3 の整数", "a whole number from 0 to 3");
		*level = (int)json_integer_value(lv);
		return true;
	}
	if (required)
		return fail(r, w, (err_set(&e, ERR_INVALID, "level", "level: level か impact を指定してください", "level: give level or impact"), &e));
	return true;
}

/* The incident id of the path, this organisation's; 0 after answering. */
static int64_t incident_of(req_t *r, resp_t *w, const char *arg, incident_view_t *v)
{
	err_t e;
	long long id = parse_id(arg);
	if (id < 0) {
		err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id");
		resp_fail(r, w, &e);
		return 0;
	}
	if (app_incident_get(&r->app, r->org.id, id, v, &e) != 0) {
		resp_fail(r, w, &e);
		return 0;
	}
	return id;
}

/* The incident as stored, with status. */
static void reply(req_t *r, resp_t *w, int status, int64_t id, int planned)
{
	incident_view_t v;
	err_t e;
	if (app_incident_get(&r->app, r->org.id, id, &v, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	inc_manual_t *m = xcalloc(1, sizeof *m);
	app_manual_get(&r->app, r->org.id, m, &e);
	json_t *j = incident_json(IC(r), &v.inc, v.steps, v.nsteps, v.events, v.nevents, m, r->lang);
	if (planned >= 0)
		json_object_set_new(j, "planned", json_integer(planned));
	resp_json(w, status, j);
	free(m);
	incident_view_free(&v);
}

void api_incidents(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	if (no_content(r, w))
		return;
	/* a register that grows is answered a page at a time (issue 19), like the assets */
	int page = 1, per_page = 50, n, total;
	incident_t *xs;
	err_t e;
	if (page_range_parse("page", req_query(r, "page"), 1, PAGE_NUMBER_MAX, &page, &e) != 0 ||
	    page_range_parse("per_page", req_query(r, "per_page"), 1, 1000, &per_page, &e) != 0 ||
	    app_incident_page(&r->app, r->org.id, per_page, false, &page, &xs, &n, &total, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, incident_summary_json(IC(r), &xs[i], r->lang));
	incident_list_free(xs, n);
	resp_json(w, 200, json_pack("{s:I, s:o, s:i, s:i, s:i}", "organization_id", (json_int_t)r->org.id, "incidents", a, "total", total,
				    "page", page, "per_page", per_page));
}

void api_incident_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	static const char *const ALLOWED[] = { "type", "title", "level", "impact", "detected", "reporter", "description", "assets", "intake", NULL };
	if (no_content(r, w) || !known_keys(r, w, r->json, ALLOWED))
		return;
	incident_t x;
	incident_init(&x);
	x.org_id = r->org.id;
	err_t e;
	const char *type;
	bool ok = str_of(r, w, r->json, "type", &type);
	if (ok && inc_type_field(IC(r), type ? type : "", &x.type, &e) != 0)
		ok = fail(r, w, &e);
	if (ok)
		ok = details(r, w, &x);
	if (ok && !x.title[0])
		ok = fail(r, w, (err_set(&e, ERR_INVALID, "title", "title: 件名を書いてください", "title: write a title"), &e));
	if (ok)
		ok = level_of(r, w, x.scopes, &x.level, true);
	if (ok && app_incident_add(&r->app, &x, &e) != 0)
		ok = fail(r, w, &e);
	if (ok)
		reply(r, w, 201, x.id, -1);
	incident_clear(&x);
}

void api_incident_get(req_t *r, resp_t *w, const char *const *args)
{
	incident_view_t v;
	if (no_content(r, w) || !incident_of(r, w, args[1], &v))
		return;
	incident_view_free(&v);
	reply(r, w, 200, parse_id(args[1]), -1);
}

void api_incident_put(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const ALLOWED[] = { "title", "detected", "reporter", "description", "assets", "intake", NULL };
	incident_view_t v;
	if (no_content(r, w) || !known_keys(r, w, r->json, ALLOWED) || !incident_of(r, w, args[1], &v))
		return;
	err_t e;
	bool ok = details(r, w, &v.inc);
	if (ok && app_incident_update(&r->app, &v.inc, &e) != 0)
		ok = fail(r, w, &e);
	int64_t id = v.inc.id;
	incident_view_free(&v);
	if (ok)
		reply(r, w, 200, id, -1);
}

void api_incident_level(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const ALLOWED[] = { "level", "impact", NULL };
	incident_view_t v;
	if (no_content(r, w) || !known_keys(r, w, r->json, ALLOWED) || !incident_of(r, w, args[1], &v))
		return;
	int64_t id = v.inc.id;
	incident_view_free(&v);
	char scopes[INC_IDS];
	int level = -1;
	err_t e;
	if (!level_of(r, w, scopes, &level, true))
		return;
	if (app_incident_level(&r->app, id, level, scopes, &e) != 0)
		resp_fail(r, w, &e);
	else
		reply(r, w, 200, id, -1);
}

void api_incident_step(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const ALLOWED[] = { "done", "by", "at", "note", NULL };
	incident_view_t v;
	if (no_content(r, w) || !known_keys(r, w, r->json, ALLOWED) || !incident_of(r, w, args[1], &v))
		return;
	int64_t id = v.inc.id;
	incident_view_free(&v);
	long long pos = parse_id(args[2]);
	json_t *done = json_object_get(r->json, "done");
	if (!json_is_boolean(done)) {
		bad_type(r, w, "done", "true か false", "true or false");
		return;
	}
	err_t e;
	char by[INC_SHORT] = "", at[INC_TIME] = "";
	char *note = NULL;
	const char *s;
	bool ok = str_of(r, w, r->json, "by", &s);
	if (ok && s && inc_line_field("by", s, 60, by, sizeof by, &e) != 0)
		ok = fail(r, w, &e);
	if (ok && (ok = str_of(r, w, r->json, "at", &s)) && s && inc_time_field("at", s, at, &e) != 0)
		ok = fail(r, w, &e);
	if (ok && (ok = str_of(r, w, r->json, "note", &s)) && s && inc_text_field("note", s, INC_NOTE_CHARS, true, &note, &e) != 0)
		ok = fail(r, w, &e);
	inc_tick_t t = { .done = json_is_true(done), .by = by, .at = at, .note = note };
	if (ok && app_incident_step(&r->app, id, pos > 0 && pos < 1000 ? (int)pos : 0, &t, &e) != 0)
		ok = fail(r, w, &e);
	free(note);
	if (ok)
		reply(r, w, 200, id, -1);
}

void api_incident_step_add(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const ALLOWED[] = { "text", "actor", NULL };
	incident_view_t v;
	if (no_content(r, w) || !known_keys(r, w, r->json, ALLOWED) || !incident_of(r, w, args[1], &v))
		return;
	int64_t id = v.inc.id;
	incident_view_free(&v);
	err_t e;
	char actor[INC_SHORT] = "";
	char *text = NULL;
	const char *s;
	bool ok = str_of(r, w, r->json, "actor", &s);
	if (ok && s && inc_line_field("actor", s, 60, actor, sizeof actor, &e) != 0)
		ok = fail(r, w, &e);
	if (ok && (ok = str_of(r, w, r->json, "text", &s)) && inc_text_field("text", s ? s : "", INC_STEP_CHARS, true, &text, &e) != 0)
		ok = fail(r, w, &e);
	if (ok && app_incident_step_add(&r->app, id, actor, text, &e) != 0)
		ok = fail(r, w, &e);
	free(text);
	if (ok)
		reply(r, w, 201, id, -1);
}

void api_incident_timeline(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const ALLOWED[] = { "text", "at", NULL };
	incident_view_t v;
	if (no_content(r, w) || !known_keys(r, w, r->json, ALLOWED) || !incident_of(r, w, args[1], &v))
		return;
	int64_t id = v.inc.id;
	incident_view_free(&v);
	err_t e;
	char at[INC_TIME] = "";
	char *text = NULL;
	const char *s;
	bool ok = str_of(r, w, r->json, "at", &s);
	if (ok && s && inc_time_field("at", s, at, &e) != 0)
		ok = fail(r, w, &e);
	if (ok && (ok = str_of(r, w, r->json, "text", &s)) && inc_text_field("text", s ? s : "", INC_NOTE_CHARS, true, &text, &e) != 0)
		ok = fail(r, w, &e);
	if (ok && app_incident_note(&r->app, id, at, text, &e) != 0)
		ok = fail(r, w, &e);
	free(text);
	if (ok)
		reply(r, w, 201, id, -1);
}

void api_incident_close(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const ALLOWED[] = { "cause", "measures", "owner", "due", NULL };
	incident_view_t v;
	if (no_content(r, w) || !known_keys(r, w, r->json, ALLOWED) || !incident_of(r, w, args[1], &v))
		return;
	int64_t id = v.inc.id;
	incident_view_free(&v);
	err_t e;
	char *cause = NULL, *measures = NULL, owner[INC_SHORT] = "", due[11] = "";
	const char *s;
	bool ok = str_of(r, w, r->json, "cause", &s);
	if (ok && inc_text_field("cause", s ? s : "", INC_TEXT_CHARS, true, &cause, &e) != 0)
		ok = fail(r, w, &e);
	/* measures: an array of lines, or one text with a measure a line */
	json_t *ms = json_object_get(r->json, "measures");
	buf_t all = { 0 };
	if (ok && json_is_array(ms)) {
		size_t i;
		json_t *a;
		json_array_foreach(ms, i, a)
		{
			if (!json_is_string(a) || strchr(json_string_value(a), '\n')) {
				ok = bad_type(r, w, "measures", "1行ずつの文字列の配列", "an array of one-line strings");
				break;
			}
			buf_printf(&all, "%s%s", all.len ? "\n" : "", json_string_value(a));
		}
	} else if (ok && ms && !json_is_string(ms)) {
		ok = bad_type(r, w, "measures", "文字列の配列", "an array of strings");
	} else if (ok && ms) {
		buf_puts(&all, json_string_value(ms));
	}
	if (ok && inc_measures_field(all.data ? all.data : "", &measures, &e) != 0)
		ok = fail(r, w, &e);
	if (ok && (ok = str_of(r, w, r->json, "owner", &s)) && s && inc_line_field("owner", s, 60, owner, sizeof owner, &e) != 0)
		ok = fail(r, w, &e);
	if (ok && (ok = str_of(r, w, r->json, "due", &s)) && s && inc_date_field("due", s, due, &e) != 0)
		ok = fail(r, w, &e);
	int planned = 0;
	if (ok && app_incident_close(&r->app, id, cause, measures, owner, due, &planned, &e) != 0)
		ok = fail(r, w, &e);
	buf_free(&all);
	free(cause);
	free(measures);
	if (ok)
		reply(r, w, 200, id, planned);
}

void api_incident_reopen(req_t *r, resp_t *w, const char *const *args)
{
	incident_view_t v;
	if (no_content(r, w) || !incident_of(r, w, args[1], &v))
		return;
	int64_t id = v.inc.id;
	incident_view_free(&v);
	err_t e;
	if (app_incident_reopen(&r->app, id, &e) != 0)
		resp_fail(r, w, &e);
	else
		reply(r, w, 200, id, -1);
}

void api_manual_get(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	if (no_content(r, w))
		return;
	inc_manual_t *m = xcalloc(1, sizeof *m);
	err_t e;
	if (app_manual_get(&r->app, r->org.id, m, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 200, json_pack("{s:I, s:o}", "organization_id", (json_int_t)r->org.id, "manual", manual_json(IC(r), m, r->lang)));
	free(m);
}

/* PUT: {"roles": {"top": {"name", "phone", "mail"}, …}, "contacts", "reviewed"}; what is left
 * out stays as it was. */
void api_manual_put(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	static const char *const ALLOWED[] = { "roles", "contacts", "reviewed", NULL };
	if (no_content(r, w) || !known_keys(r, w, r->json, ALLOWED))
		return;
	inc_manual_t *m = xcalloc(1, sizeof *m);
	err_t e;
	bool ok = app_manual_get(&r->app, r->org.id, m, &e) == 0 || fail(r, w, &e);
	json_t *roles = json_object_get(r->json, "roles");
	if (ok && roles && !json_is_object(roles))
		ok = bad_type(r, w, "roles", "オブジェクト", "an object");
	const char *role;
	json_t *p;
	if (ok && roles)
		json_object_foreach(roles, role, p)
		{
			static const char *const FIELDS[] = { "name", "phone", "mail", NULL };
			if (!json_is_object(p) || !known_keys(r, w, p, FIELDS)) {
				ok = json_is_object(p) ? false : bad_type(r, w, "roles", "役割ごとのオブジェクト", "an object per role");
				break;
			}
			for (int f = 0; ok && FIELDS[f]; f++) {
				const char *v;
				if (!(ok = str_of(r, w, p, FIELDS[f], &v)))
					break;
				if (v && inc_person_field(IC(r), m, role, FIELDS[f], v, &e) != 0)
					ok = fail(r, w, &e);
			}
			if (!ok)
				break;
		}
	const char *s;
	if (ok && (ok = str_of(r, w, r->json, "contacts", &s)) && s) {
		char *text = NULL;
		if (inc_text_field("contacts", s, INC_CONTACTS_CHARS, true, &text, &e) != 0)
			ok = fail(r, w, &e);
		else
			snprintf(m->contacts, sizeof m->contacts, "%s", text);
		free(text);
	}
	if (ok && (ok = str_of(r, w, r->json, "reviewed", &s)) && s && inc_date_field("reviewed", s, m->reviewed, &e) != 0)
		ok = fail(r, w, &e);
	if (ok && app_manual_put(&r->app, r->org.id, m, &e) != 0)
		ok = fail(r, w, &e);
	if (ok)
		resp_json(w, 200, json_pack("{s:I, s:o}", "organization_id", (json_int_t)r->org.id, "manual", manual_json(IC(r), m, r->lang)));
	free(m);
}

void api_bcp_get(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	if (no_content(r, w))
		return;
	inc_bcp_t *list;
	int n;
	err_t e;
	if (app_bcp_list(&r->app, r->org.id, &list, &n, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:I, s:o}", "organization_id", (json_int_t)r->org.id, "bcp", bcp_json(IC(r), list, n, r->lang)));
	free(list);
}

/* PUT: {"steps": [{"step", "owner", "done", "done_on", "note"}, …]}: each step given is written
 * whole, all in one transaction. */
void api_bcp_put(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	static const char *const ALLOWED[] = { "steps", NULL };
	if (no_content(r, w) || !known_keys(r, w, r->json, ALLOWED))
		return;
	json_t *steps = json_object_get(r->json, "steps");
	if (!json_is_array(steps)) {
		bad_type(r, w, "steps", "配列", "an array");
		return;
	}
	size_t n = json_array_size(steps);
	if (n > 32) {
		bad_type(r, w, "steps", "32 件までの配列", "an array of at most 32");
		return;
	}
	inc_bcp_t *b = xcalloc(n ? n : 1, sizeof *b);
	err_t e;
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		json_t *s = json_array_get(steps, i);
		static const char *const KEYS[] = { "step", "owner", "done", "done_on", "note", NULL };
		if (!json_is_object(s)) {
			ok = bad_type(r, w, "steps", "オブジェクトの配列", "an array of objects");
			break;
		}
		if (!known_keys(r, w, s, KEYS)) {
			ok = false;
			break;
		}
		const char *v;
		if (!(ok = str_of(r, w, s, "step", &v)))
			break;
		snprintf(b[i].step, sizeof b[i].step, "%s", v ? v : "");
		json_t *d = json_object_get(s, "done");
		if (d && !json_is_boolean(d)) {
			ok = bad_type(r, w, "done", "true か false", "true or false");
			break;
		}
		b[i].done = json_is_true(d);
		if ((ok = str_of(r, w, s, "owner", &v)) && v && inc_line_field("owner", v, 60, b[i].owner, sizeof b[i].owner, &e) != 0)
			ok = fail(r, w, &e);
		if (ok && (ok = str_of(r, w, s, "done_on", &v)) && v && inc_date_field("done_on", v, b[i].done_on, &e) != 0)
			ok = fail(r, w, &e);
		if (ok && (ok = str_of(r, w, s, "note", &v)) && v) {
			char *text = NULL;
			if (inc_text_field("note", v, INC_BCP_NOTE_CHARS, true, &text, &e) != 0)
				ok = fail(r, w, &e);
			else
				snprintf(b[i].note, sizeof b[i].note, "%s", text);
			free(text);
		}
	}
	if (ok && app_bcp_put(&r->app, r->org.id, b, (int)n, &e) != 0)
		ok = fail(r, w, &e);
	free(b);
	if (ok)
		api_bcp_get(r, w, args);
}
