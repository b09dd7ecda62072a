# Sourced by bench scripts: prints the folder holding the shared corpora (arxiv-cs-listings.jsonl,
# hf-daily-papers-2025.jsonl). TOPICMODEL_CORPUS=DIR overrides; else ../shared/corpus beside the checkout
# (in a git worktree, beside the main checkout). Needs ROOT and a die function from the caller.
find_corpus() {
    if [[ -n "${TOPICMODEL_CORPUS:-}" ]]; then
        [[ -f "$TOPICMODEL_CORPUS/arxiv-cs-listings.jsonl" ]] || die "TOPICMODEL_CORPUS=$TOPICMODEL_CORPUS holds no arxiv-cs-listings.jsonl"
        echo "$TOPICMODEL_CORPUS"; return
    fi
    local candidates=("$ROOT/../shared/corpus")
    local common
    if common=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
        candidates+=("$(dirname "$common")/../shared/corpus")
    fi
    for c in "${candidates[@]}"; do
        if [[ -f "$c/arxiv-cs-listings.jsonl" ]]; then (cd "$c" && pwd); return; fi
    done
    die "corpus not found (looked in: ${candidates[*]}); set TOPICMODEL_CORPUS=DIR to the folder holding arxiv-cs-listings.jsonl"
}
