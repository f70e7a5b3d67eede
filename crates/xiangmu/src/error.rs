//! The one error type of the crate.
//!
//! Errors are for bad arguments and for `parse_*` calls on a string that is
//! not the expected expression. Searching free text never fails: no match is
//! an empty result.

use crate::span::Span;

/// Shorthand for `std::result::Result<T, xiangmu::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, and where in the input (a byte range).
///
/// ```
/// let err = xiangmu::parse_money("约1.5亿人次").unwrap_err();
/// assert_eq!(err.kind().code(), "unexpected");
/// assert_eq!(err.span().start, "约1.5亿".len());
/// assert!(err.to_string().contains("expected"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (at bytes {}..{})", span.start, span.end)]
pub struct Error {
    kind: ErrorKind,
    span: Span,
}

/// The kinds of [`Error`], grouped by the module that raises them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input was empty (or only whitespace).
    #[error("expected {expected}, found empty input")]
    Empty {
        /// What the parser wanted to read.
        expected: &'static str,
    },
    /// The input did not continue as the parser expected.
    #[error("expected {expected}, found {found:?}")]
    Unexpected {
        /// What the parser wanted to read.
        expected: &'static str,
        /// The input from the error position on (shortened).
        found: String,
    },
    /// A number does not fit the exact decimal type (about 7.9e28).
    #[error("number too large: {found:?}")]
    Overflow {
        /// The number as written (shortened).
        found: String,
    },
    /// A date that does not exist or lies outside the supported years.
    #[error("invalid date {found:?}: {reason}")]
    InvalidDate {
        /// The date as written.
        found: String,
        /// Why it is invalid.
        reason: String,
    },
}

impl ErrorKind {
    /// A stable snake_case code, the same in Rust, Python and the CLI.
    ///
    /// ```
    /// let err = xiangmu::parse_money("").unwrap_err();
    /// assert_eq!(err.kind().code(), "empty");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Empty { .. } => "empty",
            ErrorKind::Unexpected { .. } => "unexpected",
            ErrorKind::Overflow { .. } => "overflow",
            ErrorKind::InvalidDate { .. } => "invalid_date",
        }
    }
}

impl Error {
    /// Builds an error of `kind` at the byte range `span` of the input.
    pub(crate) fn new(kind: ErrorKind, span: Span) -> Error {
        Error { kind, span }
    }

    /// An `Unexpected` error at byte `at` of `input`, quoting what is there.
    pub(crate) fn unexpected(input: &str, at: usize, expected: &'static str) -> Error {
        let rest = input.get(at..).unwrap_or("");
        if rest.is_empty() && at == 0 {
            return Error::new(ErrorKind::Empty { expected }, Span::new(0, 0));
        }
        let found = if rest.is_empty() {
            "end of input".to_string()
        } else {
            shorten(rest)
        };
        let end = at + rest.chars().next().map_or(0, char::len_utf8);
        Error::new(
            ErrorKind::Unexpected { expected, found },
            Span::new(at, end),
        )
    }

    /// An `Overflow` error for the number written at `span` of `input`.
    pub(crate) fn overflow(input: &str, span: Span) -> Error {
        let found = shorten(input.get(span.start..span.end).unwrap_or(""));
        Error::new(ErrorKind::Overflow { found }, span)
    }

    /// What went wrong.
    ///
    /// ```
    /// use xiangmu::ErrorKind;
    /// let err = xiangmu::parse_area("三百").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Unexpected { .. }));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where it went wrong: a byte range of the input.
    ///
    /// ```
    /// let err = xiangmu::parse_number("12x").unwrap_err();
    /// assert_eq!(err.span().start, 2);
    /// ```
    pub fn span(&self) -> Span {
        self.span
    }

    /// The same position in code points of `input` (Python `str` indices).
    ///
    /// ```
    /// let input = "总投资约1.5亿人次";
    /// let err = xiangmu::parse_money(input).unwrap_err();
    /// assert_eq!(err.char_span(input), (8, 9)); // 人
    /// ```
    pub fn char_span(&self, input: &str) -> (usize, usize) {
        let count = |b: usize| {
            input
                .get(..b.min(input.len()))
                .map_or(0, |s| s.chars().count())
        };
        (count(self.span.start), count(self.span.end))
    }
}

/// At most 20 characters of `s`, with an ellipsis when cut.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(20).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}
