//! SQLAlchemy Core for the SQLite dialect: schema, expressions, statements and the compiler.

pub mod compiler;
pub mod ddl;
pub mod elements;
pub mod schema;
pub mod types;
pub mod upsert;
