"""Generate the Colab first cell and put it in the first code cell of every chapter.

The cell is tools/colab_first_cell.py with its ``D2L_VN = ...`` line taken from _config.yml
(``repository.url`` and ``repository.branch``, the same place the website's Colab buttons
come from): ``git+<url>@<branch>``. The cell is inserted if missing and tagged ``hide-input``
so that the website folds it away.

Run ``python tools/sync_colab_cell.py``; it prints the files it changed.
``--check`` changes nothing and exits with status 1 if any file is out of date.
"""
import pathlib
import re
import sys

import nbformat
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
CELL_PATH = ROOT / "tools" / "colab_first_cell.py"
TORCH_CELL_PATH = ROOT / "tools" / "colab_first_cell_torch.py"  # the PyTorch edition's (tools/editions.py)
TAGS = {"hide-input"}  # the website folds the installer away; Jupyter and Colab show it
D2L_VN_LINE = re.compile(r'^(?P<indent>[ ]*)D2L_VN = "[^"]*"(?P<comment>.*)$', re.M)


def d2l_vn_source(config_path=ROOT / "_config.yml"):
    """``git+<repository.url>@<repository.branch>`` from the book's configuration."""
    repository = yaml.safe_load(config_path.read_text(encoding="utf-8"))["repository"]
    return f"git+{repository['url'].rstrip('/')}@{repository.get('branch', 'main')}"


def generate_cell(path=CELL_PATH):
    """The text of ``path`` (tools/colab_first_cell.py) with its ``D2L_VN`` line taken from _config.yml."""
    text = path.read_text(encoding="utf-8")
    cell, count = D2L_VN_LINE.subn(
        lambda m: f'{m["indent"]}D2L_VN = "{d2l_vn_source()}"{m["comment"]}', text)
    if count != 1:
        raise SystemExit(f"{path.name} needs one line D2L_VN = \"...\", found {count}")
    return cell


def sync(write=True):
    """Bring tools/colab_first_cell.py and every chapter up to date; return the changed paths."""
    changed = []
    for path in (TORCH_CELL_PATH, CELL_PATH):
        cell = generate_cell(path)
        if cell != path.read_text(encoding="utf-8"):
            changed.append(path)
            if write:
                path.write_text(cell, encoding="utf-8")
    cell = cell.rstrip("\n")
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
        first = nb.cells[code[0]] if code else None
        if first is None or "google.colab" not in first.source:
            # no Colab cell yet: insert one before the first code cell (after the prose if none)
            first = nbformat.v4.new_code_cell(cell)
            nb.cells.insert(code[0] if code else len(nb.cells), first)
        elif (first.source == cell and not first.outputs and first.execution_count is None
              and TAGS <= set(first.metadata.get("tags", []))):
            continue
        first.source, first.outputs, first.execution_count = cell, [], None
        first.metadata["tags"] = sorted(TAGS | set(first.metadata.get("tags", [])))
        changed.append(path)
        if write:
            nbformat.write(nb, path)
    return changed


if __name__ == "__main__":
    check = sys.argv[1:] == ["--check"]
    stale = sync(write=not check)
    for path in stale:
        print(f"{'out of date' if check else 'updated'}: {path.relative_to(ROOT)}")
    sys.exit(1 if check and stale else 0)
