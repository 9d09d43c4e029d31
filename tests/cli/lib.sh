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
