"""Both editions on one page: the chapter's MXNet cells and, beside each, its PyTorch form.

A chapter with a PyTorch edition keeps the PyTorch form of each cell that differs in the
cell's metadata (``d2l_vn_torch``, see tools/editions.py). :func:`read_both_editions` is the
notebook reader of the website (``nb_custom_formats`` in _config.yml): it returns the
chapter with every such cell followed by its PyTorch form, the MXNet one tagged
``fw-mxnet`` and the PyTorch one ``fw-torch``. The site runs the MXNet cells (from the
records, as before); a PyTorch code cell is tagged ``skip-execution`` and shows the outputs
it had when its edition last ran (``python tools/editions.py --refresh CHAPTER``). A figure
of a PyTorch cell that replaces an MXNet figure takes that figure's number (``d2l_vn_twin``).
On the page, d2l_vn_frameworks.js shows one framework; without JavaScript both show, each
labelled.
"""
import copy

import nbformat

KEY = "d2l_vn_torch"
MXNET, TORCH = "fw-mxnet", "fw-torch"
FRAMEWORK_TAGS = (MXNET, TORCH)


def _tagged(cell, *tags):
    cell.metadata["tags"] = list(dict.fromkeys([*cell.metadata.get("tags", []), *tags]))
    return cell


def _torch_cell(data, twin_of=None):
    cell = nbformat.from_dict(copy.deepcopy(data))
    if isinstance(cell.source, list):
        cell.source = "".join(cell.source)
    if cell.cell_type == "code":
        cell.outputs = [nbformat.from_dict(o) for o in cell.get("outputs", [])]
        _tagged(cell, "skip-execution")
        if twin_of is not None and twin_of.metadata.get("d2l_vn_figures") and cell.metadata.get("d2l_vn_figures"):
            cell.metadata["d2l_vn_twin"] = True
    return _tagged(cell, TORCH)


def both_editions(nb):
    """``nb`` (a chapter) with each cell's PyTorch form after it; a chapter without one is returned as is."""
    if "torch" not in nb.metadata.get("d2l_vn_editions", []):
        return nb
    cells = []
    first_code = True
    for cell in nb.cells:
        form = cell.metadata.pop(KEY, {})
        is_first_code = cell.cell_type == "code" and first_code
        first_code = first_code and cell.cell_type != "code"
        if is_first_code or not (form.get("drop") or "source" in form or "cells" in form):
            cells.append(cell)  # shared (the Colab cell is folded away on the site)
            continue
        if form.get("drop") or "source" in form:
            cells.append(_tagged(cell, MXNET))
        if "source" in form:
            twin = {"cell_type": cell.cell_type, "id": f"{cell.get('id')}-torch", "source": form["source"],
                    "metadata": {**copy.deepcopy(dict(cell.metadata)), **form.get("metadata", {})}}
            twin["metadata"]["tags"] = [t for t in twin["metadata"].get("tags", []) if t not in FRAMEWORK_TAGS]
            if cell.cell_type == "code":
                twin.update(outputs=form.get("outputs", []), execution_count=None)
            cells.append(_torch_cell(twin, twin_of=cell))
        elif not form.get("drop"):
            cells.append(cell)
        cells.extend(_torch_cell(extra) for extra in form.get("cells", []))
    nb.cells = cells
    return nb


def read_both_editions(text):
    """myst-nb notebook reader: the notebook in ``text`` with both editions (see module doc)."""
    return both_editions(nbformat.reads(text, as_version=4))


def framework_of(metadata):
    """``'fw-mxnet'``, ``'fw-torch'`` or ``None``: the edition a cell belongs to."""
    tags = [tag for tag in metadata.get("tags", []) if tag in FRAMEWORK_TAGS]
    return tags[0] if tags else None
