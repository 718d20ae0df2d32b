"""Turning any supported frame into pandas, for the report and the plots."""

from __future__ import annotations

from typing import Any

__all__ = ["to_pandas"]


def to_pandas(df: Any) -> Any:
    """``df`` as a pandas DataFrame (pandas frames are returned as they are)."""
    import pandas as pd

    if isinstance(df, pd.DataFrame):
        return df
    module = type(df).__module__
    if module.startswith(("polars", "pyarrow")) and hasattr(df, "to_pandas"):
        return df.to_pandas()
    if hasattr(df, "__arrow_c_stream__"):
        import pyarrow as pa

        return pa.table(df).to_pandas()
    raise TypeError(
        "expected a pandas or polars DataFrame or a pyarrow Table, "
        f"not {type(df).__name__}"
    )
