"""Put tools/colab_first_cell.py in the first code cell of every chapter (inserted if missing),
tagged ``hide-input`` so that the website folds it away.

Run ``python tools/sync_colab_cell.py``; it prints the chapters it changed.
"""
import pathlib

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent
CELL = (ROOT / "tools" / "colab_first_cell.py").read_text(encoding="utf-8").rstrip("\n")
TAGS = {"hide-input"}  # the website folds the installer away; Jupyter and Colab show it

for path in sorted((ROOT / "chapters").glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    first = nb.cells[code[0]] if code else None
    if first is None or "google.colab" not in first.source:
        # no Colab cell yet: insert one before the first code cell (after the prose if none)
        first = nbformat.v4.new_code_cell(CELL)
        nb.cells.insert(code[0] if code else len(nb.cells), first)
    elif (first.source == CELL and not first.outputs and first.execution_count is None
          and TAGS <= set(first.metadata.get("tags", []))):
        continue
    first.source, first.outputs, first.execution_count = CELL, [], None
    first.metadata["tags"] = sorted(TAGS | set(first.metadata.get("tags", [])))
    nbformat.write(nb, path)
    print(f"updated {path.relative_to(ROOT)}")
