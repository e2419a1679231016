#!/usr/bin/env bash
# GPU check of the engine (issue 13), for a machine that has a CUDA PyTorch, CMake, ninja and a
# compiler but no Qt, no OpenCV and no network. In this order, stopping at the first failure:
#   1. what it found: GPU, driver, PyTorch and its CUDA, compiler, CMake;
#   2. the engine-only build against that PyTorch's libtorch;
#   3. parity on the device: float32 stage by stage and the 16-token generations (golden ids), the
#      fixed-capacity decode step (replayed from a CUDA graph on a GPU), chunked attention,
#      bfloat16 logits and tokens;
#   4. the full-size benchmark: the full 7B config with random weights, W2's inputs (four images
#      of 1008x756, MIG-Bench-style question), 24 tokens, bfloat16: per-stage times, bounds and
#      efficiencies as JSON. On an H100/H200 the goal for the whole request is <= 0.35 s.
# Everything runs within 8 minutes (each step has its own limit; the build is most of it).
#
#   tests/gpu/check.sh [--device cuda|cpu] [--shared DIR] [--deps DIR] [--jobs N]
#
# --device cpu   a dry run without a GPU, to review the script end to end: the same steps on the
#                CPU against the libtorch found (Python's torch, else the system's), with the
#                4-layer config and one small image in step 4 instead of the full-size case.
# --shared DIR   the shared/ folder with fixtures/ and configs/ (default ../shared). With the device
#                tool, copy ../shared/fixtures/qwen2vl-tiny, ../shared/fixtures/tokenizer and
#                ../shared/configs into an ignored folder of the checkout (e.g. .gpu/shared) and
#                carry it.
# --deps DIR     headers the machine lacks, laid out like /usr/include (nlohmann/json.hpp,
#                doctest/doctest.h, unicode/*.h) plus ICU's libicuuc/libicui18n/libicudata in DIR/lib
#                and the CMake configs of nlohmann_json and doctest; copy them from a Debian machine
#                into .gpu/deps and carry it.
# Results (versions, parity log, benchmark JSON) go to $OUT (default build-gpu/out).
set -euo pipefail
cd "$(dirname "$0")/../.."

DEVICE=cuda
SHARED=../shared
DEPS=
JOBS=$(nproc)
while [ $# -gt 0 ]; do
  case "$1" in
    --device) DEVICE=$2; shift 2 ;;
    --shared) SHARED=$2; shift 2 ;;
    --deps) DEPS=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "check.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$DEVICE" in cuda|cpu) ;; *) echo "check.sh: --device cuda or cpu, not $DEVICE" >&2; exit 2 ;; esac
fail() { echo "check.sh: FAILED: $*" >&2; exit 1; }
[ -d "$SHARED/fixtures/qwen2vl-tiny" ] || fail "no fixtures in $SHARED (see --shared)"
SHARED=$(realpath "$SHARED")
BUILD=${MIGICIAN_GPU_BUILD_DIR:-build-gpu-$DEVICE}
OUT=${OUT:-$BUILD/out}
mkdir -p "$OUT"
START=$SECONDS
step() { echo "== [$((SECONDS - START)) s] $*"; }

step "1/4 what this machine has"
{
  if [ "$DEVICE" = cuda ]; then
    command -v nvidia-smi >/dev/null || fail "nvidia-smi not found: no NVIDIA driver"
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader \
      || fail "nvidia-smi sees no GPU"
  fi
  if python3 -c 'import torch' 2>/dev/null; then
    python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda,
"gpu", torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
"cxx11_abi", torch._C._GLIBCXX_USE_CXX11_ABI)'
  else
    echo "no Python torch"
  fi
  c++ --version | head -n 1
  cmake --version | head -n 1
  ninja --version | sed 's/^/ninja /'
} 2>&1 | tee "$OUT/versions.txt"

if python3 -c 'import torch' 2>/dev/null; then
  TORCH_DIR=$(python3 -c 'import os, torch; print(os.path.join(torch.utils.cmake_prefix_path, "Torch"))')
  if [ "$DEVICE" = cuda ]; then
    python3 -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)' \
      || fail "this PyTorch ($(python3 -c 'import torch; print(torch.__version__)')) has no CUDA or sees no GPU"
  fi
