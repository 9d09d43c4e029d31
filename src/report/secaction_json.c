/*
 * secaction_json.c — see secaction_json.h. Rules and options are given by id (stable) with
 * their text in the requested language.
 */
#include "report/secaction_json.h"

#include "core/knowledge.h"

json_t *secaction_json(const content_t *c, const secaction_t *s, const sa_readiness_t *ready, lang_t lang)
{
	json_t *rules = json_array();
	for (int k = 0; k < c->nrules && k < SA_RULES; k++)
		if ((s->rules >> k) & 1)
			json_array_append_new(rules, json_pack("{s:s, s:s}", "id", c->rules[k].id, "title", tx(&c->rules[k].title, lang)));
	const sa_choices_t *ch = &s->choices;
	return json_pack("{s:o, s:s, s:b, s:b, s:b, s:{s:s, s:s, s:s, s:s, s:s, s:s, s:s}, s:s, s:b, s:s}", "rules", rules,
			 "rules_updated", s->rules_updated, "ready_one_star", ready->one, "self_diagnosis", ready->diagnosed,
			 "ready_two_stars", ready->two, "choices", "scope", ch->scope, "officer", ch->officer, "representative",
			 ch->representative, "protects", ch->protects, "laws", ch->laws, "training", ch->training, "review", ch->review,
			 "policy", s->policy, "adopted", s->adopted, "policy_updated", s->policy_updated);
}
