//! The `sessionlab` binary's contract: arguments, output and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn sessionlab(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sessionlab"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run sessionlab: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write_temp(name: &str, text: impl AsRef<[u8]>) -> String {
    let path = std::env::temp_dir().join(format!("sessionlab-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
    path.to_string_lossy().into_owned()
}

#[test]
fn sql_prints_each_statement_with_rows() {
    let file = write_temp(
        "ok.sql",
        "CREATE TABLE t(x); INSERT INTO t VALUES (1),(2); UPDATE t SET x = x + 1; SELECT * FROM t;",
    );
    let (code, stdout, _) = sessionlab(&["sql", &file]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("[3] line 1: UPDATE t SET x = x + 1\n    2 rows affected in "),
        "{stdout}"
    );
    assert!(
        stdout.contains("    x\n    -\n    2\n    3\n    2 rows in "),
        "{stdout}"
    );
}

#[test]
fn sql_json_is_the_page_report() {
    let file = write_temp("err.sql", "SELECT 1 AS one;\nSELECT * FROM nope;");
    let (code, stdout, _) = sessionlab(&["sql", "--json", &file]);
    assert_eq!(code, 1);
    let report: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"));
    assert_eq!(report["statements"][0]["rows"], serde_json::json!([[1]]));
    assert_eq!(report["error"]["type"], "OperationalError");
    assert_eq!(report["error"]["message"], "no such table: nope");
    assert_eq!(report["error"]["line"], 2);
}

#[test]
fn sql_saves_and_starts_from_database_files() {
    let first = write_temp(
        "seed.sql",
        "CREATE TABLE t(x); INSERT INTO t VALUES (20), (21);",
    );
    let db = std::env::temp_dir().join(format!("sessionlab-cli-{}.sqlite", std::process::id()));
    let db = db.to_string_lossy().into_owned();
    assert_eq!(sessionlab(&["sql", "--save", &db, &first]).0, 0);
    let second = write_temp("double.sql", "SELECT sum(x) * 2 AS total FROM t;");
    let (code, stdout, _) = sessionlab(&["sql", "--db", &db, &second]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("    total\n    -----\n    82\n"),
        "{stdout}"
    );
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(sessionlab(&[]).0, 2);
    assert_eq!(sessionlab(&["sql"]).0, 2);
    assert_eq!(sessionlab(&["sql", "--db"]).0, 2);
    assert_eq!(sessionlab(&["sql", "--bogus", "x.sql"]).0, 2);
    let (code, _, stderr) = sessionlab(&["sql", "/nonexistent/x.sql"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot read /nonexistent/x.sql"),
        "{stderr}"
    );
}

#[test]
fn removed_1x_forms_fail_with_sqlalchemy_error_and_a_hint() {
    let file = write_temp(
        "select_list.py",
        "from sqlalchemy import MetaData, Table, Column, Integer, select\n\
         t = Table('t', MetaData(), Column('id', Integer, primary_key=True))\n\
         select([t])\n",
    );
    let (code, _, stderr) = sessionlab(&["run", &file]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("sqlalchemy.exc.ArgumentError: Column expression, FROM clause, or other columns clause element expected, got [Table('t', MetaData(), Column('id', Integer(), table=<t>, primary_key=True, nullable=False), schema=None)]."),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("hint: SQLAlchemy 2.0 takes the columns as arguments: select(t) or select(t.c.a, t.c.b), not select([...])\n"),
        "{stderr}"
    );
    let (_, json, _) = sessionlab(&["run", "--json", &file]);
    assert!(
        json.contains("\"hint\": \"SQLAlchemy 2.0 takes the columns"),
        "{json}"
    );
}

#[test]
fn a_script_that_is_not_utf8_is_cpythons_syntax_error_in_the_report() {
    let path = write_temp("latin1.py", b"print('ok')\nprint('caf\xe9')\n");
    let (code, out, _) = sessionlab(&["run", "--json", &path]);
    assert_eq!(code, 0, "the report is printed");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    let error = &report["error"];
    assert_eq!(error["type"], "SyntaxError");
    assert_eq!(error["line"], 2);
    let want = format!(
        "Non-UTF-8 code starting with '\\xe9' in file {path} on line 2, but no encoding \
         declared; see https://peps.python.org/pep-0263/ for details"
    );
    assert_eq!(error["message"], want.as_str());
    assert_eq!(report["stdout"], "", "nothing ran");
    let declared = write_temp(
        "declared.py",
        b"# -*- coding: latin-1 -*-\nprint('caf\xe9')\n",
    );
    let (code, out, _) = sessionlab(&["run", &declared]);
    assert_eq!((code, out.as_str()), (0, "caf\u{e9}\n"));
}
