#!/bin/bash
# test_http.sh — HTTP integration tests: a server started on a free port, then curl against
# every page and API endpoint, every error status, the security headers, CSRF, escaping of
# hostile text, a 10 MB body, the language switch, and a clean stop on SIGTERM.
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
start_server --db "$DB"

CASE="health and home page, Japanese by default, with security headers"
get /healthz
expect_code 200; expect_json "d['status']" '"ok"'
HDR=$(curl -s -D - -o /dev/null "$B/login") # a first visit, before any session
expect_hdr "Set-Cookie: mamoru_csrf=[0-9a-f]\{32\}; Path=/; HttpOnly; SameSite=Strict"
get /
expect_code 200
expect_out '<html lang="ja">'
expect_out "5分でできる自社診断"
expect_out "5 分"
expect_hdr "Content-Security-Policy: default-src 'none'; style-src 'self'; script-src 'self'"
expect_hdr "frame-ancestors 'none'"
expect_hdr "X-Content-Type-Options: nosniff"
expect_hdr "Referrer-Policy: no-referrer"
if echo "$OUT" | grep -q 'style="\|<script>\|onclick='; then bad "inline style or script"; else ok; fi

CASE="English by the visible switch (remembered) and by Accept-Language"
get "/?lang=en"
expect_out '<html lang="en">'
expect_out "5-minute self-diagnosis"
expect_hdr "Set-Cookie: mamoru_lang=en"
get /
expect_out '<html lang="en">'
get "/?lang=ja"
CODE=$(curl -s -o "$TMP/b2" -w '%{http_code}' -H 'Accept-Language: en-GB,en;q=0.9' -H "Cookie: mamoru_session=$(session_cookie)" "$B/measures"); OUT=$(cat "$TMP/b2")
expect_out '<html lang="en">'
expect_out "Common security measures"

CASE="static files"
get /static/style.css
expect_code 200; expect_hdr "Content-Type: text/css"; expect_out "@media print"
get /static/app.js
expect_code 200; expect_hdr "Content-Type: text/javascript"

CASE="organisation pages: create, escaped hostile name, SME flag, CSRF"
get /organizations/new
expect_code 200
expect_out '<label for="f-name">'
TOKEN=$(csrf_token)
get /organizations -X POST --data-urlencode "csrf=$TOKEN" --data-urlencode "name=<script>alert(1)</script>株式会社" \
	-d "industry=E&employees=45&capital=10000000&prefecture=%E6%9D%B1%E4%BA%AC%E9%83%BD&sites=2"
expect_code 303; expect_hdr "Location: /organizations/1"
get /organizations/1
expect_code 200
expect_out "&lt;script&gt;alert(1)&lt;/script&gt;株式会社"
expect_no_out "<script>alert"
expect_out "該当する"
expect_out "21～50名"
get /organizations -X POST -d "csrf=wrong&name=X"
expect_code 403
get /organizations -X POST -d "name=X"
expect_code 403
get /organizations -X POST --data-urlencode "csrf=$TOKEN" -d "name=X&employees=lots"
expect_code 422
expect_out 'aria-invalid="true"'
expect_out "従業員数</a>: 「lots」を人数として読めません"
get /organizations/1 -X POST --data-urlencode "csrf=$TOKEN" --data-urlencode "name=株式会社みなと" -d "industry=E&employees=400&capital=500000000"
expect_code 303
get /organizations/1
expect_out "該当しない"
get /organizations/999
expect_code 404
get /organizations/abc
expect_code 404

