/*
 * incident.h — incident response from the Tokyo handbook's Mission 4 (content/incident.yaml):
 * the company's emergency manual (roles, damage levels 0–3 with who responds, the contact tree,
 * bodies to report to), the incident register with its guided response, and the IT-BCP
 * checklist. The content model, the records as stored, and the pure rules: the damage level
 * from the wizard's answers, the runbook a type and level call for, and how a runbook changes
 * when the level does. No I/O; the only allocation is of the records' long texts, which are
 * never cut (their limits are checked at the edge, src/input/incident_input.c).
 */
#ifndef MAMORU_CORE_INCIDENT_H
#define MAMORU_CORE_INCIDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

#define INC_LEVELS 4                 /* damage levels 0..3 */
#define INC_STEP_ACTORS 3            /* actors one step names */
#define INC_RUNBOOK_MAX 32           /* steps a runbook from the content has */
#define INC_STEPS_MAX 100            /* steps an incident may have, its own included */

/* The kinds of damage (区分). The ids are an interface (CLI, API): leak, tamper, malware, other. */
typedef enum { INC_LEAK = 0, INC_TAMPER, INC_MALWARE, INC_OTHER, INC_TYPES } inc_type_t;
extern const char *const INC_TYPE_IDS[INC_TYPES];
/* The type whose id is s, or -1. */
int inc_type_parse(const char *s);

/* ---- the content ---- */

typedef struct {
	const char *id;
	const char *role;                /* the manual's role whose holder carries it out, or NULL */
	mtext_t label;
} inc_actor_t;

typedef struct {
	const char *id;
	mtext_t name, dflt;              /* dflt: the handbook's default holder ({0} when none) */
} inc_role_t;

/* A line of a level's 影響範囲, which the level wizard asks as it is. */
typedef struct {
	const char *id;
	int level;
	mtext_t text;
} inc_scope_t;

typedef struct inc_step {
	const char *id;                  /* stable: stored with the incident's step */
	mtext_t heading;                 /* a heading printed before it (optional) */
	const char *number;              /* "STEP1", or NULL */
	mtext_t label, text;             /* label optional */
	mtext_t *details;                /* bullet lines under the text */
	int ndetails;
	int actors[INC_STEP_ACTORS];     /* indexes into incident_content_t.actors */
	int nactors;
} inc_step_t;

/* A playbook's procedure for one level: its own steps, or another's (use_type >= 0). */
typedef struct {
	bool given;
	mtext_t heading, intro, note;
	const inc_step_t **steps;
	int nsteps;
	int use_type, use_level;         /* -1: its own steps */
} inc_plevel_t;

typedef struct {
	mtext_t title, cite;
	bool contact_first;              /* the contact-tree step first, from level 1 up */
	inc_plevel_t levels[INC_LEVELS];
} inc_playbook_t;

typedef struct {
	mtext_t text;
	const char *url;
} inc_entry_t;

/* A body to contact: as the handbook prints it (any field may be absent). */
typedef struct {
	const char *id;
	mtext_t name, note, hours;
	const char *url, *tel, *fax, *mail;
	inc_entry_t *entries;            /* reporting bodies: sentences each with its URL */
	int nentries;
} inc_body_t;

typedef struct {
	const char *id;
	mtext_t title, cite;
	unsigned types;                  /* bit t: listed first on an incident of type t */
	inc_body_t *bodies;
	int nbodies;
} inc_group_t;

typedef struct {
	const char *id;
	mtext_t text;
} inc_item_t;

typedef struct {
	const char *id;
	const char *number;
	mtext_t name, text;
} inc_bcp_step_t;

typedef struct {
	const char *id;
	mtext_t item, text;
	const char *page;                /* the handbook's page, "P136" */
} inc_manual_item_t;

