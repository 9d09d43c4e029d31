/*
 * copy.c — see copy.h. Backend-neutral: it reads and writes rows only through the store's
 * table operations (rows, insert_row, clear_table, copy_done), so any pair of backends works.
 */
#include "store/copy.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* In an order that satisfies the foreign keys: a row's parents are copied before it. */
const store_table_t STORE_TABLES[] = {
	{ "workspaces", "id, name, require_totp, created_at", "id" },
	/* the latest result's columns are copied as they are: they agree with the diagnoses copied */
	{ "organizations",
	  "id, name, industry, employees, capital, prefecture, sites, created_at, updated_at, workspace_id, archived_at, latest_at, "
	  "latest_score, latest_total, latest_band, latest_trend",
	  "id" },
	{ "users", "id, workspace_id, email, name, role, organization_id, password_hash, totp_secret, disabled, created_at, updated_at",
	  "id" },
	{ "user_orgs", "user_id, organization_id", "user_id, organization_id" },
	{ "diagnoses",
	  "id, organization_id, questionnaire, content_version, scope, respondent, role, pool, total, max, min, band_id, band_ja, "
	  "band_en, created_at, round, risk_index, risk_group, size_band, industry, profile, workspace_id",
	  "id" },
	{ "diagnosis_answers", "diagnosis_id, position, question, category, option, points, \"full\", note", "diagnosis_id, position" },
	{ "category_titles", "id, category, title_ja, title_en", "id" },
	{ "diagnosis_categories", "diagnosis_id, position, title_id, total, max", "diagnosis_id, position" },
	{ "drafts", "id, questionnaire, organization_id, answers, updated_at, workspace_id", "id" },
	{ "plan_items",
	  "id, organization_id, diagnosis_id, questionnaire, question, owner, due, status, created_at, updated_at, workspace_id, title, note",
	  "id" },
	{ "org_profiles", "id, organization_id, version, answers, created_at, workspace_id", "id" },
	{ "assets",
	  "id, workspace_id, organization_id, no, name, medium, location, scope, department, owner, contact, registered, retention, "
	  "disposed, inventoried, c, i, a, note, retain_until, created_at, updated_at",
	  "id" },
	{ "risks",
	  "id, workspace_id, organization_id, threat, threat_ref, source, frequency, impact, treatment, reason, measures, "
	  "residual_frequency, residual_impact, review, created_at, updated_at",
	  "id" },
	{ "risk_assets", "risk_id, asset_id", "risk_id, asset_id" },
	{ "risk_settings", "organization_id, workspace_id, matrix, inventory_months", "organization_id" },
	{ "security_actions", "organization_id, workspace_id, rules, rules_updated, scope, officer, representative, protects, laws, "
	  "training, review, policy, adopted, policy_updated", "organization_id" },
	{ "incidents",
	  "id, workspace_id, organization_id, type, level, scopes, title, detected, reporter, assets, description, intake, status, "
	  "cause, measures, closed_at, created_by, created_at, updated_at",
	  "id" },
	{ "incident_steps", "id, incident_id, workspace_id, position, step_key, actor, step_text, done, done_by, done_at, note, updated_at",
	  "id" },
	{ "incident_events", "id, incident_id, workspace_id, happened, kind, entry, by_name, created_at", "id" },
	{ "emergency_manuals", "organization_id, workspace_id, contacts, reviewed, updated_at", "organization_id" },
	{ "emergency_roles", "organization_id, workspace_id, role, name, phone, mail", "organization_id, role" },
	{ "bcp_steps", "organization_id, workspace_id, step, owner, done, done_on, note, updated_at", "organization_id, step" },
	{ "pool_members", "organization_id, questionnaire, diagnosis_id, contribution", "organization_id, questionnaire" },
	{ "pool_agg", "questionnaire, version, dim, value, month, origin, data", "questionnaire, version, dim, value, month, origin" },
	{ "pool_sources", "id, source, period_from, period_to, release, contains, aggregates, imported_at", "id" },
	{ "pool_releases", "id, month, created_at, rho, min_group, made_by", "id" },
	{ "pool_release_agg", "release_id, questionnaire, version, dim, value, data", "release_id, questionnaire, version, dim, value" },
	{ "sessions", "id_hash, user_id, csrf, created_at, seen_at, second_factor", "id_hash" },
	{ "tokens", "id, user_id, hash, label, created_at, revoked_at", "id" },
	{ "login_failures", "key, count, first_at", "key" },
	{ "audit", "id, at, workspace_id, user_id, actor, action, object, detail, client", "id" },
	{ "respondent_links",
	  "hash, workspace_id, organization_id, questionnaire, scope, role, created_by, created_at, expires_at, diagnosis_id", "hash" },
	{ "contractors",
	  "id, workspace_id, organization_id, name, contact, handles, contract_start, contract_end, review_due, note, created_at, "
	  "updated_at", "id" },
	{ "contractor_requests",
	  "id, workspace_id, contractor_id, organization_id, items, link_hash, created_at, reviewed_by, reviewed_at, review_note", "id" },
	{ "cloud_services",
	  "id, workspace_id, organization_id, name, provider, purpose, review_due, diagnosis_id, checked_at, created_at, updated_at",
	  "id" },
};

const int STORE_TABLE_COUNT = (int)(sizeof STORE_TABLES / sizeof STORE_TABLES[0]);

const char *const STORE_DERIVED_TABLES[] = { "asset_counts", "risk_counts", "org_counts" };
const int STORE_DERIVED_COUNT = (int)(sizeof STORE_DERIVED_TABLES / sizeof STORE_DERIVED_TABLES[0]);

