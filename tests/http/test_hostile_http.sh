#!/bin/bash
# test_hostile_http.sh — the server against hostile requests (issue "Hardening"): each
# reproduction of a known attack must leave the server answering, write nothing, and give the
# client a clear 4xx in the project's error envelope. Run against the sanitizer build too, so a
# request that would corrupt memory fails here rather than in production.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB="$TMP/w.db"
start_server --db "$DB"
rows() { sqlite3 "$DB" "SELECT (SELECT count(*) FROM diagnoses) || '/' || (SELECT count(*) FROM organizations)"; }
alive() { curl -s -o /dev/null -w '%{http_code}' "$B/healthz" | grep -q 200 && ok || bad "the server no longer answers"; }
# expect_error CODE FIELD : the error envelope with a message
expect_error() {
	expect_json "d['error']['code']" "\"$1\""
	expect_json "len(d['error']['message']) > 0" "true"
	[ -z "${2:-}" ] || expect_json "d['error']['field']" "\"$2\""
}

api POST /api/v1/organizations -d '{"name": "株式会社テスト"}'
expect_code 201
BEFORE=$(rows)

CASE="a long Japanese answer key is cut on a character boundary, not the server"
api POST /api/v1/diagnoses --data-binary '{"questionnaire":"jisha-shindan","answers":{"aあああああああああああ":true}}'
expect_code 422; expect_error invalid "answers.aああああああ"
alive

CASE="a long Japanese employee count is refused with its start quoted whole"
api POST /api/v1/organizations --data-binary "{\"name\":\"x\",\"employees\":\"$(printf 'あ%.0s' $(seq 60))\"}"
expect_code 422; expect_error invalid employees
expect_out "「$(printf "あ%.0s" $(seq 13))」"
alive

CASE="a long Japanese profile item or option is refused"
api PUT /api/v1/organizations/1/profile --data-binary "{\"answers\": {\"$(printf 'い%.0s' $(seq 40))\": \"x\"}}"
expect_code 422; expect_error invalid profile
api PUT /api/v1/organizations/1/profile --data-binary "{\"answers\": {\"sales\": \"$(printf 'う%.0s' $(seq 40))\"}}"
expect_code 422; expect_error invalid sales
expect_out "選択肢「$(printf "う%.0s" $(seq 20))」"
alive

CASE="the language switch stays on this site whatever the path"
get '//evil.example/x' --path-as-is
expect_code 404
expect_no_out 'href="//'
expect_out 'href="/evil.example/x?lang=en"'
get '/%2F%2Fevil.example/x'
expect_no_out 'href="//'
get '/\evil.example/x' --path-as-is
expect_no_out 'href="/\'


CASE="a CSV answer file of blank lines costs memory in proportion to its size"
{ echo "question,answer"; head -c 200000 /dev/zero | tr '\0' '\n'; echo "1,yes"; } >"$TMP/blank.csv"
MEASURE='
import os, resource, subprocess, sys, time
def limit():  # a regression must fail here, not take the machine: 2 GiB of address space
    if "libasan" not in sys.argv[1]: resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":hard_rss_limit_mb=2048")
t = time.time()
try:
    rc = subprocess.run(sys.argv[2:], preexec_fn=limit, env=env, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL, timeout=20).returncode
except subprocess.TimeoutExpired:
    rc = "timeout"
print(rc, "%.1f" % (time.time() - t), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
'
read -r mrc msec mrss <<<"$(python3 -c "$MEASURE" "$(ldd "$BIN" 2>/dev/null | grep -o libasan | head -1)" "$BIN" diagnose jisha-shindan --answers "$TMP/blank.csv")"
[ "$mrc" = 0 ] && ok || bad "exit $mrc"
awk "BEGIN { exit !($msec < 5) }" && ok || bad "took ${msec}s"
[ "$mrss" -lt 100 ] 2>/dev/null && ok || bad "max RSS ${mrss} MiB"


CASE="an answer note is at most 1,000 characters without control characters"
python3 -c 'import json; print(json.dumps({"questionnaire": "jisha-shindan", "answers": {"1": {"answer": "yes", "note": "x" * 900000}}}))' >"$TMP/bignote.json"
api POST /api/v1/diagnoses --data-binary @"$TMP/bignote.json"
expect_code 422; expect_error invalid answers.1.note
api POST /api/v1/diagnoses --data-binary '{"questionnaire":"jisha-shindan","answers":{"2":{"answer":"yes","note":"a\u001b[2Jb"}}}'
expect_code 422; expect_error invalid answers.2.note
note() { python3 -c 'import sys; print("question,answer,note"); print("1,yes,\"" + sys.argv[1] + "\"")' "$1"; }
note "$(printf 'あ%.0s' $(seq 1000))" >"$TMP/n1000.csv"
run "$BIN" diagnose jisha-shindan --answers "$TMP/n1000.csv"
expect_rc 0
note "$(printf 'あ%.0s' $(seq 1001))" >"$TMP/n1001.csv"
run "$BIN" diagnose jisha-shindan --answers "$TMP/n1001.csv"
expect_rc 2; expect_err answers.1.note
printf 'question,answer,note\n1,yes,"line 1\nline 2\ttab"\n2,no,"bell\a"\n' >"$TMP/nctl.csv"
run "$BIN" diagnose jisha-shindan --answers "$TMP/nctl.csv"
expect_rc 2; expect_err answers.2.note


CASE="nothing was written by the refused requests"
[ "$(rows)" = "$BEFORE" ] && ok || bad "rows changed: $BEFORE -> $(rows)"

echo
echo "hostile-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
