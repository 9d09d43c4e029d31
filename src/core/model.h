/*
 * model.h — the content model: answer sets, questionnaires and the guideline's measures as
 * plain C structs. The content loader (src/content) fills them from the YAML files in content/ after
 * validating everything, so code that reads a model may trust it: every index is in range,
 * every link resolves, every Japanese text is present.
 *
 * Sizes are bounded (the loader enforces the limits below) so that scoring and ranking work
 * on fixed arrays without allocating.
 */
#ifndef MAMORU_CORE_MODEL_H
#define MAMORU_CORE_MODEL_H

#include "core/lang.h"

#include <stdbool.h>
#include "core/arena.h"

#define MAX_ITEMS 128
#define MAX_CATEGORIES 32
#define MAX_PARTS 8
#define MAX_OPTIONS 8
#define MAX_BANDS 8
#define MAX_ITEM_MEASURES 4
#define MAX_ITEM_ACTIONS 4   /* handbook actions a question links to (content/actions.yaml) */
#define MAX_ALIASES 4


/* A text pair. `ja` is always set; `en` may be NULL (falls back to ja). */
typedef struct {
	const char *ja;
	const char *en;
} mtext_t;

static inline const char *tx(const mtext_t *t, lang_t lang)
{
	if (lang == LANG_EN && t->en && t->en[0])
		return t->en;
	return t->ja ? t->ja : "";
}

typedef enum { OPT_NORMAL = 0, OPT_UNKNOWN, OPT_NA } opt_kind_t;

typedef struct {
	const char *id;
	mtext_t label;
	int points;          /* unused for OPT_NA: it scores the item's full points */
	opt_kind_t kind;
	const char *aliases[MAX_ALIASES]; /* other spellings accepted in answer files */
	int naliases;
} option_t;

typedef struct {
	const char *id;
	option_t opts[MAX_OPTIONS];
	int nopts;
} answer_set_t;

typedef struct {
	const char *id;
	mtext_t title;
} category_t;

typedef enum { COST_UNKNOWN = -1, COST_NONE = 0, COST_LOW, COST_PURCHASE } cost_t;
typedef enum { EFFORT_UNKNOWN = -1, EFFORT_LOW = 0, EFFORT_MEDIUM, EFFORT_HIGH } effort_t;

typedef struct measure_point {
	mtext_t heading;     /* optional sub-heading printed before this point */
	mtext_t text;
	mtext_t *examples;
	int nexamples;
	cost_t cost;         /* content/measure-costs.yaml: this project's rough estimate */
	effort_t effort;
} measure_point_t;

typedef struct measure {
	const char *id;      /* "4.1.1" */
	int category;        /* index into content_t.mcats */
	mtext_t title;       /* 必須の管理策 */
	measure_point_t *points;
	int npoints;
	const char *source;  /* seed and lines, for maintainers */
	mtext_t cite;        /* what users see: the document's name and section */
	const struct scenario *scenarios[16];  /* the scenarios it prevents (appendix 2) */
	int nscenarios;
	cost_t cost;         /* cheapest point's cost: what a first step costs */
} measure_t;

typedef struct {
	const char *id;
	mtext_t title, instruction;
	unsigned allowed;    /* bitmask over the answer set's options */
} part_t;

typedef struct {
	const char *id;
	int part, category;
	mtext_t text, note;
	const measure_t *measures[MAX_ITEM_MEASURES];
	int nmeasures;
	unsigned allowed;    /* options offered for this item (part's set, plus N/A if allow_na) */
	int full;            /* best points among the offered options */
	int worst;           /* lowest points among the offered options */
	int floor;           /* lowest points among the offered normal options: "not done" */
	bool essential;      /* flagged in the pack, or linked to a 5か条 measure (set by the loader) */
	int reach;           /* most scenarios any linked measure prevents (appendix 2) */
	cost_t cost;         /* cheapest first step among the linked measures */
	const char *source;
	mtext_t explanation; /* 解説: what the question asks and why, in this project's words (optional) */
	mtext_t update;      /* newer advice where the 2009 question is dated (optional): such an item is */
	mtext_t update_ref;  /* not an essential basic through its measures (docs/scoring.md); the newer */
	const char *update_source; /* advice's document (shown) and seed lines (maintainers) */
	const struct action *actions[MAX_ITEM_ACTIONS]; /* first = the one its recommendation is grouped under */
	int nactions;
	const struct case_study **cases; /* the cases that name one of its measures, in content order */
	int ncases;                      /* (set by the loader: the result page picks among these) */
} item_t;

