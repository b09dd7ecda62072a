#!/usr/bin/env bash
# TopicModel vs fastText on a scale corpus built from ../shared/corpus, measured in the same run on the
# same machine: scoring throughput of the shipped model (the bundle `topicmodel train` makes from train.json:
# OneVersusAll LinearSvm over text, rule and LDA topic-mixture features) against `fasttext predict-prob`, whole
# process (start-up and model load included) and with loading subtracted; a per-stage profile of our scoring;
# peak RSS at 100k and 1M; and training time + held-out macro-F1 of a plain linear model vs fastText on 100k.
#
#   bench/compare.sh                       # 100k training set, scoring 100k and 1M
#   SCORE_SIZES="100000" bench/compare.sh  # skip the 1M scoring run (and its peak-memory figure)
#
# Environment: TOPICMODEL_CORPUS (default: ../shared/corpus beside the main checkout), MODEL (the bundle to score
# with; default models/topicmodel.zip, trained with `topicmodel train` when missing), TRAIN_SIZE (100000),
# SCORE_SIZES ("100000 1000000"), REPEATS (2: each scoring measurement is taken this many times, A/B
# interleaved, best kept), FASTTEXT_1M (0: fastText predict on the 1M set too when 1), FT_THREADS (nproc),
# SKIP_TRAINING (0: when 1 and bench/out/ft-100k.bin exists, reuse it and leave out the training comparison),
# NATIVE_AOT (1: score with `topicmodel-score`, the score verb compiled ahead of time for this machine's CPU,
# `dotnet publish src/TopicModel.Scorer -c Release -r <rid> -p:IlcInstructionSet=native`, to bench/out/tm-aot/: same
# bytes, less start-up and a faster steady state, docs/benchmarks.md issue 21 sixth round; 0: with `topicmodel score`),
# READY_TO_RUN (0: when 1 and NATIVE_AOT=0, score with the CLI published with ReadyToRun code, `dotnet publish -r <rid>
# -p:PublishReadyToRun=true`, to bench/out/tm-r2r/, instead of the `dotnet build` output: a third less start-up).
# Outputs go to bench/out/ (git-ignored); the summary is also written to bench/out/summary.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/bench/out"
TRAIN_SIZE=${TRAIN_SIZE:-100000}
SCORE_SIZES=${SCORE_SIZES:-"100000 1000000"}
REPEATS=${REPEATS:-2}
MODEL=${MODEL:-$ROOT/models/topicmodel.zip}
FASTTEXT_1M=${FASTTEXT_1M:-0}
SKIP_TRAINING=${SKIP_TRAINING:-0}
NPROC=$(nproc)
FT_THREADS=${FT_THREADS:-$NPROC}

die() { echo "compare.sh: $*" >&2; exit 2; }
log() { echo "== $*" >&2; }

# --- inputs and tools -------------------------------------------------------------------------------
source "$ROOT/bench/find_corpus.sh"
CORPUS=$(find_corpus)
for f in arxiv-cs-listings.jsonl hf-daily-papers-2025.jsonl; do
    [[ -s "$CORPUS/$f" ]] || die "$CORPUS/$f is missing or empty"
done
command -v dotnet >/dev/null || die "dotnet (the .NET 10 SDK) is not on PATH"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (Debian package 'time'); it measures peak memory"
if ! command -v fasttext >/dev/null; then
    log "installing fastText from Debian (apt-get install -y fasttext)"
    SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
    $SUDO apt-get install -y fasttext >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y fasttext >/dev/null; } \
        || die "could not install fasttext; install the Debian package 'fasttext' and rerun"
fi
mkdir -p "$OUT"

log "building (Release)"
dotnet build -c Release --nologo -v quiet "$ROOT/bench/TopicModel.Bench" >/dev/null || die "bench build failed"
dotnet build -c Release --nologo -v quiet "$ROOT/src/TopicModel.Cli" >/dev/null || die "CLI build failed"
BENCH=(dotnet "$ROOT/bench/TopicModel.Bench/bin/Release/net10.0/TopicModel.Bench.dll")
TOPICMODEL="$ROOT/src/TopicModel.Cli/bin/Release/net10.0/topicmodel"
if [[ ${READY_TO_RUN:-0} == 1 ]]; then
    log "publishing the CLI with ReadyToRun code"
    dotnet publish -c Release --nologo -v quiet -r "$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')" --self-contained false \
        -p:PublishReadyToRun=true -o "$OUT/tm-r2r" "$ROOT/src/TopicModel.Cli" >/dev/null || die "ReadyToRun publish failed"
    TOPICMODEL="$OUT/tm-r2r/topicmodel"
