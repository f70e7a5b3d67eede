"""Type stubs of the native module ``xiangmu._xiangmu`` (kept by hand).

Every name here is re-exported by ``xiangmu``. ``python/tests`` checks this
file against the runtime with ``mypy.stubtest`` and a typed example.
"""

import datetime
from decimal import Decimal
from typing import Any, Callable, Final, Iterable, Iterator, Literal, Sequence, Union, final, overload

_KindName = Literal[
    "money", "area", "date", "duration", "milestone", "count", "percent", "capacity"
]
_Qualifier = Literal[
    "exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"
]
_MoneyRole = Literal[
    "total_investment",
    "investment",
    "planned_investment",
    "completed_investment",
    "output_value",
    "revenue",
    "tax",
    "contract",
    "financing",
    "other",
]
_AreaUnit = Literal["mu", "m2", "hectare", "km2"]
_PercentUnit = Literal["percent", "point"]
_Grain = Literal["day", "xun", "month", "quarter", "half_year", "year"]
_DurationUnit = Literal["hour", "day", "week", "month", "year"]
_Stage = Literal[
    "negotiation",
    "signing",
    "land",
    "permit",
    "construction_start",
    "topping_out",
    "completion",
    "trial_production",
    "production_start",
    "full_production",
]
_Status = Literal["done", "planned", "ongoing"]
_Anchor = Union[datetime.date, str, None]
_Value = Union[
    "Money",
    "Area",
    "DateSpan",
    "Duration",
    "Milestone",
    "Count",
    "Percent",
    "Capacity",
    dict[str, Any],
]
_Record = Union["Project", "Batch"]

__all__ = [
    "__version__",
    "KINDS",
    "XiangmuError",
    "Mention",
    "Mentions",
    "Money",
    "Area",
    "DateSpan",
    "Duration",
    "Milestone",
    "Count",
    "Percent",
    "Capacity",
    "Project",
    "Batch",
    "parse_money",
    "parse_area",
    "parse_date",
    "parse_duration",
    "parse_stage",
    "parse_number",
    "extract",
    "extract_many",
    "projects",
    "projects_many",
    "_restore_value",
    "_restore_mention",
    "_restore_mentions",
]

__version__: Final[str]
"""The package version (the Rust workspace's)."""

KINDS: Final[tuple[_KindName, ...]]
"""Every kind the library finds, in SPEC order."""

class XiangmuError(ValueError):
    """A bad argument or an expression that does not parse.

    ``str(error)`` is the core library's message ("expected X, found Y (at
    bytes a..b)"; the byte range is of the UTF-8 input). Set by the library
    on every instance it raises (and kept by pickle):
    """

    code: str
    """A stable snake_case code: ``empty``, ``unexpected``, ``overflow``,
    ``invalid_date`` (from the core), ``invalid_anchor`` (an anchor string
    that is not a ``YYYY-MM-DD`` calendar date)."""
    start: int
    """First code point of the offending part of the input (a ``str`` index)."""
    end: int
    """One past its last code point."""

@final
class Money:
    """An amount of money (frozen; compare with ``==``, hashable, picklable).

    No constructor: values come from :func:`parse_money` and
    :func:`extract`.
    """

    @property
    def value(self) -> Decimal | None:
        """The amount in units of ``currency``; None for a range or a vague amount."""
    @property
    def low(self) -> Decimal | None:
        """Low end of a range (qualifier ``range``)."""
    @property
    def high(self) -> Decimal | None:
        """High end of a range."""
    @property
    def currency(self) -> str:
        """ISO 4217 code: ``CNY`` unless another currency is written."""
    @property
    def qualifier(self) -> _Qualifier:
        """``exact``, ``approx``, a bound, ``range`` or ``vague``."""
    @property
    def role(self) -> _MoneyRole:
        """What the amount is, from the role word before it (``other`` if none)."""
    def to_dict(self) -> dict[str, str]:
        """The SPEC JSON fields (decimals as strings), e.g.
        ``{"value": "150000000", "currency": "CNY", "qualifier": "approx", "role": "other"}``."""
    def __eq__(self, other: object, /) -> bool:
        """Equal when every SPEC field is equal."""
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]: ...

