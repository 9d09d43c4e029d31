/*
 * pg_diag.c — diagnosis snapshots in PostgreSQL (store.h): one row in diagnoses, one per
 * answer and one per category, written in one transaction; triggers refuse any change
 * afterwards. The same rules as sqlite_diag.c.
 */
#include <assert.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/xalloc.h"
#include "store/pg_rows.h"
#include "store/pg_util.h"

static const char SQL_ADD[] = "INSERT INTO diagnoses (organization_id, questionnaire, content_version, round, scope, respondent, role, "
			      "pool, total, max, min, band_id, band_ja, band_en, created_at, risk_index, risk_group, size_band, "
			      "industry, profile, workspace_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
			      "$15, $16, $17, $18, $19, $20, $21) RETURNING id";
/* A snapshot's answers and categories, each set in one statement from a JSON array: one round
 * trip instead of one per row (a save was 1 + 25 + 4 of them). */
static const char SQL_ANS_ADD[] = "INSERT INTO diagnosis_answers (diagnosis_id, position, question, category, option, points, \"full\", "
				  "note) SELECT $1, (e.ord - 1)::integer, e.x->>'q', e.x->>'c', e.x->>'o', (e.x->>'p')::integer, "
				  "(e.x->>'f')::integer, e.x->>'n' FROM json_array_elements($2::json) WITH ORDINALITY AS e(x, ord)";
/* A category's titles are stored once (schema 19): the rows this content's words need are added
 * when missing, then the category rows name them by id. Two statements, not one with the
 * insert in a CTE: the second's snapshot, taken after the first, sees a title another server
 * committed meanwhile (ON CONFLICT waited for it), where the CTE's own snapshot would not. The
 * titles go in in one order so that two saves cannot wait on each other's. */
static const char SQL_TITLE_ADD[] = "INSERT INTO category_titles (category, title_ja, title_en) SELECT DISTINCT x->>'c', x->>'j', "
				    "x->>'e' FROM json_array_elements($1::json) AS e(x) ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING";
static const char SQL_CAT_ADD[] = "INSERT INTO diagnosis_categories (diagnosis_id, position, title_id, total, max) "
				  "SELECT $1, (e.ord - 1)::integer, t.id, (e.x->>'t')::integer, (e.x->>'m')::integer "
				  "FROM json_array_elements($2::json) WITH ORDINALITY AS e(x, ord) JOIN category_titles t "
				  "ON t.category = e.x->>'c' AND t.title_ja = e.x->>'j' AND t.title_en = e.x->>'e'";
/* A snapshot in one statement and one round trip (issue 19: it was three, with two count(*)
 * sub-queries, in a read transaction): the diagnosis row (kind 0), its answers (kind 1) and
 * categories (kind 2), each kind in its own columns, as in sqlite_diag.c. */
#define N5 "NULL, NULL, NULL, NULL, NULL"
#define N6 N5 ", NULL"
#define N21 N5 ", " N5 ", " N5 ", " N6
#define IN_WORKSPACE "EXISTS (SELECT 1 FROM diagnoses WHERE id = $1 AND workspace_id = $2)"
/* the first part names the children's column types: a UNION resolves them part by part, and two
 * untyped NULLs would make text of an integer column */
#define CHILD_TYPES "NULL::text, NULL::text, NULL::text, NULL::integer, NULL::integer, NULL::text, " \
		    "NULL::text, NULL::text, NULL::text, NULL::integer, NULL::integer"
static const char SQL_GET[] = "SELECT 0, 0, id, organization_id, questionnaire, content_version, round, scope, respondent, role, "
			      "pool, total, max, min, band_id, band_ja, band_en, created_at, risk_index, risk_group, size_band, "
			      "industry, profile, " CHILD_TYPES " FROM diagnoses WHERE id = $1 AND workspace_id = $2 "
			      "UNION ALL SELECT 1, position, " N21 ", question, category, option, points, \"full\", note, " N5
			      " FROM diagnosis_answers WHERE diagnosis_id = $1 AND " IN_WORKSPACE " "
			      "UNION ALL SELECT 2, c.position, " N21 ", " N6 ", t.category, t.title_ja, t.title_en, c.total, c.max "
			      "FROM diagnosis_categories c JOIN category_titles t ON t.id = c.title_id "
			      "WHERE c.diagnosis_id = $1 AND " IN_WORKSPACE;
