#!/bin/bash
# run-all.sh — what `make test` runs: the layering check, the cmocka unit tests (plain and
# under AddressSanitizer + UBSan; the store's again against PostgreSQL), the command-line and
# HTTP integration tests (two at a time, see queue below) and the browser tests (each against the
# plain and the sanitizer binary), and each libFuzzer harness once over its committed corpus
# (tests/fuzz/). A throwaway PostgreSQL cluster (tests/pg/cluster.sh) lives for the whole run.
# Each runner's seconds follow its "==" line. Ends with one "N passed, N failed" line for CI.
set -u
cd "$(dirname "$0")/.."
export MAMORU_CONTENT="$PWD/content"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
pass=0 fail=0 broken=0 t0=$SECONDS

banner() { echo "== $*"; t0=$SECONDS; } # count() then says how long the runner took
# a suite that hangs is stopped after this many seconds (the longest takes under a minute) and,
# having printed no summary, counts as failed: the rest of the run goes on
SUITE_LIMIT=${SUITE_LIMIT:-600}

count() { # adds the counts from a runner's output, read from $1
	local p f
	p=$(grep -oE '\[  PASSED  \] [0-9]+' "$1" | awk '{s+=$4} END {print s+0}')
	f=$(grep -oE '\[  FAILED  \] [0-9]+ test' "$1" | awk '{s+=$4} END {print s+0}')
	p=$((p + $(grep -oE '^[A-Za-z0-9_-]+: [0-9]+ passed' "$1" | awk '{s+=$2} END {print s+0}')))
	f=$((f + $(grep -oE '[0-9]+ failed$' "$1" | awk '{s+=$1} END {print s+0}')))
	pass=$((pass + p)); fail=$((fail + f))
	echo "   $((SECONDS - t0)) s"
}

log=$(mktemp)
if eval "$(tests/pg/cluster.sh start 2>"$log")"; then
	trap 'tests/pg/cluster.sh stop; rm -f "$log"' EXIT
else
	echo "FAIL: no PostgreSQL cluster for the tests: $(cat "$log")"
	broken=$((broken + 1))
	trap 'rm -f "$log"' EXIT
fi
banner "tests/check_layers.sh"
tests/check_layers.sh >"$log" 2>&1 || true
grep -E 'FAIL' "$log" || true
count "$log"
for t in build/tests/test_* build/tests-asan/test_*; do
	banner "$t"
	if ! "$t" >"$log" 2>&1; then
		grep -q 'FAILED' "$log" || broken=$((broken + 1))
	fi
	grep -E 'FAILED|ERROR|runtime error|Sanitizer' "$log" || true
	count "$log"
done
# the backend-neutral store tests once more, on PostgreSQL
if [ -n "${MAMORU_PG_DIR:-}" ]; then
	for t in build/tests/test_store_ops build/tests/test_backends build/tests-asan/test_store_ops build/tests-asan/test_backends; do
		banner "$t on PostgreSQL"
		if ! MAMORU_TEST_STORE=$(tests/pg/cluster.sh fresh unit) "$t" >"$log" 2>&1; then
			grep -q 'FAILED' "$log" || broken=$((broken + 1))
		fi
		grep -E 'FAILED|ERROR|runtime error|Sanitizer' "$log" || true
		count "$log"
	done
fi
# libFuzzer harnesses over their seed and regression corpora: one "fuzz-NAME: N passed" each
banner "tests/fuzz/run.sh corpus"
tests/fuzz/run.sh corpus >"$log" 2>&1 || true
grep -E '^fuzz-|FAIL|runtime error|Sanitizer' "$log" || true
count "$log"
grep -c '^fuzz-[a-z-]*: ' "$log" | grep -qx 6 || broken=$((broken + 1))
# The command-line and HTTP suites (each with the plain and the sanitizer binary, some once more
# on PostgreSQL) run in MAMORU_TEST_JOBS lanes at once (2 by default: most of a suite's time is
# spent starting processes and waiting on them, so two lanes keep both cores busy). Each suite has
# its own folder, port and database; its output goes to a file of its own and is reported below in
# the order the suites were queued, as if they had run one after another.
lanes=$(mktemp -d)
queued=0
queue() { # queue LABEL VAR=VALUE… SCRIPT: runs bash SCRIPT in a free lane with that environment
	local label=$1
	shift
	queued=$((queued + 1))
	echo "$label" >"$lanes/$queued.label"
	(s=$SECONDS; env "${@:1:$#-1}" timeout --kill-after=10 "$SUITE_LIMIT" bash "${@: -1}" >"$lanes/$queued.log" 2>&1; echo $((SECONDS - s)) >"$lanes/$queued.sec") &
	while [ "$(jobs -rp | wc -l)" -ge "${MAMORU_TEST_JOBS:-2}" ]; do wait -n; done
}
for bin in ./mamoru build/asan/mamoru; do
	for t in tests/cli/test_*.sh tests/http/test_*.sh; do
		queue "$t with $bin" MAMORU_BIN=$bin "$t"
	done
