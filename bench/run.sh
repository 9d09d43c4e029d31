#!/bin/bash
# run.sh — mamoru's benchmarks. `make bench` builds and runs them; figures go to stdout and
# are copied by hand into bench/README.md with the machine they were measured on.
set -eu
cd "$(dirname "$0")/.."
export MAMORU_CONTENT=$PWD/content
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
N=${N:-2000}

echo "== storage: $N saves of a 25-answer diagnosis, one transaction each"
build/bench/bench_store saves "$T/m.db" "$N"

# Baseline: the sqlite3 shell inserting the same rows (1 diagnosis + 25 answers + 13 category
# subtotals per transaction) into the same schema, in WAL mode with synchronous=NORMAL.
sqlite3 "$T/m.db" "SELECT sql || ';' FROM sqlite_master WHERE type IN ('table','index') AND sql IS NOT NULL" >"$T/schema.sql"
{
	echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
	cat "$T/schema.sql"
	echo "INSERT INTO organizations (name, created_at, updated_at) VALUES ('bench', 'x', 'x');"
	for i in $(seq 1 "$N"); do
		echo "BEGIN IMMEDIATE;"
		echo "INSERT INTO diagnoses (organization_id, questionnaire, content_version, round, scope, respondent, role, pool, total, max, min, band_id, band_ja, band_en, created_at) VALUES (1, 'jisha-shindan', '2009-1', '2026-11', '全社', '', 'staff', 0, 45, 100, -20, 'danger', '49点以下', '49 or less', '2026-11-23T00:00:00Z');"
		for q in $(seq 1 25); do
			echo "INSERT INTO diagnosis_answers VALUES ((SELECT max(id) FROM diagnoses), $q, '$q', 'storage', 'yes', 4, 4, '');"
		done
		for k in $(seq 1 13); do
			echo "INSERT INTO diagnosis_categories VALUES ((SELECT max(id) FROM diagnoses), $k, 'c$k', 'タイトル', 'Title', 4, 8);"
		done
		echo "COMMIT;"
	done
} >"$T/base.sql"
start=$(date +%s.%N)
sqlite3 "$T/base.db" <"$T/base.sql" >/dev/null
end=$(date +%s.%N)
awk -v n="$N" -v s="$start" -v e="$end" 'BEGIN {printf "sqlite3 shell: saves=%d seconds=%.3f per_second=%.0f\n", n, e - s, n / (e - s)}'

echo "== database size"
sqlite3 "$T/m.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
stat -c %s "$T/m.db" | awk -v n="$N" '{printf "mamoru db after %d diagnoses: %d bytes = %.1f MB per 10,000\n", n, $1, $1 / n * 10000 / 1e6}'

echo "== history of one organisation with 1,000 diagnoses"
build/bench/bench_store saves "$T/h.db" 1000 >/dev/null
build/bench/bench_store history "$T/h.db" 20
start=$(date +%s.%N)
./mamoru --db "$T/h.db" history 1 >/dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN {printf "mamoru history 1 (whole command, text output): %.0f ms\n", (e - s) * 1000}'
