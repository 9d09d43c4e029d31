#!/bin/bash
# test_report_cli.sh — the reports to hand over, from the command line (`mamoru report`), read
# back with independent tools as a client's machine would: poppler's pdfinfo (A4, the page
# count), pdffonts (every font embedded), pdftotext (the company, the score, the Japanese
# questions, the comment, the time in Japan) and pdftoppm through tests/cli/pdf_check.py (no
# blank or flooded page, each numbered "n / N"); the same in English; files never overwritten
# and bad options refused with the field named. MAMORU_BIN picks the binary.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}"
export MAMORU_DB="$TMP/m.db"
. tests/cli/lib.sh
m() { run "$BIN" "$@"; }
# the text of a PDF on one line (a wrapped question reads whole)
pdftext() { pdftotext -raw "$1" - | tr -d '\n'; }
has() { case "$(pdftext "$1")" in *"$2"*) ok ;; *) bad "$1 lacks \"$2\"" ;; esac; }
lacks() { case "$(pdftext "$1")" in *"$2"*) bad "$1 has \"$2\"" ;; *) ok ;; esac; }
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
# every font of the file embedded (pdffonts: the "emb" column), and at least one font
fonts_embedded() {
	local list; list=$(pdffonts "$1" | tail -n +3)
	[ -n "$list" ] && ! echo "$list" | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }' && ok || bad "a font not embedded in $1: $list"
}

m org add --name "株式会社みなと製作所" --industry E --employees 30
m diagnose jisha-shindan --answers examples/jisha-shindan.csv --org 1 --save --scope "本社工場" --respondent "山田太郎" --role executive

CASE="the self-diagnosis report as PDF: A4, 2-3 pages, the company, score, band, actions and questions"
m report 1 --format pdf --output "$TMP/r1.pdf" --comment "まずパスワードの管理から始めましょう。
来月に再診断します。" --prepared-by "佐藤 花子"
expect_rc 0
expect_out "$TMP/r1.pdf"
pdfinfo "$TMP/r1.pdf" | grep -q "^Page size: *595.27[0-9]* x 841.8[0-9]* pts (A4)" && ok || bad "not A4: $(pdfinfo "$TMP/r1.pdf" | grep 'Page size')"
n=$(pages "$TMP/r1.pdf")
[ "$n" -ge 2 ] && [ "$n" -le 3 ] && ok || bad "pages: $n, expected 2 or 3"
expect_out "$n ページ"
pdfinfo "$TMP/r1.pdf" | grep -q "^Title: *診断結果レポート" && ok || bad "title metadata"
has "$TMP/r1.pdf" "診断結果レポート"
has "$TMP/r1.pdf" "株式会社みなと製作所"
total=$(sqlite3 "$MAMORU_DB" "SELECT total || ' / ' || max FROM diagnoses WHERE id = 1")
has "$TMP/r1.pdf" "$total 点"
has "$TMP/r1.pdf" "$(sqlite3 "$MAMORU_DB" "SELECT band_ja FROM diagnoses WHERE id = 1")"
has "$TMP/r1.pdf" "本社工場"
has "$TMP/r1.pdf" "山田太郎（経営者）"
has "$TMP/r1.pdf" "作成者"
has "$TMP/r1.pdf" "佐藤 花子"
# a question's Japanese text, an answer, and the first action with why and how
has "$TMP/r1.pdf" "重要情報を机の上に放置せず鍵付き書庫に保管し施錠するなどのように"
has "$TMP/r1.pdf" "回答一覧"
has "$TMP/r1.pdf" "実施していない"
has "$TMP/r1.pdf" "まずやること"
has "$TMP/r1.pdf" "なぜ:"
has "$TMP/r1.pdf" "やり方"
has "$TMP/r1.pdf" "費用:"
# the comment, both lines, under 所見
has "$TMP/r1.pdf" "所見"
has "$TMP/r1.pdf" "まずパスワードの管理から始めましょう。"
has "$TMP/r1.pdf" "来月に再診断します。"
# one diagnosis: no trend yet
lacks "$TMP/r1.pdf" "合計点の推移"
fonts_embedded "$TMP/r1.pdf"
pdffonts "$TMP/r1.pdf" | grep -q "NotoSansCJK" && ok || bad "no Noto Sans CJK font: $(pdffonts "$TMP/r1.pdf")"
run python3 tests/cli/pdf_check.py "$TMP/r1.pdf"
expect_rc 0; expect_out "ok"

CASE="dates are Japan time: the diagnosis saved at UTC hh:mm shows at hh+9"
utc=$(sqlite3 "$MAMORU_DB" "SELECT created_at FROM diagnoses WHERE id = 1")
jst=$(python3 -c "import datetime,sys; t=datetime.datetime.strptime(sys.argv[1],'%Y-%m-%dT%H:%M:%SZ')+datetime.timedelta(hours=9); print(f'{t.year}年{t.month}月{t.day}日 {t:%H:%M}')" "$utc")
has "$TMP/r1.pdf" "診断日時 $jst"

