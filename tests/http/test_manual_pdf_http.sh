#!/bin/bash
# test_manual_pdf_http.sh — the emergency manual and a contractor's confidentiality clauses as
# A4 PDFs over HTTP: the buttons on the manual page, its print view and the clause builder, the
# downloads they lead to (status, Content-Type application/pdf, file name, the company and the
# people it entered, the chosen clauses and no other, the request's language), the same under
# /api/v1 with a token, a bad field refused naming it, and access as the pages: a viewer reads,
# another workspace's user gets 404/403 for this workspace's manual and clauses, and a
# contractor under another organisation's path is not found.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db manualpdf)
M() { "$BIN" --db "$DB" "$@" >/dev/null; }
M org add --name "株式会社みなと製作所" --industry E --employees 20                    # organisation 1
M org add --name "ほかの商事" --industry I --employees 8                               # organisation 2
M manual set 1 top.name="山田太郎" top.phone=090-1111-2222 manager.name="佐藤花子" reviewed=2026-11-01
M contractor add 1 --name "北海システム株式会社"                                       # contractor 1
M contractor add 2 --name "南海データ株式会社"                                         # contractor 2
M workspace add 別の支援機関                                                           # workspace 2
M --workspace 2 org add --name "他社" --employees 5                                    # organisation 3
M --workspace 2 contractor add 3 --name "他社の委託先"                                 # contractor 3
start_server --db "$DB"
add_user --db "$DB" viewer@example.test viewer
add_user --db "$DB" --workspace 2 other@example.test admin
login viewer@example.test "$TMP/viewer" || bad "viewer sign-in"
login other@example.test "$TMP/other" || bad "other workspace's sign-in"
pdftext() { pdftotext -raw "$1" - | tr -d '\n'; }
has() { case "$(pdftext "$1")" in *"$2"*) ok ;; *) bad "$1 lacks \"$2\"" ;; esac; }
lacks() { case "$(pdftext "$1")" in *"$2"*) bad "$1 has \"$2\"" ;; *) ok ;; esac; }
save() { cp "$TMP/body" "$TMP/$1"; }
# dl URL [curl args] : like get, but a PDF stays in $TMP/body only (OUT holds only text)
dl() {
	u=$1; shift
	CODE=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' -b "$TMP/cj" -c "$TMP/cj" "$@" "$B$u"); HDR=$(cat "$TMP/hdr")
	if grep -qi '^content-type: application/pdf' "$TMP/hdr"; then OUT=""; else OUT=$(cat "$TMP/body"); fi
}
dl_as() { jar=$1 u=$2; shift 2; CODE=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' -b "$jar" -c "$jar" "$@" "$B$u"); HDR=$(cat "$TMP/hdr")
	if grep -qi '^content-type: application/pdf' "$TMP/hdr"; then OUT=""; else OUT=$(cat "$TMP/body"); fi; }
apidl() { m=$1 u=$2; shift 2; dl "$u" -X "$m" -H "Authorization: Bearer $API_TOKEN" "$@"; }
is_pdf() {
	expect_code 200
	expect_hdr "^Content-Type: application/pdf"
	[ "$(head -c 5 "$TMP/body")" = "%PDF-" ] && ok || bad "the body is not a PDF"
	pdfinfo "$TMP/body" | grep -q "^Page size: *595.27[0-9]* x 841.8[0-9]* pts (A4)" && ok || bad "not A4"
}

CASE="the manual page and its print view link the PDF"
get /organizations/1/manual
expect_code 200
expect_out 'href="/organizations/1/manual.pdf" id="manual-pdf" download>PDF</a>'
get /organizations/1/manual/print
expect_out 'href="/organizations/1/manual.pdf" download>PDF</a>'
get "/organizations/1/manual?lang=en"
expect_out 'href="/organizations/1/manual.pdf?lang=en" id="manual-pdf"'
get "/organizations/1/manual?lang=ja"   # the language is kept in a cookie: back to Japanese

CASE="the manual PDF: type, file name, the company and the people entered"
dl /organizations/1/manual.pdf
is_pdf
expect_hdr 'Content-Disposition: attachment; filename="mamoru-manual-1.pdf"'
save m.pdf
has "$TMP/m.pdf" "もしもマニュアル"
has "$TMP/m.pdf" "株式会社みなと製作所"
has "$TMP/m.pdf" "最高責任者"
has "$TMP/m.pdf" "山田太郎"
has "$TMP/m.pdf" "090-1111-2222"
has "$TMP/m.pdf" "作成者: 試験"   # the signed-in administrator prepared it
dl "/organizations/1/manual.pdf?lang=en"
is_pdf
expect_hdr 'filename="mamoru-manual-1-en.pdf"'
save m-en.pdf
has "$TMP/m-en.pdf" "Emergency manual"
has "$TMP/m-en.pdf" "Top manager"
has "$TMP/m-en.pdf" "山田太郎"

