/*
 * api_benchmark.c — the benchmark's JSON endpoints: GET and PUT
 * /api/v1/organizations/{id}/profile (answers, risk index and group) and GET
 * /api/v1/diagnoses/{id}/peers (the comparison with other companies). The same use cases as
 * the pages (app/profile.h, app/compare.h), rendered by src/report/benchmark_json.c.
 */
#include <stdlib.h>

#include "app/compare.h"
#include "app/pool.h"
#include "app/profile.h"
#include "core/xalloc.h"
#include "input/profile_input.h"
#include "report/benchmark_json.h"
#include "web/pages.h"

void api_profile_get(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	profile_answers_t a;
	risk_t rk;
	err_t e;
	pool_moved_t moved[8];
	int nmoved;
	if (app_company_risk(&r->app, &r->org, &a, &rk, &e) != 0 || app_pool_moved(&r->app, &r->org, moved, 8, &nmoved, &e) != 0) {
		resp_fail(r, w, &e);
	} else {
		json_t *o = profile_json(r->content, &rk, r->lang);
		json_object_set_new(o, "pool_moved", pool_moved_json(r->content, moved, nmoved, r->lang)); /* re-diagnose to move */
		resp_json(w, 200, o);
	}
}

void api_profile_put(req_t *r, resp_t *w, const char *const *args)
{
	static const char *const keys[] = { "answers", NULL };
	if (unknown_keys(r, w, r->json, keys))
		return;
	json_t *ans = json_object_get(r->json, "answers");
	char *text = json_is_object(ans) ? json_dumps(ans, JSON_COMPACT) : NULL;
	profile_answers_t a;
	err_t e;
	if (!text)
		err_set(&e, ERR_INVALID, "answers", "answers は {\"設問\": \"選択肢\"} のオブジェクトです", "answers must be an object");
	if (!text || profile_from_json(r->content->profile, text, true, &a, &e) != 0 || app_profile_save(&r->app, &r->org, &a, false, &e) != 0)
		resp_fail(r, w, &e);
	else
		api_profile_get(r, w, args);
	free(text);
}

void api_peers(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	compare_view_t *v = xmalloc(sizeof *v);
	err_t e;
	if (app_compare(&r->app, r->id, v, &e) != 0) {
		resp_fail(r, w, &e);
	} else {
		resp_json(w, 200, peers_json(r->content, v, r->lang));
		compare_view_free(v);
	}
	free(v);
}