CASE="the page checker itself fails a blank page (so the check above can fail)"
python3 - "$TMP/blank.pdf" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
out, offs = bytearray(b"%PDF-1.4\n"), []
for i, o in enumerate(objs, 1):
    offs.append(len(out)); out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % x
open(sys.argv[1], "wb").write(out)
PY
run python3 tests/cli/pdf_check.py "$TMP/blank.pdf"
expect_rc 1; expect_out "page 1 is blank"

CASE="without a comment: the 所見 section is a space to write in"
m report 1 --format pdf --output "$TMP/r1b.pdf"
expect_rc 0
has "$TMP/r1b.pdf" "所見"
has "$TMP/r1b.pdf" "支援担当者の所見をご記入ください"
lacks "$TMP/r1b.pdf" "来月に再診断します"

CASE="a second diagnosis of the same company: its report shows the trend"
m diagnose jisha-shindan --answers examples/jisha-shindan.json --org 1 --save --scope "本社工場" --respondent "山田太郎" --role executive
expect_rc 0
m report 2 --format pdf --output "$TMP/r2.pdf"
expect_rc 0
has "$TMP/r2.pdf" "合計点の推移"
n=$(pages "$TMP/r2.pdf")
[ "$n" -ge 2 ] && [ "$n" -le 3 ] && ok || bad "pages with the trend: $n, expected 2 or 3"
run python3 tests/cli/pdf_check.py "$TMP/r2.pdf"
expect_rc 0; expect_out "ok"
# the first report does not gain the later diagnosis
m report 1 --format pdf --output "$TMP/r1c.pdf"
lacks "$TMP/r1c.pdf" "合計点の推移"

CASE="the same report in English"
m --lang en report 1 --format pdf --output "$TMP/r1en.pdf" --comment "Start with passwords."
expect_rc 0
expect_out "pages"
has "$TMP/r1en.pdf" "Self-diagnosis report"
has "$TMP/r1en.pdf" "株式会社みなと製作所"
has "$TMP/r1en.pdf" "Prepared by"
has "$TMP/r1en.pdf" "Answer sheet"
has "$TMP/r1en.pdf" "Do you keep important information from being handled carelessly"
has "$TMP/r1en.pdf" "Start with passwords."
has "$TMP/r1en.pdf" " JST"
lacks "$TMP/r1en.pdf" "回答一覧"
pdfinfo "$TMP/r1en.pdf" | grep -q "^Title: *Self-diagnosis report" && ok || bad "English title metadata"
fonts_embedded "$TMP/r1en.pdf"
run python3 tests/cli/pdf_check.py "$TMP/r1en.pdf"
expect_rc 0

CASE="an existing file is never overwritten; a failure leaves no file"
echo keep >"$TMP/exists.pdf"
m report 1 --format pdf --output "$TMP/exists.pdf"
expect_rc 2; expect_err "上書きしません"
[ "$(cat "$TMP/exists.pdf")" = keep ] && ok || bad "the existing file was changed"
m report 99 --format pdf --output "$TMP/none.pdf"
expect_rc 2; expect_err "99"
[ ! -e "$TMP/none.pdf" ] && ok || bad "a file was left for an unknown diagnosis"

CASE="bad options are refused, naming what is wrong"
m report 1 --format docx --output "$TMP/x.docx"
expect_rc 2; expect_err "pdf か xlsx"
[ ! -e "$TMP/x.docx" ] && ok || bad "a file was written for a bad format"
m report 1 --format pdf --output "$TMP/x.pdf" --comment "$(printf 'bell\007')"
expect_rc 2; expect_err "comment"
m report 1 --format pdf --output "$TMP/x.pdf" --comment "$(python3 -c 'print("あ" * 2001)')"
expect_rc 2; expect_err "2001 文字"
[ ! -e "$TMP/x.pdf" ] && ok || bad "a file was written for a bad comment"
m report 1 --format pdf
expect_rc 2; expect_err "使い方"
m report nonsense 1 --format pdf --output "$TMP/x.pdf"
expect_rc 2; expect_err "nonsense"
"$BIN" report 1 --format pdf --output - >"$TMP/stdout.pdf" 2>"$TMP/stderr"
[ $? = 0 ] && [ "$(head -c 5 "$TMP/stdout.pdf")" = "%PDF-" ] && [ "$(pages "$TMP/stdout.pdf")" = "$(pages "$TMP/r1b.pdf")" ] && ok ||
	bad "--output - did not write the PDF to stdout: $(cat "$TMP/stderr")"

echo "test_report_cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
