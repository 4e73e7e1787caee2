//! How a part of the explorer's binary form is stored in the module: as is,
//! or compressed with Zstandard when it is large.
//!
//! Why pack: a browser fetching a gzip-served module inflates every byte of
//! it before compiling it, and that, not the transfer, is what a large
//! module's cold start pays for. Measured in Chromium on orangesum_10k's
//! module: 61 MB raw (25 MB gzip) took about 700 ms to fetch; with its
//! texts, claims and comparisons deflated in it (28 MB) 300 ms. LZ4 was
//! tried first: its output (39 MB) still shrinks under gzip, and the fetch
//! stayed at 680 ms. Zstandard then replaced deflate: its larger window
//! finds what repeats from one article or statement to another, far beyond
//! deflate's 32 KB, and the three parts shrank from 18.7 to 12.6 MB (the
//! module from 30.6 to 24.5 MB), unpacked as fast in V8 (orangesum's texts,
//! 24 MB: 106 ms, deflate 108 ms). Parts packed here are unpacked in the
//! module on first use: a result list of titles needs none of them.
//!
//! The index is not packed: it is read in place, by every query, and its
//! word positions too (see `crate::index` for why they no longer are).
//!
//! Why only large parts: a small corpus's page is packed whole with zopfli,
//! which does better on the raw bytes; and a module with no packed part
//! leaves the decoder out (the build script sets `packed_parts`), which
//! keeps the seeds' page under 400 KB.

use std::borrow::Cow;

/// The first byte of every part: how the rest is stored.
const STORED: u8 = 0;
/// The size unpacked (u32, little-endian), then one Zstandard frame.
const ZSTD: u8 = 2;

/// Parts of at least this many bytes are packed.
pub const PACK_FROM: usize = 1 << 20;

/// A Zstandard block expands at most about 43,000 times (a run of one byte
/// fills 128 KB from 3 bytes): a larger declared size is corrupt (and
/// would otherwise ask the allocator for gigabytes).
const MAX_RATIO: usize = 1 << 16;

/// Zstandard's level 19, the strongest short of the "ultra" ones, whose
/// windows of up to 128 MB the decoder would have to hold: at 19 the window
/// is 8 MB, the decoder's buffer beside the output. orangesum_10k's parts
/// take about 25 s each to pack at build time, on a thread each.
#[cfg(not(target_arch = "wasm32"))]
const LEVEL: i32 = 19;

/// The stored form of a part: packed when it is large and that makes it
/// smaller, otherwise as is.
pub fn pack(bytes: &[u8]) -> Vec<u8> {
    pack_from(bytes, PACK_FROM)
}

/// [`pack`] with another threshold (tests pack small corpora this way).
pub fn pack_from(bytes: &[u8], threshold: usize) -> Vec<u8> {
    if bytes.len() >= threshold
        && let Ok(size) = u32::try_from(bytes.len())
        && let Some(packed) = compress(bytes)
        && packed.len() + 4 < bytes.len()
    {
        let mut out = Vec::with_capacity(packed.len() + 5);
        out.push(ZSTD);
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&packed);
        return out;
    }
    store(bytes)
}

/// The stored form of `bytes`: as is, behind the byte that says so (for
/// a part written before it is known whether it will be packed).
pub fn store(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 1);
    out.push(STORED);
    out.extend_from_slice(bytes);
    out
}

/// The bytes of a part stored as is; `None` for a packed or empty one.
pub fn stored(part: &[u8]) -> Option<&[u8]> {
    match part.split_first() {
        Some((&STORED, bytes)) => Some(bytes),
        _ => None,
    }
}

/// One Zstandard frame of `bytes`, on the build side (libzstd).
#[cfg(not(target_arch = "wasm32"))]
fn compress(bytes: &[u8]) -> Option<Vec<u8>> {
    zstd::bulk::compress(bytes, LEVEL).ok()
}

/// In a wasm module there is no encoder (libzstd is C, built for the host
/// only): what it would pack, it stores. Nothing in a page packs.
#[cfg(target_arch = "wasm32")]
fn compress(_: &[u8]) -> Option<Vec<u8>> {
    None
}

