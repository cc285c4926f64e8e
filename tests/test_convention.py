"""Chapters are written in d2l's MXNet convention, with no test plumbing in view."""
import re

import pytest

from notebooks import CHAPTERS, load, source


def code_cells(path):
    return [source(c) for c in load(path)["cells"] if c["cell_type"] == "code"]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_uses_mxnet_np_after_set_np(path):
    code = "\n".join(code_cells(path))
    assert re.search(r"^from mxnet import .*\bnp\b.*\bnpx\b", code, re.MULTILINE), \
        "import np and npx from mxnet, as d2l does"
    assert re.search(r"^npx\.set_np\(\)$", code, re.MULTILINE), "call npx.set_np() at the top"
    assert not re.search(r"\bnd\.|mx\.nd\b|from mxnet import .*\bnd\b", code), \
        "use mxnet.np (np.dot, npx.relu, ...), not the legacy nd API"
    assert not re.search(r"^import numpy as np\b", code, re.MULTILINE), \
        "np is mxnet.np here; import plain NumPy as `numpy`"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_no_test_markers_in_visible_code(path):
    for code in code_cells(path):
        assert "NBVAL" not in code, "mark checked cells with the tag nbval-check-output"