/* ---- a digest of a table's rows, to compare both sides ---- */

/* The sum of the rows' own hashes: independent of the order each backend returns them in
 * (text keys sort by collation, which differs between SQLite and a PostgreSQL server). */
typedef struct {
	uint64_t h;
	long long rows;
} digest_t;

static void fnv(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ b[i]) * 1099511628211ULL;
}

static bool digest_row(int n, const store_value_t *v, void *arg)
{
	digest_t *d = arg;
	uint64_t h = 14695981039346656037ULL;
	for (int i = 0; i < n; i++) {
		unsigned char tag = v[i].null ? 0 : v[i].blob ? 2 : 1;
		fnv(&h, &tag, 1);
		fnv(&h, &v[i].len, sizeof v[i].len);
		if (!v[i].null)
			fnv(&h, v[i].p, v[i].len);
	}
	d->h += h;
	d->rows++;
	return true;
}

static store_rc_t digest(store_t *s, const store_table_t *t, digest_t *d)
{
	d->h = 0;
	d->rows = 0;
	return s->ops->rows(s, t, digest_row, d);
}

/* ---- copying ---- */

typedef struct {
	store_t *dst;
	const store_table_t *t;
	store_rc_t rc;
	long long rows;
} insert_t;

static bool insert_row(int n, const store_value_t *v, void *arg)
{
	insert_t *x = arg;
	x->rc = x->dst->ops->insert_row(x->dst, x->t, n, v);
	x->rows++;
	return x->rc == STORE_OK;
}

/* dst must hold nothing but what a new database holds (its first workspace). */
static int check_empty(store_t *dst, err_t *e)
{
	static const char *const MUST_BE_EMPTY[] = { "organizations", "users", "diagnoses", "audit" };
	for (size_t i = 0; i < sizeof MUST_BE_EMPTY / sizeof *MUST_BE_EMPTY; i++)
		for (int k = 0; k < STORE_TABLE_COUNT; k++) {
			if (strcmp(STORE_TABLES[k].name, MUST_BE_EMPTY[i]))
				continue;
			digest_t d;
			store_rc_t rc = digest(dst, &STORE_TABLES[k], &d);
			if (rc != STORE_OK) {
				*e = *store_err(dst);
				return -1;
			}
			if (d.rows)
				return err_set(e, ERR_CONFLICT, "to", "コピー先のデータベースが空ではありません（%s に %lld 行あります）",
					       "the destination database is not empty (%s has %lld rows)", STORE_TABLES[k].name, d.rows);
		}
	return 0;
}

static int fail_store(store_t *s, const char *table, const char *side, err_t *e)
{
	const err_t *why = store_err(s);
	return err_set(e, ERR_STORE, side, "%s（%s）: %.400s%.0s", "%s (%s): %.0s%.400s", table, side, why->ja, why->en);
}

int store_copy(store_t *src, store_t *dst, copy_count_t *counts, err_t *e)
{
	err_clear(e);
	if (check_empty(dst, e) != 0)
		return -1;
	bool began = store_read_begin(src); /* one consistent view of the source */
	if (store_begin(dst) != STORE_OK) {
		store_read_end(src, began);
		return fail_store(dst, "begin", "to", e);
	}
	int res = 0;
	for (int k = 0; res == 0 && k < STORE_TABLE_COUNT; k++) {
		const store_table_t *t = &STORE_TABLES[k];
		/* a new database's first workspace, and its own install id (the copy is the same
		 * install: its pool keeps recognising its own exports) */
		if ((!strcmp(t->name, "workspaces") || !strcmp(t->name, "pool_sources")) && dst->ops->clear_table(dst, t) != STORE_OK) {
			res = fail_store(dst, t->name, "to", e);
			break;
		}
		insert_t x = { .dst = dst, .t = t, .rc = STORE_OK };
		store_rc_t rc = src->ops->rows(src, t, insert_row, &x);
		if (rc != STORE_OK)
			res = fail_store(src, t->name, "from", e);
		else if (x.rc != STORE_OK)
			res = fail_store(dst, t->name, "to", e);
		if (counts) {
			counts[k].table = t->name;
			counts[k].rows = x.rows;
		}
	}
	if (res == 0 && dst->ops->copy_done(dst) != STORE_OK)
		res = fail_store(dst, "copy_done", "to", e);
	/* read everything back inside the transaction: commit only what compares equal */
	for (int k = 0; res == 0 && k < STORE_TABLE_COUNT; k++) {
		digest_t a, b;
		if (digest(src, &STORE_TABLES[k], &a) != STORE_OK)
			res = fail_store(src, STORE_TABLES[k].name, "from", e);
		else if (digest(dst, &STORE_TABLES[k], &b) != STORE_OK)
			res = fail_store(dst, STORE_TABLES[k].name, "to", e);
		else if (a.h != b.h || a.rows != b.rows)
			res = err_set(e, ERR_STORE, "to", "コピーの確認に失敗しました: %s（元 %lld 行、先 %lld 行）",
				      "the copy does not compare equal: %s (%lld rows in the source, %lld in the destination)",
				      STORE_TABLES[k].name, a.rows, b.rows);
	}
	store_read_end(src, began);
	if (res != 0) {
		store_rollback(dst);
		return -1;
	}
	return store_commit(dst) == STORE_OK ? 0 : fail_store(dst, "commit", "to", e);
}
