#!/usr/bin/env bash
# Issue 6's benchmark: our LDA (LatentDirichletAllocation, SparseLDA Gibbs, AD-LDA threads) against gensim
# LdaMulticore (workers = cores, passes 10), scikit-learn LatentDirichletAllocation (learning_method='online') and
# ML.NET's LatentDirichletAllocation (LightLDA, issue 19: fed the same token ids as count vectors, AlphaSum 5 and
# Beta 0.01 as ours, the same sweeps and threads) on ../shared/corpus/arxiv-cs-listings.jsonl (22k abstracts, read
# in place, never copied into the repo).
#
#   bash bench/lda_compare.sh                    # 12 and 50 topics, 3 repeats, all systems
#   REPEATS=1 TOPICS=12 SYSTEMS="ours gensim" bash bench/lda_compare.sh
#   SYSTEMS="ours mlnet" bash bench/lda_compare.sh   # ours against ML.NET's only (no Python needed)
#
# Same documents for everyone: `TopicModel.Bench lda-export` tokenizes title + abstract with our LDA tokenizer
# and prunes with one set of vocabulary rules (English stop words, numbers dropped, tokens of 2+ characters, in
# >= 5 and <= 50% of documents) into bench/out/lda/tokens.txt; every system fits exactly those token lists.
# Per run: fit time (printed by the system; building its input is not timed), wall time, CPU time (user + sys,
# children included) and peak memory (max RSS) from /usr/bin/time -v, and each topic's top-10 terms in a file.
# One scorer (`TopicModel.Bench lda-npmi`, our TopicCoherence) computes NPMI of every system's top-10 terms over
# the same reference corpus (tokens.txt, boolean document co-occurrence). Systems alternate within each repeat
# (the order rotates) so machine load hits all of them alike; repeat r uses seed SEED_BASE + r (41 + r by default); the table shows
# medians and the load average. Max RSS is that of the largest single process (for gensim and scikit-learn,
# whose worker processes are children, not the sum of them).
#
# Needs: the .NET 10 SDK, /usr/bin/time, and the Debian packages python3-gensim and python3-sklearn, run with
# /usr/bin/python3 (installed here when missing: apt-get install -y python3-gensim python3-sklearn).
# Environment: TOPICMODEL_CORPUS (default ../shared/corpus beside the main checkout), TOPICS ("12 50"), REPEATS (3),
# SYSTEMS ("ours promoted mlnet gensim sklearn"; "promoted" is our LDA with word promotion, WordPromotionWeight = PROMOTION,
# default 0.05), SEED_BASE (41: repeat r uses seed SEED_BASE + r), ITERATIONS (our Gibbs sweeps, default the library's 200), THREADS (nproc: our
# threads and gensim's workers), SKLEARN_JOBS (1, scikit-learn's default n_jobs: with n_jobs=2 a trial fit took
# 682 s against 306 s, joblib's per-minibatch dispatch costing more than it saves on 2 cores).
# Outputs: bench/out/lda/ (git-ignored), the table in bench/out/lda/summary.md. NPMI is scored twice: over the
# fitted corpus (the protocol of the issue) and over held-out papers (data/corpus/hf-daily-papers-2025.jsonl less
# the papers also in the arXiv listings).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/bench/out/lda"
TOPICS=${TOPICS:-"12 50"}
REPEATS=${REPEATS:-3}
SYSTEMS=${SYSTEMS:-"ours promoted mlnet gensim sklearn"}
PROMOTION=${PROMOTION:-0.05}
SEED_BASE=${SEED_BASE:-41}
ITERATIONS=${ITERATIONS:-200}
THREADS=${THREADS:-$(nproc)}
SKLEARN_JOBS=${SKLEARN_JOBS:-1}
PY=/usr/bin/python3

die() { echo "lda_compare.sh: $*" >&2; exit 2; }
log() { echo "== $*" >&2; }

source "$ROOT/bench/find_corpus.sh"
CORPUS=$(find_corpus)
[[ -s "$CORPUS/arxiv-cs-listings.jsonl" ]] || die "$CORPUS/arxiv-cs-listings.jsonl is missing or empty"
command -v dotnet >/dev/null || die "dotnet (the .NET 10 SDK) is not on PATH"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (Debian package 'time'); it measures peak memory"
if [[ " $SYSTEMS " =~ \ (gensim|sklearn)\  ]] && ! $PY -c "import gensim, sklearn" 2>/dev/null; then
    log "installing python3-gensim and python3-sklearn (Debian)"
    SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
    $SUDO apt-get install -y python3-gensim python3-sklearn >/dev/null \
        || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y python3-gensim python3-sklearn >/dev/null; } \
        || die "could not install python3-gensim / python3-sklearn"
fi
mkdir -p "$OUT"

log "building (Release)"
dotnet build -c Release --nologo -v quiet "$ROOT/bench/TopicModel.Bench" >/dev/null || die "bench build failed"
BENCH=(dotnet "$ROOT/bench/TopicModel.Bench/bin/Release/net10.0/TopicModel.Bench.dll")

