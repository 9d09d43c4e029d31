#!/bin/bash
# test_contractor_http.sh — contractors and cloud services on the web and the JSON API: the
# register, chosen items of the contractor requirements sent through a respondent link that asks
# the contractor only those items without an account, the answers reviewed, the confidentiality
# clauses built with the parties filled in, cloud services checked with the 15-item checklist.
# Bad input is refused (422 naming the field) and changes nothing; a viewer cannot change anything.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db c)
"$BIN" --db "$DB" org add --name "株式会社みなと製作所" --industry E --employees 20 >/dev/null
add_user --db "$DB" viewer@example.test viewer
start_server --db "$DB"
TOKEN=$(csrf_token)
count() { sql "$DB" "$1"; }

CASE="the organisation page links contractors and cloud services"
get /organizations/1
expect_out 'href="/organizations/1/contractors" id="contractors-link">委託先</a>'
expect_out 'href="/organizations/1/cloud" id="cloud-link">クラウドサービス</a>'

CASE="the register starts empty, with a form"
get /organizations/1/contractors
expect_code 200
expect_out '委託先はまだ登録されていません。'
expect_out 'name="contract_end"'

CASE="a bad date is refused with 422 naming the field, nothing stored"
get /organizations/1/contractors -X POST --data-urlencode "csrf=$TOKEN" --data-urlencode "name=データ入力株式会社" --data-urlencode "contract_end=2027-13-01"
expect_code 422
expect_out 'contract_end'
[ "$(count 'select count(*) from contractors')" = 0 ] && ok || bad "a contractor was stored"

CASE="without the CSRF token nothing is stored"
get /organizations/1/contractors -X POST --data-urlencode "name=データ入力株式会社"
expect_code 403
[ "$(count 'select count(*) from contractors')" = 0 ] && ok || bad "a contractor was stored"

CASE="a contractor is added through the form"
get /organizations/1/contractors -X POST --data-urlencode "csrf=$TOKEN" --data-urlencode "name=データ入力株式会社" \
	--data-urlencode "contact=佐藤 03-1111-2222" --data-urlencode "handles=顧客名簿の入力" --data-urlencode "contract_start=2026-04-01" \
	--data-urlencode "contract_end=2027-03-31" --data-urlencode "review_due=2026-01-15"
expect_code 303
get /organizations/1/contractors
expect_out '<a href="/organizations/1/contractors/1">データ入力株式会社</a>'
expect_out '【見直し時期】'

CASE="the contractor's page offers the 67 items by section"
get /organizations/1/contractors/1
expect_code 200
[ "$(echo "$OUT" | grep -o 'name="items" value="[0-9]\.[0-9]-[0-9]*"' | wc -l)" = 67 ] && ok || bad "item boxes"
[ "$(echo "$OUT" | grep -o 'name="items" value="[0-9]\.[0-9]"' | wc -l)" = 9 ] && ok || bad "section boxes"

CASE="sending nothing is refused and makes no link"
get /organizations/1/contractors/1/send -X POST --data-urlencode "csrf=$TOKEN"
expect_code 422
[ "$(count 'select count(*) from respondent_links')" = 0 ] && ok || bad "a link was made"

CASE="sending section 1.3 and item 5.1-3 makes one link"
get /organizations/1/contractors/1/send -X POST --data-urlencode "csrf=$TOKEN" --data-urlencode "items=1.3" --data-urlencode "items=5.1-3" --data-urlencode "days=7"
expect_code 200
LINK=$(echo "$OUT" | grep -o '/r/[0-9a-f]*' | head -1)
[ -n "$LINK" ] && ok || bad "no link shown"
expect_out '4 項目'

