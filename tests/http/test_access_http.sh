#!/bin/bash
# test_access_http.sh — who may see and change what (docs/security.md), attacked as the accounts
# issue asks: every route of the route table (`mamoru routes --json`) × every role of one
# workspace × a record of another workspace answers 404 (or 403 for a route the role may not use
# at all), in the error envelope for the API, and writes nothing. Then session fixation, expired
# sessions, revoked tokens, a CSRF token used with another session, brute force, a disabled
# user's live session, roles inside one workspace, and no password or token stored in clear.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db w)
M() { "$BIN" --db "$DB" "$@"; }
EX=examples/jisha-shindan.csv

# workspace 1: two organisations and a user of each role; workspace 2: its own of everything
start_server --db "$DB"
M org add --name 自社 --industry E --employees 30 >/dev/null                      # 1
M org add --name 顧客 --industry G --employees 8 >/dev/null                        # 2
add_user --db "$DB" consultant@example.test consultant
M user assign consultant@example.test 2 >/dev/null
add_user --db "$DB" member@example.test member --org 1
add_user --db "$DB" viewer@example.test viewer
M diagnose jisha-shindan --answers $EX --save --org 1 >/dev/null                   # diagnosis 1
M diagnose jisha-shindan --answers $EX --save --org 2 >/dev/null                   # diagnosis 2
M workspace add 別の支援機関 >/dev/null                                             # workspace 2
add_user --db "$DB" --workspace 2 other@example.test admin
M --workspace 2 org add --name 他社 --employees 5 >/dev/null                        # organisation 3
M --workspace 2 diagnose jisha-shindan --answers $EX --save --org 3 >/dev/null     # diagnosis 3
M --workspace 2 plan add 3 --questionnaire jisha-shindan --question 1 >/dev/null   # plan item 1
OTHER_USER=$(M --workspace 2 user list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
snapshot() { sql "$DB" "SELECT (SELECT $(agg "$DB" "id || name || archived_at" , id) FROM organizations), (SELECT count(*) FROM diagnoses),
	(SELECT $(agg "$DB" "id || status || owner" , id) FROM plan_items), (SELECT count(*) FROM org_profiles), (SELECT count(*) FROM drafts),
	(SELECT $(agg "$DB" "id || email || disabled || password_hash" , id) FROM users), (SELECT count(*) FROM tokens),
	(SELECT count(*) FROM user_orgs), (SELECT count(*) FROM pool_members)"; }

declare -A JAR TOKEN
for who in admin consultant member viewer; do
	email=$who@example.test
	[ "$who" = admin ] && email=$TEST_EMAIL
	JAR[$who]="$TMP/$who.jar"
	login "$email" "${JAR[$who]}" || echo "FAIL: $who cannot sign in"
	TOKEN[$who]=$(M token add "$email" --label matrix | tail -1)
done

CASE="every route × every role × another workspace's record: not found, nothing written"
BEFORE=$(snapshot)
case "$BEFORE" in *"1自社"*"member@example.test"*) ok ;; *) bad "the snapshot query read nothing: $BEFORE" ;; esac
M routes --json >"$TMP/routes.json"
for who in admin consultant member viewer; do
	curl -s -b "${JAR[$who]}" -o "$TMP/acct.html" "$B/account"
	csrf=$(csrf_of "$TMP/acct.html")
	python3 - "$TMP/routes.json" "$B" "${JAR[$who]}" "$csrf" "${TOKEN[$who]}" "$OTHER_USER" "$who" >"$TMP/matrix.$who" <<'PY'
import json, subprocess, sys
routes, base, jar, csrf, token, other_user, who = sys.argv[1:]
# the other workspace's records, by the kind of id each pattern takes
ids = {"/organizations/{}": "3", "/api/v1/organizations/{}": "3", "/diagnoses/{}": "3", "/api/v1/diagnoses/{}": "3",
       "/plan/{}": "1", "/users/{}": other_user}
