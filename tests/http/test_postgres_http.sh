#!/bin/bash
# test_postgres_http.sh — mamoru on PostgreSQL, on a throwaway cluster this script starts
# itself (tests/pg/cluster.sh) unless the runner has one: the web application and the API
# answer as on SQLite; serve and the commands refuse an older or newer schema until `mamoru
# migrate`; `mamoru copy` moves a whole database SQLite → PostgreSQL → SQLite with everything
# in it; several app servers on one database take hundreds of concurrent pooled saves without
# losing or double-counting one; killing a server mid-save loses no acknowledged save.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
unset MAMORU_POOL_MIN MAMORU_DB
OWN=""
if [ -z "${MAMORU_PG_DIR:-}" ]; then
	eval "$(tests/pg/cluster.sh start)" || { echo "postgres-http: 0 passed, 1 failed (no PostgreSQL cluster)"; exit 1; }
	OWN=1
fi
PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null; wait 2>/dev/null; [ -n "$OWN" ] && tests/pg/cluster.sh stop; rm -rf "$TMP"; }
fresh() { tests/pg/cluster.sh fresh "$1_$$"; }
psql_at() { psql -X -q -At "$1" -c "$2"; }
EX=examples/jisha-shindan.csv
DB=$(fresh web)
M() { "$BIN" --db "$DB" "$@"; }
M org add --name 東京ポスト製作所 --industry E --employees 30 >/dev/null
. tests/http/lib.sh
start_server --db "$DB"
trap cleanup EXIT
PIDS+=("$SERVER")

CASE="the web application and the API answer on PostgreSQL as on SQLite"
api POST /api/v1/diagnoses -d "{\"questionnaire\": \"jisha-shindan\", \"organization_id\": 1, \"scope\": \"本社\", \"pool\": true, \"answers\": $(python3 -c "
import csv,json,sys; r=list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig'))); print(json.dumps({x['question']: x['answer'] for x in r}))" $EX)}"
expect_code 201
ID=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
expect_json "d['total']" "57"
get "/diagnoses/$ID"
expect_code 200; expect_out 'id="total">57<'
get /organizations/1/history
expect_code 200; expect_out "東京ポスト製作所"
api GET /api/v1/organizations/1/diagnoses
expect_json "len(d['diagnoses'])" "1"
M audit --json >"$TMP/audit.json"; OUT=$(cat "$TMP/audit.json")
expect_json "any(a['action'] == 'diagnosis.save' for a in d)" "true"
[ "$(psql_at "$DB" "SELECT count(*) FROM users WHERE password_hash NOT LIKE '\$argon2id\$%'")" = 0 ] && ok || bad "a password is not argon2id"

CASE="an older or newer schema is refused until mamoru migrate (every step's upgrade: tests/unit/test_backends.c)"
LAST=$(psql_at "$DB" "SELECT max(version) FROM schema_version")
psql_at "$DB" "DELETE FROM schema_version WHERE version = $LAST" # the database now says it is one version older
run "$BIN" --db "$DB" org list
expect_rc 1; expect_err "mamoru migrate"
run timeout 10 "$BIN" --db "$DB" serve --listen "127.0.0.1:$(free_port)"
expect_rc 1; expect_err "run \`mamoru migrate\` first"
psql_at "$DB" "INSERT INTO schema_version VALUES ($LAST, 'x')"
run "$BIN" --db "$DB" --lang en migrate
expect_rc 0; expect_out "the database (postgres) is at schema version $LAST"
run "$BIN" --db "$DB" org list
expect_rc 0; expect_out "東京ポスト製作所"
E=$(fresh empty)
run "$BIN" --db "$E" migrate # a new database gets the whole schema
expect_rc 0; expect_out "は版 $LAST です"
psql_at "$DB" "INSERT INTO schema_version VALUES (999, 'x')"
run "$BIN" --db "$DB" migrate
expect_rc 1; expect_err "newer than this program"
psql_at "$DB" "DELETE FROM schema_version WHERE version = 999"

