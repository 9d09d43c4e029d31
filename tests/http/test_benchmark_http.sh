#!/bin/bash
# test_benchmark_http.sh — the benchmark over HTTP: the profile form (CSRF, bad options, a
# complete answer changing the risk index), the comparison page with its scatter plot, four
# radar charts, histogram, 偏差値 and rank in Japanese and English — all from the pool's
# protected release (counts in fives, means with their margin, unpublished groups named and
# nothing more) — and the profile and peers API with their error statuses. The pool is built
# first through the command line.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}" MAMORU_STATIC="$ROOT/static" MAMORU_DB=$(test_db w)
unset MAMORU_POOL_MIN
PROFILE="sales=lt1b personal_info=lt5k secrets=some it_dependence=day online_sales=none public_servers=hosted cloud=some remote_work=some outsourcing=some partner_requirements=asked it_staff=parttime incidents=none"
for k in 1 2 3 4 5 6; do
	"$BIN" org add --name "会社$k" --industry E --employees 30 --sites 1 >/dev/null
	# shellcheck disable=SC2086
	"$BIN" profile "$k" $PROFILE >/dev/null
	python3 -c "import json,sys; print(json.dumps({'answers': {str(i): sys.argv[1] for i in range(1, 26)}}))" $(((k - 1) % 5 + 1)) >"$TMP/a$k.json"
	"$BIN" diagnose benchmark --answers "$TMP/a$k.json" --save --org "$k" --pool >/dev/null
done
"$BIN" diagnose benchmark --answers "$TMP/a5.json" --save --org 6 --pool >/dev/null # id 7: org 6 again, total 125

. tests/http/lib.sh
start_server
count() { printf '%s' "$OUT" | grep -o "$1" | wc -l; }

CASE="the comparison page: scatter, four radars, histogram and 偏差値"
get /diagnoses/7/compare
expect_code 200
expect_out "他社との比較"
expect_out 'id="risk-group">GII：'
[ "$(count 'class="chart radar"')" = 4 ] && ok || bad "$(count 'class="chart radar"') radar charts"
[ "$(count 'class="chart scatter"')" = 1 ] && ok || bad "no scatter plot"
[ "$(count 'class="chart histogram"')" = 1 ] && ok || bad "no histogram"
expect_out '<circle class="own"'
# the release was made when five companies had answered (totals 25 50 75 100 125: mean 75):
# published as 5 companies, a mean within its 95 % margin (±19.6 for 5), the 偏差値 of 125
printf '%s' "$OUT" | python3 -c "
import re, sys
html = sys.stdin.read()
m = re.search(r'<tr id=\"peers-group\"><th scope=\"row\">グループ平均</th><td>(\d+)</td><td>([\d.]+) ±([\d.]+)</td><td>([\d.-]+)</td></tr>', html)
n, mean, margin = int(m.group(1)), float(m.group(2)), float(m.group(3))
assert n % 5 == 0 and n >= 5 and margin == 19.6 and abs(mean - 75) <= 2 * margin, (n, mean, margin)
assert re.search(r'id=\"deviation\">[\d.-]+<', html)
assert re.search(r'id=\"standing\">比較した約 \d+ 社の中で \d+', html)
" && ok || bad "the group's row is not a protected release"
expect_out 'id="release">他社の統計は'
expect_out "望まれる水準"
expect_no_out "正規分布"
if echo "$OUT" | grep -q 'style="\|<script>'; then bad "inline style or script"; else ok; fi
get "/diagnoses/7/compare?lang=en"
expect_out "Deviation score"
expect_out "Against your group&#39;s average and the desired level"
get "/?lang=ja"
get /diagnoses/7
expect_out 'href="/diagnoses/7/compare"'
get /diagnoses/999/compare
expect_code 404
get /diagnoses/abc/compare
expect_code 404

CASE="groups under the threshold say so instead of showing numbers"
get /diagnoses/1/compare
expect_code 200
"$BIN" org add --name 単独 --industry G --employees 500 >/dev/null
"$BIN" diagnose benchmark --answers "$TMP/a1.json" --save --org 7 --pool >/dev/null
get /diagnoses/8/compare
# not even the group's size: only that it is not published
expect_out '<tr id="peers-industry"><th scope="row">同じ業種の平均</th><td colspan="3">非公開'
expect_no_out '<circle class="own"' # no profile, no risk index: no point of its own to draw