@final
class Area:
    """A land or floor area (frozen; ``==``, hashable, picklable)."""

    @property
    def value(self) -> Decimal | None:
        """The area in ``unit``, scaled (``1.2万亩`` -> 12000)."""
    @property
    def low(self) -> Decimal | None:
        """Low end of a range, in ``unit``."""
    @property
    def high(self) -> Decimal | None:
        """High end of a range, in ``unit``."""
    @property
    def unit(self) -> _AreaUnit:
        """The written unit: ``mu`` (亩), ``m2``, ``hectare``, ``km2``."""
    @property
    def square_meters(self) -> Decimal | None:
        """``value`` in square meters, rounded half-up to 2 places (1 亩 = 2000/3 m²)."""
    @property
    def low_square_meters(self) -> Decimal | None:
        """``low`` in square meters (2 places)."""
    @property
    def high_square_meters(self) -> Decimal | None:
        """``high`` in square meters (2 places)."""
    @property
    def qualifier(self) -> _Qualifier:
        """``exact``, ``approx``, a bound, ``range`` or ``vague``."""
    def to_dict(self) -> dict[str, str]:
        """The SPEC JSON fields, e.g. ``{"value": "243.82", "unit": "mu",
        "square_meters": "162546.67", "qualifier": "approx"}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]: ...

@final
class DateSpan:
    """A date or period: first and last day, inclusive, and its grain
    (frozen; ``==``, hashable, picklable).

    A side is None when it is open (``截至9月底`` has no start) or needs an
    anchor that was not given (``3月25日`` without one).
    """

    @property
    def start(self) -> datetime.date | None:
        """The first day."""
    @property
    def end(self) -> datetime.date | None:
        """The last day (inclusive)."""
    @property
    def grain(self) -> _Grain:
        """``day``, ``xun`` (上旬/中旬/下旬), ``month``, ``quarter``, ``half_year`` or ``year``."""
    def to_dict(self) -> dict[str, str | None]:
        """The SPEC JSON (a date mention's nested ``value``), e.g.
        ``{"start": "2023-03-21", "end": "2023-03-31", "grain": "xun"}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]: ...

@final
class Duration:
    """A length of time in the unit as written (``10个月``, ``24小时内``, ``半年``)."""

    @property
    def value(self) -> Decimal | None:
        """The number of ``unit`` s (``半年`` -> 0.5); None for a range."""
    @property
    def low(self) -> Decimal | None:
        """Low end of a range (``3至5年`` -> 3)."""
    @property
    def high(self) -> Decimal | None:
        """High end of a range."""
    @property
    def unit(self) -> _DurationUnit:
        """``hour``, ``day`` (工作日 too), ``week``, ``month`` or ``year``."""
    @property
    def qualifier(self) -> _Qualifier: ...
    def to_dict(self) -> dict[str, str]:
        """The SPEC JSON fields, e.g. ``{"value": "24", "unit": "hour", "qualifier": "at_most"}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]: ...

@final
class Milestone:
    """A project stage the text says happened, is planned or is under way
    (``开工``, ``簽約``; frozen, ``==``, hashable, picklable)."""

    @property
    def stage(self) -> _Stage:
        """The stage the word names, in project order from ``negotiation`` to ``full_production``."""
    @property
    def status(self) -> _Status:
        """``done``, ``planned`` or ``ongoing``."""
    @property
    def project(self) -> str | None:
        """The one project it is said of, as written; None for lists, batches and companies."""
    @property
    def date(self) -> DateSpan | None:
        """The date of the time expression that governs it, if any."""
    def to_dict(self) -> dict[str, Any]:
        """The SPEC JSON fields, e.g. ``{"stage": "construction_start", "status":
        "planned", "project": None, "date": {"start": ..., "end": ..., "grain": ...}}``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]: ...

@final
class Count:
    """A count with its measure word (``181个``; frozen, ``==``, hashable, picklable)."""

    @property
    def value(self) -> int | None:
        """The number of things; None for a range or a vague count."""
    @property
    def low(self) -> int | None:
        """Low end of a range."""
    @property
    def high(self) -> int | None:
        """High end of a range."""
    @property
    def unit(self) -> str:
        """The measure word as written (``个``, ``個``, ``家`` ...)."""
    @property
    def qualifier(self) -> _Qualifier: ...
    def to_dict(self) -> dict[str, Any]:
        """The SPEC JSON fields (``value`` an int)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]: ...

@final
class Percent:
    """A percentage (``83.3%``, ``九成``) or percentage points (``百分点``)."""

    @property
    def value(self) -> Decimal | None:
        """The percentage (``"83.3"`` for 83.3%)."""
    @property
    def low(self) -> Decimal | None: ...
    @property
    def high(self) -> Decimal | None: ...
    @property
    def unit(self) -> _PercentUnit:
        """``percent`` or ``point`` (百分点)."""
    @property
    def qualifier(self) -> _Qualifier: ...
    def to_dict(self) -> dict[str, str]:
        """The SPEC JSON fields."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]: ...

