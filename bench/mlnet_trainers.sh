#!/usr/bin/env bash
# Our trainers beside ML.NET's (SdcaMaximumEntropy, LbfgsMaximumEntropy, NaiveBayes, OneVersusAll LinearSvm,
# FastTree vs LightGbm, OneVersusAll FastTree)
# with the same hyperparameters, on the AutoML search's features, folds and objective: dev objective and macro-F1,
# held-out macro-F1, fit time, and whether a second fit gives the same probabilities. Table in docs/benchmarks.md.
#
#   bash bench/mlnet_trainers.sh                 # every row, both feature settings (text, shipped)
#   TRAINERS=NaiveBayes,MLNet.NaiveBayes SETTINGS=shipped bash bench/mlnet_trainers.sh   # some rows (labels as printed, a trailing * matches a prefix)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/bench/out/mlnet_trainers.tsv}
mkdir -p "$(dirname "$OUT")"
cd "$ROOT"
dotnet run --project bench/TopicModel.Bench -c Release -- mlnet-trainers train.json "$OUT" "${TRAINERS:-}" "${SETTINGS:-}"
