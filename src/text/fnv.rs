//! The crate's hash maps and sets. Their keys are short (words, ids,
//! numbers), looked up for every word of every sentence and of every query,
//! for which SipHash costs more than it gives: FNV-1a instead. SipHash's
//! defence against keys crafted to collide would guard a build or a page
//! against the corpus its owner chose to open; nothing crosses a trust
//! boundary here. (One hasher for all: the module does not carry SipHash's
//! code as well, which the page's size limit counts.)

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;
pub type HashSet<K> = StdHashSet<K, BuildHasherDefault<Fnv>>;