checked = 0
for r in json.load(open(routes)):
    p = r["pattern"]
    if "{}" not in p:
        continue
    prefix = p[: p.index("{}") + 2]
    if prefix not in ids:  # questionnaires, measures, scenarios and cases are shared content
        continue
    url = base + p.replace("{}", ids[prefix], 1).replace("{}", "1")  # a second id: the record under it
    cmd = ["curl", "-s", "-o", "/dev/stdout", "-w", "\n%{http_code}", "-X", r["method"]]
    if r["api"]:
        cmd += ["-H", "Authorization: Bearer " + token]
        if r["method"] in ("POST", "PUT"):
            cmd += ["-H", "Content-Type: application/json", "-d", '{"answers": {}}']
    else:
        cmd += ["-b", jar]
        if r["method"] == "POST":
            cmd += ["--data-urlencode", "csrf=" + csrf, "-d", "name=x&status=done&action=disable&owner=x"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True).stdout
    body, _, code = out.rpartition("\n")
    ok = code in ("404", "403")
    if ok and r["api"]:
        try:
            ok = "code" in json.loads(body)["error"]
        except Exception:
            ok = False
    print(("ok" if ok else "FAIL") + f" {who} {r['method']} {url.replace(base, '')} -> {code}")
    checked += 1
print(f"checked {checked}")
PY
	grep '^FAIL' "$TMP/matrix.$who" | head -5 | while read -r line; do echo "$line"; done
	n=$(grep -c '^ok' "$TMP/matrix.$who"); f=$(grep -c '^FAIL' "$TMP/matrix.$who")
	PASS=$((PASS + n)); FAIL=$((FAIL + f))
	[ "$n" -ge 15 ] && ok || bad "$who: only $n routes were checked"
done
[ "$(snapshot)" = "$BEFORE" ] && ok || bad "a refused request changed the database"

CASE="inside one workspace each role sees what it may"
api_as() { who=$1; shift; get "$@" -H "Authorization: Bearer ${TOKEN[$who]}"; }
api_as member /api/v1/diagnoses/1; expect_code 200
api_as member /api/v1/diagnoses/2; expect_code 404; expect_json "d['error']['code']" '"not_found"'
api_as consultant /api/v1/organizations/2; expect_code 200
api_as consultant /api/v1/organizations/1; expect_code 404
api_as viewer /api/v1/organizations/1; expect_code 200
api_as viewer /api/v1/organizations -X POST -H 'Content-Type: application/json' -d '{"name": "x"}'
expect_code 403; expect_json "d['error']['code']" '"forbidden"'
api_as member /api/v1/diagnoses -X POST -H 'Content-Type: application/json' -d '{"questionnaire": "jisha-shindan", "organization_id": 2, "answers": {"1": "yes"}}'
expect_code 422; expect_json "d['error']['field']" '"organization_id"'
api_as member /api/v1/diagnoses -X POST -H 'Content-Type: application/json' -d '{"questionnaire": "jisha-shindan", "organization_id": 1, "answers": {"1": "yes"}}'
expect_code 201
CODE=$(curl -s -o "$TMP/body" -w '%{http_code}' "$B/api/v1/organizations/1"); OUT=$(cat "$TMP/body") # neither token nor session
expect_code 401; expect_json "d['error']['code']" '"unauthenticated"'

CASE="no password or token is stored in clear"
dump "$DB" >"$TMP/dump.sql"
grep -qF "member@example.test" "$TMP/dump.sql" && ok || bad "the dump holds no users"
grep -qF "$TEST_PASSWORD" "$TMP/dump.sql" && bad "a password is stored in clear" || ok
grep -qF "${TOKEN[member]}" "$TMP/dump.sql" && bad "a token is stored in clear" || ok
grep -qF "$(awk '$6 == "mamoru_session" {print $7}' "${JAR[member]}")" "$TMP/dump.sql" && bad "a session id is stored in clear" || ok
[ "$(sql "$DB" "SELECT count(*) FROM users WHERE password_hash NOT LIKE '\$argon2id\$%'")" = 0 ] && ok || bad "a password hash is not argon2id"