STAMP="$(stat -c '%s %Y' "$CORPUS/arxiv-cs-listings.jsonl") $(git -C "$ROOT" log -1 --format=%H -- src/TopicModel.ML/Lda src/TopicModel.ML/Text bench/TopicModel.Bench/LdaCompare.cs 2>/dev/null || true)"
if [[ ! -s "$OUT/tokens.txt" || ! -f "$OUT/export.stamp" || "$(cat "$OUT/export.stamp")" != "$STAMP" ]]; then
    log "exporting the tokenized, pruned corpus to $OUT/tokens.txt"
    "${BENCH[@]}" lda-export "$CORPUS/arxiv-cs-listings.jsonl" "$OUT" | tee "$OUT/export.txt" >&2
    echo "$STAMP" > "$OUT/export.stamp"
fi

# One run: fit, time it, keep its topics. Appends "system k repeat fit wall cpu rss_kb load1" to runs.tsv.
run() {
    local system=$1 k=$2 r=$3 seed=$((SEED_BASE + $3))
    local base="$OUT/$system-k$k-r$r" load
    load=$(cut -d' ' -f1 /proc/loadavg)
    case $system in
        ours)    /usr/bin/time -v -o "$base.time" "${BENCH[@]}" lda-fit "$OUT" "$k" "$THREADS" "$ITERATIONS" "$seed" "$base.topics" > "$base.out" ;;
        promoted) /usr/bin/time -v -o "$base.time" "${BENCH[@]}" lda-fit "$OUT" "$k" "$THREADS" "$ITERATIONS" "$seed" "$base.topics" "{\"promotion\":$PROMOTION}" > "$base.out" ;;
        mlnet)   /usr/bin/time -v -o "$base.time" "${BENCH[@]}" lda-fit-mlnet "$OUT" "$k" "$THREADS" "$ITERATIONS" "$seed" "$base.topics" > "$base.out" ;;
        gensim)  /usr/bin/time -v -o "$base.time" $PY "$ROOT/bench/lda_compare.py" gensim "$OUT" "$k" "$THREADS" "$seed" "$base.topics" > "$base.out" ;;
        sklearn) /usr/bin/time -v -o "$base.time" $PY "$ROOT/bench/lda_compare.py" sklearn "$OUT" "$k" "$SKLEARN_JOBS" "$seed" "$base.topics" > "$base.out" ;;
        *) die "unknown system $system" ;;
    esac
    local fit wall cpu rss
    fit=$(grep -o 'fit_seconds=[0-9.]*' "$base.out" | cut -d= -f2)
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$base.time")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$base.time")
    rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$base.time")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$system" "$k" "$r" "$fit" "$wall" "$cpu" "$rss" "$load" >> "$OUT/runs.tsv"
    log "$system k=$k repeat $r: fit ${fit}s wall ${wall}s cpu ${cpu}s rss $((rss / 1024))MB (load $load)"
}

{
    echo "# LDA comparison, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
    echo "dotnet $(dotnet --version), ML.NET $(grep -o 'Include="Microsoft.ML" Version="[^"]*"' "$ROOT/Directory.Packages.props" | cut -d'"' -f4); $($PY -c 'import gensim, sklearn, numpy; print(f"gensim {gensim.__version__}, scikit-learn {sklearn.__version__}, numpy {numpy.__version__}")' 2>/dev/null || echo "gensim/scikit-learn not installed")"
    echo "corpus: $(cat "$OUT/export.txt")"
    echo "settings: topics {$TOPICS}, repeats $REPEATS, our threads and gensim workers $THREADS, scikit-learn n_jobs $SKLEARN_JOBS, our sweeps $ITERATIONS, seeds $((SEED_BASE + 1))..$((SEED_BASE + REPEATS)), word promotion (\"promoted\") $PROMOTION"
    echo "load at start: $(uptime | sed 's/.*load average/load average/')"
} > "$OUT/machine.txt"
: > "$OUT/runs.tsv"
read -r -a systems <<< "$SYSTEMS"
for r in $(seq 1 "$REPEATS"); do
    for k in $TOPICS; do
        # Rotate the order per repeat and topic count, so no system always runs first (or last) in a burst of load.
        n=${#systems[@]}
        for i in $(seq 0 $((n - 1))); do
            run "${systems[$(( (i + r + k) % n ))]}" "$k" "$r"
        done
    done
done
echo "load at end: $(uptime | sed 's/.*load average/load average/')" >> "$OUT/machine.txt"

log "scoring every system's topics with one NPMI routine"
"${BENCH[@]}" lda-npmi "$OUT" "$OUT"/*-k*-r*.topics > "$OUT/npmi.tsv"
# The same routine over papers no system saw: the 2025 Hugging Face daily papers in data/corpus, less those also in
# the arXiv listings. Word promotion picks related words from the fitted corpus's co-occurrences, so its NPMI over
# that same corpus could flatter it; a gain that holds on other papers is a property of the topics.
"${BENCH[@]}" lda-export-reference "$ROOT/data/corpus/hf-daily-papers-2025.jsonl" "$CORPUS/arxiv-cs-listings.jsonl" "$OUT/reference" >&2
"${BENCH[@]}" lda-npmi "$OUT/reference" "$OUT"/*-k*-r*.topics > "$OUT/npmi-heldout.tsv"
$PY "$ROOT/bench/lda_compare.py" table "$OUT" | tee "$OUT/summary.md"
