#!/bin/bash
# assets.sh — the information-asset ledger and the risk register at 100,000 assets and 100,000
# risks (issue 13), in a database of its own under a temporary folder:
#  1. import of a 100,000-row ledger CSV with `mamoru asset import` (one transaction, every row
#     checked), time and peak memory, against the sqlite3 shell's .import of the same file into a
#     table with the same columns and indexes (the baseline, same run);
#  2. the web: the organisation page (the baseline), one page of 50 of the ledger sorted and
#     filtered (importance=high, by name), the ledger's API list with the same query, and the
#     risk register page, and a text search of the ledger (q=, which scans: the one filter no
#     index or counter serves) — each first checked for status 200 and its content, then loaded by wrk
#     in interleaved rounds (A B C D, A B C D, …) so every ratio compares figures of one round.
#     Server time is wrk's median latency with one connection; throughput uses 8 connections.
# Loopback only. N=100000 ROUNDS=3 DUR=5s by default.
set -eu
cd "$(dirname "$0")/.."
export MAMORU_CONTENT=$PWD/content MAMORU_STATIC=$PWD/static
BIN=${BIN:-$PWD/mamoru}
N=${N:-100000}
ROUNDS=${ROUNDS:-3}
DUR=${DUR:-5s}
T=$(mktemp -d)
DB=$T/bench.db
trap 'kill $SERVER 2>/dev/null; rm -rf "$T"' EXIT
SERVER=
M() { "$BIN" --db "$DB" "$@"; }

M org add --name "ベンチ工業（小）" --industry E --employees 20 >/dev/null
M org add --name "ベンチ工業（10万件）" --industry E --employees 300 >/dev/null
python3 - "$T/ledger.csv" "$N" <<'PY'
import random, sys
random.seed(13)
path, n = sys.argv[1], int(sys.argv[2])
depts = ["設計部門", "製造部門", "営業部", "経理部", "情報システム部", "総務部"]
media = ["ファイルサーバ", "紙", "設計製造システム", "クラウド", "-"]
with open(path, "w", encoding="utf-8") as f:
    f.write("管理No,情報資産名,対象（媒体）,保管・格納場所,利用範囲,管理責任部門,管理責任者,連絡先,登録日,保存期間,廃棄日,最終棚卸し日,機密性,完全性,可用性,備考\n")
    for i in range(1, n + 1):
        d = random.choice(depts)
        f.write(f"{i},情報資産{i:06d},{random.choice(media)},サーバルーム{i % 40},{d},{d},{d}長,内線：{1000 + i % 9000},"
                f"20{10 + i % 15}/{1 + i % 12}/{1 + i % 28},{random.choice(['永久', '5年', '1年', '-'])},,"
                f"202{i % 6}/{1 + i % 12}/{1 + i % 28},{random.randint(1, 3)},{random.randint(1, 3)},{random.randint(1, 3)},\n")
PY
echo "== import: $N rows, $(du -h "$T/ledger.csv" | cut -f1) of CSV"
/usr/bin/time -f "%e s, peak RSS %M KB" -o "$T/time.txt" "$BIN" --db "$DB" asset import 2 "$T/ledger.csv" >"$T/import.out"
cat "$T/import.out"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM assets WHERE organization_id = 2")" = "$N" ] || { echo "import stored the wrong count" >&2; exit 1; }
echo "mamoru asset import:   $(cat "$T/time.txt")"
# the baseline: the sqlite3 shell loading the same file into the same columns and indexes
sqlite3 "$T/shell.db" "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;" >/dev/null
sqlite3 "$T/shell.db" "$(sqlite3 "$DB" "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'assets' AND type IN ('table', 'index') AND sql IS NOT NULL" | sed 's/REFERENCES organizations(id)//')"
cat >"$T/shell.sql" <<SQL
PRAGMA synchronous = NORMAL;
CREATE TEMP TABLE raw (no, name, medium, location, scope, department, owner, contact, registered, retention, disposed, inventoried, c, i, a, note);
.mode csv
.import --skip 1 $T/ledger.csv raw
BEGIN;
INSERT INTO assets (workspace_id, organization_id, no, name, medium, location, scope, department, owner, contact, registered, retention,
  disposed, inventoried, c, i, a, note, created_at, updated_at)
  SELECT 1, 2, no, name, medium, location, scope, department, owner, contact, registered, retention, disposed, inventoried, c, i, a, note,
  '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z' FROM raw;
COMMIT;
SQL
/usr/bin/time -f "%e s, peak RSS %M KB" -o "$T/time2.txt" sqlite3 "$T/shell.db" <"$T/shell.sql"
echo "sqlite3 shell .import: $(cat "$T/time2.txt") (no checks, no date or C/I/A parsing)"
awk '{print $1}' "$T/time.txt" "$T/time2.txt" | paste -sd' ' | awk '{printf "import time, mamoru / sqlite3 shell: %.2f\n", $1 / $2}'

