#!/usr/bin/env bash
# Classifier quality side by side (issue 5): our AutoML model (`topicmodel train` with train.json, 60 s
# budget) vs the keyword rules (weak labeler), scikit-learn TF-IDF + LogisticRegression / LinearSVC and
# fastText, all trained on the same labeled papers and scored on the 93 non-leaked held-out papers;
# macro-F1 and accuracy with paired bootstrap intervals. Optionally the same table from
# 5-fold cross-validation over the 640 reviewed 2025 papers (with --cv).
#
#   bash bench/compare_classifiers.sh [--cv] [--tune-lr]
#
# --cv adds the 5-fold CV table (5 more AutoML runs, ~8 more minutes); --tune-lr adds a grid-searched
# LogisticRegression (LinearSVC is always grid-searched; LR fits are ~100x slower here).
#
# Outputs go to bench/out/ (git-ignored): heldout.md|json, heldout-predictions.jsonl, cv2025.md|json, logs.
# Benchmark-only dependencies (never of the product): apt-get install -y python3-sklearn fasttext
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/out
RUN_CV=0
TUNE_LR=()
for arg in "$@"; do
  case $arg in
    --cv) RUN_CV=1 ;;
    --tune-lr) TUNE_LR=(--tune-lr) ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "error: unknown argument '$arg' (use --cv, --tune-lr or --help)" >&2; exit 2 ;;
  esac
done

# The product's python may be a pyenv shim without scikit-learn; Debian's python3-sklearn lives in /usr/bin/python3.
PY=${PYTHON:-}
if [[ -z $PY ]]; then
  for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sklearn, numpy' 2>/dev/null; then PY=$candidate; break; fi
  done
fi
[[ -n $PY ]] || { echo "error: no python3 with scikit-learn; run: apt-get install -y python3-sklearn (or set PYTHON=...)" >&2; exit 3; }
command -v fasttext >/dev/null || { echo "error: the fasttext CLI is missing; run: apt-get install -y fasttext" >&2; exit 3; }
command -v dotnet >/dev/null || { echo "error: dotnet (the .NET 10 SDK) is missing" >&2; exit 3; }
for f in train.json data/taxonomy.json data/labels data/digests/000_97cca7786c7f0218.txt data/digests/001_a7ac521b53603ff9.txt data/corpus/hf-daily-papers-2025.jsonl; do
  [[ -e $f ]] || { echo "error: $ROOT/$f is missing" >&2; exit 3; }
done
# Nothing here reads ../shared: the recipe's data is all in the repository.

# One BLAS/OpenMP thread: the machine is small and shared, and results stay reproducible.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
mkdir -p "$OUT"
START=$(date +%s)
log() { echo "[$(( $(date +%s) - START ))s] $*"; }

# recipe.json: train.json with paths rebased to bench/out/ and outputs kept there (so models/ and
# data/prepared/ of the repository are untouched). Optional overrides: heldOut files, lda on/off.
make_recipe() { # out_file prepared_dir models_dir lda_enabled heldOut...
  local out=$1 prepared=$2 models=$3 lda=$4; shift 4
  "$PY" - "$ROOT/train.json" "$out" "$prepared" "$models" "$lda" "$@" <<'EOF'
import json, os, sys
src, out, prepared, models, lda, *held = sys.argv[1:]
r = json.load(open(src, encoding="utf-8"))
base = os.path.dirname(os.path.abspath(src))
def rebase(p): return os.path.abspath(os.path.join(base, p))
r.pop("$schema", None)
r["taxonomy"] = rebase(r["taxonomy"])
d = r["data"]
for k in ("train", "heldOut", "unlabeled", "reviewedLabels"):
    d[k] = [rebase(p) for p in d.get(k, [])]
if held: d["heldOut"] = [os.path.abspath(h) for h in held]
d["prepared"] = os.path.abspath(prepared)
r["output"] = {**r.get("output", {}), "models": os.path.abspath(models), "reports": os.path.abspath(os.path.join(models, "reports"))}
if lda == "off" and "lda" in r: r["lda"]["enabled"] = False
json.dump(r, open(out, "w", encoding="utf-8"), indent=2)
EOF
}

