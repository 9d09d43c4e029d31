/*
 * profile.c — loads content/profile.yaml (the company profile, its risk points, the risk
 * groups and the desired levels per benchmark question) into core/profile.h, with the same
 * file:line checks as every other pack: ids unique, points and levels in range, derived items
 * well formed, groups in descending order ending at 0, every benchmark item given a level.
 */
#include <stdio.h>
#include <string.h>

#include "content/yaml_util.h"
#include "core/profile.h"

static const char *const FIELDS[] = { "", "employees", "industry", "sites" };

static void load_option(ctx_t *x, yaml_node_t *on, profile_item_t *it)
{
	static const char *const keys[] = { "id", "label", "points", "max", "codes", NULL };
	if (!yl_check_map(x, on, "option", keys))
		return;
	profile_option_t *o = &it->opts[it->nopts++];
	o->id = yl_get_id(x, on, "id");
	o->label = yl_get_text(x, on, "label", true);
	if (yl_get_int(x, on, "points", true, &o->points) && (o->points < 0 || o->points > 100))
		yl_fail(x, yl_get(x, on, "points"), "points は 0〜100 にしてください", "points must be 0-100");
	o->max = -1;
	bool has_max = yl_get_int(x, on, "max", false, &o->max);
	int nc;
	yaml_node_item_t *ct = yl_get_seq(x, on, "codes", false, &nc);
	if (yl_check_limit(x, on, "codes", nc, PROFILE_MAX_CODES))
		for (int j = 0; j < nc; j++) {
			const char *code = yl_scalar(yl_node(x, ct[j]));
			if (!code || !content_industry(x->c, code))
				yl_fail(x, yl_node(x, ct[j]), "業種コード「%s」はありません", "unknown industry \"%s\"", code ? code : "?");
			else
				o->codes[o->ncodes++] = arena_strdup(&x->c->arena, code);
		}
	if ((has_max || nc) && it->field == PF_ASKED)
		yl_fail(x, on, "max と codes は org_field のある設問だけで使えます", "max and codes need an org_field");
	if (nc && it->field != PF_INDUSTRY)
		yl_fail(x, on, "codes は org_field: industry の設問で使います", "codes belong to org_field: industry");
	if (has_max && it->field == PF_INDUSTRY)
		yl_fail(x, on, "max は org_field: industry では使えません", "max does not apply to industry");
}

static void load_item(ctx_t *x, yaml_node_t *in, profile_t *p, const char **ids)
{
	static const char *const keys[] = { "id", "org_field", "text", "options", NULL };
	if (!yl_check_map(x, in, "item", keys))
		return;
	profile_item_t *it = &p->items[p->nitems];
	it->id = ids[p->nitems] = yl_get_id(x, in, "id");
	yl_check_dup(x, in, "item", ids, ++p->nitems);
	it->text = yl_get_text(x, in, "text", true);
	const char *field = yl_get_str(x, in, "org_field", false);
	for (int f = 1; field && f < 4; f++)
		if (!strcmp(field, FIELDS[f]))
			it->field = (profile_field_t)f;
	if (field && it->field == PF_ASKED)
		yl_fail(x, yl_get(x, in, "org_field"), "org_field は employees・industry・sites のどれかです", "org_field must be employees, industry or sites");
	int n;
	yaml_node_item_t *ot = yl_get_seq(x, in, "options", true, &n);
	if (n < 2)
		yl_fail(x, in, "選択肢は2つ以上必要です", "an item needs at least 2 options");
	if (!yl_check_limit(x, in, "options", n, MAX_OPTIONS))
		return;
	const char *oids[MAX_OPTIONS];
	for (int k = 0; k < n; k++) {
		load_option(x, yl_node(x, ot[k]), it);
		oids[k] = it->nopts > k ? it->opts[k].id : NULL;
		if (oids[k])
			yl_check_dup(x, yl_node(x, ot[k]), "option", oids, k + 1);
		if (it->nopts > k && it->opts[k].points > it->top)
			it->top = it->opts[k].points;
	}
	p->top_sum += it->top;
}

