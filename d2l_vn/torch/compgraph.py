"""The graph that PyTorch's autograd recorded, as a graph :func:`d2l_vn.draw_graph` draws."""
import re

import networkx as nx

from ..core.compgraph import layout

__all__ = ["graph_from_autograd"]


def graph_from_autograd(output, inputs=None, input_labels=None, output_label=None):
    """The backward graph behind ``output`` (a tensor that requires grad), drawn forwards.

    Each ``grad_fn`` node becomes an operator labelled by its forward operation
    (``MmBackward0`` is labelled ``mm``); each leaf tensor that requires grad becomes a
    variable. ``inputs`` (tensors) with ``input_labels`` name those leaves; others are
    labelled by their shape. Edges run from inputs to the output, as in
    :func:`d2l_vn.mlp_graph`.

    >>> import torch
    >>> x = torch.ones(2, requires_grad=True)
    >>> g = graph_from_autograd((x @ x).sum(), inputs=[x], input_labels=["x"])
    >>> [g.nodes[n]["label"] for n in nx.topological_sort(g)]
    ['x', 'dot', 'sum']
    """
    if getattr(output, "grad_fn", None) is None:
        raise ValueError("output has no grad_fn: compute it from tensors made with requires_grad=True")
    inputs = list(inputs or [])
    if input_labels is not None and len(input_labels) != len(inputs):
        raise ValueError(f"input_labels has {len(input_labels)} labels for {len(inputs)} inputs")
    names = {id(t): label for t, label in zip(inputs, input_labels or [])}
    graph = nx.DiGraph()
    ids, stack = {}, []

    def node_of(fn):
        if fn not in ids:
            ids[fn] = len(ids)
            variable = getattr(fn, "variable", None)
            if variable is not None:  # AccumulateGrad: a leaf tensor
                graph.add_node(ids[fn], kind="variable",
                               label=names.get(id(variable), "×".join(map(str, variable.shape)) or "scalar"))
            else:
                graph.add_node(ids[fn], kind="operator",
                               label=re.sub(r"Backward\d*$", "", type(fn).__name__).lower())
            stack.append(fn)
        return ids[fn]

    node_of(output.grad_fn)
    while stack:
        fn = stack.pop()
        for parent, _ in fn.next_functions:
            if parent is not None:
                graph.add_edge(node_of(parent), ids[fn])
    if output_label is not None:
        last = ids[output.grad_fn]
        graph.nodes[last]["label"] = f"{output_label} = {graph.nodes[last]['label']}"
    layout(graph)
    return graph
