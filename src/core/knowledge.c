/*
 * knowledge.c — see knowledge.h.
 */
#include "core/knowledge.h"

#include <string.h>

const char *const CASE_TYPE_IDS[CASE_TYPE_COUNT] = { "virus", "ransomware", "unauthorized-access",
						     "targeted-attack", "insider", "lost-pc" };
const char *const MEASURE_KIND_IDS[MEASURE_KIND_COUNT] = { "organizational", "human", "physical", "technical" };

int case_type_index(const char *id)
{
	for (int i = 0; i < CASE_TYPE_COUNT; i++)
		if (!strcmp(CASE_TYPE_IDS[i], id))
			return i;
	return -1;
}

const scenario_t *content_scenario(const content_t *c, const char *id)
{
	for (int i = 0; i < c->nscenarios; i++)
		if (!strcmp(c->scenarios[i].id, id))
			return &c->scenarios[i];
	return NULL;
}

const case_t *content_case(const content_t *c, const char *id)
{
	for (int i = 0; i < c->ncases; i++)
		if (!strcmp(c->cases[i].id, id))
			return &c->cases[i];
	return NULL;
}

bool measure_is_essential(const content_t *c, const measure_t *m)
{
	for (int r = 0; r < c->nrules; r++)
		for (int k = 0; k < c->rules[r].nmeasures; k++)
			if (c->rules[r].measures[k] == m)
				return true;
	return false;
}

static int likeness(const case_t *k, const char *industry, int size)
{
	int l = 0;
	if (industry && *industry && !strcmp(k->industry, industry))
		l += 2;
	if (size >= 0 && k->size == size)
		l += 1;
	return l * 2 + (k->incident ? 1 : 0);
}

int cases_for_item(const item_t *it, const char *industry, int size, const case_t **out, int max)
{
	int n = 0, score[8];
	for (int i = 0; i < it->ncases; i++) {
		const case_t *k = it->cases[i];
		int l = likeness(k, industry, size), j = n < max ? n++ : max;
		if (j == max && (max == 0 || l <= score[max - 1]))
			continue;
		if (j == max)
			j--;
		while (j > 0 && l > score[j - 1]) {
			out[j] = out[j - 1];
			score[j] = score[j - 1];
			j--;
		}
		out[j] = k;
		score[j] = l;
	}
	return n;
}

static bool case_related(const case_t *k, const item_t *it)
{
	for (int a = 0; a < k->nrelated; a++)
		for (int b = 0; b < it->nmeasures; b++)
			if (k->related[a] == it->measures[b])
				return true;
	return false;
}

void knowledge_link_items(content_t *c)
{
	for (int q = 0; q < c->nqs; q++)
		for (int i = 0; i < c->qs[q]->nitems; i++) {
			item_t *it = &c->qs[q]->items[i];
			it->cases = arena_alloc(&c->arena, (size_t)(c->ncases ? c->ncases : 1) * sizeof *it->cases);
			it->ncases = 0;
			for (int k = 0; k < c->ncases; k++)
				if (case_related(&c->cases[k], it))
					it->cases[it->ncases++] = &c->cases[k];
			it->reach = 0;
			it->cost = COST_UNKNOWN;
			for (int m = 0; m < it->nmeasures; m++) {
				const measure_t *ms = it->measures[m];
				/* a dated question (one with newer advice) is no essential basic by its measures */
				it->essential |= measure_is_essential(c, ms) && !it->update.ja;
				if (ms->nscenarios > it->reach)
					it->reach = ms->nscenarios;
				if (ms->cost != COST_UNKNOWN && (it->cost == COST_UNKNOWN || ms->cost < it->cost))
					it->cost = ms->cost;
			}
		}
}

int item_scenarios(const item_t *it, const scenario_t **out, int max)
{
	int n = 0;
	for (int m = 0; m < it->nmeasures; m++)
		for (int k = 0; k < it->measures[m]->nscenarios; k++) {
			const scenario_t *s = it->measures[m]->scenarios[k];
			int j = 0;
			while (j < n && out[j] != s)
				j++;
			if (j < n || n == max)
				continue;
			/* keep scenario order: insert before the first later one */
			j = n++;
			while (j > 0 && out[j - 1] > s) {
				out[j] = out[j - 1];
				j--;
			}
			out[j] = s;
		}
	return n;
}
