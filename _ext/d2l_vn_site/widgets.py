"""Leave Jupyter widget outputs off the static website.

An output with the MIME type ``application/vnd.jupyter.widget-view+json`` needs a live
kernel; on the website it would only show its text fallback (``interactive(...)``). The
chapters also draw a static figure, so :func:`static_outputs` drops widget outputs from what
myst-nb renders (``MditRenderMixin._get_nb_code_cell_outputs`` is wrapped at setup).
"""
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def static_outputs(outputs):
    """The outputs of a code cell without its widget views.

    Parameters
    ----------
    outputs : list of dict
        Notebook outputs (``output_type`` and, for rich outputs, ``data``).

    Returns
    -------
    list of dict
        Every output whose ``data`` has no widget view, in order.

    Examples
    --------
    >>> outputs = [{"output_type": "display_data", "data": {WIDGET_MIME: {}, "text/plain": "w"}},
    ...            {"output_type": "stream", "text": "ok"}]
    >>> [o["output_type"] for o in static_outputs(outputs)]
    ['stream']
    """
    return [output for output in outputs if WIDGET_MIME not in output.get("data", {})]


def without_widgets(get_outputs):
    """Wrap myst-nb's ``_get_nb_code_cell_outputs`` so that it skips widget views."""
    def wrapped(self, token):
        exec_count, outputs = get_outputs(self, token)
        return exec_count, static_outputs(outputs)
    wrapped.__doc__ = get_outputs.__doc__
    return wrapped
