"""The anchors of bench/lda_compare.sh: gensim LdaMulticore and scikit-learn's online LDA.

Both fit DIR/tokens.txt (one document per line, space-separated tokens, exported by
`TopicModel.Bench lda-export`, so every system sees the same documents and vocabulary), print
fit_seconds (building the bag-of-words input is not timed) and write each topic's top-10 terms, one topic
per line, to OUT; `TopicModel.Bench lda-npmi` scores all systems' files with one routine.

    /usr/bin/python3 bench/lda_compare.py gensim  DIR TOPICS WORKERS SEED OUT
    /usr/bin/python3 bench/lda_compare.py sklearn DIR TOPICS JOBS SEED OUT
    /usr/bin/python3 bench/lda_compare.py table DIR     # medians of DIR/runs.tsv and DIR/npmi.tsv as markdown

Needs the Debian packages python3-gensim and python3-sklearn (run with /usr/bin/python3).
"""
import os
import sys
import time


def read(dir_):
    with open(os.path.join(dir_, "tokens.txt"), encoding="utf-8") as f:
        docs = [line.split() for line in f if line.strip()]
    with open(os.path.join(dir_, "vocab.txt"), encoding="utf-8") as f:
        vocab = [line.rstrip("\n") for line in f if line.strip()]
    return docs, vocab


def write_topics(out, topics):
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for terms in topics:
            assert len(terms) == 10, terms
            f.write(" ".join(terms) + "\n")
    os.replace(tmp, out)


def fit_gensim(dir_, k, workers, seed, out):
    from gensim.corpora import Dictionary
    from gensim.models import LdaMulticore

    docs, vocab = read(dir_)
    # The exported vocabulary as-is (no filtering of gensim's own): ids in our order.
    dictionary = Dictionary([vocab])
    bow = [dictionary.doc2bow(d) for d in docs]
    start = time.perf_counter()
    # gensim's defaults otherwise: symmetric alpha 1/K, eta 1/K, chunksize 2000, iterations 50.
    model = LdaMulticore(corpus=bow, id2word=dictionary, num_topics=k, workers=workers, passes=10, random_state=seed)
    seconds = time.perf_counter() - start
    write_topics(out, [[w for w, _ in model.show_topic(t, topn=10)] for t in range(k)])
    print(f"fit_seconds={seconds:.2f} terms={len(dictionary)} passes=10 workers={workers}")


def fit_sklearn(dir_, k, jobs, seed, out):
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.decomposition import LatentDirichletAllocation

    docs, vocab = read(dir_)
    index = {w: i for i, w in enumerate(vocab)}
    rows, cols = [], []
    for d, doc in enumerate(docs):
        for w in doc:
            rows.append(d)
            cols.append(index[w])
    x = csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(docs), len(vocab)))
    x.sum_duplicates()
    start = time.perf_counter()
    # Defaults otherwise: priors 1/K, max_iter 10 passes, batch_size 128, learning_decay 0.7.
    model = LatentDirichletAllocation(n_components=k, learning_method="online", random_state=seed, n_jobs=jobs)
    model.fit(x)
    seconds = time.perf_counter() - start
    topics = [[vocab[i] for i in np.argsort(-row, kind="stable")[:10]] for row in model.components_]
    write_topics(out, topics)
    print(f"fit_seconds={seconds:.2f} terms={len(vocab)} max_iter={model.max_iter} n_jobs={jobs}")


