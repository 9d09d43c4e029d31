#!/bin/bash
# test_asset_cli.sh — the information-asset ledger and the risk register through the command
# line: the seed's example ledger imported as Excel saves it (CP932 CSV and .xlsx) gives 17 assets
# with the seed's C/I/A; add, list (JSON contract), show, edit, delete; export and import again
# (the same rows updated, not doubled); broken files (a missing column, C=4, a bad date, a row of
# another organisation's ledger) change nothing and name row, column and reason; every change is
# in the audit log. MAMORU_BIN picks the binary.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}"
. tests/cli/lib.sh
export MAMORU_DB; MAMORU_DB=$(test_db m)
m() { run "$BIN" "$@"; }
rows() { sql "$MAMORU_DB" "$1"; }
assets_of() { rows "SELECT count(*) FROM assets WHERE organization_id = $1"; }

m org add --name "みなと金型" --industry E --employees 40
m org add --name "ほかの商事" --industry I --employees 10
iconv -f UTF-8 -t CP932 examples/asset-ledger.csv >"$TMP/ledger-cp932.csv"
python3 tests/cli/excel_xlsx.py examples/asset-ledger.csv "$TMP/ledger.xlsx" --title "情報資産管理台帳（金型企業）"

CASE="the seed's example ledger saved by Excel as CP932 CSV: 17 assets with the seed's C/I/A"
m asset import 1 "$TMP/ledger-cp932.csv"
expect_rc 0; expect_out "17 件を追加"; expect_out "CP932"
[ "$(assets_of 1)" = 17 ] && ok || bad "assets: $(assets_of 1)"
[ "$(rows "SELECT c || '' || i || a FROM assets WHERE organization_id = 1 AND no = '16'")" = 332 ] && ok || bad "row 16's C/I/A"
[ "$(rows "SELECT c || '' || i || a FROM assets WHERE organization_id = 1 AND no = '13'")" = 211 ] && ok || bad "row 13's C/I/A"
[ "$(rows "SELECT registered || ' ' || retain_until FROM assets WHERE organization_id = 1 AND no = '2'")" = "2008-08-26 2013-08-26" ] && ok || bad "dates of row 2"
m asset list 1 --json
expect_json "d['total']" "17"
expect_json "{'id', 'name', 'c', 'i', 'a', 'importance'} <= set(d['assets'][0])" "true"
expect_json "[a['name'] for a in d['assets'] if a['no'] == '17'][0]" '"MS Officeライセンス"'
expect_json "[(a['c'], a['i'], a['a'], a['importance']) for a in d['assets'] if a['no'] == '17'][0]" '[1, 1, 1, "low"]'
expect_json "sum(1 for a in d['assets'] if a['importance'] == 'high')" "14"
expect_json "all(a['flags']['inventory_overdue'] for a in d['assets'])" "true"
expect_json "[a['flags']['retention_over'] for a in d['assets'] if a['no'] in ('1', '8')]" "[false, true]"

CASE="the same ledger as .xlsx (shared strings with furigana, date cells, a title row) into another organisation"
m asset import 2 "$TMP/ledger.xlsx"
expect_rc 0; expect_out "17 件を追加"; expect_out "xlsx"
[ "$(rows "SELECT c || '' || i || a FROM assets WHERE organization_id = 2 ORDER BY no_sort" | paste -sd ' ')" = \
  "$(rows "SELECT c || '' || i || a FROM assets WHERE organization_id = 1 ORDER BY no_sort" | paste -sd ' ')" ] && ok || bad "xlsx C/I/A differ from CSV"
[ "$(rows "SELECT name || '|' || inventoried || '|' || contact FROM assets WHERE organization_id = 2 AND no = '15'")" = "会計情報|2008-08-26|内線:2222" ] && ok || bad "row 15 from xlsx: $(rows "SELECT name, inventoried, contact FROM assets WHERE organization_id = 2 AND no = '15'")"
rows "SELECT name FROM assets" | grep -q フリガナ && bad "furigana read as text" || ok

