"""Checks executed notebooks: nbformat-valid, no failed cell (printing the cell and the kernel's stderr, where the
C# compiler's diagnostics are, since nbconvert alone only says "compilation error"), at least one HTML table and
one Plotly chart each, and the same outputs, value by value, from the in-process runner and from Jupyter.

usage: python3 check_notebooks.py IN_PROCESS_DIR JUPYTER_DIR
       python3 check_notebooks.py --self-test IN_PROCESS_DIR JUPYTER_DIR
         (on real executed notebooks: the comparison must fail on an altered table value, chart value or printed
          line, naming the notebook, the cell and the value, and must not fail on new ids, timings or temp paths)

The comparison parses every output: text as text, HTML tables cell by cell, Plotly charts as their figure JSON (every
trace with all its values, the layout), any other HTML as its visible text and scripts. Only what VOLATILE and the
two rules after it list is ignored; everything else must be equal.
"""
import copy
import html.parser
import json
import os
import re
import sys

import nbformat

# What differs between two runs of the same notebook without meaning anything, each with the reason. Every text an
# output carries goes through these replacements before the runs are compared; nothing else is ignored.
VOLATILE = [
    (re.compile(r"\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b"), "<guid>",
     "a chart's div id is a new GUID per display (ours and Plotly.NET's)"),
    (re.compile(r"(?<=_)\d{18}\b"), "<ticks>",
     "the DataFrame formatter names a table's elements (table_, page_, ...) by the clock's ticks"),
    (re.compile(r"/tmp/[^\s\"'`<>),;]+"), "<temp>",
     "temp folders and files get random names"),
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|s|sec|seconds?)\b|\b\d+:\d\d:\d\d(?:\.\d+)?\b"), "<time>",
     "timings (training logs, elapsed times)"),
]
# Table columns that hold timings, blanked for the same reason (a bare number, so the patterns above cannot see it).
TIMING_COLUMNS = {"Seconds"}
# Outputs only one side has by design, left out before comparing.
def jupyter_front_end_only(output):
    """The Jupyter front end's bootstrap script, displayed in the first cell by the kernel tool for Jupyter only."""
    return "dotnet-interactive-this-cell" in text(output.get("data", {}).get("text/html"))


def text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def volatile_free(value):
    for pattern, replacement, _ in VOLATILE:
        value = pattern.sub(replacement, value)
    return value


class HtmlOutput(html.parser.HTMLParser):
    """An HTML output as values: its tables (rows of cell texts), the scripts, and the visible text outside tables."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.scripts, self.text = [], [], []
        self._row = self._cell = None
        self._in_script = self._in_style = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
            self.tables[-1].append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "script":
            self._in_script = True
            self.scripts.append("")
        elif tag == "style":
            self._in_style = True

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr":
            self._row = None
        elif tag == "script":
            self._in_script = False
        elif tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        elif self._in_style:
            pass  # the DataFrame formatter's stylesheet: presentation, the same text each time
        elif self._cell is not None:
            self._cell.append(data)
        elif data.strip():
            self.text.append(data.strip())


def table_values(rows):
    """A table as its header and its rows, each row by column name, with timing columns blanked."""
    if not rows:
        return rows
    header = rows[0]
    if len(set(header)) != len(header):
        return [[volatile_free(cell) for cell in row] for row in rows]

    def cell(name, value):
        return "<time>" if name in TIMING_COLUMNS else volatile_free(value)
    return {"columns": header, "rows": [{name: cell(name, value) for name, value in zip(header, row)} for row in rows[1:]]}


def script_values(script):
    """A script as what it draws: a chart's figure (every trace and the layout), plotly.js by version, else its text."""
    figure = re.search(r"var figure = (\{.*\});\n", script)
    if figure:  # ours (TopicModel.Interactive)
        chart = json.loads(figure.group(1))
        config = re.search(r"var config = (\{.*\});\n", script)
        chart["config"] = json.loads(config.group(1)) if config else None
        return {"chart": chart}
    data = re.search(r"var data = (\[.*\]);\s*var layout = (\{.*\});\s*var config = (\{.*\});", script)
    if data:  # Plotly.NET's own template (Plotly.NET.Interactive's formatter)
        return {"chart": {"data": json.loads(data.group(1)), "layout": json.loads(data.group(2)), "config": json.loads(data.group(3))}}
    version = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", script)
    if version:
        return {"plotly.js": version.group(1)}
    return {"script": volatile_free(script.strip())}


