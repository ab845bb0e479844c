# The two commands: `make run` and `make test`. Both install what is missing, configure and build.
BUILD_DIR ?= build
ASAN_DIR  ?= build-asan
JOBS      ?= $(shell nproc)
CMAKE_FLAGS ?=
# Line tables only: backtraces and sanitizer reports keep file:line, and the two build trees take
# about 0.3 + 1.4 GB instead of 1.6 + 2.2 GB (CI's disk once ran out linking the sanitizer build).
# `make DEBUG_INFO=-g` for full debug info.
DEBUG_INFO ?= -g1

.PHONY: all deps configure build run test test-asan bench format clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 $(DEBUG_INFO) -DNDEBUG" $(CMAKE_FLAGS)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@scripts/run-demo.sh $(BUILD_DIR)

test: build
	@scripts/browser-deps.sh
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS)

# The unit tests again under AddressSanitizer + UndefinedBehaviorSanitizer (browser tests excluded),
# at -O1 as the sanitizer docs advise: half the size of an -O0 build and faster to run.
test-asan: deps
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCORSCOPE_SANITIZE=ON -DCORSCOPE_BUILD_BENCH=OFF \
	    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 $(DEBUG_INFO)" $(CMAKE_FLAGS)
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS) -LE browser

bench: build
	@scripts/bench.sh $(BUILD_DIR)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
