"""Finite differences, the computational-graph helpers and the memory figures."""
import tempfile

from d2l_vn import mxnet as d2l_vn  # noqa: F401  (first: patches NumPy before MXNet is imported)
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from mxnet import autograd, nd, npx  # noqa: E402
from mxnet import np as mnp  # noqa: E402

from d2l_vn.mxnet.backprop import mlp_backward, mlp_forward  # noqa: E402
from d2l_vn.core.compgraph import draw_graph, layout, mlp_graph  # noqa: E402
from d2l_vn.mxnet.compgraph import graph_from_symbol  # noqa: E402
from d2l_vn.mxnet.gradcheck import max_abs_diff, numerical_gradient  # noqa: E402
from d2l_vn.core.memory import mlp_memory  # noqa: E402
from d2l_vn.mxnet.memory import peak_bytes  # noqa: E402
from notebooks import CHAPTERS, load, pairs, source  # noqa: E402


def test_numerical_gradient_of_a_known_function(array_mode):
    x = array_mode.array([[0.5, -1.0], [2.0, 0.1]], dtype="float64")
    seen = []

    def f(v):
        seen.append(d2l_vn.arrays.kind_of(v))
        return (v * v * v).sum()

    g = numerical_gradient(f, x)
    assert d2l_vn.arrays.kind_of(g) == array_mode.kind and set(seen) == {array_mode.kind}
    assert max_abs_diff(g, 3 * x * x) < 1e-8
    assert x.asnumpy().tolist() == [[0.5, -1.0], [2.0, 0.1]]  # x itself unchanged


def test_numerical_gradient_rejects_float32_and_bad_eps(array_mode):
    A = array_mode.array
    with pytest.raises(ValueError, match="float64"):
        numerical_gradient(lambda v: v.sum(), A([1.0, 2.0], dtype="float32"))
    with pytest.raises(ValueError, match="eps"):
        numerical_gradient(lambda v: v.sum(), A([1.0], dtype="float64"), eps=0)
    with pytest.raises(ValueError, match="MXNet array"):
        numerical_gradient(lambda v: v.sum(), np.ones(3))
    with pytest.raises(ValueError, match="same shape"):
        max_abs_diff(A([1.0, 2.0]), A([1.0, 2.0, 3.0]))


def test_max_abs_diff_compares_either_kind():
    npx.set_np()
    assert max_abs_diff(mnp.array([1.0, 2.0]), nd.array([1.5, 2.0])) == 0.5


def test_mlp_graph_flows_from_lower_left_to_upper_right():
    for bias in (False, True):
        g = mlp_graph(bias=bias)
        pos = dict(g.nodes(data="pos"))
        assert list(g.successors("x")) == ["times1"] and list(g.predecessors("J")) == ["plus"]
        assert pos["J"][0] == max(p[0] for p in pos.values())
        assert pos["J"][1] == max(p[1] for p in pos.values())
        assert pos["x"][0] == min(p[0] for p in pos.values())
        # every node is reachable from the inputs and reaches J: the graph is one computation
        assert all(n == "J" or "J" in __import__("networkx").descendants(g, n) for n in g)
    assert {"b", "add_b", "u"} <= set(mlp_graph(bias=True)) and "b" not in mlp_graph()


def test_recorded_graph_has_the_parameters_and_the_operators(array_mode):
    A = array_mode.array
    X, W1, W2 = A(np.ones((2, 3))), A(np.ones((4, 3))), A(np.ones((2, 4)))
    for a in (W1, W2):
        a.attach_grad()
    with autograd.record():
        J, _ = mlp_forward(X, A([0, 1]), W1, W2, 0.1, "tanh")
    symbol = autograd.get_symbol(J)
    g = graph_from_symbol(symbol, input_labels=["X", "W1", "W2", "y"])
    labels = [label for _, label in g.nodes(data="label")]
    assert labels[:5] == ["X", "W1", "transpose", "dot", "tanh"] and labels.count("dot") == 2
    assert sorted(g.predecessors(3)) == [0, 2]  # dot(X, W1.T)
    with pytest.raises(ValueError, match="input_labels"):
        graph_from_symbol(symbol, input_labels=["X"])
    ax = draw_graph(g, lang="en")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["variable", "operator"]
    plt.close("all")
    with pytest.raises(ValueError, match="lang"):
        draw_graph(g, lang="fr")