static const char SQL_CAT_GET[] = "SELECT t.category, t.title_ja, t.title_en, c.total, c.max FROM diagnosis_categories c "
				  "JOIN category_titles t ON t.id = c.title_id WHERE c.diagnosis_id = $1 ORDER BY c.position";
static const char SQL_CREATED[] = "SELECT created_at FROM diagnoses WHERE id = $1 AND workspace_id = $2";
/* $2 NULL = every questionnaire, $3 0 = no upper id, $4 NULL = no limit; newest first */
static const char SQL_IDS[] = "SELECT id FROM diagnoses WHERE organization_id = $1 AND ($2::text IS NULL OR questionnaire = $2) "
			      "AND ($3::bigint = 0 OR id <= $3::bigint) AND workspace_id = $5 ORDER BY created_at COLLATE \"C\" DESC, id DESC LIMIT $4";

/* An organisation's latest result as its row keeps it (schema 21), as sqlite_diag.c: computed
 * again from its diagnoses but the one `skip` names, along diagnoses_by_date and
 * diagnoses_by_questionnaire_date. */
#define LATEST_SET(skip_l, skip_p) \
	"UPDATE organizations SET (latest_at, latest_score, latest_total, latest_band, latest_trend) = (SELECT l.created_at, " \
	"(l.total - l.min)::bigint * 1099511627776 / CASE WHEN l.max > l.min THEN l.max - l.min ELSE 1 END, l.total, l.band_id, " \
	"l.total - (SELECT p.total FROM diagnoses p WHERE p.organization_id = l.organization_id AND p.questionnaire = l.questionnaire " \
	"AND p.id < l.id" skip_p " ORDER BY p.created_at COLLATE \"C\" DESC, p.id DESC LIMIT 1) FROM diagnoses l " \
	"WHERE l.organization_id = organizations.id" skip_l " ORDER BY l.created_at COLLATE \"C\" DESC, l.id DESC LIMIT 1)"
/* After a save ($1 the organisation, $2 the workspace): the row is locked first, in a statement
 * of its own, so that the update's snapshot, taken once the lock is held, sees a diagnosis that
 * another transaction saved or deleted for the organisation meanwhile (read committed: a
 * statement that waits for a row lock still computes from the snapshot it started with). */
static const char SQL_LATEST_LOCK[] = "SELECT 1 FROM organizations WHERE id = $1 AND workspace_id = $2 FOR NO KEY UPDATE";
static const char SQL_LATEST[] = LATEST_SET("", "") " WHERE id = $1 AND workspace_id = $2";

/* As sqlite_diag.c: the snapshot's rows, its pool membership, the link it answered; its
 * organisation's latest result from the others, its row locked first as after a save. */
#define OF_DIAG "(SELECT id FROM diagnoses WHERE id = $1 AND workspace_id = $2)"
static const char *const SQL_DELETE[] = {
	"UPDATE plan_items SET diagnosis_id = NULL WHERE diagnosis_id = $1 AND workspace_id = $2",
	"DELETE FROM respondent_links WHERE diagnosis_id = $1 AND workspace_id = $2",
	"DELETE FROM pool_members WHERE diagnosis_id = " OF_DIAG,
	"DELETE FROM diagnosis_answers WHERE diagnosis_id = " OF_DIAG,
	"DELETE FROM diagnosis_categories WHERE diagnosis_id = " OF_DIAG,
	"SELECT 1 FROM organizations WHERE id = (SELECT organization_id FROM diagnoses WHERE id = $1 AND workspace_id = $2) "
	"AND workspace_id = $2 FOR NO KEY UPDATE",
	LATEST_SET(" AND l.id <> $1", " AND p.id <> $1")
	" WHERE id = (SELECT organization_id FROM diagnoses WHERE id = $1 AND workspace_id = $2) AND workspace_id = $2",
	"DELETE FROM diagnoses WHERE id = $1 AND workspace_id = $2",
};

