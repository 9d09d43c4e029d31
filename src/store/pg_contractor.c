/*
 * pg_contractor.c — contractors, the requirement items sent to them and cloud services in
 * PostgreSQL (store.h), as sqlite_contractor.c does it in SQLite: every statement limited to the
 * store's workspace, a request's answers read through its respondent link.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/pg_rows.h"
#include "store/pg_util.h"

#define CT_COLS "id, organization_id, name, contact, handles, contract_start, contract_end, review_due, note, created_at, updated_at"
static const char SQL_CT_ADD[] = "INSERT INTO contractors (workspace_id, organization_id, name, contact, handles, contract_start, "
				 "contract_end, review_due, note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
				 "RETURNING id";
static const char SQL_CT_UPDATE[] = "UPDATE contractors SET name = $1, contact = $2, handles = $3, contract_start = $4, contract_end = $5, "
				    "review_due = $6, note = $7, updated_at = $8 WHERE id = $9 AND workspace_id = $10";
static const char SQL_CT_GET[] = "SELECT " CT_COLS " FROM contractors WHERE id = $1 AND workspace_id = $2";
static const char SQL_CT_LIST[] = "SELECT " CT_COLS " FROM contractors WHERE organization_id = $1 AND workspace_id = $2 ORDER BY id";
static const char *const SQL_CT_DELETE[] = {
	("DELETE FROM respondent_links WHERE diagnosis_id IS NULL AND workspace_id = $2 AND hash IN "
	 "(SELECT link_hash FROM contractor_requests WHERE contractor_id = $1 AND workspace_id = $2)"),
	"DELETE FROM contractor_requests WHERE contractor_id = $1 AND workspace_id = $2",
	"DELETE FROM contractors WHERE id = $1 AND workspace_id = $2",
};

#define RQ_COLS "r.id, r.contractor_id, r.organization_id, r.items, r.link_hash, r.created_at, coalesce(l.expires_at, 0), " \
		"coalesce(l.diagnosis_id, 0), r.reviewed_by, r.reviewed_at, r.review_note"
#define RQ_FROM " FROM contractor_requests r LEFT JOIN respondent_links l ON l.hash = r.link_hash AND l.workspace_id = r.workspace_id "
static const char SQL_RQ_ADD[] = "INSERT INTO contractor_requests (workspace_id, contractor_id, organization_id, items, link_hash, created_at) "
				 "SELECT $1::bigint, $2::bigint, $3::bigint, $4::text, $5::text, $6::text WHERE EXISTS "
				 "(SELECT 1 FROM contractors WHERE id = $2 AND organization_id = $3 AND workspace_id = $1) RETURNING id";
static const char SQL_RQ_GET[] = "SELECT " RQ_COLS RQ_FROM "WHERE r.id = $1 AND r.workspace_id = $2";
static const char SQL_RQ_BY_LINK[] = "SELECT " RQ_COLS RQ_FROM "WHERE r.link_hash = $1 AND r.workspace_id = $2";
static const char SQL_RQ_LIST[] = "SELECT " RQ_COLS RQ_FROM "WHERE r.contractor_id = $1 AND r.workspace_id = $2 ORDER BY r.id";
static const char SQL_RQ_REVIEW[] = "UPDATE contractor_requests SET reviewed_by = $1, reviewed_at = $2, review_note = $3 "
				    "WHERE id = $4 AND workspace_id = $5";

#define CS_COLS "id, organization_id, name, provider, purpose, review_due, coalesce(diagnosis_id, 0), checked_at, created_at, updated_at"
static const char SQL_CS_ADD[] = "INSERT INTO cloud_services (workspace_id, organization_id, name, provider, purpose, review_due, "
				 "diagnosis_id, checked_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
static const char SQL_CS_UPDATE[] = "UPDATE cloud_services SET name = $1, provider = $2, purpose = $3, review_due = $4, diagnosis_id = $5, "
				    "checked_at = $6, updated_at = $7 WHERE id = $8 AND workspace_id = $9";
static const char SQL_CS_GET[] = "SELECT " CS_COLS " FROM cloud_services WHERE id = $1 AND workspace_id = $2";
static const char SQL_CS_LIST[] = "SELECT " CS_COLS " FROM cloud_services WHERE organization_id = $1 AND workspace_id = $2 ORDER BY id";
static const char SQL_CS_DELETE[] = "DELETE FROM cloud_services WHERE id = $1 AND workspace_id = $2";

/* Runs a list query and reads each row with read into an array of size-byte records. */
static store_rc_t read_all(store_t *s, const char *sql, const pg_args_t *a, void (*read)(const PGresult *, int, void *), size_t size,
			   void **out, int *n, const char *what)
{
	*out = NULL;
	*n = 0;
	store_rc_t rc;
	PGresult *r = pg_run(PG(s), sql, a, what, &rc);
	if (!r)
		return rc;
	int count = PQntuples(r);
	if (count) {
		*out = xmalloc((size_t)count * size);
		for (int i = 0; i < count; i++)
			read(r, i, (char *)*out + (size_t)i * size);
	}
	*n = count;
	PQclear(r);
	return STORE_OK;
}

