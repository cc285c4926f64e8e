"""Generate each chapter's PyTorch edition from its one source, and refresh its outputs.

A chapter is written once: ``chapters/<chapter>.ipynb`` is its source and its MXNet
edition. A chapter that has a PyTorch edition says so in its notebook metadata
(``"d2l_vn_editions": ["mxnet", "torch"]``), and a cell whose PyTorch form differs carries
it in its metadata, ``"d2l_vn_torch"``:

* ``{"source": "..."}``: the cell's PyTorch text (code or prose);
* ``{"drop": true}``: the cell is not in the PyTorch edition;
* ``{"cells": [...]}``: cells that only the PyTorch edition has, right after this one;
* ``{"metadata": {...}}``: metadata of the PyTorch form (a figure's caption and alt text);
* ``{"outputs": [...]}``: what the cell printed when the PyTorch edition last ran.

Cells without it are shared. The first code cell becomes the PyTorch edition's Colab cell
(``tools/colab_first_cell_torch.py``). The edition is written to
``chapters/torch/<chapter>.ipynb``, which readers open in Jupyter or Colab and the website
shows beside the MXNet page.

    python tools/editions.py            # write every PyTorch edition
    python tools/editions.py --check    # exit 1 if one is out of date (tests/test_editions.py)
    python tools/editions.py --refresh backprop   # run the PyTorch edition, keep its outputs

``--refresh`` runs the edition as a reader's kernel would (no ``D2L_VN_*`` variable but
``D2L_VN_QUICK=1``, short training), stores each code cell's outputs back in the source and
writes the edition again.
"""
import argparse
import copy
import os
import pathlib
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from sync_colab_cell import TORCH_CELL_PATH, generate_cell  # noqa: E402

CHAPTERS = ROOT / "chapters"
TORCH_DIR = CHAPTERS / "torch"
KEY = "d2l_vn_torch"


def chapters_with_editions():
    """The source notebooks that declare a PyTorch edition."""
    return [path for path in sorted(CHAPTERS.glob("*.ipynb"))
            if "torch" in nbformat.read(path, as_version=4).metadata.get("d2l_vn_editions", [])]


def torch_edition(source):
    """The PyTorch edition of ``source`` (a notebook), as a new notebook."""
    nb = copy.deepcopy(source)
    cells = []
    first_code = True
    for cell in nb.cells:
        form = cell.metadata.pop(KEY, {})
        if form.get("drop"):
            continue
        if "source" in form:
            cell.source = form["source"]
        cell.metadata.update(copy.deepcopy(form.get("metadata", {})))
        if cell.cell_type == "code":
            if first_code:
                cell.source = generate_cell(TORCH_CELL_PATH).rstrip("\n")
                first_code = False
            cell.outputs = [nbformat.from_dict(o) for o in form.get("outputs", [])]
            cell.execution_count = None
        cells.append(cell)
        cells.extend(_cell(extra) for extra in form.get("cells", []))
    count = 0
    for cell in cells:  # numbered as one run in order numbers them (nbval compares only cells that ran)
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count if cell.outputs else None
            for output in cell.outputs:
                if output.get("output_type") == "execute_result":
                    output["execution_count"] = count
    nb.cells = cells
    nb.metadata["d2l_vn_edition"] = "torch"
    nb.metadata.pop("d2l_vn_editions", None)
    return nb


def _cell(data):
    """A notebook cell from the JSON kept in metadata (its source as one string, as nbformat reads it)."""
    cell = nbformat.from_dict(copy.deepcopy(data))
    if isinstance(cell.source, list):
        cell.source = "".join(cell.source)
    if cell.cell_type == "code":
        cell.outputs = [nbformat.from_dict(o) for o in cell.get("outputs", [])]
    return cell


def target(path):
    return TORCH_DIR / path.name


def write_editions(check=False):
    """Write (or with ``check`` compare) every PyTorch edition; return the paths out of date."""
    stale = []
    for path in chapters_with_editions():
        text = nbformat.writes(torch_edition(nbformat.read(path, as_version=4))) + "\n"
        out = target(path)
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            stale.append(out)
            if not check:
                out.parent.mkdir(exist_ok=True)
                out.write_text(text, encoding="utf-8")
    return stale


def refresh(name):
    """Run the PyTorch edition of ``name`` and keep each code cell's outputs in the source."""
    from nbclient import NotebookClient
    path = CHAPTERS / f"{name}.ipynb"
    source = nbformat.read(path, as_version=4)
    edition = torch_edition(source)
    env = {k: v for k, v in os.environ.items() if not k.startswith("D2L_VN_")}
    env["D2L_VN_QUICK"] = "1"
    os.environ.clear()
    os.environ.update(env)
    NotebookClient(edition, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(TORCH_DIR)}}).execute()
    outputs = {cell.get("id"): cell.outputs for cell in edition.cells if cell.cell_type == "code"}
    for cell in source.cells:
        form = cell.metadata.get(KEY, {})
        if form.get("drop"):
            continue
        if cell.cell_type == "code" and cell.get("id") in outputs:
            cell.metadata.setdefault(KEY, {})["outputs"] = _plain(outputs[cell["id"]])
        for extra in form.get("cells", []):
            if extra["cell_type"] == "code" and extra.get("id") in outputs:
                extra["outputs"] = _plain(outputs[extra["id"]])
    nbformat.write(source, path)


def _plain(outputs):
    """Outputs as plain JSON, without execution counts (they change at every run)."""
    plain = []
    for output in outputs:
        output = dict(copy.deepcopy(output))
        output.pop("execution_count", None)
        plain.append(output)
    return plain


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if an edition is out of date")
    parser.add_argument("--refresh", metavar="CHAPTER", help="run the PyTorch edition of CHAPTER and keep its outputs")
    args = parser.parse_args()
    if args.refresh:
        refresh(args.refresh)
    stale = write_editions(check=args.check)
    for out in stale:
        print(f"{'out of date' if args.check else 'written'}: {out.relative_to(ROOT)}")
    sys.exit(1 if args.check and stale else 0)