fi
RID=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
SCORE=("$TOPICMODEL" score)
if [[ ${NATIVE_AOT:-1} == 1 ]]; then
    log "publishing the native scorer (topicmodel-score, Native AOT for this CPU)"
    dotnet publish -c Release --nologo -v quiet -r "$RID" -p:IlcInstructionSet=native -o "$OUT/tm-aot" "$ROOT/src/TopicModel.Scorer" >/dev/null \
        || die "native-AOT publish of src/TopicModel.Scorer failed (it needs clang and zlib1g-dev; NATIVE_AOT=0 scores with the CLI)"
    SCORE=("$OUT/tm-aot/topicmodel-score")
fi

# --- the scale corpus (rebuilt only when the sizes or the sources change) ---------------------------
name_of() { local n=$1; if (( n % 1000000 == 0 )); then echo "$((n / 1000000))m"; elif (( n % 1000 == 0 )); then echo "$((n / 1000))k"; else echo "$n"; fi; }
STAMP="corpus=$CORPUS train=$TRAIN_SIZE score=$SCORE_SIZES $(stat -c '%s %Y' "$CORPUS"/arxiv-cs-listings.jsonl "$CORPUS"/hf-daily-papers-2025.jsonl | tr '\n' ' ')"
if [[ ! -f "$OUT/corpus.stamp" || "$(cat "$OUT/corpus.stamp")" != "$STAMP" ]]; then
    log "building the scale corpus in $OUT"
    # shellcheck disable=SC2086
    "${BENCH[@]}" corpus "$CORPUS" "$OUT" "$TRAIN_SIZE" $SCORE_SIZES >&2
    echo "$STAMP" > "$OUT/corpus.stamp"
fi
TRAIN_NAME=$(name_of "$TRAIN_SIZE")
head -n 1 "$OUT/heldout.jsonl" > "$OUT/one.jsonl"
head -n 1 "$OUT/heldout.ft" > "$OUT/one.ft"

# timed OUTFILE CMD...: runs CMD under /usr/bin/time; OUTFILE gets "wall user sys maxrss_kb".
timed() {
    local into=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$into" "$@"
}
field() { awk -v i="$2" '{print $i}' "$1"; }
cpu() { awk '{printf "%.3f", $2 + $3}' "$1"; }

SUMMARY="$OUT/summary.txt"
: > "$SUMMARY"
say() { echo "$*" | tee -a "$SUMMARY"; }

say "TopicModel vs fastText — $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $NPROC cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(free -g | awk '/^Mem:/{print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
say "tools: $(dotnet --version) .NET SDK, fastText $(dpkg-query -W -f '${Version}' fasttext 2>/dev/null || echo '?')"
say "corpus: $CORPUS -> $OUT ($(wc -l < "$OUT/train-distinct.jsonl") distinct training papers, $(wc -l < "$OUT/heldout.jsonl") held-out papers, $(wc -l < "$OUT/classes.txt") classes)"
say ""

# --- training ---------------------------------------------------------------------------------------
TRAINED=1
if [[ $SKIP_TRAINING == 1 && -s "$OUT/ft-$TRAIN_NAME.bin" ]]; then
    TRAINED=0
    say "training: skipped (SKIP_TRAINING=1), reusing $OUT/ft-$TRAIN_NAME.bin"
else

FT_TRAIN=(fasttext supervised -input "$OUT/train-$TRAIN_NAME.ft" -output "$OUT/ft-$TRAIN_NAME" -epoch 5 -wordNgrams 2 -thread "$FT_THREADS" -verbose 0)
TM_TRAIN=("${BENCH[@]}" train "$OUT/train-$TRAIN_NAME.jsonl" "$OUT/heldout.jsonl" "$OUT/classes.txt" "$OUT/tm-$TRAIN_NAME.zip")
say "training on $TRAIN_SIZE abstracts:"
say "  \$ ${FT_TRAIN[*]}"
timed "$OUT/ft-train.time" "${FT_TRAIN[@]}"
fasttext predict "$OUT/ft-$TRAIN_NAME.bin" "$OUT/heldout.ft" > "$OUT/ft-heldout.pred"
"${BENCH[@]}" f1 "$OUT/heldout.ft" "$OUT/ft-heldout.pred" "$OUT/classes.txt" > "$OUT/ft-f1.txt"
say "  \$ ${TM_TRAIN[*]}"
timed "$OUT/tm-train.time" "${TM_TRAIN[@]}" > "$OUT/tm-train.txt"
sed 's/^/    /' "$OUT/tm-train.txt" | grep -v RESULT >&2
result() { sed -n "s/^RESULT $2=//p" "$1"; }
FT_TRAIN_S=$(field "$OUT/ft-train.time" 1)
TM_TRAIN_S=$(result "$OUT/tm-train.txt" train_seconds)
FT_F1=$(result "$OUT/ft-f1.txt" macro_f1); TM_F1=$(result "$OUT/tm-train.txt" macro_f1)
FT_ACC=$(result "$OUT/ft-f1.txt" accuracy); TM_ACC=$(result "$OUT/tm-train.txt" accuracy)
say ""
fi

