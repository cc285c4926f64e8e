"""Plot helpers return the Axes they drew on and leave global style alone."""
import inspect

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from d2l_vn import mxnet as d2l_vn  # noqa: E402


def test_plot_schedule_draws_the_schedule_values():
    before = dict(matplotlib.rcParams)
    s = d2l_vn.CosineScheduler(20, base_lr=0.5, final_lr=0.01)
    ax = d2l_vn.plot_schedule(s, 30, lang="en")
    x, y = ax.lines[0].get_data()
    assert list(x) == list(range(30)) and list(y) == [s(e) for e in range(30)]
    assert ax.get_ylabel() == "learning rate"
    assert dict(matplotlib.rcParams) == before
    plt.close("all")


def test_plot_history_in_vietnamese_on_a_given_axes():
    history = d2l_vn.History(train_loss=[1.0, 0.5], train_acc=[0.6, 0.8], test_acc=[0.55, 0.7])
    fig, ax = plt.subplots()
    assert d2l_vn.plot_history(history, ax=ax, lang="vi") is ax
    assert [l.get_label() for l in ax.lines] == ["mất mát huấn luyện",
                                                 "độ chính xác trên tập huấn luyện",
                                                 "độ chính xác trên tập kiểm tra"]
    plt.close(fig)


def test_figures_and_tables_default_to_both_languages():
    """The course's convention (CONTRIBUTING.md): every label carries both languages."""
    for fn in (d2l_vn.plot_schedule, d2l_vn.plot_history, d2l_vn.results_table,
               d2l_vn.plot_metric, d2l_vn.draw_graph, d2l_vn.ScheduleExplorer):
        assert inspect.signature(fn).parameters["lang"].default == "both", fn.__name__
    ax = d2l_vn.plot_schedule(d2l_vn.SquareRootScheduler(), 5)
    assert ax.get_ylabel() == "tốc độ học / learning rate"
    plt.close("all")


def test_unknown_language_is_rejected():
    with pytest.raises(ValueError, match="lang"):
        d2l_vn.plot_schedule(d2l_vn.SquareRootScheduler(), 5, lang="fr")