static store_rc_t add_rows(pg_t *p, stored_diag_t *d)
{
	pg_args_t a = { 0 };
	pa_opt_int(&a, d->org_id > 0 ? d->org_id : -1);
	pa_text(&a, d->questionnaire);
	pa_text(&a, d->version);
	pa_text(&a, d->round);
	pa_text(&a, d->scope);
	pa_text(&a, d->respondent);
	pa_text_or_null(&a, role_id(d->role));
	pa_int(&a, d->pool);
	pa_int(&a, d->total);
	pa_int(&a, d->max);
	pa_int(&a, d->min);
	pa_text(&a, d->band_id);
	pa_text(&a, d->band_ja);
	pa_text(&a, d->band_en);
	pa_text(&a, d->created);
	pa_opt_int(&a, d->risk);
	pa_text(&a, d->risk_group);
	pa_text(&a, d->size_band);
	pa_text(&a, d->industry);
	pa_text(&a, d->profile);
	pa_int(&a, p->base.workspace);
	PGresult *r;
	store_rc_t rc = pg_one(p, SQL_ADD, &a, "diagnoses", &r);
	if (rc != STORE_OK)
		return rc;
	d->id = pg_col_int(r, 0, 0);
	PQclear(r);
	json_t *answers = json_array(), *cats = json_array();
	bool ok = true;
	for (int i = 0; i < d->nanswers; i++) {
		const sd_answer_t *x = &d->answers[i];
		json_t *o = json_pack("{s:s, s:s, s:o, s:i, s:i, s:s}", "q", x->question, "c", x->category, "o",
				      x->option[0] ? json_string(x->option) : json_null(), "p", x->points, "f", x->full, "n", x->note);
		ok &= o && json_array_append_new(answers, o) == 0;
	}
	for (int i = 0; i < d->ncats; i++) {
		const sd_category_t *c = &d->cats[i];
		json_t *o = json_pack("{s:s, s:s, s:s, s:i, s:i}", "c", c->id, "j", c->title_ja, "e", c->title_en, "t", c->total, "m", c->max);
		ok &= o && json_array_append_new(cats, o) == 0;
	}
	char *aj = ok ? json_dumps(answers, JSON_COMPACT) : NULL, *cj = ok ? json_dumps(cats, JSON_COMPACT) : NULL;
	json_decref(answers);
	json_decref(cats);
	if (!aj || !cj)
		rc = pg_failf(p, STORE_ERROR, "診断の行を書けません（文字が UTF-8 ではありません）", "cannot write the diagnosis's rows (text that is not UTF-8)");
	if (rc == STORE_OK) {
		pg_args_t b = { 0 };
		pa_int(&b, d->id);
		pa_text(&b, aj);
		rc = pg_do(p, SQL_ANS_ADD, &b, "diagnosis_answers", NULL);
	}
	if (rc == STORE_OK) {
		pg_args_t b = { 0 };
		pa_text(&b, cj);
		rc = pg_do(p, SQL_TITLE_ADD, &b, "category_titles", NULL);
	}
	long added = 0;
	if (rc == STORE_OK) {
		pg_args_t b = { 0 };
		pa_int(&b, d->id);
		pa_text(&b, cj);
		rc = pg_do(p, SQL_CAT_ADD, &b, "diagnosis_categories", &added);
	}
	if (rc == STORE_OK && added != d->ncats) /* never save a snapshot short of a category */
		rc = pg_failf(p, STORE_ERROR, "分類の見出しの行が %ld 件しか見つかりません（%d 件必要）",
			      "only %ld of the %d categories' title rows were found", added, d->ncats);
	free(aj);
	free(cj);
	return rc;
}

