//! One pass over a normalized text that finds, for every scanner at once,
//! where it may start: quantities, dates and durations, stage words,
//! project names, and clause boundaries.
//!
//! Each scanner used to walk the whole text with its own first test (one
//! bitmap lookup per character); five walks cost more than the work done
//! at the few positions they find. Here a character is decoded once and
//! looked up once, in [`CLASS`] (the five sets as bits of one table), and
//! the positions are kept without a branch on the tests (see [`Hits`]):
//! common characters of a set, such as 中 or 上, cost no mispredicted
//! branch. The scanners then visit only their lists, with the checks they
//! made before at each position.

use crate::charset::{CharSet, Hits};

/// Where each scanner may start, as sorted byte offsets of characters.
#[derive(Debug, Clone, Default)]
pub(crate) struct Candidates {
    /// ASCII digits and the three-byte characters of the quantity
    /// scanner's first test ([`crate::quantity::STARTS`]).
    pub(crate) quantity: Vec<usize>,
    /// ASCII digits, `Q`, and the three-byte characters of the date
    /// scanner's first test ([`crate::date::STARTS`]).
    pub(crate) date: Vec<usize>,
    /// First characters of stage words.
    pub(crate) stage: Vec<usize>,
    /// First characters of project name suffixes, 前者 and 后者.
    pub(crate) name: Vec<usize>,
    /// Characters that end a clause (ASCII and three-byte ones).
    pub(crate) boundary: Vec<usize>,
}

/// Bits of [`CLASS`]: which scanners a character may start.
const QUANTITY: u8 = 1;
const DATE: u8 = 2;
const STAGE: u8 = 4;
const NAME: u8 = 8;
const BOUNDARY: u8 = 16;

/// For every code point of the Basic Multilingual Plane, the scanners it
/// may start (bits above), from their sets: one load per character instead
/// of five bitmap tests.
static CLASS: [u8; 0x10000] = {
    let sets: [(&CharSet, u8); 5] = [
        (&crate::quantity::STARTS, QUANTITY),
        (&crate::date::STARTS, DATE),
        (&crate::milestone::STAGE_STARTS, STAGE),
        (&crate::project::names::NAME_STARTS, NAME),
        (&crate::project::text::BOUNDARY_CJK, BOUNDARY),
    ];
    let mut t = [0u8; 0x10000];
    let mut cp = 0;
    while cp < 0x10000 {
        let mut k = 0;
        while k < sets.len() {
            if sets[k].0.contains_const(cp) {
                t[cp] |= sets[k].1;
            }
            k += 1;
        }
        cp += 1;
    }
    // ASCII: digits start quantities and dates, `Q` dates (Q1), and the
    // ASCII clause marks end clauses.
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = QUANTITY | DATE;
        d += 1;
    }
    t[b'Q' as usize] = DATE;
    let marks = b",;:!?\n\r";
    let mut m = 0;
    while m < marks.len() {
        t[marks[m] as usize] = BOUNDARY;
        m += 1;
    }
    t
};

impl Candidates {
    /// The candidates of a normalized text.
    pub(crate) fn new(s: &str) -> Candidates {
        Candidates::find::<true>(s)
    }

    /// The quantity and date candidates only (the other lists are empty),
    /// for a scan without milestones.
    pub(crate) fn quantities_and_dates(s: &str) -> Candidates {
        Candidates::find::<false>(s)
    }

    /// With `ALL`, every list; else the quantity and date lists only.
    fn find<const ALL: bool>(s: &str) -> Candidates {
        let b = s.as_bytes();
        let wanted = if ALL { 0xFF } else { QUANTITY | DATE };
        // First every character some scanner may start at, with its class
        // bits, packed as `position << 8 | class` (kept without a branch).
        let mut hits = Hits::with_capacity(b.len() / 8);
        let mut rest = b;
        loop {
            let at = b.len() - rest.len();
            let (class, tail) = match rest {
                // Three-byte characters are stepped over whole; a branch
                // on the lead byte, which the CPU predicts in CJK text.
                [x @ 0xE0..=0xEF, b1, b2, tail @ ..] => {
                    let cp = (usize::from(x & 0x0F) << 12)
                        | (usize::from(b1 & 0x3F) << 6)
                        | usize::from(b2 & 0x3F);
                    (CLASS[cp], tail)
                }
                // Any other byte alone: ASCII has its class, other bytes
                // (of two- and four-byte characters) start nothing.
                [x, tail @ ..] => (if *x < 0x80 { CLASS[usize::from(*x)] } else { 0 }, tail),
                [] => break,
            };
            let class = class & wanted;
            hits.push_if(at << 8 | usize::from(class), class != 0);
            rest = tail;
        }
        // Then one list per scanner.
        let hits = hits.into_vec();
        let cap = hits.len() / 2;
        let mut quantity = Hits::with_capacity(cap);
        let mut date = Hits::with_capacity(cap);
        let mut stage = Hits::with_capacity(if ALL { cap } else { 0 });
        let mut name = Hits::with_capacity(if ALL { cap } else { 0 });
        let mut boundary = Hits::with_capacity(if ALL { cap } else { 0 });
        for h in hits {
            let (at, class) = (h >> 8, h as u8);
            quantity.push_if(at, class & QUANTITY != 0);
            date.push_if(at, class & DATE != 0);
            if ALL {
                stage.push_if(at, class & STAGE != 0);
                name.push_if(at, class & NAME != 0);
                boundary.push_if(at, class & BOUNDARY != 0);
            }
        }
        Candidates {
            quantity: quantity.into_vec(),
            date: date.into_vec(),
            stage: stage.into_vec(),
            name: name.into_vec(),
            boundary: boundary.into_vec(),
        }
    }
}
