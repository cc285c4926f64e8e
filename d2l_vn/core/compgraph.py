"""Computational graphs as ``networkx`` directed graphs, drawn with matplotlib.

Nodes carry ``kind`` (``"variable"``, drawn as a square, or ``"operator"``, a
circle), ``label`` (mathtext) and ``pos`` (x, y). :func:`mlp_graph` is the graph of
the chapter's network with inputs at the lower left and the objective ``J`` at the
upper right; :func:`graph_from_symbol` turns the graph that ``mxnet.autograd``
recorded into the same form, laid out by depth.
"""
import matplotlib.pyplot as plt
import networkx as nx

__all__ = ["mlp_graph", "draw_graph", "layout"]

COLORS = {"variable": "#cfe2f3", "operator": "#fce5cd"}

WORDS = {"en": {"variable": "variable", "operator": "operator"},
         "vi": {"variable": "biến", "operator": "toán tử"},
         "both": {"variable": "biến / variable", "operator": "toán tử / operator"}}

# name: (kind, label, (x, y)); the main path climbs from x (lower left) to J (upper right).
_MLP_NODES = {
    "x": ("variable", r"$\mathbf{x}$", (0, 0)),
    "W1": ("variable", r"$\mathbf{W}^{(1)}$", (0, 1)),
    "times1": ("operator", r"$\times$", (1, 0)),
    "z": ("variable", r"$\mathbf{z}$", (2, 0)),
    "phi": ("operator", r"$\phi$", (3, 0)),
    "h": ("variable", r"$\mathbf{h}$", (4, 0)),
    "W2": ("variable", r"$\mathbf{W}^{(2)}$", (3, 1)),
    "times2": ("operator", r"$\times$", (4, 1)),
    "o": ("variable", r"$\mathbf{o}$", (5, 1)),
    "y": ("variable", r"$y$", (6, 0)),
    "loss": ("operator", r"$l$", (6, 1)),
    "L": ("variable", r"$L$", (7, 1)),
    "norm": ("operator", r"$\ell_2$", (3, 2.2)),
    "s": ("variable", r"$s$", (5, 2.2)),
    "plus": ("operator", r"$+$", (7, 2.2)),
    "J": ("variable", r"$J$", (8, 2.2)),
}
_MLP_EDGES = [("x", "times1"), ("W1", "times1"), ("times1", "z"), ("z", "phi"), ("phi", "h"),
              ("h", "times2"), ("W2", "times2"), ("times2", "o"), ("o", "loss"), ("y", "loss"),
              ("loss", "L"), ("W1", "norm"), ("W2", "norm"), ("norm", "s"), ("L", "plus"),
              ("s", "plus"), ("plus", "J")]


def mlp_graph(bias=False):
    """Graph of ``J = l(W2 phi(W1 x [+ b]), y) + lambda/2 (|W1|^2 + |W2|^2)``.

    With ``bias=True`` the hidden layer computes ``u = W1 x`` and ``z = u + b``: a
    variable ``b`` and an addition are inserted between the product and ``z``, and
    the nodes to their right move two columns on (the bias is not part of ``s``).

    >>> g = mlp_graph()
    >>> g.number_of_nodes(), g.number_of_edges(), list(g.predecessors("J"))
    (16, 17, ['plus'])
    >>> sorted(mlp_graph(bias=True).predecessors("z"))
    ['add_b']
    """
    graph = nx.DiGraph()
    for name, (kind, label, pos) in _MLP_NODES.items():
        graph.add_node(name, kind=kind, label=label, pos=pos)
    graph.add_edges_from(_MLP_EDGES)
    if bias:
        for name in graph:
            x, y = graph.nodes[name]["pos"]
            graph.nodes[name]["pos"] = (x + 2 if x >= 2 else x, y)
        graph.remove_edge("times1", "z")
        graph.add_node("u", kind="variable", label=r"$\mathbf{u}$", pos=(2, 0))
        graph.add_node("b", kind="variable", label=r"$\mathbf{b}$", pos=(3, -1))
        graph.add_node("add_b", kind="operator", label=r"$+$", pos=(3, 0))
        graph.add_edges_from([("times1", "u"), ("u", "add_b"), ("b", "add_b"), ("add_b", "z")])
    return graph


