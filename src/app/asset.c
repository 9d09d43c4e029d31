/*
 * asset.c — see asset.h.
 */
#include "app/asset.h"

#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/audit.h"
#include "core/datetime.h"
#include "core/risk.h"
#include "core/utf8.h"

void app_today(const app_t *a, char out[11])
{
	dt_local_date((time_t)app_now(a), out); /* the configured zone's date (core/datetime.h) */
}

int app_inventory_months(app_t *a, int64_t org_id)
{
	risk_settings_t s;
	if (store_risk_settings_get(a->store, org_id, &s) == STORE_OK && s.inventory_months > 0)
		return s.inventory_months;
	return a->content->ledger ? a->content->ledger->inventory_months : 12;
}

static const ledger_content_t *L(const app_t *a) { return a->content->ledger; }

static int audit_asset(app_t *a, const char *action, const asset_t *x, err_t *e)
{
	char object[40], detail[200];
	snprintf(object, sizeof object, "organization %lld", (long long)x->org_id);
	snprintf(detail, sizeof detail, "asset %lld: %.*s (C%d I%d A%d)", (long long)x->id, utf8_prefix(x->name, 120), x->name, x->c, x->i,
		 x->a);
	return app_audit(a, action, object, detail, e);
}

static int not_found(err_t *e, int64_t id)
{
	return err_set(e, ERR_NOT_FOUND, "id", "情報資産 %lld はありません", "no asset %lld", (long long)id);
}

