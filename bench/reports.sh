#!/bin/bash
# reports.sh — the reports to hand over (issue 14): time and memory to make each PDF, against
# the alternative a user has today, printing the same web page to PDF with headless Chromium,
# measured in the same run on the same data:
#  1. cold, one process per report: `mamoru report … --format pdf` (start-up and content loading
#     included) against `chromium --headless --print-to-pdf` of the same page, saved with its
#     stylesheet (the page as the browser shows it) — wall time and peak RSS (GNU time's %M,
#     the largest process of the run);
#  2. warm, a running server: GET …/report.pdf against a running Chromium (playwright-core, from
#     tests/browser) loading the page and printing it to A4 — median wall time (Chromium's rounds
#     in one browser first, then the server's; each after an untimed first run);
#  3. the workbooks (.xlsx), cold and warm, for scale (Chromium has no equivalent).
# Every PDF is checked first (pdfinfo: A4 and its pages; pdftotext: the company's name), and
# the page counts of both are printed: the hand-over report is meant to be 2–3 pages where the
# printed page is 10 or more. The cold rounds are interleaved (mamoru, Chromium, mamoru, …) so
# each ratio compares figures of the same moment. Chromium's peak RSS is that of its largest
# process (it runs several). ROUNDS=5 by default. Loopback only.
set -eu
cd "$(dirname "$0")/.."
ROOT=$PWD
export MAMORU_CONTENT=$ROOT/content MAMORU_STATIC=$ROOT/static
BIN=${BIN:-$ROOT/mamoru}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
ROUNDS=${ROUNDS:-5}
T=$(mktemp -d)
DB=$T/bench.db
SERVER=
trap 'kill $SERVER 2>/dev/null; rm -rf "$T"' EXIT
M() { "$BIN" --db "$DB" "$@"; }
for tool in pdfinfo pdftotext "$CHROMIUM" /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "reports.sh needs $tool (scripts/install-deps test)" >&2; exit 1; }
done

# a client as a consultant has one: two self-diagnoses, a profile, a plan, the seed's ledger,
# two risks, an incident; four other pooled companies so the comparison has peers
M org add --name "株式会社ベンチ製作所" --industry E --employees 30 >/dev/null
M diagnose jisha-shindan --answers examples/jisha-shindan.csv --org 1 --save --scope 本社 --respondent "山田太郎" --role executive >/dev/null
M diagnose jisha-shindan --answers examples/jisha-shindan.json --org 1 --save --scope 本社 --respondent "山田太郎" --role executive >/dev/null
for k in 2 3 4 5 6; do
	M org add --name "比較先$k" --industry E --employees 30 >/dev/null
	M diagnose jisha-shindan --answers examples/jisha-shindan.csv --org "$k" --save --pool >/dev/null
done
M plan add 1 --questionnaire jisha-shindan --question 3 --owner 佐藤 --due 2026-12-31 >/dev/null
M plan add 1 --questionnaire jisha-shindan --question 12 --owner 鈴木 --due 2027-01-31 >/dev/null
M asset import 1 examples/asset-ledger.csv >/dev/null
M risk add 1 --asset 1 --threat "メールの誤送信による漏えい" --source internal --frequency yearly --impact stop --treatment reduce --reason 確認 --measure 4.3.2 >/dev/null
M risk add 1 --asset 2 --threat "ランサムウェア" --source external --frequency yearly --impact fatal --treatment reduce --reason 対策 --measure 4.4.1 >/dev/null
M incident add 1 --type leak --level 2 --title "顧客名簿をメールで誤送信" --detected "2026-11-20 09:30" >/dev/null
ID=$(sqlite3 "$DB" "SELECT max(id) FROM diagnoses WHERE organization_id = 1")

