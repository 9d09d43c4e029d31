#!/bin/bash
# pg_pool.sh — peer statistics on PostgreSQL at 1,000 and at 1,000,000 pooled companies (issue
# 12; bench/pool.sh measures the same on SQLite in one process). bench/pg.sh runs it last.
#
# K real companies are made with the command line (organisation, profile, pooled benchmark
# diagnosis) and a release is published; the database is then copied (CREATE DATABASE …
# TEMPLATE) and both copies are grown by cloning those K companies row for row — organisation,
# profile, diagnosis with its 25 answers and categories, pool membership — A to 1,000 and B to
# 1,000,000 companies. The pool's aggregates and release stay those of the K real saves: they
# are per month and group, so their number of rows does not grow with the companies, and a
# result's peer statistics read five of them. One server on A and one on B answer
# GET /api/v1/diagnoses/{random id}/peers over kept-alive connections: A for any of its
# diagnoses, B for the same diagnoses as A, and B* (B's server) for any of its 1,000,000, taking
# turns request by request (which goes first rotating), so a burst of other work on the machine
# lands on all three; every response must be 200 and, before timing, A and B must answer the
# same diagnoses with the same bytes. Prints each round's median time per request of each and
# B ÷ A and B* ÷ A over the rounds as min/median/max.
#
#   bench/pg_pool.sh        (K=100 A=1000 B=1000000 ROUNDS=5 PER=1000 by default)
set -eu
cd "$(dirname "$0")/.."
BIN=$PWD/mamoru
export MAMORU_CONTENT=$PWD/content MAMORU_STATIC=$PWD/static
K=${K:-100} NA=${A:-1000} NB=${B:-1000000} ROUNDS=${ROUNDS:-5} PER=${PER:-1000}
T=$(mktemp -d)
. bench/lib.sh
if [ -z "${MAMORU_PG_DIR:-}" ]; then
	eval "$(tests/pg/cluster.sh start)"
	trap 'kill $(cat "$T/pids" 2>/dev/null) 2>/dev/null; tests/pg/cluster.sh stop; rm -rf "$T"' EXIT
else # inside bench/pg.sh: its cluster
	trap 'kill $(cat "$T/pids" 2>/dev/null) 2>/dev/null; rm -rf "$T"' EXIT
fi
url() { printf 'postgresql:///%s?host=%s&user=mamoru' "$1" "$MAMORU_PG_DIR"; }

DA=$(tests/pg/cluster.sh fresh pool_a)
"$BIN" --db "$DA" migrate >/dev/null
python3 - "$T" <<'PY'
import json, random, sys
random.seed(5)
for k in range(40):
    json.dump({"answers": {str(i): random.randint(1, 5) for i in range(1, 26)}}, open(f"{sys.argv[1]}/b{k}.json", "w"))
PY
inds=(A B C D E F G H I J K L M N O P Q R S T)
sales=(lt100m lt1b lt5b ge5b)
s=$(date +%s)
for k in $(seq 1 "$K"); do
	"$BIN" --db "$DA" org add --name "会社$k" --industry "${inds[$((k % 20))]}" --employees $(((k * 37) % 300 + 1)) --sites 1 >/dev/null
	"$BIN" --db "$DA" profile "$k" sales="${sales[$((k % 4))]}" personal_info=lt5k secrets=some it_dependence=day >/dev/null
	"$BIN" --db "$DA" diagnose benchmark --answers "$T/b$((k % 40)).json" --save --org "$k" --pool >/dev/null
done
"$BIN" --db "$DA" pool release >/dev/null
printf 'bench passphrase 2026\n' | "$BIN" --db "$DA" user add bench@example.test --name bench --role admin --password-stdin >/dev/null
TOKEN=$("$BIN" --db "$DA" token add bench@example.test | tail -1)
echo "$K real pooled companies and a release in $(($(date +%s) - s)) s"
psql -X -q "$MAMORU_PG_ADMIN" -c 'DROP DATABASE IF EXISTS pool_b' -c 'CREATE DATABASE pool_b TEMPLATE pool_a'
DB=$(url pool_b)

