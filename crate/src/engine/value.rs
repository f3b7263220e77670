//! Values as they cross the DBAPI boundary: what SQLite stores and returns.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// One value bound to, or read from, SQLite (the five storage classes).
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    /// SQL NULL (Python `None`).
    Null,
    /// A 64-bit integer.
    Integer(i64),
    /// A double; non-finite values are reported as `{"float": "nan"|"inf"|"-inf"}`.
    Real(f64),
    /// UTF-8 text.
    Text(String),
    /// Bytes, reported as `{"bytes": "<hex>"}`.
    Blob(Vec<u8>),
    /// A Python value `sqlite3` cannot bind (a list, a dict, an object): kept so that the
    /// statement fails when executed, as the DBAPI fails, with the value in the log.
    Unsupported(Box<Unsupported>),
}

/// A value of a Python type the DBAPI does not bind.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsupported {
    /// The Python type's name (`list`), as `sqlite3`'s error names it.
    pub type_name: String,
    /// Its `repr()` (the echo log's parameters).
    pub repr: String,
    /// The value in the report's JSON encoding.
    pub report: serde_json::Value,
}

impl Serialize for SqlValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            SqlValue::Null => s.serialize_unit(),
            SqlValue::Integer(i) => s.serialize_i64(*i),
            SqlValue::Real(f) if f.is_finite() => s.serialize_f64(*f),
            SqlValue::Real(f) => {
                let name = if f.is_nan() {
                    "nan"
                } else if *f > 0.0 {
                    "inf"
                } else {
                    "-inf"
                };
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("float", name)?;
                m.end()
            }
            SqlValue::Text(t) => s.serialize_str(t),
            SqlValue::Blob(b) => {
                let hex: String = b.iter().map(|byte| format!("{byte:02x}")).collect();
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("bytes", &hex)?;
                m.end()
            }
            SqlValue::Unsupported(u) => u.report.serialize(s),
        }
    }
}

impl From<rusqlite::types::ValueRef<'_>> for SqlValue {
    fn from(v: rusqlite::types::ValueRef<'_>) -> Self {
        use rusqlite::types::ValueRef;
        match v {
            ValueRef::Null => SqlValue::Null,
            ValueRef::Integer(i) => SqlValue::Integer(i),
            ValueRef::Real(f) => SqlValue::Real(f),
            ValueRef::Text(t) => SqlValue::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => SqlValue::Blob(b.to_vec()),
        }
    }
}

impl rusqlite::ToSql for SqlValue {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            SqlValue::Null => ValueRef::Null,
            SqlValue::Integer(i) => ValueRef::Integer(*i),
            SqlValue::Real(f) => ValueRef::Real(*f),
            SqlValue::Text(t) => ValueRef::Text(t.as_bytes()),
            SqlValue::Blob(b) => ValueRef::Blob(b),
            SqlValue::Unsupported(_) => {
                return Err(rusqlite::Error::ToSqlConversionFailure(
                    "a value sqlite3 cannot bind".into(),
                ));
            }
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::SqlValue;

    #[test]
    fn serializes_as_the_report_format() {
        let values = vec![
            SqlValue::Null,
            SqlValue::Integer(3),
            SqlValue::Real(2.5),
            SqlValue::Real(f64::NEG_INFINITY),
            SqlValue::Text("a".into()),
            SqlValue::Blob(vec![0, 255]),
        ];
        let json = serde_json::to_string(&values).unwrap_or_default();
        assert_eq!(
            json,
            r#"[null,3,2.5,{"float":"-inf"},"a",{"bytes":"00ff"}]"#
        );
    }
}
