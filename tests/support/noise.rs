//! A seeded xorshift generator: the same "random" inputs on every run, so a
//! failure found by a test is found again. Each test file adds the kind of
//! text it makes with it.

// Each test crate that includes this file uses a part of it.
#![allow(dead_code)]

pub struct Noise(pub u64);

impl Noise {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}
