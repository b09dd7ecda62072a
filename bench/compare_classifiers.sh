#!/usr/bin/env bash
# Classifier quality side by side (issues 5, 18): our AutoML model (`topicmodel train` with train.json; with
# distillation its student, the default scorer, and its teacher, `score --accurate`) vs the keyword rules (weak
# labeler), scikit-learn TF-IDF + LogisticRegression / LinearSVC (also class-balanced, also with our MiniLM sentence
# vectors) and fastText, all trained on the same labeled papers and scored on the 93 non-leaked held-out papers;
# macro-F1 and accuracy with paired bootstrap intervals. Optionally the same table from
# 5-fold cross-validation over the 640 reviewed 2025 papers (with --cv).
#
#   bash bench/compare_classifiers.sh [--cv] [--tune-lr]
#
# --cv adds the 5-fold CV table (5 more AutoML runs, ~8 more minutes); --tune-lr adds a grid-searched
# LogisticRegression (LinearSVC is always grid-searched; LR fits are ~100x slower here).
#
# Also on the forward test set (train.json's data.forward: 2026 papers, later than all training data).
# Outputs go to bench/out/ (git-ignored): heldout.md|json, forward.md|json, *-predictions.jsonl, cv2025.md|json, logs.
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
d.pop("forward", None)  # the bench scores the forward set itself (step 3b), with the baselines
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
log "train: AutoML, budget $("$PY" -c 'import json,sys; a=json.load(open(sys.argv[1]))["automl"]; print(" / ".join(f"{k} {a[k]}" for k in ("timeBudgetSeconds", "maxTrials") if k in a))' "$OUT/recipe.json") (log: bench/out/train.log)"
"${CLI[@]}" train -r "$OUT/recipe.json" > "$OUT/train.log" 2>&1 || { tail -30 "$OUT/train.log" >&2; exit 4; }
grep -E "^search stopped|refitting|best" "$OUT/train.log" | tail -2 || true
log "score the held-out digest with models/topicmodel.zip"
"${CLI[@]}" score -m "$OUT/models/topicmodel.zip" data/digests/001_a7ac521b53603ff9.txt -o "$OUT/ours-heldout.jsonl" > "$OUT/score.log" 2>&1
# A distilled bundle (train.json's distillation) scores with its student by default; its teacher gets a row of its own.
TEACHER_HELDOUT=() TEACHER_FORWARD=()
if unzip -p "$OUT/models/topicmodel.zip" manifest.json | "$PY" -c 'import json,sys; sys.exit(0 if "teacher" in json.load(sys.stdin) else 1)'; then
  log "score the held-out digest with the teacher (score --accurate)"
  "${CLI[@]}" score --accurate -m "$OUT/models/topicmodel.zip" data/digests/001_a7ac521b53603ff9.txt -o "$OUT/ours-heldout-teacher.jsonl" > "$OUT/score-teacher.log" 2>&1
  TEACHER_HELDOUT=(--teacher-scored "$OUT/ours-heldout-teacher.jsonl")
fi
# The issue's embedding baseline (TF-IDF + MiniLM vectors + LinearSVC, C tuned by CV) reads our encoder's vectors of
# every training and test paper, from the same on-disk cache training uses.
log "export MiniLM vectors of every paper (cached in ~/.cache/topicmodel; log: bench/out/embed-export.log)"
dotnet build bench/TopicModel.Bench -c Release -nologo -v q >> "$OUT/build.log" 2>&1
# Only the labeled and test papers need vectors (not the whole unlabeled pool): their title and abstract, so the
# export computes the same paper ids as prep.
"$PY" - "$OUT/prepared/papers.jsonl" "$OUT/embed-papers.jsonl" <<'EOF2'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        p = json.loads(line)
        if p["split"] != "unlabeled" or p["labelSource"] == "reviewed":
            out.write(json.dumps({"title": p["title"], "abstract": p["abstract"]}) + "\n")
