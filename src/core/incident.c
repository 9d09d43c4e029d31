/*
 * incident.c — see incident.h.
 */
#include "core/incident.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

const char *const INC_TYPE_IDS[INC_TYPES] = { "leak", "tamper", "malware", "other" };
const char *const INC_EVENT_IDS[INC_EV_KINDS] = { "note", "opened", "level", "step", "closed" };

int inc_type_parse(const char *s)
{
	for (int t = 0; s && t < INC_TYPES; t++)
		if (!strcmp(s, INC_TYPE_IDS[t]))
			return t;
	return -1;
}

inc_type_t inc_type_stored(const char *s)
{
	int t = inc_type_parse(s);
	return t < 0 ? INC_OTHER : (inc_type_t)t;
}

const char *inc_status_id(inc_status_t s) { return s == INC_CLOSED ? "closed" : "open"; }

inc_status_t inc_status_stored(const char *s) { return s && !strcmp(s, inc_status_id(INC_CLOSED)) ? INC_CLOSED : INC_OPEN; }

const inc_step_t *inc_step_find(const incident_content_t *c, const char *id)
{
	for (int i = 0; id && i < c->nall; i++)
		if (!strcmp(c->all[i]->id, id))
			return c->all[i];
	return NULL;
}

int inc_role_index(const incident_content_t *c, const char *id)
{
	for (int i = 0; id && i < c->nroles; i++)
		if (c->roles[i].id && !strcmp(c->roles[i].id, id))
			return i;
	return -1;
}

int inc_scope_index(const incident_content_t *c, const char *id)
{
	for (int i = 0; id && i < c->nscopes; i++)
		if (c->scopes[i].id && !strcmp(c->scopes[i].id, id))
			return i;
	return -1;
}

bool inc_list_has(const char *list, const char *id)
{
	size_t n = strlen(id);
	if (!n)
		return false;
	for (const char *p = list; p && *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !strncmp(p, id, n))
			return true;
		p = end ? end + 1 : NULL;
	}
	return false;
}

int inc_level_rule(const incident_content_t *c, const char *ids, const char **bad)
{
	int level = -1;
	if (bad)
		*bad = NULL;
	for (const char *p = ids; p && *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		int found = -1;
		for (int i = 0; i < c->nscopes; i++)
			if (c->scopes[i].id && strlen(c->scopes[i].id) == len && !strncmp(c->scopes[i].id, p, len))
				found = i;
		if (found < 0 && len > 0) {
			if (bad && !*bad)
				*bad = p;
		} else if (found >= 0 && c->scopes[found].level > level) {
			level = c->scopes[found].level;
		}
		p = end ? end + 1 : NULL;
	}
	return level;
}

const inc_plevel_t *inc_procedure(const incident_content_t *c, int type, int level)
{
	/* `use` may point on; the loader refuses cycles, and the bound keeps a bad pack finite */
	for (int hops = 0; hops <= INC_TYPES * INC_LEVELS; hops++) {
		if (type < 0 || type >= INC_TYPES || level < 0 || level >= INC_LEVELS)
			return NULL;
		const inc_plevel_t *p = &c->playbooks[type].levels[level];
		if (!p->given)
			return NULL;
		if (p->use_type < 0)
			return p;
		type = p->use_type;
		level = p->use_level;
	}
	return NULL;
}

int inc_runbook(const incident_content_t *c, int type, int level, const inc_step_t **out, int max)
{
	int n = 0;
	if (type < 0 || type >= INC_TYPES || level < 0 || level >= INC_LEVELS)
		return 0;
	if (c->playbooks[type].contact_first && level >= 1 && c->contact_step.id && n < max)
		out[n++] = &c->contact_step;
	const inc_plevel_t *p = inc_procedure(c, type, level);
	for (int i = 0; p && i < p->nsteps && n < max; i++) {
		bool twice = false; /* a step listed twice (none is) would be ticked twice */
		for (int k = 0; k < n; k++)
			twice |= out[k] == p->steps[i];
		if (!twice)
			out[n++] = p->steps[i];
	}
	if (level >= c->reporting_min_level && c->report_step.id && n < max)
		out[n++] = &c->report_step;
	return n;
}

void incident_init(incident_t *x)
{
	memset(x, 0, sizeof *x);
	x->description = xstrdup("");
	x->intake = xstrdup("");
	x->cause = xstrdup("");
	x->measures = xstrdup("");
}

void incident_clear(incident_t *x)
{
	free(x->description);
	free(x->intake);
	free(x->cause);
	free(x->measures);
	memset(x, 0, sizeof *x);
}

void incident_list_free(incident_t *x, int n)
{
	for (int i = 0; x && i < n; i++)
		incident_clear(&x[i]);
	free(x);
}

void inc_set_text(char **dst, const char *s)
{
	char *copy = xstrdup(s ? s : "");
	free(*dst);
	*dst = copy;
}

void inc_step_init(inc_step_rec_t *s)
{
	memset(s, 0, sizeof *s);
	s->text = xstrdup("");
	s->note = xstrdup("");
}

void inc_step_clear(inc_step_rec_t *s)
{
	free(s->text);
	free(s->note);
	memset(s, 0, sizeof *s);
}

void inc_steps_free(inc_step_rec_t *s, int n)
{
	for (int i = 0; s && i < n; i++)
		inc_step_clear(&s[i]);
	free(s);
}

void inc_event_init(inc_event_t *e)
{
	memset(e, 0, sizeof *e);
	e->text = xstrdup("");
}

void inc_events_free(inc_event_t *e, int n)
{
	for (int i = 0; e && i < n; i++)
		free(e[i].text);
	free(e);
}

int inc_merge_steps(const inc_step_t *const *runbook, int n, const inc_step_rec_t *old, int nold, inc_slot_t *out, int max,
		    bool *keep)
{
	int k = 0;
	for (int i = 0; i < nold; i++)
		keep[i] = false;
	for (int i = 0; i < n && k < max; i++) {
		int found = -1;
		for (int j = 0; j < nold && found < 0; j++)
			if (!keep[j] && old[j].key[0] && !strcmp(old[j].key, runbook[i]->id))
				found = j;
		if (found >= 0)
			keep[found] = true;
		out[k++] = (inc_slot_t){ .old = found, .step = runbook[i] };
	}
	for (int j = 0; j < nold && k < max; j++) {
		if (keep[j])
			continue;
		bool worth = old[j].done || (old[j].note && old[j].note[0]) || !old[j].key[0];
		if (worth) {
			keep[j] = true;
			out[k++] = (inc_slot_t){ .old = j, .step = NULL };
		}
	}
	return k;
}

const inc_person_t *inc_manual_person(const inc_manual_t *m, const char *role)
{
	for (int i = 0; m && role && i < m->npeople; i++)
		if (!strcmp(m->people[i].role, role))
			return &m->people[i];
	return NULL;
}
