#!/bin/bash
# test_asset_http.sh — the information-asset ledger and the risk register over HTTP: the seed's
# example ledger uploaded in the browser's form as CP932 CSV and as .xlsx (17 assets, the seed's
# C/I/A), the ledger page sorted, filtered and in pages of 50 (a bad parameter is a 400 naming
# it), export as CSV and .xlsx; the JSON API (list contract, add, change, delete, import with
# every problem's row and column); hostile uploads (a missing column, C=4, a bad date, another
# organisation's rows) change nothing; two risks rated, the suggested treatments (the seed's
# cells and an organisation's own), decisions with reasons, 低減 putting checklist questions in
# the action plan; the heat map with counts and the guideline's worked example; viewers read
# only, a member sees only their company, every change is audited.
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
rows() { sql "$DB" "$1"; }

M org add --name "みなと金型" --industry E --employees 40 >/dev/null
M org add --name "ほかの商事" --industry I --employees 10 >/dev/null
add_user --db "$DB" viewer@example.test viewer
add_user --db "$DB" member2@example.test member --org 2
start_server --db "$DB"
iconv -f UTF-8 -t CP932 examples/asset-ledger.csv >"$TMP/ledger-cp932.csv"
python3 tests/cli/excel_xlsx.py examples/asset-ledger.csv "$TMP/ledger.xlsx"
csrf_page() { curl -s -b "$TMP/cj" -o "$TMP/p.html" "$B$1"; csrf_of "$TMP/p.html"; }
upload() { # upload ORG FILE [JAR] : the ledger page's import form
	local jar=${3:-$TMP/cj}
	curl -s -b "$jar" -o "$TMP/p.html" "$B/organizations/$1/assets"
	CODE=$(curl -s -b "$jar" -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' -F "csrf=$(csrf_of "$TMP/p.html")" -F "file=@$2" "$B/organizations/$1/assets/import")
	OUT=$(cat "$TMP/body"); HDR=$(cat "$TMP/hdr")
}

CASE="the organisation page links to the ledger and the register; an empty ledger offers examples"
get /organizations/1
expect_code 200; expect_out 'href="/organizations/1/assets"'; expect_out 'href="/organizations/1/risks"'
get /organizations/1/assets
expect_code 200; expect_out 'id="ledger-empty"'; expect_out "ガイドラインの記入例（金型企業）"; expect_out 'enctype="multipart/form-data"'

CASE="hostile uploads change nothing and say row, column and reason"
sed '1s/,機密性,/,機密度,/' examples/asset-ledger.csv >"$TMP/missing.csv"
upload 1 "$TMP/missing.csv"
expect_code 422; expect_out 'id="import-errors"'; expect_out "1行目（見出し）: 列「機密性」"
sed '4s/,2,3,3,/,4,3,3,/' examples/asset-ledger.csv | iconv -f UTF-8 -t CP932 >"$TMP/c4.csv"
upload 1 "$TMP/c4.csv"
expect_code 422; expect_out "4行目 M列「機密性」"; expect_out "「4」は 1〜3 ではありません"
sed '6s/2008\/8\/26/2008\/8\/32/' examples/asset-ledger.csv >"$TMP/date.csv"
upload 1 "$TMP/date.csv"
expect_code 422; expect_out "6行目 I列「登録日」"
[ "$(rows "SELECT count(*) FROM assets")" = 0 ] && ok || bad "a broken upload stored rows"
curl -s -b "$TMP/cj" -o /dev/null "$B/organizations/1/assets"
CODE=$(curl -s -b "$TMP/cj" -o /dev/null -w '%{http_code}' -F "csrf=not-the-token" -F "file=@$TMP/ledger-cp932.csv" "$B/organizations/1/assets/import")
expect_code 403

CASE="the seed's ledger uploaded as Excel saves it: CP932 CSV, then .xlsx into the other company"
upload 1 "$TMP/ledger-cp932.csv"
expect_code 303; expect_hdr "Location: /organizations/1/assets?added=17&updated=0"
upload 2 "$TMP/ledger.xlsx"
expect_code 303
[ "$(rows "SELECT count(*) FROM assets WHERE organization_id = 2")" = 17 ] && ok || bad "xlsx rows"
[ "$(rows "SELECT c || '' || i || a FROM assets WHERE organization_id = 2 AND no = '16'")" = 332 ] && ok || bad "xlsx row 16"
get "/organizations/1/assets?added=17&updated=0"
expect_code 200; expect_out 'id="imported"'; expect_out "要求仕様書"; expect_out "営業秘密情報"; expect_out "該当: 17"

CASE="the ledger page: sorted, filtered, pages of 50, a 400 naming a bad parameter"
get "/organizations/1/assets?importance=low"
expect_code 200; expect_out "MS Officeライセンス"; expect_no_out "要求仕様書"; expect_out "該当: 1"
get "/organizations/1/assets?sort=name&order=desc"
expect_code 200; expect_out 'aria-sort="descending"'
first=$(grep -o '/organizations/1/assets/[0-9]*">[^<]*' "$TMP/body" | head -1 | sed 's/.*">//')
[ "$first" = "部品図" ] && ok || bad "first by name, descending: $first"
get "/organizations/1/assets?q=%E5%9B%B3%E9%9D%A2"
expect_out "該当: 4"
get "/organizations/1/assets?department=%E7%B5%8C%E7%90%86%E9%83%A8"
expect_code 200; expect_out "会計情報"; expect_out "該当: 1"; expect_out 'name="department" value="経理部" checked'
get "/organizations/1/assets?importance=urgent"
expect_code 400; expect_out "importance"
get "/organizations/1/assets?page=0"
expect_code 400; expect_out "page"
python3 - "$TMP/many.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("管理No,情報資産名,機密性,完全性,可用性\n")
    for i in range(1, 121):
        f.write(f"{i},資産{i:03d},{1 + i % 3},1,1\n")
PY
M asset import 2 "$TMP/many.csv" >/dev/null
get "/organizations/2/assets?q=%E8%B3%87%E7%94%A3&page=3"
expect_code 200; expect_out "ページ 3 / 3"; expect_out 'rel="prev"'
n=$(grep -o '<tr><td>' "$TMP/body" | wc -l); [ "$n" = 20 ] && ok || bad "page 3 has $n rows, expected 20"

CASE="export as CSV and .xlsx with the seed's headings"
get "/organizations/1/assets/export?format=csv"
expect_code 200; expect_hdr "Content-Type: text/csv"; expect_hdr 'Content-Disposition: attachment; filename="assets-1.csv"'
printf '%s' "$OUT" | grep -q "管理No,情報資産名,対象（媒体）" && ok || bad "CSV headings"
[ "$(printf '%s' "$OUT" | grep -c '高（重要な情報資産）')" = 14 ] && ok || bad "importance column"
curl -s -b "$TMP/cj" -o "$TMP/export.xlsx" "$B/organizations/1/assets/export?format=xlsx"
python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert 'xl/worksheets/sheet1.xml' in z.namelist()" "$TMP/export.xlsx" && ok || bad "not an xlsx"
get "/organizations/1/assets/export?format=pdf"
expect_code 400

CASE="the JSON API: list contract, add, change, delete, import with row and column"
api GET /api/v1/organizations/1/assets
expect_code 200; expect_json "d['total']" "17"; expect_json "len(d['assets'])" "17"
expect_json "{'id', 'name', 'c', 'i', 'a', 'importance'} <= set(d['assets'][0])" "true"
api GET "/api/v1/organizations/2/assets?per_page=10&page=2&sort=no"
expect_json "[d['total'], len(d['assets']), d['page']]" "[137, 10, 2]"
api GET "/api/v1/organizations/2/assets?per_page=10&page=15"
expect_code 200; expect_json "[d['total'], d['assets'], d['page'], d['per_page']]" "[137, [], 15, 10]"
for bad in per_page=0:per_page per_page=1001:per_page per_page=x:per_page page=0:page; do
	api GET "/api/v1/organizations/2/assets?${bad%%:*}"
	expect_code 422; expect_json "d['error']['field']" "\"${bad##*:}\""
done
api POST /api/v1/organizations/1/assets -d '{"name": "顧客名簿", "c": 3, "i": 2, "a": "2", "department": "営業部", "retention": "5年"}'
expect_code 201; expect_json "d['importance']" '"high"'
A=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
api PUT /api/v1/organizations/1/assets/$A -d '{"c": 4}'
expect_code 422; expect_json "d['error']['field']" '"c"'
api PUT /api/v1/organizations/1/assets/$A -d '{"owner": "営業部長", "inventoried": "2026/1/5"}'
expect_code 200; expect_json "d['inventoried']" '"2026-01-05"'
api PUT /api/v1/organizations/1/assets/$A -d '{"colour": "red"}'
expect_code 422; expect_json "d['error']['code']" '"unknown_field"'
api GET /api/v1/organizations/2/assets/$A
expect_code 404
api DELETE /api/v1/organizations/1/assets/$A
expect_code 200
api GET /api/v1/organizations/1/assets/$A
expect_code 404
before=$(rows "SELECT count(*) || '/' || max(updated_at) FROM assets")
CODE=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $API_TOKEN" -H 'Content-Type: text/csv' --data-binary @"$TMP/c4.csv" "$B/api/v1/organizations/1/assets/import"); OUT=$(cat "$TMP/body")
expect_code 422; expect_json "[d['errors'][0]['row'], d['errors'][0]['column']]" '[4, "c"]'
curl -s -b "$TMP/cj" -o "$TMP/out.csv" "$B/organizations/1/assets/export?format=csv"
CODE=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $API_TOKEN" -H 'Content-Type: text/csv' --data-binary @"$TMP/out.csv" "$B/api/v1/organizations/2/assets/import"); OUT=$(cat "$TMP/body")
expect_code 422; expect_json "d['errors'][0]['column']" '"id"'; expect_json "'この組織の台帳にありません' in d['errors'][0]['message']" "true"
[ "$(rows "SELECT count(*) || '/' || max(updated_at) FROM assets")" = "$before" ] && ok || bad "a refused API import changed rows"
CODE=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $API_TOKEN" --data-binary @"$TMP/out.csv" "$B/api/v1/organizations/1/assets/import"); OUT=$(cat "$TMP/body")
expect_code 200; expect_json "[d['added'], d['updated']]" "[0, 17]"

CASE="two risks rated: the seed's suggested treatments, decisions with reasons, 低減 into the plan"
S=$(rows "SELECT id FROM assets WHERE organization_id = 1 AND no = '16'")
D=$(rows "SELECT id FROM assets WHERE organization_id = 1 AND no = '4'")
api POST /api/v1/organizations/1/risks -d "{\"assets\": [$S], \"threat\": \"個人情報がメールの誤送信により漏えい\", \"source\": \"内部\", \"frequency\": \"年1回\", \"impact\": \"業務停止\"}"
expect_code 201; expect_json "[d['suggested_treatment'], d['treatment']]" '["reduce", null]'
R1=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
api POST /api/v1/organizations/1/risks -d "{\"assets\": [$D, $S], \"threat_ref\": \"scenario:10\", \"source\": \"external\", \"frequency\": \"monthly\", \"impact\": \"fatal\"}"
expect_code 201; expect_json "[d['suggested_treatment'], d['threat']]" '["avoid", "電子メール経由でのウイルス感染"]'
R2=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
api PUT /api/v1/organizations/1/risks/$R2 -d '{"treatment": "reduce"}'
expect_code 422; expect_json "d['error']['field']" '"reason"'
api PUT /api/v1/organizations/1/risks/$R2 -d '{"treatment": "reduce", "reason": "業務は止められないため、ウイルス対策を徹底して頻度を下げる", "residual_frequency": "rare", "residual_impact": "stop"}'
expect_code 200; expect_json "[d['treatment'], d['measures'], d['plan_items_added']]" '["reduce", ["4.3.2", "4.3.3"], 2]'
expect_json "d['review'] > '2026'" "true"
[ "$(rows "SELECT question FROM plan_items WHERE organization_id = 1 AND questionnaire = 'checklist' ORDER BY question" | paste -sd ' ')" = "3-2 3-3" ] && ok || bad "plan items: $(rows "SELECT * FROM plan_items")"
get /organizations/1
expect_out "ウイルス対策ソフトをはじめとしたアプリケーションの運用を適切に行っていますか"
# the plan's column for the buttons is markup, not text
expect_out '<th scope="col"></th></tr></thead>'; expect_no_out '&lt;th'
api PUT /api/v1/organizations/1/risks/$R2 -d '{"assets": [999999]}'
expect_code 422; expect_json "d['error']['field']" '"assets"'
api PUT /api/v1/organizations/1/risks/$R2 -d '{"frequency": "weekly"}'
expect_code 422; expect_json "d['error']['field']" '"frequency"'
api GET "/api/v1/organizations/1/risks?per_page=1&page=2&sort=id"
expect_code 200; expect_json "[d['total'], [x['id'] for x in d['risks']], d['page'], d['per_page']]" "[2, [$R2], 2, 1]"
api GET "/api/v1/organizations/1/risks?page=3&per_page=1"
expect_code 200; expect_json "[d['total'], d['risks'], d['page']]" "[2, [], 3]"
for bad in per_page=0:per_page per_page=1001:per_page per_page=x:per_page page=0:page; do
	api GET "/api/v1/organizations/1/risks?${bad%%:*}"
	expect_code 422; expect_json "d['error']['field']" "\"${bad##*:}\""
done

CASE="the register page: heat map with counts, the worked example, the decision form, a low risk accepted"
get /organizations/1/risks
expect_code 200; expect_out '<svg class="chart riskmap"'; expect_out "個人情報がメールの誤送信により漏えい"; expect_out 'id="worked-example"'
expect_out 'data-cell="yearly:stop">1（低減）'; expect_out 'data-cell="monthly:fatal">1（回避）'
expect_out 'data-cell="rare:stop">1（低減）'
get /organizations/1/risks/$R1
expect_code 200; expect_out 'id="suggested" data-treatment="reduce"'; expect_out "情報セキュリティ対策を講じる"
csrf=$(csrf_of "$TMP/body")
CODE=$(curl -s -b "$TMP/cj" -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' --data-urlencode "csrf=$csrf" --data-urlencode "assets=$S" \
	--data-urlencode "threat=個人情報がメールの誤送信により漏えい" -d "source=internal&frequency=rare&impact=slow&treatment=accept" \
	--data-urlencode "reason=宛先確認の運用で十分に低い" "$B/organizations/1/risks/$R1")
expect_code 303
[ "$(rows "SELECT frequency || impact || treatment FROM risks WHERE id = $R1")" = "rareslowaccept" ] && ok || bad "the decision was not stored"
get /organizations/1/risks/$R1
expect_out 'id="decided">保有'; expect_out 'data-treatment="accept"'
get /organizations/1/risks/$R2
CODE=$(curl -s -b "$TMP/cj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$(csrf_of "$TMP/body")" --data-urlencode "assets=$D" \
	--data-urlencode "threat=電子メール経由でのウイルス感染" -d "threat_ref=threat:ransomware&source=external&frequency=monthly&impact=fatal&treatment=reduce" \
	--data-urlencode "reason=業務は止められないため、ウイルス対策を徹底して頻度を下げる" -d "measure=4.3.2&measure=4.3.3" "$B/organizations/1/risks/$R2")
expect_code 303
[ "$(rows "SELECT threat_ref || ' ' || CASE WHEN threat <> '電子メール経由でのウイルス感染' THEN 1 ELSE 0 END || ' ' || measures FROM risks WHERE id = $R2")" = "threat:ransomware 1 4.3.2,4.3.3" ] && ok || bad "another threat from the lists kept the old title: $(rows "SELECT threat, threat_ref FROM risks WHERE id = $R2")"
api PUT /api/v1/organizations/1/risks/$R2 -d '{"threat_ref": "scenario:10", "threat": "電子メール経由でのウイルス感染"}'
expect_code 200
get "/organizations/1/risks?treatment=reduce"
expect_out "電子メール経由でのウイルス感染"; expect_no_out "誤送信により漏えい</a>"
get "/organizations/1/risks?sort=colour"
expect_code 400; expect_out "sort"

CASE="an organisation's own suggestions; the matrix API"
api GET /api/v1/organizations/1/risk-matrix
expect_code 200; expect_json "sum(1 for c in d['cells'] if c['from_seed'])" "4"; expect_json "d['example']['frequency']" '"yearly"'
api PUT /api/v1/organizations/1/risk-matrix -d '{"cells": {"yearly:stop": "transfer"}, "inventory_months": 6}'
expect_code 200; expect_json "[c['treatment'] for c in d['cells'] if c['frequency'] == 'yearly' and c['impact'] == 'stop']" '["transfer"]'
expect_json "[d['own'], d['inventory_months']]" "[true, 6]"
api GET /api/v1/organizations/2/risk-matrix
expect_json "d['own']" "false"
api POST /api/v1/organizations/1/risks -d "{\"asset\": $S, \"threat\": \"ノートPCの紛失\", \"source\": \"internal\", \"frequency\": \"yearly\", \"impact\": \"stop\"}"
expect_json "d['suggested_treatment']" '"transfer"'
api PUT /api/v1/organizations/1/risk-matrix -d '{"cells": null}'
expect_json "d['own']" "false"

CASE="the asset form's attributes are markup: date fields, the required mark, maxlength"
get /organizations/1/assets/new
expect_code 200
expect_out 'name="disposed" value="" type="date"'; expect_out 'name="name" value="" maxlength="100" required'
expect_out '<span class="req">*</span></label>'; expect_no_out '=&quot;'; expect_no_out '&lt;span'

CASE="viewers read only; a member sees only their company; other organisations' records are not found"
login viewer@example.test "$TMP/viewer.jar"
get_as "$TMP/viewer.jar" /organizations/1/assets
expect_code 200; expect_out "要求仕様書"; expect_no_out 'enctype="multipart/form-data"'; expect_no_out "/assets/new"
get_as "$TMP/viewer.jar" /organizations/1/risks/$R2
expect_code 200; expect_no_out 'name="treatment"'
CODE=$(curl -s -b "$TMP/viewer.jar" -o /dev/null -w '%{http_code}' -F "csrf=$(csrf_of "$TMP/body")" -F "file=@$TMP/ledger-cp932.csv" "$B/organizations/1/assets/import")
expect_code 403
login member2@example.test "$TMP/member.jar"
get_as "$TMP/member.jar" /organizations/1/assets
expect_code 404
get_as "$TMP/member.jar" /organizations/2/assets/$S
expect_code 404
get_as "$TMP/member.jar" /organizations/2/risks
expect_code 200

CASE="every change is in the audit log"
M audit --json >"$TMP/audit.json"
OUT=$(cat "$TMP/audit.json")
expect_json "sorted(set(a['action'] for a in d if a['action'].split('.')[0] in ('asset', 'risk')))" '["asset.add", "asset.delete", "asset.import", "asset.update", "risk.add", "risk.settings", "risk.update"]'
expect_json "sum(1 for a in d if a['action'] == 'plan.add' and 'from risk' in a['detail'])" "2"

echo "test_asset_http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
