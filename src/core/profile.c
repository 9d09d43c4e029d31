/*
 * profile.c — risk index arithmetic of profile.h. Integers throughout; the index is rounded
 * half up so that the same answers always give the same group.
 */
#include "core/profile.h"

#include <string.h>

void profile_answers_init(profile_answers_t *a)
{
	for (int i = 0; i < PROFILE_MAX_ITEMS; i++)
		a->opt[i] = -1;
}

int profile_item_index(const profile_t *p, const char *id)
{
	for (int i = 0; i < p->nitems; i++)
		if (!strcmp(p->items[i].id, id))
			return i;
	return -1;
}

int profile_option_index(const profile_item_t *it, const char *id)
{
	for (int k = 0; k < it->nopts; k++)
		if (!strcmp(it->opts[k].id, id))
			return k;
	return -1;
}

static int by_value(const profile_item_t *it, long long v)
{
	if (v < 0)
		return -1;
	for (int k = 0; k < it->nopts; k++)
		if (it->opts[k].max < 0 || v <= it->opts[k].max)
			return k;
	return -1;
}

static int by_code(const profile_item_t *it, const char *code)
{
	for (int k = 0; code[0] && k < it->nopts; k++)
		for (int j = 0; j < it->opts[k].ncodes; j++)
			if (!strcmp(it->opts[k].codes[j], code))
				return k;
	return -1;
}

void profile_risk(const profile_t *p, const profile_answers_t *a, const org_t *o, risk_t *out)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < p->nitems; i++) {
		const profile_item_t *it = &p->items[i];
		int k;
		switch (it->field) {
		case PF_EMPLOYEES: k = o ? by_value(it, o->employees) : -1; break;
		case PF_SITES: k = o ? by_value(it, o->sites) : -1; break;
		case PF_INDUSTRY: k = o ? by_code(it, o->industry) : -1; break;
		default: k = a ? a->opt[i] : -1; break;
		}
		out->opt[i] = k;
		if (k < 0)
			out->missing++;
		else
			out->sum += it->opts[k].points;
	}
	out->index = out->group = -1;
	if (out->missing || p->top_sum <= 0)
		return;
	out->index = (200 * out->sum + p->top_sum) / (2 * p->top_sum);
	for (int g = 0; g < p->ngroups && out->group < 0; g++)
		if (out->index >= p->groups[g].min)
			out->group = g;
}

int profile_reasons(const profile_t *p, const risk_t *r, int *items, int max)
{
	int n = 0;
	for (int i = 0; i < p->nitems; i++) {
		if (r->opt[i] < 0 || p->items[i].opts[r->opt[i]].points <= 0)
			continue;
		int pts = p->items[i].opts[r->opt[i]].points, j = n < max ? n++ : max;
		/* insertion by points, highest first; stable for equal points */
		while (j > 0 && p->items[items[j - 1]].opts[r->opt[items[j - 1]]].points < pts) {
			if (j < max)
				items[j] = items[j - 1];
			j--;
		}
		if (j < max)
			items[j] = i;
	}
	return n;
}

int profile_group_index(const profile_t *p, const char *id)
{
	for (int g = 0; p && id && g < p->ngroups; g++)
		if (!strcmp(p->groups[g].id, id))
			return g;
	return -1;
}

bool profile_desired_levels(const profile_t *p, const questionnaire_t *q, const char *group_id, int *out)
{
	int g = profile_group_index(p, group_id);
	if (g < 0 || !p || q != p->desired_q)
		return false;
	for (int i = 0; i < q->nitems; i++)
		out[i] = p->desired[i][g];
	return true;
}