CASE="a session id set before signing in is never the one signed in (fixation)"
FIX="$TMP/fix.jar"
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tmamoru_session\t%064d\n' 7 >"$FIX"
login viewer@example.test "$FIX"
[ "$(awk '$6 == "mamoru_session" {print $7}' "$FIX")" != "$(printf '%064d' 7)" ] && ok || bad "the planted session id was kept"

CASE="a CSRF token of one session is refused with another"
get_as "${JAR[consultant]}" /plan/1 -X POST --data-urlencode "csrf=$(csrf_of "$TMP/acct.html")" -d status=done # viewer's token
expect_code 403

CASE="expired sessions and revoked tokens sign nobody in"
sql "$DB" "UPDATE sessions SET seen_at = seen_at - 3 * 3600" >/dev/null
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "${JAR[viewer]}" "$B/organizations/1"); [ "$CODE" = 303 ] && ok || bad "an idle session still works ($CODE)"
login viewer@example.test "${JAR[viewer]}"
sql "$DB" "UPDATE sessions SET created_at = created_at - 13 * 3600, seen_at = $(date +%s)" >/dev/null
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "${JAR[viewer]}" "$B/organizations/1"); [ "$CODE" = 303 ] && ok || bad "a 13-hour session still works ($CODE)"
id=$(M token list member@example.test --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
M token revoke "$id" >/dev/null
api_as member /api/v1/organizations/1; expect_code 401

CASE="a disabled user's live session ends at once"
login member@example.test "${JAR[member]}"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "${JAR[member]}" "$B/organizations/1"); [ "$CODE" = 200 ] && ok || bad "member not signed in ($CODE)"
M user disable member@example.test >/dev/null
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "${JAR[member]}" "$B/organizations/1"); [ "$CODE" = 303 ] && ok || bad "the disabled member's session lives on ($CODE)"
login member@example.test "$TMP/again.jar" && bad "a disabled member signed in" || ok

CASE="brute force is throttled, per account, with a clear message"
curl -s -c "$TMP/bf.jar" -b "$TMP/bf.jar" -o "$TMP/l.html" "$B/login"
for i in 1 2 3 4 5; do
	curl -s -c "$TMP/bf.jar" -b "$TMP/bf.jar" -o /dev/null -X POST "$B/login" --data-urlencode "csrf=$(csrf_of "$TMP/l.html")" \
		-d "email=consultant@example.test&password=wrong-password-$i"
done
get /login -X POST -b "$TMP/bf.jar" -c "$TMP/bf.jar" --data-urlencode "csrf=$(csrf_of "$TMP/l.html")" \
	--data-urlencode "email=consultant@example.test" --data-urlencode "password=$TEST_PASSWORD"
expect_code 429; expect_out "分後にもう一度お試しください"
N=$(sql "$DB" "SELECT count FROM login_failures WHERE key = 'user:consultant@example.test'")
[ "$N" = 5 ] && ok || bad "failures not counted: $N ($(sql "$DB" "SELECT * FROM login_failures"))"

CASE="the audit log records who changed what"
M audit --json >"$TMP/audit.json"
OUT=$(cat "$TMP/audit.json")
expect_json "any(a['action'] == 'diagnosis.save' and a['actor'] == 'member@example.test' for a in d)" "true"
expect_json "any(a['action'] == 'user.disable' and a['actor'] == 'cli' for a in d)" "true"
sql "$DB" "DELETE FROM audit" 2>/dev/null && bad "the audit log could be deleted" || ok

