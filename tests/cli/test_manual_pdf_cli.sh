#!/bin/bash
# test_manual_pdf_cli.sh — the emergency manual (もしもマニュアル) and a contractor's
# confidentiality clauses as A4 PDFs from the command line (`mamoru manual ORG --format pdf`,
# `mamoru contractor clause ID … --format pdf`, `mamoru report manual|clause`), read back with
# poppler as a client's machine would: pdfinfo (A4, the page count, the title), pdffonts (every
# font embedded), pdftotext (the company, the people the company entered, a role, a runbook step,
# the chosen clauses verbatim with the parties and dates filled in, an unchosen one absent) and
# pdf_check.py (no blank page, each numbered "n / N"); the same in English; a file never
# overwritten, a bad option refused naming the field, no Excel of these. MAMORU_BIN picks the binary.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}"
. tests/cli/lib.sh
export MAMORU_DB=$(test_db m)
m() { run "$BIN" "$@"; }
pdftext() { pdftotext -raw "$1" - | tr -d '\n'; }
has() { case "$(pdftext "$1")" in *"$2"*) ok ;; *) bad "$1 lacks \"$2\"" ;; esac; }
lacks() { case "$(pdftext "$1")" in *"$2"*) bad "$1 has \"$2\"" ;; *) ok ;; esac; }
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
a4() { pdfinfo "$1" | grep -q "^Page size: *595.27[0-9]* x 841.8[0-9]* pts (A4)" && ok || bad "$1 not A4: $(pdfinfo "$1" | grep 'Page size')"; }
fonts_embedded() {
	local list; list=$(pdffonts "$1" | tail -n +3)
	[ -n "$list" ] && ! echo "$list" | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }' && ok || bad "a font not embedded in $1: $list"
}
checked() { run python3 tests/cli/pdf_check.py "$1"; expect_rc 0; expect_out "ok"; }

m org add --name "株式会社みなと製作所" --industry E --employees 30
m manual set 1 top.name="山田太郎" top.phone=090-1111-2222 top.mail=yamada@minato.example manager.name="佐藤花子" \
	contacts="顧問弁護士 田中法律事務所 03-0000-1111" reviewed=2026-11-01
expect_rc 0
m contractor add 1 --name "北海システム株式会社"
expect_rc 0

CASE="the manual as PDF: A4, the company, the people it entered, the levels, a runbook step, reporting"
m manual 1 --format pdf --output "$TMP/m.pdf" --prepared-by "佐藤 花子"
expect_rc 0
expect_out "$TMP/m.pdf: "
a4 "$TMP/m.pdf"
n=$(pages "$TMP/m.pdf")
[ "$n" -ge 3 ] && [ "$n" -le 8 ] && ok || bad "pages: $n"
expect_out "$n ページ"
pdfinfo "$TMP/m.pdf" | grep -q "^Title: *もしもマニュアル" && ok || bad "title metadata: $(pdfinfo "$TMP/m.pdf" | grep Title)"
has "$TMP/m.pdf" "株式会社みなと製作所"
has "$TMP/m.pdf" "最高責任者"
has "$TMP/m.pdf" "山田太郎"
has "$TMP/m.pdf" "090-1111-2222"
has "$TMP/m.pdf" "yamada@minato.example"
has "$TMP/m.pdf" "佐藤花子"
has "$TMP/m.pdf" "一次対応者"
has "$TMP/m.pdf" "顧問弁護士 田中法律事務所 03-0000-1111"
has "$TMP/m.pdf" "2026年11月1日"
has "$TMP/m.pdf" "作成者: 佐藤 花子"
# the level rule, a runbook step of the malware playbook and a body to report to
has "$TMP/m.pdf" "個人情報が漏えいしたとき"
has "$TMP/m.pdf" "ウイルス対策ソフトの定義ファイルを最新版に更新します"
has "$TMP/m.pdf" "個人情報保護委員会"
fonts_embedded "$TMP/m.pdf"
pdffonts "$TMP/m.pdf" | grep -q "NotoSansCJK" && ok || bad "no Noto Sans CJK font"
checked "$TMP/m.pdf"

CASE="the same through mamoru report manual, and in English"
m report manual 1 --format pdf --output "$TMP/m2.pdf"
expect_rc 0
has "$TMP/m2.pdf" "山田太郎"
m --lang en manual show 1 --format pdf --output "$TMP/m-en.pdf"
expect_rc 0
expect_out " pages"
a4 "$TMP/m-en.pdf"
pdfinfo "$TMP/m-en.pdf" | grep -q "^Title: *Emergency" && ok || bad "English title: $(pdfinfo "$TMP/m-en.pdf" | grep Title)"
has "$TMP/m-en.pdf" "株式会社みなと製作所"
has "$TMP/m-en.pdf" "Top manager"
has "$TMP/m-en.pdf" "山田太郎"
lacks "$TMP/m-en.pdf" "最高責任者"
lacks "$TMP/m-en.pdf" "・" # the footer's separators are English ones
fonts_embedded "$TMP/m-en.pdf"
checked "$TMP/m-en.pdf"