CASE="the clause builder has a PDF button sending the same form"
get /organizations/1/contractors/1/clause
expect_code 200
expect_out 'id="clause-pdf" formaction="/organizations/1/contractors/1/clause.pdf"'

CASE="the clause PDF: the ticked clauses with the parties and the date, the unticked one absent"
dl "/organizations/1/contractors/1/clause.pdf?lang=ja&made=1&clause=subcontract&date=2026-12-01&years=3"
is_pdf
expect_hdr 'filename="mamoru-clause-1.pdf"'
save c.pdf
has "$TMP/c.pdf" "業務委託契約に係る機密保持条項"
has "$TMP/c.pdf" "甲：株式会社みなと製作所（委託元）"
has "$TMP/c.pdf" "乙：北海システム株式会社（委託先）"
has "$TMP/c.pdf" "締結日：2026年12月1日"
has "$TMP/c.pdf" "第1条（機密保持）"
has "$TMP/c.pdf" "第2条（再委託）"
lacks "$TMP/c.pdf" "存続条項"
dl "/organizations/1/contractors/1/clause.pdf?lang=en&client=%E7%94%B2%E5%95%86%E4%BA%8B"
is_pdf
save c-en.pdf
has "$TMP/c-en.pdf" "Article 1 (Confidentiality)"
has "$TMP/c-en.pdf" "A: 甲商事 (client)"
has "$TMP/c-en.pdf" "Article 3"
get "/organizations/1/manual?lang=ja"

CASE="a bad date is refused naming the field, no PDF"
dl "/organizations/1/contractors/1/clause.pdf?date=2026-13-01"
[ "$CODE" = 422 ] || [ "$CODE" = 400 ] && ok || bad "HTTP $CODE"
expect_out "date"
echo "$HDR" | grep -qi "^Content-Type: application/pdf" && bad "a PDF was sent" || ok

CASE="the same under /api/v1 with a token; errors in the JSON envelope"
apidl GET /api/v1/organizations/1/manual.pdf
is_pdf
save api-m.pdf
has "$TMP/api-m.pdf" "山田太郎"
apidl GET "/api/v1/organizations/1/contractors/1/clause.pdf?clauses=survival&date=2026-12-01"
is_pdf
save api-c.pdf
has "$TMP/api-c.pdf" "存続条項"
lacks "$TMP/api-c.pdf" "再委託"
apidl GET "/api/v1/organizations/1/contractors/1/clause.pdf?years=0"
expect_code 422
expect_json "d['error']['field']" '"years"'
apidl GET /api/v1/organizations/1/contractors/2/clause.pdf
expect_code 404
expect_json "d['error']['code']" '"not_found"'
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$B/api/v1/organizations/1/manual.pdf")
expect_code 401

CASE="a contractor under another organisation's path is not found"
dl /organizations/1/contractors/2/clause.pdf
expect_code 404

CASE="a viewer reads both"
dl_as "$TMP/viewer" /organizations/1/manual.pdf
is_pdf
dl_as "$TMP/viewer" /organizations/1/contractors/1/clause.pdf
is_pdf

CASE="another workspace's user: this workspace's manual and clauses are 404/403, its own are there"
for u in /organizations/1/manual.pdf /organizations/1/contractors/1/clause.pdf /organizations/2/manual.pdf \
	/organizations/3/contractors/1/clause.pdf; do
	dl_as "$TMP/other" "$u"
	[ "$CODE" = 404 ] || [ "$CODE" = 403 ] && ok || bad "$u: HTTP $CODE"
	echo "$HDR" | grep -qi "^Content-Type: application/pdf" && bad "$u: a PDF was sent" || ok
done
dl_as "$TMP/other" /organizations/3/manual.pdf
is_pdf
dl_as "$TMP/other" /organizations/3/contractors/3/clause.pdf
is_pdf
save other.pdf
has "$TMP/other.pdf" "他社の委託先"
lacks "$TMP/other.pdf" "株式会社みなと製作所"

echo "test_manual_pdf_http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
