//! Storage: the SQLite file, its schema, the sealed records in it and the audit trail beside them.
//! Everything above this layer reads and writes through [`records`] (one sealed row per record)
//! and never writes SQL of its own, except the vault's key slots and the backup's raw rows.

pub(crate) mod audit;
pub mod indexes;
pub mod lease;
pub mod outbox;
mod records;
mod revisions;
mod schema;

pub use records::*;
pub use revisions::*;
pub use schema::*;
