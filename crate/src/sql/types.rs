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
    /// A script's `TypeDecorator` or `UserDefinedType`: the SQL of the type it stands on,
    /// values processed by the Python object.
    Custom(Box<CustomType>),
}

/// A `TypeDecorator` / `UserDefinedType` instance of the script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomType {
    /// The Python class's name (`JSONEncodedDict`).
    pub class: String,
    /// The type decorated (`impl`, or `load_dialect_impl()`'s): its DDL and its own
    /// processing; `Null` for a `UserDefinedType`.
    pub base: SqlType,
    /// `get_col_spec()` of a `UserDefinedType`: its DDL.
    pub spec: Option<String>,
    /// Where the run keeps the Python object (`RunState::custom_types`).
    pub slot: usize,
    /// `process_bind_param` is overridden.
    pub binds: bool,
    /// `process_result_value` is overridden.
    pub results: bool,
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
            SqlType::Custom(c) => c.spec.clone().unwrap_or_else(|| c.base.ddl()),
        }
    }

    /// Numeric, Float or Double (types a division casts to as they are).
    pub fn is_numeric(&self) -> bool {
        match self {
            SqlType::Custom(c) => c.base.is_numeric(),
            t => matches!(t, SqlType::Numeric(..) | SqlType::Float | SqlType::Double),
        }
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
            SqlType::Custom(c) => c.base.class_name(),
        }
    }
}

/// A type as SQLite's dialect reflects it: the upper-case class (`VARCHAR`, `INTEGER`,
/// `NullType`) and its numeric arguments, as `repr()` shows it (`VARCHAR(length=40)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialectType {
    /// The class name.
    pub class: &'static str,
    /// `length`, `precision`/`scale`, as declared.
    pub args: Vec<i64>,
}

/// `ischema_names` of the SQLite dialect: declared type names to their classes.
const ISCHEMA_NAMES: &[(&str, &str)] = &[
    ("BIGINT", "BIGINT"),
    ("BLOB", "BLOB"),
    ("BOOL", "BOOLEAN"),
    ("BOOLEAN", "BOOLEAN"),
    ("CHAR", "CHAR"),
    ("DATE", "DATE"),
    ("DATE_CHAR", "DATE"),
    ("DATETIME", "DATETIME"),
    ("DATETIME_CHAR", "DATETIME"),
    ("DOUBLE", "DOUBLE"),
    ("DECIMAL", "DECIMAL"),
    ("FLOAT", "FLOAT"),
    ("INT", "INTEGER"),
    ("INTEGER", "INTEGER"),
    ("JSON", "JSON"),
    ("NUMERIC", "NUMERIC"),
    ("REAL", "REAL"),
    ("SMALLINT", "SMALLINT"),
    ("TEXT", "TEXT"),
    ("TIME", "TIME"),
    ("TIME_CHAR", "TIME"),
    ("TIMESTAMP", "TIMESTAMP"),
    ("VARCHAR", "VARCHAR"),
    ("NVARCHAR", "NVARCHAR"),
    ("NCHAR", "NCHAR"),
];

impl DialectType {
    /// `_resolve_type_affinity` on an upper-cased declared type: the class, and the warning
    /// SQLAlchemy gives when the class takes fewer arguments than were declared.
    pub fn resolve(declared: &str) -> (DialectType, Option<String>) {
        let word_end = declared
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ' '))
            .unwrap_or(declared.len());
        let base = &declared[..word_end];
        let rest = &declared[word_end..];
        let args: Vec<i64> = match rest.strip_prefix('(') {
            Some(inner) => inner[..inner.find(')').unwrap_or(inner.len())]
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|d| d.parse().ok())
                .collect(),
            None => Vec::new(),
        };
        let class = match ISCHEMA_NAMES.iter().find(|(n, _)| *n == base) {
            Some((_, c)) => *c,
            None if base.contains("INT") => "INTEGER",
            None if base.contains("CHAR") || base.contains("CLOB") || base.contains("TEXT") => {
                "TEXT"
            }
            None if base.contains("BLOB") || base.is_empty() => "NullType",
            None if base.contains("REAL") || base.contains("FLOA") || base.contains("DOUB") => {
                "REAL"
            }
            None => "NUMERIC",
        };
        if args.len() > Self::arg_names(class).len() {
            let module = if class == "JSON" {
                "sqlalchemy.dialects.sqlite.json"
            } else {
                "sqlalchemy.sql.sqltypes"
            };
            let listed: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
            let msg = format!(
                "Could not instantiate type <class '{module}.{class}'> with reflected arguments [{}]; using no arguments.",
                listed.join(", ")
            );
            return (
                DialectType {
                    class,
                    args: Vec::new(),
                },
                Some(msg),
            );
        }
        (DialectType { class, args }, None)
    }

    /// The constructor's parameters the arguments fill, in order.
    fn arg_names(class: &str) -> &'static [&'static str] {
        match class {
            "NUMERIC" | "DECIMAL" => &["precision", "scale"],
            "FLOAT" | "REAL" | "DOUBLE" => &["precision"],
            "VARCHAR" | "CHAR" | "NVARCHAR" | "NCHAR" | "TEXT" | "BLOB" | "Unicode"
            | "UnicodeText" => &["length"],
            _ => &[],
        }
    }

    /// The generic type SessionLab computes with.
    pub fn sql_type(&self) -> SqlType {
        let first = self.args.first().and_then(|&n| u32::try_from(n).ok());
        match self.class {
            "VARCHAR" | "CHAR" | "NVARCHAR" | "NCHAR" | "Unicode" => SqlType::String(first),
            "TEXT" | "UnicodeText" => SqlType::Text,
            "INTEGER" | "BIGINT" | "SMALLINT" => SqlType::Integer,
            "BOOLEAN" => SqlType::Boolean,
            "DATE" => SqlType::Date,
            "DATETIME" | "TIMESTAMP" => SqlType::DateTime,
            "TIME" => SqlType::Time,
            "FLOAT" | "REAL" => SqlType::Float,
            "DOUBLE" => SqlType::Double,
            "BLOB" => SqlType::LargeBinary,
            "JSON" => SqlType::Json,
            "NullType" => SqlType::Null,
            _ => SqlType::Numeric(first, self.args.get(1).and_then(|&n| u32::try_from(n).ok())),
        }
    }

    /// `repr()`: `VARCHAR(length=40)`, `NUMERIC(precision=10, scale=2)`, `INTEGER()`.
    pub fn repr(&self) -> String {
        let args: Vec<String> = Self::arg_names(self.class)
            .iter()
            .zip(&self.args)
            .map(|(n, v)| format!("{n}={v}"))
            .collect();
        format!("{}({})", self.class, args.join(", "))
    }

    /// `str()`: the DDL name (`VARCHAR(40)`).
    pub fn ddl(&self) -> String {
        let args: Vec<String> = self.args.iter().map(i64::to_string).collect();
        match (self.class, args.is_empty()) {
            ("NullType", _) => "NULL".into(),
            // The Unicode types are generic: SQLite's DDL names them `VARCHAR` / `TEXT`.
            ("Unicode", true) => "VARCHAR".into(),
            ("Unicode", false) => format!("VARCHAR({})", args.join(", ")),
            ("UnicodeText", true) => "TEXT".into(),
            ("UnicodeText", false) => format!("TEXT({})", args.join(", ")),
            (c, true) => c.into(),
            (c, false) => format!("{c}({})", args.join(", ")),
        }
    }
}
