//! USB barcode scanners in keyboard mode ("keyboard wedge") type the code in a
//! burst of keystrokes and press Enter. A burst is told apart from a person typing
//! by its speed: scanners send a character every few milliseconds.

use std::time::{Duration, Instant};

/// The fewest characters a scanner's burst holds before its Enter: shorter
/// bursts are a person's keys, never a card (the shortest code a till takes,
/// a card's typed fallback code, is 10). The screens skip asking the engine about
/// a shorter burst, so an amount and Enter record at once.
pub const MIN_CODE_CHARS: usize = 8;

/// Collects keystrokes and recognises a scanner's burst.
#[derive(Debug)]
pub struct WedgeReader {
    buffer: String,
    last: Option<Instant>,
    max_gap: Duration,
    min_len: usize,
}

impl Default for WedgeReader {
    fn default() -> Self {
        WedgeReader::new(Duration::from_millis(50), MIN_CODE_CHARS)
    }
}

impl WedgeReader {
    /// A reader that takes keys at most `max_gap` apart, `min_len` long at least.
    pub fn new(max_gap: Duration, min_len: usize) -> Self {
        WedgeReader {
            buffer: String::new(),
            last: None,
            max_gap,
            min_len,
        }
    }

    /// Feeds one key at `at`; returns the scanned code when Enter ends a burst.
    pub fn key(&mut self, key: char, at: Instant) -> Option<String> {
        let slow = self
            .last
            .is_some_and(|l| at.duration_since(l) > self.max_gap);
        if slow {
            // A pause: whatever came before was typed by a person, not scanned.
            self.buffer.clear();
        }
        self.last = Some(at);
        if key == '\n' || key == '\r' {
            let code = std::mem::take(&mut self.buffer);
            return (code.chars().count() >= self.min_len).then_some(code);
        }
        if !key.is_control() && self.buffer.len() < 512 {
            self.buffer.push(key);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fast_burst_with_enter_is_a_scan_and_slow_typing_is_not() {
        let start = Instant::now();
        let mut w = WedgeReader::default();
        let code = "CP1.ABCDEFGH";
        let mut t = start;
        for c in code.chars() {
            assert_eq!(w.key(c, t), None);
            t += Duration::from_millis(4);
        }
        assert_eq!(w.key('\n', t), Some(code.to_string()));
        // A person typing 250 ms apart.
        for c in "CP1.ABCDEFGH".chars() {
            t += Duration::from_millis(250);
            w.key(c, t);
        }
        assert_eq!(w.key('\n', t + Duration::from_millis(250)), None);
        // Too short a burst.
        assert_eq!(w.key('1', t + Duration::from_secs(1)), None);
        assert_eq!(w.key('\n', t + Duration::from_millis(1002)), None);
    }
}
