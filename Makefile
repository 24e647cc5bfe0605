# Potline — top-level commands. `make demo` and `make test` are the two set-up commands.
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

.PHONY: all deps configure build demo test test-asan bench format clean

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
	@echo "Results: out/default/{summary.json,breakdown.csv,energy.csv,inputs.csv,manifest.json}"

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# AddressSanitizer + UndefinedBehaviorSanitizer build of the tests (CI runs it too).
test-asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPOTLINE_SANITIZE=ON -DPOTLINE_BUILD_BENCH=OFF
	cmake --build build-asan -j$(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS)

bench: deps build
	./$(BUILD)/potline_bench

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) build-asan out
