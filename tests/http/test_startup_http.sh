#!/bin/bash
# test_startup_http.sh — the server listens without building the search index first (issue 19):
# the index is built by the first search, once, while other first searches wait for it. Eight
# searches sent at once to a server that has just started all answer 200 with the same hits as
# a search made afterwards, and the server keeps answering.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db u)
start_server --db "$DB"

Q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("情報漏洩"))')
CASE="eight first searches at once: each 200 with the same hits"
pids=()
for i in $(seq 1 8); do
	curl -s -m 30 -o "$TMP/s$i.json" -w '%{http_code}\n' -H "Authorization: Bearer $API_TOKEN" "$B/api/v1/search?q=$Q" >"$TMP/code$i" &
	pids+=($!)
done
wait "${pids[@]}" # not the server's
for i in $(seq 1 8); do [ "$(cat "$TMP/code$i")" = 200 ] && ok || bad "search $i: HTTP $(cat "$TMP/code$i")"; done
hits() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); h=d["results"]; print(len(h), ",".join(x["id"] for x in h))' "$1" 2>/dev/null; }
first=$(hits "$TMP/s1.json")
[ -n "$first" ] && [ "${first%% *}" -gt 5 ] && ok || bad "the first search found too little: $first"
same=0
for i in $(seq 2 8); do [ "$(hits "$TMP/s$i.json")" = "$first" ] && same=$((same + 1)); done
[ "$same" = 7 ] && ok || bad "only $same of the 7 other first searches found the same hits"

CASE="a later search finds the same, with spelling variants, and other pages still answer"
api GET "/api/v1/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("情報漏えい"))')"
expect_code 200
printf '%s' "$OUT" >"$TMP/later.json"
[ "$(hits "$TMP/later.json")" = "$first" ] && ok || bad "later: $(hits "$TMP/later.json"), first: $first"
get /healthz
expect_code 200

echo "startup-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
