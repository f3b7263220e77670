//! Runs free what they allocated, reference cycles included: a page runs many scripts in one
//! engine, so whatever a run leaks, every later run keeps. (Its own test binary: the allocator
//! count is process-wide, and other tests running beside it would blur it.)
#![cfg(not(target_arch = "wasm32"))]

use sessionlab::base::memory::allocated;
use sessionlab::run::{RunInput, run};

/// Bytes still allocated after `times` runs of `source` beyond those after one (warm-up) run.
fn growth(source: &str, times: usize) -> isize {
    let _ = run(RunInput::script(source));
    let before = allocated();
    for _ in 0..times {
        let outcome = run(RunInput::script(source));
        assert!(outcome.report.error.is_none(), "{:?}", outcome.report.error);
    }
    allocated() as isize - before as isize
}

const CYCLES: &str = r#"
from sqlalchemy import create_engine, Column, Integer, ForeignKey, select
from sqlalchemy.orm import declarative_base, relationship, Session

Base = declarative_base()

class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    children = relationship("Child", back_populates="parent")

class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parent.id"))
    parent = relationship("Parent", back_populates="children")

def helper(n):
    def inner():
        return helper(n - 1) if n else 0
    return inner

class Node:
    def __init__(self):
        self.me = self
        self.items = [self]

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    p = Parent(children=[Child(), Child()])
    session.add(p)
    session.commit()
    for parent in session.scalars(select(Parent)):
        print(len(parent.children), parent.children[0].parent is parent)
for i in range(50):
    n = Node()
    f = helper(3)
try:
    1 / 0
except ZeroDivisionError as e:
    err = e
cycle = []
cycle.append(cycle)
"#;

/// Small scripts, one cycle each.
const SMALL: [(&str, &str); 6] = [
    ("a module-level def", "def f():\n    pass\n"),
    (
        "an object holding itself",
        "class A:\n    pass\na = A()\na.me = a\n",
    ),
    ("a list holding itself", "l = []\nl.append(l)\n"),
    (
        "an inner function",
        "def outer():\n    def inner():\n        return inner\n    return inner\nfor _ in range(3):\n    outer()\n",
    ),
    (
        "a caught exception",
        "try:\n    1/0\nexcept Exception as e:\n    x = e\n",
    ),
    (
        "a garbage pair",
        "class P:\n    pass\nfor _ in range(100):\n    a, b = P(), P()\n    a.b, b.a = b, a\n",
    ),
];

// One test: the allocator's count is process-wide, so cases must not run side by side.
#[test]
fn runs_with_cycles_leave_nothing_behind() {
    let mut failures = Vec::new();
    for (name, source) in SMALL.iter().copied().chain([("the ORM script", CYCLES)]) {
        let grown = growth(source, 10);
        if grown > 4 * 1024 {
            failures.push(format!("{name}: 10 runs kept {grown} bytes"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
