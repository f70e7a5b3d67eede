//! Options for a text with a publication date (the anchor that relative
//! dates resolve against), shared by `golden.rs` and `props.rs`.

use xiangmu::Options;

/// Default options for a text published on `anchor` (an ISO date, or none).
pub fn options_for(anchor: Option<&str>) -> Options {
    let options = Options::default();
    match anchor {
        Some(iso) => {
            let date: jiff::civil::Date = iso
                .parse()
                .unwrap_or_else(|e| panic!("bad anchor {iso:?}: {e}"));
            options.with_anchor(date)
        }
        None => options,
    }
}