typedef struct incident_content {
	mtext_t document;
	/* 4-1: the manual and what it must contain */
	mtext_t manual_title, manual_cite, contents_title, contents_intro;
	mtext_t *manual_intro;
	int nmanual_intro;
	inc_manual_item_t *contents;
	int ncontents;
	inc_actor_t *actors;
	int nactors;
	/* 4-2: roles, levels, contact tree */
	mtext_t roles_title, roles_intro, roles_cite;
	inc_role_t *roles;
	int nroles;
	mtext_t levels_title, levels_intro, levels_cite;
	int responder[INC_LEVELS];       /* role index of each level's 対応者 */
	inc_scope_t *scopes;             /* every level's lines, level 3 first */
	int nscopes;
	mtext_t contacts_title, contacts_intro, contacts_rule, contacts_cite;
	struct {
		int level, role;
		const char *phone, *mail;   /* the handbook's examples */
	} tree[INC_LEVELS];
	int ntree;
	/* 4-2 ACTION 4 and 4-3 to 4-5 */
	mtext_t types_title, types_intro;
	mtext_t type_name[INC_TYPES], type_situation[INC_TYPES];
	inc_step_t contact_step;
	inc_playbook_t playbooks[INC_TYPES];
	/* 4-6 */
	mtext_t reporting_title, reporting_cite, reporting_heading;
	int reporting_min_level;
	inc_step_t report_step;
	inc_body_t *report_bodies;
	int nreport_bodies;
	/* 6-1 to 6-3 */
	mtext_t intake_title, intake_intro, intake_cite;
	inc_item_t *intake;
	int nintake;
	inc_group_t *groups;
	int ngroups;
	/* 4-7 */
	mtext_t bcp_title, bcp_cite, bcp_note, bcp_reference;
	mtext_t *bcp_intro;
	int nbcp_intro;
	inc_bcp_step_t *bcp;
	int nbcp;
	/* every step by id (the playbooks', the contact and the report step) */
	const inc_step_t **all;
	int nall;
} incident_content_t;

const inc_step_t *inc_step_find(const incident_content_t *c, const char *id);
int inc_role_index(const incident_content_t *c, const char *id);    /* -1: none */
int inc_scope_index(const incident_content_t *c, const char *id);   /* -1: none */

/* The level rule (4-2 ACTION 2): the highest level whose 影響範囲 line is among the ticked
 * scope ids (comma-separated), so customers, partners or leaked personal data give 3, the
 * business 2, employees' work 1, a precursor 0. -1 when no id names a line; *bad (may be NULL)
 * points at the first unknown id. */
int inc_level_rule(const incident_content_t *c, const char *ids, const char **bad);

/* The procedure shown for a type and level after following `use` (NULL when there is none). */
const inc_plevel_t *inc_procedure(const incident_content_t *c, int type, int level);
/* The runbook a type and level call for, in order: the contact-tree step (playbooks with
 * contact_first, level >= 1), the procedure's steps, the reporting step (level >= its
 * min_level). Returns how many (at most max). */
int inc_runbook(const incident_content_t *c, int type, int level, const inc_step_t **out, int max);

/* ---- the records ---- */

#define INC_SHORT 121                /* a name or a short line: 120 bytes and the terminator */
#define INC_TITLE_CHARS 200          /* limits in characters, checked at the edge */
#define INC_TEXT_CHARS 20000         /* description, cause, measures */
#define INC_NOTE_CHARS 4000          /* a step's note, a timeline entry, the intake answers each */
#define INC_STEP_CHARS 1000          /* a step the company adds */
#define INC_MEASURES_MAX 20          /* measures (lines) closing turns into plan items */
#define INC_ASSETS_MAX 32
#define INC_IDS 400                  /* comma-separated ids: scopes, assets */
#define INC_TIME 17                  /* "YYYY-MM-DD HH:MM" Japan time */

typedef enum { INC_OPEN = 0, INC_CLOSED } inc_status_t;
/* What a stored row holds, as the store reads it back: the type (an unknown id, from a newer
 * mamoru or a hand edit, reads as "other") and the status ("closed", anything else is open). */
inc_type_t inc_type_stored(const char *s);
inc_status_t inc_status_stored(const char *s);
const char *inc_status_id(inc_status_t s); /* "open", "closed": the store, the audit log and the API */

/* An incident. The heap texts (description, intake, cause, measures) are never NULL after
 * incident_init; incident_clear frees them. */
