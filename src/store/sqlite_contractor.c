/*
 * sqlite_contractor.c — contractors, the requirement items sent to them and cloud services in
 * SQLite (store.h). Every statement is limited to the store's workspace. A request's answers are
 * the diagnosis its respondent link recorded, read through the link (gone with the link, as when
 * that diagnosis is deleted).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite_util.h"
#include "store/sqlite_rows.h"

#define CT_COLS "id, organization_id, name, contact, handles, contract_start, contract_end, review_due, note, created_at, updated_at"
static const char SQL_CT_ADD[] = "INSERT INTO contractors (workspace_id, organization_id, name, contact, handles, contract_start, "
				 "contract_end, review_due, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_CT_UPDATE[] = "UPDATE contractors SET name = ?, contact = ?, handles = ?, contract_start = ?, contract_end = ?, "
				    "review_due = ?, note = ?, updated_at = ? WHERE id = ? AND workspace_id = ?";
static const char SQL_CT_GET[] = "SELECT " CT_COLS " FROM contractors WHERE id = ? AND workspace_id = ?";
static const char SQL_CT_LIST[] = "SELECT " CT_COLS " FROM contractors WHERE organization_id = ? AND workspace_id = ? ORDER BY id";
static const char *const SQL_CT_DELETE[] = {
	("DELETE FROM respondent_links WHERE diagnosis_id IS NULL AND workspace_id = ?2 AND hash IN "
	 "(SELECT link_hash FROM contractor_requests WHERE contractor_id = ?1 AND workspace_id = ?2)"),
	"DELETE FROM contractor_requests WHERE contractor_id = ?1 AND workspace_id = ?2",
	"DELETE FROM contractors WHERE id = ?1 AND workspace_id = ?2",
};

#define RQ_COLS "r.id, r.contractor_id, r.organization_id, r.items, r.link_hash, r.created_at, coalesce(l.expires_at, 0), " \
		"coalesce(l.diagnosis_id, 0), r.reviewed_by, r.reviewed_at, r.review_note"
#define RQ_FROM " FROM contractor_requests r LEFT JOIN respondent_links l ON l.hash = r.link_hash AND l.workspace_id = r.workspace_id "
static const char SQL_RQ_ADD[] = "INSERT INTO contractor_requests (workspace_id, contractor_id, organization_id, items, link_hash, created_at) "
				 "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM contractors WHERE id = ?2 AND organization_id = ?3 "
				 "AND workspace_id = ?1)";
static const char SQL_RQ_GET[] = "SELECT " RQ_COLS RQ_FROM "WHERE r.id = ? AND r.workspace_id = ?";
static const char SQL_RQ_BY_LINK[] = "SELECT " RQ_COLS RQ_FROM "WHERE r.link_hash = ? AND r.workspace_id = ?";
static const char SQL_RQ_LIST[] = "SELECT " RQ_COLS RQ_FROM "WHERE r.contractor_id = ? AND r.workspace_id = ? ORDER BY r.id";
static const char SQL_RQ_REVIEW[] = "UPDATE contractor_requests SET reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE id = ? AND workspace_id = ?";

#define CS_COLS "id, organization_id, name, provider, purpose, review_due, coalesce(diagnosis_id, 0), checked_at, created_at, updated_at"
static const char SQL_CS_ADD[] = "INSERT INTO cloud_services (workspace_id, organization_id, name, provider, purpose, review_due, "
				 "diagnosis_id, checked_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_CS_UPDATE[] = "UPDATE cloud_services SET name = ?, provider = ?, purpose = ?, review_due = ?, diagnosis_id = ?, "
				    "checked_at = ?, updated_at = ? WHERE id = ? AND workspace_id = ?";
static const char SQL_CS_GET[] = "SELECT " CS_COLS " FROM cloud_services WHERE id = ? AND workspace_id = ?";
static const char SQL_CS_LIST[] = "SELECT " CS_COLS " FROM cloud_services WHERE organization_id = ? AND workspace_id = ? ORDER BY id";
static const char SQL_CS_DELETE[] = "DELETE FROM cloud_services WHERE id = ?1 AND workspace_id = ?2";

/* Steps a list query, reading each row with read into a growing array of size-byte records. */
static store_rc_t read_all(sq_t *q, sqlite3_stmt *st, void (*read)(sqlite3_stmt *, void *), size_t size, void **out, int *n,
			   const char *what)
{
	int rc, cap = 0;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xrealloc(*out, (size_t)cap * size);
		}
		read(st, (char *)*out + (size_t)(*n)++ * size);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return sq_fail(q, STORE_ERROR, what);
	}
	return STORE_OK;
}