CLI=(dotnet run --project src/TopicModel.Cli -c Release --no-build --)

log "building src/TopicModel.Cli (Release)"
dotnet build src/TopicModel.Cli -c Release -nologo -v q > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; echo "error: build failed, see $OUT/build.log" >&2; exit 4; }

# ---- 1. our model on the held-out digest
make_recipe "$OUT/recipe.json" "$OUT/prepared" "$OUT/models" on
log "prep (log: bench/out/prep.log)"
"${CLI[@]}" prep -r "$OUT/recipe.json" > "$OUT/prep.log" 2>&1
log "train: AutoML, $("$PY" -c 'import json,sys; a = json.load(open(sys.argv[1]))["automl"]; print(str(a["maxTrials"]) + " trials" if "maxTrials" in a else str(a["timeBudgetSeconds"]) + " s")' "$OUT/recipe.json") budget (log: bench/out/train.log)"
"${CLI[@]}" train -r "$OUT/recipe.json" > "$OUT/train.log" 2>&1 || { tail -30 "$OUT/train.log" >&2; exit 4; }
grep -E "^search stopped|refitting|best" "$OUT/train.log" | tail -2 || true
log "score the held-out digest with models/topicmodel.zip"
"${CLI[@]}" score -m "$OUT/models/topicmodel.zip" data/digests/001_a7ac521b53603ff9.txt -o "$OUT/ours-heldout.jsonl" > "$OUT/score.log" 2>&1

# ---- 2.+3. baselines and the table
log "baselines + paired bootstrap on the held-out papers"
"$PY" bench/compare_classifiers.py heldout --prepared "$OUT/prepared/papers.jsonl" --scored "$OUT/ours-heldout.jsonl" --out "$OUT" ${TUNE_LR[@]+"${TUNE_LR[@]}"}

# ---- 4. 5-fold CV over the reviewed 2025 papers: each fold is a held-out digest (with the seed held-out
# digest, so training papers match the main run minus the fold); LDA stays on, as the classifier may use its
# topic mixtures as features (topicFeatureWeight); the fold's papers are held out, so LDA never sees them.
if [[ $RUN_CV == 1 ]]; then
  CV=$OUT/cv
  rm -rf "$CV"; mkdir -p "$CV"
  "$PY" bench/compare_classifiers.py folds --prepared "$OUT/prepared/papers.jsonl" --out "$CV"
  for i in 0 1 2 3 4; do
    F=$CV/fold$i; mkdir -p "$F"
    make_recipe "$F/recipe.json" "$F/prepared" "$F/models" on "$ROOT/data/digests/001_a7ac521b53603ff9.txt" "$CV/fold$i.jsonl"
    log "fold $i: prep + train (log: bench/out/cv/fold$i/train.log)"
    "${CLI[@]}" prep -r "$F/recipe.json" > "$F/prep.log" 2>&1 || { tail -30 "$F/prep.log" >&2; exit 4; }
    "${CLI[@]}" train -r "$F/recipe.json" > "$F/train.log" 2>&1 || { tail -30 "$F/train.log" >&2; exit 4; }
    "${CLI[@]}" score -m "$F/models/topicmodel.zip" "$CV/fold$i.jsonl" -o "$F/scored.jsonl" > "$F/score.log" 2>&1
  done
  log "baselines + paired bootstrap over the pooled CV folds"
  "$PY" bench/compare_classifiers.py cv --dir "$CV" --out "$OUT" ${TUNE_LR[@]+"${TUNE_LR[@]}"}
fi

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)"
  echo "dotnet: $(dotnet --version); python: $("$PY" --version 2>&1); scikit-learn: $("$PY" -c 'import sklearn; print(sklearn.__version__)'); fasttext: $(dpkg-query -W -f='${Version}' fasttext 2>/dev/null || echo '?')"
  echo "wall time: $(( $(date +%s) - START )) s"
} | tee "$OUT/machine.txt"
