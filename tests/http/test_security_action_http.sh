#!/bin/bash
# test_security_action_http.sh — /organizations/{id}/security-action: readiness for ★ (the
# 情報セキュリティ5か条 ticked and kept) and ★★ (the self-diagnosis saved and a basic policy
# adopted), the policy drafted from the company's name and choices, edited, adopted, stored and
# printable; in Japanese and English. A bad field is refused with 422 and changes nothing; a
# post without the CSRF token, by a viewer or for another workspace's company changes nothing.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db s)
"$BIN" --db "$DB" org add --name "株式会社みなと製作所" --industry E --employees 20 >/dev/null
add_user --db "$DB" viewer@example.test viewer
start_server --db "$DB"
TOKEN=$(csrf_token)
SA=/organizations/1/security-action
# stored: the row as the export shows it
stored() { "$BIN" --db "$DB" export 1 --format json | python3 -c "import json,sys; d=json.load(sys.stdin)['security_action']; print(json.dumps(eval(sys.argv[1], {'d': d}), ensure_ascii=False))" "$1"; }

CASE="a new company is ready for neither star, and sees why"
get $SA
expect_code 200
expect_out 'SECURITY ACTION（セキュリティ対策自己宣言）'
expect_out '<div class="star " id="star-one"><h3>★一つ星</h3>'
expect_out '<li id="need-rules" class="todo">'
expect_out '取り組むと決めた5か条 0 / 5'
expect_out '<li id="need-diagnosis" class="todo">'
expect_out 'href="/diagnose/jisha-shindan?org=1">診断する</a>'
expect_out '<li id="need-policy" class="todo">'
expect_out '<input type="checkbox" name="rule" value="1"> <strong>OSやソフトウェアは常に最新の状態にしよう！</strong>'
expect_out 'まだ準備ができていません'
get /organizations/1
expect_out 'href="/organizations/1/security-action" id="security-action-link">SECURITY ACTION（自己宣言）の準備と基本方針</a>'

CASE="ticking four of the 5か条 is kept, and not yet one star"
get $SA/rules -X POST -d "csrf=$TOKEN&rule=1&rule=2&rule=3&rule=5"
expect_code 303
expect_hdr "Location: $SA#rules"
get $SA
expect_out 'name="rule" value="1" checked'
expect_out 'name="rule" value="4"> '
expect_out '取り組むと決めた5か条 4 / 5'
[ "$(stored "[r['id'] for r in d['rules']]")" = '["1", "2", "3", "5"]' ] && ok || bad "stored rules: $(stored "d['rules']")"

CASE="all five: ready for one star"
get $SA/rules -X POST -d "csrf=$TOKEN&rule=1&rule=2&rule=3&rule=4&rule=5"
expect_code 303
get $SA
expect_out '<div class="star ready" id="star-one">'
expect_out '<li id="need-rules" class="done">'
[ "$(stored "d['ready_one_star']")" = true ] && ok || bad "not stored as ready for one star"
[ "$(stored "d['ready_two_stars']")" = false ] && ok || bad "two stars too early"

