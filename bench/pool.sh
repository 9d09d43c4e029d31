#!/bin/bash
# pool.sh — the benchmark pool at 1,000 and at 1,000,000 pooled companies, both in one process
# (bench/bench_pool.c) with the measurements interleaved round by round, so the machine's
# noise hits both sizes alike. Each pool is a database of its own under a temporary folder
# (never a user's), filled with answer and category rows like real saves. Figures go to stdout;
# bench/README.md has the ones seen.
#   SIZES="1000 1000000" ROUNDS=5 bench/pool.sh
set -eu -o pipefail
cd "$(dirname "$0")/.."
# what it runs is built first: a hand run after a change (a new schema) must not time a stale binary
make -s build/bench/bench_pool >&2
export MAMORU_CONTENT=${MAMORU_CONTENT:-$PWD/content}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
read -r A B <<<"${SIZES:-1000 1000000}"
echo "== the benchmark pool: A = $A companies, B = $B companies, ${ROUNDS:-5} interleaved rounds"
build/bench/bench_pool "$T/a.db" "$A" "$T/b.db" "$B" "${ROUNDS:-5}"
for x in a b; do
	stat -c %s "$T/$x.db" | awk -v x="$x" '{printf "database %s: %.1f MB\n", toupper(x), $1 / 1e6}'
done
sqlite3 "$T/b.db" "SELECT 'B holds ' || (SELECT count(*) FROM diagnoses) || ' diagnoses, ' || (SELECT count(*) FROM diagnosis_answers) || ' answer rows, ' || (SELECT count(*) FROM diagnosis_categories) || ' category rows'"
