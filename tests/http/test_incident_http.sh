#!/bin/bash
# test_incident_http.sh — incident response in the browser and the JSON API (docs/incidents.md):
# a company records a ransomware infection with the level wizard (the business affected: level 2
# and 対応責任者; customers too: level 3 and 最高責任者), the malware runbook appears with its
# actors and the manual's role holders, steps are ticked with times, the timeline follows, the
# incident closes with its cause and measures that appear in the action plan; the emergency
# manual (roles, contacts, review date; printable) and the IT-BCP checklist; the same through
# the API. Bad input is refused (422 naming the field) and changes nothing; no CSRF token 403;
# a viewer reads without forms and changes nothing; another organisation's incident is 404. The
# API's register of 120 is paged (issue 19): 50 newest first with the total, page 3 the last 20,
# every id once over the pages, a page past the last empty, a bad ?page= or ?per_page= 422.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db i)
M() { "$BIN" --db "$DB" "$@"; }
M org add --name "株式会社みなと製作所" --industry E --employees 40 >/dev/null
M org add --name "ほかの商事" --industry I --employees 10 >/dev/null
add_user --db "$DB" viewer@example.test viewer
start_server --db "$DB"
TOKEN=$(csrf_token)
O=/organizations/1
rows() { sql "$DB" "$1"; }
state() { rows "SELECT (SELECT count(*) FROM incidents) || '/' || (SELECT count(*) FROM incident_steps) || '/' || (SELECT count(*) FROM incident_events) || '/' || (SELECT count(*) FROM plan_items) || '/' || (SELECT coalesce(sum(done), 0) FROM incident_steps) || '/' || (SELECT coalesce($(agg "$DB" "level || status || length(description) || title"), '') FROM incidents) || '/' || (SELECT count(*) FROM emergency_roles) || '/' || (SELECT count(*) FROM bcp_steps)"; }
post() { u=$1; shift; get "$u" -X POST --data-urlencode "csrf=$TOKEN" "$@"; }

CASE="the organisation page links to the incidents and the manual"
get $O
expect_out "href=\"$O/incidents\">インシデント対応の記録</a>"
expect_out "href=\"$O/manual\">もしもマニュアル（緊急時対応用マニュアル）</a>"
get $O/incidents
expect_code 200
expect_out 'id="no-incidents"'
expect_out "href=\"$O/incidents/new\""

CASE="the emergency manual: who holds each role, saved and shown in the contact tree"
get $O/manual
expect_code 200
expect_out '対応体制を決める'
expect_out '最高責任者<br><span class="small">手引きの例: 代表取締役</span>'
expect_out 'placeholder="090-****-****"'
expect_out 'placeholder="president@*****.co.jp"'
expect_out '顧客、取引先、株主などに影響が及ぶとき<br>個人情報が漏えいしたとき'
expect_out 'レベル1以上の被害が発生した場合、発見者は以下の連絡網に従い、対応者に速やかに報告し、指示を仰ぐ。'
expect_out 'https://www.ppc.go.jp/'
expect_out '警視庁 サイバー犯罪対策課'
expect_out '出典: 東京都『中小企業向けサイバーセキュリティ対策の極意』（2021年） 4-2'
post $O/manual --data-urlencode "top.name=代表取締役 港 太郎" -d "top.phone=090-1111-2222" --data-urlencode "manager.name=総務部長 山田" \
	-d "manager.phone=090-3333-4444" -d "manager.mail=incident@minato.example" --data-urlencode "sysadmin.name=情シス 鈴木" \
	--data-urlencode "contacts=保守業者 ○○システム 03-0000-0000" -d "reviewed=2026-11-30"
expect_code 303
get $O/manual
expect_out 'value="総務部長 山田"'
expect_out '<tr id="tree-2"><th scope="row">2</th><td>対応責任者 総務部長 山田</td><td>携帯電話: 090-3333-4444<br>メールアドレス: incident@minato.example</td></tr>'
expect_out '保守業者 ○○システム 03-0000-0000'
[ "$(rows "SELECT name || ' ' || phone FROM emergency_roles WHERE role = 'top'")" = "代表取締役 港 太郎 090-1111-2222" ] && ok || bad "stored role"
get $O/manual/print
expect_code 200
expect_out '<article class="printable manual" id="manual-printable"><h1>株式会社みなと製作所 — もしもマニュアル（緊急時対応用マニュアル）</h1>'
expect_out '総務部長 山田 ☎ 090-3333-4444 ✉ incident@minato.example'
expect_out '対応手順3 ウイルス感染時の初期対応'
expect_no_out 'name="top.name"'

