"""Tables of mentions for analysis (pandas is imported on demand)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Hashable, Iterable, List, Optional, Sequence, Union

from ._xiangmu import Mention

if TYPE_CHECKING:  # pragma: no cover
    # pandas ships no types; with pandas-stubs installed the ignore is unused.
    import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]

#: Columns every table has, in this order; value columns follow.
BASE_COLUMNS = ("doc", "kind", "start", "end", "text")


def _import_pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised without pandas
        raise ImportError(
            "xiangmu.to_pandas needs pandas, which is not installed: "
            "pip install pandas (or pip install 'xiangmu[pandas]')"
        ) from e
    return pandas


def _value_columns(m: Mention) -> Dict[str, Any]:
    """The mention's SPEC value fields, typed (Decimal, int, str, date).

    Field names come from the SPEC JSON (``to_dict``); each value is read
    from the typed object, so decimals stay exact. A nested field (a date's
    ``value``) becomes ``<field>_<key>`` columns.
    """
    spec = m.to_dict()
    value = m.value
    out: Dict[str, Any] = {}
    for key, raw in spec.items():
        if key in ("kind", "start", "end", "text"):
            continue
        if isinstance(raw, dict):
            for sub, sub_raw in raw.items():
                out[f"{key}_{sub}"] = getattr(value, sub, sub_raw)
        elif isinstance(value, dict):
            out[key] = raw
        else:
            out[key] = getattr(value, key, raw)
    return out


def to_pandas(
    items: Iterable[Union[Mention, Sequence[Mention], BaseException]],
    ids: Optional[Sequence[Hashable]] = None,
    errors: str = "raise",
) -> "pandas.DataFrame":
    """A tidy DataFrame of mentions: one row per mention.

    ``items`` is what :func:`extract` returns (a list of mentions: one
    document) or what :func:`extract_many` returns (one :class:`Mentions` per document,
    or an exception in a failed document's slot).

    Columns: ``doc`` (the document's position, or ``ids[position]``),
    ``kind``, ``start``, ``end``, ``text``, then the value fields of every
    kind present, in the SPEC's names (``value``, ``low``, ``high``,
    ``currency``, ``qualifier``, ``role``, ``unit``, ``square_meters`` ...),
    missing where a kind has no such field. Decimals stay
    ``decimal.Decimal`` (``df["value"].astype(float)`` to plot).

    ``errors="raise"`` (default) re-raises the exception of a failed
    document; ``errors="skip"`` leaves it out.
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"to_pandas(): errors must be 'raise' or 'skip', not {errors!r}")
    pd = _import_pandas()
    docs: List[Any] = list(items)
    if all(isinstance(d, Mention) for d in docs):
        docs = [docs] if docs else []
    if ids is not None and len(ids) != len(docs):
        raise ValueError(f"to_pandas(): got {len(docs)} documents but {len(ids)} ids")
    rows: List[Dict[str, Any]] = []
    columns: Dict[str, None] = dict.fromkeys(BASE_COLUMNS)
    for i, doc in enumerate(docs):
        if isinstance(doc, BaseException):
            if errors == "raise":
                raise doc
            continue
        if isinstance(doc, Mention):
            raise TypeError(
                "to_pandas(): items must be a list of mentions or a list of such lists, not a mix"
            )
        label = ids[i] if ids is not None else i
        for m in doc:
            if not isinstance(m, Mention):
                raise TypeError(f"to_pandas(): expected Mention, not {type(m).__name__}")
            row = {"doc": label, "kind": m.kind, "start": m.start, "end": m.end, "text": m.text}
            row.update(_value_columns(m))
            columns.update(dict.fromkeys(row))
            rows.append(row)
    return pd.DataFrame.from_records(rows, columns=list(columns))
