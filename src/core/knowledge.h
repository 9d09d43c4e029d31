/*
 * knowledge.h — the knowledge behind every answer, loaded from content/ like the
 * questionnaires: the guideline's 10 threat scenarios with their 63 checklist items and the
 * measure↔scenario mapping (seed 000), IPA's 68 SME case studies (seed 002), and the Tokyo
 * handbook's threats and 情報セキュリティ5か条 (seed 004). Pure data plus small look-ups.
 */
#ifndef MAMORU_CORE_KNOWLEDGE_H
#define MAMORU_CORE_KNOWLEDGE_H

#include "core/model.h"

#define MAX_LINKS 4

typedef struct {
	const char *id;                          /* "1-01" */
	mtext_t text;
	const measure_t *measures[MAX_LINKS];
	int nmeasures;
	const char *source;
} scenario_check_t;

typedef struct {
	mtext_t factor;                          /* 危険要因 */
	scenario_check_t *checks;
	int nchecks;
} scenario_risk_t;

typedef struct scenario {
	const char *id;
	mtext_t title, situation, incident;
	scenario_risk_t *risks;
	int nrisks;
	mtext_t *points;
	int npoints;
	const char *source;                      /* seed and lines, for maintainers */
	mtext_t cite;                            /* what users see: the document's name and section */
} scenario_t;

/* Case types, as the case collection names them (ケース). */
enum { CASE_TYPE_COUNT = 6 };
extern const char *const CASE_TYPE_IDS[CASE_TYPE_COUNT];   /* "virus", "ransomware", ... */
/* Kinds of measure (組織的・人的・物理的・技術的). */
enum { MEASURE_KIND_COUNT = 4 };
extern const char *const MEASURE_KIND_IDS[MEASURE_KIND_COUNT];

typedef struct {
	mtext_t text;
	unsigned kinds;                          /* bits over MEASURE_KIND_IDS */
} case_measure_t;

typedef struct case_study {
	const char *id;                          /* "1".."68" */
	const char *source, *prefecture, *viewpoint_role;
	const char *prefecture_en;               /* romanised ("Tochigi"), or NULL */
	mtext_t cite;                            /* the document and the case number, for users */
	char industry[4];
	mtext_t industry_label;
	int size;                                /* index into content_t.size_bands */
	bool incident;
	int incident_year;                       /* 0 = not given */
	mtext_t incident_when;
	unsigned types;                          /* bits over CASE_TYPE_IDS */
	mtext_t title, impact, cause, trigger, effect, viewpoint;
	case_measure_t *measures;
	int nmeasures;
	const char *measures_en;                 /* English summary of the measures, or NULL */
	const measure_t *related[MAX_LINKS];
	int nrelated;
} case_t;

typedef struct rule {
	const char *id;
	mtext_t title, text;
	const measure_t *measures[MAX_LINKS];
	int nmeasures;
	const char *source;
	mtext_t cite;
} rule_t;

typedef struct threat {
	const char *id;
	mtext_t title, description;
	mtext_t *countermeasures;
	int ncountermeasures;
	const measure_t *measures[MAX_LINKS];
	int nmeasures;
	const char *source;
	mtext_t cite;
} threat_t;

/* Words that search treats as one (content/search-synonyms.yaml): 漏洩 / 漏えい. */
typedef struct synonym_group {
	const char **terms;
	int nterms;
} synonym_group_t;

int case_type_index(const char *id);         /* -1 when unknown */
/* The case's prefecture as the reader's language writes it (English: romanised when given). */
static inline const char *case_prefecture(const case_t *k, lang_t lang)
{
	return lang == LANG_EN && k->prefecture_en ? k->prefecture_en : k->prefecture;
}
const scenario_t *content_scenario(const content_t *c, const char *id);
const case_t *content_case(const content_t *c, const char *id);
/* True when the measure is one a 5か条 rule links to: the essentials ranked first. */
bool measure_is_essential(const content_t *c, const measure_t *m);
/* Up to max cases related to any of the item's measures (it->cases), companies like the user's
 * first: same industry and size band, then same industry, then same size, then any; incident
 * cases before good practice at equal likeness. industry may be "" and size -1 when unknown. */
int cases_for_item(const item_t *it, const char *industry, int size, const case_t **out, int max);
/* The scenarios the item's measures prevent, without repeats, in scenario order. */
int item_scenarios(const item_t *it, const scenario_t **out, int max);
/* Sets each item's essential flag, reach and cost from the knowledge (called by the loader). */
void knowledge_link_items(content_t *c);

#endif