def table(dir_):
    """Per topic count and system: median fit, wall and CPU seconds, peak RSS and NPMI, and the targets."""
    import statistics

    runs = {}
    with open(os.path.join(dir_, "runs.tsv"), encoding="utf-8") as f:
        for line in f:
            system, k, r, fit, wall, cpu, rss, load = line.rstrip("\n").split("\t")
            runs[(system, int(k), int(r))] = dict(fit=float(fit), wall=float(wall), cpu=float(cpu), rss=int(rss) / 1024, load=float(load))
    with open(os.path.join(dir_, "npmi.tsv"), encoding="utf-8") as f:
        for line in f:
            path, npmi, umass, _ = line.rstrip("\n").split("\t")
            name = os.path.basename(path)[: -len(".topics")]
            system, k, r = name.rsplit("-", 2)
            key = (system, int(k[1:]), int(r[1:]))
            if key in runs:
                runs[key]["npmi"] = float(npmi.split("=")[1])
                runs[key]["umass"] = float(umass.split("=")[1])
    heldout = os.path.join(dir_, "npmi-heldout.tsv")
    if os.path.exists(heldout):
        with open(heldout, encoding="utf-8") as f:
            for line in f:
                path, npmi, _, _ = line.rstrip("\n").split("\t")
                system, k, r = os.path.basename(path)[: -len(".topics")].rsplit("-", 2)
                key = (system, int(k[1:]), int(r[1:]))
                if key in runs:
                    runs[key]["heldout"] = float(npmi.split("=")[1])
    with open(os.path.join(dir_, "machine.txt"), encoding="utf-8") as f:
        print("".join("    " + line for line in f))
    names = {"ours": "ours (SparseLDA Gibbs)", "promoted": "ours + word promotion", "gensim": "gensim LdaMulticore", "sklearn": "scikit-learn online", "mlnet": "ML.NET LightLDA"}
    ours_systems = ("ours", "promoted")
    med = statistics.median
    print("| topics | system | runs | fit s (median) | fit s (min–max) | CPU s | peak RSS MB | NPMI (median) | NPMI (min–max) | NPMI held-out ref. (median) | UMass | load (1 min) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for k in sorted({key[1] for key in runs}):
        rows = {}
        for system in ("ours", "promoted", "mlnet", "gensim", "sklearn"):
            rs = [v for key, v in runs.items() if key[0] == system and key[1] == k]
            if not rs:
                continue
            fits = [v["fit"] for v in rs]
            npmis = [v["npmi"] for v in rs if "npmi" in v]
            held = [v["heldout"] for v in rs if "heldout" in v]
            rows[system] = dict(fit=med(fits), cpu=med([v["cpu"] for v in rs]), npmi=med(npmis) if npmis else float("nan"),
                                heldout=med(held) if held else float("nan"))
            print(f"| {k} | {names[system]} | {len(rs)} | {med(fits):.1f} | {min(fits):.1f}–{max(fits):.1f} | {med([v['cpu'] for v in rs]):.1f} "
                  f"| {med([v['rss'] for v in rs]):.0f} | {rows[system]['npmi']:.4f} | {min(npmis):.4f}–{max(npmis):.4f} | {rows[system]['heldout']:.4f} "
                  f"| {med([v['umass'] for v in rs if 'umass' in v]):.3f} | {min(v['load'] for v in rs):.1f}–{max(v['load'] for v in rs):.1f} |")
        anchors = {s: v for s, v in rows.items() if s not in ours_systems}
        for ours in (s for s in ours_systems if s in rows and anchors):
            fastest = min(anchors, key=lambda s: anchors[s]["fit"])
            best = max(anchors, key=lambda s: anchors[s]["npmi"])
            best_held = max(anchors, key=lambda s: anchors[s]["heldout"])
            ratio = rows[ours]["fit"] / anchors[fastest]["fit"]
            gap = rows[ours]["npmi"] - anchors[best]["npmi"]
            gap_held = rows[ours]["heldout"] - anchors[best_held]["heldout"]
            cheapest = min(anchors, key=lambda s: anchors[s]["cpu"])
            cpu_ratio = rows[ours]["cpu"] / anchors[cheapest]["cpu"]
            print(f"| {k} | **targets, {names[ours]}** | | {ours} / fastest anchor ({fastest}) = **{ratio:.2f}** (≤ 0.33: {'met' if ratio <= 1 / 3 else 'missed'}) | "
                  f"| {ours} / least-CPU anchor ({cheapest}) = {cpu_ratio:.2f} | | {ours} − best anchor ({best}) = **{gap:+.4f}** (≥ 0: {'met' if gap >= 0 else 'missed'}) "
                  f"| | held-out ref.: {gap_held:+.4f} ({best_held}) | | |")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "table":
        table(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) != 7 or sys.argv[1] not in ("gensim", "sklearn"):
        sys.exit(__doc__)
    system, dir_, k, par, seed, out = sys.argv[1:]
    (fit_gensim if system == "gensim" else fit_sklearn)(dir_, int(k), int(par), int(seed), out)
