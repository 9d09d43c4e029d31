/*
 * secaction.h — SECURITY ACTION, the national self-declaration programme that follows the
 * self-diagnosis: which star a company is ready for (★ declaring the 情報セキュリティ5か条; ★★
 * the 5-minute self-diagnosis done and a basic security policy adopted), the 5か条 as a checklist
 * it keeps, and the draft of its 情報セキュリティ基本方針 made from its name and choices with
 * this project's text (content/security-action.yaml). Pure: no I/O, no allocation.
 */
#ifndef MAMORU_CORE_SECACTION_H
#define MAMORU_CORE_SECACTION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"

#define SA_RULES 5             /* the 情報セキュリティ5か条 */
#define SA_TEXT 121            /* a short field: 120 bytes and the terminator */
#define SA_POLICY_MAX 8192     /* the policy's text as edited, in bytes */
#define SA_MAX_OPTIONS 8
#define SA_SECTIONS 8

/* The content: the programme, its stars and the policy's sections and choices. */
typedef struct {
	const char *id;
	mtext_t label;
} sa_option_t;

typedef struct {
	const char *id;
	mtext_t heading, text;
} sa_section_t;

typedef struct secaction_content {
	mtext_t programme;
	mtext_t star_title[2], star_text[2];
	const char *diagnosis;            /* the questionnaire that counts as the self-diagnosis */
	mtext_t policy_title;
	sa_section_t sections[SA_SECTIONS];
	int nsections;
	mtext_t closing;
	sa_option_t protects[SA_MAX_OPTIONS], laws[SA_MAX_OPTIONS], training[SA_MAX_OPTIONS], review[SA_MAX_OPTIONS];
	int nprotects, nlaws, ntraining, nreview;
} secaction_content_t;

#define SA_IDS 200             /* option ids, comma-separated */
#define SA_ID 32

/* What the owner chose for the draft. Options are kept by their content ids, so a change to the
 * content's order or wording never changes what was chosen. */
typedef struct {
	char scope[SA_TEXT];              /* where it applies ("" = the whole company) */
	char officer[SA_TEXT];            /* the person responsible, by title or name */
	char representative[SA_TEXT];     /* who signs it, e.g. 代表取締役 山田太郎 */
	char protects[SA_IDS], laws[SA_IDS]; /* ids of the options chosen, comma-separated */
	char training[SA_ID], review[SA_ID]; /* id of the option chosen ("" = the first) */
} sa_choices_t;

/* A company's SECURITY ACTION record, as stored. */
typedef struct {
	unsigned rules;                   /* bit k: rule k+1 of the 5か条 ticked */
	char rules_updated[32];           /* "" = never */
	sa_choices_t choices;
	char policy[SA_POLICY_MAX];       /* "" = no draft yet */
	bool adopted;                     /* the owner adopted and published the policy */
	char policy_updated[32];
} secaction_t;

/* Which star the company is ready for, and why not yet. */
typedef struct {
	int rules_ticked;
	bool one;                         /* every rule of the 5か条 ticked */
	bool diagnosed, policy, two;      /* self-diagnosis saved; policy written and adopted; both */
} sa_readiness_t;

void sa_init(secaction_t *s);
/* True when id is one of the comma-separated ids in list. */
bool sa_has(const char *list, const char *id);
/* The index of option id among opts (0, the first, when "" or unknown). */
int sa_option(const sa_option_t *opts, int n, const char *id);
sa_readiness_t sa_readiness(const secaction_t *s, bool diagnosed);
/* The draft of the basic policy: the title, the sections with the placeholders filled from
 * company, the choices and date, and the closing, as plain text (paragraphs separated by a
 * blank line) into out (always terminated). Returns the length the whole text has (like
 * snprintf: cut when >= size). */
size_t sa_policy_draft(const secaction_content_t *c, const char *company, const sa_choices_t *ch, const char *date, lang_t lang,
		       char *out, size_t size);

#endif
