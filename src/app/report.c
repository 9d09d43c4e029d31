/*
 * report.c — see report.h.
 */
#include "app/report.h"

#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/diagnosis.h"
#include "app/org.h"
#include "core/xalloc.h"

int app_report_meta(app_t *a, report_meta_t *m, err_t *e)
{
	memset(m, 0, sizeof *m);
	if (app_need(a, NEED_SIGNED_IN, e) != 0)
		return -1;
	app_now_iso(a, m->made);
	user_t u;
	if (a->who.user_id && store_user_get(a->store, a->who.user_id, &u) == STORE_OK)
		memcpy(m->preparer, u.name, sizeof m->preparer);
	workspace_t w;
	if (a->who.workspace_id && store_workspace_get(a->store, a->who.workspace_id, &w) == STORE_OK)
		memcpy(m->workspace, w.name, sizeof m->workspace);
	return 0;
}

int app_report_diag(app_t *a, int64_t id, report_diag_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	if (app_diag_view(a, id, &out->v, e) != 0)
		return -1;
	const stored_diag_t *sd = out->v.sd;
	if (!sd->org_id)
		return 0;
	stored_diag_t **list;
	int n;
	if (app_org_history(a, sd->org_id, &list, &n, e) != 0) {
		result_view_free(&out->v);
		return -1;
	}
	/* the same questionnaire, up to this diagnosis (a later one is not part of its story) */
	out->trend = xcalloc((size_t)(n ? n : 1), sizeof *out->trend);
	for (int i = 0; i < n; i++) {
		bool keep = !strcmp(list[i]->questionnaire, sd->questionnaire) && strcmp(list[i]->created, sd->created) <= 0;
		if (keep)
			out->trend[out->ntrend++] = list[i];
		else
			stored_diag_free(list[i]);
	}
	free(list);
	return 0;
}

void report_diag_free(report_diag_t *r)
{
	result_view_free(&r->v);
	stored_diag_list_free(r->trend, r->ntrend);
	r->trend = NULL;
	r->ntrend = 0;
}