CASE="a bad manual field changes nothing"
before=$(state)
post $O/manual -d "top.mail=nobody" --data-urlencode "manager.name=別の人"
expect_code 422
expect_out 'top.mail: メールアドレスの形ではありません'
post $O/manual -d "reviewed=2026-02-30"
expect_code 422
[ "$(rows "SELECT name FROM emergency_roles WHERE role = 'manager'")" = "総務部長 山田" ] && ok || bad "manager changed"
[ "$(state)" = "$before" ] && ok || bad "state changed"

CASE="ransomware, the business stops: the wizard gives level 2 and 対応責任者"
get $O/incidents/new
expect_code 200
expect_out 'name="impact" value="business"> 事業に影響が及ぶとき'
expect_out 'name="type" value="malware"'
post $O/incidents -d type=malware --data-urlencode "title=ランサムウェア感染（経理PC）" -d "detected=2026-11-30T09:15" \
	--data-urlencode "reporter=経理 佐藤" --data-urlencode "description=朝、経理PCのファイルが開けず、身代金を要求する画面が出た。" \
	-d "impact=business&impact=staff-work" -d "level="
expect_code 303
expect_hdr "Location: $O/incidents/1"
get $O/incidents/1
expect_code 200
expect_out '<dd id="level" data-level="2"><span class="level level-2">被害レベル 2</span>'
expect_out '<dd id="responder" data-role="manager"><strong>対応責任者</strong> <span class="holder">総務部長 山田 ☎ <a href="tel:090-3333-4444">'
expect_out 'ウイルス感染'
expect_out '朝、経理PCのファイルが開けず、身代金を要求する画面が出た。'

CASE="the malware runbook with its actors"
expect_out '対応手順3 ウイルス感染時の初期対応'
expect_out '<li id="step-1" class="step todo" data-key="contact-tree">'
expect_out '<span class="actor">発見者</span>'
expect_out '<li id="step-2" class="step todo" data-key="malware-disconnect">'
expect_out '<span class="num">STEP1</span> <span class="actor">従業員</span></p><p class="text">ネットワークからコンピューターを切断します。</p>'
expect_out '<li>ファイルが改ざん・暗号化・削除されている</li>'
expect_out '<li class="heading"><h3>従業員が対応可能な場合</h3></li><li class="heading"><p>従業員は、業務に利用しているパソコン、サーバーまたはスマートフォン、タブレット（以下「コンピューター」といいます）がウイルスに感染した場合には、次の手順を実行します。</p></li><li id="step-2"'
expect_out '<li class="heading"><h3>従業員が対応できない場合</h3></li>'
expect_out '<span class="actor">システム管理者</span>（<span class="holder">情シス 鈴木</span>）'
expect_out 'https://www.ipa.go.jp/security/outline/todoke-top-j.html'
expect_out '<p id="progress">済み: 0 / 10</p>'
expect_out '事前に情報を整理しましょう'
expect_out 'name="intake.device"'
expect_out 'TEL <a href="tel:03-5805-1731">03-5805-1731</a>'

CASE="customers reached too: level 3 and 最高責任者"
post $O/incidents -d type=malware --data-urlencode "title=取引先にも感染メール" -d "impact=business&impact=customers"
expect_code 303
get $O/incidents/2
expect_out 'data-level="3"'
expect_out '<dd id="responder" data-role="top"><strong>最高責任者</strong>'

CASE="steps ticked with times; the timeline follows"
post $O/incidents/1/steps/2 -d done=1 --data-urlencode "by=経理 佐藤" -d "at=2026-11-30T09:20" --data-urlencode "note=LANケーブルを抜いた"
expect_code 303
expect_hdr "Location: $O/incidents/1#step-2"
post $O/incidents/1/steps/3 -d done=1 -d "at=2026-11-30T09:25"
expect_code 303
get $O/incidents/1
expect_out '<li id="step-2" class="step done" data-key="malware-disconnect">'
expect_out '<p class="small ticked">実施 2026年11月30日 09:20 ・ 経理 佐藤</p>'
expect_out 'LANケーブルを抜いた</textarea>'
expect_out '<p id="progress">済み: 2 / 10</p>'
expect_out '<li class="ev-step"><time>2026年11月30日 09:20</time> 手順を実施 2: ネットワークからコンピューターを切断します。'
[ "$(rows "SELECT done || ' ' || done_by || ' ' || done_at FROM incident_steps WHERE incident_id = 1 AND position = 3")" = "1 $TEST_EMAIL 2026-11-30 09:25" ] && ok || bad "step 3 stored"
post $O/incidents/1/timeline -d "at=2026-11-30T10:00" --data-urlencode "text=警視庁 サイバー犯罪対策課に相談"
expect_code 303
post $O/incidents/1 --data-urlencode "intake.device=パソコン（経理）" --data-urlencode "intake.os=Windows 10"
expect_code 303
get $O/incidents/1
expect_out '<li class="ev-note"><time>2026年11月30日 10:00</time> <span class="pre">警視庁 サイバー犯罪対策課に相談</span>'
expect_out 'パソコン（経理）</textarea>'

