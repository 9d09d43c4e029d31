#!/bin/bash
# test_english_http.sh — issue 17: an English page is English. An organisation with something in
# every part is set up with ASCII-only values wherever a user types (names, scopes, respondents,
# assets, a risk, an incident, a contractor, a cloud service, plan notes, the manual, the BCP, the
# basic policy), then every page a signed-in administrator reaches by links from the home page is
# read with ?lang=en; tests/http/crawl_english.py fails on any Japanese character (kana, kanji, and
# the punctuation 、。「」（）・： …) outside an element marked lang="ja" (the 「日本語」 language
# switch; Japanese names of documents shown beside their English names). So a Japanese word or
# bracket left in the program's own strings shows up here, with the page, line and snippet.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db english)
m() { "$BIN" --db "$DB" "$@" >/dev/null 2>&1 || echo "setup failed: mamoru $*" >&2; }
all() { python3 -c "import json,sys; print(json.dumps({'answers': {str(i): sys.argv[1] for i in range(1, int(sys.argv[2]) + 1)}}))" "$2" "${3:-25}" >"$TMP/$1.json"; }
all yes yes; all no no; all b3 3
all half yes 12 # questions 1..12 yes, the rest no
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['answers'].update({str(i): 'no' for i in range(13, 26)}); print(json.dumps(d))" "$TMP/half.json" >"$TMP/mixed.json"

# the administrator with an English name (start_server keeps an existing account)
printf '%s\n' "$TEST_PASSWORD" | "$BIN" --db "$DB" user add "$TEST_EMAIL" --name "Test Admin" --role admin --password-stdin >/dev/null 2>&1 ||
	echo "setup failed: user add" >&2
m org add --name "Minato Works Ltd" --industry E --employees 1200 --capital 120000000 --sites 2
m profile 1 sales=lt1b personal_info=lt5k secrets=some it_dependence=day online_sales=none public_servers=hosted cloud=some remote_work=some outsourcing=some partner_requirements=asked it_staff=parttime incidents=none
m diagnose jisha-shindan --answers "$TMP/no.json" --save --org 1 --round 2026-10 --scope "Head office" --respondent Yamada --role executive
m diagnose jisha-shindan --answers "$TMP/yes.json" --save --org 1 --round 2026-11 --scope "Head office" --respondent Suzuki --role manager
m diagnose jisha-shindan --answers "$TMP/mixed.json" --save --org 1 --round 2026-11 --scope Factory --respondent Tanaka --role staff
echo '{"answers": {"1-1": "yes", "1-2": "no"}}' >"$TMP/cl.json"
m diagnose checklist --answers "$TMP/cl.json" --save --org 1 --scope "Head office"
m diagnose benchmark --answers "$TMP/b3.json" --save --org 1
m diagnose jisha-shindan --answers "$TMP/no.json" --save # anonymous, to be attached
m plan add 1 --questionnaire jisha-shindan --question 2 --due 2020-01-01 --note "Ask for a quote"
m plan add 1 --questionnaire jisha-shindan --question 14 --owner Sato --due 2030-03-31
m asset add 1 --name "Requirements spec" --c 2 --i 3 --a 3 --no 1 --medium "File server" --location "Server room" \
	--scope Design --department Design --owner "Head of design" --contact "ext 1111" --registered 2008-08-26 --inventoried 2008-08-26 --note "Kept for ever"
m asset add 1 --name "Customer list" --c 3 --i 2 --a 2 --no 2 --medium Paper --location Cabinet --department Sales --owner "Sales manager"
m risk add 1 --asset 1 --threat "Personal data leaked by a misaddressed email" --source internal --frequency yearly --impact stop
m incident add 1 --type malware --title "Ransomware on the accounts PC" --impact business,staff-work --detected "2026-11-30 09:15" --reporter "Sato in accounts" --description "Files renamed"
m incident step 1 1 --by Sato --at "2026-11-30 09:30" --note "Unplugged the cable"
m incident log 1 "Called the vendor" --at "2026-11-30 10:00"
m contractor add 1 --name "Data Entry Inc" --contact "Ms Ito" --handles "Payroll input" --contract-start 2026-04-01 --contract-end 2027-03-31 --note "Yearly contract"
CLINK=$("$BIN" --db "$DB" contractor send 1 --items "1.1-1,1.2" 2>/dev/null | grep '^/r/')
RLINK=$("$BIN" --db "$DB" link add 1 --questionnaire jisha-shindan --role staff --scope Factory 2>/dev/null | grep '^/r/')
m incident add 1 --type leak --title "Laptop left on a train" --level 1 --reporter Ito
m incident close 2 --cause "Left on a train" --measure "Encrypt every laptop" --owner Sato --due 2030-01-31
m cloud add 1 --name "Cloud Books" --provider "Books Service Inc" --purpose "Accounts and payroll"
m manual set 1 top.name="CEO Taro Minato" manager.name="Yamada, General Affairs" reviewed=2026-11-30
m bcp set 1 step1 --owner "Yamada, General Affairs" --done --on 2026-11-30 --note "Agreed the basic policy"
start_server --db "$DB"
TOKEN=$(csrf_token)
curl -s -o /dev/null -b "$TMP/cj" -X POST "$B/organizations/1/security-action/policy" --data-urlencode "csrf=$TOKEN" \
	-d "go=save&adopted=1&training=yearly" --data-urlencode "officer=General Affairs" \
	--data-urlencode "policy=Basic security policy. We protect our customers' information."
cookie="mamoru_session=$(session_cookie); mamoru_lang=en"

