//! newsparse: raw news-article text in, tidy tables out.
//!
//! Each stage is a pure function over one document's text and what earlier stages found;
//! `pipeline::extract` runs them in order and `table` turns many extractions into columns.
//! The PyO3 binding (`python`) is behind the `python` cargo feature.

pub mod amounts;
pub mod article;
pub mod dates;
pub mod entities;
pub mod events;
pub mod lexicon;
pub mod pipeline;
pub mod quotes;
pub mod table;
pub mod text;

#[cfg(feature = "python")]
mod python;

#[cfg(feature = "mimalloc")]
mod alloc;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: alloc::Mi = alloc::Mi;

pub use lexicon::Lexicon;
pub use pipeline::{extract, Extraction};
