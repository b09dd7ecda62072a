"""Checks executed notebooks: nbformat-valid, no failed cell (printing the cell and the kernel's stderr, where the
C# compiler's diagnostics are, since nbconvert alone only says "compilation error"), at least one HTML table and
one Plotly chart each, and the same outputs from the in-process runner and from Jupyter.

usage: python3 check_notebooks.py IN_PROCESS_DIR JUPYTER_DIR
"""
import os
import re
import sys

import nbformat

JUPYTER_ONLY = ("dotnet-interactive-this-cell",)  # the Jupyter front end's bootstrap script, first cell only


def text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def signature(output):
    """What an output shows, without ids, timings or paths: its kind, mime types, table headers, chart trace types."""
    kind = output["output_type"]
    if kind == "stream":
        return (kind, output["name"])
    if kind == "error":
        return (kind,)
    data = output.get("data", {})
    html = text(data.get("text/html"))
    plain = text(data.get("text/plain"))
    if any(marker in html for marker in JUPYTER_ONLY) or plain.startswith("Loading extensions from"):
        return None
    headers = tuple(re.findall(r"<th>(.*?)</th>", html))
    traces = tuple(re.findall(r'"type":"(\w+)"', html))
    return (kind, tuple(sorted(data)), headers, traces)


def check(path):
    problems = []
    nb = nbformat.read(path, as_version=4)
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as e:
        problems.append(f"{path}: not valid nbformat: {e.message}")
    tables = charts = 0
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        if not cell.get("id"):
            problems.append(f"{path}: cell {index} has no id")
        stderr = "".join(text(o.get("text")) for o in cell.outputs if o["output_type"] == "stream" and o["name"] == "stderr")
        for output in cell.outputs:
            if output["output_type"] == "error":
                source = cell.source if len(cell.source) < 600 else cell.source[:600] + " ..."
                problems.append(f"{path}: cell {index} (id {cell.get('id')}) failed: {output.get('ename')}: {output.get('evalue')}\n"
                                f"--- stderr ---\n{stderr.strip()}\n--- cell ---\n{source}")
            html = text(output.get("data", {}).get("text/html"))
            tables += "<table" in html
            charts += "renderPlotly" in html
    if tables == 0:
        problems.append(f"{path}: no HTML table output")
    if charts == 0:
        problems.append(f"{path}: no Plotly chart output")
    return nb, problems, tables, charts


def main(in_process, jupyter):
    problems = []
    names = sorted(n for n in os.listdir(in_process) if n.endswith(".ipynb"))
    if not names:
        problems.append(f"{in_process}: no executed notebooks")
    for name in names:
        ours, p1, tables, charts = check(os.path.join(in_process, name))
        theirs, p2, _, _ = check(os.path.join(jupyter, name))
        problems += p1 + p2
        print(f"{name}: {tables} tables, {charts} charts")
        for index, (a, b) in enumerate(zip(ours.cells, theirs.cells), start=1):
            if a.cell_type != "code":
                continue
            sa = [s for s in map(signature, a.outputs) if s]
            sb = [s for s in map(signature, b.outputs) if s]
            if sa != sb:
                problems.append(f"{name}: cell {index}: the in-process runner and Jupyter differ:\n  in-process: {sa}\n  jupyter:    {sb}")
    for p in problems:
        print("error:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