/// Whether the build packed any part: only then does the module need the
/// decoder (see the module's comment).
pub fn any_packed<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> bool {
    parts.into_iter().any(|p| p.first() == Some(&ZSTD))
}

/// The bytes of a part as [`pack`] was given them.
pub fn unpack(part: &[u8]) -> Result<Cow<'_, [u8]>, String> {
    match part.split_first() {
        Some((&STORED, bytes)) => Ok(Cow::Borrowed(bytes)),
        Some((&ZSTD, packed)) => {
            let (size, frame) = packed
                .split_first_chunk::<4>()
                .ok_or("a packed part is cut short")?;
            let size = u32::from_le_bytes(*size) as usize;
            if size > frame.len().saturating_mul(MAX_RATIO) {
                return Err("a packed part declares an impossible size".to_owned());
            }
            let bytes = decompress(frame, size)?;
            if bytes.len() != size {
                return Err("a packed part is cut short".to_owned());
            }
            Ok(Cow::Owned(bytes))
        }
        Some((other, _)) => Err(format!("a part has an unknown form ({other})")),
        None => Err("a part is empty".to_owned()),
    }
}

#[cfg(any(not(target_arch = "wasm32"), packed_parts))]
fn decompress(frame: &[u8], size: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    // A size the memory cannot hold is an error, not an abort.
    out.try_reserve_exact(size)
        .map_err(|_| "a packed part is larger than the memory".to_owned())?;
    // Into `out`'s capacity, never beyond: a frame holding more than its
    // declared size is an error.
    ruzstd::decoding::FrameDecoder::new()
        .decode_all_to_vec(frame, &mut out)
        .map_err(|e| format!("a packed part is corrupt ({e})"))?;
    Ok(out)
}

/// Built without packed parts, the module cannot meet one (the build wrote
/// them): say so rather than carry the decoder.
#[cfg(all(target_arch = "wasm32", not(packed_parts)))]
fn decompress(_: &[u8], _: usize) -> Result<Vec<u8>, String> {
    Err("this module was built without packed parts".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(len: usize) -> Vec<u8> {
        "Le cessez-le-feu est entré en vigueur le 10 novembre. "
            .bytes()
            .cycle()
            .take(len)
            .collect()
    }

    #[test]
    fn small_parts_are_stored_and_large_ones_packed() {
        let small = text(1000);
        let packed = pack(&small);
        assert_eq!(packed[0], STORED);
        assert_eq!(unpack(&packed).unwrap(), small.as_slice());

        let large = text(PACK_FROM + 17);
        let packed = pack(&large);
        assert_eq!(packed[0], ZSTD);
        assert!(packed.len() < large.len() / 4);
        assert_eq!(unpack(&packed).unwrap(), large.as_slice());
    }

    #[test]
    fn bytes_that_do_not_shrink_are_stored() {
        // A xorshift stream: nothing for the compressor to find.
        let mut x: u32 = 0x9e37_79b9;
        let noise: Vec<u8> = (0..PACK_FROM)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        let packed = pack(&noise);
        assert_eq!(packed[0], STORED);
        assert_eq!(unpack(&packed).unwrap(), noise.as_slice());
    }

    #[test]
    fn corrupt_parts_give_errors() {
        assert!(unpack(&[]).is_err());
        assert!(unpack(&[7, 1, 2]).is_err());
        assert!(unpack(&[ZSTD, 1]).is_err());
        // Four gigabytes declared for two bytes.
        assert!(unpack(&[ZSTD, 0xff, 0xff, 0xff, 0xff, 0, 0]).is_err());
        // A size that does not match what the frame holds.
        let mut packed = pack(&text(PACK_FROM));
        packed[1] = packed[1].wrapping_add(1);
        assert!(unpack(&packed).is_err());
        let mut packed = pack(&text(PACK_FROM));
        packed.truncate(packed.len() / 2);
        assert!(unpack(&packed).is_err());
        let mut packed = pack(&text(PACK_FROM));
        for b in packed.iter_mut().skip(5).step_by(7) {
            *b = b.wrapping_add(91);
        }
        // Garbage decodes to an error or to other bytes, never a panic.
        let _ = unpack(&packed);
    }
}