cat >"$T/grow.sql" <<'SQL'
\set ON_ERROR_STOP 1
BEGIN;
CREATE TEMP TABLE tmpl AS
  SELECT m.organization_id AS org, m.diagnosis_id AS diag, (row_number() OVER (ORDER BY m.organization_id) - 1)::int AS k,
         (SELECT max(id) FROM org_profiles q WHERE q.organization_id = m.organization_id) AS prof
  FROM pool_members m;
CREATE TEMP TABLE base AS
  SELECT (SELECT count(*) FROM tmpl)::int AS k, (SELECT max(id) FROM organizations) AS org, (SELECT max(id) FROM diagnoses) AS diag,
         (SELECT max(id) FROM org_profiles) AS prof;
CREATE TEMP TABLE clone AS
  SELECT g, t.org AS t_org, t.diag AS t_diag, t.prof AS t_prof, b.org + g AS org, b.diag + g AS diag, b.prof + g AS prof
  FROM base b, generate_series(1, :n - (SELECT k FROM base)) g JOIN tmpl t ON t.k = (g - 1) % (SELECT k FROM base);
INSERT INTO organizations (id, name, industry, employees, capital, prefecture, sites, created_at, updated_at, workspace_id)
  SELECT c.org, '会社' || c.org, o.industry, o.employees, o.capital, o.prefecture, o.sites, o.created_at, o.updated_at, o.workspace_id
  FROM clone c JOIN organizations o ON o.id = c.t_org;
INSERT INTO org_profiles (id, organization_id, version, answers, created_at, workspace_id)
  SELECT c.prof, c.org, p.version, p.answers, p.created_at, p.workspace_id
  FROM clone c JOIN org_profiles p ON p.id = c.t_prof;
INSERT INTO diagnoses (id, organization_id, questionnaire, content_version, scope, respondent, role, pool, total, max, min, band_id,
                       band_ja, band_en, created_at, round, risk_index, risk_group, size_band, industry, profile, workspace_id)
  SELECT c.diag, c.org, d.questionnaire, d.content_version, d.scope, d.respondent, d.role, d.pool, d.total, d.max, d.min, d.band_id,
         d.band_ja, d.band_en, d.created_at, d.round, d.risk_index, d.risk_group, d.size_band, d.industry, d.profile, d.workspace_id
  FROM clone c JOIN diagnoses d ON d.id = c.t_diag;
INSERT INTO diagnosis_answers (diagnosis_id, position, question, category, option, points, "full", note)
  SELECT c.diag, a.position, a.question, a.category, a.option, a.points, a."full", a.note
  FROM clone c JOIN diagnosis_answers a ON a.diagnosis_id = c.t_diag;
INSERT INTO diagnosis_categories (diagnosis_id, position, title_id, total, max)
  SELECT c.diag, x.position, x.title_id, x.total, x.max
  FROM clone c JOIN diagnosis_categories x ON x.diagnosis_id = c.t_diag;
INSERT INTO pool_members (organization_id, questionnaire, diagnosis_id, contribution)
  SELECT c.org, m.questionnaire, c.diag, m.contribution
  FROM clone c JOIN pool_members m ON m.organization_id = c.t_org;
SELECT setval(pg_get_serial_sequence('organizations', 'id'), (SELECT max(id) FROM organizations));
SELECT setval(pg_get_serial_sequence('diagnoses', 'id'), (SELECT max(id) FROM diagnoses));
SELECT setval(pg_get_serial_sequence('org_profiles', 'id'), (SELECT max(id) FROM org_profiles));
COMMIT;
VACUUM ANALYZE;
SQL
grow() { # NAME DB N
	local s got
	s=$(date +%s)
	psql -X -q -v n="$3" "$2" -f "$T/grow.sql" >/dev/null
	got=$(psql -X -At "$2" -c "SELECT (SELECT count(*) FROM pool_members) || ' pooled companies, ' || (SELECT count(*) FROM diagnosis_answers) || ' answer rows, ' || pg_size_pretty(pg_database_size(current_database()))")
	echo "$1: grown in $(($(date +%s) - s)) s to $got"
	[ "${got%% *}" = "$3" ] || { echo "$1 holds ${got%% *} pooled companies, expected $3" >&2; exit 1; }
}
grow A "$DA" "$NA"
grow B "$DB" "$NB"

