#!/usr/bin/env bash
# GPU check of the engine (issue 13), for a machine that has a CUDA PyTorch, the CUDA toolkit's
# nvcc (a CUDA libtorch's CMake package enables the CUDA language), CMake and a compiler but no Qt,
# no OpenCV and no network. In this order, stopping at the first failure:
#   1. what it found: GPU, driver, PyTorch and its CUDA, nvcc, compiler, CMake, the headers the
#      engine needs;
#   2. the engine-only build against that PyTorch's libtorch (test_model and migician-bench only;
#      -DMIGICIAN_SERVE=OFF: no cpp-httplib, libpng or libjpeg needed);
#   3. parity on the device: float32 stage by stage and the 16-token generations (golden ids), the
#      fixed-capacity decode step (replayed from a CUDA graph on a GPU), chunked attention,
#      bfloat16 logits and tokens;
#   4. the full-size benchmark: the full 7B config with random weights, W2's inputs (four images
#      of 1008x756, MIG-Bench-style question), 24 tokens, bfloat16: per-stage times, bounds and
#      efficiencies as JSON. On an H100/H200 the goal for the whole request is <= 0.35 s.
# The whole check runs within --budget seconds (480 on a GPU: the 8 minutes the GPU machine gives
# it): each step's limit is its share of the budget (configure 10 %, build 50 %, parity 20 %,
# benchmark 20 %) and never more than what is left, so the worst case is the budget itself.
#
#   tests/gpu/check.sh [--device cuda|cpu] [--shared DIR] [--deps DIR] [--jobs N] [--budget S]
#
# --device cpu   a dry run without a GPU, to review the script end to end: the same steps on the
#                CPU against the libtorch found (Python's torch, else the system's), with the
#                4-layer config and one small image in step 4 instead of the full-size case. Its
#                default budget is 3600 s (a 2-core machine builds the engine for 20-40 minutes).
# --shared DIR   the shared/ folder with fixtures/ and configs/ (default ../shared). With the device
#                tool, copy ../shared/fixtures/qwen2vl-tiny, ../shared/fixtures/tokenizer and
#                ../shared/configs into an ignored folder of the checkout (e.g. .gpu/shared) and
#                carry it.
# --deps DIR     headers the machine lacks, laid out like /usr/include (nlohmann/json.hpp,
#                doctest/doctest.h, unicode/*.h) plus ICU's libicuuc/libicui18n/libicudata in DIR/lib
#                and the CMake configs of nlohmann_json and doctest; copy them from a Debian machine
#                into .gpu/deps and carry it.
# --budget S     the time limit of the whole check in seconds (MIGICIAN_GPU_CHECK_BUDGET_S).
# Results (versions, parity log, benchmark JSON) go to $OUT (default build-gpu-<device>/out).
set -euo pipefail
cd "$(dirname "$0")/../.."

DEVICE=cuda
SHARED=../shared
DEPS=
JOBS=$(nproc)
BUDGET=${MIGICIAN_GPU_CHECK_BUDGET_S:-}
while [ $# -gt 0 ]; do
  case "$1" in
    --device) DEVICE=$2; shift 2 ;;
    --shared) SHARED=$2; shift 2 ;;
    --deps) DEPS=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --budget) BUDGET=$2; shift 2 ;;
    -h|--help) sed -n '2,37p' "$0"; exit 0 ;;
    *) echo "check.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$DEVICE" in cuda|cpu) ;; *) echo "check.sh: --device cuda or cpu, not $DEVICE" >&2; exit 2 ;; esac
if [ -z "$BUDGET" ]; then
  if [ "$DEVICE" = cuda ]; then BUDGET=480; else BUDGET=3600; fi
fi
case "$BUDGET" in ''|*[!0-9]*) echo "check.sh: --budget takes whole seconds, not $BUDGET" >&2; exit 2 ;; esac

START=$SECONDS
STEP="0/4 arguments"
fail() { echo "check.sh: FAILED in step $STEP after $((SECONDS - START)) s: $*" >&2; exit 1; }
# A command that fails without its own message still says where.
trap 'echo "check.sh: FAILED in step $STEP after $((SECONDS - START)) s (line $LINENO, exit $?)" >&2' ERR
step() { STEP=$*; echo "== [$((SECONDS - START)) s of $BUDGET] $*"; }
# LIMIT = a step's limit: its share (percent) of the budget, never more than what is left.
limit() {
  local share=$(( BUDGET * $1 / 100 )) left=$(( BUDGET - (SECONDS - START) ))
  [ "$left" -ge 5 ] || fail "out of time: the ${BUDGET} s budget is spent"
  LIMIT=$(( share < left ? share : left ))
}
# Runs a step's command under its limit; a timeout says so.
bounded() { # seconds, log file, command...
  local seconds=$1 log=$2; shift 2
  local rc=0
  timeout "$seconds" "$@" > "$log" 2>&1 || rc=$?
  if [ "$rc" = 124 ]; then
    echo "check.sh: $STEP ran past its ${seconds} s limit (log: $log)" >&2
  fi
  return "$rc"
}