# --- scoring ----------------------------------------------------------------------------------------
# Whole process = what a user waits for. Loading is also measured apart by scoring a one-record file, for
# throughput = documents / (wall - load).
if [[ ! -f "$MODEL" ]]; then
    log "no $MODEL: training the shipped model (topicmodel train, recipe train.json)"
    (cd "$ROOT" && "$TOPICMODEL" train --recipe "$ROOT/train.json" >&2) || die "training the shipped model failed"
fi
TM_MODEL="$MODEL"; FT_MODEL="$OUT/ft-$TRAIN_NAME.bin"
say "scoring with the shipped model $TM_MODEL"
say "(topicmodel: JSONL in, JSONL out with top 3 and the topic mixture; fastText: predict-prob k=3; fastText predict is single-threaded, topicmodel uses all cores):"
say "  \$ ${SCORE[*]} --model $TM_MODEL INPUT.jsonl -o OUT.jsonl"
say "  (measured binary: $(if [[ ${NATIVE_AOT:-1} == 1 ]]; then echo "topicmodel-score, native AOT (-p:IlcInstructionSet=native)"; elif [[ ${READY_TO_RUN:-0} == 1 ]]; then echo "topicmodel, ReadyToRun"; else echo "topicmodel, JIT (dotnet build)"; fi))"
say "  \$ fasttext predict-prob $FT_MODEL INPUT.ft 3 > OUT.txt"
declare -A WALL CPU RSS
best_of() { # best_of KEY TIMEFILE: keep the fastest wall time (and its CPU) over the repeats, and the largest peak RSS
    local w; w=$(field "$2" 1)
    if [[ -z "${WALL[$1]:-}" ]] || awk -v a="$w" -v b="${WALL[$1]}" 'BEGIN{exit !(a < b)}'; then WALL[$1]=$w; CPU[$1]=$(cpu "$2"); fi
    local r; r=$(field "$2" 4)
    if [[ -z "${RSS[$1]:-}" ]] || (( r > ${RSS[$1]} )); then RSS[$1]=$r; fi
}
for r in $(seq "$REPEATS"); do
    timed "$OUT/t.time" "${SCORE[@]}" --model "$TM_MODEL" "$OUT/one.jsonl" -o "$OUT/tm-one.jsonl" 2>/dev/null; best_of tm-load "$OUT/t.time"
    timed "$OUT/t.time" fasttext predict-prob "$FT_MODEL" "$OUT/one.ft" 3 > "$OUT/ft-one.out"; best_of ft-load "$OUT/t.time"
done
RSS_1M=""
for size in $SCORE_SIZES; do
    n=$(name_of "$size")
    for r in $(seq "$REPEATS"); do
        timed "$OUT/t.time" "${SCORE[@]}" --model "$TM_MODEL" "$OUT/score-$n.jsonl" -o "$OUT/tm-scored-$n.jsonl" 2> "$OUT/tm-score-$n.log"; best_of "tm-$n" "$OUT/t.time"
        [[ $(wc -l < "$OUT/tm-scored-$n.jsonl") -eq $size ]] || die "topicmodel scored $(wc -l < "$OUT/tm-scored-$n.jsonl") of $size records"
        if (( size == 1000000 )); then
            rss=$(field "$OUT/t.time" 4); [[ -z "$RSS_1M" || $rss -gt $RSS_1M ]] && RSS_1M=$rss
        fi
        if (( size < 1000000 )) || [[ $FASTTEXT_1M == 1 ]]; then
            timed "$OUT/t.time" fasttext predict-prob "$FT_MODEL" "$OUT/score-$n.ft" 3 > "$OUT/ft-scored-$n.txt"; best_of "ft-$n" "$OUT/t.time"
        fi
        (( size < 1000000 )) || break  # one 1M run is enough for memory; its throughput is reported too
    done