CASE="questionnaire in the browser: steps, draft kept across a reload, result"
get "/diagnose/jisha-shindan?org=1"
expect_code 200
expect_out '<fieldset class="question" id="q-1">'
expect_out 'name="a.1" value="yes"'
expect_out '<summary>なぜ大切か・どう対策するか</summary>'
expect_out '4.2.3'
expect_out 'value="na"'
DRAFT=$(echo "$OUT" | grep -o 'name="draft" value="[0-9a-f]*"' | sed 's/.*value="//; s/"//')
form="csrf=$TOKEN&draft=$DRAFT&org=1&step=0&go=next"
for i in $(seq 1 20); do form="$form&a.$i=yes"; done
form="${form/a.3=yes/a.3=unknown}"
get /diagnose/jisha-shindan -X POST -d "$form"
expect_code 303
expect_hdr "Location: /diagnose/jisha-shindan?draft=$DRAFT&step=1"
get "/diagnose/jisha-shindan?draft=$DRAFT&step=0"
expect_out 'name="a.3" value="unknown" checked'
expect_out '回答済み <span id="answered">20</span> / 25'
get "/diagnose/jisha-shindan?draft=$DRAFT&step=1"
expect_out 'name="a.21" value="yes"'
expect_no_out 'name="a.21" value="partly"'
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=$DRAFT&step=1&go=finish&a.21=partly"
expect_code 422
expect_out "選べない回答"
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=$DRAFT&step=1&go=finish&a.21=yes&a.22=yes&a.23=no&a.24=no&a.25=yes&role=executive&respondent=%E5%B1%B1%E7%94%B0"
expect_code 303
expect_hdr "Location: /diagnoses/1"
get /diagnoses/1
expect_code 200
expect_out '<span class="big" id="total">87</span> / 100'
expect_out '70～99点：合格レベル（一部に不備あり）'
expect_out '「わからない」と答えた設問'
expect_out '<svg class="chart radar"'
expect_out '<ol class="recs">'
expect_out 'href="/measures/4.2.3"'
expect_out '>株式会社みなと</a>'
get /diagnoses/1
expect_out '<span class="big" id="total">87</span> / 100'
get /organizations/1 -X POST --data-urlencode "csrf=$TOKEN" --data-urlencode "name=みなと精機株式会社" -d "industry=E"
expect_code 303
get /diagnoses/1
expect_out '>みなと精機株式会社</a>'
expect_no_out '>株式会社みなと</a>'
get "/diagnoses/1?lang=en"
expect_out '70–99: pass level, with some gaps'
get "/diagnoses/1?lang=ja"
expect_out '70～99点：合格レベル（一部に不備あり）'
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=nothex&step=0&go=next"
expect_code 400
get /diagnose/nope
expect_code 404
get /diagnoses/999
expect_code 404

CASE="action plan from the result page"
get /diagnoses/1
expect_out 'href="/organizations/1/plan/new?questionnaire=jisha-shindan&amp;question=3&amp;diagnosis=1"'
get "/organizations/1/plan/new?questionnaire=jisha-shindan&question=3&diagnosis=1"
expect_code 200
expect_out 'name="question" value="3"'
get /organizations/1/plan -X POST --data-urlencode "csrf=$TOKEN" -d "questionnaire=jisha-shindan&question=3&diagnosis=1&owner=%E5%B1%B1%E7%94%B0&due=2027-01-31"
expect_code 303
expect_hdr "Location: /organizations/1?plan=added&item=1#plan"
get /organizations/1
expect_out '<table class="plan cards-narrow">'
expect_out 'まだ満点ではない'
get /plan/1 -X POST --data-urlencode "csrf=$TOKEN" -d "status=done&owner=&due="
expect_code 303
get /plan/1 -X POST --data-urlencode "csrf=$TOKEN" -d "status=finished"
expect_code 422
get /plan/1 -X POST -d "status=done"
expect_code 403
get /organizations/1/plan -X POST --data-urlencode "csrf=$TOKEN" -d "questionnaire=jisha-shindan&question=999"
expect_code 422
get "/organizations/1/plan/new?questionnaire=jisha-shindan&question=999"
expect_code 404
[ "$(sql "$DB" "SELECT status || ' ' || diagnosis_id FROM plan_items")" = "done 1" ] && ok || bad "plan row"

CASE="history page and measure pages"
get /organizations/1/history
expect_code 200
expect_out '<svg class="chart trend"'
expect_out '87 / 100'
get /measures/4.3.3
expect_code 200
expect_out "最新のパッチを適用するなどの脆弱性対策"
get /measures/9.9.9
expect_code 404
get /nowhere
expect_code 404
get / -X DELETE
expect_code 405

