"""The "About the experiments" note of a chapter's PyTorch edition: it describes the PyTorch record."""
from ..core import about

__all__ = ["about_experiments"]


def about_experiments(studies, lang="both"):
    """:func:`d2l_vn.core.about.about_experiments` for the PyTorch record."""
    return about.about_experiments(studies, lang, framework="torch")
