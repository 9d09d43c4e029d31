#!/bin/bash
# run.sh — mamoru's benchmarks. `make bench` builds and runs them; figures go to stdout and
# are copied by hand into bench/README.md with the machine they were measured on.
set -eu -o pipefail
cd "$(dirname "$0")/.."
# what it runs is built first: a hand run after a change (a new schema) must not time a stale binary
make -s build/bench/bench_store build/bench/store_floor >&2
export MAMORU_CONTENT=$PWD/content
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
N=${N:-2000}

ROUNDS=${ROUNDS:-5}

# Every save is checked afterwards: N diagnoses (plus the template's one), 25 answers and 13
# categories each, in both databases, or the run stops.
check_rows() { # DB EXPECTED_DIAGNOSES
	local got
	got=$(sqlite3 "$1" "SELECT (SELECT count(*) FROM diagnoses) || ' ' || (SELECT count(*) FROM diagnosis_answers) || ' ' || (SELECT count(*) FROM diagnosis_categories)")
	[ "$got" = "$2 $(($2 * 25)) $(($2 * 13))" ] || { echo "FAIL: $1 holds $got rows, expected $2 diagnoses with 25 answers and 13 categories each" >&2; exit 1; }
}

echo "== storage: $N saves of a 25-answer diagnosis, one transaction each, $ROUNDS interleaved rounds"
echo "   A = mamoru (score, snapshot, access checks, save + audit through the store)"
echo "   B = the floor: bench/store_floor.c, the same rows with prepared statements and nothing else"
# The floor copies diagnosis 1 and its audit entry, saved by mamoru into the same schema.
build/bench/bench_store saves "$T/template.db" 1 >/dev/null
sqlite3 "$T/template.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
: >"$T/ratios"
for r in $(seq 1 "$ROUNDS"); do
	rm -f "$T"/m.db* "$T"/f.db*
	cp "$T/template.db" "$T/f.db"
	# each prints "wall-clock-saves/s cpu-saves/s"
	run_a() { build/bench/bench_store saves "$T/m.db" "$N" | sed 's/.*per_second=\([0-9]*\) cpu_per_second=\([0-9]*\).*/\1 \2/'; }
	run_b() { build/bench/store_floor "$T/f.db" "$N" | sed 's/.*per_second=\([0-9]*\) cpu_per_second=\([0-9]*\).*/\1 \2/'; }
	if [ $((r % 2)) = 1 ]; then a=$(run_a); b=$(run_b); else b=$(run_b); a=$(run_a); fi
	check_rows "$T/m.db" "$N"
	check_rows "$T/f.db" "$((N + 1))"
	echo "$a $b" | awk -v r="$r" '{printf "round %d: mamoru %d saves/s (%d per CPU second), floor %d saves/s (%d per CPU second); mamoru / floor %.2f wall-clock, %.2f CPU\n", r, $1, $2, $3, $4, $1 / $3, $2 / $4}'
	echo "$a $b" | awk '{printf "%.4f %.4f\n", $1 / $3, $2 / $4}' >>"$T/ratios"
done
stats() { sort -n | awk -v what="$1" '{v[NR] = $1} END {printf "mamoru / floor, %s, over %d rounds: min %.2f, median %.2f, max %.2f\n", what, NR, v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR]}'; }
cut -d' ' -f1 "$T/ratios" | stats "saves per wall-clock second"
cut -d' ' -f2 "$T/ratios" | stats "saves per CPU second (disk waits left out)"

# The old, weak baseline (SHELL_BASELINE=1): the sqlite3 shell parsing every statement anew (54 per save;
# 41 before schema 20 stored the category titles once)
# and finding the new id with a sub-query. Kept for comparison with the figures of issue 3 only.
if [ "${SHELL_BASELINE:-0}" = 1 ]; then
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
			echo "INSERT INTO category_titles (category, title_ja, title_en) VALUES ('c$k', 'タイトル', 'Title') ON CONFLICT DO NOTHING;"
			echo "INSERT INTO diagnosis_categories SELECT (SELECT max(id) FROM diagnoses), $k, id, 4, 8 FROM category_titles WHERE category = 'c$k' AND title_ja = 'タイトル' AND title_en = 'Title';"
		done
		echo "COMMIT;"
	done
} >"$T/base.sql"
start=$(date +%s.%N)
sqlite3 "$T/base.db" <"$T/base.sql" >/dev/null
end=$(date +%s.%N)
awk -v n="$N" -v s="$start" -v e="$end" 'BEGIN {printf "old baseline, sqlite3 shell (weak: parses every statement): saves=%d per_second=%.0f\n", n, n / (e - s)}'
fi

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