EOF2
# shellcheck disable=SC2046
dotnet bench/TopicModel.Bench/bin/Release/net10.0/TopicModel.Bench.dll embed-export MiniLM "$OUT/minilm-vectors.jsonl" \
  "$OUT/embed-papers.jsonl" $("$PY" -c 'import json,os,sys; r=json.load(open(sys.argv[1])); print(" ".join(r["data"].get("forward", [])))' train.json) \
  > "$OUT/embed-export.log" 2>&1 || { tail -20 "$OUT/embed-export.log" >&2; exit 4; }
EMBED=(--embeddings "$OUT/minilm-vectors.jsonl")

# ---- 2.+3. baselines and the table
log "baselines + paired bootstrap on the held-out papers"
"$PY" bench/compare_classifiers.py heldout --prepared "$OUT/prepared/papers.jsonl" --scored "$OUT/ours-heldout.jsonl" --out "$OUT" \
  ${TUNE_LR[@]+"${TUNE_LR[@]}"} ${TEACHER_HELDOUT[@]+"${TEACHER_HELDOUT[@]}"} "${EMBED[@]}"

# ---- 3b. the same model and baselines on the forward test set: 2026 papers, later than every training paper.
# Prepared with the forward file as the held-out split (the training papers are the same), scored by the same bundle.
FORWARD=$("$PY" -c 'import json,os,sys; r=json.load(open(sys.argv[1])); print(" ".join(os.path.abspath(os.path.join(os.path.dirname(sys.argv[1]), f)) for f in r["data"].get("forward", [])))' "$ROOT/train.json")
if [[ -n $FORWARD ]]; then
  # shellcheck disable=SC2086
  # The held-out digest stays held out, so the baselines train on exactly the papers our model trained on.
  make_recipe "$OUT/recipe-forward.json" "$OUT/prepared-forward" "$OUT/models" on "$ROOT/data/digests/001_a7ac521b53603ff9.txt" $FORWARD
  log "prep the forward test set (log: bench/out/prep-forward.log)"
  "${CLI[@]}" prep -r "$OUT/recipe-forward.json" > "$OUT/prep-forward.log" 2>&1
  # shellcheck disable=SC2086
  "${CLI[@]}" score -m "$OUT/models/topicmodel.zip" $FORWARD -o "$OUT/ours-forward.jsonl" > "$OUT/score-forward.log" 2>&1
  if [[ ${#TEACHER_HELDOUT[@]} -gt 0 ]]; then
    # shellcheck disable=SC2086
    "${CLI[@]}" score --accurate -m "$OUT/models/topicmodel.zip" $FORWARD -o "$OUT/ours-forward-teacher.jsonl" > "$OUT/score-forward-teacher.log" 2>&1
    TEACHER_FORWARD=(--teacher-scored "$OUT/ours-forward-teacher.jsonl")
  fi
  log "baselines + paired bootstrap on the forward test set"
  "$PY" bench/compare_classifiers.py heldout --prepared "$OUT/prepared-forward/papers.jsonl" --scored "$OUT/ours-forward.jsonl" --out "$OUT" \
    --stem forward --digest "$(for f in $FORWARD; do basename "$f" .jsonl; done | paste -sd,)" --describe "forward test set (2026 papers, later than every training paper)" \
    ${TUNE_LR[@]+"${TUNE_LR[@]}"} ${TEACHER_FORWARD[@]+"${TEACHER_FORWARD[@]}"} "${EMBED[@]}"
fi

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
  echo "machine: $(OMP_NUM_THREADS= nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)"
  echo "dotnet: $(dotnet --version); python: $("$PY" --version 2>&1); scikit-learn: $("$PY" -c 'import sklearn; print(sklearn.__version__)'); fasttext: $(dpkg-query -W -f='${Version}' fasttext 2>/dev/null || echo '?')"
  echo "wall time: $(( $(date +%s) - START )) s"
} | tee "$OUT/machine.txt"
