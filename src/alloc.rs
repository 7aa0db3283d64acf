//! The global allocator (`mimalloc` feature): mimalloc, called through its plain entry points
//! for the layouts almost every allocation has.
//!
//! `mimalloc::MiMalloc` sends every request through `mi_malloc_aligned`, whose alignment
//! checks cost more than the allocation itself on mimalloc's fast path (about 39
//! instructions a call against about 20 for `mi_malloc`; the pipeline allocates some 300,000
//! times per MB). Every block `mi_malloc` returns is aligned to at least 8 bytes (its
//! smallest size class is one machine word), so layouts aligned to 8 or less take the plain
//! path; the rare larger alignment goes through `MiMalloc` as before.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use mimalloc::MiMalloc;

extern "C" {
    // mimalloc's C API (linked through the `mimalloc` crate)
    fn mi_malloc(size: usize) -> *mut c_void;
    fn mi_zalloc(size: usize) -> *mut c_void;
    fn mi_realloc(p: *mut c_void, newsize: usize) -> *mut c_void;
}

/// The alignment every `mi_malloc` block has.
const PLAIN_ALIGN: usize = 8;

pub struct Mi;

// SAFETY: each method forwards to mimalloc, which meets `GlobalAlloc`'s contract; the plain
// entry points are used only for alignments they are documented to give (see above), and
// blocks from either path are freed by the same `mi_free`.
unsafe impl GlobalAlloc for Mi {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi_malloc(layout.size()).cast()
        } else {
            MiMalloc.alloc(layout)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi_zalloc(layout.size()).cast()
        } else {
            MiMalloc.alloc_zeroed(layout)
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        MiMalloc.dealloc(ptr, layout)
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi_realloc(ptr.cast(), new_size).cast()
        } else {
            MiMalloc.realloc(ptr, layout, new_size)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_the_alignment_asked_for() {
        // every size class mimalloc has below 1 KB and a few large ones, at each alignment
        for size in (1..1024).chain([4096, 65_536, 1 << 20]) {
            for align in [1, 2, 4, 8, 16, 32, 64] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; the block is freed with the same layout.
                unsafe {
                    let p = Mi.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    p.write_bytes(0xAB, size);
                    let q = Mi.realloc(p, layout, size * 2 + 1);
                    assert_eq!(q as usize % align, 0, "realloc size {size} align {align}");
                    assert_eq!(*q.add(size - 1), 0xAB);
                    Mi.dealloc(q, Layout::from_size_align(size * 2 + 1, align).unwrap());
                    let z = Mi.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    Mi.dealloc(z, layout);
                }
            }
        }
    }
}