[ -d "$SHARED/fixtures/qwen2vl-tiny" ] || fail "no fixtures in $SHARED/fixtures/qwen2vl-tiny (see --shared)"
SHARED=$(realpath "$SHARED")
BUILD=${MIGICIAN_GPU_BUILD_DIR:-build-gpu-$DEVICE}
OUT=${OUT:-$BUILD/out}
mkdir -p "$OUT"

step "1/4 what this machine has"
PYTORCH=$(python3 - 2>&1 <<'PY' || true
try:
    import os, torch
except Exception as error:
    print(f"no Python torch ({type(error).__name__}: {error})")
    raise SystemExit(0)
gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else None
print(f"torch {torch.__version__} cuda {torch.version.cuda} gpu {gpu} "
      f"cxx11_abi {torch._C._GLIBCXX_USE_CXX11_ABI}")
print("TORCH_DIR=" + os.path.join(torch.utils.cmake_prefix_path, "Torch"))
print("CUDA_OK=" + ("1" if torch.cuda.is_available() else "0"))
PY
)
echo "budget: ${BUDGET} s, device: $DEVICE, jobs: $JOBS" | tee "$OUT/versions.txt"
echo "$PYTORCH" | grep -v '^[A-Z_]*=' | tee -a "$OUT/versions.txt"
if [ "$DEVICE" = cuda ]; then
  command -v nvidia-smi >/dev/null || fail "nvidia-smi not found: no NVIDIA driver"
  GPUS=$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1) \
    || fail "nvidia-smi sees no GPU: $GPUS"
  echo "gpu: $GPUS" | tee -a "$OUT/versions.txt"
fi
TORCH_DIR=$(echo "$PYTORCH" | sed -n 's/^TORCH_DIR=//p')
if [ -z "$TORCH_DIR" ]; then
  [ "$DEVICE" = cpu ] || fail "no PyTorch found (python3 -c 'import torch' fails): ${PYTORCH}"
  TORCH_DIR=/usr/lib/x86_64-linux-gnu/cmake/Torch
  [ -f "$TORCH_DIR/TorchConfig.cmake" ] || fail "no PyTorch found: no Python torch and no $TORCH_DIR"
  version=$(sed -n 's/^set(PACKAGE_VERSION "\(.*\)")/\1/p' "$TORCH_DIR/TorchConfigVersion.cmake" 2>/dev/null)
  echo "system libtorch ${version:-of unknown version}, CPU only" | tee -a "$OUT/versions.txt"
elif [ "$DEVICE" = cuda ] && ! echo "$PYTORCH" | grep -q '^CUDA_OK=1'; then
  fail "this PyTorch has no CUDA or sees no GPU: $(echo "$PYTORCH" | head -n 1)"
fi
echo "libtorch: $TORCH_DIR" | tee -a "$OUT/versions.txt"
command -v c++ >/dev/null || fail "no C++ compiler (c++)"
command -v cmake >/dev/null || fail "no cmake"
GENERATOR=Ninja
if command -v ninja >/dev/null; then ninja="ninja $(ninja --version)"; else GENERATOR="Unix Makefiles"; ninja="no ninja: Unix Makefiles"; fi
{ c++ --version | head -n 1; cmake --version | head -n 1; echo "$ninja"; } | tee -a "$OUT/versions.txt"

cuda_args=()
if [ "$DEVICE" = cuda ]; then
  # A CUDA libtorch's CMake package calls enable_language(CUDA): it needs nvcc, which PyTorch's
  # wheels do not ship (the nvidia-cuda-nvcc-cu12 wheel or a CUDA toolkit does).
  NVCC=${CUDACXX:-}
  for candidate in "$(command -v nvcc || true)" "${CUDA_HOME:-/nonexistent}/bin/nvcc" \
      /usr/local/cuda/bin/nvcc \
      "$(python3 -c 'import nvidia, os; print(os.path.join(nvidia.__path__[0], "cuda_nvcc/bin/nvcc"))' 2>/dev/null || true)"; do
    if [ -z "$NVCC" ] && [ -n "$candidate" ] && [ -x "$candidate" ]; then NVCC=$candidate; fi
  done
  [ -n "$NVCC" ] || fail "no nvcc (PATH, CUDA_HOME, /usr/local/cuda, pip nvidia-cuda-nvcc): a CUDA libtorch's CMake package needs the CUDA toolkit; set CUDACXX"
  echo "nvcc: $NVCC ($("$NVCC" --version | tail -n 1))" | tee -a "$OUT/versions.txt"
  cuda_args+=(-DCMAKE_CUDA_COMPILER="$NVCC" -DCUDAToolkit_ROOT="$(dirname "$(dirname "$NVCC")")")
fi

# The headers the engine includes: missing ones stop here, not after a configure.
missing=()
for header in nlohmann/json.hpp doctest/doctest.h unicode/uchar.h; do
  found=
  for dir in ${DEPS:+"$DEPS/include"} /usr/include /usr/local/include; do
    if [ -f "$dir/$header" ]; then found=1; fi
  done
  [ -n "$found" ] || missing+=("$header")