store_rc_t pg_diag_add(store_t *s, stored_diag_t *d)
{
	pg_t *p = PG(s);
	assert(d->created[0] && d->round[0]);
	bool own;
	store_rc_t rc = pg_write_begin(p, &own);
	if (rc != STORE_OK)
		return rc;
	rc = add_rows(p, d);
	if (rc == STORE_OK && d->org_id > 0) {
		pg_args_t a = { 0 };
		pa_int(&a, d->org_id);
		pa_int(&a, s->workspace);
		long changed;
		rc = pg_do(p, SQL_LATEST_LOCK, &a, "organizations", &changed);
		if (rc == STORE_OK)
			rc = pg_do(p, SQL_LATEST, &a, "organizations", &changed);
	}
	return pg_write_end(p, own, rc);
}

store_rc_t pg_diag_get(store_t *s, int64_t id, stored_diag_t **out)
{
	pg_t *p = PG(s);
	*out = NULL;
	pg_args_t a = { 0 };
	pa_int(&a, id);
	pa_int(&a, s->workspace);
	store_rc_t rc;
	PGresult *r = pg_run(p, SQL_GET, &a, "diagnoses", &rc);
	if (!r)
		return rc;
	/* the rows by kind: the record is made at its exact size, each child placed by position */
	int rows = PQntuples(r), head = -1, na = 0, nc = 0;
	for (int i = 0; i < rows; i++) {
		long long kind = pg_col_int(r, i, 0);
		if (kind == 0)
			head = i;
		na += kind == 1;
		nc += kind == 2;
	}
	if (head < 0) {
		PQclear(r);
		return STORE_NOT_FOUND;
	}
	if (na > MAX_ITEMS || nc > MAX_CATEGORIES) {
		PQclear(r);
		return pg_failf(p, STORE_ERROR, "診断 %lld の行数が多すぎます（回答 %d、分類 %d）",
				"diagnosis %lld has too many rows (%d answers, %d categories)", (long long)id, na, nc);
	}
	stored_diag_t *d = stored_diag_new(na, nc);
	d->id = pg_col_int(r, head, 2);
	d->org_id = pg_col_int(r, head, 3);
	pg_col_text(r, head, 4, d->questionnaire, sizeof d->questionnaire);
	pg_col_text(r, head, 5, d->version, sizeof d->version);
	pg_col_text(r, head, 6, d->round, sizeof d->round);
	pg_col_text(r, head, 7, d->scope, sizeof d->scope);
	pg_col_text(r, head, 8, d->respondent, sizeof d->respondent);
	char role[16];
	pg_col_text(r, head, 9, role, sizeof role);
	if (!role_parse(role, &d->role))
		d->role = ROLE_NONE;
	d->pool = pg_col_int(r, head, 10) != 0;
	d->total = (int)pg_col_int(r, head, 11);
	d->max = (int)pg_col_int(r, head, 12);
	d->min = (int)pg_col_int(r, head, 13);
	pg_col_text(r, head, 14, d->band_id, sizeof d->band_id);
	pg_col_text(r, head, 15, d->band_ja, sizeof d->band_ja);
	pg_col_text(r, head, 16, d->band_en, sizeof d->band_en);
	pg_col_text(r, head, 17, d->created, sizeof d->created);
	d->risk = (int)pg_col_opt_int(r, head, 18);
	pg_col_text(r, head, 19, d->risk_group, sizeof d->risk_group);
	pg_col_text(r, head, 20, d->size_band, sizeof d->size_band);
	pg_col_text(r, head, 21, d->industry, sizeof d->industry);
	pg_col_text(r, head, 22, d->profile, sizeof d->profile);
	/* positions 0 … n-1, each once (the primary key makes them unique) */
	bool ok = true;
	for (int i = 0; ok && i < rows; i++) {
		long long kind = pg_col_int(r, i, 0), pos = pg_col_int(r, i, 1);
		if (kind == 1 && (ok = pos >= 0 && pos < na)) {
			sd_answer_t *x = &d->answers[pos];
			pg_col_text(r, i, 23, x->question, sizeof x->question);
			pg_col_text(r, i, 24, x->category, sizeof x->category);
			pg_col_text(r, i, 25, x->option, sizeof x->option);
			x->points = (int)pg_col_int(r, i, 26);
			x->full = (int)pg_col_int(r, i, 27);
			stored_diag_set_note(d, (int)pos, PQgetvalue(r, i, 28));
		} else if (kind == 2 && (ok = pos >= 0 && pos < nc)) {
			sd_category_t *c = &d->cats[pos];
			pg_col_text(r, i, 29, c->id, sizeof c->id);
			pg_col_text(r, i, 30, c->title_ja, sizeof c->title_ja);
			pg_col_text(r, i, 31, c->title_en, sizeof c->title_en);
			c->total = (int)pg_col_int(r, i, 32);
			c->max = (int)pg_col_int(r, i, 33);
		}
	}
	PQclear(r);
	if (!ok) {
		stored_diag_free(d);
		return pg_failf(p, STORE_ERROR, "診断 %lld の回答・分類の行が壊れています", "diagnosis %lld has damaged answer or category rows",
				(long long)id);
	}
	*out = d;
	return STORE_OK;
}