def layout(graph):
    """Rows by depth (an input sits just below its first use); in a row, nodes ordered and
    placed near the mean column of their inputs, so that edges run mostly upwards."""
    depth = {}
    for n in nx.topological_sort(graph):
        depth[n] = max((depth[p] + 1 for p in graph.predecessors(n)), default=0)
    for n in graph:
        if graph.in_degree(n) == 0 and graph.out_degree(n):
            depth[n] = min(depth[s] for s in graph.successors(n)) - 1
    column = {}
    for row in sorted(set(depth.values())):
        nodes = [n for n in graph if depth[n] == row]
        wanted = {n: (sum(column[p] for p in graph.predecessors(n) if p in column)
                      / max(1, sum(p in column for p in graph.predecessors(n)))
                      if any(p in column for p in graph.predecessors(n)) else i)
                  for i, n in enumerate(nodes)}
        x = None
        for n in sorted(nodes, key=lambda n: (wanted[n], n)):
            x = round(wanted[n]) if x is None else max(x + 1, round(wanted[n]))
            column[n] = x
    for n in graph:
        graph.nodes[n]["pos"] = (column[n], depth[n])


def draw_graph(graph, ax=None, lang="both", node_size=900, font_size=11, boxes=False):
    """Draw a graph of this module (squares: variables, circles: operators); return the Axes.

    ``lang`` ('vi', 'en' or 'both') chooses the words of the legend. With ``boxes=True``
    every label sits inside its own box (square corners: variables, round: operators),
    sized to the text: the form for graphs recorded by MXNet, whose labels are words.
    """
    if lang not in WORDS:
        raise ValueError(f"lang must be one of {sorted(WORDS)}, got {lang!r}")
    if ax is None:
        ax = plt.subplots(figsize=(8, 3.5))[1]
    pos = nx.get_node_attributes(graph, "pos")
    if boxes:
        return _draw_boxes(graph, pos, ax, lang, font_size)
    for kind, shape, color in (("variable", "s", COLORS["variable"]), ("operator", "o", COLORS["operator"])):
        nodes = [n for n, k in graph.nodes(data="kind") if k == kind]
        nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_shape=shape, node_color=color,
                               edgecolors="black", node_size=node_size, ax=ax,
                               label=WORDS[lang][kind])
    nx.draw_networkx_edges(graph, pos, ax=ax, node_size=node_size, arrowsize=14,
                           node_shape="s")
    nx.draw_networkx_labels(graph, pos, labels=dict(graph.nodes(data="label")),
                            font_size=font_size, ax=ax)
    ax.legend(loc="best", scatterpoints=1, markerscale=0.5)
    ax.set_axis_off()
    return ax


def _draw_boxes(graph, pos, ax, lang, font_size):
    from matplotlib.patches import Patch
    margin = 1.6 * font_size  # points between an arrow's end and the centre of a box
    # An edge that skips rows would run through the boxes between its ends: bend it.
    skips = [(u, v) for u, v in graph.edges if abs(pos[v][1] - pos[u][1]) > 1]
    for edges, style in (([e for e in graph.edges if e not in skips], "arc3"), (skips, "arc3,rad=0.3")):
        nx.draw_networkx_edges(graph, pos, edgelist=edges, ax=ax, arrowsize=10, node_size=0,
                               edge_color="0.35", min_source_margin=margin,
                               min_target_margin=margin, connectionstyle=style)
    for n, data in graph.nodes(data=True):
        style = "square,pad=0.35" if data["kind"] == "variable" else "round,pad=0.35"
        ax.text(*pos[n], data["label"], ha="center", va="center", fontsize=font_size, zorder=3,
                bbox={"boxstyle": style, "facecolor": COLORS[data["kind"]], "edgecolor": "black"})
    ax.legend(handles=[Patch(facecolor=COLORS[k], edgecolor="black", label=WORDS[lang][k])
                       for k in ("variable", "operator")], loc="upper right")
    xs, ys = zip(*pos.values())
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(min(ys) - 0.8, max(ys) + 0.8)
    ax.set_axis_off()
    return ax