def output_values(output):
    """One output as the values it shows, with only the VOLATILE parts replaced."""
    kind = output["output_type"]
    if kind == "stream":
        return {"stream": output["name"], "text": volatile_free(text(output.get("text")))}
    if kind == "error":
        return {"error": output.get("ename"), "value": volatile_free(output.get("evalue") or "")}
    values = {"output": kind}
    for mime, value in sorted(output.get("data", {}).items()):
        if mime == "text/html":
            parsed = HtmlOutput()
            parsed.feed(text(value))
            parsed.close()
            values[mime] = {"tables": [table_values(t) for t in parsed.tables],
                            "scripts": [script_values(s) for s in parsed.scripts],
                            "text": [volatile_free(t) for t in parsed.text]}
        elif isinstance(value, (dict, list)) and mime.endswith("json"):
            values[mime] = json.loads(volatile_free(json.dumps(value)))
        else:
            values[mime] = volatile_free(text(value))
    return values


def cell_values(cell):
    return [output_values(o) for o in cell.outputs if not jupyter_front_end_only(o)]


def first_difference(a, b, path=""):
    """The path to the first value that differs between a and b, with both values; None when they are equal."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a or key not in b:
                return f"{path}.{key}", a.get(key, "<missing>"), b.get(key, "<missing>")
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        if len(a) != len(b):
            return f"{path} (length {len(a)} vs {len(b)})", a[len(b)] if len(a) > len(b) else "<none>", b[len(a)] if len(b) > len(a) else "<none>"
        return None
    if isinstance(a, str) and isinstance(b, str) and a != b and "\n" in a + b:
        for line, (x, y) in enumerate(zip(a.split("\n"), b.split("\n")), start=1):
            if x != y:
                return f"{path} line {line}", x, y
        return f"{path} (line count)", a, b
    return None if a == b else (path, a, b)


def short(value, limit=300):
    value = value if isinstance(value, str) else json.dumps(value)
    return value if len(value) <= limit else value[:limit] + " ..."


def compare(name, ours, theirs):
    """Every code cell's outputs, by value: the first difference per cell, naming the notebook, cell and value."""
    problems = []
    if len(ours.cells) != len(theirs.cells):
        return [f"{name}: {len(ours.cells)} cells in-process, {len(theirs.cells)} in Jupyter"]
    for index, (a, b) in enumerate(zip(ours.cells, theirs.cells), start=1):
        if a.cell_type != "code":
            continue
        found = first_difference(cell_values(a), cell_values(b), "outputs")
        if found:
            where, x, y = found
            problems.append(f"{name}: cell {index} (id {a.get('id')}): the in-process runner and Jupyter differ at {where}:\n"
                            f"  in-process: {short(x)}\n  jupyter:    {short(y)}")
    return problems


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
            html_text = text(output.get("data", {}).get("text/html"))
            tables += "<table" in html_text
            charts += html_text.count("Plotly chart will be drawn inside this DIV")
    if tables == 0:
        problems.append(f"{path}: no HTML table output")
    if charts == 0:
        problems.append(f"{path}: no Plotly chart output")
    return nb, problems, tables, charts


def pairs(in_process, jupyter):
    names = sorted(n for n in os.listdir(in_process) if n.endswith(".ipynb"))
    return names, [(n, os.path.join(in_process, n), os.path.join(jupyter, n)) for n in names]


def main(in_process, jupyter):
    problems = []
    names, notebooks = pairs(in_process, jupyter)
    if not names:
        problems.append(f"{in_process}: no executed notebooks")
    for name, ours_path, theirs_path in notebooks:
        if not os.path.exists(theirs_path):
            problems.append(f"{theirs_path}: missing (Jupyter did not write it)")
            continue
        ours, p1, tables, charts = check(ours_path)
        theirs, p2, _, _ = check(theirs_path)
        problems += p1 + p2
        print(f"{name}: {tables} tables, {charts} charts")
        problems += compare(name, ours, theirs)
    for p in problems:
        print("error:", p, file=sys.stderr)
    if not problems:
        print(f"{len(names)} notebooks: the in-process and Jupyter outputs are equal (ignoring only: "
              + "; ".join(reason for _, _, reason in VOLATILE) + f"; the {', '.join(sorted(TIMING_COLUMNS))} column)")
    return 1 if problems else 0


# ---- self-test on real executed notebooks

def mutate_first(nb, predicate, change):
    """Applies change to the first output (in cell order) for which predicate holds; the cell's index, or None."""
    for index, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if predicate(output) and change(output):
                return index
    return None


def html_of(output):
    return text(output.get("data", {}).get("text/html"))


def set_html(output, value):
    output["data"]["text/html"] = value
    return True


