"""One collapsed block per solution: its text in both languages, its code and its outputs.

A solution is a run of consecutive cells tagged ``solution`` (CONTRIBUTING.md): the pairs of
markdown blocks that :mod:`.bilingual` marks with the class ``solution`` and the code cells,
which myst-nb marks ``tag_solution``. :class:`GroupSolutions` wraps each run into one
container with the class ``toggle``, which sphinx-togglebutton collapses behind a single
button; a section heading ends a run, so each exercise's solution gets its own button.
"""
from docutils import nodes
from sphinx.transforms import SphinxTransform

SOLUTION_CLASSES = ("solution", "tag_solution")


def is_solution(node):
    """Whether ``node`` is a block of a solution (a marked pair or a tagged code cell).

    >>> is_solution(nodes.container(classes=["cell", "tag_solution"]))
    True
    >>> is_solution(nodes.paragraph(classes=["lang-en"]))
    False
    """
    return isinstance(node, nodes.Element) and any(
        name in node["classes"] for name in SOLUTION_CLASSES)


def solution_runs(children):
    """Index ranges ``(start, stop)`` of the maximal runs of solution blocks in ``children``.

    >>> blocks = [nodes.paragraph(), nodes.container(classes=["solution"]),
    ...           nodes.container(classes=["tag_solution"]), nodes.section(),
    ...           nodes.container(classes=["solution"])]
    >>> solution_runs(blocks)
    [(1, 3), (4, 5)]
    """
    runs, start = [], None
    for index, child in enumerate(list(children) + [None]):
        if child is not None and is_solution(child):
            start = index if start is None else start
        elif start is not None:
            runs.append((start, index))
            start = None
    return runs


class GroupSolutions(SphinxTransform):
    """Wrap each run of solution blocks into one collapsible ``solution toggle`` container."""

    default_priority = 820  # after the pairing of the Markdown pages and the explorers

    def apply(self, **kwargs):
        parents = {id(node.parent): node.parent for node in self.document.findall(nodes.Element)
                   if node.parent is not None and is_solution(node)}
        for parent in parents.values():
            for start, stop in reversed(solution_runs(parent.children)):
                blocks = parent.children[start:stop]
                del parent.children[start:stop]
                for block in blocks:
                    if "toggle" in block["classes"]:
                        block["classes"].remove("toggle")
                group = nodes.container("", *blocks, classes=["solution-group", "toggle"])
                parent.insert(start, group)
