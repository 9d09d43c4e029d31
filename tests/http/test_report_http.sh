#!/bin/bash
# test_report_http.sh — the reports over HTTP: the PDF and Excel buttons on the result,
# comparison, history, plan and ledger pages (plain links and a GET form, so the cached result
# page holds nothing of the user's), the downloads they lead to (type, file name, the company,
# who prepared it, the comment, the request's language), the same under /api/v1 with a token and
# the JSON error envelope, a bad comment refused with its field named, and access exactly as the
# page a report comes from: another client's record is not found, a viewer reads.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db report)
M() { "$BIN" --db "$DB" "$@" >/dev/null; }
M org add --name "株式会社みなと製作所" --industry E --employees 20
M org add --name "ほかの商事" --industry I --employees 8
M diagnose jisha-shindan --answers examples/jisha-shindan.csv --org 1 --save --scope "本社" --respondent "山田太郎" --role executive
M diagnose jisha-shindan --answers examples/jisha-shindan.csv --org 2 --save --scope "全社"
M plan add 1 --questionnaire jisha-shindan --question 3 --owner "佐藤" --due 2026-12-31
M asset import 1 examples/asset-ledger.csv
M risk add 1 --asset 1 --threat "メールの誤送信による漏えい" --source internal --frequency yearly --impact stop --treatment reduce --reason "確認" --measure 4.3.2
M incident add 1 --type leak --level 2 --title "顧客名簿をメールで誤送信" --detected "2026-11-20 09:30" --reporter "営業 鈴木"
start_server --db "$DB"
add_user --db "$DB" consultant@example.test consultant
"$BIN" --db "$DB" user assign consultant@example.test 1 >/dev/null
add_user --db "$DB" member2@example.test member --org 2
add_user --db "$DB" viewer@example.test viewer
login consultant@example.test "$TMP/consultant" || bad "consultant sign-in"
login member2@example.test "$TMP/member2" || bad "member sign-in"
login viewer@example.test "$TMP/viewer" || bad "viewer sign-in"
pdftext() { pdftotext -raw "$1" - | tr -d '\n'; }
has() { case "$(pdftext "$1")" in *"$2"*) ok ;; *) bad "$1 lacks \"$2\"" ;; esac; }
save() { cp "$TMP/body" "$TMP/$1"; }
# dl URL [curl args] : like get, but a PDF or workbook stays in $TMP/body (OUT holds only text)
dl() {
	u=$1; shift
	CODE=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' -b "$TMP/cj" -c "$TMP/cj" "$@" "$B$u"); HDR=$(cat "$TMP/hdr")
	if grep -qiE '^content-type: application/(pdf|vnd.openxml)' "$TMP/hdr"; then OUT=""; else OUT=$(cat "$TMP/body"); fi
}
dl_as() { jar=$1 u=$2; shift 2; CODE=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' -b "$jar" -c "$jar" "$@" "$B$u"); HDR=$(cat "$TMP/hdr"); OUT=""; }
apidl() { m=$1 u=$2; shift 2; dl "$u" -X "$m" -H "Authorization: Bearer $API_TOKEN" "$@"; }

CASE="the result page links to the PDF and Excel, and to a page to write the comment on"
get /diagnoses/1
expect_code 200
expect_out 'id="report-report"'
expect_out 'href="/diagnoses/1/report.pdf"'
expect_out 'href="/diagnoses/1/report.xlsx"'
expect_out 'href="/diagnoses/1/reports#report"'
# the cached copy still has them
get /diagnoses/1
expect_out 'href="/diagnoses/1/report.pdf"'
get /diagnoses/1/reports
expect_code 200
expect_out 'action="/diagnoses/1/report.pdf"'
expect_out 'action="/diagnoses/1/compare.pdf"'
expect_out 'name="comment"'
get_as "$TMP/member2" /diagnoses/1/reports
expect_code 404

CASE="the PDF download: type, file name, company, who prepared it, the comment"
dl "/diagnoses/1/report.pdf?comment=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("まずパスワードから。\n来月また診断します。"))')"
expect_code 200
expect_hdr "Content-Type: application/pdf"
expect_hdr 'Content-Disposition: attachment; filename="mamoru-diagnosis-1.pdf"'
expect_hdr "Cache-Control: no-store"
save d1.pdf
[ "$(head -c 5 "$TMP/d1.pdf")" = "%PDF-" ] && ok || bad "not a PDF"
has "$TMP/d1.pdf" "診断結果レポート"
has "$TMP/d1.pdf" "株式会社みなと製作所"
has "$TMP/d1.pdf" "試験 admin"
has "$TMP/d1.pdf" "まずパスワードから。"
has "$TMP/d1.pdf" "来月また診断します。"
has "$TMP/d1.pdf" "重要情報を机の上に放置せず鍵付き書庫に保管し施錠する"
pdfinfo "$TMP/d1.pdf" | grep -q "A4" && ok || bad "not A4"
run python3 tests/cli/pdf_check.py "$TMP/d1.pdf"
expect_rc 0

CASE="in the request's language"
dl "/diagnoses/1/report.pdf?lang=en"
expect_code 200
save d1en.pdf
has "$TMP/d1en.pdf" "Self-diagnosis report"
has "$TMP/d1en.pdf" "Prepared by"
get "/diagnoses/1?lang=en"
expect_out 'href="/diagnoses/1/report.xlsx?lang=en"'
dl /diagnoses/1/report.xlsx
expect_hdr 'filename="mamoru-diagnosis-1-en.xlsx"'
get "/diagnoses/1?lang=ja"

CASE="a bad comment is refused, naming the field; nothing is made"
dl "/diagnoses/1/report.pdf?comment=%07"
expect_code 422
expect_out "comment"
api GET "/api/v1/diagnoses/1/report.pdf?comment=%07"
expect_code 422
expect_json "d['error']['field']" '"comment"'

CASE="the Excel download, read by openpyxl"
dl /diagnoses/1/report.xlsx
expect_code 200
expect_hdr "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
expect_hdr 'filename="mamoru-diagnosis-1.xlsx"'
save d1.xlsx
run /usr/bin/python3 tests/cli/xlsx_cells.py "$TMP/d1.xlsx"
expect_rc 0
expect_json "d['sheets'][:2]" '["概要", "回答"]'
expect_json "d['props']['creator']" '"試験 admin"'
expect_json "d['回答'][1][4]" "4"

CASE="the other pages' buttons, and their reports"
get /diagnoses/1/compare
expect_out 'href="/diagnoses/1/compare.pdf"'
expect_out 'href="/diagnoses/1/reports#compare"'
get /organizations/1/history
expect_out 'href="/organizations/1/history.pdf"'
expect_out 'href="/organizations/1/history.xlsx"'
get /organizations/1
expect_out 'href="/organizations/1/plan.pdf"'
get /organizations/1/assets
expect_out 'href="/organizations/1/ledger.pdf"'
get /organizations/1/risks
expect_out 'href="/organizations/1/ledger.xlsx"'
for u in /diagnoses/1/compare.pdf /organizations/1/history.pdf /organizations/1/plan.pdf /organizations/1/ledger.pdf; do
	dl "$u"
	expect_code 200
	expect_hdr "Content-Type: application/pdf"
	save x.pdf
	has "$TMP/x.pdf" "株式会社みなと製作所"
done
for u in /diagnoses/1/compare.xlsx /organizations/1/history.xlsx /organizations/1/plan.xlsx /organizations/1/ledger.xlsx; do
	dl "$u"
	expect_code 200
	save x.xlsx
	run /usr/bin/python3 tests/cli/xlsx_cells.py "$TMP/x.xlsx"
	expect_rc 0
	expect_json "d['概要'][1]" '["会社名", "株式会社みなと製作所"]'
done
dl /organizations/1/ledger.xlsx
save ledger.xlsx
run /usr/bin/python3 tests/cli/xlsx_cells.py "$TMP/ledger.xlsx"
expect_json "len(d['情報資産管理台帳']) - 1" "17"
expect_json "d['リスク対応表'][1][2]" '"メールの誤送信による漏えい"'

CASE="incidents: the register's and each incident's report; an incident under another organisation's path is not found"
get /organizations/1/incidents
expect_out 'href="/organizations/1/incidents.pdf"'
get /organizations/1/incidents/1
expect_out 'href="/organizations/1/incidents/1/report.pdf"'
expect_out 'href="/organizations/1/incidents/1/report.xlsx"'
dl /organizations/1/incidents/1/report.pdf
expect_code 200
expect_hdr 'filename="mamoru-incident-1.pdf"'
save inc.pdf
has "$TMP/inc.pdf" "インシデント報告書"
has "$TMP/inc.pdf" "顧客名簿をメールで誤送信"
dl /organizations/1/incidents.xlsx
expect_code 200
save incs.xlsx
run /usr/bin/python3 tests/cli/xlsx_cells.py "$TMP/incs.xlsx"
expect_json "d['インシデント対応の記録'][1][:2]" '[1, "顧客名簿をメールで誤送信"]'
dl /organizations/2/incidents/1/report.pdf
expect_code 404
apidl GET /api/v1/organizations/1/incidents/1/report.xlsx
expect_code 200
apidl GET /api/v1/organizations/2/incidents/1/report.xlsx
expect_code 404
expect_json "d['error']['code']" '"not_found"'
dl_as "$TMP/member2" /organizations/1/incidents/1/report.pdf
expect_code 404

CASE="the API: a token gets the same files; errors in the JSON envelope"
apidl GET /api/v1/diagnoses/1/report.pdf
expect_code 200
expect_hdr "Content-Type: application/pdf"
apidl GET /api/v1/organizations/1/plan.xlsx
expect_code 200
expect_hdr "spreadsheetml"
apidl GET /api/v1/diagnoses/999/report.pdf
expect_code 404
expect_json "d['error']['code']" '"not_found"'
CODE=$(curl -s -o "$TMP/body" -w '%{http_code}' "$B/api/v1/diagnoses/1/report.pdf"); OUT=$(cat "$TMP/body")
expect_code 401
expect_json "d['error']['code']" '"unauthenticated"'
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$B/diagnoses/1/report.pdf")
expect_code 303

CASE="access as the pages: another client's records are not found, a viewer reads"
dl_as "$TMP/consultant" /diagnoses/1/report.pdf
expect_code 200
dl_as "$TMP/consultant" /diagnoses/2/report.pdf
expect_code 404
dl_as "$TMP/consultant" /organizations/2/plan.xlsx
expect_code 404
dl_as "$TMP/member2" /diagnoses/1/compare.pdf
expect_code 404
dl_as "$TMP/member2" /organizations/1/ledger.pdf
expect_code 404
dl_as "$TMP/member2" /diagnoses/2/report.xlsx
expect_code 200
dl_as "$TMP/viewer" /organizations/1/ledger.xlsx
expect_code 200
dl_as "$TMP/viewer" /diagnoses/1/report.pdf
expect_code 200
save viewer.pdf
has "$TMP/viewer.pdf" "試験 viewer"

echo "test_report_http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
