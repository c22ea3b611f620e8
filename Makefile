# gilt — one set of sources, two VMs.
#
#   make          installs missing Debian packages, builds build/gilt (GIL build)
#                 and build/gilt-ft (free-threaded build)
#   make test     every test, on both builds
#   make bench    gilt vs python3, side by side, as ratios
#
# The two builds differ only by -DGILT_FT=1; object files live in build/gil/
# and build/ft/ so both can be built from the same tree at once.

CC      ?= gcc
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
           -Wno-missing-field-initializers -Wno-cast-function-type
CSTD    := -std=gnu11
INCS    := -I. -Iruntime -Ivm -Icompiler
DEFS    := -DGILT_STDLIB_DIR='"$(abspath stdlib)"'
LIBS    := -lmimalloc -lgc -lgmp -lreadline -lpthread -lm
DEBS    := libgc-dev libmimalloc-dev libgmp-dev libreadline-dev check pkg-config

SRCS    := $(wildcard compiler/*.c) $(wildcard runtime/*.c) $(wildcard vm/*.c)
MAIN    := vm/main.c
LIBSRCS := $(filter-out $(MAIN),$(SRCS))

GIL_OBJS := $(patsubst %.c,build/gil/%.o,$(LIBSRCS))
FT_OBJS  := $(patsubst %.c,build/ft/%.o,$(LIBSRCS))

.PHONY: all deps test unit lang bench clean objs sanitize
all: deps build/gilt build/gilt-ft

# Install the Debian packages gilt needs, only when one is missing.
deps: build/.deps
build/.deps:
	@mkdir -p build
	@missing=""; for p in $(DEBS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@touch $@

build/gil/%.o: %.c | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(CFLAGS) $(WARN) $(INCS) $(DEFS) -MMD -MP -c $< -o $@

build/ft/%.o: %.c | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(CFLAGS) $(WARN) $(INCS) $(DEFS) -DGILT_FT=1 -MMD -MP -c $< -o $@

build/libgilt.a: $(GIL_OBJS)
	@rm -f $@; ar rcs $@ $^

build/libgilt-ft.a: $(FT_OBJS)
	@rm -f $@; ar rcs $@ $^

build/gilt: build/gil/$(MAIN:.c=.o) build/libgilt.a
	$(CC) $(CFLAGS) -rdynamic -o $@ $^ $(LIBS)

build/gilt-ft: build/ft/$(MAIN:.c=.o) build/libgilt-ft.a
	$(CC) $(CFLAGS) -rdynamic -o $@ $^ $(LIBS)

# Compile every object of both builds without linking (useful while a
# module's neighbours are still being written).
objs: $(GIL_OBJS) $(FT_OBJS)

# ---- tests -------------------------------------------------------------
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_GIL  := $(patsubst tests/unit/%.c,build/unit/gil/%,$(UNIT_SRCS))
UNIT_FT   := $(patsubst tests/unit/%.c,build/unit/ft/%,$(UNIT_SRCS))
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lm)

build/unit/gil/%: tests/unit/%.c build/libgilt.a
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(CFLAGS) $(WARN) $(INCS) $(DEFS) -o $@ $^ $(LIBS) $(CHECK_LIBS)

build/unit/ft/%: tests/unit/%.c build/libgilt-ft.a
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(CFLAGS) $(WARN) $(INCS) $(DEFS) -DGILT_FT=1 -o $@ $^ $(LIBS) $(CHECK_LIBS)

unit: $(UNIT_GIL) $(UNIT_FT)
	@set -e; for t in $(UNIT_GIL) $(UNIT_FT); do echo "== $$t"; CK_FORK=no $$t; done

# Language tests (tests/lang vs python3, tests/errors vs .expect) on both
# builds; see tests/run_lang.sh. `make lang T="str dict"` runs a subset.
lang: all
	@tests/run_lang.sh $(T)

# Every test: the C unit suites, the REPL tests, the thread checks that
# python3 can't be compared on (tests/threads/check.sh), then the language tests,
# each run even when an earlier one fails, so one run shows everything (and
# the last line is run_lang.sh's `N passed, M failed`); fails if any failed.
test: all
	@status=0; \
	$(MAKE) --no-print-directory unit || status=1; \
	$(MAKE) --no-print-directory repl-test || status=1; \
	tests/threads/check.sh || status=1; \
	tests/run_lang.sh || status=1; \
	exit $$status

# The REPL through a pseudo-terminal, and REPL.md's transcripts, on both
# builds (tests/repl/).
.PHONY: repl-test
repl-test: all
	@python3 tests/repl/test_repl.py build/gilt build/gilt-ft
	@python3 tests/repl/check_replmd.py REPL.md build/gilt build/gilt-ft

# gilt vs python3 timings (never fails the build or the tests).
bench: all
	@bench/run.sh || true

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)

# ---- memory checking (slow; never part of `make test`) ------------------
#
#   make sanitize   both VMs with AddressSanitizer + UBSan (build/asan-gil/,
#                   build/asan-ft/), then the unit suites and every language
#                   and error test on them
#   make valgrind   both VMs at -O2 (build/vg-gil/, build/vg-ft/), then the
#                   same tests under valgrind memcheck
#   make fuzz       mutated test programs on build/gilt and build/gilt-ft;
#                   any death by signal or hang fails (tests/fuzz/fuzz.py);
#                   then random expressions and random programs of
#                   statements whose output must match python3's
#                   (tests/fuzz/exprs.py, tests/fuzz/stmts.py)
#
# Checked builds define GILT_SYSTEM_MALLOC (runtime/alloc.h): objects come
# from malloc, which the checkers track, instead of mimalloc, which they
# cannot see into. Leak checks are off: without a cycle collector, cycles
# and what is alive at exit are never freed (tests/memcheck/run.sh).

SAN_CFLAGS := -O1 -g -fsanitize=address,undefined,float-cast-overflow \
              -fno-sanitize-recover=all -fno-omit-frame-pointer -DGILT_SYSTEM_MALLOC
VG_CFLAGS  := -O2 -g -DGILT_SYSTEM_MALLOC

# CHK_DIR, CHK_FLAGS (flags for compile and link), CHK_DEFS (-DGILT_FT=1 or
# empty), CHK_BIN: one checked build.
define checked_build
$(1)/%.o: %.c | build/.deps
	@mkdir -p $$(dir $$@)
	$$(CC) $$(CSTD) $(2) $$(WARN) $$(INCS) $$(DEFS) $(3) -MMD -MP -c $$< -o $$@

$(1)/libgilt.a: $$(patsubst %.c,$(1)/%.o,$$(LIBSRCS))
	@rm -f $$@; ar rcs $$@ $$^

$(1)/$(4): $(1)/$$(MAIN:.c=.o) $(1)/libgilt.a
	$$(CC) $(2) -rdynamic -o $$@ $$^ $$(LIBS)

$(1)/unit/%: tests/unit/%.c $(1)/libgilt.a
	@mkdir -p $$(dir $$@)
	$$(CC) $$(CSTD) $(2) $$(WARN) $$(INCS) $$(DEFS) $(3) -o $$@ $$^ $$(LIBS) $$(CHECK_LIBS)

$(1)/all: $(1)/$(4) $$(patsubst tests/unit/%.c,$(1)/unit/%,$$(UNIT_SRCS))
.PHONY: $(1)/all
endef

$(eval $(call checked_build,build/asan-gil,$(SAN_CFLAGS),,gilt))
$(eval $(call checked_build,build/asan-ft,$(SAN_CFLAGS),-DGILT_FT=1,gilt-ft))
$(eval $(call checked_build,build/vg-gil,$(VG_CFLAGS),,gilt))
$(eval $(call checked_build,build/vg-ft,$(VG_CFLAGS),-DGILT_FT=1,gilt-ft))

.PHONY: sanitize valgrind fuzz
sanitize: build/.deps build/asan-gil/all build/asan-ft/all
	@tests/memcheck/run.sh asan $(T)

valgrind: build/.deps build/vg-gil/all build/vg-ft/all
	@command -v valgrind >/dev/null || { echo "valgrind not installed (apt-get install valgrind)"; exit 1; }
	@tests/memcheck/run.sh valgrind $(T)

fuzz: all
	@python3 tests/fuzz/fuzz.py
	@python3 tests/fuzz/exprs.py --seeds 200
	@python3 tests/fuzz/stmts.py --seeds 150 --without k_del_exc

# ---- threads: ThreadSanitizer and scaling (never part of `make test`) ----
#
#   make tsan       the free-threaded VM with ThreadSanitizer (build/tsan-ft/,
#                   -O1 -g, system malloc so TSan sees every allocation), then
#                   the thread tests and examples on it: fails on any report
#                   not explained in tests/tsan/suppressions.txt
#   make scaling    bench/scaling: CPU-bound threads at 1..N threads on the
#                   GIL build, the free-threaded build and it with --gil=on,
#                   beside N processes of the GIL build (the machine's ceiling);
#                   a table and PNG plots (bench/scaling_*.png).
#                   SCALING_ARGS="-n 4 -r 5 --nice" passes options.

TSAN_CFLAGS := -O1 -g -fsanitize=thread -fno-omit-frame-pointer -Wno-tsan -DGILT_SYSTEM_MALLOC

$(eval $(call checked_build,build/tsan-ft,$(TSAN_CFLAGS),-DGILT_FT=1,gilt-ft))

.PHONY: tsan scaling
tsan: build/.deps build/tsan-ft/gilt-ft
	@tests/tsan/run.sh build/tsan-ft/gilt-ft $(T)

scaling: all
	@command -v gnuplot >/dev/null || { \
	  echo "installing gnuplot-nox for the plots"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  { $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gnuplot-nox; } \
	  >/dev/null 2>&1 || echo "could not install gnuplot: the table only"; }
	@bench/scaling $(SCALING_ARGS)
