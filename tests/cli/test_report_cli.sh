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
. tests/cli/lib.sh
export MAMORU_DB; MAMORU_DB=$(test_db m)
m() { run "$BIN" "$@"; }
# xl FILE : OUT = the workbook as JSON (tests/cli/xlsx_cells.py, openpyxl), for expect_json
xl() { run /usr/bin/python3 tests/cli/xlsx_cells.py "$1"; }
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
total=$(sql "$MAMORU_DB" "SELECT total || ' / ' || max FROM diagnoses WHERE id = 1")
has "$TMP/r1.pdf" "$total 点"
has "$TMP/r1.pdf" "$(sql "$MAMORU_DB" "SELECT band_ja FROM diagnoses WHERE id = 1")"
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
utc=$(sql "$MAMORU_DB" "SELECT created_at FROM diagnoses WHERE id = 1")
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
lacks "$TMP/r1en.pdf" "・" # the footer's and the actions' separators are English ones
has "$TMP/r1en.pdf" "Prepared by: "
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

CASE="the diagnosis as an Excel workbook: Japanese headings, question texts, numbers as numbers, times as date-times"
m report 1 --format xlsx --output "$TMP/r1.xlsx"
expect_rc 0
xl "$TMP/r1.xlsx"
expect_rc 0
expect_json "d['sheets']" '["概要", "回答", "項目別", "まずやること"]'
expect_json "d['props']['title']" '"診断結果レポート"'
expect_json "d['概要'][1]" '["会社名", "株式会社みなと製作所"]'
expect_json "[r[1] for r in d['概要'] if r[0] == '合計点'][0] == int('$(sql "$MAMORU_DB" "SELECT total FROM diagnoses WHERE id = 1")')" "true"
expect_json "[r[1] for r in d['概要'] if r[0] == '範囲'][0]" '"本社工場"'
expect_json "[r[1] for r in d['概要'] if r[0] == '診断日時'][0]" "{\"date\": \"$(python3 -c "import datetime,sys; t=datetime.datetime.strptime(sys.argv[1],'%Y-%m-%dT%H:%M:%SZ')+datetime.timedelta(hours=9); print(f'{t:%Y-%m-%d %H:%M}')" "$utc")\"}"
expect_json "d['回答'][0]" '["No.", "項目", "設問", "回答", "点", "満点", "メモ"]'
expect_json "d['回答'][1][:6]" '[1, "保管について", "重要情報を机の上に放置せず鍵付き書庫に保管し施錠するなどのように、重要情報がみだりに扱われないようにしていますか？", "実施している", 4, 4]'
expect_json "len(d['回答'])" "26"
expect_json "all(isinstance(r[4], int) and isinstance(r[5], int) for r in d['回答'][1:])" "true"
expect_json "sum(r[4] for r in d['回答'][1:]) == [r[1] for r in d['概要'] if r[0] == '合計点'][0]" "true"
expect_json "d['回答'][2][6]" '"ノートPCのみパスワード設定"'
expect_json "d['widths']['回答']['C'] > 60" "true"
expect_json "d['項目別'][1][3] == d['項目別'][1][1] / d['項目別'][1][2]" "true"
expect_json "d['formats']['項目別'][1][3]" '"0%"'
expect_json "d['まずやること'][0][:3]" '["順位", "対策", "費用"]'
expect_json "isinstance(d['まずやること'][1][0], int)" "true"
m --lang en report 1 --format xlsx --output "$TMP/r1en.xlsx"
expect_rc 0
xl "$TMP/r1en.xlsx"
expect_json "d['sheets']" '["Summary", "Answers", "By topic", "What to do first"]'
expect_json "d['Answers'][0]" '["No.", "Topic", "Question", "Answer", "points", "Max", "Note"]'
expect_json "d['Answers'][1][2]" '"Do you keep important information from being handled carelessly, for example by not leaving it on desks and keeping it in locked cabinets?"'

CASE="the organisation's reports: history, plan, ledger and register, comparison (PDF and Excel)"
m plan add 1 --questionnaire jisha-shindan --question 3 --owner "佐藤" --due 2026-12-31
expect_rc 0
m asset import 1 examples/asset-ledger.csv
expect_rc 0
m risk add 1 --asset 1 --threat "メールの誤送信による漏えい" --source internal --frequency yearly --impact stop --treatment reduce --reason "送信前の確認を徹底する" --measure 4.3.2
expect_rc 0
for kind in history plan risk; do
	m report "$kind" 1 --format pdf --output "$TMP/$kind.pdf"
	expect_rc 0
	has "$TMP/$kind.pdf" "株式会社みなと製作所"
	fonts_embedded "$TMP/$kind.pdf"
	run python3 tests/cli/pdf_check.py "$TMP/$kind.pdf"
	expect_rc 0
	m report "$kind" 1 --format xlsx --output "$TMP/$kind.xlsx"
	expect_rc 0