done
# suites that keep their data through test_db (tests/cli/lib.sh) run once more on PostgreSQL,
# with the plain binary only: every suite that stores anything, except test_store_cli (SQLite's
# own file: the default ./var/mamoru.db, backup and restore of the file, a damaged file).
# test_postgres_http has a cluster of its own (or this one).
if [ -n "${MAMORU_PG_DIR:-}" ]; then
	for t in tests/http/test_http.sh tests/http/test_clients_http.sh tests/http/test_delete_http.sh tests/http/test_pagination_http.sh \
		tests/http/test_asset_http.sh tests/http/test_contractor_http.sh tests/http/test_pool_http.sh tests/http/test_report_http.sh \
		tests/http/test_access_http.sh tests/http/test_result_http.sh tests/http/test_benchmark_http.sh tests/http/test_security_action_http.sh \
		tests/http/test_manual_pdf_http.sh tests/http/test_pool_high_http.sh \
		tests/http/test_hostile_http.sh tests/http/test_incident_http.sh tests/cli/test_asset_cli.sh tests/cli/test_contractor_cli.sh tests/cli/test_delete_cli.sh \
		tests/cli/test_incident_cli.sh tests/cli/test_report_cli.sh tests/cli/test_polish_cli.sh tests/http/test_polish_http.sh \
		tests/cli/test_manual_pdf_cli.sh tests/http/test_content_http.sh tests/cli/test_benchmark_cli.sh \
		tests/http/test_save_http.sh tests/http/test_english_http.sh tests/http/test_sweep_http.sh tests/http/test_heavy_http.sh \
		tests/http/test_startup_http.sh tests/cli/test_english_cli.sh; do
		queue "$t on PostgreSQL" MAMORU_TEST_PG=1 MAMORU_BIN=./mamoru "$t"
	done
fi
wait
for i in $(seq 1 "$queued"); do
	label=$(cat "$lanes/$i.label") t=$(cut -d' ' -f1 "$lanes/$i.label")
	echo "== $label"
	cp "$lanes/$i.log" "$log"
	grep -E 'FAIL|runtime error|Sanitizer' "$log" || true
	t0=$((SECONDS - $(cat "$lanes/$i.sec" 2>/dev/null || echo 0)))
	count "$log"
	# a script that never reached its "NAME: N passed, N failed" line is broken, not passed
	grep -qE '^[A-Za-z0-9_-]+: [0-9]+ passed, [0-9]+ failed$' "$log" || { echo "FAIL: $t printed no summary"; tail -3 "$log"; broken=$((broken + 1)); }
	# what the sanitizer build's server said on its way out (tests/http/lib.sh stop_server): a leak
	grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error' "$log" && { echo "FAIL: $t: the sanitizer reported an error"; broken=$((broken + 1)); }
done
rm -rf "$lanes"
# every browser suite (tests/browser/test_*.mjs), each ending with its "NAME: N passed, N failed"
for bin in ./mamoru build/asan/mamoru; do
	for t in tests/browser/test_*.mjs; do
		banner "$t with $bin"
		MAMORU_BIN=$bin timeout --kill-after=10 "$SUITE_LIMIT" node "$t" >"$log" 2>&1 || true
		grep -E 'FAIL|Error' "$log" || true
		count "$log"
		grep -qE '^[A-Za-z0-9_-]+: [0-9]+ passed, [0-9]+ failed$' "$log" || { echo "FAIL: $t printed no summary"; broken=$((broken + 1)); }
	done
done
fail=$((fail + broken))
echo
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
