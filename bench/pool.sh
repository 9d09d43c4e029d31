#!/bin/bash
# pool.sh — the benchmark pool at 1,000 and at 1,000,000 pooled companies: one result page's
# peer statistics and one pooled save, each in a database of its own under a temporary folder
# (never a user's database). Figures go to stdout; bench/README.md has the ones seen.
set -eu
cd "$(dirname "$0")/.."
export MAMORU_CONTENT=${MAMORU_CONTENT:-$PWD/content}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for n in ${SIZES:-1000 1000000}; do
	echo "== pool of $n companies"
	build/bench/bench_pool "$T/p$n.db" "$n"
	stat -c %s "$T/p$n.db" | awk '{printf "database: %.1f MB\n", $1 / 1e6}'
	rm -f "$T/p$n.db"*
done
