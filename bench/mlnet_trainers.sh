#!/usr/bin/env bash
# Our trainers beside ML.NET's (SdcaMaximumEntropy, LbfgsMaximumEntropy, FastTree vs LightGbm, OneVersusAll FastTree)
# with the same hyperparameters, on the AutoML search's features, folds and objective: dev objective and macro-F1,
# held-out macro-F1, fit time, and whether a second fit gives the same probabilities. Table in docs/benchmarks.md.
#
#   bash bench/mlnet_trainers.sh                 # all pairs; TRAINERS=SdcaMaximumEntropy,MLNet.SdcaMaximumEntropy for some
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/bench/out/mlnet_trainers.tsv}
mkdir -p "$(dirname "$OUT")"
cd "$ROOT"
dotnet run --project bench/TopicModel.Bench -c Release -- mlnet-trainers train.json "$OUT" ${TRAINERS:+"$TRAINERS"}
