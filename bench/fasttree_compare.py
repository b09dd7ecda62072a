"""XGBoost side of bench/fasttree_compare.sh, and the shared macro-F1 evaluator.

  python3 bench/fasttree_compare.py xgb <dir> <trees> <leaves> <learningRate> <minLeaf> <threads> [objective]

objective: builtin (default) is XGBoost's multi:softprob: hessian 2p(1-p), every class starting at margin 0.5.
fasttree is FastTree's math through a custom objective: hessian p(1-p), each class starting at the log of
its training frequency (base_margin), so both libraries minimize the same thing with the same leaf formula.
hess2prior is the built-in hessian 2p(1-p) with FastTree's starting margins (isolates the prior).
  python3 bench/fasttree_compare.py score <dir> <predictionFile>
"""
import sys, time
import numpy as np


def read_svm(path, dim):
    labels, indptr, indices, values = [], [0], [], []
    for line in open(path):
        parts = line.split()
        labels.append(int(parts[0]))
        for p in parts[1:]:
            j, v = p.split(':')
            indices.append(int(j)); values.append(float(v))
        indptr.append(len(indices))
    import scipy.sparse as sp
    return sp.csr_matrix((np.array(values, dtype=np.float32), np.array(indices), np.array(indptr)), shape=(len(labels), dim)), np.array(labels)


def meta(d):
    lines = open(f'{d}/meta.txt').read().split('\n')
    return int(lines[0]), [c for c in lines[1:] if c]


def macro_f1(y, p):
    classes = sorted(set(y) | set(p))
    f1s = []
    for c in classes:
        tp = sum(1 for a, b in zip(y, p) if a == c and b == c)
        fp = sum(1 for a, b in zip(y, p) if a != c and b == c)
        fn = sum(1 for a, b in zip(y, p) if a == c and b != c)
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s)


if sys.argv[1] == 'xgb':
    import xgboost as xgb
    d, trees, leaves, lr, min_leaf, threads = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
    objective = sys.argv[8] if len(sys.argv) > 8 else 'builtin'
    dim, classes = meta(d)
    k = len(classes)
    xtr, ytr = read_svm(f'{d}/train.svm', dim)
    xte, yte = read_svm(f'{d}/test.svm', dim)
    # min_leaf has no XGBoost equivalent (min_child_weight bounds a hessian sum, not a count): 0 turns it off.
    params = {
        'num_class': k, 'tree_method': 'hist', 'grow_policy': 'lossguide',
        'max_leaves': leaves, 'max_depth': 0, 'eta': lr, 'max_bin': 255, 'lambda': 1.0, 'min_child_weight': 0,
        'nthread': threads, 'seed': 0,
    }
    obj = None
    if objective == 'builtin':
        params['objective'] = 'multi:softprob'
    else:
        factor = 1.0 if objective == 'fasttree' else 2.0
        params['disable_default_eval_metric'] = 1

        def obj(margins, dmatrix):
            z = margins.reshape(-1, k)
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            y = np.zeros_like(p)
            y[np.arange(len(p)), dmatrix.get_label().astype(int)] = 1
            return (p - y).reshape(-1), np.maximum(factor * p * (1 - p), 1e-6).reshape(-1)
    start, start_cpu = time.perf_counter(), time.process_time()
    dtrain = xgb.DMatrix(xtr, label=ytr, nthread=threads)
    dtest = xgb.DMatrix(xte, nthread=threads)
    if obj is not None:
        freq = np.bincount(ytr, minlength=k) / len(ytr)
        prior = np.log(np.maximum(freq, 1e-6)).astype(np.float32)
        dtrain.set_base_margin(np.tile(prior, xtr.shape[0]))
        dtest.set_base_margin(np.tile(prior, xte.shape[0]))
    booster = xgb.train(params, dtrain, num_boost_round=trees, obj=obj)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    pred = booster.predict(dtest, output_margin=obj is not None).reshape(xte.shape[0], k).argmax(axis=1)
    open(f'{d}/xgb-{objective}.pred', 'w').write('\n'.join(str(int(c)) for c in pred) + '\n')
    print(f'xgboost {xgb.__version__} {objective} fit_seconds={elapsed:.2f} fit_cpu_seconds={cpu:.2f}')
elif sys.argv[1] == 'score':
    d, pred_file = sys.argv[2], sys.argv[3]
    y = [int(l.split()[0]) for l in open(f'{d}/test.svm')]
    p = [int(l) for l in open(f'{d}/{pred_file}') if l.strip()]
    acc = sum(a == b for a, b in zip(y, p)) / len(y)
    print(f'macro_f1={macro_f1(y, p):.4f} accuracy={acc:.4f}')
elif sys.argv[1] == 'summary':
    # Medians over the runs of the last invocation (lines after the '# <stamp>' header) of bench/fasttree_compare.sh.
    import statistics
    lines = open(sys.argv[2]).read().split('\n')
    start = max(i for i, l in enumerate(lines) if l.startswith(f'# {sys.argv[3]}'))
    print(lines[start])
    runs = {}
    for l in lines[start + 1:]:
        if not l.strip() or l.startswith('#'):
            continue
        data, label, rep, secs, cpu, rss, f1, load = l.split('\t')
        runs.setdefault((data, label), []).append((float(secs), float(cpu), float(rss), f1, float(load)))
    med = lambda rs, i: statistics.median(r[i] for r in rs)
    print('| data | trainer | runs | fit wall time | fit CPU time | peak RSS | macro-F1 / accuracy | load avg at start |')
    print('|---|---|---:|---:|---:|---:|---|---:|')
    for (data, label), rs in runs.items():
        print(f'| {data} | {label} | {len(rs)} | {med(rs, 0):.1f} s | {med(rs, 1):.1f} s | {med(rs, 2):.0f} MB | {rs[0][3]} | {med(rs, 4):.1f} |')
    for data in sorted({d for d, _ in runs}):
        if (data, 'FastTree') in runs and (data, 'XGBoost') in runs:
            ft, xg = runs[(data, 'FastTree')], runs[(data, 'XGBoost')]
            for i, what in ((0, 'wall'), (1, 'CPU')):
                pairs = [a[i] / b[i] for a, b in zip(ft, xg)]
                print(f'{data}: FastTree/XGBoost fit {what} time, ratio of medians {med(ft, i) / med(xg, i):.3f}; per alternating pair '
                      + ', '.join(f'{p:.3f}' for p in pairs))