/* ---- contractors ---- */

static void read_ct(sqlite3_stmt *st, void *p)
{
	contractor_t *c = p;
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	c->org_id = sqlite3_column_int64(st, 1);
	sq_col_text(st, 2, c->name, sizeof c->name);
	sq_col_text(st, 3, c->contact, sizeof c->contact);
	sq_col_text(st, 4, c->handles, sizeof c->handles);
	sq_col_text(st, 5, c->contract_start, sizeof c->contract_start);
	sq_col_text(st, 6, c->contract_end, sizeof c->contract_end);
	sq_col_text(st, 7, c->review_due, sizeof c->review_due);
	sq_col_text(st, 8, c->note, sizeof c->note);
	sq_col_text(st, 9, c->created, sizeof c->created);
	sq_col_text(st, 10, c->updated, sizeof c->updated);
}

store_rc_t sq_contractor_add(store_t *s, contractor_t *c)
{
	sq_t *q = SQ(s);
	assert(c->created[0] && c->updated[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_CT_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, s->workspace);
	sqlite3_bind_int64(st, 2, c->org_id);
	sq_bind_text(st, 3, c->name, false);
	sq_bind_text(st, 4, c->contact, false);
	sq_bind_text(st, 5, c->handles, false);
	sq_bind_text(st, 6, c->contract_start, false);
	sq_bind_text(st, 7, c->contract_end, false);
	sq_bind_text(st, 8, c->review_due, false);
	sq_bind_text(st, 9, c->note, false);
	sq_bind_text(st, 10, c->created, false);
	sq_bind_text(st, 11, c->updated, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK)
		c->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

store_rc_t sq_contractor_update(store_t *s, const contractor_t *c)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_CT_UPDATE);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, c->name, false);
	sq_bind_text(st, 2, c->contact, false);
	sq_bind_text(st, 3, c->handles, false);
	sq_bind_text(st, 4, c->contract_start, false);
	sq_bind_text(st, 5, c->contract_end, false);
	sq_bind_text(st, 6, c->review_due, false);
	sq_bind_text(st, 7, c->note, false);
	sq_bind_text(st, 8, c->updated, false);
	sqlite3_bind_int64(st, 9, c->id);
	sqlite3_bind_int64(st, 10, s->workspace);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