static store_rc_t get_one(store_t *s, const char *sql, const pg_args_t *a, void (*read)(const PGresult *, int, void *), void *out,
			  const char *what)
{
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), sql, a, what, &r);
	if (rc == STORE_OK) {
		read(r, 0, out);
		PQclear(r);
	}
	return rc;
}

static store_rc_t changed_one(store_t *s, const char *sql, const pg_args_t *a, const char *what)
{
	long changed;
	store_rc_t rc = pg_do(PG(s), sql, a, what, &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

/* ---- contractors ---- */

static void read_ct(const PGresult *r, int row, void *p)
{
	contractor_t *c = p;
	memset(c, 0, sizeof *c);
	c->id = pg_col_int(r, row, 0);
	c->org_id = pg_col_int(r, row, 1);
	pg_col_text(r, row, 2, c->name, sizeof c->name);
	pg_col_text(r, row, 3, c->contact, sizeof c->contact);
	pg_col_text(r, row, 4, c->handles, sizeof c->handles);
	pg_col_text(r, row, 5, c->contract_start, sizeof c->contract_start);
	pg_col_text(r, row, 6, c->contract_end, sizeof c->contract_end);
	pg_col_text(r, row, 7, c->review_due, sizeof c->review_due);
	pg_col_text(r, row, 8, c->note, sizeof c->note);
	pg_col_text(r, row, 9, c->created, sizeof c->created);
	pg_col_text(r, row, 10, c->updated, sizeof c->updated);
}

store_rc_t pg_contractor_add(store_t *s, contractor_t *c)
{
	assert(c->created[0] && c->updated[0]);
	pg_args_t a = { 0 };
	pa_int(&a, s->workspace);
	pa_int(&a, c->org_id);
	pa_text(&a, c->name);
	pa_text(&a, c->contact);
	pa_text(&a, c->handles);
	pa_text(&a, c->contract_start);
	pa_text(&a, c->contract_end);
	pa_text(&a, c->review_due);
	pa_text(&a, c->note);
	pa_text(&a, c->created);
	pa_text(&a, c->updated);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_CT_ADD, &a, "contractors", &r);
	if (rc == STORE_OK) {
		c->id = pg_col_int(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_contractor_update(store_t *s, const contractor_t *c)
{
	pg_args_t a = { 0 };
	pa_text(&a, c->name);
	pa_text(&a, c->contact);
	pa_text(&a, c->handles);
	pa_text(&a, c->contract_start);
	pa_text(&a, c->contract_end);
	pa_text(&a, c->review_due);
	pa_text(&a, c->note);
	pa_text(&a, c->updated);
	pa_int(&a, c->id);
	pa_int(&a, s->workspace);
	return changed_one(s, SQL_CT_UPDATE, &a, "contractors");
}

store_rc_t pg_contractor_get(store_t *s, int64_t id, contractor_t *out)
{
	pg_args_t a = { 0 };
	pa_int(&a, id);
	pa_int(&a, s->workspace);
	return get_one(s, SQL_CT_GET, &a, read_ct, out, "contractors");
}

store_rc_t pg_contractor_list(store_t *s, int64_t org_id, contractor_t **out, int *n)
{
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_int(&a, s->workspace);
	return read_all(s, SQL_CT_LIST, &a, read_ct, sizeof **out, (void **)out, n, "contractors");
}

store_rc_t pg_contractor_delete(store_t *s, int64_t id)
{
	return pg_delete(PG(s), SQL_CT_DELETE, 3, id);
}

/* ---- requests ---- */

static void read_rq(const PGresult *r, int row, void *p)
{
	ct_request_t *q = p;
	memset(q, 0, sizeof *q);
	q->id = pg_col_int(r, row, 0);
	q->contractor_id = pg_col_int(r, row, 1);
	q->org_id = pg_col_int(r, row, 2);
	pg_col_text(r, row, 3, q->items, sizeof q->items);
	pg_col_text(r, row, 4, q->link_hash, sizeof q->link_hash);
	pg_col_text(r, row, 5, q->created, sizeof q->created);
	q->expires = pg_col_int(r, row, 6);
	q->diagnosis_id = pg_col_int(r, row, 7);
	pg_col_text(r, row, 8, q->reviewed_by, sizeof q->reviewed_by);
	pg_col_text(r, row, 9, q->reviewed_at, sizeof q->reviewed_at);
	pg_col_text(r, row, 10, q->review_note, sizeof q->review_note);
}

store_rc_t pg_ctreq_add(store_t *s, ct_request_t *q)
{
	assert(q->created[0]);
	pg_args_t a = { 0 };
	pa_int(&a, s->workspace);
	pa_int(&a, q->contractor_id);
	pa_int(&a, q->org_id);
	pa_text(&a, q->items);
	pa_text(&a, q->link_hash);
	pa_text(&a, q->created);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_RQ_ADD, &a, "contractor_requests", &r);
	if (rc == STORE_OK) {
		q->id = pg_col_int(r, 0, 0);
		PQclear(r);
	}
	return rc; /* STORE_NOT_FOUND: no such contractor of that organisation in the workspace */
}

store_rc_t pg_ctreq_get(store_t *s, int64_t id, ct_request_t *out)
{
	pg_args_t a = { 0 };
	pa_int(&a, id);
	pa_int(&a, s->workspace);
	return get_one(s, SQL_RQ_GET, &a, read_rq, out, "contractor_requests");
}

store_rc_t pg_ctreq_by_link(store_t *s, const char *link_hash, ct_request_t *out)
{
	pg_args_t a = { 0 };
	pa_text(&a, link_hash);
	pa_int(&a, s->workspace);
	return get_one(s, SQL_RQ_BY_LINK, &a, read_rq, out, "contractor_requests");
}

store_rc_t pg_ctreq_list(store_t *s, int64_t contractor_id, ct_request_t **out, int *n)
{
	pg_args_t a = { 0 };
	pa_int(&a, contractor_id);
	pa_int(&a, s->workspace);
	return read_all(s, SQL_RQ_LIST, &a, read_rq, sizeof **out, (void **)out, n, "contractor_requests");
}

store_rc_t pg_ctreq_review(store_t *s, const ct_request_t *q)
{
	pg_args_t a = { 0 };
	pa_text(&a, q->reviewed_by);
	pa_text(&a, q->reviewed_at);
	pa_text(&a, q->review_note);
	pa_int(&a, q->id);
	pa_int(&a, s->workspace);
	return changed_one(s, SQL_RQ_REVIEW, &a, "contractor_requests");
}

/* ---- cloud services ---- */

static void read_cs(const PGresult *r, int row, void *p)
{
	cloud_service_t *c = p;
	memset(c, 0, sizeof *c);
	c->id = pg_col_int(r, row, 0);
	c->org_id = pg_col_int(r, row, 1);
	pg_col_text(r, row, 2, c->name, sizeof c->name);
	pg_col_text(r, row, 3, c->provider, sizeof c->provider);
	pg_col_text(r, row, 4, c->purpose, sizeof c->purpose);
	pg_col_text(r, row, 5, c->review_due, sizeof c->review_due);
	c->diagnosis_id = pg_col_int(r, row, 6);
	pg_col_text(r, row, 7, c->checked, sizeof c->checked);
	pg_col_text(r, row, 8, c->created, sizeof c->created);
	pg_col_text(r, row, 9, c->updated, sizeof c->updated);
}

store_rc_t pg_cloud_add(store_t *s, cloud_service_t *c)
{
	assert(c->created[0] && c->updated[0]);
	pg_args_t a = { 0 };
	pa_int(&a, s->workspace);
	pa_int(&a, c->org_id);
	pa_text(&a, c->name);
	pa_text(&a, c->provider);
	pa_text(&a, c->purpose);
	pa_text(&a, c->review_due);
	pa_opt_int(&a, c->diagnosis_id > 0 ? c->diagnosis_id : -1);
	pa_text(&a, c->checked);
	pa_text(&a, c->created);
	pa_text(&a, c->updated);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_CS_ADD, &a, "cloud_services", &r);
	if (rc == STORE_OK) {
		c->id = pg_col_int(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_cloud_update(store_t *s, const cloud_service_t *c)
{
	pg_args_t a = { 0 };
	pa_text(&a, c->name);
	pa_text(&a, c->provider);
	pa_text(&a, c->purpose);
	pa_text(&a, c->review_due);
	pa_opt_int(&a, c->diagnosis_id > 0 ? c->diagnosis_id : -1);
	pa_text(&a, c->checked);
	pa_text(&a, c->updated);
	pa_int(&a, c->id);
	pa_int(&a, s->workspace);
	return changed_one(s, SQL_CS_UPDATE, &a, "cloud_services");
}

store_rc_t pg_cloud_get(store_t *s, int64_t id, cloud_service_t *out)
{
	pg_args_t a = { 0 };
	pa_int(&a, id);
	pa_int(&a, s->workspace);
	return get_one(s, SQL_CS_GET, &a, read_cs, out, "cloud_services");
}

store_rc_t pg_cloud_list(store_t *s, int64_t org_id, cloud_service_t **out, int *n)
{
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_int(&a, s->workspace);
	return read_all(s, SQL_CS_LIST, &a, read_cs, sizeof **out, (void **)out, n, "cloud_services");
}

store_rc_t pg_cloud_delete(store_t *s, int64_t id)
{
	static const char *const SQLS[] = { SQL_CS_DELETE };
	return pg_delete(PG(s), SQLS, 1, id);
}
