//! SQLAlchemy Core for the SQLite dialect: schema, expressions, statements and the compiler.
