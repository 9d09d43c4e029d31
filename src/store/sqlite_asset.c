/*
 * sqlite_asset.c — the asset ledger, the risk register and an organisation's risk settings in
 * SQLite (store.h). A ledger page is one query built from the filters asked for, every value
 * bound, in the order of an index that serves it (schema 10 keeps one per sort), with LIMIT and
 * OFFSET: a page of 50 reads 50 rows whatever the ledger's size. The count of matching rows is a
 * second query over the same filters. A risk's assets live in risk_assets and come back with it
 * (group_concat), so a page of risks is one query too. How many rows match comes from the
 * counters asset_counts and risk_counts (schema 13, kept by triggers) when the filters are
 * ones they hold, and from counting the index otherwise.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/sqlite_rows.h"
#include "store/sqlite_util.h"

/* ---- assets ---- */

#define ASSET_COLS "id, organization_id, no, name, medium, location, scope, department, owner, contact, registered, " \
		   "retention, disposed, inventoried, c, i, a, note, retain_until, created_at, updated_at"

static const char SQL_ASSET_ADD[] =
	"INSERT INTO assets (workspace_id, organization_id, no, name, medium, location, scope, department, owner, contact, "
	"registered, retention, disposed, inventoried, c, i, a, note, retain_until, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)";
/* the organisation is named too: a row is never moved to another one */
static const char SQL_ASSET_UPDATE[] =
	"UPDATE assets SET no = ?3, name = ?4, medium = ?5, location = ?6, scope = ?7, department = ?8, owner = ?9, "
	"contact = ?10, registered = ?11, retention = ?12, disposed = ?13, inventoried = ?14, c = ?15, i = ?16, a = ?17, "
	"note = ?18, retain_until = ?19, updated_at = ?21 WHERE id = ?22 AND workspace_id = ?1 AND organization_id = ?2";
static const char SQL_ASSET_GET[] = "SELECT " ASSET_COLS " FROM assets WHERE id = ? AND workspace_id = ?";
static const char *const SQL_ASSET_DELETE[] = {
	"DELETE FROM risk_assets WHERE asset_id = (SELECT id FROM assets WHERE id = ?1 AND workspace_id = ?2)",
	"DELETE FROM assets WHERE id = ?1 AND workspace_id = ?2",
};

/* Binds ?1..?21 of the add and update statements. */
static void bind_asset(sqlite3_stmt *st, int64_t workspace, const asset_t *a)
{
	sqlite3_bind_int64(st, 1, workspace);
	sqlite3_bind_int64(st, 2, a->org_id);
	const char *texts[] = { a->no, a->name, a->medium, a->location, a->scope, a->department, a->owner, a->contact,
				a->registered, a->retention, a->disposed, a->inventoried };
	for (int k = 0; k < 12; k++)
		sq_bind_text(st, 3 + k, texts[k], false);
	sqlite3_bind_int(st, 15, a->c);
	sqlite3_bind_int(st, 16, a->i);
	sqlite3_bind_int(st, 17, a->a);
	sq_bind_text(st, 18, a->note, false);
	sq_bind_text(st, 19, a->retain_until, false);
	sq_bind_text(st, 20, a->created, false);
	sq_bind_text(st, 21, a->updated, false);
}

static void read_asset(sqlite3_stmt *st, asset_t *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->org_id = sqlite3_column_int64(st, 1);
	sq_col_text(st, 2, a->no, sizeof a->no);
	char *texts[] = { a->name, a->medium, a->location, a->scope, a->department, a->owner, a->contact };
	for (int k = 0; k < 7; k++)
		sq_col_text(st, 3 + k, texts[k], ASSET_TEXT);
	sq_col_text(st, 10, a->registered, sizeof a->registered);
	sq_col_text(st, 11, a->retention, sizeof a->retention);
	sq_col_text(st, 12, a->disposed, sizeof a->disposed);
	sq_col_text(st, 13, a->inventoried, sizeof a->inventoried);
	a->c = sqlite3_column_int(st, 14);
	a->i = sqlite3_column_int(st, 15);
	a->a = sqlite3_column_int(st, 16);
	sq_col_text(st, 17, a->note, sizeof a->note);
	sq_col_text(st, 18, a->retain_until, sizeof a->retain_until);
	sq_col_text(st, 19, a->created, sizeof a->created);
	sq_col_text(st, 20, a->updated, sizeof a->updated);
}

