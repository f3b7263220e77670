//! Column types and their DDL names on SQLite.

/// A column's SQL type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqlType {
    /// `Integer`.
    Integer,
    /// `String(length)`.
    String(Option<u32>),
    /// `Text`.
    Text,
    /// `Float`.
    Float,
    /// `Double` (what `Mapped[float]` maps to).
    Double,
    /// `Numeric(precision, scale)`.
    Numeric(Option<u32>, Option<u32>),
    /// `Boolean`.
    Boolean,
    /// `Date`.
    Date,
    /// `DateTime`.
    DateTime,
    /// `Time`.
    Time,
    /// `LargeBinary`.
    LargeBinary,
    /// `JSON` (typing expressions only: SessionLab has no JSON columns).
    Json,
    /// `NullType`: an expression of unknown type (`func.anything()`).
    Null,
    /// `Enum(...)`: `VARCHAR(n)` on SQLite.
    Enum(Box<EnumType>),
}

/// An `Enum` type: its database values and, for a Python enum class, where the run keeps
/// the class's members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumType {
    /// `name=` (default: the enum class's name, lower case).
    pub name: Option<String>,
    /// The database values (`Enum.enums`), in definition order.
    pub values: Vec<String>,
    /// The `VARCHAR` length (`length=` or the longest value; `length=None`: none).
    pub length: Option<u32>,
    /// `length=` was given (it shows in `repr()`).
    pub length_given: bool,
    /// `create_constraint=True`: `CHECK (col IN (…))`.
    pub constraint: bool,
    /// For an enum class: its index in the run's enum registry (values load as members).
    pub class: Option<usize>,
}

impl SqlType {
    /// The type as `CREATE TABLE` spells it on SQLite.
    pub fn ddl(&self) -> String {
        match self {
            SqlType::Integer => "INTEGER".into(),
            SqlType::String(Some(n)) => format!("VARCHAR({n})"),
            SqlType::String(None) => "VARCHAR".into(),
            SqlType::Text => "TEXT".into(),
            SqlType::Float => "FLOAT".into(),
            SqlType::Double => "DOUBLE".into(),
            SqlType::Numeric(Some(p), Some(s)) => format!("NUMERIC({p}, {s})"),
            SqlType::Numeric(Some(p), None) => format!("NUMERIC({p})"),
            SqlType::Numeric(..) => "NUMERIC".into(),
            SqlType::Boolean => "BOOLEAN".into(),
            SqlType::Date => "DATE".into(),
            SqlType::DateTime => "DATETIME".into(),
            SqlType::Time => "TIME".into(),
            SqlType::LargeBinary => "BLOB".into(),
            SqlType::Json => "JSON".into(),
            SqlType::Null => "NULL".into(),
            SqlType::Enum(e) => match e.length {
                Some(n) => format!("VARCHAR({n})"),
                None => "VARCHAR".into(),
            },
        }
    }

    /// Numeric, Float or Double (types a division casts to as they are).
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            SqlType::Numeric(..) | SqlType::Float | SqlType::Double
        )
    }

    /// The SQLAlchemy class name (`Integer`, `String`, …).
    pub fn class_name(&self) -> &'static str {
        match self {
            SqlType::Integer => "Integer",
            SqlType::String(_) => "String",
            SqlType::Text => "Text",
            SqlType::Float => "Float",
            SqlType::Double => "Double",
            SqlType::Numeric(..) => "Numeric",
            SqlType::Boolean => "Boolean",
            SqlType::Date => "Date",
            SqlType::DateTime => "DateTime",
            SqlType::Time => "Time",
            SqlType::LargeBinary => "LargeBinary",
            SqlType::Json => "JSON",
            SqlType::Null => "NullType",
            SqlType::Enum(_) => "Enum",
        }
    }
}
