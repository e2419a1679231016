#!/usr/bin/env bash
# GPU check of the engine, for a machine that has only CUDA PyTorch, CMake, ninja and a compiler
# (no Qt, no OpenCV, no network). It builds the engine-only configuration against that PyTorch's
# libtorch, runs the model suites on CUDA in float32 and bfloat16 (parity with the reference), and
# the full-size random-weight benchmark (the real Migician 7B sizes). About 8 minutes on an H100.
#
#   tests/gpu/check.sh [SHARED_DIR] [DEPS_DIR]
#
# SHARED_DIR: the shared/ folder with fixtures/ and configs/ (default ../shared; with the device tool,
#   copy ../shared/fixtures and ../shared/configs into an ignored folder of the checkout, e.g.
#   .gpu/shared, and carry it).
# DEPS_DIR: optional folder with headers the machine lacks, laid out like /usr/include
#   (nlohmann/json.hpp, doctest/doctest.h, unicode/*.h) plus ICU's libicuuc/libicui18n/libicudata
#   shared libraries in DEPS_DIR/lib. Copy them from this Debian machine into .gpu/deps and carry it.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=$(realpath "${1:-../shared}")
DEPS=${2:-}
BUILD=build-gpu
OUT=${OUT:-$BUILD/out}
mkdir -p "$OUT"

torch_dir=$(python3 -c 'import os, torch; print(os.path.join(torch.utils.cmake_prefix_path, "Torch"))')
extra=()
if [ -n "$DEPS" ]; then
  DEPS=$(realpath "$DEPS")
  extra+=(-DCMAKE_PREFIX_PATH="$DEPS" -DCMAKE_CXX_FLAGS="-isystem $DEPS/include"
          -DICU_ROOT="$DEPS" -Ddoctest_DIR="$DEPS/lib/cmake/doctest" -Dnlohmann_json_DIR="$DEPS/share/cmake/nlohmann_json")
  export LD_LIBRARY_PATH="$DEPS/lib:${LD_LIBRARY_PATH:-}"
fi
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee "$OUT/gpu.txt"
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)' | tee -a "$OUT/gpu.txt"

time cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMIGICIAN_ENGINE_ONLY=ON \
  -DTorch_DIR="$torch_dir" -DMIGICIAN_SHARED_DIR="$SHARED" "${extra[@]}" 2>&1 | tail -n 3
time cmake --build "$BUILD" -j "$(nproc)" 2>&1 | tail -n 3

echo "== parity on CUDA (float32 stage by stage, bfloat16 tokens and logits)"
MIGICIAN_TEST_DEVICE=cuda "$BUILD/tests/test_model" -s -tc='*reference*,*M-RoPE*,*float32*,*16-token*,*cancel*,*bfloat16*,*fused*,*explicit*,engine:*' \
  2>&1 | grep -E 'MESSAGE|bf16|test cases|assertions|ERROR' | tee "$OUT/parity.txt"
echo "== parity on CPU with this libtorch (fused attention path of 2.x)"
"$BUILD/tests/test_model" 2>&1 | tail -n 3 | tee -a "$OUT/parity.txt"

echo "== full-size random-weight benchmark (W1: two 448x336 images, 16 tokens), bfloat16 and float16"
for dtype in bfloat16 float16; do
  "$BUILD/app/migician-bench" --config "$SHARED/configs/migician-7b.config.json" --device cuda \
    --dtype "$dtype" --tokens 16 --repeat 3 | tee "$OUT/bench-7b-$dtype.json"
done
"$BUILD/app/migician-bench" --config "$SHARED/configs/migician-7b.config.json" --device cuda \
  --dtype bfloat16 --images 6 --image-size 1344x1008 --tokens 64 --repeat 2 | tee "$OUT/bench-7b-6img.json"
