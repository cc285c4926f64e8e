"""The results table, the metric overlay and the schedule explorer of the lr chapter."""
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from d2l_vn import mxnet as d2l_vn  # noqa: E402
from d2l_vn.core.report import HEADERS  # noqa: E402
from d2l_vn.core.tables import Table  # noqa: E402
from d2l_vn.core.widgets import SLIDER_RANGES  # noqa: E402


def run(test_acc, train_acc=(0.6, 0.9), loss=(1.0, 0.3), times=(1.0, 2.0), diverged=False):
    return d2l_vn.History(train_loss=list(loss), train_acc=list(train_acc),
                          test_acc=list(test_acc), epoch_time=list(times), diverged=diverged)


def test_table_rows_follow_the_runs_in_order():
    table = d2l_vn.results_table({"const": run((0.5, 0.8)), "cos": run((0.5, 0.7))}, lang="en")
    assert list(table["schedule"]) == ["const", "cos"]
    assert list(table["test accuracy"]) == [0.8, 0.7]
    assert list(table["train-test gap"]) == [0.1, 0.2]
    assert list(table["seconds per epoch"]) == [1.5, 1.5]
    assert list(table["final train loss"]) == [0.3, 0.3]


def test_table_headers_in_each_language():
    histories = {"a": run((0.5, 0.8))}
    assert list(d2l_vn.results_table(histories, lang="vi").columns)[0] == "lịch tốc độ học"
    both = list(d2l_vn.results_table(histories, lang="both").columns)
    assert both[3] == "độ chính xác trên tập kiểm tra / test accuracy"
    assert len(both) == 6 and all(" / " in h for h in both)
    assert HEADERS["vi"].keys() == HEADERS["en"].keys()


def test_table_keeps_a_diverged_run_visible():
    table = d2l_vn.results_table({"big": run((0.1,), (0.1,), (float("nan"),), (1.0,),
                                             diverged=True)}, lang="en")
    assert math.isnan(table["final train loss"][0])


@pytest.mark.parametrize("bad, match", [({}, "histories"), ([run((0.5,))], "histories"),
                                        ({"x": 3}, r"histories\['x'\]"),
                                        ({"x": d2l_vn.History()}, "no finished epoch")])
def test_table_rejects_bad_histories(bad, match):
    with pytest.raises(ValueError, match=match):
        d2l_vn.results_table(bad)


def test_table_rejects_bad_lang_and_digits():
    with pytest.raises(ValueError, match="lang"):
        d2l_vn.results_table({"a": run((0.5, 0.8))}, lang="fr")
    with pytest.raises(ValueError, match="digits"):
        d2l_vn.results_table({"a": run((0.5, 0.8))}, digits=-1)


def test_plot_metric_draws_one_line_per_run_and_skips_nan():
    fig, ax = plt.subplots()
    histories = {"a": run((0.5, 0.8)), "b": run((0.4, float("nan")))}
    assert d2l_vn.plot_metric(histories, "test_acc", ax=ax, lang="both") is ax
    assert [l.get_label() for l in ax.lines] == ["a", "b"]
    assert list(ax.lines[1].get_xdata()) == [1]
    assert ax.get_ylabel() == "độ chính xác trên tập kiểm tra /\ntest accuracy"
    d2l_vn.plot_metric(histories, "train_loss", ax=ax, lang="en")
    assert ax.get_ylabel() == "train loss"
    with pytest.raises(ValueError, match="metric"):
        d2l_vn.plot_metric(histories, "lr")
    plt.close("all")


def test_explorer_draws_the_library_schedule():
    explorer = d2l_vn.ScheduleExplorer(num_steps=30, base_lr=0.5, final_lr=0.01,
                                       warmup_steps=5, max_update=20, lang="vi")
    s = d2l_vn.CosineScheduler(20, base_lr=0.5, final_lr=0.01, warmup_steps=5)
    assert list(explorer.ax.lines[0].get_ydata()) == [s(t) for t in range(30)]
    assert explorer.ax.get_ylabel() == "tốc độ học"


def test_explorer_keeps_last_curve_on_invalid_values():
    explorer = d2l_vn.ScheduleExplorer(lang="en")
    before = list(explorer.ax.lines[0].get_ydata())
    assert "final_lr" in explorer.update(final_lr=0.5, base_lr=0.1)
    assert list(explorer.ax.lines[0].get_ydata()) == before
    assert explorer.update(base_lr=1.0) == ""
    assert max(explorer.ax.lines[0].get_ydata()) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="unknown"):
        explorer.update(lr=1.0)


@pytest.mark.parametrize("kwargs, match", [({"num_steps": 1}, "num_steps"),
                                           ({"base_lr": 5.0}, "base_lr"),
                                           ({"warmup_steps": 25}, "warmup_steps"),
                                           ({"lang": "fr"}, "lang")])
def test_explorer_rejects_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        d2l_vn.ScheduleExplorer(**kwargs)


def test_explorer_sliders_redraw_the_figure():
    pytest.importorskip("ipywidgets")
    explorer = d2l_vn.ScheduleExplorer(lang="en")
    box = explorer.show()
    sliders = {s.description: s for s in box.children}
    assert set(sliders) == set(SLIDER_RANGES)
    sliders["max_update"].value = 10
    ys = explorer.ax.lines[0].get_ydata()
    assert ys[10] == pytest.approx(0.01) and ys[9] > 0.01
    plt.close("all")


def test_tables_show_no_row_numbers_and_a_dash_for_a_missing_value():
    table = Table({"arm": ["a", "b"], "value": [0.5, float("nan")]})
    page = table._repr_html_()
    assert "—" in page and "nan" not in page.lower() and "0.500" in page
    assert "<th" in page and ">0<" not in page and ">1<" not in page  # no index column
    assert isinstance(table[table["arm"] == "a"], Table)
