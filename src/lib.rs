//! nkextract's core: turns English news about North Korea's penal system into four tables
//! (articles, events, facilities, claims). The modules follow the pipeline, and data flows one
//! way: text -> article layout -> segments -> time, facilities, claims -> events -> tables.
//!
//! This crate has no Python in it; `python.rs` (behind the `python` feature that only maturin
//! turns on) is the one binding module.

// Tests may index, unwrap and panic: a failing assertion is their job.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod article;
pub mod claims;
pub mod error;
pub mod events;
pub mod facilities;
pub mod input;
pub mod lexicon;
pub mod pipeline;
pub mod sink;
pub mod tables;
pub mod text;
pub mod time;

#[cfg(feature = "python")]
mod python;

pub use error::{Error, Result};
pub use pipeline::{extract_documents, DocResult, Input, Meta, Options};