int app_asset_add(app_t *a, asset_t *x, err_t *e)
{
	if (app_org_access(a, x->org_id, true, e) != 0 || asset_check(L(a), x, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	asset_derive(x);
	app_now_iso(a, x->created);
	memcpy(x->updated, x->created, sizeof x->updated);
	store_rc_t rc = store_asset_add(a->store, x);
	int res = rc == STORE_OK ? audit_asset(a, "asset.add", x, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_asset_update(app_t *a, asset_t *x, err_t *e)
{
	asset_t old;
	if (app_asset_get(a, x->id, &old, e) != 0 || old.org_id != x->org_id || app_org_access(a, x->org_id, true, e) != 0 ||
	    asset_check(L(a), x, e) != 0 || app_tx_begin(a, e) != 0)
		return e->code ? -1 : not_found(e, x->id);
	asset_derive(x);
	memcpy(x->created, old.created, sizeof x->created);
	app_now_iso(a, x->updated);
	store_rc_t rc = store_asset_update(a->store, x);
	int res = rc == STORE_OK ? audit_asset(a, "asset.update", x, e) : rc == STORE_NOT_FOUND ? not_found(e, x->id) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_asset_delete(app_t *a, int64_t id, err_t *e)
{
	asset_t x;
	if (app_asset_get(a, id, &x, e) != 0 || app_org_access(a, x.org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_asset_delete(a->store, id);
	int res = rc == STORE_OK ? audit_asset(a, "asset.delete", &x, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_asset_get(app_t *a, int64_t id, asset_t *out, err_t *e)
{
	err_clear(e);
	store_rc_t rc = store_asset_get(a->store, id, out);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	if (rc == STORE_OK && app_org_access(a, out->org_id, false, e) == 0)
		return 0;
	if (rc == STORE_OK && e->code != ERR_NOT_FOUND)
		return -1; /* the access check itself failed */
	return not_found(e, id);
}

int app_asset_get_of(app_t *a, int64_t org_id, int64_t id, asset_t *out, err_t *e)
{
	if (app_asset_get(a, id, out, e) != 0)
		return -1;
	return out->org_id == org_id ? 0 : not_found(e, id);
}

int app_asset_list(app_t *a, int64_t org_id, const asset_filter_t *f, bool (*fn)(const asset_t *, void *), void *arg,
		   int64_t *total, err_t *e)
{
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	const importance_rule_t *r = &L(a)->importance;
	char today[11], cutoff[11];
	app_today(a, today);
	asset_inventory_cutoff(today, app_inventory_months(a, org_id), cutoff);
	asset_query_t q = { .q = f->q, .department = f->department, .by_sum = r->method == IMPORTANCE_SUM,
			    .overdue_before = f->overdue ? cutoff : "", .expired_before = f->expired ? today : "",
			    .disposed = f->disposed, .sort = (asset_sort_t)f->sort, .desc = f->desc };
	if (f->importance >= 0 && f->importance < r->nlevels)
		asset_level_range(r, f->importance, &q.score_lo, &q.score_hi);
	if (f->per_page > 0) {
		q.limit = f->per_page;
		q.offset = (f->page > 1 ? f->page - 1 : 0) * f->per_page;
	}
	store_rc_t rc = store_asset_list(a->store, org_id, &q, fn, arg, total);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

/* ---- import ---- */

typedef struct {
	app_t *a;
	int64_t org_id;
	int added, updated;
	char now[32];
} import_t;

static int import_row(void *arg, int row, asset_t *x, int64_t id, err_t *e)
{
	import_t *m = arg;
	x->org_id = m->org_id;
	asset_derive(x);
	memcpy(x->updated, m->now, sizeof x->updated);
	store_rc_t rc;
	if (id > 0) {
		asset_t old;
		rc = store_asset_get(m->a->store, id, &old);
		if (rc == STORE_NOT_FOUND || (rc == STORE_OK && old.org_id != m->org_id))
			return err_set_line(e, ERR_INVALID, row, "id",
					    "%d行目 列「ID」: 情報資産 %lld はこの組織の台帳にありません（別の組織の台帳から書き出した行です。ID を空にすると新しい行として追加します）",
					    "row %d, column \"ID\": asset %lld is not in this organisation's ledger (the row was exported from "
					    "another organisation's; leave the ID empty to add it as a new asset)",
					    row, (long long)id);
		if (rc == STORE_OK) {
			x->id = id;
			memcpy(x->created, old.created, sizeof x->created);
			rc = store_asset_update(m->a->store, x);
			m->updated += rc == STORE_OK;
		}
	} else {
		memcpy(x->created, m->now, sizeof x->created);
		rc = store_asset_add(m->a->store, x);
		m->added += rc == STORE_OK;
	}
	if (rc == STORE_OK)
		return 0;
	app_store_fail(m->a, rc, e);
	e->line = row;
	return -1;
}

int app_asset_import(app_t *a, int64_t org_id, const char *data, size_t len, asset_import_t *report, int *added, int *updated,
		     err_t *e)
{
	memset(report, 0, sizeof *report);
	*added = *updated = 0;
	if (app_org_access(a, org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	import_t m = { .a = a, .org_id = org_id };
	app_now_iso(a, m.now);
	int res = asset_import_parse(L(a), data, len, import_row, &m, report);
	if (res != 0) {
		/* one error for the caller that does not read the report: the first problem */
		*e = report->errs[0];
		if (e->code != ERR_STORE && e->code != ERR_INTERNAL)
			e->code = ERR_INVALID;
		app_tx_end(a, -1, e);
		return -1;
	}
	char object[40], detail[160];
	snprintf(object, sizeof object, "organization %lld", (long long)org_id);
	snprintf(detail, sizeof detail, "ledger import (%s): %d added, %d updated", report->format, m.added, m.updated);
	res = app_audit(a, "asset.import", object, detail, e);
	if (app_tx_end(a, res, e) != 0)
		return -1;
	*added = m.added;
	*updated = m.updated;
	return 0;
}

int app_asset_starter(app_t *a, int64_t org_id, const char *starter, int *added, err_t *e)
{
	*added = 0;
	const asset_starter_t *s = ledger_starter(L(a), starter ? starter : "");
	if (!s)
		return err_set(e, ERR_INVALID, "starter", "一覧「%s」はありません", "no starter list \"%s\"", starter ? starter : "");
	if (app_org_access(a, org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	char today[11], now[32];
	app_today(a, today);
	app_now_iso(a, now);
	asset_t x;
	int res = 0;
	for (int k = 0; res == 0 && k < s->nrows; k++) {
		memset(&x, 0, sizeof x);
		x.org_id = org_id;
		for (int col = 0; res == 0 && col < ASSET_COLUMNS; col++)
			res = asset_set_column(L(a), &x, col, s->rows[k].cells[col], e);
		/* the company's ledger starts today: the seed's first entry is today's date */
		memcpy(x.registered, today, sizeof x.registered);
		memcpy(x.inventoried, today, sizeof x.inventoried);
		asset_derive(&x);
		memcpy(x.created, now, sizeof x.created);
		memcpy(x.updated, now, sizeof x.updated);
		store_rc_t rc = res == 0 ? store_asset_add(a->store, &x) : STORE_OK;
		if (rc != STORE_OK)
			res = app_store_fail(a, rc, e);
		*added += res == 0;
	}
	if (res == 0) {
		char object[40], detail[160];
		snprintf(object, sizeof object, "organization %lld", (long long)org_id);
		snprintf(detail, sizeof detail, "ledger started from \"%s\": %d added", s->id, *added);
		res = app_audit(a, "asset.import", object, detail, e);
	}
	if (app_tx_end(a, res, e) != 0) {
		*added = 0;
		return -1;
	}
	return 0;
}
