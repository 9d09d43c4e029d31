/*
 * router.c — the route table and the one place where a route's needs are checked. Each route
 * declares its method and path pattern ({} matches one path segment, which reaches the handler
 * as args[i]), whether it is an HTML page or a JSON endpoint, and what must hold before its
 * handler runs: a CSRF token for a form post, an organisation that exists for /…/{id}, a JSON
 * object as the body, and who may call it. web_route enforces all of it, so no handler repeats
 * a check and none can forget one.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app/org.h"
#include "web/pages.h"

static const route_t ROUTES[] = {
	{ "GET", "/", page_home, 0, ACCESS_ANYONE },
	{ "GET", "/healthz", api_healthz, R_API, ACCESS_ANYONE },
	{ "GET", "/organizations/new", page_org_new, 0, ACCESS_ANYONE },
	{ "POST", "/organizations", page_org_create, R_CSRF, ACCESS_ANYONE },
	{ "GET", "/organizations/{}", page_org_show, R_ORG, ACCESS_ANYONE },
	{ "POST", "/organizations/{}", page_org_update, R_ORG | R_CSRF, ACCESS_ANYONE },
	{ "GET", "/organizations/{}/history", page_history, R_ORG, ACCESS_ANYONE },
	{ "GET", "/organizations/{}/profile", page_profile, R_ORG, ACCESS_ANYONE },
	{ "POST", "/organizations/{}/profile", page_profile_post, R_ORG | R_CSRF, ACCESS_ANYONE },
	{ "GET", "/organizations/{}/plan/new", page_plan_new, R_ORG, ACCESS_ANYONE },
	{ "POST", "/organizations/{}/plan", page_plan_create, R_ORG | R_CSRF, ACCESS_ANYONE },
	{ "POST", "/plan/{}", page_plan_update, R_ID | R_CSRF, ACCESS_ANYONE },
	{ "GET", "/diagnose/{}", page_diagnose, 0, ACCESS_ANYONE },
	{ "POST", "/diagnose/{}", page_diagnose_post, R_CSRF, ACCESS_ANYONE },
	{ "GET", "/diagnoses/{}", page_result, R_ID, ACCESS_ANYONE },
	{ "GET", "/diagnoses/{}/compare", page_compare, R_ID, ACCESS_ANYONE },
	{ "GET", "/measures", page_measures, 0, ACCESS_ANYONE },
	{ "GET", "/measures/{}", page_measure, 0, ACCESS_ANYONE },
	{ "GET", "/search", page_search, 0, ACCESS_ANYONE },
	{ "GET", "/scenarios", page_scenarios, 0, ACCESS_ANYONE },
	{ "GET", "/scenarios/{}", page_scenario, 0, ACCESS_ANYONE },
	{ "GET", "/cases", page_cases, 0, ACCESS_ANYONE },
	{ "GET", "/cases/{}", page_case, 0, ACCESS_ANYONE },
	{ "GET", "/api/v1/search", api_search, R_API, ACCESS_ANYONE },
	{ "GET", "/api/v1/questionnaires", api_questionnaires, R_API, ACCESS_ANYONE },
	{ "GET", "/api/v1/questionnaires/{}", api_questionnaire, R_API, ACCESS_ANYONE },
	{ "POST", "/api/v1/organizations", api_org_create, R_API | R_JSON, ACCESS_ANYONE },
	{ "GET", "/api/v1/organizations/{}", api_org_get, R_API | R_ORG, ACCESS_ANYONE },
	{ "GET", "/api/v1/organizations/{}/diagnoses", api_org_diagnoses, R_API | R_ORG, ACCESS_ANYONE },
	{ "POST", "/api/v1/diagnoses", api_diagnosis_create, R_API | R_JSON, ACCESS_ANYONE },
	{ "GET", "/api/v1/diagnoses/{}", api_diagnosis_get, R_API | R_ID, ACCESS_ANYONE },
	{ "GET", "/api/v1/diagnoses/{}/peers", api_peers, R_API | R_ID, ACCESS_ANYONE },
	{ "GET", "/api/v1/organizations/{}/profile", api_profile_get, R_API | R_ORG, ACCESS_ANYONE },
	{ "PUT", "/api/v1/organizations/{}/profile", api_profile_put, R_API | R_ORG | R_JSON, ACCESS_ANYONE },
};

#define MAX_ARGS 4

/* Matches path against pattern; copies {} segments into segs. */
static bool match(const char *pattern, const char *path, char segs[MAX_ARGS][128], int *nargs)
{
	*nargs = 0;
	while (*pattern && *path) {
		if (pattern[0] == '{' && pattern[1] == '}') {
			const char *end = strchr(path, '/');
			size_t n = end ? (size_t)(end - path) : strlen(path);
			if (n == 0 || n >= 128 || *nargs >= MAX_ARGS)
				return false;
			memcpy(segs[*nargs], path, n);
			segs[(*nargs)++][n] = '\0';
			path += n;
			pattern += 2;
		} else if (*pattern++ != *path++) {
			return false;
		}
	}
	return !*pattern && !*path;
}