CASE="the data is typed in ASCII, so any Japanese on an English page is the program's"
# every value this script types (the lines from the administrator to the policy) is ASCII
sed -n '/^# the administrator/,/^cookie=/p' "$0" >"$TMP/setup.txt"
[ "$(wc -l <"$TMP/setup.txt")" -gt 20 ] && LC_ALL=C grep -q -P '^[\x00-\x7f]*$' "$TMP/setup.txt" &&
	! LC_ALL=C grep -n -P '[^\x00-\x7f]' "$TMP/setup.txt" && ok || bad "a value typed in the set-up is not ASCII"

CASE="every page reached from the home page in English is free of Japanese"
python3 tests/http/crawl_english.py "$B" "$cookie" 1500 "/?lang=en" /organizations/1 /measures /scenarios /cases /threats /five-rules \
	"/search?q=email" /diagnoses/5/compare /diagnoses/6 /audit /users /account /organizations/new \
	"/organizations/1?plan=saved&n=2&item=1" "/organizations/1?plan=exists" "/organizations/1?saved=1" \
	"/organizations/1/assets?added=2&updated=1" "/organizations/1/risks/1?planned=1" "/diagnoses/1?attached=1" \
	/organizations/1/incidents/2 >"$TMP/crawl.txt"
pages=$(sed -n 's/^pages: //p' "$TMP/crawl.txt")
[ "${pages:-0}" -ge 200 ] && ok || bad "only ${pages:-0} pages read: $(tail -3 "$TMP/crawl.txt")"
found=$(grep '^BAD ' "$TMP/crawl.txt")
[ -z "$found" ] && ok || bad "$(printf '%s\n' "$found" | wc -l) findings:
$(printf '%s\n' "$found" | head -${ENGLISH_SHOW:-40})"
for path in /organizations/1/history /organizations/1/assets /organizations/1/risks/1 /organizations/1/incidents/1 \
	/organizations/1/contractors/1 /organizations/1/cloud/1 /organizations/1/manual /organizations/1/bcp \
	/organizations/1/security-action /measures/4.1.1 /scenarios/2 /cases/1 /threats/ransomware /diagnoses/1 \
	/diagnoses/5/compare /diagnoses/6 /audit; do
	grep -q "^200 $path\$" "$TMP/crawl.txt" && ok || bad "the crawl did not read $path"
done

CASE="signed out in English: the sign-in page and the links a respondent and a contractor open"
[ -n "$RLINK" ] && [ -n "$CLINK" ] && ok || bad "no link was made (respondent ${RLINK:-none}, contractor ${CLINK:-none})"
python3 tests/http/crawl_english.py "$B" "mamoru_lang=en" 40 "/login?lang=en" "$RLINK?lang=en" "$CLINK?lang=en" >"$TMP/out.txt"
grep -q "^200 $RLINK?lang=en\$" "$TMP/out.txt" && grep -q "^200 $CLINK?lang=en\$" "$TMP/out.txt" && grep -q "^200 /login?lang=en\$" "$TMP/out.txt" &&
	ok || bad "the signed-out pages were not read: $(head -5 "$TMP/out.txt")"
found=$(grep '^BAD ' "$TMP/out.txt")
[ -z "$found" ] && ok || bad "$(printf '%s\n' "$found" | wc -l) findings:
$(printf '%s\n' "$found" | head -20)"

CASE="answers to a form in English: refusals and confirmations"
# a refused organisation, a refused asset, the delete confirmation
curl -s -b "$TMP/cj" -o "$TMP/org-422.html" -w '%{http_code}' -X POST "$B/organizations?lang=en" --data-urlencode "csrf=$TOKEN" \
	-d "name=&employees=lots&capital=many" >"$TMP/code1"
curl -s -b "$TMP/cj" -o "$TMP/asset-422.html" -w '%{http_code}' -X POST "$B/organizations/1/assets?lang=en" --data-urlencode "csrf=$TOKEN" \
	-d "name=&c=9" >"$TMP/code2"
curl -s -b "$TMP/cj" -o "$TMP/org-delete.html" -w '%{http_code}' -X POST "$B/organizations/1/delete?lang=en" --data-urlencode "csrf=$TOKEN" >"$TMP/code3"
[ "$(cat "$TMP/code1") $(cat "$TMP/code2")" = "422 422" ] && ok || bad "the refusals answered $(cat "$TMP/code1") and $(cat "$TMP/code2"), expected 422"
grep -q 'To confirm, type the organisation&#39;s name: “Minato Works Ltd”' "$TMP/org-delete.html" && ok ||
	bad "the delete confirmation lacks the English question with the name in quotes ($(cat "$TMP/code3"))"
python3 tests/http/crawl_english.py --files "$TMP/org-422.html" "$TMP/asset-422.html" "$TMP/org-delete.html" >"$TMP/forms.txt"
found=$(grep '^BAD ' "$TMP/forms.txt")
[ -z "$found" ] && ok || bad "$(printf '%s\n' "$found" | wc -l) findings:
$(printf '%s\n' "$found" | head -20)"
CASE="an English incident report reads its timeline in English brackets"
curl -s -b "$TMP/cj" -o "$TMP/inc.pdf" "$B/organizations/1/incidents/2/report.pdf?lang=en"
pdftotext -raw "$TMP/inc.pdf" "$TMP/inc.txt" 2>/dev/null
grep -q 'Closed (added to the action plan: 1)' "$TMP/inc.txt" && grep -q 'Recorded (Damage level 1)' "$TMP/inc.txt" &&
	! grep -q '[（）]' "$TMP/inc.txt" && ok || bad "the report's timeline: $(grep -i 'closed\|recorded' "$TMP/inc.txt" | head -3)"

[ -n "${ENGLISH_KEEP:-}" ] && cat "$TMP/crawl.txt" "$TMP/out.txt" "$TMP/forms.txt" >"$ENGLISH_KEEP"

echo "english-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