CASE="an existing file is never overwritten; a bad format or organisation is refused"
before=$(md5sum <"$TMP/m.pdf")
m manual 1 --format pdf --output "$TMP/m.pdf"
expect_rc 2
[ "$(md5sum <"$TMP/m.pdf")" = "$before" ] && ok || bad "the file was overwritten"
m manual 1 --format xlsx --output "$TMP/m.xlsx"
expect_rc 2
[ ! -e "$TMP/m.xlsx" ] && ok || bad "a workbook was written"
m manual 1 --format docx --output "$TMP/m.docx"
expect_rc 2
expect_err "format"
m manual 99 --format pdf --output "$TMP/m99.pdf"
[ "$RC" != 0 ] && [ ! -e "$TMP/m99.pdf" ] && ok || bad "organisation 99: exit $RC"
m manual 1 --output "$TMP/mx.pdf" --format
expect_rc 2

CASE="the clauses as PDF: the chosen clauses verbatim, the parties and dates filled in, the others absent"
m contractor clause 1 --date 2026-12-01 --report-by 2026-12-15 --years 3 --clauses subcontract --format pdf --output "$TMP/c.pdf" --prepared-by "佐藤 花子"
expect_rc 0
expect_out "$TMP/c.pdf: "
a4 "$TMP/c.pdf"
pdfinfo "$TMP/c.pdf" | grep -q "^Title: *業務委託契約に係る機密保持条項" && ok || bad "title metadata"
has "$TMP/c.pdf" "甲：株式会社みなと製作所（委託元）"
has "$TMP/c.pdf" "乙：北海システム株式会社（委託先）"
has "$TMP/c.pdf" "締結日：2026年12月1日"
has "$TMP/c.pdf" "第1条（機密保持）"
has "$TMP/c.pdf" "乙は、本契約の履行にあたり、甲が機密である旨指定して開示する情報"
has "$TMP/c.pdf" "2026年12月15日までに甲に報告する"
has "$TMP/c.pdf" "第2条（再委託）"
has "$TMP/c.pdf" "甲の事前の書面による同意を得ずに、再委託してはならない"
lacks "$TMP/c.pdf" "存続条項"
fonts_embedded "$TMP/c.pdf"
checked "$TMP/c.pdf"
# the PDF's text is the text the CLI prints (the same builder)
m contractor clause 1 --date 2026-12-01 --report-by 2026-12-15 --years 3 --clauses subcontract
line=$(echo "$OUT" | grep '^1. 乙は、本業務' | head -1)
[ -n "$line" ] && has "$TMP/c.pdf" "$line"

CASE="every clause by default (mamoru report clause), and in English"
m report clause 1 --format pdf --output "$TMP/c-all.pdf"
expect_rc 0
has "$TMP/c-all.pdf" "第3条（存続条項）"
has "$TMP/c-all.pdf" "合理的な期間に渡り存続する"
m --lang en contractor clause 1 --date 2026-12-01 --format pdf --output "$TMP/c-en.pdf"
expect_rc 0
has "$TMP/c-en.pdf" "Article 1 (Confidentiality)"
has "$TMP/c-en.pdf" "A: 株式会社みなと製作所 (client)"
has "$TMP/c-en.pdf" "1 December 2026"
fonts_embedded "$TMP/c-en.pdf"
checked "$TMP/c-en.pdf"

CASE="clause PDF: a bad date is refused naming it, --json with a PDF refused, an unknown contractor fails"
m contractor clause 1 --date 2026-13-01 --format pdf --output "$TMP/c-bad.pdf"
expect_rc 2
expect_err "date"
[ ! -e "$TMP/c-bad.pdf" ] && ok || bad "a file was written"
m contractor clause 1 --json --format pdf --output "$TMP/c-j.pdf"
expect_rc 2
[ ! -e "$TMP/c-j.pdf" ] && ok || bad "a file was written"
m contractor clause 9 --format pdf --output "$TMP/c9.pdf"
[ "$RC" != 0 ] && [ ! -e "$TMP/c9.pdf" ] && ok || bad "contractor 9: exit $RC"
m report clause 1 --format xlsx --output "$TMP/c.xlsx"
expect_rc 2
expect_err "PDF"

echo "test_manual_pdf_cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