store_rc_t pg_diag_ids(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max, int64_t **ids, int *n)
{
	*ids = NULL;
	*n = 0;
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_text_or_null(&a, questionnaire);
	pa_int(&a, upto > 0 ? upto : 0);
	pa_opt_int(&a, max > 0 ? max : -1);
	pa_int(&a, s->workspace);
	store_rc_t rc;
	PGresult *r = pg_run(PG(s), SQL_IDS, &a, "diagnoses", &rc);
	if (!r)
		return rc;
	int count = PQntuples(r);
	int64_t *list = xmalloc((size_t)(count ? count : 1) * sizeof *list);
	for (int i = 0; i < count; i++) /* oldest first */
		list[count - 1 - i] = pg_col_int(r, i, 0);
	PQclear(r);
	*ids = list;
	*n = count;
	return STORE_OK;
}

store_rc_t pg_diag_delete(store_t *s, int64_t id)
{
	return pg_delete(PG(s), SQL_DELETE, (int)(sizeof SQL_DELETE / sizeof *SQL_DELETE), id);
}

store_rc_t pg_diag_created(store_t *s, int64_t id, char *out, size_t size)
{
	pg_args_t a = { 0 };
	pa_int(&a, id);
	pa_int(&a, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_CREATED, &a, "diagnoses", &r);
	if (rc == STORE_OK) {
		pg_col_text(r, 0, 0, out, size);
		PQclear(r);
	}
	return rc;
}

/* Summary rows (issue 19), as sqlite_diag.c: the columns a list shows, never the answers; a
 * plain range on diagnoses_by_org for pages, an equality on diagnoses_by_round for a round. */
#define SUMMARY_COLS "SELECT id, questionnaire, content_version, round, scope, respondent, role, total, max, min, band_id, " \
		     "band_ja, band_en, created_at FROM diagnoses "
static const char SQL_SUM_DESC[] = SUMMARY_COLS "WHERE organization_id = $1 AND workspace_id = $2 AND ($3::text IS NULL OR questionnaire = $3) "
				   "AND ($4::text IS NULL OR scope = $4) AND id < $5 AND id > $6 ORDER BY id DESC LIMIT $7";
static const char SQL_SUM_ASC[] = SUMMARY_COLS "WHERE organization_id = $1 AND workspace_id = $2 AND ($3::text IS NULL OR questionnaire = $3) "
				  "AND ($4::text IS NULL OR scope = $4) AND id < $5 AND id > $6 ORDER BY id ASC LIMIT $7";