CASE="knowledge pages and search"
get "/search?q=%E3%83%A9%E3%83%B3%E3%82%B5%E3%83%A0%E3%82%A6%E3%82%A7%E3%82%A2"
expect_code 200
expect_out 'href="/cases/'
get "/search?type=threat"
expect_code 200
expect_out "情報セキュリティ5か条"
get "/search?type=bogus"
expect_code 400
get /scenarios
expect_code 200
get /scenarios/1
expect_code 200
expect_out 'type="checkbox" name="c" value="1-01"'
get /scenarios/99
expect_code 404
get "/cases?industry=E&lang=en"
expect_code 200
expect_out "Manufacturing"
get "/cases?lang=ja"
get /cases/1
expect_code 200
expect_out "出典: IPA『中小企業における情報セキュリティ対策の実態調査 事例集』 事例 1."
expect_no_out "seed 002 L"
expect_out "社長を情報セキュリティ責任者"
expect_no_out 'id="measures-en"'
get "/cases/1?lang=en"
expect_out '<li>We gave priority to establishing a security structure as an organisation'
expect_out '<dd>Tochigi</dd>'
expect_no_out 'id="measures-en"'
get "/cases/1?lang=ja"
get /cases/999
expect_code 404
api GET "/api/v1/search?q=USB&type=measure"
expect_code 200
expect_json "'4.3.5' in [r['id'] for r in d['results']]" "true"
api GET "/api/v1/search?q=%22%20OR%20*"
expect_code 200
api GET "/api/v1/search?q=$(head -c 300 /dev/zero | tr '\0' 'a')"
expect_code 400; expect_json "d['error']['field']" '"q"'
api GET "/api/v1/search?type=bogus"
expect_code 400; expect_json "d['error']['field']" '"type"'
api GET "/api/v1/search"
expect_code 400

CASE="JSON API: questionnaires"
get /api/v1/questionnaires
expect_code 200
expect_hdr "Content-Type: application/json"
expect_json "[q['id'] for q in d['questionnaires']]" '["jisha-shindan", "checklist", "cloud", "benchmark", "contractor"]'
get "/api/v1/questionnaires/benchmark?lang=en"
expect_json "len(d['questions'])" "25"
expect_json "d['title']" '"Information-security benchmark ver.3"'
get /api/v1/questionnaires/nope
expect_code 404; expect_json "d['error']['code']" '"not_found"'

CASE="JSON API: organisations"
api POST /api/v1/organizations -d '{"name": "API株式会社", "industry": "R", "employees": 12}'
expect_code 201
expect_hdr "Location: /api/v1/organizations/2"
expect_json "d['sme']" "true"
expect_json "d['size_band']" '"s20"'
api GET /api/v1/organizations/2
expect_code 200; expect_json "d['name']" '"API株式会社"'
api POST /api/v1/organizations -d '{"name": "X", "industry": "Z"}'
expect_code 422; expect_json "d['error']['field']" '"industry"'
api POST /api/v1/organizations -d '{"name": "X", "colour": "red"}'
expect_code 422; expect_json "d['error']['field']" '"colour"'
api POST /api/v1/organizations -d '{"industry": "E"}'
expect_code 422; expect_json "d['error']['field']" '"name"'
api POST /api/v1/organizations -d '{"name": '
expect_code 400; expect_json "d['error']['code']" '"bad_json"'
get /api/v1/organizations -X POST -H 'Content-Type: text/plain' -d 'name=x'
expect_code 415
api GET /api/v1/organizations/77
expect_code 404

