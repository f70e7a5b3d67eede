//! `parse_stage` and `NormalizedText::to_original` on arbitrary text.
//! The checks are in `crates/xiangmu/tests/support/invariants.rs`, shared
//! with the replay of `tests/fuzz/parse_stage/` in the normal test suite.
#![no_main]

#[path = "../../xiangmu/tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = invariants::fuzz_parse_stage(data) {
        panic!("invariant broken: {e}");
    }
});
