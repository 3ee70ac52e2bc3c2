//! Any bytes as one line of every log format: parsing never panics, and
//! what a record yields stays in range (a three-digit status, a path
//! without its query string).
#![no_main]

use httpdex_logs::Format;
use httpdex_logs::parse::{Line, Parser};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &[u8]| {
    for format in Format::ALL {
        let mut parser = Parser::new(format, None);
        if let Line::Record(record) = parser.parse(line) {
            assert!(record.status <= 999);
            assert!(record.upstream.is_none_or(|u| u <= 999));
            let _ = record.time.seconds();
            if let Some(path) = record.target.path() {
                assert!(!path.is_empty() && !path.contains(&b'?'));
            }
        }
    }
    let _ = httpdex_logs::time::any_form(line);
});
