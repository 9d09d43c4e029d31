# mamoru — build, run and test. `make run` and `make test` install missing Debian packages
# first (scripts/install-deps), so both work on a fresh machine.

CC      ?= cc
PKGS    := yaml-0.1 jansson sqlite3 libmicrohttpd libsodium liboath libpq libzip expat xlsxwriter cairo pangocairo librsvg-2.0 fontconfig
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
           -Wshadow -Wstrict-prototypes -Wformat=2 -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -lpthread
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

LIB_SRC := $(wildcard src/core/*.c src/content/*.c src/input/*.c src/report/*.c src/store/*.c src/app/*.c src/web/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)

OBJ      = $(patsubst src/%.c,build/obj/%.o,$(LIB_SRC) $(CLI_SRC))
LIB_OBJ  = $(patsubst src/%.c,build/obj/%.o,$(LIB_SRC))
SAN_OBJ  = $(patsubst src/%.c,build/asan/%.o,$(LIB_SRC) $(CLI_SRC))
SAN_LIB  = $(patsubst src/%.c,build/asan/%.o,$(LIB_SRC))
UNIT_BIN = $(patsubst tests/unit/%.c,build/tests/%,$(UNIT_SRC))
UNIT_SAN = $(patsubst tests/unit/%.c,build/tests-asan/%,$(UNIT_SRC))

.PHONY: all run test deps deps-test clean unit-bins asan-bins bench headers fuzz fuzz-bins
all: mamoru

mamoru: $(OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# -MMD writes each object's header dependencies beside it (build/**/*.d, included below)
build/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

build/asan/%.o: src/%.c
	@mkdir -p $(dir $@)
	@echo "CC (asan) $<"
	@$(CC) $(CFLAGS) -O1 $(SAN) -MMD -MP -c -o $@ $<

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d)

build/asan/mamoru: $(SAN_OBJ)
	$(CC) $(CFLAGS) -O1 $(SAN) -o $@ $^ $(LDLIBS)

build/tests/%: tests/unit/%.c tests/unit/unit.h tests/unit/upgrade.h $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS) -lcmocka

build/tests-asan/%: tests/unit/%.c tests/unit/unit.h tests/unit/upgrade.h $(SAN_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -O1 $(SAN) -o $@ $< $(SAN_LIB) $(LDLIBS) -lcmocka

# Every header compiles on its own: it includes what it uses.
headers:
	@for f in src/*/*.h; do $(CC) $(CFLAGS) -fsyntax-only -x c $$f || exit 1; done
	@echo "headers: $$(ls src/*/*.h | wc -l) passed, 0 failed"

unit-bins: $(UNIT_BIN)
asan-bins: $(UNIT_SAN) build/asan/mamoru

deps:
	@scripts/install-deps run

deps-test:
	@scripts/install-deps test

# The web application on http://127.0.0.1:8080/ with the database in ./var/mamoru.db.
run: deps
	@$(MAKE) --no-print-directory mamoru
	./mamoru migrate
	./mamoru serve

test: deps-test tests/browser/node_modules
	@$(MAKE) --no-print-directory -j$$(nproc) headers mamoru unit-bins asan-bins fuzz-bins
	@tests/run-all.sh

# playwright-core drives Debian's Chromium; it downloads no browser of its own
tests/browser/node_modules: tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund
	@touch $@

build/bench/bench_store: bench/bench_store.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

build/bench/bench_pool: bench/bench_pool.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

# The save floor (bench/run.sh): SQLite with prepared statements and nothing of mamoru's
build/bench/store_floor: bench/store_floor.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< -lsqlite3

# The web floor (bench/web.sh): libmicrohttpd with mamoru's settings and nothing of mamoru's
build/bench/web_floor: bench/web_floor.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< -lmicrohttpd

# Benchmarks are measured, not asserted: see bench/README.md.
bench: mamoru build/bench/bench_store build/bench/bench_pool build/bench/store_floor build/bench/web_floor
	@scripts/install-deps bench
	@bench/run.sh
	@bench/web.sh
	@bench/pool.sh
	@bench/assets.sh
	@bench/reports.sh
	@bench/memory.sh

# ---- fuzzing: libFuzzer harnesses in tests/fuzz/ (tests/fuzz/README.md, docs/fuzzing.md) ----
# The library is compiled again with clang, coverage-instrumented, under ASan and UBSan, into
# build/fuzz/obj/. `make test` runs each harness once over its committed corpus; `make fuzz`
# fuzzes each for FUZZ_SECONDS into build/fuzz/work/NAME (the committed corpus is only read).
FUZZ_CC      ?= clang-14
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# clang (unlike gcc) counts a va_list passed on to vsnprintf as a non-literal format under
# -Wformat=2 (core/buf.c, core/err.c); the callers are format-checked, so it is off here.
FUZZ_WARN    := -Wno-format-nonliteral
FUZZ_NAMES   := answerfile pool-file content urlencoded json-body ledger
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= $(FUZZ_NAMES)
# the library less its arena, which tests/fuzz/arena_fuzz.c replaces: one malloc per allocation,
# so ASan sees a write past any array the loader or a parser keeps in an arena
FUZZ_OBJ      = $(patsubst src/%.c,build/fuzz/obj/%.o,$(filter-out src/core/arena.c,$(LIB_SRC))) build/fuzz/arena_fuzz.o
FUZZ_BIN      = $(patsubst %,build/fuzz/fuzz-%,$(FUZZ_NAMES))

build/fuzz/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	@echo "CC (fuzz) $<"
	@$(FUZZ_CC) $(CFLAGS) $(FUZZ_WARN) -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN) -MMD -MP -c -o $@ $<

build/fuzz/arena_fuzz.o: tests/fuzz/arena_fuzz.c src/core/arena.h
	@mkdir -p $(dir $@)
	@echo "CC (fuzz) $<"
	@$(FUZZ_CC) $(CFLAGS) $(FUZZ_WARN) -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c -o $@ $<

# build/fuzz/fuzz-NAME from tests/fuzz/fuzz_NAME.c (dashes in NAME become underscores)
define FUZZ_RULE
build/fuzz/fuzz-$(1): tests/fuzz/fuzz_$(subst -,_,$(1)).c tests/fuzz/fuzz.h $$(FUZZ_OBJ)
	@echo "LD (fuzz) $$@"
	@$$(FUZZ_CC) $$(CFLAGS) $$(FUZZ_WARN) -O1 -fsanitize=fuzzer $$(FUZZ_SAN) -MMD -MP -o $$@ $$< $$(FUZZ_OBJ) $$(LDLIBS)
endef
$(foreach n,$(FUZZ_NAMES),$(eval $(call FUZZ_RULE,$(n))))

-include $(FUZZ_OBJ:.o=.d) $(FUZZ_BIN:=.d)

fuzz-bins: $(FUZZ_BIN)

fuzz: deps-test
	@$(MAKE) --no-print-directory fuzz-bins
	@tests/fuzz/run.sh fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf build mamoru
