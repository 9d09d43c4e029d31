/*
 * pg_asset.c — the asset ledger, the risk register and an organisation's risk settings in
 * PostgreSQL (store.h). The same rules and queries as sqlite_asset.c: a ledger page is one
 * query built from fixed pieces with every value a parameter, ordered by an index of the
 * schema, with LIMIT and OFFSET; text is sorted in byte order (COLLATE "C") and searched case-
 * insensitively (ILIKE), as SQLite does.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/pg_rows.h"
#include "store/pg_util.h"

#define C_ " COLLATE \"C\""

/* ---- a query built at run time: its text from fixed pieces, every value a parameter ---- */

typedef struct {
	buf_t sql;
	pg_args_t args;
} dyn_t;

static void dyn_text(dyn_t *d, const char *v)
{
	pa_text(&d->args, v);
	buf_printf(&d->sql, "$%d", d->args.n);
}

static void dyn_int(dyn_t *d, long long v)
{
	pa_int(&d->args, v);
	buf_printf(&d->sql, "$%d::bigint", d->args.n);
}

/* Runs d (unprepared: its text changes with the filters); NULL after recording why. */
static PGresult *dyn_run(pg_t *p, dyn_t *d, const char *what)
{
	PGresult *r = PQexecParams(p->conn, d->sql.data, d->args.n, NULL, d->args.v, d->args.len, d->args.fmt, 0);
	buf_free(&d->sql);
	if (r && PQresultStatus(r) == PGRES_TUPLES_OK)
		return r;
	pg_failf(p, STORE_ERROR, "データベースの操作に失敗しました（%s）: %s", "database operation failed (%s): %s", what,
		 r ? PQresultErrorMessage(r) : PQerrorMessage(p->conn));
	PQclear(r);
	return NULL;
}

/* "%q%" for LIKE, with the pattern characters of q escaped (backslash). */
static char *like_pattern(const char *q)
{
	buf_t b = { 0 };
	buf_puts(&b, "%");
	for (const char *c = q; *c; c++) {
		if (*c == '%' || *c == '_' || *c == '\\')
			buf_puts(&b, "\\");
		buf_put(&b, c, 1);
	}
	buf_puts(&b, "%");
	size_t len;
	return buf_take(&b, &len);
}

/* ---- assets ---- */

#define ASSET_COLS "id, organization_id, no, name, medium, location, scope, department, owner, contact, registered, " \
		   "retention, disposed, inventoried, c, i, a, note, retain_until, created_at, updated_at"

static const char SQL_ASSET_ADD[] =
	"INSERT INTO assets (workspace_id, organization_id, no, name, medium, location, scope, department, owner, contact, "
	"registered, retention, disposed, inventoried, c, i, a, note, retain_until, created_at, updated_at) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id";
static const char SQL_ASSET_UPDATE[] =
	"UPDATE assets SET no = $3, name = $4, medium = $5, location = $6, scope = $7, department = $8, owner = $9, "
	"contact = $10, registered = $11, retention = $12, disposed = $13, inventoried = $14, c = $15, i = $16, a = $17, "
	"note = $18, retain_until = $19, updated_at = $20 WHERE id = $21 AND workspace_id = $1 AND organization_id = $2";
static const char SQL_ASSET_GET[] = "SELECT " ASSET_COLS " FROM assets WHERE id = $1 AND workspace_id = $2";
static const char *const SQL_ASSET_DELETE[] = {
	"DELETE FROM risk_assets WHERE asset_id = (SELECT id FROM assets WHERE id = $1 AND workspace_id = $2)",
	"DELETE FROM assets WHERE id = $1 AND workspace_id = $2",
};

