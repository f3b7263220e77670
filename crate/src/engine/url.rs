//! `create_engine` URLs: which database a URL names, and SQLAlchemy's errors for the rest.

/// Where an engine's data lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// `sqlite://` or `sqlite:///:memory:`: a private in-memory database per engine.
    Private,
    /// `sqlite:///name.db`: an in-memory database shared by every engine of the run with that name.
    Named(String),
}

/// Why a URL cannot be used, as SQLAlchemy (or the import system) would say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// `ArgumentError`: the text is not a URL.
    Unparsable,
    /// `NoSuchModuleError`: no dialect of that name.
    NoSuchDialect(String),
    /// `ModuleNotFoundError`: a real dialect whose driver does not exist in the page.
    MissingDriver {
        /// The Python module SQLAlchemy tried to import.
        module: String,
    },
}

impl UrlError {
    /// The exception class name.
    pub fn type_name(&self) -> &'static str {
        match self {
            UrlError::Unparsable => "ArgumentError",
            UrlError::NoSuchDialect(_) => "NoSuchModuleError",
            UrlError::MissingDriver { .. } => "ModuleNotFoundError",
        }
    }

    /// `str(exc)`, exactly as SQLAlchemy 2.1 words it.
    pub fn message(&self) -> String {
        match self {
            UrlError::Unparsable => "Could not parse SQLAlchemy URL from given URL string".into(),
            UrlError::NoSuchDialect(name) => {
                format!("Can't load plugin: sqlalchemy.dialects:{name}")
            }
            UrlError::MissingDriver { module } => format!("No module named '{module}'"),
        }
    }

    /// What the page adds below the error: only SQLite exists here.
    pub fn hint(&self) -> &'static str {
        "SessionLab runs SQLite inside the page: use create_engine(\"sqlite://\") \
         (or \"sqlite:///name.db\" for a named in-memory database)."
    }
}

/// Parses a `create_engine` URL.
pub fn parse_url(url: &str) -> Result<Database, UrlError> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(UrlError::Unparsable);
    };
    let valid_scheme = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '_' | '-' | '.'));
    if !valid_scheme {
        return Err(UrlError::Unparsable);
    }
    let (dialect, driver) = match scheme.split_once('+') {
        Some((d, drv)) => (d, Some(drv)),
        None => (scheme, None),
    };
    if dialect == "sqlite" {
        let path = rest.strip_prefix('/').unwrap_or(rest);
        let path = path.split('?').next().unwrap_or("");
        return Ok(if path.is_empty() || path == ":memory:" {
            Database::Private
        } else {
            Database::Named(path.to_string())
        });
    }
    let module = match (dialect, driver) {
        ("postgresql" | "postgres", None | Some("psycopg")) => "psycopg",
        ("postgresql", Some("psycopg2")) => "psycopg2",
        ("postgresql", Some("asyncpg")) => "asyncpg",
        ("postgresql", Some("pg8000")) => "pg8000",
        ("mysql" | "mariadb", None | Some("mysqldb")) => "MySQLdb",
        ("mysql" | "mariadb", Some("pymysql")) => "pymysql",
        ("mysql" | "mariadb", Some("mysqlconnector")) => "mysql",
        ("oracle", None | Some("oracledb")) => "oracledb",
        ("mssql", None | Some("pyodbc")) => "pyodbc",
        ("mssql", Some("pymssql")) => "pymssql",
        _ => return Err(UrlError::NoSuchDialect(scheme.replace('+', "."))),
    };
    Err(UrlError::MissingDriver {
        module: module.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_databases() {
        assert_eq!(parse_url("sqlite://"), Ok(Database::Private));
        assert_eq!(parse_url("sqlite:///:memory:"), Ok(Database::Private));
        assert_eq!(parse_url("sqlite+pysqlite://"), Ok(Database::Private));
        assert_eq!(
            parse_url("sqlite:///app.db"),
            Ok(Database::Named("app.db".into()))
        );
        assert_eq!(
            parse_url("sqlite:////tmp/app.db"),
            Ok(Database::Named("/tmp/app.db".into()))
        );
    }

    #[test]
    fn other_urls_fail_as_in_sqlalchemy() {
        // Messages recorded from SQLAlchemy 2.1.9 (tests/conformance/cases/err__*_url_*).
        let msg = |u: &str| parse_url(u).map_err(|e| (e.type_name(), e.message()));
        assert_eq!(
            msg("postgresql://scott:tiger@localhost/test"),
            Err(("ModuleNotFoundError", "No module named 'psycopg'".into()))
        );
        assert_eq!(
            msg("mysql+pymysql://u:p@localhost/db"),
            Err(("ModuleNotFoundError", "No module named 'pymysql'".into()))
        );
        assert_eq!(
            msg("nosuchdb://user@host/db"),
            Err((
                "NoSuchModuleError",
                "Can't load plugin: sqlalchemy.dialects:nosuchdb".into()
            ))
        );
        assert_eq!(
            msg("not a url"),
            Err((
                "ArgumentError",
                "Could not parse SQLAlchemy URL from given URL string".into()
            ))
        );
    }
}
