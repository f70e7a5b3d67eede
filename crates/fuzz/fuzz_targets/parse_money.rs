//! `parse_money` on arbitrary text (invalid UTF-8 replaced by U+FFFD).
//! The checks are in `crates/xiangmu/tests/support/invariants.rs`, shared
//! with the replay of `tests/fuzz/parse_money/` in the normal test suite.
#![no_main]

#[path = "../../xiangmu/tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = invariants::fuzz_parse_money(data) {
        panic!("invariant broken: {e}");
    }
});
