"""An interactive explorer of the cosine schedule with linear warmup.

:class:`ScheduleExplorer` draws the schedule as an ordinary static figure first, so a
page where widgets do not run (the course website) still shows it. In Jupyter or
Colab, :meth:`ScheduleExplorer.show` adds four sliders (base rate, final rate, warmup
steps, max update); moving one redraws the same figure in place.
"""
import matplotlib.pyplot as plt

from .plot import words_in
from .schedulers import CosineScheduler

__all__ = ["ScheduleExplorer", "SLIDER_RANGES"]

#: (minimum, maximum, step) of each slider; the initial values must lie inside.
SLIDER_RANGES = {"base_lr": (0.05, 2.0, 0.05), "final_lr": (0.0, 0.5, 0.01),
                 "warmup_steps": (0, 30, 1), "max_update": (1, 60, 1)}

_WORDS = {"en": {"step": "step", "lr": "learning rate", "title": "cosine schedule with warmup"},
          "vi": {"step": "bước", "lr": "tốc độ học", "title": "lịch côsin có khởi động"}}


class ScheduleExplorer:
    """Plot ``CosineScheduler(max_update, base_lr, final_lr, warmup_steps)`` over ``num_steps``.

    The drawn rate at step ``t`` is the linear warmup ``base_lr * t / warmup_steps`` for
    ``t < warmup_steps``, then
    ``final_lr + (base_lr - final_lr) * (1 + cos(pi * (t - w) / (max_update - w))) / 2``
    with ``w = warmup_steps``, and ``final_lr`` from ``max_update`` on.

    Parameters
    ----------
    num_steps : int
        Length of the horizontal axis (steps ``0 .. num_steps - 1``).
    base_lr, final_lr, warmup_steps, max_update
        Initial slider values, within :data:`SLIDER_RANGES`.
    lang : {'vi', 'en', 'both'}
        Language of the title and axis labels.

    Examples
    --------
    >>> explorer = ScheduleExplorer(num_steps=30, base_lr=0.5, final_lr=0.01,
    ...                             warmup_steps=5, max_update=20, lang="en")
    >>> rates = explorer.ax.lines[0].get_ydata()
    >>> rates[[0, 5, 20, 29]].round(3).tolist()
    [0.0, 0.5, 0.01, 0.01]
    >>> explorer.update(base_lr=1.0)
    ''
    >>> round(float(explorer.ax.lines[0].get_ydata()[5]), 3)
    1.0
    >>> explorer.update(warmup_steps=25)
    'warmup_steps (25) must be smaller than max_update (20)'
    """

    def __init__(self, num_steps=30, base_lr=0.5, final_lr=0.01, warmup_steps=5,
                 max_update=20, lang="both"):
        if not isinstance(num_steps, int) or isinstance(num_steps, bool) or num_steps < 2:
            raise ValueError(f"num_steps must be an integer >= 2, got {num_steps!r}")
        self.num_steps = num_steps
        self.words = words_in(_WORDS, lang)
        self.values = {}
        for name, value in (("base_lr", base_lr), ("final_lr", final_lr),
                            ("warmup_steps", warmup_steps), ("max_update", max_update)):
            low, high, _ = SLIDER_RANGES[name]
            if not low <= value <= high:
                raise ValueError(f"{name} must lie in [{low}, {high}], got {value!r}")
            self.values[name] = value
        self.fig, self.ax = plt.subplots(figsize=(5, 3))
        plt.close(self.fig)  # shown only through show(), never twice by the inline backend
        self._handle = None
        problem = self.update()
        if problem:
            raise ValueError(problem)

    def update(self, **changes):
        """Set some values, redraw, and return '' or the reason the schedule is invalid.

        An invalid combination (say ``final_lr > base_lr``) keeps the last valid curve
        and puts the reason in the figure's title instead of raising, so that a slider
        can pass through it.
        """
        unknown = set(changes) - set(self.values)
        if unknown:
            raise ValueError(f"unknown argument(s) {sorted(unknown)}; use {sorted(self.values)}")
        self.values.update(changes)
        v = self.values
        try:
            if v["final_lr"] > v["base_lr"]:
                raise ValueError(f"final_lr ({v['final_lr']}) must not exceed base_lr ({v['base_lr']})")
            scheduler = CosineScheduler(int(v["max_update"]), base_lr=v["base_lr"],
                                        final_lr=v["final_lr"], warmup_steps=int(v["warmup_steps"]))
        except ValueError as error:
            self.ax.set_title(str(error), fontsize=8, color="red")
            self._refresh()
            return str(error)
        steps = range(self.num_steps)
        self.ax.clear()
        self.ax.plot(steps, [scheduler(t) for t in steps])
        self.ax.set_xlabel(self.words["step"])
        self.ax.set_ylabel(self.words["lr"])
        self.ax.set_title(self.words["title"], fontsize=9)
        self.ax.grid(True)
        self._refresh()
        return ""

    def _refresh(self):
        if self._handle is not None:
            self._handle.update(self.fig)

    def show(self):
        """Display the static figure, then the sliders (when ipywidgets is installed).

        Returns the ``ipywidgets.VBox`` of sliders, or None without ipywidgets (then
        the static figure is all there is).
        """
        from IPython.display import display
        self._handle = display(self.fig, display_id=True)
        try:
            import ipywidgets as widgets
        except ImportError:
            return None
        sliders = []
        for name, (low, high, step) in SLIDER_RANGES.items():
            kind = widgets.IntSlider if isinstance(step, int) else widgets.FloatSlider
            slider = kind(value=self.values[name], min=low, max=high, step=step,
                          description=name, continuous_update=False)
            slider.observe(lambda change, name=name: self.update(**{name: change["new"]}),
                           names="value")
            sliders.append(slider)
        box = widgets.VBox(sliders)
        display(box)
        return box