CASE="the contractor answers without an account, and is asked only those four items"
curl -s -c "$TMP/anon" -b "$TMP/anon" -o "$TMP/r.html" "$B$LINK"
R=$(cat "$TMP/r.html")
case "$R" in *'id="ct-intro"'*) ok ;; *) bad "no contractor intro" ;; esac
# the contractor answers as the contractor (no "role: staff"), and reads each measure's text
# on the page instead of a link to a page that needs an account
case "$R" in *'回答者の役割'*) bad "the contractor is given a role of the company's" ;; *) ok ;; esac
case "$R" in *'href="/measures/'*) bad "a link to a measure page the contractor cannot open" ;; *) ok ;; esac
[ "$(grep -o 'name="a\.[^"]*"' "$TMP/r.html" | sort -u | tr '\n' ' ')" = 'name="a.1.3-1" name="a.1.3-2" name="a.1.3-3" name="a.5.1-3" ' ] && ok || bad "asked: $(grep -o 'name="a\.[^"]*"' "$TMP/r.html" | sort -u | tr '\n' ' ')"
CODE=$(curl -s -c "$TMP/anon" -b "$TMP/anon" -o "$TMP/r2.html" -w '%{http_code}' -X POST "$B$LINK" --data-urlencode "csrf=$(csrf_of "$TMP/r.html")" \
	--data-urlencode "a.1.3-1=yes" --data-urlencode "a.1.3-2=partly" --data-urlencode "a.1.3-3=yes" --data-urlencode "a.5.1-3=no" \
	--data-urlencode "a.2.1-1=yes" --data-urlencode "respondent=佐藤")
[ "$CODE" = 200 ] && ok || bad "answer: HTTP $CODE"
grep -q 'id="ct-thanks"' "$TMP/r2.html" && ok || bad "no thanks"
[ "$(count "select count(*) from diagnosis_answers a join diagnoses d on d.id = a.diagnosis_id where d.questionnaire = 'contractor' and a.option <> ''")" = 4 ] && ok || bad "answers stored: only the items sent"

CASE="the answers are kept with the contractor and reviewed"
api GET /api/v1/organizations/1/contractors/1
expect_code 200
expect_json "[(r['status'], r['answered']) for r in d['requests']]" '[["answered", {"yes": 2, "partly": 1, "no": 1, "na": 0}]]'
get /organizations/1/contractors/1/requests/1/review -X POST --data-urlencode "csrf=$TOKEN" --data-urlencode "note=5.1-3 は次回までに改善を依頼"
expect_code 303
api GET /api/v1/organizations/1/contractors/1
expect_json "[(r['status'], r['reviewed_by'], r['review_note']) for r in d['requests']]" '[["reviewed", "'"$TEST_EMAIL"'", "5.1-3 は次回までに改善を依頼"]]'
get /organizations/1/contractors/1
expect_out '5.1-3 は次回までに改善を依頼'

CASE="the clause builder fills in the parties and dates, the chosen clauses verbatim"
get "/organizations/1/contractors/1/clause?made=1&clause=subcontract&related=damages&date=2026-04-01&report_by=2026-04-30&years=5"
expect_code 200
expect_out '甲：株式会社みなと製作所（委託元）'
expect_out '乙：データ入力株式会社（委託先）'
expect_out '(3) 機密情報の管理責任者名、機密情報を取り扱う従業員名及び機密情報の保管場所を、2026年4月30日までに甲に報告する。'
expect_out '第2条（再委託）'
expect_out '3. 前項に加え、乙は再委託先から次の各号の同意を得なければならない。'
expect_no_out '存続条項）'
api GET "/api/v1/organizations/1/contractors/1/clause?clauses=survival&years=5&related=damages"
expect_code 200
expect_json "[a['article'] for a in d['articles']]" '[1, 2]'
expect_json "'第1条（機密保持）の規定は、業務委託期間終了又は本契約の解除後5年間有効とする。' in d['text']" 'true'
api GET "/api/v1/organizations/1/contractors/1/clause?years=100"
expect_code 422

CASE="the API refuses a bad contractor and changes nothing"
api POST /api/v1/organizations/1/contractors -d '{"name": "", "contact": "x"}'
expect_code 422
api PUT /api/v1/organizations/1/contractors/1 -d '{"review_due": "tomorrow"}'
expect_code 422
expect_json "d['error']['field']" '"review_due"'
[ "$(count 'select review_due from contractors where id = 1')" = 2026-01-15 ] && ok || bad "changed"
api POST /api/v1/organizations/1/contractors/1/requests -d '{"items": ["9.9"]}'
expect_code 422
[ "$(count 'select count(*) from contractor_requests')" = 1 ] && ok || bad "a request was stored"

CASE="a viewer sees the register but cannot change it"
login viewer@example.test "$TMP/vj"
get_as "$TMP/vj" /organizations/1/contractors/1
expect_code 200
expect_no_out 'name="items"'
get_as "$TMP/vj" /organizations/1/contractors/1/delete -X POST --data-urlencode "csrf=$(csrf_of "$TMP/body")"
[ "$CODE" = 403 ] && ok || bad "viewer delete: HTTP $CODE"
[ "$(count 'select count(*) from contractors')" = 1 ] && ok || bad "deleted"

CASE="cloud services: add through the API, check with the 15 items, due for review"
api POST /api/v1/organizations/1/cloud -d '{"name": "クラウド会計", "provider": "会計サービス株式会社", "purpose": "経理"}'
expect_code 201
expect_json "[d['name'], d['last_check'], d['review_is_due']]" '["クラウド会計", null, true]'
api POST /api/v1/organizations/1/cloud/1/check -d '{"answers": {"1": "yes", "2": "maybe"}}'
expect_code 422
[ "$(count "select count(*) from diagnoses where questionnaire = 'cloud'")" = 0 ] && ok || bad "a check was saved"
api POST /api/v1/organizations/1/cloud/1/check -d '{"answers": {"1": "yes"}}'   # a partial check: refused, the review date stays
expect_code 422
expect_json "d['error']['field']" '"answers"'
expect_out '未回答'
get /organizations/1/cloud/1/check -X POST --data-urlencode "csrf=$(csrf_token)" -d 'a.1=yes&a.2=yes'
expect_code 422
expect_out '未回答'
api GET /api/v1/organizations/1/cloud/1
expect_json "[d['last_check'], d['review_is_due']]" '[null, true]'
[ "$(count "select count(*) from diagnoses where questionnaire = 'cloud'")" = 0 ] && ok || bad "a partial check was saved"
api POST /api/v1/organizations/1/cloud/1/check -d '{"answers": {"1": "yes", "2": "yes", "3": "yes", "4": "no", "5": "yes", "6": "yes", "7": "yes", "8": "yes", "9": "yes", "10": "yes", "11": "yes", "12": "yes", "13": "yes", "14": "yes", "15": "yes"}, "respondent": "山田"}'
expect_code 201
expect_json "[d['last_check']['total'], d['last_check']['max'], d['review_is_due']]" '[14, 15, false]'
[ "$(count "select scope from diagnoses where questionnaire = 'cloud'")" = "クラウド会計" ] && ok || bad "scope"
get /organizations/1/cloud
expect_out '<a href="/organizations/1/cloud/1">クラウド会計</a>'
expect_out '14 / 15'
get /organizations/1/cloud/1
expect_out '【利用者の認証を厳格に行う】'

CASE="deleting the organisation takes contractors, requests and cloud services"
api DELETE /api/v1/organizations/1
[ "$(count 'select (select count(*) from contractors) + (select count(*) from contractor_requests) + (select count(*) from cloud_services)')" = 0 ] && ok || bad "rows left"

echo "contractor-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