def _recorded_mlp_graph(framework):
    """The graph that the backprop chapter draws for its MLP, recorded by ``framework``."""
    rng = np.random.default_rng(42)
    X, y = rng.normal(size=(4, 5)), rng.integers(0, 3, size=4)
    W1, W2 = rng.normal(scale=0.5, size=(3, 5)), rng.normal(scale=0.5, size=(3, 3))
    if framework == "mxnet":
        npx.set_np()
        X, y, W1, W2 = (mnp.array(a, dtype="int32" if a is y else "float64") for a in (X, y, W1, W2))
        W1.attach_grad()
        W2.attach_grad()
        with autograd.record():
            J, _ = mlp_forward(X, y, W1, W2, 0.1)
        return graph_from_symbol(autograd.get_symbol(J), input_labels=["X", "W1", "W2", "y"],
                                 output_label="J"), (7, 9)
    import torch
    from d2l_vn import torch as torch_vn
    X, y, W1, W2 = (torch.tensor(a) for a in (X, y, W1, W2))
    W1.requires_grad_(True)
    W2.requires_grad_(True)
    J, _ = torch_vn.mlp_forward(X, y, W1, W2, 0.1)
    return torch_vn.graph_from_autograd(J, inputs=[W1, W2], input_labels=["W1", "W2"],
                                        output_label="J"), (7, 7)


def test_layout_routes_an_edge_that_skips_rows_through_free_columns():
    import networkx as nx
    g = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")])
    layout(g)
    assert [g.nodes[n]["pos"][1] for n in "abcd"] == [0, 1, 2, 3]
    route = g.edges["a", "d"]["route"]
    assert [y for _, y in route] == [1, 2]
    assert all((x, y) not in {g.nodes[n]["pos"] for n in g} for x, y in route)
    assert g.edges["a", "b"]["route"] == []


@pytest.mark.parametrize("framework", ["mxnet", "torch"])
@pytest.mark.parametrize("lang", ["both", "en"])
def test_no_edge_of_the_recorded_graph_crosses_a_box(framework, lang):
    """Every edge, from the centre of its first box through its waypoints to the centre of its
    last, meets no other node's box, and the legend covers no box (the chapter's figure sizes)."""
    from matplotlib.path import Path
    graph, figsize = _recorded_mlp_graph(framework)
    fig, ax = plt.subplots(figsize=figsize)
    draw_graph(graph, ax=ax, lang=lang, font_size=9, boxes=True)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    nodes = list(graph)
    assert [t.get_text() for t in ax.texts] == [graph.nodes[n]["label"] for n in nodes]
    box = {n: t.get_bbox_patch().get_window_extent(renderer) for n, t in zip(nodes, ax.texts)}
    pos = dict(graph.nodes(data="pos"))
    crossings = []
    for u, v, route in graph.edges(data="route", default=()):
        line = Path(ax.transData.transform([pos[u], *route, pos[v]]))
        crossings += [(graph.nodes[u]["label"], graph.nodes[v]["label"], graph.nodes[n]["label"])
                      for n in nodes if n not in (u, v) and line.intersects_bbox(box[n], filled=False)]
    assert crossings == [], "edges (from, to) through the box of a third node"
    assert len(ax.patches) >= graph.number_of_edges()  # one arrowhead per edge
    legend = ax.get_legend().get_window_extent(renderer)
    assert [graph.nodes[n]["label"] for n in nodes if legend.overlaps(box[n])] == []
    plt.close(fig)


def _segments(graph):
    """Every drawn piece of every edge: (edge, start, end), from box centre through the waypoints."""
    pos = dict(graph.nodes(data="pos"))
    for u, v, route in graph.edges(data="route", default=()):
        points = [pos[u], *route, pos[v]]
        yield from (((u, v), a, b) for a, b in zip(points, points[1:]))


def _cross(p, q, r, s):
    """Whether the segments pq and rs cross at a point inside both (a common end is not a crossing)."""
    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return side(r, s, p) * side(r, s, q) < 0 and side(p, q, r) * side(p, q, s) < 0


def test_crossing_segments_are_found():
    assert _cross((0, 0), (1, 1), (0, 1), (1, 0))
    assert not _cross((0, 0), (1, 1), (1, 1), (2, 0))  # a common end
    assert not _cross((0, 0), (0, 1), (1, 0), (1, 1))


@pytest.mark.parametrize("framework", ["mxnet", "torch"])
def test_no_two_edges_of_the_recorded_graph_cross(framework):
    """The chapter's recorded graphs need a weight above the other (W2 inside the loop that W1's
    two paths to J make) and the right order in every row; each input sits under its leftmost
    consumer."""
    graph, _ = _recorded_mlp_graph(framework)
    pieces = list(_segments(graph))
    label = dict(graph.nodes(data="label"))
    crossing = [(tuple(label[n] for n in e), tuple(label[n] for n in f))
                for i, (e, p, q) in enumerate(pieces) for f, r, s in pieces[i + 1:]
                if e != f and _cross(p, q, r, s)]
    assert crossing == [], "pairs of edges (from, to) that cross"
    pos = dict(graph.nodes(data="pos"))
    for n in graph:
        if graph.in_degree(n) == 0:
            first = min(graph.successors(n), key=lambda s: pos[s][1])
            assert pos[n][1] == pos[first][1] - 1, label[n]
    w1, w2 = (next(n for n in graph if label[n] == name) for name in ("W1", "W2"))
    assert pos[w1][1] < pos[w2][1]