static const char SQL_SUM_ROUND[] = SUMMARY_COLS "WHERE organization_id = $1 AND workspace_id = $2 AND questionnaire = $3 AND round = $8 "
				    "AND ($4::text IS NULL OR scope = $4) AND id < $5 AND id > $6 ORDER BY id DESC LIMIT $7";

store_rc_t pg_diag_summaries(store_t *s, const diag_query_t *dq, diag_summary_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	bool by_round = dq->round && dq->questionnaire;
	pg_args_t a = { 0 };
	pa_int(&a, dq->org_id);
	pa_int(&a, s->workspace);
	pa_text_or_null(&a, dq->questionnaire);
	pa_text_or_null(&a, dq->scope);
	pa_int(&a, dq->before > 0 ? dq->before : INT64_MAX);
	pa_int(&a, dq->after > 0 ? dq->after : 0);
	pa_opt_int(&a, dq->limit > 0 ? dq->limit : -1);
	if (by_round)
		pa_text(&a, dq->round);
	store_rc_t rc;
	PGresult *r = pg_run(PG(s), by_round ? SQL_SUM_ROUND : dq->after > 0 ? SQL_SUM_ASC : SQL_SUM_DESC, &a, "diagnoses", &rc);
	if (!r)
		return rc;
	int count = PQntuples(r);
	diag_summary_t *list = xcalloc((size_t)(count ? count : 1), sizeof *list);
	for (int i = 0; i < count; i++) {
		diag_summary_t *d = &list[i];
		d->id = pg_col_int(r, i, 0);
		pg_col_text(r, i, 1, d->questionnaire, sizeof d->questionnaire);
		pg_col_text(r, i, 2, d->version, sizeof d->version);
		pg_col_text(r, i, 3, d->round, sizeof d->round);
		pg_col_text(r, i, 4, d->scope, sizeof d->scope);
		pg_col_text(r, i, 5, d->respondent, sizeof d->respondent);
		char role[16];
		pg_col_text(r, i, 6, role, sizeof role);
		if (!role_parse(role, &d->role))
			d->role = ROLE_NONE;
		d->total = (int)pg_col_int(r, i, 7);
		d->max = (int)pg_col_int(r, i, 8);
		d->min = (int)pg_col_int(r, i, 9);
		pg_col_text(r, i, 10, d->band_id, sizeof d->band_id);
		pg_col_text(r, i, 11, d->band_ja, sizeof d->band_ja);
		pg_col_text(r, i, 12, d->band_en, sizeof d->band_en);
		pg_col_text(r, i, 13, d->created, sizeof d->created);
	}
	PQclear(r);
	*out = list;
	*n = count;
	return STORE_OK;
}

store_rc_t pg_diag_cats(store_t *s, int64_t id, sd_category_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	pg_args_t a = { 0 };
	pa_int(&a, id);
	store_rc_t rc;
	PGresult *r = pg_run(PG(s), SQL_CAT_GET, &a, "diagnosis_categories", &rc);
	if (!r)
		return rc;
	int count = PQntuples(r);
	if (count > MAX_CATEGORIES) {
		PQclear(r);
		return pg_fail(PG(s), STORE_ERROR, "diagnosis_categories");
	}
	sd_category_t *cats = xcalloc((size_t)(count ? count : 1), sizeof *cats);
	for (int k = 0; k < count; k++) {
		sd_category_t *c = &cats[k];
		pg_col_text(r, k, 0, c->id, sizeof c->id);
		pg_col_text(r, k, 1, c->title_ja, sizeof c->title_ja);
		pg_col_text(r, k, 2, c->title_en, sizeof c->title_en);
		c->total = (int)pg_col_int(r, k, 3);
		c->max = (int)pg_col_int(r, k, 4);
	}
	PQclear(r);
	*out = cats;
	*n = count;
	return STORE_OK;
}
