#!/usr/bin/env bash
# Scoring under load: the same records scored on all cores and on one thread must give byte-identical
# output, and peak memory must not grow with the input (constant-memory streaming). Scores SIZES records
# (default 100k and 1M, made by repeating data/corpus with new ids) with a bundle trained on the repo's
# recipe cut to 3 trials, and prints records, threads, seconds, records/s and peak RSS per run.
#
#   bench/score_load.sh                    # 100k and 1M, all cores and 1 thread
#   SIZES="200000" bench/score_load.sh     # one size
#   MODEL=models/topicmodel.zip bench/score_load.sh   # use an existing bundle instead of training one
#
# Outputs go to bench/out/load/ (git-ignored). Exit code 1 when outputs differ or peak memory at the
# largest size exceeds MEMORY_GROWTH (default 1.5) times the smallest size's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/bench/out/load"
SIZES=${SIZES:-"100000 1000000"}
MEMORY_GROWTH=${MEMORY_GROWTH:-1.5}
mkdir -p "$OUT"

log() { echo "== $*" >&2; }

log "building the CLI (Release)"
dotnet build "$ROOT/src/TopicModel.Cli" -c Release -v quiet -nologo >/dev/null
CLI=(dotnet "$ROOT/src/TopicModel.Cli/bin/Release/net10.0/topicmodel.dll")

MODEL=${MODEL:-}
if [[ -z "$MODEL" ]]; then
    MODEL="$OUT/models/load.zip"
    if [[ ! -f "$MODEL" ]]; then
        log "training a 3-trial bundle into $OUT/models"
        python3 - "$ROOT" "$OUT" <<'PY'
import json, re, sys
root, out = sys.argv[1], sys.argv[2]
recipe = json.loads(re.sub(r'^\s*//.*$', '', open(f"{root}/train.json").read(), flags=re.M))
recipe.pop("$schema", None)
recipe["taxonomy"] = f"{root}/{recipe.get('taxonomy', 'data/taxonomy.json')}"
for key in ("train", "heldOut", "unlabeled", "reviewedLabels"):
    if key in recipe["data"]:
        recipe["data"][key] = [f"{root}/{p}" for p in recipe["data"][key]]
recipe["data"]["prepared"] = f"{out}/prepared"
recipe["output"] = {"models": f"{out}/models", "name": "load", "reports": f"{out}/reports"}
recipe["automl"] = {"maxTrials": 3, "folds": 5}
json.dump(recipe, open(f"{out}/train.json", "w"), indent=1)
PY
        "${CLI[@]}" train --recipe "$OUT/train.json" >/dev/null
    fi
fi

# Records: the corpus lines repeated, each with a new id, so output lines can be told apart.
CORPUS="$ROOT/data/corpus/hf-daily-papers-2025.jsonl"
make_input() {
    local n=$1 file="$OUT/input-$1.jsonl"
    if [[ ! -f "$file" ]]; then
        log "generating $n records"
        # Whole copies of the corpus with the copy number prefixed to each id, then the first lines of one
        # more: sed per copy writes 1M records in seconds (a per-record awk loop took half an hour).
        local count copies rest k
        count=$(wc -l < "$CORPUS")
        copies=$((n / count)) rest=$((n % count))
        for ((k = 0; k < copies; k++)); do sed "s/\"id\": \"/\"id\": \"$k-/" "$CORPUS"; done > "$file"
        (( rest > 0 )) && sed -n "1,${rest}{s/\"id\": \"/\"id\": \"$copies-/;p}" "$CORPUS" >> "$file"
    fi
    echo "$file"
}

printf '%-10s %-8s %9s %12s %14s\n' records threads seconds "records/s" "peak RSS MiB" | tee "$OUT/summary.txt"
status=0
first_rss=""
last_rss=""
for n in $SIZES; do
    input=$(make_input "$n")
    for threads in 0 1; do
        out="$OUT/scored-$n-t$threads.jsonl"
        start=$(date +%s.%N)
        /usr/bin/time -f '%M' -o "$OUT/time.txt" "${CLI[@]}" score -m "$MODEL" "$input" -o "$out" --threads "$threads" 2>/dev/null
        end=$(date +%s.%N)
        rss_kb=$(tail -1 "$OUT/time.txt")
        seconds=$(echo "$end - $start" | bc)
        printf '%-10s %-8s %9.1f %12.0f %14.0f\n' "$n" "$([[ $threads == 0 ]] && echo "all($(nproc))" || echo 1)" "$seconds" \
            "$(echo "$n / $seconds" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" | tee -a "$OUT/summary.txt"
        if [[ $threads == 0 ]]; then
            [[ -z "$first_rss" ]] && first_rss=$rss_kb
            last_rss=$rss_kb
        fi
    done
    if cmp -s "$OUT/scored-$n-t0.jsonl" "$OUT/scored-$n-t1.jsonl"; then
        echo "$n records: all cores and one thread wrote identical output ($(wc -l < "$OUT/scored-$n-t0.jsonl") lines)" | tee -a "$OUT/summary.txt"
    else
        echo "$n records: OUTPUTS DIFFER between all cores and one thread" | tee -a "$OUT/summary.txt"
        status=1
    fi
    rm -f "$OUT/scored-$n-t1.jsonl"
done
growth=$(echo "$last_rss / $first_rss" | bc -l)
printf 'peak RSS, largest vs smallest input (all cores): %.2fx (limit %s)\n' "$growth" "$MEMORY_GROWTH" | tee -a "$OUT/summary.txt"
if (( $(echo "$growth > $MEMORY_GROWTH" | bc -l) )); then status=1; fi
exit $status