static void load_desired(ctx_t *x, yaml_node_t *dn, profile_t *p)
{
	static const char *const keys[] = { "questionnaire", "levels", NULL };
	if (!yl_check_map(x, dn, "desired", keys))
		return;
	const char *qid = yl_get_str(x, dn, "questionnaire", true);
	const questionnaire_t *q = qid ? content_questionnaire(x->c, qid) : NULL;
	if (qid && !q)
		yl_fail(x, yl_get(x, dn, "questionnaire"), "診断「%s」はありません", "unknown questionnaire \"%s\"", qid);
	if (!q)
		return;
	p->desired_q = q;
	int n;
	yaml_node_item_t *lt = yl_get_seq(x, dn, "levels", true, &n);
	for (int i = 0; i < n; i++) {
		yaml_node_t *ln = yl_node(x, lt[i]);
		static const char *const lkeys[] = { "item", "levels", NULL };
		if (!yl_check_map(x, ln, "level", lkeys))
			continue;
		const char *iid = yl_get_str(x, ln, "item", true);
		int item = iid ? item_index(q, iid) : -1;
		if (iid && item < 0)
			yl_fail(x, yl_get(x, ln, "item"), "設問「%s」は %s にありません", "no item \"%s\" in %s", iid, q->id);
		int nl;
		yaml_node_item_t *vt = yl_get_seq(x, ln, "levels", true, &nl);
		if (nl != p->ngroups)
			yl_fail(x, ln, "levels はグループの数（%d）だけ必要です", "levels needs one value per group (%d)", p->ngroups);
		for (int g = 0; item >= 0 && g < nl && g < p->ngroups; g++) {
			const char *v = yl_scalar(yl_node(x, vt[g]));
			int lv = v ? v[0] - '0' : -1;
			if (!v || strlen(v) != 1 || lv < q->items[item].worst || lv > q->items[item].full)
				yl_fail(x, yl_node(x, vt[g]), "水準は %d〜%d にしてください",
					"a level must be %d-%d", q->items[item].worst, q->items[item].full);
			else
				p->desired[item][g] = (signed char)lv;
		}
	}
	for (int i = 0; i < q->nitems; i++)
		if (!p->desired[i][0])
			yl_fail(x, dn, "設問「%s」の望まれる水準がありません", "no desired level for item \"%s\"", q->items[i].id);
}

void load_profile(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "version", "source", "items", "groups", "desired", NULL };
	content_t *c = x->c;
	profile_t *p = c->profile = arena_alloc(&c->arena, sizeof *p);
	memset(p, 0, sizeof *p);
	yl_check_map(x, root, "profile", keys);
	p->version = yl_get_str(x, root, "version", true);
	p->source = yl_get_text(x, root, "source", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "items", true, &n);
	if (!yl_check_limit(x, root, "items", n, PROFILE_MAX_ITEMS))
		return;
	const char *ids[PROFILE_MAX_ITEMS];
	for (int i = 0; i < n; i++)
		load_item(x, yl_node(x, it[i]), p, ids);
	it = yl_get_seq(x, root, "groups", true, &n);
	if (!yl_check_limit(x, root, "groups", n, PROFILE_MAX_GROUPS))
		return;
	const char *gids[PROFILE_MAX_GROUPS];
	for (int i = 0; i < n; i++) {
		yaml_node_t *gn = yl_node(x, it[i]);
		static const char *const gkeys[] = { "id", "label", "min", NULL };
		if (!yl_check_map(x, gn, "group", gkeys))
			continue;
		risk_group_t *g = &p->groups[p->ngroups];
		g->id = gids[p->ngroups] = yl_get_id(x, gn, "id");
		yl_check_dup(x, gn, "group", gids, ++p->ngroups);
		g->label = yl_get_text(x, gn, "label", true);
		if (yl_get_int(x, gn, "min", true, &g->min) &&
		    (g->min < 0 || g->min > 100 || (p->ngroups > 1 && g->min >= p->groups[p->ngroups - 2].min)))
			yl_fail(x, yl_get(x, gn, "min"), "min は 0〜100 で、上のグループより小さくしてください", "min must be 0-100 and below the group above");
	}
	if (p->ngroups == 0 || p->groups[p->ngroups - 1].min != 0)
		yl_fail(x, root, "最後のグループの min は 0 にしてください", "the last group must have min 0");
	yaml_node_t *dn = yl_get(x, root, "desired");
	if (dn)
		load_desired(x, dn, p);
}