CASE="a respondent link: answered once without an account, then gone"
LINK=$(M link add 1 --questionnaire jisha-shindan --role staff --scope 工場 | tail -1)
[[ "$LINK" =~ ^/r/[0-9a-f]{48}$ ]] && ok || bad "no link printed: $LINK"
get "$LINK" -b /dev/null -c "$TMP/resp.jar"
expect_code 200; expect_out 'id="q-25"'; expect_out "工場"; expect_out "回答者の役割: 従業員"
# the measures' text is on the page; their pages need an account, so they are not linked
expect_out '<p class="measure">4.3.3 '; expect_no_out 'href="/measures/'
T=$(csrf_of "$TMP/body")
form="csrf=$T&respondent=%E9%88%B4%E6%9C%A8"
for i in $(seq 1 20); do form="$form&a.$i=partly"; done
for i in 21 22 23 24 25; do form="$form&a.$i=yes"; done
N=$(sql "$DB" "SELECT count(*) FROM diagnoses")
get "$LINK" -X POST -b "$TMP/resp.jar" -c "$TMP/resp.jar" -d "$form"
expect_code 200; expect_out 'id="total">60<'
[ "$(sql "$DB" "SELECT scope || role || respondent || organization_id FROM diagnoses ORDER BY id DESC LIMIT 1")" = "工場staff鈴木1" ] && ok || bad "the answer was not stored as the link said"
get "$LINK" -X POST -b "$TMP/resp.jar" -c "$TMP/resp.jar" -d "$form"
expect_code 410; expect_out "もう使われました"
[ "$(sql "$DB" "SELECT count(*) FROM diagnoses")" = $((N + 1)) ] && ok || bad "a used link saved again"
get "/r/$(printf '%048d' 0)" -b /dev/null; expect_code 404
OLD=$(M link add 2 --questionnaire checklist --role executive | tail -1)
sql "$DB" "UPDATE respondent_links SET expires_at = 0 WHERE diagnosis_id IS NULL" >/dev/null
get "$OLD" -b /dev/null; expect_code 410; expect_out "期限が切れています"
login "$TEST_EMAIL" # the sessions above were aged out
curl -s -b "$TMP/cj" -o "$TMP/o.html" "$B/organizations/2"
get /organizations/2/links -X POST --data-urlencode "csrf=$(csrf_of "$TMP/o.html")" -d "questionnaire=checklist&role=manager&days=3" --data-urlencode "scope=営業部"
expect_code 200; grep -q "id=\"link\">http://127.0.0.1:$PORT/r/[0-9a-f]\{48\}<" "$TMP/body" && ok || bad "no whole link to send: $(grep -o 'id="link">[^<]*' "$TMP/body")"
[ "$(sql "$DB" "SELECT questionnaire || role || organization_id || CASE WHEN abs(expires_at - $(date +%s) - 3 * 86400) < 60 THEN 1 ELSE 0 END FROM respondent_links WHERE scope = '営業部'")" = "checklistmanager21" ] && ok || bad "the link was not stored as asked"
get /organizations/2/links -X POST --data-urlencode "csrf=$(csrf_of "$TMP/o.html")" -d "questionnaire=nope&role=staff"
expect_code 422; expect_out "診断「nope」はありません"
login viewer@example.test "$TMP/viewer2.jar" # the earlier viewer session was aged out
curl -s -b "$TMP/viewer2.jar" -o "$TMP/v.html" "$B/organizations/1"
N=$(sql "$DB" "SELECT count(*) FROM respondent_links")
get_as "$TMP/viewer2.jar" /organizations/1/links -X POST --data-urlencode "csrf=$(csrf_of "$TMP/v.html")" -d "questionnaire=jisha-shindan&role=staff"
expect_code 403
[ "$(sql "$DB" "SELECT count(*) FROM respondent_links")" = "$N" ] && ok || bad "a viewer made a link"

grep -E "runtime error|Sanitizer" "$TMP/server.log" && bad "sanitizer report in the server log" || ok
echo
echo "access-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