def alter_table_value(output):
    """Adds 1 to the first digit of the last row's first number outside a timing column (0.7472 -> 1.7472)."""
    value = html_of(output)
    header = re.search(r"<thead>(.*?)</thead>", value)
    rows = list(re.finditer(r"<tr[^>]*>((?:<td>.*?</td>)+)</tr>", value))
    if not header or not rows:
        return False
    names = re.findall(r"<th>(.*?)</th>", header.group(1))
    row = rows[-1]
    offset = row.start(1)
    for column, cell in enumerate(re.finditer(r"<td>.*?</td>(?=<td>|$)", row.group(1))):
        number = re.match(r"<td><div class=\"dni-plaintext\"><pre>-?(\d)", cell.group(0))
        if column < len(names) and names[column] not in TIMING_COLUMNS and number:
            at = offset + cell.start() + number.start(1)
            return set_html(output, value[:at] + str((int(value[at]) + 1) % 10) + value[at + 1:])
    return False


def alter_chart_value(output):
    """Changes one value inside the first trace's values (a digit inside "y" or "z")."""
    value = html_of(output)
    m = re.search(r"\"(?:y|z)\":\[+[^\d\]]*(\d)", value)
    if "var figure" not in value and "var data" not in value or not m:
        return False
    return set_html(output, value[:m.start(1)] + str((int(m.group(1)) + 1) % 10) + value[m.end(1):])


def alter_stream_word(output):
    if output["output_type"] != "stream" or not text(output.get("text")).strip():
        return False
    output["text"] = text(output["text"]).replace(" ", "  ", 1)
    return True


def change_volatile_tokens(nb):
    """New GUIDs and table ticks, another temp folder, other timings: what a rerun changes and nothing else."""
    def rewrite(value):
        value = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "00000000-1111-2222-3333-444444444444", value)
        value = re.sub(r"(?<=_)\d{18}\b", "638000000000000000", value)
        value = re.sub(r"/tmp/[A-Za-z0-9._-]+", "/tmp/another-temp-name", value)
        return re.sub(r"\b\d+(\.\d+)? s\b", "99.9 s", value)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = rewrite(text(output["text"]))
            for mime, value in output.get("data", {}).items():
                if isinstance(value, (str, list)):
                    output["data"][mime] = alter_seconds_column(rewrite(text(value)))


def alter_seconds_column(value):
    """Another time in every cell of a table's Seconds column (a leaderboard's trial times)."""
    header = re.search(r"<thead>(.*?)</thead>", value)
    names = re.findall(r"<th>(.*?)</th>", header.group(1)) if header else []
    if "Seconds" not in names:
        return value
    column = names.index("Seconds")

    def row(m):
        cells = re.findall(r"<td>.*?</td>(?=<td>|</tr>)", m.group(0))
        if len(cells) > column:
            cells[column] = re.sub(r"<pre>[\d.]+</pre>", "<pre>123.45</pre>", cells[column])
        return "<tr>" + "".join(cells) + "</tr>"
    return re.sub(r"<tr>(?:<td>.*?</td>)+</tr>", row, value)


def self_test(in_process, jupyter):
    failures = []
    names, notebooks = pairs(in_process, jupyter)
    tried = {"table": 0, "chart": 0, "stream": 0}
    mutations = [("table", lambda o: "<table" in html_of(o), alter_table_value),
                 ("chart", lambda o: "Plotly chart will be drawn" in html_of(o), alter_chart_value),
                 ("stream", lambda o: o["output_type"] == "stream", alter_stream_word)]
    for name, ours_path, theirs_path in notebooks:
        ours = nbformat.read(ours_path, as_version=4)
        theirs = nbformat.read(theirs_path, as_version=4)
        if compare(name, ours, theirs):
            failures.append(f"{name}: the runs differ before any change; run the check first")
            continue
        rerun = copy.deepcopy(theirs)
        change_volatile_tokens(rerun)
        if compare(name, ours, rerun):
            failures.append(f"{name}: new ids, ticks, temp paths and timings alone made the comparison fail: "
                            f"{compare(name, ours, rerun)[0]}")
        for kind, predicate, change in mutations:
            altered = copy.deepcopy(theirs)
            cell = mutate_first(altered, predicate, change)
            if cell is None:
                continue
            tried[kind] += 1
            problems = compare(name, ours, altered)
            expected = f"{name}: cell {cell} "
            if not problems or not problems[0].startswith(expected):
                failures.append(f"{name}: an altered {kind} value in cell {cell} was not reported as {expected!r}: {problems}")
            else:
                print(f"self-test: {kind} value altered, reported as: " + " | ".join(line.strip() for line in problems[0].splitlines()))
    for kind, count in tried.items():
        if count == 0:
            failures.append(f"self-test: no notebook had a {kind} output to alter")
    for f in failures:
        print("error:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1] == "--self-test":
        sys.exit(self_test(sys.argv[2], sys.argv[3]))
    sys.exit(main(sys.argv[1], sys.argv[2]))