done
has "$TMP/history.pdf" "診断の履歴レポート"
has "$TMP/history.pdf" "5分でできる自社診断"
has "$TMP/plan.pdf" "重要な書類やCDなどを廃棄する場合は"
has "$TMP/plan.pdf" "佐藤"
has "$TMP/plan.pdf" "2026年12月31日"
has "$TMP/risk.pdf" "リスクマトリクス"
has "$TMP/risk.pdf" "メールの誤送信による漏えい"
has "$TMP/risk.pdf" "要求仕様書"
xl "$TMP/history.xlsx"
expect_json "d['診断の履歴'][0][:3]" '["診断ID", "日時", "診断"]'
expect_json "[r[0] for r in d['診断の履歴'][1:]]" '[1, 2]'
expect_json "all('date' in r[1] for r in d['診断の履歴'][1:])" "true"
expect_json "isinstance(d['診断の履歴'][2][10], int)" "true"
xl "$TMP/plan.xlsx"
expect_json "[r for r in d['対策の計画'] if r[2] == '3'][0][4:7]" '["佐藤", {"date": "2026-12-31 00:00"}, "未着手"]'
expect_json "d['formats']['対策の計画'][1][5]" '"yyyy/m/d"'
xl "$TMP/risk.xlsx"
expect_json "d['sheets']" '["概要", "情報資産管理台帳", "リスク対応表", "ヒートマップ"]'
expect_json "len(d['情報資産管理台帳']) - 1" "17"
expect_json "d['情報資産管理台帳'][0][:3]" '["管理No", "情報資産名", "対象（媒体）"]'
expect_json "[r[1] for r in d['情報資産管理台帳'] if r[0] == 2][0]" '"構想図面"'
expect_json "[r[8] for r in d['情報資産管理台帳'] if r[0] == 2][0]" '{"date": "2008-08-26 00:00"}'
expect_json "[r[12:15] for r in d['情報資産管理台帳'] if r[0] == 16][0]" '[3, 3, 2]'
expect_json "d['リスク対応表'][1][2:8]" '["メールの誤送信による漏えい", "内部", "年1回", "業務停止", "低減", "低減"]'
expect_json "d['ヒートマップ'][3]" '["年1回", 0, 1, 0]'
m report compare 1 --format pdf --output "$TMP/compare.pdf" --comment "同業他社と比べて"
expect_rc 0
has "$TMP/compare.pdf" "ベンチマーク比較レポート"
has "$TMP/compare.pdf" "株式会社みなと製作所"
has "$TMP/compare.pdf" "同業他社と比べて"
run python3 tests/cli/pdf_check.py "$TMP/compare.pdf"
expect_rc 0
m report compare 1 --format xlsx --output "$TMP/compare.xlsx"
expect_rc 0
xl "$TMP/compare.xlsx"
expect_json "d['sheets'][:2]" '["概要", "他社との比較"]'
expect_json "d['設問別'][1][:4]" '["1", "重要情報を机の上に放置せず鍵付き書庫に保管し施錠するなどのように、重要情報がみだりに扱われないようにしていますか？", 4, 4]'
m report plan 1 --format pdf --output "$TMP/x.pdf" --comment "not here"
expect_rc 2; expect_err "--comment"
m report plan 99 --format xlsx --output "$TMP/x.xlsx"
expect_rc 2
[ ! -e "$TMP/x.xlsx" ] && ok || bad "a workbook was left for an unknown organisation"

CASE="incidents: one incident's report (what happened, the runbook with who and when, the timeline, the cause) and the register"
m incident add 1 --type leak --level 2 --title "顧客名簿をメールで誤送信" --detected "2026-11-20 09:30" --reporter "営業 鈴木" --description "取引先あてのメールに別の顧客の名簿を添付して送った。" --asset 2
expect_rc 0
m incident step 1 1 --by "情報システム 田中" --at "2026-11-20 10:05" --note "上長に報告済み"
expect_rc 0
m incident close 1 --cause "宛先と添付の確認をしていなかった" --measure "送信前に宛先と添付を確認する"
expect_rc 0
m report incident 1 --format pdf --output "$TMP/inc.pdf"
expect_rc 0
has "$TMP/inc.pdf" "インシデント報告書"
has "$TMP/inc.pdf" "顧客名簿をメールで誤送信"
has "$TMP/inc.pdf" "漏えい・流出"
has "$TMP/inc.pdf" "2026年11月20日 09:30"
has "$TMP/inc.pdf" "構想図面"
has "$TMP/inc.pdf" "取引先あてのメールに別の顧客の名簿を添付して送った。"
has "$TMP/inc.pdf" "情報システム 田中"
has "$TMP/inc.pdf" "上長に報告済み"
has "$TMP/inc.pdf" "宛先と添付の確認をしていなかった"
has "$TMP/inc.pdf" "送信前に宛先と添付を確認する"
fonts_embedded "$TMP/inc.pdf"
run python3 tests/cli/pdf_check.py "$TMP/inc.pdf"
expect_rc 0
m report incident 1 --format xlsx --output "$TMP/inc.xlsx"
expect_rc 0
xl "$TMP/inc.xlsx"
expect_json "[r[1] for r in d['概要'] if r[0] == '被害レベル'][0]" "2"
expect_json "[r[1] for r in d['概要'] if r[0] == '発見した日時'][0]" '{"date": "2026-11-20 09:30"}'
expect_json "d['対応手順'][1][3:6]" '["✓", {"date": "2026-11-20 10:05"}, "情報システム 田中"]'
m report incidents 1 --format xlsx --output "$TMP/incs.xlsx"
expect_rc 0
xl "$TMP/incs.xlsx"
expect_json "d['インシデント対応の記録'][1][:5]" '[1, "顧客名簿をメールで誤送信", "漏えい・流出", 2, "完了"]'
m report incidents 1 --format pdf --output "$TMP/incs.pdf"
expect_rc 0
has "$TMP/incs.pdf" "顧客名簿をメールで誤送信"
m report incident 99 --format pdf --output "$TMP/inc99.pdf"
expect_rc 2
[ ! -e "$TMP/inc99.pdf" ] && ok || bad "a file for an unknown incident"