elif [ "$DEVICE" = cpu ] && [ -f /usr/lib/x86_64-linux-gnu/cmake/Torch/TorchConfig.cmake ]; then
  TORCH_DIR=/usr/lib/x86_64-linux-gnu/cmake/Torch
else
  fail "no PyTorch found (python3 -c 'import torch' fails)"
fi
echo "libtorch: $TORCH_DIR" | tee -a "$OUT/versions.txt"

step "2/4 engine-only build"
extra=()
if [ -n "$DEPS" ]; then
  DEPS=$(realpath "$DEPS")
  extra+=(-DCMAKE_PREFIX_PATH="$DEPS" -DCMAKE_CXX_FLAGS="-isystem $DEPS/include"
          -DICU_ROOT="$DEPS" -Ddoctest_DIR="$DEPS/lib/cmake/doctest"
          -Dnlohmann_json_DIR="$DEPS/share/cmake/nlohmann_json")
  export LD_LIBRARY_PATH="$DEPS/lib:${LD_LIBRARY_PATH:-}"
fi
timeout 60 cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMIGICIAN_ENGINE_ONLY=ON \
  -DTorch_DIR="$TORCH_DIR" -DMIGICIAN_SHARED_DIR="$SHARED" ${MIGICIAN_CMAKE_ARGS:-} "${extra[@]}" \
  > "$OUT/configure.log" 2>&1 || { tail -n 30 "$OUT/configure.log"; fail "configure (log: $OUT/configure.log)"; }
grep -E "Migician: torch" "$OUT/configure.log" || true
timeout "${MIGICIAN_BUILD_LIMIT_S:-300}" cmake --build "$BUILD" -j "$JOBS" \
  --target test_model migician-bench > "$OUT/build.log" 2>&1 \
  || { tail -n 40 "$OUT/build.log"; fail "build (log: $OUT/build.log)"; }
tail -n 1 "$OUT/build.log"

step "3/4 parity on $DEVICE"
export MIGICIAN_TEST_DEVICE=$DEVICE
# -s prints the bfloat16 messages; the summary lines say how many cases and assertions passed.
timeout 180 "$BUILD/tests/test_model" -s \
  -tc='*reference*,*M-RoPE*,*float32*,*16-token*,*cancel*,*bfloat16*,*chunk*,*decode step*,*fused*,*explicit*,engine:*' \
  > "$OUT/parity.log" 2>&1 || { grep -E "ERROR|FAILED|test cases|assertions" "$OUT/parity.log" | tail -n 40; fail "parity on $DEVICE (log: $OUT/parity.log)"; }
grep -E "bf16|test cases|assertions" "$OUT/parity.log"

step "4/4 benchmark"
if [ "$DEVICE" = cuda ]; then
  bench=(--config "$SHARED/configs/migician-7b.config.json" --workload w2 --dtype bfloat16
         --device cuda --repeat 3)
else
  bench=(--config "$SHARED/configs/migician-7b-4layer.config.json" --images 1 --image-size 224x224
         --tokens 2 --dtype float32 --device cpu --threads "$JOBS")
fi
[ -f "$SHARED/fixtures/qwen2vl-tiny/tokenizer.json" ] && bench+=(--tokenizer "$SHARED/fixtures/qwen2vl-tiny/tokenizer.json")
timeout 240 "$BUILD/app/migician-bench" "${bench[@]}" > "$OUT/bench.json" \
  || { cat "$OUT/bench.json"; fail "benchmark"; }
python3 - "$OUT/bench.json" <<'EOF' || cat "$OUT/bench.json"
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{r['workload']} {r['dtype']} on {r['device']}: total {r['total_ms']:.0f} ms "
      f"(vision {r['vision_ms']:.0f}, prefill {r['prefill_ms']:.0f}, "
      f"decode {r['decode_ms_per_token']:.1f} ms/token, cuda graph {r['cuda_graph']})")
for name, s in r["stages"].items():
    print(f"  {name:12s} {s['ms']:9.1f} ms  bound {s.get('bound_ms', 0):9.1f} ms  "
          f"efficiency {100 * s.get('efficiency', 0):5.1f} %")
m = r["machine"]
print(f"  machine: read {m['memory_read_gbs']:.0f} GB/s, GEMM {m['gemm_gflops']:.0f} GFLOP/s ({m['gemm_shape']})")
EOF
step "done: results in $OUT"
