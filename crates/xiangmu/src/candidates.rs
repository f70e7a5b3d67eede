//! One pass over a normalized text that finds, for every scanner at once,
//! where it may start: quantities, dates and durations, stage words,
//! project names, and clause boundaries.
//!
//! Each scanner used to walk the whole text with its own first test (one
//! bitmap lookup per character); five walks cost more than the work done
//! at the few positions they find. Here a character is decoded once and
//! looked up once, in [`CLASS`] (the five sets as bits of one table), and
//! the positions are kept without a branch on the tests (see
//! [`Candidates::find`]): common characters of a set, such as 中 or 上,
//! cost no mispredicted branch. The scanners then visit only their lists, with the checks they
//! made before at each position.

use crate::charset::{CharSet, UTF8_LEN};

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

/// [`CLASS`] for a lead byte that does not start a three-byte character:
/// ASCII has its class, other bytes (of two- and four-byte characters)
/// start nothing.
static LEAD_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut x = 0;
    while x < 0x80 {
        t[x] = CLASS[x];
        x += 1;
    }
    t
};

/// Entries of a [`Scratch`] buffer, a power of two: a chunk of the text
/// has fewer characters, so a position masked with `CHUNK - 1` (which
/// needs no bounds check) never wraps.
const CHUNK: usize = 4096;

/// Bytes of text per chunk: the last character may start just before the
/// limit, so every chunk has at most `CHUNK - 4` characters.
const CHUNK_BYTES: usize = CHUNK - 8;

/// Per-thread buffers of the scan, allocated and zeroed once: a text pays
/// for no allocation or zeroing but its five result lists.
struct Scratch {
    /// The hits of a chunk: `offset in chunk << 8 | class`.
    hits: Box<[u32; CHUNK]>,
    /// The offsets (in the chunk) of each list, before they are widened
    /// and copied out.
    lists: Box<[[u32; CHUNK]; 5]>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch {
        hits: Box::new([0; CHUNK]),
        lists: Box::new([[0; CHUNK]; 5]),
    });
}

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
    ///
    /// The text is read in chunks of [`CHUNK_BYTES`]: first every
    /// character some scanner may start at is kept with its class bits
    /// (without a branch on the test, and without one on the character's
    /// length: ASCII and CJK alternate unpredictably), then each list takes
    /// its positions, again without branches; the lists of a chunk are
    /// copied out at once.
    fn find<const ALL: bool>(s: &str) -> Candidates {
        let mut out = Candidates::default();
        if s.is_empty() {
            return out;
        }
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let Scratch { hits, lists } = &mut *scratch;
            let b = s.as_bytes();
            let mut start = 0;
            while start < b.len() {
                let (n, next) = Candidates::chunk_hits::<ALL>(b, start, hits);
                Candidates::split::<ALL>(&hits[..n], start, lists, &mut out);
                start = next;
            }
        });
        out
    }

    /// The hits of the characters starting in `b[start..start +
    /// CHUNK_BYTES]` (`start` a char boundary): their number, and where
    /// the next chunk starts.
    #[inline(always)]
    fn chunk_hits<const ALL: bool>(
        b: &[u8],
        start: usize,
        hits: &mut [u32; CHUNK],
    ) -> (usize, usize) {
        let wanted = if ALL { 0xFF } else { QUANTITY | DATE };
        let limit = (start + CHUNK_BYTES).min(b.len());
        let mut n = 0;
        let mut i = start;
        // While three bytes are there to read, without a branch on the
        // lead byte: both table loads, then a select.
        let fast_limit = limit.min(b.len().saturating_sub(2));
        while i < fast_limit {
            let (b0, b1, b2) = (b[i], b[i + 1], b[i + 2]);
            let cp = (usize::from(b0 & 0x0F) << 12)
                | (usize::from(b1 & 0x3F) << 6)
                | usize::from(b2 & 0x3F);
            let three = b0 & 0xF0 == 0xE0;
            let class = if three {
                CLASS[cp]
            } else {
                LEAD_CLASS[usize::from(b0)]
            } & wanted;
            hits[n & (CHUNK - 1)] = ((i - start) as u32) << 8 | u32::from(class);
            n += usize::from(class != 0);
            i += usize::from(UTF8_LEN[usize::from(b0)]);
        }
        // The last one or two bytes: no three-byte character starts there.
        while i < limit {
            let b0 = b[i];
            let class = LEAD_CLASS[usize::from(b0)] & wanted;
            hits[n & (CHUNK - 1)] = ((i - start) as u32) << 8 | u32::from(class);
            n += usize::from(class != 0);
            i += usize::from(UTF8_LEN[usize::from(b0)]);
        }
        (n, i)
    }

    /// Appends the hits of a chunk at `start` to the lists of `out`.
    #[inline(always)]
    fn split<const ALL: bool>(
        hits: &[u32],
        start: usize,
        lists: &mut [[u32; CHUNK]; 5],
        out: &mut Candidates,
    ) {
        let [q, d, st, nm, bd] = lists;
        let mut len = [0usize; 5];
        for &h in hits {
            let (at, class) = (h >> 8, h & 0xFF);
            q[len[0] & (CHUNK - 1)] = at;
            len[0] += (class & u32::from(QUANTITY) != 0) as usize;
            d[len[1] & (CHUNK - 1)] = at;
            len[1] += (class & u32::from(DATE) != 0) as usize;
            if ALL {
                st[len[2] & (CHUNK - 1)] = at;
                len[2] += (class & u32::from(STAGE) != 0) as usize;
                nm[len[3] & (CHUNK - 1)] = at;
                len[3] += (class & u32::from(NAME) != 0) as usize;
                bd[len[4] & (CHUNK - 1)] = at;
                len[4] += (class & u32::from(BOUNDARY) != 0) as usize;
            }
        }
        let widen = |list: &mut Vec<usize>, from: &[u32]| {
            list.extend(from.iter().map(|&at| start + at as usize));
        };
        widen(&mut out.quantity, &q[..len[0]]);
        widen(&mut out.date, &d[..len[1]]);
        if ALL {
            widen(&mut out.stage, &st[..len[2]]);
            widen(&mut out.name, &nm[..len[3]]);
            widen(&mut out.boundary, &bd[..len[4]]);
        }
    }
}