CASE="mamoru copy: SQLite → PostgreSQL → SQLite, everything is there and verified"
S="$TMP/source.db"
S_() { "$BIN" --db "$S" "$@"; }
S_ org add --name 株式会社コピー元 --industry G --employees 8 --capital 10000000 >/dev/null
S_ org add --name 二番目の会社 >/dev/null
S_ profile 1 sales=lt1b personal_info=lt5k >/dev/null
S_ diagnose jisha-shindan --answers $EX --save --org 1 --scope 本社 --respondent 山田 --role executive --pool >/dev/null
S_ diagnose jisha-shindan --answers $EX --save --org 2 --pool >/dev/null
S_ plan add 1 --questionnaire jisha-shindan --question 14 --owner 山田 >/dev/null
printf '%s\n' "$TEST_PASSWORD" | S_ user add boss@example.test --name 社長 --role admin --password-stdin >/dev/null
S_ token add boss@example.test --label copy >/dev/null
S_ link add 1 --questionnaire checklist --role staff >/dev/null
S_ export 1 --format json --output "$TMP/before.json" >/dev/null
P=$(fresh copy)
run "$BIN" copy --from "$S" --to "$P"
expect_rc 0; expect_out "を postgresql:///copy_"; expect_out "確認しました"
"$BIN" --db "$P" export 1 --format json --output "$TMP/on-pg.json" >/dev/null
cmp -s "$TMP/before.json" "$TMP/on-pg.json" && ok || bad "the organisation's export differs on PostgreSQL: $(diff "$TMP/before.json" "$TMP/on-pg.json" | head -5)"
run "$BIN" --db "$P" user list --json
expect_json "[u['email'] for u in d]" '["boss@example.test"]'
run "$BIN" --db "$P" org add --name 三番目 # the identity counters continue after the copied ids
expect_rc 0; expect_out "組織ID: 3"
B="$TMP/back.db"
run "$BIN" copy --from "$P" --to "$B"
expect_rc 0
"$BIN" --db "$B" export 1 --format json --output "$TMP/back.json" >/dev/null
cmp -s "$TMP/before.json" "$TMP/back.json" && ok || bad "the export differs after the round trip"
[ "$(sqlite3 "$B" "SELECT count(*) FROM organizations") $(sqlite3 "$B" "SELECT count(*) FROM audit")" = "3 $(psql_at "$P" "SELECT count(*) FROM audit")" ] && ok || bad "rows lost on the way back"
before=$(psql_at "$P" "SELECT count(*) FROM organizations")
run "$BIN" copy --from "$S" --to "$P"
expect_rc 2; expect_err "コピー先のデータベースが空ではありません"
[ "$(psql_at "$P" "SELECT count(*) FROM organizations")" = "$before" ] && ok || bad "a refused copy changed the destination"
run "$BIN" copy --from "$S" --to "$S"
expect_rc 2
run "$BIN" --lang en copy --from "$S" --to "postgresql:///nowhere?host=$MAMORU_PG_DIR&user=mamoru"
expect_rc 1; expect_err "destination"
run "$BIN" --db "$P" backup "$TMP/x.db"
expect_rc 2; expect_err "pg_dump"

CASE="three app servers on one PostgreSQL: 240 concurrent pooled saves, none lost, none counted twice"
C=$(fresh busy)
for k in $(seq 1 12); do "$BIN" --db "$C" org add --name "並行$k" --industry E --employees 30 >/dev/null; done
printf '%s\n' "$TEST_PASSWORD" | "$BIN" --db "$C" user add load@example.test --name 負荷 --role admin --password-stdin >/dev/null
TOK=$("$BIN" --db "$C" token add load@example.test | tail -1)
PORTS=()
for i in 1 2 3; do
	p=$(free_port)
	"$BIN" --db "$C" serve --listen "127.0.0.1:$p" 2>"$TMP/busy$i.log" &
	PIDS+=($!)
	PORTS+=("$p")
done
for p in "${PORTS[@]}"; do for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$p/healthz" && break; sleep 0.1; done; done
python3 - "$TMP/jobs" "${PORTS[@]}" <<'PY'
import json, sys
out, ports = sys.argv[1], sys.argv[2:]
with open(out, "w") as f:
    for i in range(240):
        level = ["yes", "no"][i % 2]
        body = {"questionnaire": "jisha-shindan", "organization_id": i % 12 + 1, "scope": "全社", "pool": True,
                "answers": {str(q): level for q in range(1, 26)}}
        f.write(f"{ports[i % len(ports)]}\t{json.dumps(body)}\n")
PY
# each job: POST, then print the status and the id
tr '\n' '\0' <"$TMP/jobs" | xargs -0 -P 24 -I{} bash -c 'port=${1%%	*}; body=${1#*	};
	curl -s -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer '"$TOK"'" -H "Content-Type: application/json" \
		-X POST -d "$body" "http://127.0.0.1:$port/api/v1/diagnoses"' _ {} >"$TMP/codes"
N201=$(grep -c '^201$' "$TMP/codes")
[ "$N201" = 240 ] && ok || bad "$N201 of 240 saves answered 201: $(sort "$TMP/codes" | uniq -c | tr '\n' ' ')"
[ "$(psql_at "$C" "SELECT count(*) FROM diagnoses")" = "$N201" ] && ok || bad "stored diagnoses: $(psql_at "$C" "SELECT count(*) FROM diagnoses"), acknowledged $N201"
[ "$(psql_at "$C" "SELECT count(*) FROM pool_members")" = 12 ] && ok || bad "pool members: $(psql_at "$C" "SELECT count(*) FROM pool_members")"
# every member is its company's latest pooled diagnosis
[ "$(psql_at "$C" "SELECT count(*) FROM pool_members m WHERE m.diagnosis_id <> (SELECT max(id) FROM diagnoses d WHERE d.organization_id = m.organization_id AND d.pool = 1)")" = 0 ] && ok ||
	bad "a pool member is not its company's latest pooled diagnosis"