@final
class Capacity:
    """An installed power capacity (``2×1000MW``, ``300万千瓦``), in kW."""

    @property
    def value(self) -> Decimal | None:
        """Total capacity in kW."""
    @property
    def units(self) -> int | None:
        """Number of units (1 when no ``N×`` is written)."""
    @property
    def unit_value(self) -> Decimal | None:
        """Capacity of one unit in kW."""
    @property
    def qualifier(self) -> _Qualifier: ...
    def to_dict(self) -> dict[str, Any]:
        """The SPEC JSON fields (``units`` an int)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]: ...

@final
class Project:
    """A named project and what the text says of it: one record of
    :func:`projects` (frozen, ``==``, hashable, picklable)."""

    @property
    def name(self) -> str:
        """The name as first written (original text, glosses kept)."""
    @property
    def start(self) -> int:
        """First code point of the name's first mention (a ``str`` index)."""
    @property
    def end(self) -> int:
        """One past its last code point."""
    @property
    def investment(self) -> Money | None:
        """Its total investment where given, else its (phase) investment."""
    @property
    def area(self) -> Area | None:
        """The area stated of it."""
    @property
    def milestones(self) -> list[Milestone]:
        """One per (stage, status), in stage order, each with the most
        specific date of its mentions (``project`` is not set on these)."""
    def to_dict(self) -> dict[str, Any]:
        """The SPEC JSON of the record (``name``, ``start``, ``end``,
        ``investment``, ``area``, ``milestones``)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]: ...

@final
class Batch:
    """Several projects started, signed or completed together
    (``162个项目集中开工，总投资426亿元``): a record of :func:`projects`."""

    @property
    def kind(self) -> Literal["batch"]:
        """Always ``"batch"`` (as in the SPEC JSON)."""
    @property
    def start(self) -> int:
        """First code point of the count (or of the stage word when no count)."""
    @property
    def end(self) -> int:
        """One past its last code point."""
    @property
    def count(self) -> int | None:
        """How many projects, when given."""
    @property
    def stages(self) -> list[_Stage]:
        """The stages (``集中开竣工`` gives two)."""
    @property
    def date(self) -> DateSpan | None:
        """The date of the statement."""
    @property
    def investment(self) -> Money | None:
        """Their total investment."""
    @property
    def members(self) -> list[str]:
        """Named members (``其中，X项目…``), as their record names."""
    def to_dict(self) -> dict[str, Any]:
        """The SPEC JSON of the record, ``"kind": "batch"`` first."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]: ...

