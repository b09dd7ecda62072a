#!/usr/bin/env bash
# Fold-in (topic mixture of a new paper) accuracy against cost: for each sweep count, the mean L1 distance of the
# mixtures to a 1,000-sweep reference, the share of papers with the same top topic, and µs per paper of
# LdaModel.InferText on one thread (third of three passes). Uses a bundle with an LDA model (default: the one
# `topicmodel run` writes) and the first PAPERS arXiv listings (../shared/corpus, read in place).
#
#   bash bench/lda_infer.sh     # BUNDLE=models/topicmodel.zip PAPERS=2000 SWEEPS="gibbs:10 gibbs:20 gibbs:40 cvb0:5 cvb0:10 cvb0:20 cvb0:50"
# (method:iteration cap; under cvb0 the cap is reached only when the fixed point is not)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUNDLE=${BUNDLE:-$ROOT/models/topicmodel.zip}
PAPERS=${PAPERS:-2000}
SWEEPS=${SWEEPS:-gibbs:10 gibbs:20 gibbs:40 cvb0:5 cvb0:10 cvb0:20 cvb0:50}
die() { echo "lda_infer.sh: $*" >&2; exit 2; }

[[ -f "$BUNDLE" ]] || die "$BUNDLE not found: run 'dotnet run --project src/TopicModel.Cli -c Release -- run' first, or set BUNDLE"
# shellcheck source=bench/find_corpus.sh
source "$ROOT/bench/find_corpus.sh"
corpus=$(find_corpus)

dotnet build -c Release --nologo -v quiet "$ROOT/bench/TopicModel.Bench" >/dev/null || die "bench build failed"
echo "load: $(uptime | sed 's/.*load average/load average/')"
# shellcheck disable=SC2086
dotnet "$ROOT/bench/TopicModel.Bench/bin/Release/net10.0/TopicModel.Bench.dll" lda-infer "$BUNDLE" "$corpus/arxiv-cs-listings.jsonl" "$PAPERS" $SWEEPS
