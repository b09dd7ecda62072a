#!/usr/bin/env bash
# Scores a directory of JSON Lines (or digests, CSV) with a trained bundle as a Slurm job array: task I of N runs
# `topicmodel score --shard I/N` and writes part-I.jsonl; the parts, concatenated in task order, are exactly the
# output one machine would write (`cat part-{0..N-1}.jsonl`, see README "Scoring on more than one machine").
#
#   sbatch --array=0-7 deploy/slurm-score.sh models/topicmodel.zip /data/arxiv /data/scored
#
# The array size is the shard count: keep --array=0-(N-1) and N below in step (SLURM_ARRAY_TASK_COUNT gives it).
#SBATCH --job-name=topicmodel-score
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=01:00:00
#SBATCH --output=topicmodel-score-%A_%a.log
set -euo pipefail

MODEL=$1 INPUTS=$2 OUT=$3
I=${SLURM_ARRAY_TASK_ID:?run with sbatch --array=0-(N-1)}
N=${SLURM_ARRAY_TASK_COUNT:?run with sbatch --array=0-(N-1)}
mkdir -p "$OUT"
# Batch scoring is a short-lived process: compiling every method fully at start-up costs less CPU than tiering up
# (docs/benchmarks.md, "Scoring speed").
export DOTNET_TieredCompilation=0
topicmodel score --model "$MODEL" "$INPUTS" --shard "$I/$N" --threads "${SLURM_CPUS_PER_TASK:-0}" \
    -o "$OUT/part-$I.jsonl" --rejects "$OUT/part-$I.rejects.jsonl"