CASE="bad input is refused and changes nothing"
before=$(state)
post $O/incidents -d type=fire --data-urlencode "title=x" -d "impact=business"
expect_code 422
expect_out 'id="form-error" data-field="type"'
post $O/incidents -d type=leak --data-urlencode "title=x"
expect_code 422
expect_out 'data-field="impact"'
post $O/incidents -d type=leak --data-urlencode "title=x" -d "impact=weather"
expect_code 422
post $O/incidents -d type=leak --data-urlencode "title=x" -d "level=5"
expect_code 422
post $O/incidents -d type=leak --data-urlencode "title=x" -d "impact=business" -d "asset=99"
expect_code 422
expect_out 'data-field="asset"'
post $O/incidents -d type=leak --data-urlencode "title=x" -d "impact=business" --data-urlencode "description=$(python3 -c "print('あ' * 20001, end='')")"
expect_code 422
expect_out '20001 文字、上限 20000 文字'
expect_out 'name="title" maxlength="200" value="x"'
post $O/incidents/1/steps/2 -d done=1 -d "at=2026-13-01T00:00"
expect_code 422
expect_out 'data-field="at"'
post $O/incidents/1/steps/99 -d done=1
expect_code 404
post $O/incidents/1/close --data-urlencode "measures=UTMを導入する"
expect_code 422
expect_out 'data-field="cause"'
post $O/incidents/1/close -d "cause=x" --data-urlencode "measures=$(for i in $(seq 1 21); do echo "対策$i"; done)"
expect_code 422
expect_out 'measures: 対策は 20 行までです'
get $O/incidents/1/steps/4 -X POST -d "done=1"
expect_code 403
get /organizations/2/incidents/1
expect_code 404
get /organizations/2/incidents/1/steps/4 -X POST --data-urlencode "csrf=$TOKEN" -d "done=1"
expect_code 404
[ "$(state)" = "$before" ] && ok || bad "state changed: $before -> $(state)"

