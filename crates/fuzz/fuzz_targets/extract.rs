//! `extract` on the text after a 5-byte header that gives the anchor and the kinds asked for.
//! The checks are in `crates/xiangmu/tests/support/invariants.rs`, shared
//! with the replay of `tests/fuzz/extract/` in the normal test suite.
#![no_main]

#[path = "../../xiangmu/tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = invariants::fuzz_extract(data) {
        panic!("invariant broken: {e}");
    }
});