done

# --- per-stage profile of our scoring (one thread, CPU time) -----------------------------------------
PROFILE="$OUT/score-profile.txt"
"${BENCH[@]}" score-profile "$TM_MODEL" "$OUT/score-100k.jsonl" 20000 > "$PROFILE" 2>&1 || die "score-profile failed, see $PROFILE"

# --- summary ----------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a / b}'; }
rate() { awk -v n="$1" -v w="$2" -v l="$3" 'BEGIN{t = w - l; if (t <= 0) t = w; printf "%.0f", n / t}'; }
cpurate() { awk -v n="$1" -v c="$2" -v l="$3" 'BEGIN{t = c - l; if (t <= 0) t = c; printf "%.0f", n / t}'; }
say ""
say "| measure | topicmodel | fastText | ratio | target |"
say "|---|---:|---:|---:|---|"
for size in $SCORE_SIZES; do
    n=$(name_of "$size")
    tm=$(rate "$size" "${WALL[tm-$n]}" "${WALL[tm-load]}")
    tmc=$(cpurate "$size" "${CPU[tm-$n]}" "${CPU[tm-load]}")
    if [[ -n "${WALL[ft-$n]:-}" ]]; then
        ft=$(rate "$size" "${WALL[ft-$n]}" "${WALL[ft-load]}")
        ftc=$(cpurate "$size" "${CPU[ft-$n]}" "${CPU[ft-load]}")
        tmw=$(rate "$size" "${WALL[tm-$n]}" 0); ftw=$(rate "$size" "${WALL[ft-$n]}" 0)
        say "| scoring $n, docs/s (wall, whole process: start-up and model load included) | $tmw | $ftw | **$(ratio "$tmw" "$ftw")x** | ≥ 5x |"
        say "| scoring $n, docs/s (wall, load excluded) | $tm | $ft | $(ratio "$tm" "$ft")x | |"
        say "| scoring $n, docs per CPU-second (load excluded) | $tmc | $ftc | $(ratio "$tmc" "$ftc")x | (per core) |"
        say "| peak RSS scoring $n, MB | $(( ${RSS[tm-$n]} / 1024 )) | ${RSS[ft-$n]:+$(( ${RSS[ft-$n]} / 1024 ))} | | |"
    else
        say "| scoring $n, docs/s (wall, whole process) | $(rate "$size" "${WALL[tm-$n]}" 0) | (not run) | | |"
        say "| scoring $n, docs/s (wall, load excluded) | $tm | (not run) | | |"
    fi
done
say "| model load, s (wall) | ${WALL[tm-load]} | ${WALL[ft-load]} | $(ratio "${WALL[tm-load]}" "${WALL[ft-load]}")x | |"
if (( TRAINED )); then
say "| training a plain linear model (TopicModel.Bench train: featurizer + SdcaMaximumEntropy) on $TRAIN_NAME, s (wall) | $TM_TRAIN_S | $FT_TRAIN_S | $(ratio "$TM_TRAIN_S" "$FT_TRAIN_S")x | ≤ 0.25x |"
say "| held-out macro-F1 | $TM_F1 | $FT_F1 | $(awk -v a="$TM_F1" -v b="$FT_F1" 'BEGIN{printf "%+.4f", a - b}') | ≥ fastText |"
say "| held-out accuracy | $TM_ACC | $FT_ACC | $(awk -v a="$TM_ACC" -v b="$FT_ACC" 'BEGIN{printf "%+.4f", a - b}') | |"
fi
if [[ -n "$RSS_1M" ]]; then
    say "| peak RSS scoring 1m, MB | $((RSS_1M / 1024)) | | | ≤ 300 MB |"
fi
(( TRAINED )) && say "| peak RSS training, MB | $(( $(field "$OUT/tm-train.time" 4) / 1024 )) | $(( $(field "$OUT/ft-train.time" 4) / 1024 )) | | |"
say ""
say "per-stage profile of topicmodel scoring (TopicModel.Bench score-profile, shipped model, 20,000 of the 100k abstracts):"
while IFS= read -r line; do say "$line"; done < "$PROFILE"
say ""
(( TRAINED )) && say "training breakdown (topicmodel): $(grep '^training:' "$OUT/tm-train.txt" | sed 's/^training: //')"
say "fastText trained with -thread $FT_THREADS; best of $REPEATS interleaved runs per scoring figure; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