def test_memory_figures_follow_the_shapes():
    m = mlp_memory(10, 20, 3, 8, bytes_per_value=8)
    assert m["parameters"] == m["gradients"] == 8 * (200 + 60)
    assert m["activations_kept"] == 8 * 8 * 43 and m["inference_activations"] == 8 * 8 * 40
    assert m["training_total"] > m["inference_total"]
    with pytest.raises(ValueError, match="batch_size"):
        mlp_memory(10, 20, 3, 0)


def test_measured_peak_counts_new_arrays_only(array_mode):
    keep = array_mode.zeros((1000, 1000))
    keep.wait_to_read()
    assert peak_bytes(lambda: array_mode.zeros((100, 50)).wait_to_read()) == 100 * 50 * 4
    assert peak_bytes(lambda: None) == 0


def test_training_needs_more_measured_memory_than_inference(array_mode):
    rng = np.random.default_rng(0)
    ops = array_mode
    X = ops.array(rng.normal(size=(64, 30)), dtype="float32")
    y = ops.array(rng.integers(0, 5, 64))
    W1 = ops.array(rng.normal(size=(40, 30)), dtype="float32")
    W2 = ops.array(rng.normal(size=(5, 40)), dtype="float32")
    m = mlp_memory(30, 40, 5, 64)
    train = peak_bytes(lambda: mlp_backward(mlp_forward(X, y, W1, W2, 0.1)[1])[0].wait_to_read())
    W1_T, W2_T = W1.T.copy(), W2.T.copy()  # made beforehand: the transposes are not counted
    infer = peak_bytes(lambda: ops.dot(ops.relu(ops.dot(X, W1_T)), W2_T).wait_to_read())
    # exact in a fresh process; other finishing work can add a few kB in a long test run
    assert m["inference_activations"] <= infer <= m["inference_activations"] + 8192
    assert train >= m["activations_kept"] + m["gradients"] > infer


def test_backprop_chapter_works_one_memory_row_out_as_mlp_memory_does():
    """The worked row of the backprop chapter states, in both languages, what is computed."""
    m = mlp_memory(784, 256, 10, 256)
    chapter = next(path for path in CHAPTERS if path.name == "backprop.ipynb")
    worked = [(source(en), source(vi)) for _, en, vi in pairs(load(chapter))
              if "784, 256, 10, 256" in source(en)]
    assert len(worked) == 1
    keys = ("parameters", "input", "activations_kept", "inference_activations",
            "training_total", "inference_total")
    expected = [f"{m[key]:,}".replace(",", r"\,") + "$" for key in keys]
    expected += [f"{m[key] / 1e6:.2f} MB" for key in keys]
    expected.append(f"{(m['training_total'] - m['inference_total']) / 1e6:.2f} MB")
    for text in worked[0]:
        assert [e for e in expected if e not in text] == []


def test_measuring_memory_leaves_no_file_behind(monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    npx.set_np()
    assert peak_bytes(lambda: (mnp.ones((1000, 250)) * 2).wait_to_read()) == 2_000_000
    assert list(tmp_path.iterdir()) == []


def _step_peak(n, keep_cache, d=784, h=256, q=10):
    """The backprop chapter's measured training step (cell memory-keep-cache), in bytes."""
    npx.set_np()
    rng = np.random.default_rng(0)
    X = mnp.array(rng.normal(size=(n, d)), dtype="float32")
    y = mnp.array(rng.integers(0, q, size=n), dtype="int32")
    W1 = mnp.array(rng.normal(size=(h, d)) * 0.01, dtype="float32")
    W2 = mnp.array(rng.normal(size=(q, h)) * 0.01, dtype="float32")

    def step():
        if keep_cache:
            _, cache = mlp_forward(X, y, W1, W2, 1e-4)
            mlp_backward(cache)[0].wait_to_read()
        else:
            mlp_backward(mlp_forward(X, y, W1, W2, 1e-4)[1])[0].wait_to_read()
    return peak_bytes(step)


def test_what_the_backprop_chapter_says_of_the_measured_step():
    """Peaks vary by a few kB between machines, so the chapter rounds them and says 'about'."""
    slack = 16_000
    three_w1 = 3 * 4 * 256 * 784
    for n in (64, 256):  # "does not grow with the batch size: 2.41 MB at both"
        assert abs(_step_peak(n, keep_cache=False) - three_w1) <= slack
    m = mlp_memory(784, 256, 10, 256)  # "adds about its own size: about 2.9 MB instead of 2.4"
    added = _step_peak(256, keep_cache=True) - _step_peak(256, keep_cache=False)
    assert abs(added - m["activations_kept"]) <= slack
    big, big_kept = _step_peak(1024, keep_cache=False), _step_peak(1024, keep_cache=True)
    assert big > three_w1 + 5 * slack and round(big / 1e6, 1) == 3.2
    assert round(big_kept / 1e6, 1) == 5.3
