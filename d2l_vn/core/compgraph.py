"""Computational graphs as ``networkx`` directed graphs, drawn with matplotlib.

Nodes carry ``kind`` (``"variable"``, drawn as a square, or ``"operator"``, a
circle), ``label`` (mathtext) and ``pos`` (x, y). :func:`mlp_graph` is the graph of
the chapter's network with inputs at the lower left and the objective ``J`` at the
upper right; ``graph_from_symbol`` (MXNet) and ``graph_from_autograd`` (PyTorch) turn the
graph that autograd recorded into the same form, placed by :func:`layout` in rows, with the
edges that skip rows routed around the boxes and no two edges crossing where an order of the
rows allows it.
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt
import networkx as nx

__all__ = ["mlp_graph", "draw_graph", "layout", "crossings"]

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


def layout(graph, sweeps=4):
    """Place a recorded graph in rows, every edge running upwards, around the boxes, uncrossed.

    A node's row is set by its longest path to the output, which sits in the top row: each
    node sits just below its lowest consumer, so an input (a weight, the data) enters where it
    is used, not at the bottom of the figure. An edge that skips rows gets a waypoint in each
    row it crosses, kept in the edge's ``route``; a waypoint takes a column of its own, as a
    node does, so that no box stands in the edge's way. Each row starts in the order in which
    a depth-first walk down from the output, through each node's operands in turn, meets its
    items; then nodes and waypoints are ordered by the mean position of their neighbours in
    the rows below and above (``sweeps`` passes each way), the order with the fewest
    :func:`crossings` is kept, and neighbours in a row are swapped while that removes one.
    Items are placed in that order near the mean column of what feeds them; an input then
    moves right under its leftmost consumer, and a long edge runs straight where it can.
    """
    height = {}  # longest path to an output
    for n in reversed(list(nx.topological_sort(graph))):
        height[n] = max((height[s] + 1 for s in graph.successors(n)), default=0)
    depth = {n: max(height.values()) - height[n] for n in graph}
    below = {n: [] for n in graph}  # an item's neighbours in the next row down / up
    above = {n: [] for n in graph}
    for v in graph:
        for u in graph.predecessors(v):  # operands in order
            chain = [u, *(_Waypoint(u, v, row) for row in range(depth[u] + 1, depth[v])), v]
            for lower, upper in zip(chain, chain[1:]):
                below.setdefault(upper, []).append(lower)
                above.setdefault(lower, []).append(upper)
    seen, stack = {}, [n for n in reversed(list(graph)) if not above[n]]
    while stack:  # depth first from the outputs: the starting order of every row
        item = stack.pop()
        if item not in seen:
            seen[item] = len(seen)
            stack.extend(reversed(below[item]))
    rows = {}
    for item in sorted(seen, key=seen.get):
        rows.setdefault(item.row if isinstance(item, _Waypoint) else depth[item], []).append(item)
    order = {r: rows[r] for r in sorted(rows)}
    best = (crossings(order, below), {r: list(items) for r, items in order.items()})
    for sweep in range(2 * sweeps):
        down = sweep % 2 == 0  # even sweeps go up the rows, ordering by what is below
        index = {item: i for items in order.values() for i, item in enumerate(items)}
        for r in (sorted(order) if down else sorted(order, reverse=True)):
            near = below if down else above
            key = {item: (sum(index[f] for f in near[item]) / len(near[item]) if near[item]
                          else index[item], isinstance(item, _Waypoint)) for item in order[r]}
            order[r].sort(key=key.get)
            index.update((item, i) for i, item in enumerate(order[r]))
        if crossings(order, below) < best[0]:
            best = (crossings(order, below), {r: list(items) for r, items in order.items()})
    count, order = best
    improved = count > 0
    while improved:  # swap neighbours in a row while that removes crossings
        improved = False
        for items in order.values():
            for i in range(len(items) - 1):
                items[i], items[i + 1] = items[i + 1], items[i]
                if crossings(order, below) < count:
                    count, improved = crossings(order, below), True
                else:
                    items[i], items[i + 1] = items[i + 1], items[i]
    column = {}

    def place(items, wanted):
        x = None
        for item in items:
            x = wanted[item] if x is None else max(x + 1, wanted[item])
            column[item] = x

    for r in sorted(order):  # up the rows: near the mean column of what feeds each item
        place(order[r], {item: round(sum(column[f] for f in below[item]) / len(below[item]))
                         if below[item] else i for i, item in enumerate(order[r])})
    for r in sorted(order, reverse=True):  # down again: an input moves under its leftmost
        # consumer, a waypoint under the next point of its edge (a long edge runs straight)
        place(order[r], {item: min(column[a] for a in above[item])
                         if above[item] and (isinstance(item, _Waypoint) or not below[item])
                         else column[item] for item in order[r]})
    for n in graph:
        graph.nodes[n]["pos"] = (column[n], depth[n])
    for u, v in graph.edges:
        graph.edges[u, v]["route"] = [(column[_Waypoint(u, v, row)], row)
                                      for row in range(depth[u] + 1, depth[v])]


def crossings(order, below):
    """How many pairs of edge segments cross between consecutive rows of ``order``.

    ``order`` maps each row to its items from left to right, ``below`` each item to the items
    of the row under it that it is joined to; two segments with a common end do not cross.

    >>> crossings({0: ["a", "b"], 1: ["c", "d"]}, {"c": ["b"], "d": ["a"]})
    1
    >>> crossings({0: ["a", "b"], 1: ["c", "d"]}, {"c": ["a"], "d": ["a", "b"]})
    0
    """
    index = {item: i for items in order.values() for i, item in enumerate(items)}
    count = 0
    for items in order.values():
        segments = [(index[lower], index[upper]) for upper in items for lower in below.get(upper, [])]
        count += sum((a - c) * (b - d) < 0 for i, (a, b) in enumerate(segments)
                     for c, d in segments[i + 1:])
    return count


@dataclass(frozen=True)
class _Waypoint:
    """Where the edge ``(u, v)`` crosses a row it skips (never equal to a node of the graph)."""
    u: object
    v: object
    row: int


def draw_graph(graph, ax=None, lang="both", node_size=900, font_size=11, boxes=False):
    """Draw a graph of this module (squares: variables, circles: operators); return the Axes.

    ``lang`` ('vi', 'en' or 'both') chooses the words of the legend. With ``boxes=True``
    every label sits inside its own box (square corners: variables, round: operators),
    sized to the text: the form for graphs recorded by autograd, whose labels are words. An
    edge that skips rows follows the waypoints that :func:`layout` left in its ``route``.
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
    from matplotlib.patches import FancyArrowPatch, Patch
    margin = 1.6 * font_size  # points between an arrow's end and the centre of a box
    for u, v, route in graph.edges(data="route", default=()):
        # an edge that skips rows runs through its waypoints (see layout), starting under u's box
        if route:
            xs, ys = zip(pos[u], *route)
            ax.plot(xs, ys, color="0.35", linewidth=1, solid_capstyle="round", zorder=2)
        ax.add_patch(FancyArrowPatch(route[-1] if route else pos[u], pos[v], arrowstyle="-|>",
                                     mutation_scale=10, color="0.35", linewidth=1, zorder=2,
                                     shrinkA=0 if route else margin, shrinkB=margin))
    for n, data in graph.nodes(data=True):
        style = "square,pad=0.35" if data["kind"] == "variable" else "round,pad=0.35"
        ax.text(*pos[n], data["label"], ha="center", va="center", fontsize=font_size, zorder=3,
                bbox={"boxstyle": style, "facecolor": COLORS[data["kind"]], "edgecolor": "black"})
    ax.legend(handles=[Patch(facecolor=COLORS[k], edgecolor="black", label=WORDS[lang][k])
                       for k in ("variable", "operator")], loc="best")
    xs, ys = zip(*pos.values())
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(min(ys) - 0.8, max(ys) + 0.8)
    ax.set_axis_off()
    return ax
