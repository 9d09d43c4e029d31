#!/bin/bash
# test_delete_http.sh — keeping or removing data through the browser and the API: who sees the
# buttons (administrators and consultants archive and delete, a company member may take their
# company out of the pool, a viewer nothing), the confirmation pages (an organisation's name
# typed again, in Japanese and English), what a delete removes (rows, the pool's share, the
# cached result page, the client list), and refusals that change nothing.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
unset MAMORU_POOL_MIN   # pool stats counts the exact members for an administrator, whatever the threshold
. tests/http/lib.sh
DB=$(test_db d)
M() { "$BIN" --db "$DB" "$@"; }
EX=examples/jisha-shindan.csv
rows() { sql "$DB" "$1"; }
# the companies counted in the pool (the "all" aggregates)
pool_all() { M pool stats --json | python3 -c "import json,sys; print(sum(a['n'] for a in json.load(sys.stdin)['aggregates'] if a['dimension'] == 'all'))"; }

start_server --db "$DB"
M org add --name 消える商事 --industry E --employees 30 >/dev/null        # 1
M org add --name 残る工業 --industry G --employees 8 >/dev/null           # 2
add_user --db "$DB" consultant@example.test consultant
M user assign consultant@example.test 1 >/dev/null
add_user --db "$DB" member@example.test member --org 1
add_user --db "$DB" viewer@example.test viewer
for k in 1 1 2; do M diagnose jisha-shindan --answers $EX --save --org $k --pool >/dev/null; done   # diagnoses 1-3
M plan add 1 --questionnaire jisha-shindan --question 3 >/dev/null                                  # plan item 1
for who in consultant member viewer; do login "$who@example.test" "$TMP/$who.jar"; done

CASE="each role sees the data section as far as it may act"
get /organizations/1
expect_code 200; expect_out 'id="data"'; expect_out 'action="/organizations/1/delete"'; expect_out 'action="/organizations/1/archive"'
expect_out 'action="/organizations/1/pool/withdraw"'
get_as "$TMP/consultant.jar" /organizations/1
expect_out 'action="/organizations/1/delete"'
get_as "$TMP/member.jar" /organizations/1
expect_out 'action="/organizations/1/pool/withdraw"'; expect_no_out 'action="/organizations/1/delete"'; expect_no_out '/archive"'
get_as "$TMP/viewer.jar" /organizations/1
expect_no_out 'id="data"'
get /organizations/1/history
expect_out 'action="/diagnoses/1/delete"'
get_as "$TMP/member.jar" /organizations/1/history
expect_no_out '/delete"'

CASE="a company member may not archive or delete; a viewer may not leave the pool"
BEFORE=$(rows "SELECT count(*) || '/' || coalesce(max(archived_at), '') FROM organizations")/$(rows "SELECT count(*) FROM diagnoses")/$(pool_all)
curl -s -b "$TMP/member.jar" -o "$TMP/m.html" "$B/organizations/1"
for u in /organizations/1/delete /organizations/1/archive /diagnoses/1/delete; do
	get_as "$TMP/member.jar" "$u" -X POST --data-urlencode "csrf=$(csrf_of "$TMP/m.html")" --data-urlencode "confirm=消える商事" -d "archive=1"
	expect_code 403
done
curl -s -b "$TMP/viewer.jar" -o "$TMP/v.html" "$B/organizations/1"
get_as "$TMP/viewer.jar" /organizations/1/pool/withdraw -X POST --data-urlencode "csrf=$(csrf_of "$TMP/v.html")"
expect_code 403
get /api/v1/organizations/1 -X DELETE -H "Authorization: Bearer $(M token add member@example.test | tail -1)"
expect_code 403; expect_json "d['error']['code']" '"forbidden"'
[ "$(rows "SELECT count(*) || '/' || coalesce(max(archived_at), '') FROM organizations")/$(rows "SELECT count(*) FROM diagnoses")/$(pool_all)" = "$BEFORE" ] && ok || bad "a refused request changed something"

CASE="a company member takes their company out of the pool"
get_as "$TMP/member.jar" /organizations/1
expect_out "比較母集団に入っています"
get_as "$TMP/member.jar" /organizations/1/pool/withdraw -X POST --data-urlencode "csrf=$(csrf_of "$TMP/body")"
expect_code 303
[ "$(rows "SELECT count(*) FROM pool_members WHERE organization_id = 1")" = 0 ] && ok || bad "still in the pool"
get_as "$TMP/member.jar" /organizations/1
expect_out 'id="pool-status">この会社の診断結果は、ベンチマークの比較母集団に入っていません'

CASE="archiving takes the organisation out of the client list, restoring brings it back"
curl -s -b "$TMP/cj" -o "$TMP/o.html" "$B/organizations/2"
get /organizations/2/archive -X POST --data-urlencode "csrf=$(csrf_of "$TMP/o.html")" -d "archive=1"
expect_code 303
get /organizations/2
expect_out 'id="archived">この組織はアーカイブされています'; expect_out "アーカイブを解除する"
get /
expect_no_out '>残る工業</a>'
get "/?archived=1"
expect_out '>残る工業</a>'; expect_no_out '>消える商事</a>'
get "/?archived=maybe"
expect_code 400; expect_out "archived"
get /organizations/2/archive -X POST --data-urlencode "csrf=$(csrf_of "$TMP/o.html")" -d "archive=yes"
expect_code 422
get /organizations/2/archive -X POST --data-urlencode "csrf=$(csrf_of "$TMP/o.html")" -d "archive=0"
get /
expect_out '>残る工業</a>'
[ "$(rows "SELECT archived_at FROM organizations WHERE id = 2")" = "" ] && ok || bad "still archived"

