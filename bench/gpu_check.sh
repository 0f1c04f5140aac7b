#!/usr/bin/env bash
# One prepared run of every CUDA check, for a session that has the GPU machine (device tool).
# Nothing here has been run on a GPU yet: the session that wrote it had none.
#
# Before the call, in the repository root on this machine (once):
#   mkdir -p .shared && cp -r ../shared/golden .shared/            # 42 MB; ../shared does not travel
#   echo /.shared/ >> .git/info/exclude; echo /.whl/ >> .git/info/exclude
#   python3 -m pip download --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
#     --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
#     -d .whl soundfile inflect typeguard more-itertools platformdirs wetext kaldifst pytest-qt
#   (the GPU image has torch, transformers, onnxruntime (CPU provider only), safetensors, pytest,
#    pytest-xdist; PySide6 (~90 MB) does not fit the 64 MiB that travels, so the window self-test is
#    skipped there unless the image has it.)
# The call (device tool `run`), with timeout_s 600 and carry [".shared", ".whl"]:
#   bash bench/gpu_check.sh
# Results (at most 8 files come back): $OUT/summary.txt (every step, rc, tails, the benchmark
# tables), env.txt, cuda_check.json, parity.log, suite.log, bench_cv2.json, bench_cv3.json,
# selftest.log. Each step has its own time limit so that the whole run ends inside about 9 minutes.
set -u
OUT=${OUT:-$PWD/gpu-check-out}
mkdir -p "$OUT"
PY=${PY:-python3}
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 QT_QPA_PLATFORM=offscreen OMP_NUM_THREADS=${OMP_NUM_THREADS:-8}
export VOICE_STUDIO_SHARED=${VOICE_STUDIO_SHARED:-$PWD/.shared}
export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH}
if ls .whl/*.whl > /dev/null 2>&1; then
    $PY -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl \
        && export PYTHONPATH=$PYTHONPATH:/tmp/site
fi
SUMMARY=$OUT/summary.txt
START=$(date +%s)
log() { echo "== +$(( $(date +%s) - START ))s $*" | tee -a "$SUMMARY"; }
step() {  # step NAME LIMIT_S LOGFILE COMMAND...
    local name=$1 limit=$2 logfile=$3
    shift 3
    log "$name (limit ${limit}s): $*"
    timeout "$limit" "$@" > "$logfile" 2>&1
    local rc=$?
    log "$name: rc=$rc$([ $rc = 124 ] && echo ' (time limit)')"
    tail -n 25 "$logfile" >> "$SUMMARY"
}

{
    nvidia-smi
    $PY -c "import torch, transformers, onnxruntime as ort; print('torch', torch.__version__, 'cuda', torch.version.cuda, torch.cuda.get_device_name(0)); print('transformers', transformers.__version__); print('onnxruntime', ort.__version__, ort.get_available_providers())"
    $PY -c "import PySide6; print('PySide6', PySide6.__version__)" || echo "PySide6 missing: window self-test skipped"
    ls "$VOICE_STUDIO_SHARED/golden" || echo "NO GOLDEN DATA at $VOICE_STUDIO_SHARED/golden"
} > "$OUT/env.txt" 2>&1
cat "$OUT/env.txt" >> "$SUMMARY"

# Full-size random-weight folders for the benchmark, made on the CPUs while the GPU checks run.
FULL=/tmp/fullsize
mkdir -p $FULL
( for f in cosyvoice2 cosyvoice3; do
    $PY bench/make_full_size_model.py --family $f --out $FULL/$f-full > $FULL/make-$f.log 2>&1
  done ) &
MAKER=$!

# 1. graphs vs eager, CUDA vs CPU, fast (bf16) vs exact on the golden models
step cuda_check 100 "$OUT/cuda_check.log" $PY bench/cuda_check.py --out "$OUT/cuda_check.json"
cat "$OUT/cuda_check.log" >> "$SUMMARY"
rm -f "$OUT/cuda_check.log"

# 2. the parity harness with the engine on CUDA (tolerances are the CPU's: read the worst differences)
step parity 110 "$OUT/parity.log" $PY -m studio.engine.parity "$VOICE_STUDIO_SHARED/golden" --device cuda

# 3. the benchmark: exact and fast in one run per family, 250 tokens, CUDA
wait $MAKER
tail -n 2 $FULL/make-*.log >> "$SUMMARY"
step bench_cv2 150 "$OUT/bench_cv2.log" $PY bench/bench_engine.py --family cosyvoice2 --model $FULL/cosyvoice2-full \
    --device cuda --threads 8 --preset exact,fast --json "$OUT/bench_cv2.json"
cat "$OUT/bench_cv2.log" >> "$SUMMARY"
rm -f "$OUT/bench_cv2.log"
step bench_cv3 120 "$OUT/bench_cv3.log" $PY bench/bench_engine.py --family cosyvoice3 --model $FULL/cosyvoice3-full \
    --device cuda --threads 8 --preset exact,fast --only nonstream --json "$OUT/bench_cv3.json"
cat "$OUT/bench_cv3.log" >> "$SUMMARY"
rm -f "$OUT/bench_cv3.log"

# 4. the engine's tests and the CLI's on this machine (CUDA visible; the tests pin what they need)
step suite 100 "$OUT/suite.log" $PY -m pytest -q -x -n 12 -p no:cacheprovider tests/engine tests/test_cli_synth.py

# 5. the real window's self-test on CUDA, where PySide6 exists
if $PY -c "import PySide6" 2> /dev/null; then
    step selftest 60 "$OUT/selftest.log" $PY -m studio.cli --self-test "$VOICE_STUDIO_SHARED/golden/cosyvoice2/model"
else
    echo "PySide6 is not installed on this machine: the window self-test was not run." > "$OUT/selftest.log"
fi
log "done"