CASE="a viewer reads it all without the forms and changes nothing"
login viewer@example.test "$TMP/viewer"
get_as "$TMP/viewer" $O/incidents/1
expect_code 200
expect_out 'data-key="malware-disconnect"'
expect_no_out 'action="/organizations/1/incidents/1/steps/'
expect_no_out 'id="close-form"'
get_as "$TMP/viewer" $O/manual
expect_no_out 'name="top.name"'
expect_out '代表取締役 港 太郎'
VTOKEN=$(curl -s -b "$TMP/viewer" "$B/account" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"$//')
get_as "$TMP/viewer" $O/incidents/1/steps/4 -X POST -d "csrf=$VTOKEN&done=1"
expect_code 403
get_as "$TMP/viewer" $O/incidents/new
expect_code 403
[ "$(state)" = "$before" ] && ok || bad "a viewer changed something"

CASE="the level decided again: done steps stay"
post $O/incidents/1/level -d "impact=customers"
expect_code 303
get $O/incidents/1
expect_out 'data-level="3"'
expect_out '<li id="step-2" class="step done"'
expect_out '被害レベルを変更: 2 → 3'

CASE="closing with the cause and the measures: they appear in the action plan"
post $O/incidents/1/close --data-urlencode "cause=ウイルス定義ファイルが古く、請求書を装った添付ファイルを開いた" \
	--data-urlencode "measures=$(printf 'UTMを導入する\n\n従業員教育を年2回行う\n')" --data-urlencode "owner=総務部長 山田" -d "due=2027-03-31"
expect_code 303
expect_hdr "Location: $O/incidents/1#closing"
get $O/incidents/1
expect_out '<dd id="status">完了</dd>'
expect_out '<ul id="measures"><li>UTMを導入する</li><li>従業員教育を年2回行う</li></ul>'
expect_out '対応を完了（対策の計画に追加: 2）'
expect_no_out 'action="/organizations/1/incidents/1/steps/'
get $O
expect_out "<a href=\"$O/incidents/1\">インシデント 1</a>: UTMを導入する"
expect_out "<a href=\"$O/incidents/1\">インシデント 1</a>: 従業員教育を年2回行う"
[ "$(rows "SELECT title || '|' || owner || '|' || due FROM plan_items WHERE organization_id = 1 ORDER BY id" | paste -sd ';')" = "UTMを導入する|総務部長 山田|2027-03-31;従業員教育を年2回行う|総務部長 山田|2027-03-31" ] && ok || bad "plan rows"
post $O/incidents/1/steps/4 -d done=1
expect_code 409
get $O/incidents
expect_out '<tr data-id="1"><td>1</td><td><a href="/organizations/1/incidents/1">ランサムウェア感染（経理PC）</a></td><td>ウイルス感染</td><td><span class="level level-3">被害レベル 3</span></td><td>完了</td>'

CASE="the IT-BCP checklist with owners"
get $O/bcp
expect_code 200
expect_out '<span class="num">STEP3</span> <strong>分析、課題の抽出</strong> 情報システムの復旧優先度を設定し、運用継続に必要なリソースを整理する。'
post $O/bcp -d "step1.done=1" --data-urlencode "step1.owner=総務部長 山田" -d "step1.on=2026-11-30" --data-urlencode "step2.owner=情シス 鈴木"
expect_code 303
get $O/bcp
expect_out '<li id="bcp-step1" class="done">'
expect_out 'name="step2.owner" maxlength="60" value="情シス 鈴木"'
post $O/bcp -d "step1.on=2026-02-31"
expect_code 422
[ "$(rows "SELECT done || owner FROM bcp_steps WHERE step = 'step1'")" = "1総務部長 山田" ] && ok || bad "bcp stored"

CASE="in English"
get "$O/incidents/2?lang=en"
expect_out 'Procedure 3: first response to a virus infection'
expect_out '<span class="actor">Employee</span>'
expect_out 'Disconnect the computer from the network.'
expect_out 'Damage level 3'
get "/?lang=ja"

CASE="the API: ransomware recorded, ticked and closed, its measures in the plan"
api POST /api/v1/organizations/1/incidents -d '{"type": "malware", "title": "API: ランサムウェア", "impact": ["business"], "detected": "2026-12-01 08:00"}'
expect_code 201
expect_json "d['level']" "2"
expect_json "[s['actor'] for s in d['steps']][:3]" '["発見者", "従業員", "従業員"]'
expect_json "d['steps'][1]['done']" "false"
id=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
api PUT /api/v1/organizations/1/incidents/$id/steps/2 -d '{"done": true, "by": "佐藤", "at": "2026-12-01 08:05"}'
expect_code 200
expect_json "(d['steps'][1]['done'], d['steps'][1]['done_by'], d['steps'][1]['done_at'])" '[true, "佐藤", "2026-12-01 08:05"]'
api POST /api/v1/organizations/1/incidents/$id/level -d '{"impact": ["customers", "business"]}'
expect_json "d['level']" "3"
api POST /api/v1/organizations/1/incidents/$id/close -d '{"cause": "不明な添付ファイル", "measures": ["メールの添付ファイルの扱いを教育する"]}'
expect_code 200
expect_json "(d['status'], d['planned'])" '["closed", 1]'
[ "$(rows "SELECT count(*) FROM plan_items WHERE title = 'メールの添付ファイルの扱いを教育する'")" = 1 ] && ok || bad "API measure not planned"
api GET /api/v1/organizations/1/incidents
expect_json "[x['id'] for x in d['incidents']]" "[$id, 2, 1]"
expect_json "[d['total'], d['page'], d['per_page']]" "[3, 1, 50]"
expect_json "[(x['status'], x['closed'] is not None, x['type_name'] != '', x['level'], x['created'] != '') for x in d['incidents'][:1]]" '[["closed", true, true, 3, true]]'
expect_json "sorted(d['incidents'][1])" '["closed", "created", "detected", "id", "level", "organization_id", "status", "title", "type", "type_name"]'
api GET /api/v1/organizations/1/manual
expect_json "[r['name'] for r in d['manual']['roles'] if r['role'] == 'manager']" '["総務部長 山田"]'
api PUT /api/v1/organizations/1/manual -d '{"roles": {"first": {"name": "発見者"}}}'
expect_code 200
expect_json "[r['name'] for r in d['manual']['roles'] if r['role'] in ('first', 'top')]" '["代表取締役 港 太郎", "発見者"]'
api PUT /api/v1/organizations/1/bcp -d '{"steps": [{"step": "step5", "owner": "全員", "done": false}]}'
expect_json "d['bcp'][4]['owner']" '"全員"'

CASE="the API refuses bad input and changes nothing"
before=$(state)
api POST /api/v1/organizations/1/incidents -d '{"type": "malware", "title": "x"}'
expect_code 422
expect_json "d['error']['field']" '"level"'
api POST /api/v1/organizations/1/incidents -d '{"type": "malware", "title": "x", "level": 2, "colour": "red"}'
expect_code 422
expect_json "d['error']['field']" '"colour"'
api POST /api/v1/organizations/1/incidents -d '{"type": "malware", "title": 3, "level": 2}'
expect_code 422
api POST /api/v1/organizations/1/incidents -d '{"type": "malware", "title": "x", "level": 2, "impact": ["business"]}'
expect_code 422
api PUT /api/v1/organizations/1/incidents/2/steps/1 -d '{"done": "yes"}'
expect_code 422
api PUT /api/v1/organizations/1/manual -d '{"roles": {"janitor": {"name": "x"}}}'
expect_code 422
api PUT /api/v1/organizations/1/bcp -d '{"steps": [{"step": "step1", "done": true}, {"step": "step9"}]}'
expect_code 422
api GET /api/v1/organizations/2/incidents/2
expect_code 404
[ "$(state)" = "$before" ] && ok || bad "state changed: $before -> $(state)"

CASE="deleting the organisation deletes its incidents"
"$BIN" --db "$DB" org delete 1 --yes >/dev/null
get $O/incidents/1
expect_code 404
[ "$(rows "SELECT count(*) FROM incidents") $(rows "SELECT count(*) FROM incident_steps") $(rows "SELECT count(*) FROM emergency_roles")" = "0 0 0" ] && ok || bad "rows outlived the organisation"

CASE="the API's register of 120 is paged: 50 newest first, page 3 the last 20, every id once"
made=0
for i in $(seq 1 120); do
	api POST /api/v1/organizations/2/incidents -d "{\"type\": \"leak\", \"level\": $((i % 4)), \"title\": \"事案$i\"}"
	[ "$CODE" = 201 ] && made=$((made + 1))
done
[ "$made" = 120 ] && ok || bad "incidents made: $made"
INC=$(rows "SELECT id FROM incidents WHERE organization_id = 2 ORDER BY id DESC" | tr '\n' ' ' | sed 's/ $//')
page_ids() { printf '%s' "$OUT" | python3 -c 'import json,sys; print(" ".join(str(x["id"]) for x in json.load(sys.stdin)["incidents"]))'; }
nth() { echo $INC | tr ' ' '\n' | sed -n "$1,$2p" | tr '\n' ' ' | sed 's/ $//'; }
api GET /api/v1/organizations/2/incidents
expect_code 200
expect_json "[d['total'], d['page'], d['per_page'], len(d['incidents'])]" "[120, 1, 50, 50]"
[ "$(page_ids)" = "$(nth 1 50)" ] && ok || bad "page 1 is not the newest 50: $(page_ids | cut -c1-60)"
expect_json "d['incidents'][0]['title']" '"事案120"'
api GET "/api/v1/organizations/2/incidents?per_page=50&page=3"
expect_json "[d['total'], d['page'], d['per_page'], len(d['incidents'])]" "[120, 3, 50, 20]"
[ "$(page_ids)" = "$(nth 101 120)" ] && ok || bad "page 3 is not the oldest 20"
walk=""
for pg in 1 2 3 4 5 6 7 8 9; do api GET "/api/v1/organizations/2/incidents?per_page=14&page=$pg"; walk="$walk $(page_ids)"; done
[ "$(echo $walk)" = "$INC" ] && ok || bad "walking pages of 14 differs from the register"
[ "$(echo $walk | tr ' ' '\n' | sort -u | wc -l)" = 120 ] && ok || bad "the walk repeats or misses incidents"
api GET "/api/v1/organizations/2/incidents?per_page=1000"
expect_json "[d['total'], len(d['incidents'])]" "[120, 120]"
CASE="an API page past the last is empty, as the assets'; a bad page or per_page is 422 naming it"
api GET "/api/v1/organizations/2/incidents?page=4"
expect_code 200
expect_json "[d['total'], d['page'], d['incidents']]" "[120, 4, []]"
for bad in per_page=0:per_page per_page=1001:per_page per_page=x:per_page per_page=-5:per_page page=0:page page=x:page page=1000001:page; do
	api GET "/api/v1/organizations/2/incidents?${bad%%:*}"
	expect_code 422
	expect_json "d['error']['field']" "\"${bad##*:}\""
done
api GET "/api/v1/organizations/2/incidents?per_page=1001&lang=en"
expect_json "d['error']['message']" '"per_page: must be a whole number from 1 to 1000"'

echo "incident-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