# 100,000 risks, each on one or two assets, spread over the matrix
sqlite3 "$DB" <<SQL
PRAGMA synchronous = NORMAL;
BEGIN;
WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < $N)
INSERT INTO risks (workspace_id, organization_id, threat, source, frequency, impact, treatment, reason, created_at, updated_at)
  SELECT 1, 2, 'リスク ' || n, CASE n % 2 WHEN 0 THEN 'external' ELSE 'internal' END,
  CASE n % 3 WHEN 0 THEN 'monthly' WHEN 1 THEN 'yearly' ELSE 'rare' END, CASE n % 5 WHEN 0 THEN 'fatal' WHEN 1 THEN 'stop' ELSE 'slow' END,
  CASE n % 4 WHEN 0 THEN 'reduce' WHEN 1 THEN 'accept' ELSE '' END, CASE n % 4 WHEN 0 THEN '対策する' WHEN 1 THEN '低い' ELSE '' END,
  '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z' FROM k;
INSERT INTO risk_assets SELECT r.id, a.id FROM risks r JOIN assets a ON a.organization_id = 2 AND a.no_sort = r.id WHERE r.organization_id = 2;
COMMIT;
SQL
echo "risks: $(sqlite3 "$DB" "SELECT count(*) FROM risks WHERE organization_id = 2"), links: $(sqlite3 "$DB" "SELECT count(*) FROM risk_assets")"

# the server
printf 'bench passphrase 2026 long\n' | M user add bench@example.test --name bench --role admin --password-stdin >/dev/null
TOKEN=$(M token add bench@example.test --label bench | tail -1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" --db "$DB" serve --listen "127.0.0.1:$PORT" 2>"$T/server.log" &
SERVER=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
B=http://127.0.0.1:$PORT
NAMES=(org ledger api register search)
URLS=("$B/organizations/1" "$B/organizations/2/assets?importance=high&sort=name&page=3" \
      "$B/api/v1/organizations/2/assets?importance=high&sort=name&page=3&per_page=50" "$B/organizations/2/risks?sort=cell&page=2" \
      "$B/organizations/2/assets?q=%E8%B3%87%E7%94%A3012&sort=name")
CHECK=('ベンチ工業（小）' '情報資産0' '"total":' 'data-cell="monthly:fatal"' '情報資産0120')
for k in 0 1 2 3 4; do # status and bytes before anything is timed
	code=$(curl -s -o "$T/check" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "${URLS[$k]}")
	[ "$code" = 200 ] && grep -q "${CHECK[$k]}" "$T/check" || { echo "${NAMES[$k]}: HTTP $code, not as expected" >&2; head -c 300 "$T/check" >&2; exit 1; }
	echo "${NAMES[$k]}: ${URLS[$k]#"$B"} → 200, $(stat -c %s "$T/check") bytes"
done
curl -s -o "$T/api.json" -H "Authorization: Bearer $TOKEN" "${URLS[2]}"
echo "API page: $(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['assets']), 'rows of', d['total'])" "$T/api.json")"

cat >"$T/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA
field() { awk -v f="$1" '$1 == f {print $2}' "$2"; }
ms() { # wrk latency ("812.00us", "1.23ms") in ms
	awk '{v=$1; if (v ~ /us$/) {sub(/us/, "", v); print v / 1000} else if (v ~ /ms$/) {sub(/ms/, "", v); print v} else {sub(/s/, "", v); print v * 1000}}'
}
echo "== $ROUNDS interleaved rounds, $DUR each (wrk and server on the same 2 cores)"
printf '%-6s %-9s %10s %10s %10s\n' round target "p50 ms(1c)" "req/s(8c)" "vs org"
for round in $(seq 1 "$ROUNDS"); do
	for k in 0 1 2 3 4; do
		wrk -t1 -c1 -d"$DUR" --latency -s "$T/auth.lua" "${URLS[$k]}" >"$T/lat.$k"
		wrk -t2 -c8 -d"$DUR" -s "$T/auth.lua" "${URLS[$k]}" >"$T/rps.$k"
		grep -q "Non-2xx" "$T/lat.$k" "$T/rps.$k" && { echo "${NAMES[$k]}: non-2xx answers under load" >&2; exit 1; }
		P50[$k]=$(awk '/^ +50%/ {print $2}' "$T/lat.$k" | ms)
		RPS[$k]=$(field Requests/sec: "$T/rps.$k")
	done
	for k in 0 1 2 3 4; do
		printf '%-6s %-9s %10s %10s %10s\n' "$round" "${NAMES[$k]}" "${P50[$k]}" "${RPS[$k]}" \
			"$(awk -v a="${RPS[$k]}" -v b="${RPS[0]}" 'BEGIN {printf "%.2f", a / b}')"
	done
done
