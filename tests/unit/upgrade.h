/*
 * upgrade.h — what the upgrade tests of both backends share (test_store.c on SQLite,
 * test_backends.c on PostgreSQL): the schema steps they upgrade across, the rows a database
 * held before schema 21, and the client-list page those rows must give after it.
 */
#ifndef MAMORU_TESTS_UPGRADE_H
#define MAMORU_TESTS_UPGRADE_H

#include "unit.h"

#include "store/store.h"

/* the migrations the upgrade tests start just before */
enum {
	TITLES_STEP = 19,     /* category titles moved into category_titles */
	LATEST_STEP = 21,     /* each organisation's latest result kept on its row */
	ORG_COUNTS_STEP = 22, /* SQLite's org_counts */
};

/* Three organisations and their diagnoses as a database before LATEST_STEP holds them: A社 has
 * two of jisha-shindan (80, then 60: −20) and an older checklist, B社 one (90), C社 none. */
static const char LATEST_ROWS[] =
	"INSERT INTO organizations (name, created_at, updated_at) VALUES ('A社', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'), "
	"('B社', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'), ('C社', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
	"INSERT INTO diagnoses (organization_id, questionnaire, content_version, scope, total, max, min, band_id, band_ja, band_en, "
	"created_at) VALUES (1, 'jisha-shindan', '2009-1', '全社', 80, 100, -20, 'pass', '合格', 'pass', '2025-04-01T00:00:00Z'), "
	"(1, 'jisha-shindan', '2009-1', '全社', 60, 100, -20, 'gaps', '要改善', 'gaps', '2025-05-01T00:00:00Z'), "
	"(1, 'checklist', '2009-1', '全社', 10, 22, 0, 'some', '一部', 'some', '2025-03-01T00:00:00Z'), "
	"(2, 'jisha-shindan', '2009-1', '全社', 90, 100, -20, 'pass', '合格', 'pass', '2025-04-15T00:00:00Z')";

/* The page's first ids (0 ends the list), as the client list would ask for it. */
static inline void latest_page_is(store_t *s, org_by_t by, bool desc, const char *band, int64_t x, int64_t y, int64_t z)
{
	int64_t want[3] = { x, y, z };
	int k = 0;
	while (k < 3 && want[k])
		k++;
	org_query_t q = { .band = band, .by = by, .desc = desc, .limit = 10 };
	org_t *l;
	int n;
	int64_t matched, all;
	assert_int_equal(store_org_page(s, &q, &l, &n, &matched, &all), STORE_OK);
	assert_int_equal(n, k);
	for (int i = 0; i < k; i++)
		assert_int_equal(l[i].id, want[i]);
	free(l);
}

/* A database upgraded past schema 21 with LATEST_ROWS: its client list in every order, and the
 * store keeping it from there (A社's latest deleted, its 80 is the latest again). */
static inline void latest_kept_after_upgrade(store_t *s)
{
	latest_page_is(s, ORG_BY_SCORE, true, "", 2, 1, 3);
	latest_page_is(s, ORG_BY_SCORE, false, "", 1, 2, 3);
	latest_page_is(s, ORG_BY_DATE, true, "", 1, 2, 3);
	latest_page_is(s, ORG_BY_TREND, true, "", 1, 2, 3);
	latest_page_is(s, ORG_BY_NAME, false, "gaps", 1, 0, 0);
	latest_page_is(s, ORG_BY_NAME, false, "pass", 2, 0, 0);
	assert_int_equal(store_diag_delete(s, 2), STORE_OK);
	latest_page_is(s, ORG_BY_NAME, false, "pass", 1, 2, 0);
	latest_page_is(s, ORG_BY_DATE, true, "", 2, 1, 3);
}

#endif
