use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use proptest::prelude::*;

use super::Decoder;

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn plain(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

fn ch(c: char) -> Event {
    plain(KeyCode::Char(c))
}

/// Every event of `reads` fed in turn, each a read that did not fill
/// its buffer, then the wait's end if anything is still waiting.
fn decode(reads: &[&[u8]]) -> Vec<Event> {
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    for read in reads {
        decoder.feed(read, false, &mut out);
    }
    if decoder.deadline().is_some() {
        decoder.timeout(&mut out);
    }
    out
}

fn paste(text: &str) -> Event {
    Event::Paste(text.to_string())
}

#[test]
fn characters_and_control_keys() {
    let ctrl = KeyModifiers::CONTROL;
    assert_eq!(
        decode(&["aZé€😀".as_bytes()]),
        vec![
            ch('a'),
            key(KeyCode::Char('Z'), KeyModifiers::SHIFT),
            ch('é'),
            ch('€'),
            ch('😀')
        ]
    );
    assert_eq!(
        decode(&[b"\r\t\x7f\x03\x0e\n\x00"]),
        vec![
            plain(KeyCode::Enter),
            plain(KeyCode::Tab),
            plain(KeyCode::Backspace),
            key(KeyCode::Char('c'), ctrl),
            key(KeyCode::Char('n'), ctrl),
            key(KeyCode::Char('j'), ctrl),
            key(KeyCode::Char(' '), ctrl),
        ]
    );
}

#[test]
fn a_character_split_across_reads_is_one_key() {
    let bytes = "€".as_bytes();
    assert_eq!(decode(&[&bytes[..1], &bytes[1..]]), vec![ch('€')]);
}

#[test]
fn arrows_pages_and_function_keys_in_every_form_terminals_send() {
    let cases: &[(&[u8], Event)] = &[
        (b"\x1b[A", plain(KeyCode::Up)),
        (b"\x1bOB", plain(KeyCode::Down)),
        (b"\x1b[1;5C", key(KeyCode::Right, KeyModifiers::CONTROL)),
        (b"\x1b[1;2D", key(KeyCode::Left, KeyModifiers::SHIFT)),
        (b"\x1b[H", plain(KeyCode::Home)),
        (b"\x1b[4~", plain(KeyCode::End)),
        (b"\x1b[5~", plain(KeyCode::PageUp)),
        (b"\x1b[6;3~", key(KeyCode::PageDown, KeyModifiers::ALT)),
        (b"\x1b[3~", plain(KeyCode::Delete)),
        (b"\x1bOP", plain(KeyCode::F(1))),
        (b"\x1b[12~", plain(KeyCode::F(2))),
        (b"\x1b[15~", plain(KeyCode::F(5))),
        (b"\x1b[17~", plain(KeyCode::F(6))),
        (b"\x1b[24~", plain(KeyCode::F(12))),
        (b"\x1b[Z", key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        (
            b"\x1b[99;5u",
            key(KeyCode::Char('c'), KeyModifiers::CONTROL),
        ),
        (b"\x1b[27u", plain(KeyCode::Esc)),
        (
            b"\x1b[27;5;106~",
            key(KeyCode::Char('j'), KeyModifiers::CONTROL),
        ),
        (b"\x1b[27;2;13~", key(KeyCode::Enter, KeyModifiers::SHIFT)),
        (b"\x1b[I", Event::FocusGained),
        (b"\x1bx", key(KeyCode::Char('x'), KeyModifiers::ALT)),
    ];
    for (bytes, event) in cases {
        assert_eq!(decode(&[bytes]), vec![event.clone()], "{bytes:?}");
    }
}

#[test]
fn mouse_reports_sgr_old_and_rxvt() {
    let at = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        decode(&[b"\x1b[<0;10;5M\x1b[<0;10;5m\x1b[<65;1;1M\x1b[<35;3;4M"]),
        vec![
            at(MouseEventKind::Down(MouseButton::Left), 9, 4),
            at(MouseEventKind::Up(MouseButton::Left), 9, 4),
            at(MouseEventKind::ScrollDown, 0, 0),
            at(MouseEventKind::Moved, 2, 3),
        ]
    );
    assert_eq!(
        decode(&[b"\x1b[M`!!"]),
        vec![at(MouseEventKind::ScrollUp, 0, 0)]
    );
    assert_eq!(
        decode(&[b"\x1b[96;2;3M"]),
        vec![at(MouseEventKind::ScrollUp, 1, 2)]
    );
}

#[test]
fn a_lone_esc_is_the_key_at_once_unless_the_read_was_full() {
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    decoder.feed(b"\x1b", false, &mut out);
    assert_eq!(out, vec![plain(KeyCode::Esc)]);
    assert_eq!(decoder.deadline(), None);

    // A full read may have cut a sequence: wait for the rest.
    out.clear();
    decoder.feed(b"\x1b", true, &mut out);
    assert!(out.is_empty());
    assert_eq!(decoder.deadline(), Some(super::decode::SEQUENCE_WAIT));
    decoder.feed(b"[B", false, &mut out);
    assert_eq!(out, vec![plain(KeyCode::Down)]);

    // And if nothing follows, it was Esc after all.
    out.clear();
    decoder.feed(b"\x1b", true, &mut out);
    decoder.timeout(&mut out);
    assert_eq!(out, vec![plain(KeyCode::Esc)]);
}

#[test]
fn esc_before_a_control_key_is_its_own_key() {
    assert_eq!(
        decode(&[b"\x1b\x1b\x03"]),
        vec![
            plain(KeyCode::Esc),
            plain(KeyCode::Esc),
            key(KeyCode::Char('c'), KeyModifiers::CONTROL)
        ]
    );
}

#[test]
fn a_paste_is_one_event_however_it_is_split() {
    let whole = b"\x1b[200~not found\r\nteapot\x1b[201~q";
    assert_eq!(
        decode(&[whole]),
        vec![paste("not found\r\nteapot"), ch('q')]
    );
    // Cut at every byte, the closer included. (Not after the first byte:
    // a read that ends in a lone Esc is the Esc key, as in crossterm.)
    for cut in 2..whole.len() {
        let (a, b) = whole.split_at(cut);
        assert_eq!(
            decode(&[a, b]),
            vec![paste("not found\r\nteapot"), ch('q')],
            "cut at {cut}"
        );
    }
}

#[test]
fn an_escape_inside_a_paste_is_text() {
    assert_eq!(
        decode(&[b"\x1b[200~a\x1b[Bb\x1b[201~"]),
        vec![paste("a\x1b[Bb")]
    );
}

#[test]
fn a_paste_without_its_closer_ends_after_a_silence_and_keys_work_again() {
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    decoder.feed(b"\x1b[200~404", false, &mut out);
    assert!(out.is_empty(), "the paste waits for its closer");
    assert_eq!(decoder.deadline(), Some(super::decode::PASTE_SILENCE));
    decoder.timeout(&mut out);
    assert_eq!(out, vec![paste("404")]);
    assert_eq!(decoder.deadline(), None);
    out.clear();
    decoder.feed(b"q\x1b[A", false, &mut out);
    assert_eq!(out, vec![ch('q'), plain(KeyCode::Up)]);
}

#[test]
fn a_pasted_ctrl_c_is_text_not_a_key() {
    // Pasted bytes never act as keys: a paste cannot quit the app.
    assert_eq!(
        decode(&[b"\x1b[200~abc\x03def\x1b[201~"]),
        vec![paste("abc\x03def")]
    );
}

#[test]
fn a_stray_closer_and_unknown_sequences_are_dropped() {
    assert_eq!(
        decode(&[b"\x1b[201~a\x1b[?1;2cb\x1b[99Xc\x1b]0;t\x07"]),
        vec![
            ch('a'),
            ch('b'),
            ch('c'),
            key(KeyCode::Char(']'), KeyModifiers::ALT),
            ch('0'),
            ch(';'),
            ch('t'),
            key(KeyCode::Char('g'), KeyModifiers::CONTROL),
        ]
    );
}

#[test]
fn an_unfinished_sequence_is_dropped_after_the_wait_or_when_too_long() {
    assert_eq!(decode(&[b"\x1b[1;5"]), vec![]);
    let mut long = b"\x1b[".to_vec();
    long.extend(std::iter::repeat_n(b'1', 100));
    long.push(b'q');
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    decoder.feed(&long, false, &mut out);
    assert_eq!(out, vec![], "nothing waits for a sequence that long");
    assert_eq!(decoder.deadline(), None);
}

#[test]
fn a_large_paste_is_kept_up_to_the_cap() {
    let text = "word ".repeat(300_000); // 1.5 MB
    let mut bytes = b"\x1b[200~".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    bytes.extend_from_slice(b"\x1b[201~x");
    let chunks: Vec<&[u8]> = bytes.chunks(8192).collect();
    let out = decode(&chunks);
    assert_eq!(out.len(), 2);
    match &out[0] {
        Event::Paste(p) => {
            assert_eq!(p.len(), 1 << 20);
            assert!(text.starts_with(p.as_str()));
        }
        other => panic!("not a paste: {other:?}"),
    }
    assert_eq!(out[1], ch('x'));
}

proptest! {
    /// Whatever arrives, once the waits have passed the decoder is idle
    /// and the next key is read as that key: no input can swallow the
    /// keys after it. Ctrl-C, above all, always gets through.
    #[test]
    fn no_input_holds_the_keys_that_follow(
        reads in prop::collection::vec(
            prop::collection::vec(
                prop_oneof![
                    Just(0x1bu8),
                    Just(b'['),
                    Just(b'~'),
                    Just(b'2'),
                    Just(b'0'),
                    Just(b'<'),
                    Just(b';'),
                    Just(b'M'),
                    any::<u8>(),
                ],
                0..40,
            ),
            0..6,
        ),
        full in any::<bool>(),
    ) {
        let mut decoder = Decoder::default();
        let mut out = Vec::new();
        for read in &reads {
            decoder.feed(read, full, &mut out);
        }
        decoder.timeout(&mut out);
        prop_assert_eq!(decoder.deadline(), None);
        out.clear();
        decoder.feed(b"\x03", false, &mut out);
        prop_assert_eq!(out, vec![key(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
    }
}