typedef struct {
	const char *id;
	int min, max;        /* inclusive */
	mtext_t label, advice;
	mtext_t now, next;   /* optional: the advice split into where you stand and the next step, whose
			      * {actions} names the first actions of the result (core/actions.h) */
} band_t;

/* An earlier survey of the same questionnaire to compare a result with (optional). */
typedef struct {
	int companies;       /* 0 = none */
	int passed;          /* companies at or above the pass mark */
	const char *rules_item; /* the question about company rules, and how many answered it "not done" */
	int rules_not_done;
	mtext_t title;       /* the survey, as users see it */
	const char *source;  /* seed lines, for maintainers */
} survey_t;

typedef struct questionnaire {
	const char *id, *version, *file;
	mtext_t title, description, source, bands_source;
	int minutes;
	int pass_mark;       /* 0 = none */
	const answer_set_t *aset;
	part_t parts[MAX_PARTS];
	int nparts;
	category_t cats[MAX_CATEGORIES];
	int ncats;
	item_t items[MAX_ITEMS];
	int nitems;
	band_t bands[MAX_BANDS];
	int nbands;
	int max_total, min_total;
	mtext_t edition_note;  /* which edition the questions are, shown on the form and the result (optional) */
	survey_t survey;
} questionnaire_t;

typedef struct {
	const char *key;
	mtext_t text;
} ui_string_t;

typedef struct {
	char code[4];            /* 日本標準産業分類 major division, "A".."T" */
	mtext_t name;
	long long capital_max;   /* 中小企業基本法: SME when capital <= this (円) ... */
	int employees_max;       /* ... or regular employees <= this */
} industry_t;

typedef struct {
	const char *id;
	int max;                 /* upper bound of employees; -1 = no upper bound */
	mtext_t label;
} size_band_t;

typedef struct content {
	arena_t arena;
	answer_set_t *asets;
	int nasets;
	category_t *mcats;
	int nmcats;
	measure_t *measures;
	int nmeasures;
	const char *measures_version;
	mtext_t measures_source;
	questionnaire_t **qs;
	int nqs;
	ui_string_t *ui;
	int nui;
	int *ui_slots;           /* ui by hash of the key (ui_index_build): index + 1, 0 = empty */
	unsigned ui_mask;        /* the slots' count - 1 (a power of two) */
	industry_t *industries;
	int nindustries;
	size_band_t *size_bands;
	int nsize_bands;
	/* knowledge (core/knowledge.h) */
	struct scenario *scenarios;
	int nscenarios;
	struct case_study *cases;
	int ncases;
	struct rule *rules;            /* 情報セキュリティ5か条 */
	int nrules;
	struct threat *threats;
	int nthreats;
	mtext_t knowledge_source;
	struct action *actions;        /* the handbook's 「すぐやろう」 actions (core/actions.h) */
	int nactions;
	mtext_t actions_source;
	struct secaction_content *secaction; /* SECURITY ACTION and the basic policy (core/secaction.h), or NULL */
	struct clause_content *clauses;      /* the example confidentiality clauses (core/contractor.h), or NULL */
	struct profile *profile;        /* company profile and risk index (core/profile.h) */
	const char **common_passwords;  /* refused as passwords, sorted without regard to case */
	int ncommon_passwords;
	struct ledger_content *ledger;  /* the asset ledger's columns and rules (core/asset.h) */
	struct risk_content *risk;      /* the risk matrix and its labels (core/risk.h) */
	struct incident_content *incident; /* incident response, Mission 4 (core/incident.h), or NULL */
	struct synonym_group *synonyms; /* spelling variants for search (content/search-synonyms.yaml) */
	int nsynonyms;
} content_t;

const questionnaire_t *content_questionnaire(const content_t *c, const char *id);
const measure_t *content_measure(const content_t *c, const char *id);
/* UI string by key; returns the key itself when missing so a gap is visible, never a crash.
 * c->ui must be sorted with ui_string_cmp (the loader does it). */
int ui_string_cmp(const void *a, const void *b);
/* Indexes c->ui by a hash of the key (in c's arena), once loaded: ui() then compares one key
 * or two instead of a binary search's dozen (pages look up a hundred strings each). */
void ui_index_build(content_t *c);
const char *ui(const content_t *c, const char *key, lang_t lang);
int item_index(const questionnaire_t *q, const char *id);

#endif