/* $1..$19, then created_at (a new row only) and updated_at. */
static void args_asset(pg_args_t *x, int64_t workspace, const asset_t *a, bool created)
{
	pa_int(x, workspace);
	pa_int(x, a->org_id);
	const char *texts[] = { a->no, a->name, a->medium, a->location, a->scope, a->department, a->owner, a->contact,
				a->registered, a->retention, a->disposed, a->inventoried };
	for (int k = 0; k < 12; k++)
		pa_text(x, texts[k]);
	pa_int(x, a->c);
	pa_int(x, a->i);
	pa_int(x, a->a);
	pa_text(x, a->note);
	pa_text(x, a->retain_until);
	if (created)
		pa_text(x, a->created);
	pa_text(x, a->updated);
}

static void read_asset(const PGresult *r, int row, asset_t *a)
{
	memset(a, 0, sizeof *a);
	a->id = pg_col_int(r, row, 0);
	a->org_id = pg_col_int(r, row, 1);
	pg_col_text(r, row, 2, a->no, sizeof a->no);
	char *texts[] = { a->name, a->medium, a->location, a->scope, a->department, a->owner, a->contact };
	for (int k = 0; k < 7; k++)
		pg_col_text(r, row, 3 + k, texts[k], ASSET_TEXT);
	pg_col_text(r, row, 10, a->registered, sizeof a->registered);
	pg_col_text(r, row, 11, a->retention, sizeof a->retention);
	pg_col_text(r, row, 12, a->disposed, sizeof a->disposed);
	pg_col_text(r, row, 13, a->inventoried, sizeof a->inventoried);
	a->c = (int)pg_col_int(r, row, 14);
	a->i = (int)pg_col_int(r, row, 15);
	a->a = (int)pg_col_int(r, row, 16);
	pg_col_text(r, row, 17, a->note, sizeof a->note);
	pg_col_text(r, row, 18, a->retain_until, sizeof a->retain_until);
	pg_col_text(r, row, 19, a->created, sizeof a->created);
	pg_col_text(r, row, 20, a->updated, sizeof a->updated);
}