CASE="bad fields change nothing: an unknown rule, no CSRF token, a viewer"
get $SA/rules -X POST -d "csrf=$TOKEN&rule=6"
expect_code 422
get $SA/rules -X POST -d "rule=1"
expect_code 403
login viewer@example.test "$TMP/viewer"
get_as "$TMP/viewer" $SA
expect_code 200
expect_no_out 'name="rule"'
expect_out '<li><strong>✓ OSやソフトウェアは常に最新の状態にしよう！</strong>'
VTOKEN=$(curl -s -b "$TMP/viewer" "$B/account" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"$//')
get_as "$TMP/viewer" $SA/rules -X POST -d "csrf=$VTOKEN&rule=1"
expect_code 403
[ "$(stored "len(d['rules'])")" = 5 ] && ok || bad "the rules changed"
get /organizations/99/security-action
expect_code 404

CASE="a draft from the company's name and the owner's choices"
get $SA/policy -X POST --data-urlencode "csrf=$TOKEN" -d "go=draft" --data-urlencode "scope=本社工場" \
	--data-urlencode "officer=総務部長" --data-urlencode "representative=代表取締役 港 太郎" -d "protects=customers&protects=technical&laws=privacy&training=half-yearly&review=yearly" \
	--data-urlencode "policy=ignored when drafting"
expect_code 303
expect_hdr "Location: $SA#policy"
get $SA
expect_out '情報セキュリティ基本方針'
expect_out '<textarea id="sa-text" name="policy" rows="22">情報セキュリティ基本方針'
expect_out '株式会社みなと製作所（以下「当社」）は'
expect_out '本社工場で業務に使うすべての情報'
expect_out '特に守る情報は、お客様の個人情報及び図面・製造ノウハウなどの技術情報です。'
expect_out '総務部長を情報セキュリティの責任者に任命'
expect_out '入社時と半年ごとに、情報セキュリティの教育'
expect_out '代表取締役 港 太郎</textarea>'
expect_out 'name="protects" value="technical" checked'
expect_out 'name="training" value="half-yearly" checked'
expect_out 'name="adopted" value="1"> '
expect_no_out '%.10s'
expect_no_out 'ignored when drafting'
[ "$(stored "d['choices']['officer']")" = '"総務部長"' ] && ok || bad "choices not stored"
[ "$(stored "d['adopted']")" = false ] && ok || bad "a draft is not adopted"

CASE="edited and adopted, with the self-diagnosis saved: ready for two stars"
text=$(printf '情報セキュリティ基本方針\n\n1. 目的\n当社は、お客様の情報を守ります。\n\n（社長が書き直した一文）')
get $SA/policy -X POST --data-urlencode "csrf=$TOKEN" -d "go=save&adopted=1&training=yearly" --data-urlencode "officer=総務部長" \
	--data-urlencode "policy=$text"
expect_code 303
get $SA
expect_out '（社長が書き直した一文）</textarea>'
expect_out 'name="adopted" value="1" checked'
expect_out '<li id="need-policy" class="done">'
expect_out '<li id="need-diagnosis" class="todo">'
[ "$(stored "d['adopted'] and d['policy'].endswith('（社長が書き直した一文）')")" = true ] && ok || bad "the edited policy is not stored"
"$BIN" --db "$DB" diagnose jisha-shindan --answers <(printf 'question,answer\n'; for i in $(seq 1 25); do echo "$i,yes"; done) \
	--save --org 1 >/dev/null
get $SA
expect_out '<div class="star ready" id="star-two">'
expect_out '<li id="need-diagnosis" class="done">'
expect_out 'href="/diagnoses/1">100 / 100 点（20'
[ "$(stored "d['ready_two_stars']")" = true ] && ok || bad "not stored as ready for two stars"

CASE="printable on its own"
get $SA/policy
expect_code 200
expect_out '<article class="pre policy-text" id="policy-text">情報セキュリティ基本方針'
expect_out '（社長が書き直した一文）</article>'
expect_no_out 'これは下書きです'
expect_no_out '<form method="post" action="/organizations/1/security-action'

CASE="a bad field is refused whole, shown again with the message"
get $SA/policy -X POST --data-urlencode "csrf=$TOKEN" -d "go=save&protects=secrets" --data-urlencode "policy=別の文章"
expect_code 422
expect_out '「secrets」は選べる値ではありません'
expect_out '別の文章</textarea>'
get $SA/policy -X POST --data-urlencode "csrf=$TOKEN" -d "go=save" --data-urlencode "officer=$(printf 'a%.0s' $(seq 1 130))" --data-urlencode "policy=x"
expect_code 422
expect_out '長すぎます'
get $SA/policy -X POST --data-urlencode "csrf=$TOKEN" -d "go=save" --data-urlencode "policy=$(head -c 9000 /dev/zero | tr '\0' 'x')"
expect_code 422
[ "$(stored "d['policy'].endswith('（社長が書き直した一文）') and d['adopted']")" = true ] && ok || bad "a refused form changed the policy"

CASE="the whole of it as a PDF to hand over, and as JSON"
get $SA.pdf 2>/dev/null   # (bash warns about the PDF's NUL bytes in $OUT)
expect_code 200
expect_hdr "Content-Type: application/pdf"
expect_hdr 'filename="mamoru-security-action-1.pdf"'
cp "$TMP/body" "$TMP/sa.pdf"
pdfinfo "$TMP/sa.pdf" | grep -q 'Page size: *595.* x 841.*(A4)' && ok || bad "not A4: $(pdfinfo "$TMP/sa.pdf" | grep 'Page size')"
[ "$(pdffonts "$TMP/sa.pdf" | awk 'NR > 2 && $(NF-4) != "yes"' | wc -l)" = 0 ] && ok || bad "a font is not embedded"
text=$(pdftotext -raw "$TMP/sa.pdf" - | tr -d '\n')
for want in 株式会社みなと製作所 '宣言の準備ができています' 'OSやソフトウェアは常に最新の状態にしよう！' '（社長が書き直した一文）' \
	'「5分でできる自社診断」の結果を保存済み: 100 / 100'; do
	case "$text" in *"$want"*) ok ;; *) bad "the PDF lacks $want" ;; esac
