"""Put tools/colab_first_cell.py in the first code cell of every chapter (inserted if missing).

Run ``python tools/sync_colab_cell.py``; it prints the chapters it changed.
"""
import pathlib

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent
CELL = (ROOT / "tools" / "colab_first_cell.py").read_text(encoding="utf-8").rstrip("\n")

for path in sorted((ROOT / "chapters").glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    first = nb.cells[code[0]] if code else None
    if first is None or "google.colab" not in first.source:
        # no Colab cell yet: insert one before the first code cell (after the prose if none)
        nb.cells.insert(code[0] if code else len(nb.cells), nbformat.v4.new_code_cell(CELL))
    elif first.source != CELL or first.outputs or first.execution_count is not None:
        first.source, first.outputs, first.execution_count = CELL, [], None
    else:
        continue
    nbformat.write(nb, path)
    print(f"updated {path.relative_to(ROOT)}")
