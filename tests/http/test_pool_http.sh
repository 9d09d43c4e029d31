#!/bin/bash
# test_pool_http.sh — consent to the benchmark pool through the browser and the API (issue 18):
# an incomplete diagnosis saved with consent is not pooled and the page says why; a save
# without consent for a company whose earlier diagnosis is pooled asks what to do with it and
# keeps or takes it out as chosen, saying so; a profile change that moves the company to
# another risk group says so with a link to diagnose again; what a first user sees (no
# release yet: why, the 2009 survey's 23 of 66 for the 5-minute self-diagnosis, the company's
# own point on the scatter plot) and no group's size leaking; the same through the JSON API
# ("pool" in the answer, "withdraw_earlier", "pool_moved"). MAMORU_BIN picks the binary.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
unset MAMORU_POOL_MIN
. tests/http/lib.sh
DB=$(test_db p)
M() { "$BIN" --db "$DB" "$@"; }
rows() { sql "$DB" "$1"; }
members() { rows "SELECT count(*) FROM pool_members WHERE organization_id = $1"; }
PROFILE="sales=lt1b personal_info=lt5k secrets=some it_dependence=day online_sales=none public_servers=hosted cloud=some remote_work=some outsourcing=some partner_requirements=asked it_staff=parttime incidents=none"

M org add --name 株式会社みなと製作所 --industry E --employees 30 --sites 1 >/dev/null   # 1
# shellcheck disable=SC2086
M profile 1 $PROFILE >/dev/null
start_server --db "$DB"
TOKEN=$(csrf_token)
count() { printf '%s' "$OUT" | grep -o "$1" | wc -l; }
new_draft() {
	get "/diagnose/$1?org=1"
	DRAFT=$(echo "$OUT" | grep -o 'name="draft" value="[0-9a-f]*"' | sed 's/.*value="//; s/"//')
}
# finish QID STEP ANSWERS EXTRA : the last step of a draft of QID with its answers (a.N=…)
finish() { get "/diagnose/$1" -X POST -d "csrf=$TOKEN&draft=$DRAFT&step=$2&go=finish_gaps&$3$4"; }
all_yes() { for i in $(seq "$1" "$2"); do printf 'a.%d=yes&' "$i"; done; }

CASE="a first user: no release yet says why, shows the 2009 survey and the company's own point"
new_draft jisha-shindan
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=$DRAFT&org=1&step=0&go=next&$(all_yes 1 20)"
finish jisha-shindan 1 "$(all_yes 21 25)" "pool=1"
expect_code 303
expect_hdr "Location: /diagnoses/1?pool=joined"
get "/diagnoses/1?pool=joined&earlier=&since="
expect_code 200
expect_out 'id="pool-notice"'
expect_out "この診断を匿名の統計として比較母集団に入れました"
[ "$(members 1)" = 1 ] && ok || bad "the complete, consented diagnosis is not in the pool"
get /diagnoses/1/compare
expect_code 200
expect_out 'id="compare-none"'
expect_out 'id="release">他社の統計の公開版はまだありません'
expect_out '<section id="survey"><h2>'
expect_out "66社中23社（35%）が70点以上"
expect_out "あなたの会社の点数はこの水準に達しています。"
[ "$(count '<circle class="own"')" = 1 ] && ok || bad "the company's own point is not on the scatter plot"
expect_out 'id="scatter-own-only"'
expect_no_out '<td>1</td>' # no group's size, not even the company's own group of one
get "/diagnoses/1/compare?lang=en"
expect_out "23 of 66 companies (35%) scored 70 or more"
get "/?lang=ja" # the language choice is remembered: back to Japanese
api GET /api/v1/diagnoses/1/peers
expect_code 200
expect_json "[p['shown'] for p in d['peers']]" "[false, false, false, false, false]"
expect_json "any('n' in p for p in d['peers'])" "false"
expect_json "d['release']" "null"
expect_json "(d['survey']['companies'], d['survey']['passed'], d['survey']['pass_mark'], d['survey']['own_passed'])" "[66, 23, 70, true]"
expect_json "len(d['scatter']['positions']) == 1 and d['scatter']['cells'] is None" "true"

CASE="an incomplete diagnosis saved with consent is not pooled, and the page says why"
new_draft jisha-shindan
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=$DRAFT&org=1&step=0&go=next&$(all_yes 1 20)"
finish jisha-shindan 1 "a.21=yes" "&pool=1"
expect_code 303
expect_hdr "Location: /diagnoses/2?pool=incomplete&earlier=kept&since="
[ "$(rows "SELECT pool FROM diagnoses WHERE id = 2")" = 0 ] && ok || bad "the incomplete diagnosis is marked pooled"
[ "$(rows "SELECT diagnosis_id FROM pool_members WHERE organization_id = 1")" = 1 ] && ok || bad "the pool lost the earlier, complete diagnosis"
get "$(echo "$HDR" | grep -i '^Location:' | sed 's/^Location: //I' | tr -d '\r')"
expect_out "この診断は比較母集団に入れていません: 未回答の設問があるためです"
expect_out "この会社の前回の診断（$(TZ=Asia/Tokyo date -d "$(rows "SELECT created_at FROM diagnoses WHERE id = 1")" +%Y年%-m月%-d日)）は、比較母集団に入ったままです。"
get "/diagnoses/2?pool=<script>&earlier=kept&since=<b>x</b>"
expect_code 200
expect_no_out 'id="pool-notice"' # nothing but the known words and a date is shown
expect_no_out '<b>x</b>'