typedef struct {
	int64_t id, org_id;
	int type, level;
	char scopes[INC_IDS];            /* the wizard's ticked lines, "" when the level was chosen */
	char title[INC_TITLE_CHARS * 4 + 1];
	char detected[INC_TIME];         /* when it was found, "" = not known */
	char reporter[INC_SHORT];        /* who found it */
	char assets[INC_IDS];            /* affected assets of the ledger: ids, comma-separated */
	char *description;
	char *intake;                    /* the intake sheet: JSON object {item id: answer} */
	inc_status_t status;
	char *cause, *measures;          /* asked when it is closed; measures one per line */
	char closed[32];
	char created_by[INC_SHORT];
	char created[32], updated[32];
} incident_t;

void incident_init(incident_t *x);
void incident_clear(incident_t *x);
/* Clears each of n incidents and frees the array. */
void incident_list_free(incident_t *x, int n);
/* Replaces a heap text with a copy of s. */
void inc_set_text(char **dst, const char *s);

/* One step of an incident's runbook as kept: the content's step (key) or the company's own. */
typedef struct {
	int64_t id, incident_id;
	int position;                    /* 1.. in the runbook's order */
	char key[40];                    /* content step id; "" = added by the company */
	char actor[INC_SHORT];           /* the company's own step: who */
	char *text;                      /* the company's own step: what ("" for content steps) */
	bool done;
	char done_by[INC_SHORT];
	char done_at[INC_TIME];
	char *note;
	char updated[32];
} inc_step_rec_t;

void inc_step_init(inc_step_rec_t *s);
void inc_step_clear(inc_step_rec_t *s);
void inc_steps_free(inc_step_rec_t *s, int n);

/* A timeline entry: what happened when, in the company's words (INC_EV_NOTE) or recorded by
 * mamoru, whose text is then data the pages put in words: opened "LEVEL" or "reopened", level
 * "BEFORE>AFTER", step "POSITION KEY", closed "PLANNED" (plan items made). */
typedef enum { INC_EV_NOTE = 0, INC_EV_OPENED, INC_EV_LEVEL, INC_EV_STEP, INC_EV_CLOSED, INC_EV_KINDS } inc_event_kind_t;
extern const char *const INC_EVENT_IDS[INC_EV_KINDS];
typedef struct {
	int64_t id, incident_id;
	char at[INC_TIME];
	inc_event_kind_t kind;
	char *text;
	char by[INC_SHORT];
	char created[32];
} inc_event_t;

void inc_event_init(inc_event_t *e);
void inc_events_free(inc_event_t *e, int n);

/* When a runbook changes (the level was decided again): the new runbook's steps in order, each
 * keeping the record it had (old index) or new (-1); then the old records worth keeping that it
 * no longer has — done, with a note, or the company's own — in their order. Old records not in
 * out are to be deleted (keep[i] false). Returns how many slots (at most max). */
typedef struct {
	int old;                         /* index into old, or -1 */
	const inc_step_t *step;          /* the content's step, NULL for a kept record the runbook lacks */
} inc_slot_t;
int inc_merge_steps(const inc_step_t *const *runbook, int n, const inc_step_rec_t *old, int nold, inc_slot_t *out, int max,
		    bool *keep);

/* True when id is one of the comma-separated ids in list. */
bool inc_list_has(const char *list, const char *id);

/* ---- the emergency manual and the IT-BCP checklist ---- */

#define INC_ROLES_MAX 8
#define INC_CONTACTS_CHARS 4000      /* the manual's other contacts */
typedef struct {
	char role[32];
	char name[INC_SHORT], phone[41], mail[255];
} inc_person_t;

typedef struct {
	inc_person_t people[INC_ROLES_MAX];
	int npeople;
	char contacts[INC_CONTACTS_CHARS * 4 + 1];   /* other contacts: the company's words */
	char reviewed[11];               /* YYYY-MM-DD, "" = never */
	char updated[32];                /* "" = never saved */
} inc_manual_t;

/* The person holding role id in m (NULL when none is named). */
const inc_person_t *inc_manual_person(const inc_manual_t *m, const char *role);

#define INC_BCP_NOTE_CHARS 1000
typedef struct {
	char step[32];
	char owner[INC_SHORT];
	bool done;
	char done_on[11];                /* YYYY-MM-DD */
	char note[INC_BCP_NOTE_CHARS * 4 + 1];
	char updated[32];
} inc_bcp_t;

#endif
