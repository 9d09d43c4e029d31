#!/bin/bash
# test_sweep_http.sh — issue 17's "on every user page" rules, checked by reading every page a
# signed-in administrator can reach by links from the home page, in Japanese and in English, over
# an organisation that has something in every part (diagnoses of each questionnaire at two sites,
# the profile, a plan with notes and dates, the asset ledger, a risk, an incident, a contractor
# sent items, a cloud service checked, the emergency manual and the BCP): no page shows an
# internal source reference (「seed 000 L206」, a line range) instead of the document's name and
# section, no page shows a time as UTC ISO text or a date as bare ISO text instead of the local
# style, and no page fails with a server error. tests/http/crawl.py does the walking.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db sweep)
m() { "$BIN" --db "$DB" "$@" >/dev/null 2>&1 || echo "setup failed: mamoru $*" >&2; }
# all NAME ANSWER [N] : an answer file with questions 1..N (25) answered ANSWER
all() { python3 -c "import json,sys; print(json.dumps({'answers': {str(i): sys.argv[1] for i in range(1, int(sys.argv[2]) + 1)}}))" "$2" "${3:-25}" >"$TMP/$1.json"; }
all yes yes; all no no; all b3 3

m org add --name "株式会社みなと製作所" --industry E --employees "1,200人" --capital "1億2,000万円" --sites 2
m profile 1 sales=lt1b personal_info=lt5k secrets=some it_dependence=day online_sales=none public_servers=hosted cloud=some remote_work=some outsourcing=some partner_requirements=asked it_staff=parttime incidents=none
m diagnose jisha-shindan --answers "$TMP/no.json" --save --org 1 --round 2026-10 --scope 本社 --respondent 山田 --role executive
m diagnose jisha-shindan --answers "$TMP/yes.json" --save --org 1 --round 2026-11 --scope 本社 --respondent 鈴木 --role manager
m diagnose jisha-shindan --answers examples/jisha-shindan.csv --save --org 1 --round 2026-11 --scope 工場 --respondent 田中 --role staff
echo '{"answers": {"1-1": "yes", "1-2": "no"}}' >"$TMP/cl.json"
m diagnose checklist --answers "$TMP/cl.json" --save --org 1 --scope 本社
m diagnose benchmark --answers "$TMP/b3.json" --save --org 1
m diagnose jisha-shindan --answers "$TMP/no.json" --save # anonymous, to be attached
m plan add 1 --questionnaire jisha-shindan --question 2 --due 2020-01-01 --note "見積を依頼する"
m plan add 1 --questionnaire jisha-shindan --question 14 --owner 佐藤 --due 2030-03-31
m asset import 1 examples/asset-ledger.csv
m risk add 1 --asset 1 --threat "個人情報がメールの誤送信により漏えい" --source 内部 --frequency 年1回 --impact 業務停止
m incident add 1 --type malware --title "ランサムウェア感染（経理PC）" --impact business,staff-work --detected "2026-11-30 09:15" --reporter "経理 佐藤"
m contractor add 1 --name "データ入力株式会社" --contract-start 2026-04-01 --contract-end 2027-03-31
m contractor send 1 --items "1.1-1,1.2"
m cloud add 1 --name "クラウド会計" --provider "会計サービス株式会社" --purpose "経理・給与"
m manual set 1 top.name="代表取締役 港 太郎" manager.name="総務部長 山田" reviewed=2026-11-30
m bcp set 1 step1 --owner "総務部長 山田" --done --on 2026-11-30 --note "基本方針を決めた"
start_server --db "$DB"
cookie="mamoru_session=$(session_cookie)"

for lang in ja en; do
	CASE="every page reached from the home page ($lang): document names and sections, local dates, no server error"
	python3 tests/http/crawl.py "$B" "$cookie; mamoru_lang=$lang" 1500 / /organizations/1 /measures /scenarios /cases /threats /five-rules /search?q=%E6%BC%8F%E3%81%88%E3%81%84 \
		/diagnoses/5/compare /diagnoses/6 >"$TMP/crawl-$lang.txt"
	pages=$(sed -n 's/^pages: //p' "$TMP/crawl-$lang.txt")
	[ "${pages:-0}" -ge 250 ] && ok || bad "only ${pages:-0} pages read: $(tail -3 "$TMP/crawl-$lang.txt")"
	for what in "a seed reference" "a line reference" "a UTC ISO time" "an ISO date" "HTTP 5"; do
		# the audit log keeps each entry's details as they were written at the time
		found=$(grep "^BAD .*: $what" "$TMP/crawl-$lang.txt" | grep -v "^BAD /audit: an ISO date")
		[ -z "$found" ] && ok || bad "$(printf '%s\n' "$found" | wc -l) pages show $what, e.g. $(printf '%s\n' "$found" | head -3)"
	done
	# the crawl reached the kinds of page the rules are about
	for path in /organizations/1/history /organizations/1/assets /organizations/1/risks/1 /organizations/1/incidents/1 \
		/organizations/1/contractors/1 /organizations/1/cloud/1 /organizations/1/manual /organizations/1/bcp \
		/measures/4.1.1 /scenarios/2 /cases/1 /threats/ransomware /diagnoses/1 /diagnoses/5/compare /diagnoses/6 /audit; do
		grep -q "^200 $path\$" "$TMP/crawl-$lang.txt" && ok || bad "the crawl did not read $path"
	done
done

echo "sweep-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
