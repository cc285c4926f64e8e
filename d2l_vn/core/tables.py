"""The tables the chapters show: pandas DataFrames drawn for a reader, not for a programmer.

A :class:`Table` is a DataFrame (columns, rows and values work as usual) whose HTML, what
Jupyter and the website show, leaves out pandas' row numbers, writes a missing value as
"—" and numbers as the table holds them.
"""
import pandas as pd

__all__ = ["Table"]


class Table(pd.DataFrame):
    """A DataFrame shown without its index and with "—" for a missing value."""

    @property
    def _constructor(self):
        return Table

    def _repr_html_(self):
        return (self.style.hide(axis="index").format(na_rep="—", precision=3)
                .set_table_attributes('class="dataframe d2l-vn-table"').to_html())
