"""The graph that ``mxnet.autograd`` recorded, as a graph :func:`d2l_vn.draw_graph` draws."""
import json
import re

import networkx as nx

from ..core.compgraph import layout

__all__ = ["graph_from_symbol"]


def graph_from_symbol(symbol, input_labels=None, output_label=None):
    """The graph recorded by ``mxnet.autograd``, from ``autograd.get_symbol(output)``.

    Every node of the symbol's JSON becomes a node named by its index; inputs
    (``op == "null"``) are variables, other nodes are operators labelled by their
    MXNet operator name, without the ``_np_`` / ``_npi_`` / ``_npx_`` prefix that the operators of
    ``mxnet.np`` carry (``_np_dot`` is labelled ``dot``). MXNet names the inputs ``var0``, ``null3``, ...;
    ``input_labels`` replaces those names, in the order the inputs are first used;
    ``output_label`` names the output (the last node): ``"J"`` labels it ``J = add``.
    :func:`d2l_vn.core.compgraph.layout` sets ``pos``: data flows upwards, each node just
    below its lowest consumer.

    >>> from mxnet import autograd, np, npx
    >>> npx.set_np()
    >>> x = np.ones(2); x.attach_grad()
    >>> with autograd.record():
    ...     out = np.dot(x, x).sum()
    >>> g = graph_from_symbol(autograd.get_symbol(out), input_labels=["x"])
    >>> [g.nodes[n]["label"] for n in nx.topological_sort(g)]
    ['x', 'dot', 'sum']
    """
    nodes = json.loads(symbol.tojson())["nodes"]
    inputs = [i for i, node in enumerate(nodes) if node["op"] == "null"]
    if input_labels is not None and len(input_labels) != len(inputs):
        raise ValueError(f"input_labels has {len(input_labels)} labels for {len(inputs)} inputs")
    labels = dict(zip(inputs, input_labels or [nodes[i]["name"] for i in inputs]))
    graph = nx.DiGraph()
    for i, node in enumerate(nodes):
        graph.add_node(i, kind="variable" if i in labels else "operator",
                       label=labels.get(i, re.sub(r"^_np[ix]?_", "", node["op"])))
        graph.add_edges_from((inp[0], i) for inp in node["inputs"])
    if output_label is not None:
        last = len(nodes) - 1
        graph.nodes[last]["label"] = f"{output_label} = {graph.nodes[last]['label']}"
    layout(graph)
    return graph
