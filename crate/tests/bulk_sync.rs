//! ORM bulk UPDATE with each `synchronize_session` strategy, seen through the run report's
//! session snapshot (what the objects in the identity map hold afterwards).
#![cfg(not(target_arch = "wasm32"))]

use sessionlab::orm::snapshot::{AttributeSnapshot, SessionSnapshot};
use sessionlab::run::run_script;
use sessionlab::script::Limits;

/// Three rows (foo 1, 2, 3) loaded into one open session, then `update` with `strategy`.
fn after_update(where_clause: &str, strategy: &str) -> (String, SessionSnapshot) {
    let source = format!(
        "from sqlalchemy import create_engine, Column, Integer, String, update\n\
         from sqlalchemy.orm import declarative_base, Session\n\
         Base = declarative_base()\n\
         class Stuff(Base):\n    __tablename__ = 'stuff'\n    id = Column(Integer, primary_key=True)\n    name = Column(String(10))\n    foo = Column(Integer)\n\
         engine = create_engine('sqlite://')\n\
         Base.metadata.create_all(engine)\n\
         s = Session(engine)\n\
         s.add_all([Stuff(name=n, foo=i) for i, n in enumerate(['a', 'b', 'c'], 1)])\n\
         s.commit()\n\
         objs = s.query(Stuff).order_by(Stuff.id).all()\n\
         s.execute(update(Stuff).where({where_clause}).values(foo=Stuff.foo + 10)\
         .execution_options(synchronize_session={strategy}))\n"
    );
    let report = run_script(&source, Limits::default());
    assert!(report.error.is_none(), "{:?}", report.error);
    let sql = report
        .events
        .iter()
        .filter_map(|e| e.sql.clone())
        .filter(|s| s.starts_with("UPDATE"))
        .collect::<Vec<_>>()
        .join("\n");
    let session = report.sessions.into_iter().next().expect("one session");
    (sql, session)
}

fn foo(session: &SessionSnapshot, object: usize) -> &AttributeSnapshot {
    let attrs = &session.objects[object].attributes;
    attrs.iter().find(|a| a.name == "foo").expect("foo")
}

#[test]
fn evaluate_updates_matching_objects_in_python() {
    let (sql, s) = after_update("Stuff.foo >= 2", "'evaluate'");
    assert_eq!(
        sql,
        "UPDATE stuff SET foo=(stuff.foo + ?) WHERE stuff.foo >= ?"
    );
    assert_eq!(s.objects.len(), 3);
    assert_eq!(foo(&s, 0).value.as_deref(), Some("1"));
    assert_eq!(foo(&s, 1).value.as_deref(), Some("12"));
    assert_eq!(foo(&s, 2).value.as_deref(), Some("13"));
    assert!(
        s.objects
            .iter()
            .all(|o| o.attributes.iter().all(|a| !a.stale && !a.expired))
    );
}

#[test]
fn fetch_uses_returning_and_updates_matched_objects() {
    let (sql, s) = after_update("Stuff.foo >= 2", "'fetch'");
    assert_eq!(
        sql,
        "UPDATE stuff SET foo=(stuff.foo + ?) WHERE stuff.foo >= ? RETURNING id"
    );
    assert_eq!(foo(&s, 1).value.as_deref(), Some("12"));
    assert_eq!(foo(&s, 2).value.as_deref(), Some("13"));
    assert!(!foo(&s, 0).stale);
}

#[test]
fn false_leaves_objects_stale() {
    let (_, s) = after_update("Stuff.foo >= 2", "False");
    assert_eq!(foo(&s, 1).value.as_deref(), Some("2"));
    assert!(foo(&s, 1).stale);
    assert_eq!(foo(&s, 1).database.as_deref(), Some("12"));
    assert!(!foo(&s, 0).stale);
}

#[test]
fn auto_falls_back_to_fetch_for_like() {
    let (sql, s) = after_update("Stuff.name.like('b%')", "'auto'");
    assert_eq!(
        sql,
        "UPDATE stuff SET foo=(stuff.foo + ?) WHERE stuff.name LIKE ? RETURNING id"
    );
    assert_eq!(foo(&s, 1).value.as_deref(), Some("12"));
    assert_eq!(foo(&s, 2).value.as_deref(), Some("3"));
}

#[test]
fn auto_evaluates_when_it_can() {
    let (sql, s) = after_update("Stuff.id == 3", "'auto'");
    assert_eq!(
        sql,
        "UPDATE stuff SET foo=(stuff.foo + ?) WHERE stuff.id = ?"
    );
    assert_eq!(foo(&s, 2).value.as_deref(), Some("13"));
}