CASE="the profile form: CSRF, a bad option, a complete answer"
get /organizations/1/profile
expect_code 200
expect_out 'id="risk-index">38<'
expect_out '<legend>年間売上高</legend>'
expect_out '組織の情報から'
TOKEN=$(csrf_token)
form="sales=lt1b&personal_info=ge10k&secrets=core&it_dependence=hours&online_sales=cards&public_servers=own&cloud=core&remote_work=many&outsourcing=data&partner_requirements=contract&it_staff=none&incidents=serious"
get /organizations/1/profile -X POST -d "$form"
expect_code 403
get /organizations/1/profile -X POST -d "csrf=$TOKEN&sales=huge"
expect_code 422
expect_out "選択肢「huge」はありません"
get /organizations/1/profile -X POST -d "csrf=$TOKEN&sales=lt1b"
expect_code 422
expect_out "未回答です"
[ "$(sql "$MAMORU_DB" "SELECT count(*) FROM org_profiles WHERE organization_id = 1")" = 1 ] && ok || bad "a refused form saved a profile"
get /organizations/1/profile -X POST -d "csrf=$TOKEN&$form"
expect_code 303
expect_hdr "Location: /organizations/1/profile?saved=1#risk"
get /organizations/1
expect_out 'id="risk-group">GI：'

CASE="profile and peers API"
api GET /api/v1/organizations/2/profile
expect_code 200
expect_json "d['risk_index']" "38"
api PUT /api/v1/organizations/2/profile -d '{"answers": {"sales": "ge5b"}}'
expect_code 422
expect_json "d['error']['field']" '"personal_info"'
api PUT /api/v1/organizations/2/profile -d '{"answers": {"sales": "lt100m", "personal_info": "none", "secrets": "none", "it_dependence": "none", "online_sales": "none", "public_servers": "none", "cloud": "none", "remote_work": "none", "outsourcing": "none", "partner_requirements": "none", "it_staff": "dedicated", "incidents": "none"}}'
expect_code 200
expect_json "d['risk_index']" "6"
expect_json "d['risk_group']['id']" '"giii"'
api PUT /api/v1/organizations/2/profile -d '{"answers": {"sales": 1}}'
expect_code 422
api PUT /api/v1/organizations/2/profile -d '{"answers": [], "x": 1}'
expect_code 422
api PUT /api/v1/organizations/2/profile -d '{nope'
expect_code 400
get /api/v1/organizations/2/profile -X PUT -H 'Content-Type: text/plain' -d '{}'
expect_code 415
api GET /api/v1/organizations/99/profile
expect_code 404
api GET /api/v1/diagnoses/7/peers
expect_code 200
expect_json "d['peers'][1]['n'] % 5" "0"
expect_json "d['peers'][1]['mean_margin']" "19.6"
expect_json "type(d['peers'][1]['deviation']).__name__" '"float"'
expect_json "d['peers'][1]['items_shown'] or 'items' in d['peers'][1]" "false"
expect_json "len(d['scatter']['cells'])" "100"
expect_json "all(c % 5 == 0 for c in d['scatter']['cells'])" "true"
expect_json "d['release']['id'] >= 1" "true"
api GET /api/v1/diagnoses/8/peers
expect_json "[k for k in d['peers'] if k['dimension'] == 'industry']" '[{"dimension": "industry", "value": "G", "shown": false}]'
api GET /api/v1/diagnoses/999/peers
expect_code 404

CASE="a failing database is an error, never a comparison that looks empty"
sql "$MAMORU_DB" "DROP TABLE pool_release_agg"
case "$MAMORU_DB" in postgres*) dbmsg='relation "pool_release_agg" does not exist' ;; *) dbmsg="no such table: pool_release_agg" ;; esac
get /diagnoses/7/compare
expect_code 500
expect_no_out 'id="compare-none"'
expect_out "データベース"
api GET /api/v1/diagnoses/7/peers
expect_code 500
expect_json "d['error']['code']" '"store"'
expect_no_out "pool_release_agg" # the database's own text stays in the server log
grep -qF "$dbmsg" "$TMP/server.log" && ok || bad "the server log lacks the database's own message"
get /diagnoses/7
expect_code 200 # what does not need the pool still works

grep -E "runtime error|Sanitizer" "$TMP/server.log" && bad "sanitizer report in the server log" || ok
echo "benchmark-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