CASE="a save without consent asks about the earlier pooled diagnosis, and keeps or takes it out"
new_draft jisha-shindan
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=$DRAFT&org=1&step=0&go=next&$(all_yes 1 20)"
get "/diagnose/jisha-shindan?draft=$DRAFT&step=1"
expect_out 'id="earlier"'
expect_out "この会社の前回の診断（"
expect_out 'name="earlier" value="keep" checked'
expect_out 'name="earlier" value="withdraw"'
finish jisha-shindan 1 "$(all_yes 21 25)" "earlier=keep"
expect_hdr "earlier=kept"
[ "$(members 1)" = 1 ] && ok || bad "keeping took it out"
new_draft jisha-shindan
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=$DRAFT&org=1&step=0&go=next&$(all_yes 1 20)"
finish jisha-shindan 1 "$(all_yes 21 25)" "earlier=withdraw"
expect_code 303
expect_hdr "earlier=withdrawn"
[ "$(members 1)" = 0 ] && ok || bad "the earlier diagnosis is still in the pool"
get "$(echo "$HDR" | grep -i '^Location:' | sed 's/^Location: //I' | tr -d '\r')&lang=en"
expect_out "the earlier diagnosis ("
expect_out "has been taken out of the pool"
get "/?lang=ja"
M audit --json >"$TMP/audit.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert any(a['action'] == 'diagnosis.save' and 'left the pool' in a['detail'] for a in d)" "$TMP/audit.json" && ok || bad "the audit log does not say the earlier diagnosis left the pool"
# with nothing pooled, nothing is asked
new_draft jisha-shindan
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=$DRAFT&org=1&step=0&go=next&$(all_yes 1 20)"
get "/diagnose/jisha-shindan?draft=$DRAFT&step=1"
expect_no_out 'id="earlier"'

CASE="the API: the note in the answer, withdraw_earlier, and refusals"
body() { python3 -c "import json,sys; a={str(i): 'yes' for i in range(1, int(sys.argv[1]) + 1)}; d={'questionnaire': 'jisha-shindan', 'organization_id': 1, 'answers': a}; d.update(json.loads(sys.argv[2])); print(json.dumps(d))" "$1" "$2"; }
api POST /api/v1/diagnoses -d "$(body 25 '{"pool": true}')"
expect_code 201
expect_json "(d['pool']['pooled'], d['pool']['note'], d['pool']['earlier'])" '[true, "joined", null]'
api POST /api/v1/diagnoses -d "$(body 10 '{"pool": true}')"
expect_code 201
expect_json "(d['pool']['pooled'], d['pool']['note'], d['pool']['earlier']['state'])" '[false, "incomplete", "kept"]'
expect_json "'未回答' in d['pool']['message']" "true"
api POST /api/v1/diagnoses -d "$(body 25 '{"pool": true, "withdraw_earlier": true}')"
expect_code 422
expect_json "d['error']['field']" '"withdraw_earlier"'
api POST /api/v1/diagnoses -d "$(body 25 '{"withdraw_earlier": "yes"}')"
expect_code 422
[ "$(members 1)" = 1 ] && ok || bad "a refused request changed the pool"
api POST /api/v1/diagnoses -d "$(body 25 '{"withdraw_earlier": true}')"
expect_code 201
expect_json "(d['pool']['pooled'], d['pool']['earlier']['state'])" '[false, "withdrawn"]'
[ "$(members 1)" = 0 ] && ok || bad "withdraw_earlier left it in the pool"
get /api/v1/diagnoses -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $API_TOKEN" \
	-d '{"questionnaire": "jisha-shindan", "answers": {"1": "yes"}, "pool": true}'
expect_code 201
expect_json "d['pool']['note']" '"no_organization"'

CASE="a profile change that moves the company's group says so and links to a new diagnosis"
python3 -c "import json; print(json.dumps({'answers': {str(i): '3' for i in range(1, 26)}}))" >"$TMP/b3.json"
M diagnose benchmark --answers "$TMP/b3.json" --save --org 1 --pool >/dev/null
get /organizations/1/profile
expect_no_out 'id="pool-moved-benchmark"'
api PUT /api/v1/organizations/1/profile -d '{"answers": {"sales": "lt1b", "personal_info": "ge10k", "secrets": "core", "it_dependence": "day", "online_sales": "cards", "public_servers": "hosted", "cloud": "some", "remote_work": "some", "outsourcing": "some", "partner_requirements": "asked", "it_staff": "parttime", "incidents": "none"}}'
expect_code 200
expect_json "d['risk_group']['id']" '"gi"'
expect_json "[(m['questionnaire'], m['from'], m['to']) for m in d['pool_moved']]" '[["benchmark", "gii", "gi"]]'
get /organizations/1/profile
expect_out 'id="pool-moved-benchmark"'
expect_out "比較のグループが GII から GI に変わります"
expect_out 'href="/diagnose/benchmark?org=1">もう一度診断する</a>'
get /organizations/1
expect_out 'id="pool-moved-benchmark"'
M diagnose benchmark --answers "$TMP/b3.json" --save --org 1 --pool >/dev/null
get /organizations/1/profile
expect_no_out 'id="pool-moved-benchmark"' # diagnosed again: counted in its new group

grep -E "runtime error|Sanitizer" "$TMP/server.log" && bad "sanitizer report in the server log" || ok
echo "pool-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
