//! What both the ORM and the `sqlalchemy` surface need to run Core with Python values: value
//! conversion per type, Python-side column defaults, SQLAlchemy's exception classes, the run's
//! shared state and the method tables of host objects.

pub mod convert;
pub mod defaults;
pub mod exc;
pub mod method;
pub mod state;