CASE="add, show, edit, delete; the guideline's checks at the edge"
m asset add 1 --name "顧客名簿" --c 3 --i 2 --a 2 --department 営業部 --retention 5年 --json
expect_rc 0; expect_json "d['importance']" '"high"'
A=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
m asset show "$A"
expect_rc 0; expect_out "顧客名簿"; expect_out "機密性: 3"
m asset edit "$A" --c 1 --i 1 --a 2 --inventoried 2026/1/5
expect_rc 0
[ "$(rows "SELECT c || '' || i || a || ' ' || inventoried FROM assets WHERE id = $A")" = "112 2026-01-05" ] && ok || bad "edit not stored"
m asset add 1 --name "x" --c 4 --i 1 --a 1
expect_rc 2; expect_err "機密性"; expect_err "1〜3"
m --lang en asset edit "$A" --registered 2008/13/01
expect_rc 2; expect_err "Registered (registered)"; expect_err "is not a date"
m asset add 1 --i 1 --a 1 --c 1
expect_rc 2; expect_err "情報資産名"
[ "$(assets_of 1)" = 18 ] && ok || bad "a refused add was stored: $(assets_of 1)"
m asset list 1 --importance nope
expect_rc 2; expect_err "importance"
m asset delete "$A"
expect_rc 0
m asset show "$A"
expect_rc 2; expect_err "情報資産 $A はありません"

CASE="export and import again: the same rows are updated, not doubled"
m asset export 1 --format csv --output "$TMP/out.csv"
expect_rc 0
head -c 3 "$TMP/out.csv" | od -An -tx1 | grep -q "ef bb bf" && ok || bad "no BOM for Excel"
grep -q "^1,要求仕様書," "$TMP/out.csv" && ok || bad "export rows: $(head -2 "$TMP/out.csv")"
sed -i 's/^1,要求仕様書,\(.*\),2,3,3,/1,要求仕様書,\1,3,3,3,/' "$TMP/out.csv"
m asset import 1 "$TMP/out.csv"
expect_rc 0; expect_out "0 件を追加、17 件を更新"
[ "$(assets_of 1)" = 17 ] && ok || bad "doubled: $(assets_of 1)"
[ "$(rows "SELECT c FROM assets WHERE organization_id = 1 AND no = '1'")" = 3 ] && ok || bad "edited cell not imported"
m asset export 1 --format xlsx --output "$TMP/out.xlsx"
expect_rc 0
m asset import 1 "$TMP/out.xlsx"
expect_rc 0; expect_out "17 件を更新"
m asset export 1 --format csv --encoding cp932 --output "$TMP/out932.csv"
iconv -f CP932 -t UTF-8 "$TMP/out932.csv" | grep -q "営業秘密情報" && ok || bad "CP932 export"

CASE="broken files change nothing and name row, column and reason"
before=$(rows "SELECT id || '/' || c || i || a || updated_at FROM assets ORDER BY id")
audit_before=$(rows "SELECT count(*) FROM audit")
sed '1s/,機密性,/,機密度,/' examples/asset-ledger.csv >"$TMP/missing.csv"
m asset import 1 "$TMP/missing.csv"
expect_rc 2; expect_err "1行目（見出し）: 列「機密性」"; expect_err "台帳は変更していません"
sed '4s/,2,3,3,/,4,3,3,/' examples/asset-ledger.csv >"$TMP/c4.csv"
m asset import 1 "$TMP/c4.csv"
expect_rc 2; expect_err "4行目 M列「機密性」"; expect_err "「4」は 1〜3 ではありません"
sed '6s/2008\/8\/26/2008\/8\/32/' examples/asset-ledger.csv >"$TMP/date.csv"
m --lang en asset import 1 "$TMP/date.csv"
expect_rc 2; expect_err "row 6, column I"; expect_err "\"2008/8/32\" is not a date"
m asset import 2 "$TMP/out.csv"
expect_rc 2; expect_err "列「ID」"; expect_err "この組織の台帳にありません"
printf 'PK\003\004not a workbook' >"$TMP/fake.xlsx"
m asset import 1 "$TMP/fake.xlsx"
expect_rc 2; expect_err ".xlsx"
[ "$(rows "SELECT id || '/' || c || i || a || updated_at FROM assets ORDER BY id")" = "$before" ] && ok || bad "a broken file changed the ledger"
[ "$(rows "SELECT count(*) FROM audit")" = "$audit_before" ] && ok || bad "a refused import was audited as a change"
[ "$(assets_of 2)" = 17 ] && ok || bad "organisation 2 changed: $(assets_of 2)"