CASE="CSV for Excel: Japanese headings and question texts, UTF-8 with a BOM by default"
m export 1 --format csv --output "$TMP/e.csv"
expect_rc 0
[ "$(head -c 3 "$TMP/e.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok || bad "no BOM"
head -1 "$TMP/e.csv" | grep -q "^.*組織ID,会社名,診断ID,診断日時,診断,版,回,範囲,回答者,役割,合計点,満点,判定,設問,設問の内容,項目,回答,点,設問の満点,メモ"$'\r'"$" && ok || bad "headings: $(head -1 "$TMP/e.csv")"
grep -q '^1,株式会社みなと製作所,1,'"$(python3 -c "import datetime,sys; t=datetime.datetime.strptime(sys.argv[1],'%Y-%m-%dT%H:%M:%SZ')+datetime.timedelta(hours=9); print(f'{t:%Y/%m/%d %H:%M}')" "$utc")"',5分でできる自社診断,' "$TMP/e.csv" && ok || bad "first row: $(sed -n 2p "$TMP/e.csv")"
grep -q ',1,重要情報を机の上に放置せず鍵付き書庫に保管し施錠するなどのように、重要情報がみだりに扱われないようにしていますか？,保管について,実施している,4,4,' "$TMP/e.csv" && ok || bad "question 1's row: $(sed -n 2p "$TMP/e.csv")"
grep -q ',経営者,' "$TMP/e.csv" && ok || bad "the role in words"
run python3 -c "import csv,sys; rows=list(csv.reader(open(sys.argv[1], encoding='utf-8-sig'))); print(len(rows), len(set(len(r) for r in rows)))" "$TMP/e.csv"
expect_out "51 1"

CASE="CSV in CP932 on request, and in English"
m export 1 --format csv --encoding cp932 --output "$TMP/e932.csv"
expect_rc 0
[ "$(head -c 3 "$TMP/e932.csv" | od -An -tx1 | tr -d ' ')" != efbbbf ] && ok || bad "a BOM in CP932"
iconv -f CP932 -t UTF-8 "$TMP/e932.csv" >"$TMP/e932-utf8.csv" && ok || bad "not valid CP932"
head -1 "$TMP/e932-utf8.csv" | grep -q "^組織ID,会社名," && ok || bad "CP932 headings: $(head -1 "$TMP/e932-utf8.csv")"
grep -q "重要情報を机の上に放置せず" "$TMP/e932-utf8.csv" && ok || bad "CP932 question text"
m --lang en export 1 --format csv --encoding utf8 --output "$TMP/een.csv"
expect_rc 0
head -1 "$TMP/een.csv" | grep -q "^Organisation ID,Company,Diagnosis ID," && ok || bad "English headings: $(head -1 "$TMP/een.csv")"
grep -q "Do you keep important information" "$TMP/een.csv" && ok || bad "English question text"

CASE="the earlier CSV layout stays available: English headings and the stored ids"
m export 1 --format csv --columns ids --output "$TMP/ids.csv"
expect_rc 0
head -1 "$TMP/ids.csv" | grep -q "^.*organization_id,organization,diagnosis_id,date,questionnaire,version,round,scope,respondent,role,total,max,band,question,category,answer,points,full,note"$'\r'"$" && ok || bad "ids headings: $(head -1 "$TMP/ids.csv")"
grep -q ",jisha-shindan,.*,executive,.*,1,storage,yes,4,4," "$TMP/ids.csv" && ok || bad "ids row: $(sed -n 2p "$TMP/ids.csv")"
m export 1 --format csv --encoding latin1 --output "$TMP/bad.csv"
expect_rc 2; expect_err "--encoding"
[ ! -e "$TMP/bad.csv" ] && ok || bad "a file for a bad encoding"

echo "test_report_cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
