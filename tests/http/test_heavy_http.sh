#!/bin/bash
# test_heavy_http.sh — the cap on heavy requests (src/web/heavy.h): with `serve --max-heavy 1`
# and four threads, a burst of report downloads gets some PDFs and, for the rest, 503 at once
# with Retry-After and the message in both languages (a page for the browser, the JSON envelope
# for the API); pages are never turned away; every slot is given back (one download after
# another keeps succeeding); a bad --max-heavy is refused before the server starts.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db heavy)
M() { "$BIN" --db "$DB" "$@" >/dev/null; }
M org add --name "株式会社みなと製作所" --industry E --employees 20
M diagnose jisha-shindan --answers examples/jisha-shindan.csv --org 1 --save --scope "本社"
M diagnose jisha-shindan --answers examples/jisha-shindan.csv --org 1 --save --scope "工場"

CASE="a bad --max-heavy is refused with the option named, and no server starts"
for v in 0 x 1001; do
	run "$BIN" --db "$DB" serve --listen 127.0.0.1:1 --max-heavy "$v"
	expect_rc 2
	expect_err "--max-heavy"
done

# the server of tests/http/lib.sh's start_server, with serve options of its own
PORT=$(free_port)
B=http://127.0.0.1:$PORT
add_user --db "$DB" "$TEST_EMAIL" admin
API_TOKEN=$("$BIN" --db "$DB" token add "$TEST_EMAIL" --label tests | tail -1)
"$BIN" --db "$DB" serve --listen "127.0.0.1:$PORT" --threads 4 --max-heavy 1 2>"$TMP/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 1 50); do curl -s -o /dev/null "$B/healthz" && break; sleep 0.1; done
login "$TEST_EMAIL" || bad "sign-in"

# burst N URL [curl args]: N requests for URL, each from a curl of its own started 10 ms after
# the one before (connections arriving while a pool thread is busy go to the idle threads);
# CODES = their statuses, counted; each body in $TMP/burst_K, its status line in $TMP/burst.txt
burst() {
	local n=$1 u=$2 k pids=(); shift 2
	rm -f "$TMP"/burst_*
	for k in $(seq 1 "$n"); do
		curl -s "$@" -o "$TMP/burst_$k" -w '%{http_code} %header{retry-after} %{content_type}\n' "$B$u" >"$TMP/burst_status_$k" &
		pids+=($!)
		sleep 0.01
	done
	wait "${pids[@]}"
	cat "$TMP"/burst_status_* >"$TMP/burst.txt"
	CODES=$(cut -d' ' -f1 "$TMP/burst.txt" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
}
count() { grep -c "^$1 " "$TMP/burst.txt"; }

CASE="a burst of PDF reports: some made, the rest 503 at once with Retry-After"
burst 8 /organizations/1/history.pdf -b "$TMP/cj"
[ "$(count 200)" -ge 1 ] && ok || bad "no report was made: $CODES"
[ "$(count 503)" -ge 1 ] && ok || bad "no request was turned away with the cap at 1 and 8 at once: $CODES"
[ $(($(count 200) + $(count 503))) = 8 ] && ok || bad "statuses other than 200 and 503: $CODES"
grep -q '^200 .* application/pdf' "$TMP/burst.txt" && ok || bad "a 200 that is not a PDF: $(cat "$TMP/burst.txt")"
grep '^503 ' "$TMP/burst.txt" | grep -qv '^503 2 text/html' && bad "a 503 without Retry-After: 2 as a page: $(cat "$TMP/burst.txt")" || ok
busy_body=$(grep -l '混み合って' "$TMP"/burst_[0-9]* | head -1)
OUT=$(cat "${busy_body:-/dev/null}")
expect_out "報告書・出力の作成が混み合っています"
expect_out "Reports and exports are busy right now"

CASE="every slot is given back: one report after another is made"
for i in 1 2 3; do
	curl -s -o "$TMP/one.pdf" -b "$TMP/cj" -w '%{http_code}' "$B/organizations/1/history.pdf" >"$TMP/code"
	[ "$(cat "$TMP/code")" = 200 ] && ok || bad "report $i after the burst: HTTP $(cat "$TMP/code")"
done
head -c 5 "$TMP/one.pdf" | grep -q '%PDF-' && ok || bad "not a PDF"

CASE="the API's burst: 503 in the JSON envelope, code busy, both languages"
burst 8 /api/v1/diagnoses/1/report.pdf -H "Authorization: Bearer $API_TOKEN"
[ "$(count 503)" -ge 1 ] && ok || bad "no API request was turned away: $CODES"
[ "$(count 200)" -ge 1 ] && ok || bad "no report was made: $CODES"
grep '^503 ' "$TMP/burst.txt" | grep -qv '^503 2 application/json' && bad "a 503 without Retry-After as JSON: $(cat "$TMP/burst.txt")" || ok
busy_body=$(grep -l '"busy"' "$TMP"/burst_[0-9]* | head -1)
OUT=$(cat "${busy_body:-/dev/null}")
expect_out '"code":"busy"'
expect_out "混み合っています。数秒おいてもう一度お試しください。 / Reports and exports are busy right now."

CASE="pages are not heavy: a burst of organisation pages is answered in full"
burst 8 /organizations/1 -b "$TMP/cj"
[ "$(count 200)" = 8 ] && ok || bad "pages turned away: $CODES"

CASE="a comparison is a page: a burst of comparisons is answered in full"
burst 4 /diagnoses/2/compare -b "$TMP/cj"
[ "$(count 200)" = 4 ] && ok || bad "comparisons turned away: $CODES"

echo "test_heavy_http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