store_rc_t pg_asset_add(store_t *s, asset_t *a)
{
	assert(a->created[0] && a->updated[0]);
	pg_args_t x = { 0 };
	args_asset(&x, s->workspace, a, true);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_ASSET_ADD, &x, "assets", &r);
	if (rc == STORE_OK) {
		a->id = pg_col_int(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_asset_update(store_t *s, const asset_t *a)
{
	assert(a->updated[0]);
	pg_args_t x = { 0 };
	args_asset(&x, s->workspace, a, false);
	pa_int(&x, a->id);
	long changed;
	store_rc_t rc = pg_do(PG(s), SQL_ASSET_UPDATE, &x, "assets", &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

store_rc_t pg_asset_get(store_t *s, int64_t id, asset_t *out)
{
	pg_args_t x = { 0 };
	pa_int(&x, id);
	pa_int(&x, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_ASSET_GET, &x, "assets", &r);
	if (rc == STORE_OK) {
		read_asset(r, 0, out);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_asset_delete(store_t *s, int64_t id) { return pg_delete(PG(s), SQL_ASSET_DELETE, 2, id); }

static void asset_where(dyn_t *d, int64_t workspace, int64_t org_id, const asset_query_t *aq, const char *like)
{
	buf_puts(&d->sql, " FROM assets WHERE organization_id = ");
	dyn_int(d, org_id);
	buf_puts(&d->sql, " AND workspace_id = ");
	dyn_int(d, workspace);
	if (like) {
		static const char *const cols[] = { "name", "medium", "location", "department", "owner" };
		for (int k = 0; k < 5; k++) {
			buf_printf(&d->sql, "%s%s ILIKE ", k ? " OR " : " AND (", cols[k]);
			dyn_text(d, like);
		}
		buf_puts(&d->sql, ")");
	}
	if (aq->department && aq->department[0]) {
		buf_puts(&d->sql, " AND department = ");
		dyn_text(d, aq->department);
	}
	if (aq->score_lo || aq->score_hi) {
		buf_puts(&d->sql, aq->by_sum ? " AND cia_sum BETWEEN " : " AND cia_max BETWEEN ");
		dyn_int(d, aq->score_lo);
		buf_puts(&d->sql, " AND ");
		dyn_int(d, aq->score_hi);
	}
	if (aq->overdue_before && aq->overdue_before[0]) {
		buf_puts(&d->sql, " AND disposed = '' AND inventoried" C_ " < ");
		dyn_text(d, aq->overdue_before);
	}
	if (aq->expired_before && aq->expired_before[0]) {
		buf_puts(&d->sql, " AND disposed = '' AND retain_until <> '' AND retain_until" C_ " < ");
		dyn_text(d, aq->expired_before);
	}
	if (aq->disposed == 0)
		buf_puts(&d->sql, " AND disposed = ''");
	else if (aq->disposed == 1)
		buf_puts(&d->sql, " AND disposed <> ''");
}

static store_rc_t count_rows(pg_t *p, dyn_t *d, const char *what, int64_t *total)
{
	PGresult *r = dyn_run(p, d, what);
	if (!r)
		return STORE_ERROR;
	*total = pg_col_int(r, 0, 0);
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_asset_list(store_t *s, int64_t org_id, const asset_query_t *aq, bool (*fn)(const asset_t *, void *), void *arg,
			 int64_t *total)
{
	pg_t *p = PG(s);
	char *like = aq->q && aq->q[0] ? like_pattern(aq->q) : NULL;
	store_rc_t rc = STORE_OK;
	if (total) {
		dyn_t d = { 0 };
		buf_puts(&d.sql, "SELECT count(*)");
		asset_where(&d, s->workspace, org_id, aq, like);
		rc = count_rows(p, &d, "assets", total);
	}
	if (rc == STORE_OK && fn) {
		static const char *const ORDER[ASORT_COUNT][2] = {
			[ASORT_NO] = { " ORDER BY no_sort, no" C_ ", id", " ORDER BY no_sort DESC, no" C_ " DESC, id DESC" },
			[ASORT_NAME] = { " ORDER BY name" C_ ", id", " ORDER BY name" C_ " DESC, id DESC" },
			[ASORT_IMPORTANCE] = { " ORDER BY cia_max, cia_sum, id", " ORDER BY cia_max DESC, cia_sum DESC, id DESC" },
			[ASORT_DEPARTMENT] = { " ORDER BY department" C_ ", id", " ORDER BY department" C_ " DESC, id DESC" },
			[ASORT_INVENTORIED] = { " ORDER BY inventoried" C_ ", id", " ORDER BY inventoried" C_ " DESC, id DESC" },
			[ASORT_REGISTERED] = { " ORDER BY registered" C_ ", id", " ORDER BY registered" C_ " DESC, id DESC" },
		};
		static const char *const ORDER_SUM[2] = { " ORDER BY cia_sum, cia_max, id", " ORDER BY cia_sum DESC, cia_max DESC, id DESC" };
		dyn_t d = { 0 };
		buf_puts(&d.sql, "SELECT " ASSET_COLS);
		asset_where(&d, s->workspace, org_id, aq, like);
		int sort = aq->sort >= 0 && aq->sort < ASORT_COUNT ? (int)aq->sort : ASORT_NO;
		buf_puts(&d.sql, aq->by_sum && sort == ASORT_IMPORTANCE ? ORDER_SUM[aq->desc] : ORDER[sort][aq->desc]);
		if (aq->limit > 0) {
			buf_puts(&d.sql, " LIMIT ");
			dyn_int(&d, aq->limit);
			buf_puts(&d.sql, " OFFSET ");
			dyn_int(&d, aq->offset);
		}
		PGresult *r = dyn_run(p, &d, "assets");
		if (!r) {
			rc = STORE_ERROR;
		} else {
			asset_t *a = malloc(sizeof *a);
			for (int i = 0, n = PQntuples(r); i < n; i++) {
				read_asset(r, i, a);
				if (!fn(a, arg))
					break;
			}
			free(a);
			PQclear(r);
		}
	}
	free(like);
	return rc;
}

/* ---- risks ---- */

#define RISK_COLS "id, organization_id, threat, threat_ref, source, frequency, impact, treatment, reason, measures, " \
		  "residual_frequency, residual_impact, review, created_at, updated_at, " \
		  "(SELECT string_agg(asset_id::text, ',' ORDER BY asset_id) FROM risk_assets WHERE risk_id = risks.id)"

static const char SQL_RISK_ADD[] =
	"INSERT INTO risks (workspace_id, organization_id, threat, threat_ref, source, frequency, impact, treatment, reason, "
	"measures, residual_frequency, residual_impact, review, created_at, updated_at) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id";
static const char SQL_RISK_UPDATE[] =
	"UPDATE risks SET threat = $3, threat_ref = $4, source = $5, frequency = $6, impact = $7, treatment = $8, reason = $9, "
	"measures = $10, residual_frequency = $11, residual_impact = $12, review = $13, updated_at = $14 "
	"WHERE id = $15 AND workspace_id = $1 AND organization_id = $2";
static const char SQL_RISK_GET[] = "SELECT " RISK_COLS " FROM risks WHERE id = $1 AND workspace_id = $2";
static const char SQL_RISK_UNLINK[] = "DELETE FROM risk_assets WHERE risk_id = $1";
static const char SQL_RISK_LINK[] = "INSERT INTO risk_assets (risk_id, asset_id) SELECT $1::bigint, id FROM assets "
				    "WHERE id = $2 AND organization_id = $3 AND workspace_id = $4";
static const char *const SQL_RISK_DELETE[] = {
	"DELETE FROM risk_assets WHERE risk_id = (SELECT id FROM risks WHERE id = $1 AND workspace_id = $2)",
	"DELETE FROM risks WHERE id = $1 AND workspace_id = $2",
};
static const char SQL_COUNTS[] = "SELECT frequency, impact, count(*) FROM risks WHERE organization_id = $1 AND workspace_id = $2 "
				 "GROUP BY frequency, impact";
static const char SQL_COUNTS_RESIDUAL[] =
	"SELECT CASE residual_frequency WHEN '' THEN frequency ELSE residual_frequency END AS f, "
	"CASE residual_impact WHEN '' THEN impact ELSE residual_impact END AS i, count(*) FROM risks "
	"WHERE organization_id = $1 AND workspace_id = $2 GROUP BY 1, 2";
static const char SQL_SETTINGS_GET[] = "SELECT matrix, inventory_months FROM risk_settings WHERE organization_id = $1 AND workspace_id = $2";
static const char SQL_SETTINGS_PUT[] =
	"INSERT INTO risk_settings (organization_id, workspace_id, matrix, inventory_months) "
	"SELECT $1::bigint, $2::bigint, $3::text, $4::integer WHERE EXISTS (SELECT 1 FROM organizations WHERE id = $1 AND workspace_id = $2) "
	"ON CONFLICT (organization_id) DO UPDATE SET matrix = excluded.matrix, inventory_months = excluded.inventory_months "
	"WHERE risk_settings.workspace_id = excluded.workspace_id";

static const char *opt_id(const char *const *ids, int n, int v) { return v >= 0 && v < n ? ids[v] : ""; }

/* $1..$13, then created_at (a new row only) and updated_at. */
static void args_risk(pg_args_t *x, int64_t workspace, const risk_rec_t *r, bool created)
{
	pa_int(x, workspace);
	pa_int(x, r->org_id);
	pa_text(x, r->threat);
	pa_text(x, r->threat_ref);
	pa_text(x, RISK_SOURCE_IDS[r->source]);
	pa_text(x, RISK_FREQ_IDS[r->freq]);
	pa_text(x, RISK_IMPACT_IDS[r->impact]);
	pa_text(x, opt_id(RISK_TREAT_IDS, RISK_TREATS, r->treatment));
	pa_text(x, r->reason);
	pa_text(x, r->measures);
	pa_text(x, opt_id(RISK_FREQ_IDS, RISK_FREQS, r->res_freq));
	pa_text(x, opt_id(RISK_IMPACT_IDS, RISK_IMPACTS, r->res_impact));
	pa_text(x, r->review);
	if (created)
		pa_text(x, r->created);
	pa_text(x, r->updated);
}

static int col_index(const PGresult *r, int row, int col, const char *const *ids, int n)
{
	return risk_id_index(ids, n, PQgetvalue(r, row, col));
}

static void read_risk(const PGresult *res, int row, risk_rec_t *r)
{
	risk_rec_init(r);
	r->id = pg_col_int(res, row, 0);
	r->org_id = pg_col_int(res, row, 1);
	pg_col_text(res, row, 2, r->threat, sizeof r->threat);
	pg_col_text(res, row, 3, r->threat_ref, sizeof r->threat_ref);
	int v = col_index(res, row, 4, RISK_SOURCE_IDS, RISK_SOURCES);
	r->source = v < 0 ? RS_EXTERNAL : (risk_source_t)v;
	v = col_index(res, row, 5, RISK_FREQ_IDS, RISK_FREQS);
	r->freq = v < 0 ? RF_YEARLY : (risk_freq_t)v;
	v = col_index(res, row, 6, RISK_IMPACT_IDS, RISK_IMPACTS);
	r->impact = v < 0 ? RI_STOP : (risk_impact_t)v;
	r->treatment = (risk_treat_t)col_index(res, row, 7, RISK_TREAT_IDS, RISK_TREATS);
	pg_col_text(res, row, 8, r->reason, sizeof r->reason);
	pg_col_text(res, row, 9, r->measures, sizeof r->measures);
	r->res_freq = col_index(res, row, 10, RISK_FREQ_IDS, RISK_FREQS);
	r->res_impact = col_index(res, row, 11, RISK_IMPACT_IDS, RISK_IMPACTS);
	pg_col_text(res, row, 12, r->review, sizeof r->review);
	pg_col_text(res, row, 13, r->created, sizeof r->created);
	pg_col_text(res, row, 14, r->updated, sizeof r->updated);
	const char *ids = PQgetvalue(res, row, 15);
	for (const char *c = ids; c && *c && r->nassets < RISK_ASSETS_MAX;) {
		char *end;
		long long id = strtoll(c, &end, 10);
		if (end == c)
			break;
		r->assets[r->nassets++] = id;
		c = *end == ',' ? end + 1 : end;
	}
}

/* Replaces the risk's links with r->assets; an id of another organisation is refused. */
static store_rc_t link_assets(pg_t *p, const risk_rec_t *r)
{
	pg_args_t x = { 0 };
	pa_int(&x, r->id);
	store_rc_t rc = pg_do(p, SQL_RISK_UNLINK, &x, "risk_assets", NULL);
	for (int k = 0; rc == STORE_OK && k < r->nassets; k++) {
		pg_args_t y = { 0 };
		pa_int(&y, r->id);
		pa_int(&y, r->assets[k]);
		pa_int(&y, r->org_id);
		pa_int(&y, p->base.workspace);
		long changed;
		rc = pg_do(p, SQL_RISK_LINK, &y, "risk_assets", &changed);
		if (rc == STORE_OK && changed == 0)
			rc = pg_failf(p, STORE_INVALID, "情報資産 %lld はこの組織の台帳にありません", "asset %lld is not in this organisation's ledger",
				      (long long)r->assets[k]);
	}
	return rc;
}

store_rc_t pg_risk_add(store_t *s, risk_rec_t *r)
{
	pg_t *p = PG(s);
	assert(r->created[0] && r->updated[0]);
	bool own;
	store_rc_t rc = pg_write_begin(p, &own);
	if (rc != STORE_OK)
		return rc;
	pg_args_t x = { 0 };
	args_risk(&x, s->workspace, r, true);
	PGresult *res;
	rc = pg_one(p, SQL_RISK_ADD, &x, "risks", &res);
	if (rc == STORE_OK) {
		r->id = pg_col_int(res, 0, 0);
		PQclear(res);
		rc = link_assets(p, r);
	}
	return pg_write_end(p, own, rc);
}

store_rc_t pg_risk_update(store_t *s, const risk_rec_t *r)
{
	pg_t *p = PG(s);
	assert(r->updated[0]);
	bool own;
	store_rc_t rc = pg_write_begin(p, &own);
	if (rc != STORE_OK)
		return rc;
	pg_args_t x = { 0 };
	args_risk(&x, s->workspace, r, false);
	pa_int(&x, r->id);
	long changed;
	rc = pg_do(p, SQL_RISK_UPDATE, &x, "risks", &changed);
	if (rc == STORE_OK && changed == 0)
		rc = STORE_NOT_FOUND;
	if (rc == STORE_OK)
		rc = link_assets(p, r);
	return pg_write_end(p, own, rc);
}

store_rc_t pg_risk_get(store_t *s, int64_t id, risk_rec_t *out)
{
	pg_args_t x = { 0 };
	pa_int(&x, id);
	pa_int(&x, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_RISK_GET, &x, "risks", &r);
	if (rc == STORE_OK) {
		read_risk(r, 0, out);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_risk_delete(store_t *s, int64_t id) { return pg_delete(PG(s), SQL_RISK_DELETE, 2, id); }

static void risk_where(dyn_t *d, int64_t workspace, int64_t org_id, const risk_query_t *rq, const char *like)
{
	buf_puts(&d->sql, " FROM risks WHERE organization_id = ");
	dyn_int(d, org_id);
	buf_puts(&d->sql, " AND workspace_id = ");
	dyn_int(d, workspace);
	if (like) {
		buf_puts(&d->sql, " AND (threat ILIKE ");
		dyn_text(d, like);
		buf_puts(&d->sql, " OR reason ILIKE ");
		dyn_text(d, like);
		buf_puts(&d->sql, ")");
	}
	if (rq->asset_id > 0) {
		buf_puts(&d->sql, " AND id IN (SELECT risk_id FROM risk_assets WHERE asset_id = ");
		dyn_int(d, rq->asset_id);
		buf_puts(&d->sql, ")");
	}
	if (rq->freq >= 0 && rq->freq < RISK_FREQS) {
		buf_puts(&d->sql, " AND frequency = ");
		dyn_text(d, RISK_FREQ_IDS[rq->freq]);
	}
	if (rq->impact >= 0 && rq->impact < RISK_IMPACTS) {
		buf_puts(&d->sql, " AND impact = ");
		dyn_text(d, RISK_IMPACT_IDS[rq->impact]);
	}
	if (rq->treatment >= RT_NONE && rq->treatment < RISK_TREATS) {
		buf_puts(&d->sql, " AND treatment = ");
		dyn_text(d, opt_id(RISK_TREAT_IDS, RISK_TREATS, rq->treatment));
	}
}

store_rc_t pg_risk_list(store_t *s, int64_t org_id, const risk_query_t *rq, bool (*fn)(const risk_rec_t *, void *), void *arg,
			int64_t *total)
{
	pg_t *p = PG(s);
	char *like = rq->q && rq->q[0] ? like_pattern(rq->q) : NULL;
	store_rc_t rc = STORE_OK;
	if (total) {
		dyn_t d = { 0 };
		buf_puts(&d.sql, "SELECT count(*)");
		risk_where(&d, s->workspace, org_id, rq, like);
		rc = count_rows(p, &d, "risks", total);
	}
	if (rc == STORE_OK && fn) {
		/* worst cell first: the ids' order in the matrix, not the alphabet (as on SQLite) */
		static const char *const ORDER[RSORT_COUNT][2] = {
			[RSORT_ID] = { " ORDER BY id", " ORDER BY id DESC" },
			[RSORT_CELL] = { " ORDER BY strpos('monthly yearly  rare', frequency), strpos('fatal stop slow', impact), id",
					 " ORDER BY strpos('monthly yearly  rare', frequency) DESC, strpos('fatal stop slow', impact) DESC, id DESC" },
			[RSORT_TREATMENT] = { " ORDER BY treatment" C_ ", id", " ORDER BY treatment" C_ " DESC, id DESC" },
			[RSORT_REVIEW] = { " ORDER BY review" C_ ", id", " ORDER BY review" C_ " DESC, id DESC" },
		};
		dyn_t d = { 0 };
		buf_puts(&d.sql, "SELECT " RISK_COLS);
		risk_where(&d, s->workspace, org_id, rq, like);
		int sort = rq->sort >= 0 && rq->sort < RSORT_COUNT ? (int)rq->sort : RSORT_ID;
		buf_puts(&d.sql, ORDER[sort][rq->desc]);
		if (rq->limit > 0) {
			buf_puts(&d.sql, " LIMIT ");
			dyn_int(&d, rq->limit);
			buf_puts(&d.sql, " OFFSET ");
			dyn_int(&d, rq->offset);
		}
		PGresult *res = dyn_run(p, &d, "risks");
		if (!res) {
			rc = STORE_ERROR;
		} else {
			risk_rec_t *r = malloc(sizeof *r);
			for (int i = 0, n = PQntuples(res); i < n; i++) {
				read_risk(res, i, r);
				if (!fn(r, arg))
					break;
			}
			free(r);
			PQclear(res);
		}
	}
	free(like);
	return rc;
}

store_rc_t pg_risk_counts(store_t *s, int64_t org_id, bool residual, int64_t counts[RISK_FREQS][RISK_IMPACTS])
{
	memset(counts, 0, sizeof(int64_t) * RISK_FREQS * RISK_IMPACTS);
	pg_args_t x = { 0 };
	pa_int(&x, org_id);
	pa_int(&x, s->workspace);
	store_rc_t rc;
	PGresult *r = pg_run(PG(s), residual ? SQL_COUNTS_RESIDUAL : SQL_COUNTS, &x, "risks", &rc);
	if (!r)
		return rc;
	for (int k = 0, n = PQntuples(r); k < n; k++) {
		int f = col_index(r, k, 0, RISK_FREQ_IDS, RISK_FREQS), i = col_index(r, k, 1, RISK_IMPACT_IDS, RISK_IMPACTS);
		if (f >= 0 && i >= 0)
			counts[f][i] = pg_col_int(r, k, 2);
	}
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_risk_settings_get(store_t *s, int64_t org_id, risk_settings_t *out)
{
	memset(out, 0, sizeof *out);
	pg_args_t x = { 0 };
	pa_int(&x, org_id);
	pa_int(&x, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_SETTINGS_GET, &x, "risk_settings", &r);
	if (rc == STORE_OK) {
		const char *m = PQgetvalue(r, 0, 0);
		out->has_matrix = *m && risk_matrix_parse(m, &out->matrix);
		out->inventory_months = (int)pg_col_int(r, 0, 1);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_risk_settings_put(store_t *s, int64_t org_id, const risk_settings_t *in)
{
	char matrix[128] = "";
	if (in->has_matrix)
		risk_matrix_format(&in->matrix, matrix, sizeof matrix);
	pg_args_t x = { 0 };
	pa_int(&x, org_id);
	pa_int(&x, s->workspace);
	pa_text(&x, matrix);
	pa_int(&x, in->inventory_months);
	long changed;
	store_rc_t rc = pg_do(PG(s), SQL_SETTINGS_PUT, &x, "risk_settings", &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}