CASE="JSON API: diagnoses"
body='{"questionnaire": "jisha-shindan", "organization_id": 2, "scope": "本社", "role": "staff", "pool": true, "answers": {'
for i in $(seq 1 24); do body="$body\"$i\": \"yes\", "; done
body="$body\"25\": \"no\"}}"
api POST /api/v1/diagnoses -d "$body"
expect_code 201
expect_json "d['id']" "2"
expect_json "d['total']" "96"
expect_json "d['max']" "100"
expect_json "d['band']['id']" '"pass"'
expect_json "len(d['categories'])" "13"
expect_json "d['recommendations'][0]['question']" '"25"'
api GET /api/v1/diagnoses/2
expect_code 200
expect_json "d['total']" "96"
expect_json "d['scope']" '"本社"'
expect_json "d['pool']" "true"
expect_json "d['recommendations'][0]['measures'][0]['id']" '"4.1.1"'
api GET /api/v1/organizations/2/diagnoses
expect_code 200; expect_json "[x['id'] for x in d['diagnoses']]" "[2]"
api POST /api/v1/diagnoses -d '{"questionnaire": "jisha-shindan", "answers": {"21": "partly"}}'
expect_code 422; expect_json "d['error']['field']" '"answers.21"'
api POST /api/v1/diagnoses -d '{"questionnaire": "jisha-shindan", "answers": {"99": "yes"}}'
expect_code 422; expect_json "d['error']['field']" '"answers.99"'
api POST /api/v1/diagnoses -d '{"questionnaire": "nope", "answers": {}}'
expect_code 422; expect_json "d['error']['field']" '"questionnaire"'
api POST /api/v1/diagnoses -d '{"questionnaire": "jisha-shindan", "organization_id": 555, "answers": {}}'
expect_code 422; expect_json "d['error']['field']" '"organization_id"'
api POST /api/v1/diagnoses -d '{"questionnaire": "jisha-shindan", "answers": {"1": "yes", "1": "no"}}'
expect_code 400
api POST /api/v1/diagnoses -d '{"questionnaire": "jisha-shindan", "role": "boss", "answers": {}}'
expect_code 422; expect_json "d['error']['field']" '"role"'
before=$(sql "$DB" "SELECT count(*) FROM diagnoses")
head -c 10485760 /dev/zero | tr '\0' ' ' >"$TMP/big"
api POST /api/v1/diagnoses --data-binary @"$TMP/big"
expect_code 413; expect_json "d['error']['code']" '"too_large"'
[ "$(sql "$DB" "SELECT count(*) FROM diagnoses")" = "$before" ] && ok || bad "a refused request stored rows"
api GET /api/v1/diagnoses/0
expect_code 404
api GET /api/v1/nothing
expect_code 404; expect_json "d['error']['code']" '"not_found"'
api PATCH /api/v1/diagnoses/2 # diagnoses are immutable snapshots
expect_code 405

CASE="every request is logged; SIGTERM stops cleanly"
grep -q "GET /healthz 200" "$TMP/server.log" && ok || bad "no access log line"
kill -TERM $SERVER
wait $SERVER
rc=$?
[ "$rc" = 0 ] && ok || bad "server exit $rc"
grep -q "停止しました / stopped" "$TMP/server.log" && ok || bad "no clean stop message"
grep -E "runtime error|Sanitizer|LeakSanitizer" "$TMP/server.log" && bad "sanitizer report in the server log" || ok
case "$DB" in
postgres*) [ "$(sql "$DB" "SELECT count(*) FROM schema_version")" -ge 1 ] && ok || bad "the database is gone after stop" ;;
*) [ "$(sql "$DB" "PRAGMA integrity_check")" = ok ] && ok || bad "integrity after stop" ;;
esac

CASE="binding a non-loopback address warns that there is no login"
PORT2=$(free_port)
"$BIN" --db "$(test_db w2)" serve --listen "0.0.0.0:$PORT2" 2>"$TMP/s2.log" &
S2=$!
for i in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT2/healthz" && break; sleep 0.1; done
kill -TERM $S2; wait $S2
grep -q "warning: listening on 0.0.0.0; mamoru does not speak TLS itself" "$TMP/s2.log" && ok || bad "no warning: $(cat "$TMP/s2.log")"
run "$BIN" --db "$(test_db w3)" serve --listen nonsense
expect_rc 2

echo "http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