PA=$(serve_on "$DA")
PB=$(serve_on "$DB")
for id in 1 $((K / 2)) "$K"; do
	for p in "$PA" "$PB"; do
		code=$(curl -s -o "$T/p.$p.$id" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$p/api/v1/diagnoses/$id/peers")
		[ "$code" = 200 ] || { echo "GET /api/v1/diagnoses/$id/peers on port $p: $code" >&2; exit 1; }
	done
	cmp -s "$T/p.$PA.$id" "$T/p.$PB.$id" || { echo "A and B answer the peers of diagnosis $id differently" >&2; exit 1; }
done
grep -q '"shown": *true' "$T/p.$PA.1" || { echo "diagnosis 1 is compared with no published group" >&2; exit 1; }
echo "sample answers agree byte for byte ($(wc -c <"$T/p.$PA.1") bytes for diagnosis 1's peers)"
python3 - "$PA" "$PB" "$NA" "$NB" "$TOKEN" "$ROUNDS" "$PER" <<'PY'
import http.client, random, statistics, sys, time
pa, pb, na, nb, token, rounds, per = sys.argv[1:]
na, nb, rounds, per = int(na), int(nb), int(rounds), int(per)
# A: any diagnosis of the small pool; B: the same diagnoses' peers in the large pool; B*: any
# diagnosis of the large pool (its snapshot then comes from a database far larger than memory
# the server keeps warm: that cost is reading a random snapshot, not the pool's statistics)
sides = {"A": (http.client.HTTPConnection("127.0.0.1", int(pa)), na),
         "B": (http.client.HTTPConnection("127.0.0.1", int(pb)), na),
         "B*": (http.client.HTTPConnection("127.0.0.1", int(pb)), nb)}
names = list(sides)
random.seed(11)
def ask(side):
    conn, n = sides[side]
    t0 = time.perf_counter()
    conn.request("GET", f"/api/v1/diagnoses/{random.randint(1, n)}/peers", headers={"Authorization": f"Bearer {token}"})
    resp = conn.getresponse()
    resp.read()
    t = time.perf_counter() - t0
    if resp.status != 200:
        sys.exit(f"{side}: HTTP {resp.status}")
    return t
for side in names:  # warm the connections and caches alike
    for _ in range(50):
        ask(side)
ratios = {"B": [], "B*": []}
for r in range(1, rounds + 1):
    t = {x: [] for x in names}
    for i in range(per):  # the three take turns request by request, which goes first rotating
        k = (i + r) % 3
        for side in names[k:] + names[:k]:
            t[side].append(ask(side))
    m = {x: statistics.median(t[x]) * 1e6 for x in names}
    for x in ratios:
        ratios[x].append(m[x] / m["A"])
    print(f"round {r}: median per peers request A {m['A']:.0f} µs, B {m['B']:.0f} µs ({m['B'] / m['A']:.2f}), "
          f"B* {m['B*']:.0f} µs ({m['B*'] / m['A']:.2f})")
for x, what in (("B", "the same diagnoses"), ("B*", "any diagnosis")):
    q = sorted(ratios[x])
    print(f"peer statistics on PostgreSQL, {nb:,} ÷ {na:,} companies, {what} (median time per request, {rounds} rounds of "
          f"{per} requests each): min {q[0]:.2f}, median {q[len(q) // 2]:.2f}, max {q[-1]:.2f}")
PY