/* True when the Content-Type is exactly this media type (parameters after ';' allowed). */
static bool media_type_is(const char *content_type, const char *type)
{
	size_t n = strlen(type);
	if (!content_type || strncasecmp(content_type, type, n))
		return false;
	const char *rest = content_type + n;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	return !*rest || *rest == ';';
}

/* The body as a JSON object into r->json; false after answering 415 or 400. */
static bool parse_json_body(req_t *r, resp_t *w)
{
	err_t e;
	if (!media_type_is(r->content_type, "application/json")) {
		err_set(&e, ERR_INVALID, "", "Content-Type は application/json にしてください", "Content-Type must be application/json");
		resp_api_error(w, 415, "unsupported_media_type", err_text(&e, r->lang), NULL);
		return false;
	}
	json_error_t je;
	r->json = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &je);
	if (json_is_object(r->json))
		return true;
	if (r->json)
		err_set(&e, ERR_INVALID, "", "JSON のオブジェクトではありません", "not a JSON object");
	else if (je.line > 0)
		err_set(&e, ERR_INVALID, "", "JSON の書式エラー（%d 行 %d 列）: %s", "malformed JSON (line %d, column %d): %s",
			je.line, je.column, je.text);
	else
		err_set(&e, ERR_INVALID, "", "JSON の書式エラー: %s", "malformed JSON: %s", je.text);
	json_decref(r->json);
	r->json = NULL;
	resp_api_error(w, 400, "bad_json", err_text(&e, r->lang), NULL);
	return false;
}

/* Checks a matched route's needs; false after answering. */
static bool needs_met(req_t *r, resp_t *w, const route_t *rt, const char *const *args)
{
	err_t e;
	if (rt->access != ACCESS_ANYONE) { /* no roles exist yet: nothing else is reachable */
		err_set(&e, ERR_FORBIDDEN, "", "この操作は許可されていません", "this is not allowed");
		resp_fail(r, w, &e);
		return false;
	}
	if (rt->needs & (R_ID | R_ORG)) {
		r->id = parse_id(args[0]);
		if (r->id < 0)
			err_set(&e, ERR_NOT_FOUND, rt->needs & R_ORG ? "organization_id" : "id", "そのような ID はありません", "no such id");
		if (r->id < 0 || ((rt->needs & R_ORG) && app_org_get(&r->app, r->id, &r->org, &e) != 0)) {
			resp_fail(r, w, &e);
			return false;
		}
	}
	if ((rt->needs & R_CSRF) && !req_csrf_ok(r)) {
		page_error(r, w, 403, "web_csrf");
		return false;
	}
	return !(rt->needs & R_JSON) || parse_json_body(r, w);
}

void web_route(req_t *r, resp_t *w)
{
	char segs[MAX_ARGS][128];
	const char *args[MAX_ARGS];
	int nargs;
	bool path_known = false;
	r->app = (app_t){ .content = r->content, .store = r->store };
	r->api = !strncmp(r->path, "/api/", 5) || !strcmp(r->path, "/healthz");
	for (size_t i = 0; i < sizeof ROUTES / sizeof *ROUTES; i++) {
		const route_t *rt = &ROUTES[i];
		if (!match(rt->pattern, r->path, segs, &nargs))
			continue;
		path_known = true;
		if (strcmp(rt->method, r->method) != 0)
			continue;
		for (int k = 0; k < nargs; k++)
			args[k] = segs[k];
		r->api = (rt->needs & R_API) != 0;
		if (needs_met(r, w, rt, args))
			rt->fn(r, w, args);
		json_decref(r->json);
		r->json = NULL;
		return;
	}
	if (path_known) {
		if (r->api)
			resp_api_error(w, 405, "method_not_allowed", "このメソッドは使えません / method not allowed", NULL);
		else
			page_error(r, w, 405, "error_method");
	} else if (r->api) {
		resp_api_error(w, 404, "not_found", "そのような API はありません / no such endpoint", NULL);
	} else {
		page_error(r, w, 404, "error_not_found");
	}
}
