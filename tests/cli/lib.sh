# lib.sh — tiny assertion helpers for the command-line integration tests. Each check prints
# "ok" or "FAIL" with what it expected; the caller prints the "N passed, N failed" line.
PASS=0
FAIL=0
OUT=""
ERR=""
RC=0

# run CMD... : runs a command, keeping stdout, stderr and the exit code.
run() {
	OUT=$("$@" 2>"$TMP/stderr"); RC=$?
	ERR=$(cat "$TMP/stderr")
}

# test_db NAME : where a test keeps its data — a file in $TMP, or, when the runner sets
# MAMORU_TEST_PG (tests/run-all.sh runs some suites again on its throwaway cluster), a new
# PostgreSQL database there
test_db() { if [ -n "${MAMORU_TEST_PG:-}" ]; then tests/pg/cluster.sh fresh "t$$_$1"; else echo "$TMP/$1.db"; fi; }
# sqlite3 that waits for a lock instead of failing at once: a server under test (its background
# checkpoint) or a process a test has just killed may hold one for a moment
sq3() { sqlite3 -cmd ".timeout 10000" "$@"; }
# sql DB QUERY : a query's rows (columns joined by |) on either backend; keep QUERY to what both
# understand (|| on text, count, sum, coalesce of one type)
sql() { case "$1" in postgres*) psql -X -q -At "$1" -c "$2" ;; *) sq3 "$1" "$2" ;; esac; }
# agg DB EXPR [SEP [ORDER]] : the SQL that joins EXPR over a group's rows with SEP (default ","),
# for DB's backend: group_concat on SQLite (a table's rows come in rowid order), string_agg on
# PostgreSQL, ordered by ORDER when given (its rows move when they are updated)
agg() { case "$1" in postgres*) echo "string_agg(($2)::text, '${3:-,}'${4:+ ORDER BY $4})" ;; *) echo "group_concat($2, '${3:-,}')" ;; esac; }
# backdate DB ID ISO : diagnosis ID as if saved at another (UTC) time; the snapshots'
# immutability trigger steps aside for that one update, on either backend
backdate_diag() {
	case "$1" in
	postgres*) psql -X -q "$1" -c "ALTER TABLE diagnoses DISABLE TRIGGER diagnoses_immutable" \
		-c "UPDATE diagnoses SET created_at = '$3' WHERE id = $2" -c "ALTER TABLE diagnoses ENABLE TRIGGER diagnoses_immutable" ;;
	*) sq3 "$1" "DROP TRIGGER diagnoses_immutable; UPDATE diagnoses SET created_at = '$3' WHERE id = $2;
		CREATE TRIGGER diagnoses_immutable BEFORE UPDATE ON diagnoses BEGIN SELECT RAISE(ABORT, 'diagnoses are immutable snapshots'); END;" ;;
	esac
}
# dump DB : the whole database as SQL text, to search for what must not be stored in clear
dump() { case "$1" in postgres*) pg_dump "$1" ;; *) sq3 "$1" .dump ;; esac; }

ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $CASE: $*"; }

expect_rc() { [ "$RC" = "$1" ] && ok || bad "exit $RC, expected $1 (stderr: $ERR)"; }
expect_out() { case "$OUT" in *"$1"*) ok ;; *) bad "stdout lacks \"$1\": $(echo "$OUT" | head -5)" ;; esac; }
expect_no_out() { case "$OUT" in *"$1"*) bad "stdout has \"$1\"" ;; *) ok ;; esac; }
expect_err() { case "$ERR" in *"$1"*) ok ;; *) bad "stderr lacks \"$1\": $ERR" ;; esac; }
# expect_json FILTER VALUE : a jq-free check using python3's json module.
expect_json() {
	got=$(printf '%s' "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print(json.dumps(eval(sys.argv[1], {'d': d}), ensure_ascii=False))" "$1" 2>&1)
	[ "$got" = "$2" ] && ok || bad "$1 = $got, expected $2"
}