@final
class Mention:
    """One fact found in a text: where it is and what it means.

    Frozen; ``==`` compares offsets, text and value; hashable; picklable.
    ``text[m.start:m.end] == m.text`` for the ``text`` it was found in.
    """

    @property
    def kind(self) -> _KindName:
        """The kind name (one of :data:`KINDS`)."""
    @property
    def start(self) -> int:
        """First code point in the original text (a ``str`` index)."""
    @property
    def end(self) -> int:
        """One past the last code point."""
    @property
    def text(self) -> str:
        """The original text of the mention (glosses, full-width digits kept)."""
    @property
    def value(self) -> _Value:
        """The normalized value: a :class:`Money`, :class:`Area`,
        :class:`DateSpan`, :class:`Duration`, :class:`Milestone`, :class:`Count`,
        :class:`Percent` or :class:`Capacity` by ``kind``
        (a ``dict`` of the SPEC fields for a kind this version has no class for)."""
    def to_dict(self) -> dict[str, Any]:
        """The SPEC JSON of the mention: ``kind``, ``start``, ``end``,
        ``text`` and the value fields, exactly as the CLI writes it."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(
        self,
    ) -> tuple[Callable[..., Any], tuple[int, int, str, int, int, str, str]]: ...

@final
class Mentions(Sequence[Mention]):
    """The mentions of one text of :func:`extract_many`, sorted by start.

    A read-only sequence that builds each :class:`Mention` object when it
    is read (``ms[0] == ms[0]``, but not ``is``): ``len``, indexing
    (negative too), slicing (a slice is a ``list``), iteration, ``in``,
    ``index``, ``count``, ``==`` with another ``Mentions`` or with a list or
    tuple of mentions, pickling. It is a ``collections.abc.Sequence``;
    ``list(ms)`` or :meth:`to_list` gives a plain list.
    """

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int, /) -> Mention: ...
    @overload
    def __getitem__(self, index: slice, /) -> list[Mention]: ...
    def __iter__(self) -> Iterator[Mention]: ...
    def __contains__(self, item: object, /) -> bool: ...
    def index(self, value: object) -> int:  # type: ignore[override]
        """The position of the first mention equal to ``value``
        (``ValueError`` if there is none)."""
    def count(self, value: object) -> int:  # type: ignore[override]
        """How many mentions equal ``value``."""
    def to_list(self) -> list[Mention]:
        """Every mention as a plain ``list`` (built now)."""
    def __eq__(self, other: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Callable[..., Any], tuple[list[Mention]]]: ...

def parse_money(expr: str) -> Money:
    """Parses one money expression: the whole string is the amount, with an
    optional role word before it (``总投资约1.5亿元``, ``5-10亿元``).

    Raises :class:`XiangmuError` if it is not one; ``TypeError`` if ``expr``
    is not a str.
    """

def parse_area(expr: str) -> Area:
    """Parses one area expression (``约243.82亩``, ``12万平方米``, ``數百畝``).

    Raises :class:`XiangmuError` if it is not one.
    """

def parse_date(expr: str, anchor: _Anchor = None) -> DateSpan:
    """Parses one date expression (``2018年12月18日``, ``今年5月``,
    ``9月下旬``, ``前三季度``), resolved against ``anchor`` (the article's
    publication date: a ``datetime.date`` or ``"YYYY-MM-DD"``).

    Raises :class:`XiangmuError` (``invalid_date`` for a day that does not
    exist, ``invalid_anchor`` for a bad anchor string).
    """

def parse_duration(expr: str) -> Duration:
    """Parses one duration expression (``10个月``, ``24小时内``, ``半年时间``).

    Raises :class:`XiangmuError` if it is not one (a date is not a duration).
    """

def parse_stage(expr: str) -> _Stage:
    """Parses one stage word of the SPEC lexicon (``开工``, ``簽約``,
    ``主体竣工``) to its stage name (``construction_start`` ...).

    Raises :class:`XiangmuError` if it is not one (``开工率`` is not).
    """

def parse_number(expr: str) -> Decimal:
    """Parses one number: Arabic, full-width or Chinese numerals, with
    magnitudes (``1.5万`` -> 15000, ``二〇二三`` -> 2023).

    Raises :class:`XiangmuError` if it is not one.
    """

def extract(
    text: str,
    anchor: _Anchor = None,
    kinds: Iterable[_KindName] | None = None,
) -> list[Mention]:
    """Every mention in ``text``, sorted by start.

    ``anchor``: the article's publication date (a ``datetime.date``, a
    ``datetime`` counting as its date, or ``"YYYY-MM-DD"``) against which
    relative dates resolve. ``kinds``: only these kinds (default: all).

    Never fails on any text; raises ``TypeError`` naming the argument for a
    wrong type, :class:`XiangmuError` (code ``invalid_anchor``) for a bad
    anchor string, ``ValueError`` for an unknown kind, and
    ``UnicodeEncodeError`` for a ``str`` with lone surrogates. Releases the
    GIL while it works.
    """

def extract_many(
    texts: Iterable[str],
    anchors: Iterable[_Anchor] | None = None,
    kinds: Iterable[_KindName] | None = None,
    threads: int | None = None,
) -> list[Mentions | TypeError | ValueError]:
    """The mentions of every text, in input order, computed in parallel:
    one :class:`Mentions` (a lazy sequence of :class:`Mention`) per text.

    The calling thread converts the inputs while a pool already extracts
    the converted ones with the GIL released (``threads``: a pool of that
    size; ``1``: the calling thread only; default: rayon's global pool,
    sized by the ``RAYON_NUM_THREADS`` environment variable or the number
    of CPUs). Ctrl-C (``KeyboardInterrupt``) stops the batch within a few
    milliseconds; documents not yet started are dropped.

    ``anchors``: None, or one anchor per text (same length). A bad element
    does not stop the batch: its slot holds the exception instance, not a
    list: ``TypeError`` (a text that is not a str, an anchor of a wrong
    type), :class:`XiangmuError` with code ``invalid_anchor`` (a bad anchor
    string) or ``UnicodeEncodeError`` (lone surrogates). Arguments that are
    wrong as a whole raise: ``TypeError`` (``texts`` or ``anchors`` not an
    iterable, or a single str), ``ValueError`` (lengths differ, an unknown
    kind, ``threads < 1``).
    """

def projects(text: str, anchor: _Anchor = None) -> list[_Record]:
    """The project records of ``text``: one :class:`Project` per named
    project, in order of first mention, then one :class:`Batch` per
    ``N个项目集中开工/签约/开竣工`` statement.

    ``anchor`` resolves relative dates as in :func:`extract`. Raises as
    :func:`extract` does for bad arguments; releases the GIL.
    """

def projects_many(
    texts: Iterable[str],
    anchors: Iterable[_Anchor] | None = None,
    threads: int | None = None,
) -> list[list[_Record] | TypeError | ValueError]:
    """:func:`projects` of every text, in input order, in parallel with the
    GIL released; bad elements and arguments as in :func:`extract_many`."""

def _restore_value(kind: str, json: str) -> _Value | _Record:
    """Pickle support: a value object from its kind and SPEC JSON."""

def _restore_mention(
    start: int, end: int, text: str, span_start: int, span_end: int, kind: str, json: str
) -> Mention:
    """Pickle support: a mention from its parts."""

def _restore_mentions(items: list[Mention]) -> Mentions:
    """Pickle support: a :class:`Mentions` from its mentions."""
