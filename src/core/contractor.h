/*
 * contractor.h — contractors (委託先) and cloud services an organisation relies on, as plain
 * records, and the pure rules about them: which items of the contractor requirements a request
 * asks, when a review is due, and the confidentiality clauses (機密保持条項) built from the
 * example of IPA's outsourcing guideline (content/contractor-clauses.yaml) with the parties,
 * dates and chosen clauses filled in. No I/O.
 */
#ifndef MAMORU_CORE_CONTRACTOR_H
#define MAMORU_CORE_CONTRACTOR_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/model.h"

#define CT_NAME 121         /* a name: at most 120 bytes, so it fits a diagnosis's scope */
#define CT_TEXT 1201        /* contact, what it handles: at most 400 characters */
#define CT_NOTE 6001        /* a note: at most 2,000 characters, line breaks allowed */
#define CT_ITEMS 1024       /* the chosen items of a request, comma-separated ids */

/* A contractor of the organisation: who they are, what they handle, the contract's dates and
 * when it is next reviewed (YYYY-MM-DD or ""). */
typedef struct {
	int64_t id, org_id;
	char name[CT_NAME];
	char contact[CT_TEXT];
	char handles[CT_TEXT];
	char contract_start[11], contract_end[11], review_due[11];
	char note[CT_NOTE];
	char created[32], updated[32];
} contractor_t;

/* Items of the contractor requirements sent to a contractor through a respondent link; the
 * link's diagnosis holds the answers (0 = not answered yet), the reviewer's verdict is kept here. */
typedef struct {
	int64_t id, contractor_id, org_id;
	char items[CT_ITEMS];
	char link_hash[65];
	char created[32];
	int64_t expires;            /* the link's expiry (Unix time; 0 when the link is gone) */
	int64_t diagnosis_id;       /* the contractor's answers, from the link */
	char reviewed_by[CT_NAME], reviewed_at[32];
	char review_note[CT_NOTE];
} ct_request_t;

/* A cloud service the organisation uses; its last check is a saved diagnosis of questionnaire
 * `cloud` whose scope is the service's name. */
typedef struct {
	int64_t id, org_id;
	char name[CT_NAME];
	char provider[CT_NAME];
	char purpose[CT_TEXT];
	char review_due[11];
	int64_t diagnosis_id;       /* 0 = never checked */
	char checked[32];           /* when that diagnosis was saved */
	char created[32], updated[32];
} cloud_service_t;

/* ---- items of a request ---- */

/* Resolves a selection — item ids and section (category) ids separated by commas or spaces,
 * or "all" — into the questionnaire's item ids in questionnaire order, comma-separated; false
 * with *bad set to the first word that names nothing (or NULL for an empty selection). */
bool ct_items_resolve(const questionnaire_t *q, const char *sel, char out[CT_ITEMS], char bad[64]);
/* Whether item id is among a request's items. */
bool ct_items_has(const char *items, const char *id);
int ct_items_count(const char *items);

/* ---- review dates ---- */

/* Due when a review date is set and today (YYYY-MM-DD) has reached it. */
bool ct_review_due(const char *review_due, const char *today);
/* The date a year after an ISO date or timestamp (29 February goes to 28 February). */
void ct_year_after(const char *iso, char out[11]);

/* ---- the confidentiality clauses ---- */

#define CL_MAX_CLAUSES 4
#define CL_MAX_LINES 32
#define CL_MAX_RELATED 8

typedef struct {
	mtext_t mark;               /* numbering this project adds before a 各号 line (一, ア), or none */
	mtext_t text;               /* verbatim, with {report_by} {art:ID} {years} {related} to fill */
	int indent;                 /* 0 paragraph, 1 item, 2 sub-item */
} clause_line_t;

typedef struct {
	const char *id;             /* confidentiality, subcontract, survival */
	mtext_t heading;            /* the article's name: 第N条（heading） */
	bool required;
	clause_line_t lines[CL_MAX_LINES];
	int nlines;
} clause_t;

typedef struct {
	const char *id;
	mtext_t heading;            /* 権利義務の譲渡 …: 第　条（heading）, numbered in the main contract */
} clause_related_t;

typedef struct clause_content {
	mtext_t document, title, guidance, note, client_role, contractor_role, date_label, translation_note;
	clause_t clauses[CL_MAX_CLAUSES];
	int nclauses;
	clause_related_t related[CL_MAX_RELATED];
	int nrelated;
} clause_content_t;

/* What the builder fills in. Dates are YYYY-MM-DD ("" leaves the seed's blank). */
typedef struct {
	char client[CT_NAME], contractor[CT_NAME];  /* 甲 (委託元) and 乙 (委託先) */
	char date[11];              /* the day the clauses are agreed */
	char report_by[11];         /* 機密保持 3(3): by when the contractor reports its names */
	int years;                  /* how long 機密保持 survives the contract (0 = the seed's blank) */
	int first_article;          /* the number of the first article (1 when 0) */
	unsigned clauses;           /* bit i = clauses[i] chosen (required ones always are) */
	unsigned related;           /* bit i = related[i] survives the contract */
} clause_opts_t;

/* Builds the clauses as text in lang (Japanese is the contract; English a reading aid). */
void clause_build(const clause_content_t *c, const clause_opts_t *o, lang_t lang, buf_t *out);
/* The chosen clause ids, the article number each gets (0 = not chosen). */
int clause_article(const clause_content_t *c, const clause_opts_t *o, int clause);

#endif