store_rc_t sq_asset_add(store_t *s, asset_t *a)
{
	sq_t *q = SQ(s);
	assert(a->created[0] && a->updated[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_ASSET_ADD);
	if (!st)
		return STORE_ERROR;
	bind_asset(st, s->workspace, a);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK)
		a->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

store_rc_t sq_asset_update(store_t *s, const asset_t *a)
{
	sq_t *q = SQ(s);
	assert(a->updated[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_ASSET_UPDATE);
	if (!st)
		return STORE_ERROR;
	bind_asset(st, s->workspace, a);
	sqlite3_bind_int64(st, 22, a->id);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

store_rc_t sq_asset_get(store_t *s, int64_t id, asset_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_ASSET_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "assets");
	if (rc == STORE_OK) {
		read_asset(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_asset_delete(store_t *s, int64_t id) { return sq_delete(SQ(s), SQL_ASSET_DELETE, 2, id); }

/* A query built at run time: its text from fixed pieces only, every value bound by number. */
typedef struct {
	buf_t sql;
	const char *texts[8];
	int ntexts;
	long long ints[8];
	int nints;
	int order[16];      /* bind position k: <0 text -(i+1), >=0 int i */
	int n;
} dyn_t;

static void dyn_text(dyn_t *d, const char *v)
{
	d->texts[d->ntexts] = v;
	d->order[d->n++] = -(d->ntexts++ + 1);
	buf_puts(&d->sql, "?");
}

static void dyn_int(dyn_t *d, long long v)
{
	d->ints[d->nints] = v;
	d->order[d->n++] = d->nints++;
	buf_puts(&d->sql, "?");
}

static sqlite3_stmt *dyn_prepare(sq_t *q, dyn_t *d)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(q->db, d->sql.data, -1, &st, NULL) != SQLITE_OK) {
		sq_fail(q, STORE_ERROR, "prepare");
		return NULL;
	}
	for (int k = 0; k < d->n; k++)
		if (d->order[k] < 0)
			sq_bind_text(st, k + 1, d->texts[-d->order[k] - 1], false);
		else
			sqlite3_bind_int64(st, k + 1, d->ints[d->order[k]]);
	return st;
}

/* "%q%" for LIKE, with the pattern characters of q escaped (ESCAPE '\'). */
static char *like_pattern(const char *q)
{
	buf_t b = { 0 };
	buf_puts(&b, "%");
	for (const char *p = q; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_puts(&b, "\\");
		buf_put(&b, p, 1);
	}
	buf_puts(&b, "%");
	size_t len;
	return buf_take(&b, &len);
}

/* The filters. The count reads them through their indexes; the page reads rows in the order of
 * the sort's index and tests the other filters on each row (a leading + keeps SQLite from
 * choosing a filter's index and then sorting every match): a page costs the rows it skips and
 * shows, not the whole match. */
static void asset_where(dyn_t *d, int64_t workspace, int64_t org_id, const asset_query_t *aq, const char *like, bool count)
{
	int sort = aq->sort >= 0 && aq->sort < ASORT_COUNT ? (int)aq->sort : ASORT_NO;
	const char *imp = count || sort == ASORT_IMPORTANCE ? "" : "+", *dep = count || sort == ASORT_DEPARTMENT ? "" : "+",
		   *inv = count || sort == ASORT_INVENTORIED ? "" : "+";
	buf_puts(&d->sql, " FROM assets WHERE organization_id = ");
	dyn_int(d, org_id);
	buf_puts(&d->sql, " AND workspace_id = ");
	dyn_int(d, workspace);
	if (like) {
		buf_puts(&d->sql, " AND (name LIKE ");
		for (int k = 0; k < 5; k++) {
			static const char *const cols[] = { "", " ESCAPE '\\' OR medium LIKE ", " ESCAPE '\\' OR location LIKE ",
							    " ESCAPE '\\' OR department LIKE ", " ESCAPE '\\' OR owner LIKE " };
			buf_puts(&d->sql, cols[k]);
			dyn_text(d, like);
		}
		buf_puts(&d->sql, " ESCAPE '\\')");
	}
	if (aq->department && aq->department[0]) {
		buf_printf(&d->sql, " AND %sdepartment = ", dep);
		dyn_text(d, aq->department);
	}
	if (aq->score_lo || aq->score_hi) {
		buf_printf(&d->sql, " AND %s%s BETWEEN ", imp, aq->by_sum ? "cia_sum" : "cia_max");
		dyn_int(d, aq->score_lo);
		buf_puts(&d->sql, " AND ");
		dyn_int(d, aq->score_hi);
	}
	if (aq->overdue_before && aq->overdue_before[0]) {
		buf_printf(&d->sql, " AND disposed = '' AND %sinventoried < ", inv);
		dyn_text(d, aq->overdue_before);
	}
	if (aq->expired_before && aq->expired_before[0]) {
		buf_puts(&d->sql, " AND disposed = '' AND retain_until <> '' AND retain_until < ");
		dyn_text(d, aq->expired_before);
	}
	if (aq->disposed == 0)
		buf_puts(&d->sql, " AND disposed = ''");
	else if (aq->disposed == 1)
		buf_puts(&d->sql, " AND disposed <> ''");
}

store_rc_t sq_asset_list(store_t *s, int64_t org_id, const asset_query_t *aq, bool (*fn)(const asset_t *, void *), void *arg,
			 int64_t *total)
{
	sq_t *q = SQ(s);
	char *like = aq->q && aq->q[0] ? like_pattern(aq->q) : NULL;
	store_rc_t rc = STORE_OK;
	/* filtered by importance (and disposal) only, or not at all: the counters of schema 13 */
	bool counted = !like && !(aq->department && aq->department[0]) && !(aq->overdue_before && aq->overdue_before[0]) &&
		       !(aq->expired_before && aq->expired_before[0]);
	if (total && counted) {
		dyn_t d = { 0 };
		buf_puts(&d.sql, "SELECT coalesce(sum(n), 0) FROM asset_counts WHERE organization_id = ");
		dyn_int(&d, org_id);
		buf_puts(&d.sql, " AND workspace_id = ");
		dyn_int(&d, s->workspace);
		if (aq->score_lo || aq->score_hi) {
			buf_puts(&d.sql, aq->by_sum ? " AND cia_sum BETWEEN " : " AND cia_max BETWEEN ");
			dyn_int(&d, aq->score_lo);
			buf_puts(&d.sql, " AND ");
			dyn_int(&d, aq->score_hi);
		}
		if (aq->disposed == 0 || aq->disposed == 1) {
			buf_puts(&d.sql, " AND disposed = ");
			dyn_int(&d, aq->disposed);
		}
		sqlite3_stmt *st = dyn_prepare(q, &d);
		buf_free(&d.sql);
		if (!st || sqlite3_step(st) != SQLITE_ROW)
			rc = st ? sq_fail(q, STORE_ERROR, "asset_counts") : STORE_ERROR;
		else
			*total = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	} else if (total) {
		dyn_t d = { 0 };
		buf_puts(&d.sql, "SELECT count(*)");
		asset_where(&d, s->workspace, org_id, aq, like, true);
		sqlite3_stmt *st = dyn_prepare(q, &d);
		buf_free(&d.sql);
		if (!st || sqlite3_step(st) != SQLITE_ROW)
			rc = st ? sq_fail(q, STORE_ERROR, "assets") : STORE_ERROR;
		else
			*total = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (rc == STORE_OK && fn) {
		/* each order follows one index of schema 10, with id last so pages never overlap */
		static const char *const ORDER[ASORT_COUNT][2] = {
			[ASORT_NO] = { " ORDER BY no_sort, no, id", " ORDER BY no_sort DESC, no DESC, id DESC" },
			[ASORT_NAME] = { " ORDER BY name, id", " ORDER BY name DESC, id DESC" },
			[ASORT_IMPORTANCE] = { " ORDER BY cia_max, cia_sum, id", " ORDER BY cia_max DESC, cia_sum DESC, id DESC" },
			[ASORT_DEPARTMENT] = { " ORDER BY department, id", " ORDER BY department DESC, id DESC" },
			[ASORT_INVENTORIED] = { " ORDER BY inventoried, id", " ORDER BY inventoried DESC, id DESC" },
			[ASORT_REGISTERED] = { " ORDER BY registered, id", " ORDER BY registered DESC, id DESC" },
		};
		static const char *const ORDER_SUM[2] = { " ORDER BY cia_sum, cia_max, id", " ORDER BY cia_sum DESC, cia_max DESC, id DESC" };
		dyn_t d = { 0 };
		buf_puts(&d.sql, "SELECT " ASSET_COLS);
		asset_where(&d, s->workspace, org_id, aq, like, false);
		int sort = aq->sort >= 0 && aq->sort < ASORT_COUNT ? (int)aq->sort : ASORT_NO;
		buf_puts(&d.sql, aq->by_sum && sort == ASORT_IMPORTANCE ? ORDER_SUM[aq->desc] : ORDER[sort][aq->desc]);
		if (aq->limit > 0) {
			buf_puts(&d.sql, " LIMIT ");
			dyn_int(&d, aq->limit);
			buf_puts(&d.sql, " OFFSET ");
			dyn_int(&d, aq->offset);
		}
		sqlite3_stmt *st = dyn_prepare(q, &d);
		buf_free(&d.sql);
		if (!st) {
			rc = STORE_ERROR;
		} else {
			asset_t *a = malloc(sizeof *a);
			int r;
			while ((r = sqlite3_step(st)) == SQLITE_ROW) {
				read_asset(st, a);
				if (!fn(a, arg))
					break;
			}
			if (r != SQLITE_ROW && r != SQLITE_DONE)
				rc = sq_fail(q, STORE_ERROR, "assets");
			free(a);
			sqlite3_finalize(st);
		}
	}
	free(like);
	return rc;
}

/* ---- risks ---- */

#define RISK_COLS "id, organization_id, threat, threat_ref, source, frequency, impact, treatment, reason, measures, " \
		  "residual_frequency, residual_impact, review, created_at, updated_at, " \
		  "(SELECT group_concat(asset_id) FROM (SELECT asset_id FROM risk_assets WHERE risk_id = risks.id ORDER BY asset_id))"

static const char SQL_RISK_ADD[] =
	"INSERT INTO risks (workspace_id, organization_id, threat, threat_ref, source, frequency, impact, treatment, reason, "
	"measures, residual_frequency, residual_impact, review, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
static const char SQL_RISK_UPDATE[] =
	"UPDATE risks SET threat = ?3, threat_ref = ?4, source = ?5, frequency = ?6, impact = ?7, treatment = ?8, reason = ?9, "
	"measures = ?10, residual_frequency = ?11, residual_impact = ?12, review = ?13, updated_at = ?15 "
	"WHERE id = ?16 AND workspace_id = ?1 AND organization_id = ?2";
static const char SQL_RISK_GET[] = "SELECT " RISK_COLS " FROM risks WHERE id = ? AND workspace_id = ?";
static const char SQL_RISK_UNLINK[] = "DELETE FROM risk_assets WHERE risk_id = ?";
/* an asset of the same organisation and workspace only: anything else links nothing */
static const char SQL_RISK_LINK[] =
	"INSERT INTO risk_assets (risk_id, asset_id) SELECT ?1, id FROM assets WHERE id = ?2 AND organization_id = ?3 AND workspace_id = ?4";
static const char *const SQL_RISK_DELETE[] = {
	"DELETE FROM risk_assets WHERE risk_id = (SELECT id FROM risks WHERE id = ?1 AND workspace_id = ?2)",
	"DELETE FROM risks WHERE id = ?1 AND workspace_id = ?2",
};
/* the counters of schema 13: a residual cell falls back to the assessed one where not given */
static const char SQL_COUNTS[] = "SELECT frequency, impact, residual_frequency, residual_impact, sum(n) FROM risk_counts "
				 "WHERE organization_id = ? AND workspace_id = ? GROUP BY frequency, impact, residual_frequency, residual_impact";
static const char SQL_SETTINGS_GET[] = "SELECT matrix, inventory_months FROM risk_settings WHERE organization_id = ? AND workspace_id = ?";
static const char SQL_SETTINGS_PUT[] =
	"INSERT INTO risk_settings (organization_id, workspace_id, matrix, inventory_months) "
	"SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM organizations WHERE id = ?1 AND workspace_id = ?2) "
	"ON CONFLICT (organization_id) DO UPDATE SET matrix = excluded.matrix, inventory_months = excluded.inventory_months "
	"WHERE workspace_id = excluded.workspace_id";

static const char *opt_id(const char *const *ids, int n, int v) { return v >= 0 && v < n ? ids[v] : ""; }

static void bind_risk(sqlite3_stmt *st, int64_t workspace, const risk_rec_t *r)
{
	sqlite3_bind_int64(st, 1, workspace);
	sqlite3_bind_int64(st, 2, r->org_id);
	sq_bind_text(st, 3, r->threat, false);
	sq_bind_text(st, 4, r->threat_ref, false);
	sq_bind_text(st, 5, RISK_SOURCE_IDS[r->source], false);
	sq_bind_text(st, 6, RISK_FREQ_IDS[r->freq], false);
	sq_bind_text(st, 7, RISK_IMPACT_IDS[r->impact], false);
	sq_bind_text(st, 8, opt_id(RISK_TREAT_IDS, RISK_TREATS, r->treatment), false);
	sq_bind_text(st, 9, r->reason, false);
	sq_bind_text(st, 10, r->measures, false);
	sq_bind_text(st, 11, opt_id(RISK_FREQ_IDS, RISK_FREQS, r->res_freq), false);
	sq_bind_text(st, 12, opt_id(RISK_IMPACT_IDS, RISK_IMPACTS, r->res_impact), false);
	sq_bind_text(st, 13, r->review, false);
	sq_bind_text(st, 14, r->created, false);
	sq_bind_text(st, 15, r->updated, false);
}

static int col_index(sqlite3_stmt *st, int col, const char *const *ids, int n)
{
	const char *v = (const char *)sqlite3_column_text(st, col);
	return risk_id_index(ids, n, v ? v : "");
}

static void read_risk(sqlite3_stmt *st, risk_rec_t *r)
{
	risk_rec_init(r);
	r->id = sqlite3_column_int64(st, 0);
	r->org_id = sqlite3_column_int64(st, 1);
	sq_col_text(st, 2, r->threat, sizeof r->threat);
	sq_col_text(st, 3, r->threat_ref, sizeof r->threat_ref);
	int v = col_index(st, 4, RISK_SOURCE_IDS, RISK_SOURCES);
	r->source = v < 0 ? RS_EXTERNAL : (risk_source_t)v;
	v = col_index(st, 5, RISK_FREQ_IDS, RISK_FREQS);
	r->freq = v < 0 ? RF_YEARLY : (risk_freq_t)v;
	v = col_index(st, 6, RISK_IMPACT_IDS, RISK_IMPACTS);
	r->impact = v < 0 ? RI_STOP : (risk_impact_t)v;
	r->treatment = (risk_treat_t)col_index(st, 7, RISK_TREAT_IDS, RISK_TREATS);
	sq_col_text(st, 8, r->reason, sizeof r->reason);
	sq_col_text(st, 9, r->measures, sizeof r->measures);
	r->res_freq = col_index(st, 10, RISK_FREQ_IDS, RISK_FREQS);
	r->res_impact = col_index(st, 11, RISK_IMPACT_IDS, RISK_IMPACTS);
	sq_col_text(st, 12, r->review, sizeof r->review);
	sq_col_text(st, 13, r->created, sizeof r->created);
	sq_col_text(st, 14, r->updated, sizeof r->updated);
	const char *ids = (const char *)sqlite3_column_text(st, 15);
	for (const char *p = ids; p && *p && r->nassets < RISK_ASSETS_MAX;) {
		char *end;
		long long id = strtoll(p, &end, 10);
		if (end == p)
			break;
		r->assets[r->nassets++] = id;
		p = *end == ',' ? end + 1 : end;
	}
}

/* Replaces the risk's links with r->assets; an id of another organisation links nothing and
 * is refused (STORE_INVALID). */
static store_rc_t link_assets(sq_t *q, const risk_rec_t *r)
{
	sqlite3_stmt *st = sq_stmt(q, SQL_RISK_UNLINK);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, r->id);
	store_rc_t rc = sq_step_done(q, st);
	for (int k = 0; rc == STORE_OK && k < r->nassets; k++) {
		if (!(st = sq_stmt(q, SQL_RISK_LINK)))
			return STORE_ERROR;
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_int64(st, 2, r->assets[k]);
		sqlite3_bind_int64(st, 3, r->org_id);
		sqlite3_bind_int64(st, 4, q->base.workspace);
		rc = sq_step_done(q, st);
		if (rc == STORE_OK && sqlite3_changes(q->db) == 0)
			rc = sq_failf(q, STORE_INVALID, "情報資産 %lld はこの組織の台帳にありません", "asset %lld is not in this organisation's ledger",
				      (long long)r->assets[k]);
	}
	return rc;
}

store_rc_t sq_risk_add(store_t *s, risk_rec_t *r)
{
	sq_t *q = SQ(s);
	assert(r->created[0] && r->updated[0]);
	bool own;
	store_rc_t rc = sq_write_begin(q, &own);
	sqlite3_stmt *st = rc == STORE_OK ? sq_stmt(q, SQL_RISK_ADD) : NULL;
	if (rc == STORE_OK && !st)
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		bind_risk(st, s->workspace, r);
		rc = sq_step_done(q, st);
	}
	if (rc == STORE_OK) {
		r->id = sqlite3_last_insert_rowid(q->db);
		rc = link_assets(q, r);
	}
	return sq_write_end(q, own, rc);
}

store_rc_t sq_risk_update(store_t *s, const risk_rec_t *r)
{
	sq_t *q = SQ(s);
	assert(r->updated[0]);
	bool own;
	store_rc_t rc = sq_write_begin(q, &own);
	sqlite3_stmt *st = rc == STORE_OK ? sq_stmt(q, SQL_RISK_UPDATE) : NULL;
	if (rc == STORE_OK && !st)
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		bind_risk(st, s->workspace, r);
		sqlite3_bind_int64(st, 16, r->id);
		rc = sq_step_done(q, st);
		if (rc == STORE_OK && sqlite3_changes(q->db) == 0)
			rc = STORE_NOT_FOUND;
	}
	if (rc == STORE_OK)
		rc = link_assets(q, r);
	return sq_write_end(q, own, rc);
}

store_rc_t sq_risk_get(store_t *s, int64_t id, risk_rec_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_RISK_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "risks");
	if (rc == STORE_OK) {
		read_risk(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_risk_delete(store_t *s, int64_t id) { return sq_delete(SQ(s), SQL_RISK_DELETE, 2, id); }

static void risk_where(dyn_t *d, int64_t workspace, int64_t org_id, const risk_query_t *rq, const char *like, bool count)
{
	const char *cell = count || rq->sort == RSORT_CELL ? "" : "+", *tr = count || rq->sort == RSORT_TREATMENT ? "" : "+";
	buf_puts(&d->sql, " FROM risks WHERE organization_id = ");
	dyn_int(d, org_id);
	buf_puts(&d->sql, " AND workspace_id = ");
	dyn_int(d, workspace);
	if (like) {
		buf_puts(&d->sql, " AND (threat LIKE ");
		dyn_text(d, like);
		buf_puts(&d->sql, " ESCAPE '\\' OR reason LIKE ");
		dyn_text(d, like);
		buf_puts(&d->sql, " ESCAPE '\\')");
	}
	if (rq->asset_id > 0) {
		buf_puts(&d->sql, " AND id IN (SELECT risk_id FROM risk_assets WHERE asset_id = ");
		dyn_int(d, rq->asset_id);
		buf_puts(&d->sql, ")");
	}
	if (rq->freq >= 0 && rq->freq < RISK_FREQS) {
		buf_printf(&d->sql, " AND %sfrequency = ", cell);
		dyn_text(d, RISK_FREQ_IDS[rq->freq]);
	}
	if (rq->impact >= 0 && rq->impact < RISK_IMPACTS) {
		buf_printf(&d->sql, " AND %simpact = ", cell);
		dyn_text(d, RISK_IMPACT_IDS[rq->impact]);
	}
	if (rq->treatment >= RT_NONE && rq->treatment < RISK_TREATS) {
		buf_printf(&d->sql, " AND %streatment = ", tr);
		dyn_text(d, opt_id(RISK_TREAT_IDS, RISK_TREATS, rq->treatment));
	}
}

store_rc_t sq_risk_list(store_t *s, int64_t org_id, const risk_query_t *rq, bool (*fn)(const risk_rec_t *, void *), void *arg,
			int64_t *total)
{
	sq_t *q = SQ(s);
	char *like = rq->q && rq->q[0] ? like_pattern(rq->q) : NULL;
	store_rc_t rc = STORE_OK;
	if (total && !like && rq->asset_id <= 0) { /* the counters of schema 13 */
		dyn_t d = { 0 };
		buf_puts(&d.sql, "SELECT coalesce(sum(n), 0) FROM risk_counts WHERE organization_id = ");
		dyn_int(&d, org_id);
		buf_puts(&d.sql, " AND workspace_id = ");
		dyn_int(&d, s->workspace);
		if (rq->freq >= 0 && rq->freq < RISK_FREQS) {
			buf_puts(&d.sql, " AND frequency = ");
			dyn_text(&d, RISK_FREQ_IDS[rq->freq]);
		}
		if (rq->impact >= 0 && rq->impact < RISK_IMPACTS) {
			buf_puts(&d.sql, " AND impact = ");
			dyn_text(&d, RISK_IMPACT_IDS[rq->impact]);
		}
		if (rq->treatment >= RT_NONE && rq->treatment < RISK_TREATS) {
			buf_puts(&d.sql, " AND treatment = ");
			dyn_text(&d, opt_id(RISK_TREAT_IDS, RISK_TREATS, rq->treatment));
		}
		sqlite3_stmt *st = dyn_prepare(q, &d);
		buf_free(&d.sql);
		if (!st || sqlite3_step(st) != SQLITE_ROW)
			rc = st ? sq_fail(q, STORE_ERROR, "risk_counts") : STORE_ERROR;
		else
			*total = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	} else if (total) {
		dyn_t d = { 0 };
		buf_puts(&d.sql, "SELECT count(*)");
		risk_where(&d, s->workspace, org_id, rq, like, true);
		sqlite3_stmt *st = dyn_prepare(q, &d);
		buf_free(&d.sql);
		if (!st || sqlite3_step(st) != SQLITE_ROW)
			rc = st ? sq_fail(q, STORE_ERROR, "risks") : STORE_ERROR;
		else
			*total = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (rc == STORE_OK && fn) {
		/* the cell order is worst first: monthly before yearly, fatal before stop (schema 13's
		 * generated column cell, in the matrix's order, not the alphabet's) */
		static const char *const ORDER[RSORT_COUNT][2] = {
			[RSORT_ID] = { " ORDER BY id", " ORDER BY id DESC" },
			[RSORT_CELL] = { " ORDER BY cell, id", " ORDER BY cell DESC, id DESC" },
			[RSORT_TREATMENT] = { " ORDER BY treatment, id", " ORDER BY treatment DESC, id DESC" },
			[RSORT_REVIEW] = { " ORDER BY review, id", " ORDER BY review DESC, id DESC" },
		};
		dyn_t d = { 0 };
		buf_puts(&d.sql, "SELECT " RISK_COLS);
		risk_where(&d, s->workspace, org_id, rq, like, false);
		int sort = rq->sort >= 0 && rq->sort < RSORT_COUNT ? (int)rq->sort : RSORT_ID;
		buf_puts(&d.sql, ORDER[sort][rq->desc]);
		if (rq->limit > 0) {
			buf_puts(&d.sql, " LIMIT ");
			dyn_int(&d, rq->limit);
			buf_puts(&d.sql, " OFFSET ");
			dyn_int(&d, rq->offset);
		}
		sqlite3_stmt *st = dyn_prepare(q, &d);
		buf_free(&d.sql);
		if (!st) {
			rc = STORE_ERROR;
		} else {
			risk_rec_t *r = malloc(sizeof *r);
			int res;
			while ((res = sqlite3_step(st)) == SQLITE_ROW) {
				read_risk(st, r);
				if (!fn(r, arg))
					break;
			}
			if (res != SQLITE_ROW && res != SQLITE_DONE)
				rc = sq_fail(q, STORE_ERROR, "risks");
			free(r);
			sqlite3_finalize(st);
		}
	}
	free(like);
	return rc;
}

store_rc_t sq_risk_counts(store_t *s, int64_t org_id, bool residual, int64_t counts[RISK_FREQS][RISK_IMPACTS])
{
	sq_t *q = SQ(s);
	memset(counts, 0, sizeof(int64_t) * RISK_FREQS * RISK_IMPACTS);
	sqlite3_stmt *st = sq_stmt(q, SQL_COUNTS);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int f = col_index(st, 0, RISK_FREQ_IDS, RISK_FREQS), i = col_index(st, 1, RISK_IMPACT_IDS, RISK_IMPACTS);
		int rf = col_index(st, 2, RISK_FREQ_IDS, RISK_FREQS), ri = col_index(st, 3, RISK_IMPACT_IDS, RISK_IMPACTS);
		if (residual && rf >= 0 && ri >= 0)
			f = rf, i = ri;
		if (f >= 0 && i >= 0)
			counts[f][i] += sqlite3_column_int64(st, 4);
	}
	store_rc_t res = rc == SQLITE_DONE ? STORE_OK : sq_fail(q, STORE_ERROR, "risk_counts");
	sqlite3_reset(st);
	return res;
}

store_rc_t sq_risk_settings_get(store_t *s, int64_t org_id, risk_settings_t *out)
{
	sq_t *q = SQ(s);
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = sq_stmt(q, SQL_SETTINGS_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "risk_settings");
	if (rc == STORE_OK) {
		const char *m = (const char *)sqlite3_column_text(st, 0);
		out->has_matrix = m && *m && risk_matrix_parse(m, &out->matrix);
		out->inventory_months = sqlite3_column_int(st, 1);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_risk_settings_put(store_t *s, int64_t org_id, const risk_settings_t *in)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_SETTINGS_PUT);
	if (!st)
		return STORE_ERROR;
	char matrix[128] = "";
	if (in->has_matrix)
		risk_matrix_format(&in->matrix, matrix, sizeof matrix);
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	sq_bind_text(st, 3, matrix, false);
	sqlite3_bind_int(st, 4, in->inventory_months);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}
