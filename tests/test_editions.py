"""The PyTorch editions: generated from their chapter, up to date, PyTorch only, with their own Colab cell."""
import re
import subprocess
import sys

import pytest

from notebooks import CHAPTERS, ROOT, TORCH_EDITIONS, load, source

sys.path.insert(0, str(ROOT / "tools"))
import editions  # noqa: E402
from sync_colab_cell import TORCH_CELL_PATH, generate_cell  # noqa: E402

MXNET = re.compile(r"\b(?:import|from) mxnet\b|\bmxnet\.|\bmx\.|\bnpx\.|\bautograd\.record|attach_grad|wait_to_read|asnumpy")


def test_every_declared_edition_is_generated_and_up_to_date():
    declared = [path.name for path in editions.chapters_with_editions()]
    assert declared, "no chapter declares a PyTorch edition"
    assert [path.name for path in TORCH_EDITIONS] == declared
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "editions.py"), "--check"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"run `python tools/editions.py`:\n{run.stdout}{run.stderr}"


@pytest.mark.parametrize("path", TORCH_EDITIONS, ids=lambda p: p.name)
def test_the_torch_edition_has_no_mxnet_code(path):
    code = [source(c) for c in load(path)["cells"] if c["cell_type"] == "code"]
    offending = [line for cell in code for line in cell.splitlines() if MXNET.search(line)]
    assert not offending, f"MXNet code in the PyTorch edition: {offending[:3]}"
    assert "from d2l_vn import torch as d2l_vn" in "\n".join(code)
    assert code[0] == generate_cell(TORCH_CELL_PATH).rstrip("\n"), "the first cell is the PyTorch Colab cell"


@pytest.mark.parametrize("path", TORCH_EDITIONS, ids=lambda p: p.name)
def test_every_code_cell_of_the_torch_edition_has_run(path):
    """The outputs come from running the edition (python tools/editions.py --refresh CHAPTER)."""
    cells = load(path)["cells"]
    silent = [c.get("id") for c in cells if c["cell_type"] == "code" and not c.get("outputs")
              and ("print(" in source(c) or "plt.show()" in source(c)) and "google.colab" not in source(c)]
    assert not silent, f"cells that print or draw but have no outputs: {silent}; refresh the edition"
    errors = [c.get("id") for c in cells if c["cell_type"] == "code"
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"cells that raised when the edition ran: {errors}"


def test_generation_applies_each_kind_of_form():
    nb = editions.nbformat.v4.new_notebook()
    cells = editions.nbformat.v4
    nb.cells = [cells.new_code_cell("import sys"), cells.new_markdown_cell("shared"),
                cells.new_code_cell("x = mx()"), cells.new_markdown_cell("MXNet only")]
    nb.cells[2].metadata[editions.KEY] = {"source": "x = torch()", "outputs": [
        {"output_type": "stream", "name": "stdout", "text": "1\n"}], "metadata": {"tags": ["t"]},
        "cells": [{"cell_type": "markdown", "id": "extra", "metadata": {}, "source": ["PyTorch ", "only"]}]}
    nb.cells[3].metadata[editions.KEY] = {"drop": True}
    out = editions.torch_edition(nb)
    assert [c.source for c in out.cells][1:] == ["shared", "x = torch()", "PyTorch only"]
    assert out.cells[2].outputs[0]["text"] == "1\n" and out.cells[2].metadata == {"tags": ["t"]}
    assert editions.KEY not in out.cells[2].metadata and "google.colab" in out.cells[0].source
    assert nb.cells[2].source == "x = mx()", "the source notebook is left as it was"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_forms_are_well_formed(path):
    allowed = {"source", "drop", "cells", "metadata", "outputs"}
    for cell in load(path)["cells"]:
        form = cell["metadata"].get(editions.KEY)
        if form is not None:
            assert set(form) <= allowed, f"{cell.get('id')}: unknown keys {set(form) - allowed}"
            assert not (form.get("drop") and set(form) - {"drop"}), f"{cell.get('id')}: a dropped cell has no form"
            texts = [form.get("source", "")] + [source(c) for c in form.get("cells", []) if c["cell_type"] == "markdown"]
            if cell["cell_type"] == "markdown" or form.get("cells"):
                assert not any(re.search(r"^#", text, re.M) for text in texts if text), (
                    f"{cell.get('id')}: a heading belongs to both editions; put the framework's sentences "
                    "in a cell of their own")