CASE="deleting a diagnosis asks first, then removes it and its cached page"
get /diagnoses/3
expect_code 200
curl -s -b "$TMP/cj" -o "$TMP/h.html" "$B/organizations/2/history"
get /diagnoses/3/delete -X POST --data-urlencode "csrf=$(csrf_of "$TMP/h.html")"
expect_code 200; expect_out "この診断結果を削除します"; expect_out 'name="confirm" value="yes"'
[ "$(rows "SELECT count(*) FROM diagnoses WHERE id = 3")" = 1 ] && ok || bad "deleted without asking"
P=$(pool_all)
get /diagnoses/3/delete -X POST --data-urlencode "csrf=$(csrf_of "$TMP/h.html")" -d confirm=yes
expect_code 303; expect_hdr "Location: /organizations/2/history"
[ "$(rows "SELECT count(*) FROM diagnoses WHERE id = 3")" = 0 ] && ok || bad "the diagnosis is still there"
[ "$(pool_all)" = $((P - 1)) ] && ok || bad "the pool kept the deleted diagnosis's share ($P before, $(pool_all) after)"
get /diagnoses/3
expect_code 404
# SQLite gives the id of the last row deleted to the next one: the cache must not show the old page
M diagnose jisha-shindan --answers <(sed 's/,yes$/,no/; s/,partly$/,no/' $EX) --save --org 2 >/dev/null
NEW=$(rows "SELECT max(id) FROM diagnoses")
case "$DB" in postgres*) ;; *) [ "$NEW" = 3 ] && ok || bad "the id was not given again (the next check means nothing)" ;; esac
get "/diagnoses/$NEW"
expect_code 200; expect_out "id=\"total\">$(rows "SELECT total FROM diagnoses WHERE id = $NEW")<"

CASE="a plan item is deleted from the organisation's page"
get /plan/1/delete -X POST --data-urlencode "csrf=$(csrf_of "$TMP/o.html")"
expect_code 303
[ "$(rows "SELECT count(*) FROM plan_items")" = 0 ] && ok || bad "the plan item is still there"
get /plan/1/delete -X POST --data-urlencode "csrf=$(csrf_of "$TMP/o.html")"
expect_code 404

CASE="deleting an organisation needs its name typed again"
get /organizations/1/delete -X POST --data-urlencode "csrf=$(csrf_of "$TMP/o.html")"
expect_code 200; expect_out "確認のため、組織名を入力してください"; expect_out "元に戻せません"
get "/organizations/1/delete?lang=en" -X POST --data-urlencode "csrf=$(csrf_of "$TMP/o.html")" --data-urlencode "confirm=消える"
expect_code 422; expect_out "The name typed does not match; nothing was deleted."
[ "$(rows "SELECT count(*) FROM organizations WHERE id = 1")" = 1 ] && ok || bad "deleted on a wrong name"
curl -s -b "$TMP/consultant.jar" -o "$TMP/c.html" "$B/organizations/1"
get_as "$TMP/consultant.jar" /organizations/1/delete -X POST --data-urlencode "csrf=$(csrf_of "$TMP/c.html")" --data-urlencode "confirm=消える商事"
expect_code 200; expect_out 'id="deleted">組織とそのデータをすべて削除しました: 消える商事'
for t in organizations:id diagnoses:organization_id plan_items:organization_id pool_members:organization_id user_orgs:organization_id; do
	[ "$(rows "SELECT count(*) FROM ${t%%:*} WHERE ${t#*:} = 1")" = 0 ] && ok || bad "rows left in ${t%%:*}"
done
get /organizations/1; expect_code 404
get /diagnoses/1; expect_code 404
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/member.jar" "$B/organizations/1"); [ "$CODE" = 303 ] && ok || bad "the deleted company's member is still signed in ($CODE)"

CASE="the API deletes diagnoses and organisations and takes companies out of the pool"
api DELETE /api/v1/organizations/2/pool
expect_code 409; expect_json "d['error']['code']" '"conflict"'
M diagnose jisha-shindan --answers $EX --save --org 2 --pool >/dev/null
api DELETE /api/v1/organizations/2/pool
expect_json "d['questionnaires_withdrawn']" "1"
api DELETE /api/v1/diagnoses/$NEW
expect_code 200; expect_json "d['deleted']" "true"
api DELETE /api/v1/diagnoses/$NEW
expect_code 404; expect_json "d['error']['code']" '"not_found"'
api DELETE /api/v1/organizations/2
expect_code 200; expect_json "d" '{"id": 2, "deleted": true}'
api GET /api/v1/organizations/2
expect_code 404
[ "$(rows "SELECT count(*) FROM organizations") $(rows "SELECT count(*) FROM diagnoses")" = "0 0" ] && ok || bad "rows left"
M audit --json >"$TMP/audit.json"; OUT=$(cat "$TMP/audit.json")
expect_json "sorted(set(a['action'] for a in d if a['action'].split('.')[1] in ('delete', 'archive', 'restore', 'withdraw')))" \
	'["diagnosis.delete", "org.archive", "org.delete", "org.restore", "plan.delete", "pool.withdraw"]'

grep -E "runtime error|Sanitizer" "$TMP/server.log" && bad "sanitizer report in the server log" || ok
echo
echo "delete-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
