/*
 * compare.c — see compare.h.
 */
#include "app/compare.h"

#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/diagnosis.h"
#include "app/pool_release.h"
#include "core/xalloc.h"

int app_compare(app_t *a, int64_t id, compare_view_t *v, err_t *e)
{
	memset(v, 0, sizeof *v);
	if (app_diag_get(a, id, &v->sd, e) != 0)
		return -1;
	const profile_t *p = a->content->profile;
	v->q = content_questionnaire(a->content, v->sd->questionnaire);
	if (v->q && strcmp(v->q->version, v->sd->version))
		v->q = NULL;
	v->group = profile_group_index(p, v->sd->risk_group);
	if (app_peers(a, v->sd, &v->peers, e) != 0)
		goto fail;
	if (v->sd->org_id) {
		store_rc_t rc = store_diag_recent(a->store, v->sd->org_id, v->sd->questionnaire, v->sd->id, COMPARE_HISTORY,
						  &v->list, &v->n);
		if (rc != STORE_OK) {
			app_store_fail(a, rc, e);
			goto fail;
		}
	}
	int desired[MAX_ITEMS];
	bool has = v->q && profile_desired_levels(p, v->q, v->sd->risk_group, desired);
	compare_fill_shares(v, has ? desired : NULL);
	return 0;
fail:
	compare_view_free(v);
	return -1;
}

int app_compare_shown(app_t *a, const stored_diag_t *sd, bool *shown, err_t *e)
{
	*shown = false;
	if (app_need(a, NEED_SIGNED_IN, e) != 0)
		return -1;
	/* no release yet (a pool too small to publish, as most installations of one company): no
	 * comparison, found without clearing and filling the 36 KB of peer statistics */
	pool_release_t rel;
	if (app_release_current(a, &rel, e) != 0)
		return -1;
	if (!rel.id)
		return 0;
	peers_t *peers = xmalloc(sizeof *peers);
	int res = app_peers_in(a, sd, &rel, peers, e);
	if (res == 0)
		*shown = peers->st[DIM_ALL].shown;
	free(peers);
	return res;
}