run "$BIN" --db "$C" pool stats --json
expect_json "[a['n'] for a in d['aggregates'] if a['dimension'] == 'all']" "[12]"
# the recount: the same twelve latest diagnoses saved one by one into a new database give the same pool
R=$(fresh recount)
for k in $(seq 1 12); do "$BIN" --db "$R" org add --name "並行$k" --industry E --employees 30 >/dev/null; done
psql_at "$C" "SELECT m.organization_id, a.option FROM pool_members m JOIN diagnosis_answers a ON a.diagnosis_id = m.diagnosis_id AND a.position = 0 ORDER BY 1" |
while IFS='|' read -r org level; do
	python3 -c "import json,sys; print(json.dumps({'answers': {str(q): sys.argv[1] for q in range(1, 26)}}))" "$level" >"$TMP/r.json"
	"$BIN" --db "$R" diagnose jisha-shindan --answers "$TMP/r.json" --save --org "$org" --pool >/dev/null
done
# (the exact aggregates; whether a release publishes them depends on when each database made one)
exact() { python3 -c "import json,sys; print(json.dumps([{k: v for k, v in a.items() if k != 'published'} for a in json.load(sys.stdin)['aggregates']], sort_keys=True))"; }
"$BIN" --db "$C" pool stats --json | exact >"$TMP/busy.json"
"$BIN" --db "$R" pool stats --json | exact >"$TMP/recount.json"
cmp -s "$TMP/busy.json" "$TMP/recount.json" && ok || bad "the pool differs from a recount: $(diff "$TMP/busy.json" "$TMP/recount.json" | head -3)"
grep -E "runtime error|Sanitizer" "$TMP"/busy*.log && bad "sanitizer report" || ok

CASE="a page one server keeps in its cache follows what another server changed"
# server 1 renders a result page (and keeps it); server 2 renames the company, then deletes the result
W1="http://127.0.0.1:${PORTS[0]}" W2="http://127.0.0.1:${PORTS[1]}"
LAST_ID=$(psql_at "$C" "SELECT max(id) FROM diagnoses WHERE organization_id = 2")
curl -s -o /dev/null -H "Authorization: Bearer $TOK" "$W1/api/v1/diagnoses/$LAST_ID"
B_SAVED=$B; B=$W1; login load@example.test "$TMP/w1.jar"; B=$B_SAVED
page() { curl -s -b "$TMP/w1.jar" -o "$TMP/p.html" -w '%{http_code}' "$W1/diagnoses/$LAST_ID"; }
[ "$(page)" = 200 ] && grep -q "並行2" "$TMP/p.html" && ok || bad "server 1 does not show the result"
"$BIN" --db "$C" org edit 2 --name 改名後の会社 >/dev/null
[ "$(page)" = 200 ] && grep -q "改名後の会社" "$TMP/p.html" && ok || bad "server 1 still shows the old name from its cache"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE -H "Authorization: Bearer $TOK" "$W2/api/v1/diagnoses/$LAST_ID")
[ "$CODE" = 200 ] && ok || bad "server 2 could not delete ($CODE)"
[ "$(page)" = 404 ] && ok || bad "server 1 still serves the deleted result from its cache"

CASE="a server killed mid-save loses no acknowledged save"
: >"$TMP/acked"
(for i in $(seq 1 60); do
	curl -s -m 5 -w '\n%{http_code}\n' -H "Authorization: Bearer $TOK" -H "Content-Type: application/json" -X POST \
		-d '{"questionnaire": "jisha-shindan", "organization_id": 1, "scope": "全社", "pool": true, "answers": {"1": "yes"}}' \
		"http://127.0.0.1:${PORTS[0]}/api/v1/diagnoses" >"$TMP/one" 2>/dev/null
	[ "$(tail -1 "$TMP/one")" = 201 ] && head -1 "$TMP/one" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])" >>"$TMP/acked"
done) &
SAVER=$!
sleep 0.5
kill -9 "${PIDS[-3]}"
wait "${PIDS[-3]}" 2>/dev/null
wait "$SAVER"
N=$(wc -l <"$TMP/acked")
[ "$N" -ge 1 ] && ok || bad "no save was acknowledged before the kill (the check means nothing)"
missing=0
while read -r id; do
	[ "$(psql_at "$C" "SELECT count(*) FROM diagnoses WHERE id = $id")" = 1 ] || missing=$((missing + 1))
done <"$TMP/acked"
[ "$missing" = 0 ] && ok || bad "$missing of $N acknowledged saves are missing"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOK" "http://127.0.0.1:${PORTS[1]}/api/v1/organizations/1")
[ "$CODE" = 200 ] && ok || bad "another server stopped answering ($CODE)"

grep -E "runtime error|Sanitizer" "$TMP/server.log" && bad "sanitizer report in the server log" || ok
echo
echo "postgres-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
