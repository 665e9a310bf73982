//! Arrow schemas and record batches: the one place the output contract is written.
