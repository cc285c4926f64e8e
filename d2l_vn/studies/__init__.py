"""The studies of every chapter, declared once for ``make results`` and the notebooks, and their machinery.

:mod:`.design` (arms, seeds, settings, results), :mod:`.records` (the JSON records and their
provenance), :mod:`.results` (``make results``), :mod:`.claims` (the numbers the chapters state),
:mod:`.instruction_set` (oneDNN's cap); :mod:`.lr_scheduling` and :mod:`.adam_radam` declare the studies.

:data:`CHAPTERS` maps a chapter (its notebook's name) to its studies.
"""
from . import adam_radam, lr_scheduling

__all__ = ["CHAPTERS", "adam_radam", "lr_scheduling"]

CHAPTERS = {"lr_scheduling": lr_scheduling.STUDIES, "adam_radam": adam_radam.STUDIES}
