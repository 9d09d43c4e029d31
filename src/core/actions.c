/*
 * actions.c — see actions.h.
 */
#include "core/actions.h"

#include <stdio.h>
#include <string.h>

#include "core/template.h"

const char *cost_id(cost_t c)
{
	static const char *const ids[] = { "none", "low", "purchase" };
	return c >= COST_NONE && c <= COST_PURCHASE ? ids[c] : "";
}

const char *effort_id(effort_t e)
{
	static const char *const ids[] = { "low", "medium", "high" };
	return e >= EFFORT_LOW && e <= EFFORT_HIGH ? ids[e] : "";
}

void action_set_cost(action_t *a)
{
	a->cost = COST_UNKNOWN;
	a->effort = EFFORT_UNKNOWN;
	for (int k = 0; k < a->npoints; k++) {
		const measure_point_t *p = &a->measures[k]->points[a->point[k]];
		if (p->cost > a->cost)
			a->cost = p->cost;
		if (p->effort > a->effort)
			a->effort = p->effort;
	}
}

int actions_top(const questionnaire_t *q, const answers_t *a, const rec_t *recs, int nrecs, top_action_t *out, int max,
		bool *covered)
{
	int n = 0;
	for (int r = 0; r < nrecs; r++)
		covered[r] = false;
	for (int r = 0; r < nrecs; r++) {
		const item_t *it = &q->items[recs[r].item];
		if (it->nactions == 0)
			continue;
		const action_t *act = it->actions[0];
		int k = 0;
		while (k < n && out[k].action != act)
			k++;
		if (k == n) {
			if (n == max)
				continue;
			out[n++] = (top_action_t){ .action = act };
		}
		top_action_t *t = &out[k];
		t->recs[t->nrecs++] = r;
		int opt = a->opt[recs[r].item];
		if (opt >= 0 && q->aset->opts[opt].kind == OPT_UNKNOWN)
			t->nunknown++;
		covered[r] = true;
	}
	return n;
}

size_t actions_next_step(char *out, size_t size, const band_t *band, const top_action_t *top, int n, lang_t lang)
{
	if (size)
		out[0] = '\0';
	if (!band->next.ja || n == 0 || size == 0)
		return 0;
	if (n > NEXT_STEP_NAMES) /* a sentence that names all five is no longer read */
		n = NEXT_STEP_NAMES;
	/* 「A」「B」「C」 in Japanese; "A", "B" and "C" in English */
	char names[1024];
	size_t len = 0;
	names[0] = '\0';
	for (int k = 0; k < n && len < sizeof names; k++) {
		const char *t = tx(&top[k].action->title, lang);
		const char *sep = lang == LANG_EN ? (k == 0 ? "" : k == n - 1 ? " and " : ", ") : "";
		const char *open = lang == LANG_EN ? "\"" : "「", *close = lang == LANG_EN ? "\"" : "」";
		size_t need = strlen(sep) + strlen(open) + strlen(t) + strlen(close);
		if (len + need >= sizeof names)
			break;
		len += (size_t)snprintf(names + len, sizeof names - len, "%s%s%s%s", sep, open, t, close);
	}
	return tmpl_fill(out, size, tx(&band->next, lang), (const char *const[]){ "actions" }, (const char *const[]){ names }, 1);
}
