#!/bin/bash
# check_layers.sh — the architecture's include rule (docs/architecture.md), checked on every
# file under src/: core includes only core; content, input, report and store include only core
# and their own folder; app includes those; web and cli sit on top. Also that no two modules
# (a .c file and its header) use each other. Prints one "layers: N passed, N failed" line.
set -u
cd "$(dirname "$0")/.."
pass=0 fail=0
allowed() { # folder -> the folders it may include
	case $1 in
	core) echo "core" ;;
	content | input | report | store) echo "core $1" ;;
	app) echo "core content input report store app" ;;
	web) echo "core content input report store app web" ;;
	cli) echo "core content input report store app web cli" ;;
	esac
}
for f in src/*/*.c src/*/*.h; do
	layer=$(basename "$(dirname "$f")")
	ok=$(allowed "$layer")
	while read -r inc; do
		dir=${inc%%/*}
		case " $ok " in
		*" $dir "*) pass=$((pass + 1)) ;;
		*) fail=$((fail + 1)); echo "FAIL: $f includes $inc ($layer may include: $ok)" ;;
		esac
	done < <(grep -oE '^#include "[a-z_]+/[a-z_0-9]+\.h"' "$f" | sed 's/#include "//; s/"$//')
done
# no two modules use each other: a.c includes b.h while b.c includes a.h (a header may still
# include another header for its types)
for f in src/*/*.c; do
	a=${f#src/}
	a_h=${a%.c}.h
	for b_h in $(grep -oE '^#include "[a-z_]+/[a-z_0-9]+\.h"' "$f" | sed 's/#include "//; s/"$//'); do
		[ "$b_h" = "$a_h" ] && continue
		b_c=src/${b_h%.h}.c
		if [ -f "$b_c" ] && grep -qF "#include \"$a_h\"" "$b_c"; then
			fail=$((fail + 1)); echo "FAIL: ${a} and ${b_c#src/} use each other"
		else
			pass=$((pass + 1))
		fi
	done
done
echo "layers: $pass passed, $fail failed"
[ "$fail" = 0 ]