printf 'bench passphrase 2026 long\n' | M user add bench@example.test --name "ベンチ 担当" --role admin --password-stdin >/dev/null
TOKEN=$(M token add bench@example.test --label bench | tail -1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" --db "$DB" serve --listen "127.0.0.1:$PORT" 2>"$T/server.log" &
SERVER=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
B=http://127.0.0.1:$PORT

# report: CLI words, the report's URL, the page a user would print, a word both must hold
NAMES=(diagnosis compare history plan ledger)
CLI=("$ID" "compare $ID" "history 1" "plan 1" "risk 1")
REPORT=("/diagnoses/$ID/report" "/diagnoses/$ID/compare" "/organizations/1/history" "/organizations/1/plan" "/organizations/1/ledger")
PAGE=("/diagnoses/$ID" "/diagnoses/$ID/compare" "/organizations/1/history" "/organizations/1" "/organizations/1/risks")
# what the printed page must show (the comparison page does not name the company: one reason for the report)
WORD=("株式会社ベンチ製作所" "他社との比較" "株式会社ベンチ製作所" "株式会社ベンチ製作所" "株式会社ベンチ製作所")

# the pages as the browser shows them: saved with the stylesheet beside them, for the cold run
cp static/style.css "$T/style.css"
for k in 0 1 2 3 4; do
	curl -s -H "Authorization: Bearer $TOKEN" "$B${PAGE[$k]}?lang=ja" | sed 's#href="/static/style.css"#href="style.css"#; s#<script src="/static/app.js" defer></script>##' >"$T/page$k.html"
	grep -q "${WORD[$k]}" "$T/page$k.html" || { echo "${NAMES[$k]}: the page lacks ${WORD[$k]}" >&2; exit 1; }
done

check_pdf() { # FILE NAME WORD: A4, the word in the text; prints its pages
	pdfinfo "$1" | grep -q "A4" || { echo "$2: not A4" >&2; exit 1; }
	pdftotext "$1" - | tr -d '\n ' | grep -q "$3" || { echo "$2: no \"$3\" in the PDF" >&2; exit 1; }
	pdfinfo "$1" | awk '/^Pages:/ {print $2}'
}
# one cold run: OUT_S = seconds, OUT_KB = peak RSS
cold() {
	local t0 t1
	t0=$(date +%s.%N)
	/usr/bin/time -f "%M" -o "$T/rss" "$@" >/dev/null 2>"$T/err" || { echo "failed: $*" >&2; cat "$T/err" >&2; exit 1; }
	t1=$(date +%s.%N)
	OUT_S=$(echo "$t1 - $t0" | bc -l)
	OUT_KB=$(tail -1 "$T/rss")
}
# Chromium printing a saved page to PDF (a script, so GNU time can run it)
cat >"$T/chromium_print" <<SH
#!/bin/sh
exec "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update \\
	--disable-sync --no-pdf-header-footer --user-data-dir="$T/profile" --print-to-pdf="\$2" "file://\$1"
SH
chmod +x "$T/chromium_print"
chromium_print() { "$T/chromium_print" "$@"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "== the files (checked before anything is timed)"
printf '%-10s %14s %14s\n' report "mamoru pages" "Chromium pages"
for k in 0 1 2 3 4; do
	rm -f "$T/m$k.pdf" "$T/c$k.pdf"
	M report ${CLI[$k]} --format pdf --output "$T/m$k.pdf" >/dev/null
	chromium_print "$T/page$k.html" "$T/c$k.pdf" >/dev/null 2>&1
	printf '%-10s %14s %14s\n' "${NAMES[$k]}" "$(check_pdf "$T/m$k.pdf" "${NAMES[$k]}" 株式会社ベンチ製作所)" \
		"$(check_pdf "$T/c$k.pdf" "${NAMES[$k]} (Chromium)" "${WORD[$k]}")"
done

echo "== cold: one process per report, $ROUNDS interleaved rounds (median; peak RSS of the run's largest process)"
for k in 0 1 2 3 4; do : >"$T/cm$k"; : >"$T/cc$k"; done
for round in $(seq 1 "$ROUNDS"); do
	for k in 0 1 2 3 4; do
		rm -f "$T/x.pdf"
		cold "$BIN" --db "$DB" report ${CLI[$k]} --format pdf --output "$T/x.pdf"
		echo "$OUT_S $OUT_KB" >>"$T/cm$k"
		rm -f "$T/y.pdf"
		cold "$T/chromium_print" "$T/page$k.html" "$T/y.pdf"
		echo "$OUT_S $OUT_KB" >>"$T/cc$k"
	done
done
printf '%-10s %12s %12s %12s %12s %9s %9s\n' report "mamoru ms" "Chromium ms" "mamoru MB" "Chromium MB" "time ×" "memory ×"
for k in 0 1 2 3 4; do
	ms=$(awk '{print $1 * 1000}' "$T/cm$k" | median); cs=$(awk '{print $1 * 1000}' "$T/cc$k" | median)
	mk=$(awk '{print $2 / 1024}' "$T/cm$k" | median); ck=$(awk '{print $2 / 1024}' "$T/cc$k" | median)
	printf '%-10s %12.0f %12.0f %12.1f %12.1f %9.3f %9.3f\n' "${NAMES[$k]}" "$ms" "$cs" "$mk" "$ck" "$(echo "$ms / $cs" | bc -l)" \
		"$(echo "$mk / $ck" | bc -l)"
done

echo "== warm: a running server against a running Chromium, $ROUNDS rounds each (median ms)"
WARM=$T/warm.mjs
cat >"$WARM" <<'JS'
// loads each page in a running Chromium (the API token as a header) and prints it to A4;
// prints "k ms" per page, one line each, for ROUNDS rounds, after one untimed warm-up each
import { createRequire } from "node:module";
const require = createRequire(process.env.BROWSER_DIR + "/package.json");
const { chromium } = require("playwright-core");
const [base, token, rounds, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
const ctx = await browser.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
const page = await ctx.newPage();
const one = async (p) => { await page.goto(base + p + "?lang=ja"); return page.pdf({ format: "A4" }); };
for (const p of pages) await one(p);
for (let r = 0; r < Number(rounds); r++)
  for (let k = 0; k < pages.length; k++) {
    const t0 = performance.now();
    await one(pages[k]);
    console.log(k, (performance.now() - t0).toFixed(1));
  }
await browser.close();
JS
if [ -d tests/browser/node_modules/playwright-core ]; then
	BROWSER_DIR=$ROOT/tests/browser CHROMIUM=$CHROMIUM node "$WARM" "$B" "$TOKEN" "$ROUNDS" "${PAGE[@]}" >"$T/warm.out"
else
	echo "(no tests/browser/node_modules: run 'make tests/browser/node_modules' for the warm Chromium figures)"
	: >"$T/warm.out"
fi
for k in 0 1 2 3 4; do
	curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$B/api/v1${REPORT[$k]}.pdf" # warm-up
	: >"$T/wm$k"
done
for round in $(seq 1 "$ROUNDS"); do
	for k in 0 1 2 3 4; do
		curl -s -o "$T/w.pdf" -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$B/api/v1${REPORT[$k]}.pdf" | awk '{print $1 * 1000}' >>"$T/wm$k"
	done
done
printf '%-10s %12s %12s %9s\n' report "mamoru ms" "Chromium ms" "time ×"
for k in 0 1 2 3 4; do
	ms=$(median <"$T/wm$k"); cs=$(awk -v k="$k" '$1 == k {print $2}' "$T/warm.out" | median)
	printf '%-10s %12.1f %12s %9s\n' "${NAMES[$k]}" "$ms" "${cs:-—}" "$( [ -n "$cs" ] && echo "$ms / $cs" | bc -l | xargs printf '%.3f' || echo —)"
done
echo "server peak RSS after the PDFs: $(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' /proc/$SERVER/status)"

echo "== the workbooks (.xlsx): cold command and warm request, median ms"
printf '%-10s %12s %12s %12s\n' report "cold ms" "cold MB" "warm ms"
for k in 0 1 2 3 4; do
	: >"$T/xc"; : >"$T/xw"
	for round in $(seq 1 "$ROUNDS"); do
		rm -f "$T/x.xlsx"
		cold "$BIN" --db "$DB" report ${CLI[$k]} --format xlsx --output "$T/x.xlsx"
		echo "$OUT_S $OUT_KB" >>"$T/xc"
		curl -s -o "$T/w.xlsx" -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$B/api/v1${REPORT[$k]}.xlsx" | awk '{print $1 * 1000}' >>"$T/xw"
	done
	printf '%-10s %12.0f %12.1f %12.1f\n' "${NAMES[$k]}" "$(awk '{print $1 * 1000}' "$T/xc" | median)" "$(awk '{print $2 / 1024}' "$T/xc" | median)" \
		"$(median <"$T/xw")"
done
