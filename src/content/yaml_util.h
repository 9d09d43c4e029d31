/*
 * yaml_util.h — the content loader's helpers (defined in yaml_util.c), shared by loader.c
 * (questionnaires, measures, answer sets, UI strings, industries), profile.c (the company
 * profile) and knowledge.c (scenarios, cases, threats, costs): reading typed values from a
 * libyaml document and reporting each problem as an err_t (loader.h: the file's name relative to
 * the content folder, its line, the message in Japanese and in English).
 * At the end, the file loaders of profile.c and knowledge.c that loader.c calls; yaml_util.c
 * calls none of them.
 */
#ifndef MAMORU_CONTENT_YAML_UTIL_H
#define MAMORU_CONTENT_YAML_UTIL_H

#include <yaml.h>

#include "content/loader.h"

typedef struct {
	const char *file;   /* the path read: the content folder, "/", name */
	const char *name;   /* the file relative to the content folder: its errors' field */
	yaml_document_t doc;
	content_t *c;
	load_errors_t *errs;
} ctx_t;

typedef void (*file_fn)(ctx_t *, yaml_node_t *);

/* Adds a problem at line of name (relative to the content folder) to errs: ja and en are printf
 * formats over the same arguments (the compiler checks both; "%.0s" skips a string argument
 * that one language does not show). */
void yl_fail_at(load_errors_t *errs, const char *name, int line, const char *ja, const char *en, ...)
	ERR_FORMAT2(4, 5, 6);
/* The same at node n of the file being read (line 1 when n is NULL). */
void yl_fail(ctx_t *x, const yaml_node_t *n, const char *ja, const char *en, ...) ERR_FORMAT2(3, 4, 5);
yaml_node_t *yl_node(ctx_t *x, int id);
const char *yl_scalar(const yaml_node_t *n);
yaml_node_t *yl_get(ctx_t *x, yaml_node_t *map, const char *key);
/* Reports keys of map not in allowed (NULL-terminated) and keys given twice. */
bool yl_check_map(ctx_t *x, yaml_node_t *map, const char *what, const char *const *allowed);
const char *yl_get_str(ctx_t *x, yaml_node_t *map, const char *key, bool required);
bool yl_get_int(ctx_t *x, yaml_node_t *map, const char *key, bool required, int *out);
bool yl_get_bool(ctx_t *x, yaml_node_t *map, const char *key);
mtext_t yl_get_text(ctx_t *x, yaml_node_t *map, const char *key, bool required);
/* What users see as an item's source: doc (the file's optional "document", the document's name)
 * and the item's optional "section" (a string, or {ja, en} when it needs translating), as
 * 「DOC SECTION」 and "DOC, SECTION". Empty ({0}) when doc is; a section without a document is an
 * error. The "source" fields with seed and line numbers stay for maintainers. */
mtext_t yl_get_cite(ctx_t *x, yaml_node_t *map, const mtext_t *doc);
const char *yl_get_id(ctx_t *x, yaml_node_t *map, const char *key);
yaml_node_item_t *yl_get_seq(ctx_t *x, yaml_node_t *map, const char *key, bool required, int *n);
bool yl_check_limit(ctx_t *x, yaml_node_t *at, const char *what, int n, int max);
/* Reports ids[n-1] when it appeared before in ids[0..n-1). */
void yl_check_dup(ctx_t *x, yaml_node_t *at, const char *what, const char **ids, int n);
int yl_find_cat(const category_t *cats, int n, const char *id);
/* Parses x->file into x->doc; false (after reporting why, under x->name) when it cannot. */
bool yl_open_doc(ctx_t *x);
/* Reads dir/name with fn; name is relative to the content folder dir. */
void yl_load_file(content_t *c, load_errors_t *errs, const char *dir, const char *name, file_fn fn);

/* ---- file loaders called by loader.c ---- */

/* profile.c */
void load_profile(ctx_t *x, yaml_node_t *root);

/* passwords.c */
void load_common_passwords(ctx_t *x, yaml_node_t *root);

/* knowledge.c */
void load_knowledge(content_t *c, load_errors_t *errs, const char *dir);

/* actions.c: content/actions.yaml, the handbook's 「すぐやろう」 actions linked to the questions */
void load_actions(ctx_t *x, yaml_node_t *root);
/* secaction.c: content/security-action.yaml, SECURITY ACTION and the basic policy's draft */
void load_secaction(ctx_t *x, yaml_node_t *root);
/* synonyms.c: content/search-synonyms.yaml, the spelling variants search treats as one */
void load_synonyms(ctx_t *x, yaml_node_t *root);
/* clauses.c: content/contractor-clauses.yaml, the example confidentiality clauses */
void load_clauses(ctx_t *x, yaml_node_t *root);

/* ledger.c: content/risk.yaml (the ledger's columns, C/I/A, importance, the risk matrix) and
 * content/asset-examples.yaml (the seed's example ledger and the industry starter lists) */
void load_risk(ctx_t *x, yaml_node_t *root);
void load_asset_examples(ctx_t *x, yaml_node_t *root);

/* incident.c: content/incident.yaml, incident response (the Tokyo handbook's Mission 4) */
void load_incident(ctx_t *x, yaml_node_t *root);

#endif
