#!/bin/bash
# test_save_http.sh — saving a diagnosis through the API without waiting for what the client
# does not need (issue 19): `Prefer: return=minimal` answers 201 with the Location and the id
# only (and Preference-Applied), stores the same diagnosis as a full save; without it, or with
# another preference, the full result comes back; a refused save is refused the same way; the
# server's background thread copies the write-ahead log into the database (no save waits for it),
# and a stopped server leaves the database file complete, with no log beside it.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db s)
"$BIN" --db "$DB" org add --name "株式会社みなと製作所" --industry E --employees 20 >/dev/null
start_server --db "$DB"

body='{"questionnaire": "jisha-shindan", "organization_id": 1, "answers": {'
for i in $(seq 1 20); do body="$body\"$i\": \"partly\", "; done
for i in $(seq 21 24); do body="$body\"$i\": \"yes\", "; done
body="$body\"25\": \"no\"}}"
count() { sql "$DB" "SELECT count(*) FROM diagnoses"; }

CASE="Prefer: return=minimal: 201, Location, Preference-Applied and only the id"
api POST /api/v1/diagnoses -H 'Prefer: return=minimal' -d "$body"
expect_code 201
ID=$(echo "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' 2>/dev/null)
[ "$OUT" = "{\"id\":$ID}" ] && ok || bad "body is not just the id: $(echo "$OUT" | head -c 200)"
expect_hdr "^Location: /api/v1/diagnoses/$ID"
expect_hdr '^Preference-Applied: return=minimal'
[ "$(printf %s "$OUT" | wc -c)" -lt 40 ] && ok || bad "body of $(printf %s "$OUT" | wc -c) bytes"

CASE="the minimal save stored the whole diagnosis: its row, 25 answers and its total"
[ "$(count)" = 1 ] && ok || bad "$(count) diagnoses stored"
[ "$(sql "$DB" "SELECT count(*) FROM diagnosis_answers WHERE diagnosis_id = $ID")" = 25 ] && ok || bad "answers not stored"
[ "$(sql "$DB" "SELECT organization_id FROM diagnoses WHERE id = $ID")" = 1 ] && ok || bad "organisation not stored"
api GET "/api/v1/diagnoses/$ID"
expect_code 200
TOTAL_MIN=$(echo "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

CASE="without Prefer the full result comes back, with the same total"
api POST /api/v1/diagnoses -d "$body"
expect_code 201
expect_out '"recommendations"'
echo "$HDR" | grep -qi '^Preference-Applied' && bad "Preference-Applied without the preference" || ok
TOTAL_FULL=$(echo "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
[ -n "$TOTAL_MIN" ] && [ "$TOTAL_MIN" = "$TOTAL_FULL" ] && ok || bad "totals differ: minimal $TOTAL_MIN, full $TOTAL_FULL"
[ "$(count)" = 2 ] && ok || bad "$(count) diagnoses stored"

CASE="return=minimal among other preferences, in any case, is honoured; return=representation is not"
api POST /api/v1/diagnoses -H 'Prefer: respond-async; wait=5, RETURN=Minimal' -d "$body"
expect_code 201
expect_hdr '^Preference-Applied: return=minimal'
case "$OUT" in '{"id"'*) ok ;; *) bad "not the minimal body: $(echo "$OUT" | head -c 100)" ;; esac
api POST /api/v1/diagnoses -H 'Prefer: return=representation' -d "$body"
expect_code 201
expect_out '"recommendations"'
[ "$(count)" = 4 ] && ok || bad "$(count) diagnoses stored"

CASE="a refused save is refused the same way with the preference, and stores nothing"
api POST /api/v1/diagnoses -H 'Prefer: return=minimal' -d '{"questionnaire": "jisha-shindan", "answers": {"1": "maybe"}}'
expect_code 422
expect_out '"answers.1"'
echo "$HDR" | grep -qi '^Preference-Applied' && bad "Preference-Applied on a refusal" || ok
[ "$(count)" = 4 ] && ok || bad "$(count) diagnoses stored"

CASE="the write-ahead log reaches the database file without a save waiting for it"
case "$DB" in
postgres*) ok ;; # PostgreSQL has its own checkpointer
*)
	sleep 1.5 # the background thread's first passes copy what is there
	before=$(stat -c %s "$DB")
	for _ in $(seq 1 20); do
		curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $API_TOKEN" \
			-H 'Prefer: return=minimal' -d "$body" "$B/api/v1/diagnoses"
	done
	[ "$(count)" = 24 ] && ok || bad "$(count) diagnoses stored"
	for _ in $(seq 1 30); do [ "$(stat -c %s "$DB")" -gt "$before" ] && break; sleep 0.1; done
	# 20 saves are far below SQLite's own automatic checkpoint (1,000 pages): only the
	# background checkpoint makes the database file grow while the server runs
	[ "$(stat -c %s "$DB")" -gt "$before" ] && ok || bad "database file still $before bytes: nothing checkpointed"
	;;
esac

CASE="a stopped server leaves one complete database file: every acknowledged save in it, no log beside it"
case "$DB" in
postgres*) ok ;;
*)
	for _ in $(seq 1 10); do
		curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $API_TOKEN" \
			-H 'Prefer: return=minimal' -d "$body" "$B/api/v1/diagnoses"
	done
	saved=$(count)
	stop_server
	[ -s "$DB-wal" ] && bad "a write-ahead log of $(stat -c %s "$DB-wal") bytes was left beside the database" || ok
	mkdir -p "$TMP/alone" && cp "$DB" "$TMP/alone/copy.db" # the file alone, as a person would copy it
	[ "$(sql "$TMP/alone/copy.db" "SELECT count(*) FROM diagnoses")" = "$saved" ] && [ "$saved" = 34 ] && ok ||
		bad "the database file alone holds $(sql "$TMP/alone/copy.db" "SELECT count(*) FROM diagnoses") of $saved saved diagnoses"
	;;
esac

echo "save-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