CASE="starter lists; every change is in the audit log"
m asset starter
expect_rc 0; expect_out "seed-die-maker"; expect_out "retail"
m asset starter 2 retail
expect_rc 0; expect_out "7 件を追加"
m asset starter 2 nope
expect_rc 2
m audit --json
expect_json "sorted(set(a['action'] for a in d if a['action'].startswith('asset.')))" '["asset.add", "asset.delete", "asset.import", "asset.update"]'
expect_json "sum(1 for a in d if a['action'] == 'asset.import')" "5"

CASE="two risks rated from the command line: suggestions, decisions with reasons, 低減 into the plan"
S=$(rows "SELECT id FROM assets WHERE organization_id = 1 AND no = '16'")
D=$(rows "SELECT id FROM assets WHERE organization_id = 1 AND no = '4'")
m risk add 1 --asset "$S" --threat "個人情報がメールの誤送信により漏えい" --source 内部 --frequency 年1回 --impact 業務停止 --json
expect_rc 0; expect_json "[d['suggested_treatment'], d['treatment'], d['assets']]" "[\"reduce\", null, [$S]]"
R1=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
m risk add 1 --asset "$D" --asset "$S" --threat scenario:10 --source external --frequency monthly --impact fatal \
	--treatment reduce --reason "業務は止められないのでウイルス対策を徹底する" --json
expect_rc 0; expect_json "[d['suggested_treatment'], d['treatment'], d['threat'], d['plan_items_added']]" '["avoid", "reduce", "電子メール経由でのウイルス感染", 2]'
R2=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
m plan 1 --json
expect_json "sorted(i['question'] for i in (d if isinstance(d, list) else d['items']) if i['questionnaire'] == 'checklist')" '["3-2", "3-3"]'
m risk edit "$R1" --treatment accept
expect_rc 2; expect_err "理由"
m --lang en risk edit "$R1" --frequency rare --impact slow --treatment 保有 --reason "low: checked by a second person"
expect_rc 0; expect_out "Suggested treatment: Accept"
m risk add 1 --asset "$S" --threat x --source outside --frequency monthly --impact fatal
expect_rc 2; expect_err "external"
m risk add 1 --asset 99999 --threat x --source external --frequency monthly --impact fatal
expect_rc 2; expect_err "99999"
m risk add 1 --threat x --source external --frequency monthly --impact fatal
expect_rc 2; expect_err "情報資産"
[ "$(rows "SELECT count(*) FROM risks")" = 2 ] && ok || bad "refused risks were stored"
m risk list 1 --json
expect_rc 0; expect_json "[d['total'], sorted(r['treatment'] for r in d['risks'])]" '[2, ["accept", "reduce"]]'
m risk matrix 1 yearly:fatal=transfer --json
expect_rc 0; expect_json "[c['treatment'] for c in d['cells'] if c['frequency'] == 'yearly' and c['impact'] == 'fatal']" '["transfer"]'
m risk add 1 --asset "$S" --threat "取引先の倒産" --source external --frequency yearly --impact fatal --json
expect_json "d['suggested_treatment']" '"transfer"'
m risk matrix 1 --reset --json
expect_json "d['own']" "false"
m risk delete "$R1"
expect_rc 0
m risk show "$R1"
expect_rc 2
m asset delete "$D"
m risk show "$R2" --json
expect_json "d['assets']" "[$S]"
m audit --json
expect_json "sorted(set(a['action'] for a in d if a['action'].startswith('risk.')))" '["risk.add", "risk.delete", "risk.settings", "risk.update"]'

echo "test_asset_cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
