#!/bin/bash
# check_layers.sh — the architecture's include rule (docs/architecture.md), checked on every
# file under src/: core includes only core; content, input, report and store include only core
# and their own folder; app includes those; web and cli sit on top. Also that no two files
# include each other. Prints one "layers: N passed, N failed" line.
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
# no include cycle between two files: a.c/a.h including b.h while b.c/b.h includes a.h
for f in src/*/*.h; do
	name=${f#src/}
	for g in $(grep -lF "#include \"$name\"" src/*/*.c src/*/*.h); do
		other=${g#src/}
		other_h=${other%.c}.h
		[ "$other_h" = "$name" ] && continue
		base=${name%.h}
		if grep -qF "#include \"$other_h\"" "src/$base.c" "src/$base.h" 2>/dev/null; then
			fail=$((fail + 1)); echo "FAIL: $name and $other_h include each other"
		else
			pass=$((pass + 1))
		fi
	done
done
echo "layers: $pass passed, $fail failed"
[ "$fail" = 0 ]