done
case "$text" in *これは下書きです*) bad "an adopted policy is marked as a draft" ;; *) ok ;; esac
get "$SA.pdf?lang=en" 2>/dev/null
pdftotext -raw "$TMP/body" - | tr -d '\n' | grep -q 'The five basic security rules' && ok || bad "the English PDF lacks its headings"
get "$SA?lang=ja"
expect_out 'href="/organizations/1/security-action.pdf" id="sa-pdf" download'
get_as "$TMP/viewer" $SA.pdf 2>/dev/null
expect_code 200
get /organizations/99/security-action.pdf
expect_code 404
api GET /api/v1/organizations/1/security-action
expect_code 200
expect_json "d['security_action']['ready_two_stars']" "true"
expect_json "d['diagnosis_id']" "1"
expect_json "d['security_action']['policy'].endswith('（社長が書き直した一文）')" "true"
api GET /api/v1/organizations/1/security-action.pdf 2>/dev/null
expect_code 200
expect_hdr "Content-Type: application/pdf"
api GET /api/v1/organizations/99/security-action
expect_code 404
expect_json "d['error']['code']" '"not_found"'
run "$BIN" --db "$DB" report security-action 1 --format pdf --output "$TMP/cli-sa.pdf"
expect_rc 0
expect_out "ページ"
pdftotext -raw "$TMP/cli-sa.pdf" - | tr -d '\n' | grep -q '（社長が書き直した一文）' && ok || bad "the command line's PDF lacks the policy"
run "$BIN" --db "$DB" report security-action 1 --format xlsx --output "$TMP/cli-sa.xlsx"
expect_rc 2
expect_err "PDF だけ"
[ ! -e "$TMP/cli-sa.xlsx" ] && ok || bad "a refused report left a file"

CASE="in English"
get "$SA?lang=en"
expect_out 'SECURITY ACTION (security self-declaration)'
expect_out '<h3>★ One star</h3>'
expect_out 'Ready to declare'
expect_out 'Make a draft from these choices'
get $SA/policy -X POST --data-urlencode "csrf=$TOKEN" -d "go=draft&protects=customers"
expect_code 303
get "$SA/policy"
expect_out 'Basic information-security policy'
expect_out '株式会社みなと製作所 (&quot;we&quot;) holds that protecting'
expect_out 'This is a draft (not yet adopted and published).'
get "/?lang=ja"

CASE="the result of the self-diagnosis links to it"
get /diagnoses/1
expect_out 'href="/organizations/1/security-action" id="security-action-link"'

CASE="deleting the company takes its record"
"$BIN" --db "$DB" org delete 1 --yes >/dev/null
get $SA
expect_code 404
[ "$(sql "$DB" "SELECT count(*) FROM security_actions")" = 0 ] && ok || bad "the record outlived its company"

echo "security-action-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
