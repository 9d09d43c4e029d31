/*
 * benchmark.c — see benchmark.h. Built only on store.h, so any backend shares it.
 */
#include "store/benchmark.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "input/profile_input.h"

store_rc_t company_risk(store_t *s, const content_t *c, const org_t *o, profile_answers_t *a, risk_t *r)
{
	profile_answers_init(a);
	org_profile_t op;
	store_rc_t rc = store_profile_get(s, o->id, &op);
	if (rc == STORE_OK) {
		err_t e;
		profile_from_json(c->profile, op.answers, false, a, &e);
	} else if (rc != STORE_NOT_FOUND) {
		return rc;
	}
	profile_risk(c->profile, a, o, r);
	return STORE_OK;
}

const int *diag_attach_company(store_t *s, const content_t *c, const questionnaire_t *q, stored_diag_t *sd, int *desired)
{
	org_t o;
	profile_answers_t a;
	risk_t r;
	sd->risk = -1;
	if (!s || sd->org_id <= 0 || store_org_get(s, sd->org_id, &o) != STORE_OK || company_risk(s, c, &o, &a, &r) != STORE_OK)
		return NULL;
	sd->risk = r.index;
	snprintf(sd->risk_group, sizeof sd->risk_group, "%s", r.group >= 0 ? c->profile->groups[r.group].id : "");
	int band = org_size_band(c, o.employees);
	snprintf(sd->size_band, sizeof sd->size_band, "%s", band >= 0 ? c->size_bands[band].id : "");
	snprintf(sd->industry, sizeof sd->industry, "%s", o.industry);
	if (!profile_to_json(c->profile, &a, sd->profile, sizeof sd->profile))
		sd->profile[0] = '\0';
	return profile_desired_levels(c->profile, q, sd->risk_group, desired) ? desired : NULL;
}

int pool_min_group(void)
{
	const char *v = getenv("MAMORU_POOL_MIN");
	char *end;
	long n = v ? strtol(v, &end, 10) : 0;
	return v && *v && !*end && n >= 1 && n <= 1000 ? (int)n : POOL_MIN_GROUP;
}

store_rc_t diag_peers(store_t *s, const stored_diag_t *sd, peers_t *out)
{
	memset(out, 0, sizeof *out);
	out->min_group = pool_min_group();
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	pool_window_start(tm.tm_year + 1900, tm.tm_mon + 1, POOL_WINDOW_MONTHS, out->from);
	char values[DIM_COUNT][16];
	pool_dim_values(sd, values);
	for (int d = 0; d < DIM_COUNT; d++) {
		pool_key_t *k = &out->key[d];
		k->dim = d;
		snprintf(k->questionnaire, sizeof k->questionnaire, "%s", sd->questionnaire);
		snprintf(k->version, sizeof k->version, "%s", sd->version);
		snprintf(k->value, sizeof k->value, "%s", values[d]);
		if (!k->value[0])
			continue;
		store_rc_t rc = store_pool_agg(s, k, out->from, &out->agg[d]);
		if (rc != STORE_OK)
			return rc;
		pool_stats(&out->agg[d], out->min_group, &out->st[d]);
	}
	return STORE_OK;
}
