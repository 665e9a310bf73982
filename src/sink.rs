//! Streaming Parquet output.