store_rc_t sq_contractor_get(store_t *s, int64_t id, contractor_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_CT_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "contractors");
	if (rc == STORE_OK) {
		read_ct(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_contractor_list(store_t *s, int64_t org_id, contractor_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_CT_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	return read_all(q, st, read_ct, sizeof **out, (void **)out, n, "contractors");
}

store_rc_t sq_contractor_delete(store_t *s, int64_t id)
{
	return sq_delete(SQ(s), SQL_CT_DELETE, 3, id);
}

/* ---- requests ---- */

static void read_rq(sqlite3_stmt *st, void *p)
{
	ct_request_t *r = p;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->contractor_id = sqlite3_column_int64(st, 1);
	r->org_id = sqlite3_column_int64(st, 2);
	sq_col_text(st, 3, r->items, sizeof r->items);
	sq_col_text(st, 4, r->link_hash, sizeof r->link_hash);
	sq_col_text(st, 5, r->created, sizeof r->created);
	r->expires = sqlite3_column_int64(st, 6);
	r->diagnosis_id = sqlite3_column_int64(st, 7);
	sq_col_text(st, 8, r->reviewed_by, sizeof r->reviewed_by);
	sq_col_text(st, 9, r->reviewed_at, sizeof r->reviewed_at);
	sq_col_text(st, 10, r->review_note, sizeof r->review_note);
}

store_rc_t sq_ctreq_add(store_t *s, ct_request_t *r)
{
	sq_t *q = SQ(s);
	assert(r->created[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_RQ_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, s->workspace);
	sqlite3_bind_int64(st, 2, r->contractor_id);
	sqlite3_bind_int64(st, 3, r->org_id);
	sq_bind_text(st, 4, r->items, false);
	sq_bind_text(st, 5, r->link_hash, false);
	sq_bind_text(st, 6, r->created, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK && sqlite3_changes(q->db) == 0)
		return STORE_NOT_FOUND; /* no such contractor of that organisation in the workspace */
	if (rc == STORE_OK)
		r->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

static store_rc_t get_rq(store_t *s, const char *sql, int64_t id, const char *hash, ct_request_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, sql);
	if (!st)
		return STORE_ERROR;
	if (hash)
		sq_bind_text(st, 1, hash, false);
	else
		sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "contractor_requests");
	if (rc == STORE_OK) {
		read_rq(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_ctreq_get(store_t *s, int64_t id, ct_request_t *out)
{
	return get_rq(s, SQL_RQ_GET, id, NULL, out);
}

store_rc_t sq_ctreq_by_link(store_t *s, const char *link_hash, ct_request_t *out)
{
	return get_rq(s, SQL_RQ_BY_LINK, 0, link_hash, out);
}

store_rc_t sq_ctreq_list(store_t *s, int64_t contractor_id, ct_request_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_RQ_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, contractor_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	return read_all(q, st, read_rq, sizeof **out, (void **)out, n, "contractor_requests");
}

store_rc_t sq_ctreq_review(store_t *s, const ct_request_t *r)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_RQ_REVIEW);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, r->reviewed_by, false);
	sq_bind_text(st, 2, r->reviewed_at, false);
	sq_bind_text(st, 3, r->review_note, false);
	sqlite3_bind_int64(st, 4, r->id);
	sqlite3_bind_int64(st, 5, s->workspace);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

/* ---- cloud services ---- */

static void read_cs(sqlite3_stmt *st, void *p)
{
	cloud_service_t *c = p;
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	c->org_id = sqlite3_column_int64(st, 1);
	sq_col_text(st, 2, c->name, sizeof c->name);
	sq_col_text(st, 3, c->provider, sizeof c->provider);
	sq_col_text(st, 4, c->purpose, sizeof c->purpose);
	sq_col_text(st, 5, c->review_due, sizeof c->review_due);
	c->diagnosis_id = sqlite3_column_int64(st, 6);
	sq_col_text(st, 7, c->checked, sizeof c->checked);
	sq_col_text(st, 8, c->created, sizeof c->created);
	sq_col_text(st, 9, c->updated, sizeof c->updated);
}

store_rc_t sq_cloud_add(store_t *s, cloud_service_t *c)
{
	sq_t *q = SQ(s);
	assert(c->created[0] && c->updated[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_CS_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, s->workspace);
	sqlite3_bind_int64(st, 2, c->org_id);
	sq_bind_text(st, 3, c->name, false);
	sq_bind_text(st, 4, c->provider, false);
	sq_bind_text(st, 5, c->purpose, false);
	sq_bind_text(st, 6, c->review_due, false);
	sq_bind_opt_int(st, 7, c->diagnosis_id > 0 ? c->diagnosis_id : -1);
	sq_bind_text(st, 8, c->checked, false);
	sq_bind_text(st, 9, c->created, false);
	sq_bind_text(st, 10, c->updated, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK)
		c->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

store_rc_t sq_cloud_update(store_t *s, const cloud_service_t *c)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_CS_UPDATE);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, c->name, false);
	sq_bind_text(st, 2, c->provider, false);
	sq_bind_text(st, 3, c->purpose, false);
	sq_bind_text(st, 4, c->review_due, false);
	sq_bind_opt_int(st, 5, c->diagnosis_id > 0 ? c->diagnosis_id : -1);
	sq_bind_text(st, 6, c->checked, false);
	sq_bind_text(st, 7, c->updated, false);
	sqlite3_bind_int64(st, 8, c->id);
	sqlite3_bind_int64(st, 9, s->workspace);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

store_rc_t sq_cloud_get(store_t *s, int64_t id, cloud_service_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_CS_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "cloud_services");
	if (rc == STORE_OK) {
		read_cs(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_cloud_list(store_t *s, int64_t org_id, cloud_service_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_CS_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	return read_all(q, st, read_cs, sizeof **out, (void **)out, n, "cloud_services");
}

store_rc_t sq_cloud_delete(store_t *s, int64_t id)
{
	static const char *const SQLS[] = { SQL_CS_DELETE };
	return sq_delete(SQ(s), SQLS, 1, id);
}
