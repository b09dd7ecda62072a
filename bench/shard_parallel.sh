#!/usr/bin/env bash
# Sharded scoring on one machine with GNU parallel, checked against a single run: scores a folder of inputs (the
# shared corpus' two JSONL files and the two seed digests, linked into bench/out/shards/inputs) once whole and once
# as SHARDS shards run JOBS at a time by `parallel`, concatenates the shard outputs (and rejects) in shard order and
# compares them byte for byte with the single run. Exit code 1 when they differ.
#
#   bash bench/shard_parallel.sh            # MODEL=models/topicmodel.zip SHARDS=4 JOBS=2 (TOPICMODEL=path: a built CLI)
# Needs GNU parallel (Debian package 'parallel'; .ci/install.sh installs it).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/bench/out/shards"
MODEL=${MODEL:-$ROOT/models/topicmodel.zip}
SHARDS=${SHARDS:-4}
JOBS=${JOBS:-2}
die() { echo "shard_parallel.sh: $*" >&2; exit 2; }

command -v parallel >/dev/null || die "GNU parallel is not installed (apt-get install parallel)"
[[ -f "$MODEL" ]] || die "$MODEL not found: run 'dotnet run --project src/TopicModel.Cli -c Release -- train' first, or set MODEL"
# shellcheck source=bench/find_corpus.sh
source "$ROOT/bench/find_corpus.sh"
corpus=$(find_corpus)
if [[ -n "${TOPICMODEL:-}" ]]; then
    TM=$TOPICMODEL   # an already built topicmodel executable
else
    dotnet build -c Release --nologo -v quiet "$ROOT/src/TopicModel.Cli" >/dev/null || die "CLI build failed"
    TM="$ROOT/src/TopicModel.Cli/bin/Release/net10.0/topicmodel"
fi

rm -rf "$OUT" && mkdir -p "$OUT/inputs" "$OUT/parts"
ln -s "$corpus"/*.jsonl "$ROOT"/data/digests/*.txt "$OUT/inputs/"

start=$(date +%s.%N)
"$TM" score -m "$MODEL" "$OUT/inputs" -o "$OUT/single.jsonl" --rejects "$OUT/single.rejects.jsonl" 2> "$OUT/single.log" || [[ $? == 1 ]]
single=$(echo "$(date +%s.%N) - $start" | bc)

# The command users run: shard {} of N, one output and one rejects file per shard.
start=$(date +%s.%N)
parallel --jobs "$JOBS" --halt now,fail=1 \
    "'$TM' score -m '$MODEL' '$OUT/inputs' --shard {}/$SHARDS -o '$OUT/parts/part-{}.jsonl' --rejects '$OUT/parts/part-{}.rejects.jsonl' 2> '$OUT/parts/part-{}.log' || [ \$? -eq 1 ]" \
    ::: $(seq 0 $((SHARDS - 1)))
sharded=$(echo "$(date +%s.%N) - $start" | bc)

for i in $(seq 0 $((SHARDS - 1))); do cat "$OUT/parts/part-$i.jsonl"; done > "$OUT/concatenated.jsonl"
for i in $(seq 0 $((SHARDS - 1))); do cat "$OUT/parts/part-$i.rejects.jsonl"; done > "$OUT/concatenated.rejects.jsonl"
printf 'single run: %s records in %.1f s; %s shards, %s at a time (GNU parallel): %.1f s; records per shard: %s\n' \
    "$(wc -l < "$OUT/single.jsonl")" "$single" "$SHARDS" "$JOBS" "$sharded" \
    "$(for i in $(seq 0 $((SHARDS - 1))); do wc -l < "$OUT/parts/part-$i.jsonl"; done | paste -sd' ')"
if cmp "$OUT/single.jsonl" "$OUT/concatenated.jsonl" && cmp "$OUT/single.rejects.jsonl" "$OUT/concatenated.rejects.jsonl"; then
    echo "identical: the shards' outputs and rejects, concatenated in shard order, are the single run's bytes ($(wc -c < "$OUT/single.jsonl") bytes)"
else
    echo "DIFFERENT: see $OUT"
    exit 1
fi
