//! Any bytes as a whole log: detection and reading never panic, every line
//! is counted once (read, filtered or unreadable), and the streaming reader
//! (standard input, gzip) agrees with the parallel one over a memory map.
#![no_main]

use httpdex_logs::{Analysis, Format, Options, analyze_bytes, analyze_reader};
use libfuzzer_sys::fuzz_target;

fn check(a: &Analysis) {
    let s = &a.stats;
    assert_eq!(s.counted() + s.filtered_out() + s.unreadable(), s.lines());
    assert_eq!(s.statuses().iter().map(|(_, n)| n).sum::<u64>(), s.counted());
    assert!(s.unreadable_lines().len() <= 5);
}

fuzz_target!(|input: (u8, &[u8])| {
    let (pick, bytes) = input;
    let forced = Format::ALL.get(usize::from(pick) % 10).copied();
    let options = Options {
        format: forced,
        summary_only: pick & 0x80 != 0,
        ..Options::default()
    };
    let mapped = analyze_bytes(bytes, &options);
    let streamed = analyze_reader(bytes, &options);
    if let Ok(a) = &mapped {
        check(a);
    }
    if let Ok(a) = &streamed {
        check(a);
    }
    // Gzip magic: only the stream reader gunzips.
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return;
    }
    match (mapped, streamed) {
        (Ok(m), Ok(s)) => {
            assert_eq!(m.stats.statuses(), s.stats.statuses());
            assert_eq!(m.stats.unreadable_lines(), s.stats.unreadable_lines());
        }
        (Err(_), Err(_)) => {}
        (m, s) => panic!("the readers disagree: {m:?} vs {s:?}"),
    }
});