done
[ ${#missing[@]} = 0 ] || fail "missing headers: ${missing[*]} (pass --deps DIR, see --help)"

step "2/4 engine-only build"
extra=()
if [ -n "$DEPS" ]; then
  DEPS=$(realpath "$DEPS")
  extra+=(-DCMAKE_PREFIX_PATH="$DEPS" -DCMAKE_CXX_FLAGS="-isystem $DEPS/include"
          -DICU_ROOT="$DEPS" -Ddoctest_DIR="$DEPS/lib/cmake/doctest"
          -Dnlohmann_json_DIR="$DEPS/share/cmake/nlohmann_json")
  export LD_LIBRARY_PATH="$DEPS/lib:${LD_LIBRARY_PATH:-}"
fi
limit 10
# shellcheck disable=SC2086 # MIGICIAN_CMAKE_ARGS is a list of arguments
bounded "$LIMIT" "$OUT/configure.log" cmake -S . -B "$BUILD" -G "$GENERATOR" \
  -DCMAKE_BUILD_TYPE=Release -DMIGICIAN_ENGINE_ONLY=ON -DMIGICIAN_SERVE=OFF \
  -DTorch_DIR="$TORCH_DIR" -DMIGICIAN_SHARED_DIR="$SHARED" ${MIGICIAN_CMAKE_ARGS:-} \
  "${cuda_args[@]}" "${extra[@]}" \
  || { tail -n 30 "$OUT/configure.log"; fail "configure (log: $OUT/configure.log)"; }
grep -E "Migician: torch" "$OUT/configure.log" || true
limit 50
bounded "$LIMIT" "$OUT/build.log" cmake --build "$BUILD" -j "$JOBS" \
  --target test_model migician-bench \
  || { tail -n 40 "$OUT/build.log"; fail "build (log: $OUT/build.log)"; }
tail -n 1 "$OUT/build.log"

step "3/4 parity on $DEVICE"
export MIGICIAN_TEST_DEVICE=$DEVICE
# -s prints the bfloat16 messages; the summary lines say how many cases and assertions passed.
limit 20
bounded "$LIMIT" "$OUT/parity.log" "$BUILD/tests/test_model" -s \
  -tc='*reference*,*M-RoPE*,*float32*,*16-token*,*cancel*,*bfloat16*,*chunk*,*decode step*,*fused*,*explicit*,engine:*' \
  || { grep -E "ERROR|FAILED|test cases|assertions" "$OUT/parity.log" | tail -n 40; fail "parity on $DEVICE (log: $OUT/parity.log)"; }
grep -E "MESSAGE|test cases|assertions" "$OUT/parity.log"

step "4/4 benchmark"
if [ "$DEVICE" = cuda ]; then
  bench=(--config "$SHARED/configs/migician-7b.config.json" --workload w2 --dtype bfloat16
         --device cuda --repeat 3)
else
  bench=(--config "$SHARED/configs/migician-7b-4layer.config.json" --images 1 --image-size 224x224
         --tokens 2 --dtype float32 --device cpu --threads "$JOBS")
fi
if [ -f "$SHARED/fixtures/qwen2vl-tiny/tokenizer.json" ]; then
  bench+=(--tokenizer "$SHARED/fixtures/qwen2vl-tiny/tokenizer.json")
fi
# stdout is the JSON, stderr goes beside it.
limit 20
timeout "$LIMIT" "$BUILD/app/migician-bench" "${bench[@]}" > "$OUT/bench.json" 2> "$OUT/bench.log" \
  || { [ $? = 124 ] && echo "check.sh: the benchmark ran past its ${LIMIT} s limit" >&2; tail -n 20 "$OUT/bench.log" "$OUT/bench.json"; fail "benchmark (log: $OUT/bench.log)"; }
python3 - "$OUT/bench.json" <<'PY' || { cat "$OUT/bench.json"; fail "benchmark JSON unreadable"; }
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{r['workload']} {r['dtype']} on {r['device']} (torch {r['torch']}): total {r['total_ms']:.0f} ms "
      f"(vision {r['vision_ms']:.0f}, prefill {r['prefill_ms']:.0f}, "
      f"decode {r['decode_ms_per_token']:.1f} ms/token, cuda graph {r['cuda_graph']})")
for name, s in r["stages"].items():
    print(f"  {name:12s} {s['ms']:9.1f} ms  bound {s.get('bound_ms', 0):9.1f} ms  "
          f"efficiency {100 * s.get('efficiency', 0):5.1f} %")
m = r["machine"]
print(f"  machine: read {m['memory_read_gbs']:.0f} GB/s, GEMM {m['gemm_gflops']:.0f} GFLOP/s ({m['gemm_shape']})")
mem = r["memory"]
print(f"  memory: weights {mem['weights_bytes'] / 2**30:.2f} GiB, KV cache {mem['kv_cache_bytes'] / 2**30:.2f} GiB, "
      f"peak host {mem['peak_host_bytes'] / 2**30:.2f} GiB, peak device {mem['peak_device_bytes'] / 2**30:.2f} GiB")
PY
step "done in $((SECONDS - START)) s: results in $OUT"
