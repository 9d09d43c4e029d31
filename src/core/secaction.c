/*
 * secaction.c — see secaction.h.
 */
#include "core/secaction.h"

#include <stdio.h>
#include <string.h>

#include "core/template.h"
#include "core/utf8.h"

void sa_init(secaction_t *s)
{
	memset(s, 0, sizeof *s);
}

bool sa_has(const char *list, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = list; n && *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !memcmp(p, id, n))
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

int sa_option(const sa_option_t *opts, int n, const char *id)
{
	for (int k = 0; k < n; k++)
		if (opts[k].id && !strcmp(opts[k].id, id))
			return k;
	return 0;
}

sa_readiness_t sa_readiness(const secaction_t *s, bool diagnosed)
{
	sa_readiness_t r = { 0 };
	for (int k = 0; k < SA_RULES; k++)
		r.rules_ticked += (s->rules >> k) & 1;
	r.one = r.rules_ticked == SA_RULES;
	r.diagnosed = diagnosed;
	r.policy = s->policy[0] && s->adopted;
	r.two = r.diagnosed && r.policy;
	return r;
}

/* The labels of the options listed in ids, in the content's order, joined: 「A、B及びC」 /
 * "A, B and C"; empty when none. */
static void join(const sa_option_t *opts, int n, const char *ids, lang_t lang, char *out, size_t size)
{
	int chosen = 0, total = 0;
	for (int k = 0; k < n; k++)
		total += sa_has(ids, opts[k].id);
	size_t len = 0;
	out[0] = '\0';
	for (int k = 0; k < n && len < size; k++) {
		if (!sa_has(ids, opts[k].id))
			continue;
		const char *sep = chosen == 0 ? "" : chosen == total - 1 ? (lang == LANG_EN ? " and " : "及び") : (lang == LANG_EN ? ", " : "、");
		int w = snprintf(out + len, size - len, "%s%s", sep, tx(&opts[k].label, lang));
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
		chosen++;
	}
}

/* Text appended to a buffer that may be too small: what fits (never half a character) is
 * kept, and want counts the whole. */
typedef struct {
	char *out;
	size_t size, len, want;
} sink_t;

static void put(sink_t *k, const char *text)
{
	size_t n = strlen(text);
	k->want += n;
	if (k->len + 1 >= k->size)
		return;
	size_t room = k->size - k->len - 1, take = n <= room ? n : (size_t)utf8_prefix(text, room);
	memcpy(k->out + k->len, text, take);
	k->len += take;
	k->out[k->len] = '\0';
}

size_t sa_policy_draft(const secaction_content_t *c, const char *company, const sa_choices_t *ch, const char *date, lang_t lang,
		       char *out, size_t size)
{
	char protects[512], laws[512];
	join(c->protects, c->nprotects, ch->protects, lang, protects, sizeof protects);
	join(c->laws, c->nlaws, ch->laws, lang, laws, sizeof laws);
	const char *names[] = { "company", "scope", "protects", "officer", "laws", "training", "review", "date", "representative" };
	const char *values[] = {
		company,
		ch->scope[0] ? ch->scope : (lang == LANG_EN ? "the whole company" : "全社"),
		protects[0] ? protects : (lang == LANG_EN ? "all information used for work" : "業務で扱うすべての情報"),
		ch->officer[0] ? ch->officer : (lang == LANG_EN ? "a person responsible" : "責任者"),
		laws[0] ? laws : (lang == LANG_EN ? "the laws that apply to us" : "当社に関わる法令"),
		c->ntraining ? tx(&c->training[sa_option(c->training, c->ntraining, ch->training)].label, lang) : "",
		c->nreview ? tx(&c->review[sa_option(c->review, c->nreview, ch->review)].label, lang) : "",
		date,
		ch->representative,
	};
	const int n = (int)(sizeof names / sizeof *names);
	sink_t k = { .out = out, .size = size };
	char part[4096];
	if (size)
		out[0] = '\0';
	put(&k, tx(&c->policy_title, lang));
	for (int i = 0; i <= c->nsections; i++) {
		put(&k, "\n\n");
		if (i < c->nsections) {
			put(&k, tx(&c->sections[i].heading, lang));
			put(&k, "\n");
		}
		tmpl_fill(part, sizeof part, tx(i < c->nsections ? &c->sections[i].text : &c->closing, lang), names, values, n);
		put(&k, part);
	}
	return k.want;
}
