# Potline — top-level commands. `make demo` and `make test` are the two set-up commands.
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all deps configure build demo test test-asan fuzz bench format clean

all: build

deps:
	@bash scripts/install-deps.sh

configure:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j$(JOBS)

# The demo needs only the CLI: tests and benchmarks are built by `make test` / `make bench`.
demo: deps configure
	cmake --build $(BUILD) -j$(JOBS) --target potline
	@mkdir -p out
	./$(BUILD)/potline cell examples/default.toml --out out/default
	@echo
	@echo "Results: out/default/{summary.json,breakdown.csv,energy.csv,inputs.csv,published.csv,manifest.json}"

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# AddressSanitizer + UndefinedBehaviorSanitizer build of the tests (CI runs it too). It runs every test
# but those listed in tests/sanitizer-skip.txt (the slowest whole-command runs: the file says why).
ASAN_SKIP = $(shell grep -v '^\#' tests/sanitizer-skip.txt | grep . | paste -sd'|')

test-asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPOTLINE_SANITIZE=ON -DPOTLINE_BUILD_BENCH=OFF
	cmake --build build-asan -j$(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS) \
	  -E '$(ASAN_SKIP)'

# libFuzzer targets (clang, ASan + UBSan, -O1: the flags are set in CMakeLists.txt, hence build type
# None) of the TOML and CSV readers, each run for FUZZ_SECONDS with
# a seed corpus from examples/, tests/fixtures/ and data/ (docs/reliability.md).
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=None -DPOTLINE_FUZZ=ON \
	  -DPOTLINE_BUILD_TESTS=OFF -DPOTLINE_BUILD_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_targets
	bash scripts/run-fuzzers.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: deps build
	./$(BUILD)/potline_bench

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) build-asan $(FUZZ_BUILD) out
