"""xiangmu: typed, exact data from Chinese news about investment projects.

Money, land and floor areas, dates and durations, project milestones,
counts, percentages and power capacities, each with the code-point span of
the original text (``text[m.start:m.end] == m.text``, also through
Traditional script, full-width digits and inline pinyin glosses). Values
are ``decimal.Decimal`` and ``datetime.date``, never floats.

Everything is computed by the Rust core (``xiangmu._xiangmu``); this package
only re-exports it and adds :func:`to_pandas`. :func:`projects` groups the
facts of a text into one record per named project (and batch records).
"""

from ._xiangmu import (
    KINDS,
    Area,
    Batch,
    Capacity,
    Count,
    DateSpan,
    Duration,
    Mention,
    Mentions,
    Milestone,
    Money,
    Percent,
    Project,
    XiangmuError,
    __version__,
    extract,
    extract_many,
    parse_area,
    parse_date,
    parse_duration,
    parse_money,
    parse_number,
    parse_stage,
    projects,
    projects_many,
)
from ._analysis import to_pandas

# A Mentions reads like a list of Mention; let isinstance(x, Sequence) say so.
import collections.abc as _abc

_abc.Sequence.register(Mentions)

__all__ = [
    "KINDS",
    "Area",
    "Batch",
    "Capacity",
    "Count",
    "DateSpan",
    "Duration",
    "Mention",
    "Mentions",
    "Milestone",
    "Money",
    "Percent",
    "Project",
    "XiangmuError",
    "__version__",
    "extract",
    "extract_many",
    "parse_area",
    "parse_date",
    "parse_duration",
    "parse_money",
    "parse_number",
    "parse_stage",
    "projects",
    "projects_many",
    "to_pandas",
]
