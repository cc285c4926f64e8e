"""The studies of every chapter, declared once for ``make results`` and the notebooks.

:data:`CHAPTERS` maps a chapter (its notebook's name) to its studies.
"""
from . import adam_radam, lr_scheduling

__all__ = ["CHAPTERS", "adam_radam", "lr_scheduling"]

CHAPTERS = {"lr_scheduling": lr_scheduling.STUDIES, "adam_radam": adam_radam.STUDIES}
