/*
 * router.c — maps method and path to a handler. Patterns use {} for one path segment, which
 * reaches the handler as args[i]; ids are validated by the handler that knows what they name.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "web/pages.h"

static const struct {
	const char *method, *pattern;
	handler_fn fn;
} ROUTES[] = {
	{ "GET", "/", page_home },
	{ "GET", "/healthz", api_healthz },
	{ "GET", "/organizations/new", page_org_new },
	{ "POST", "/organizations", page_org_create },
	{ "GET", "/organizations/{}", page_org_show },
	{ "POST", "/organizations/{}", page_org_update },
	{ "GET", "/organizations/{}/history", page_history },
	{ "GET", "/organizations/{}/profile", page_profile },
	{ "POST", "/organizations/{}/profile", page_profile_post },
	{ "GET", "/organizations/{}/plan/new", page_plan_new },
	{ "POST", "/organizations/{}/plan", page_plan_create },
	{ "POST", "/plan/{}", page_plan_update },
	{ "GET", "/diagnose/{}", page_diagnose },
	{ "POST", "/diagnose/{}", page_diagnose_post },
	{ "GET", "/diagnoses/{}", page_result },
	{ "GET", "/diagnoses/{}/compare", page_compare },
	{ "GET", "/measures", page_measures },
	{ "GET", "/measures/{}", page_measure },
	{ "GET", "/search", page_search },
	{ "GET", "/scenarios", page_scenarios },
	{ "GET", "/scenarios/{}", page_scenario },
	{ "GET", "/cases", page_cases },
	{ "GET", "/cases/{}", page_case },
	{ "GET", "/api/v1/search", api_search },
	{ "GET", "/api/v1/questionnaires", api_questionnaires },
	{ "GET", "/api/v1/questionnaires/{}", api_questionnaire },
	{ "POST", "/api/v1/organizations", api_org_create },
	{ "GET", "/api/v1/organizations/{}", api_org_get },
	{ "GET", "/api/v1/organizations/{}/diagnoses", api_org_diagnoses },
	{ "POST", "/api/v1/diagnoses", api_diagnosis_create },
	{ "GET", "/api/v1/diagnoses/{}", api_diagnosis_get },
	{ "GET", "/api/v1/diagnoses/{}/peers", api_peers },
	{ "GET", "/api/v1/organizations/{}/profile", api_profile_get },
	{ "PUT", "/api/v1/organizations/{}/profile", api_profile_put },
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

void web_route(req_t *r, resp_t *w)
{
	char segs[MAX_ARGS][128];
	const char *args[MAX_ARGS];
	int nargs;
	bool path_known = false;
	for (size_t i = 0; i < sizeof ROUTES / sizeof *ROUTES; i++) {
		if (!match(ROUTES[i].pattern, r->path, segs, &nargs))
			continue;
		path_known = true;
		if (strcmp(ROUTES[i].method, r->method) != 0)
			continue;
		for (int k = 0; k < nargs; k++)
			args[k] = segs[k];
		ROUTES[i].fn(r, w, args);
		return;
	}
	bool api = !strncmp(r->path, "/api/", 5);
	if (path_known) {
		if (api)
			resp_api_error(w, 405, "method_not_allowed", "このメソッドは使えません / method not allowed", NULL);
		else
			page_error(r, w, 405, "error_method");
	} else if (api) {
		resp_api_error(w, 404, "not_found", "そのような API はありません / no such endpoint", NULL);
	} else {
		page_error(r, w, 404, "error_not_found");
	}
}
