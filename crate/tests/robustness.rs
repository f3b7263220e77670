//! No input may crash the interpreter: mutated corpus scripts and random token soups must end
//! in an outcome (output or a Python error), never a panic or a hang. A deterministic smoke
//! version of the fuzzing the hardening issue asks for; it runs in every `npm test`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use sessionlab::script::{Limits, run};

/// A small deterministic generator (xorshift): the same inputs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: [&str; 58] = [
    ".rsplit(None, 1)",
    ".split()",
    ".strip()",
    "[::-1]",
    ".format(1)",
    "% (1,)",
    "[1:]",
    ".center(9)",
    ".zfill(4)",
    ".title()",
    "x",
    "y",
    "=",
    "==",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "if",
    "else",
    "for",
    "in",
    "while",
    "def",
    "class",
    "return",
    "lambda",
    "try",
    "except",
    "\n",
    "\n    ",
    "'s'",
    "\"é\u{3000}x\"",
    "f'{x}'",
    "1",
    "0",
    "-1",
    "1.5",
    "None",
    "True",
    "print",
    "len",
    "range",
    "[1, 2]",
    "{'a': 1}",
    "\u{3000}",
];

fn limits() -> Limits {
    Limits {
        step_budget: 20_000,
        recursion_limit: 200,
        max_items: 100_000,
        memory_budget: 256 << 20,
        // The fuzz cases look for panics, not budgets: a mutation that makes each step costly
        // (a huge power, a long string repeat) stops at 2 s instead of the page's 30.
        time_budget_ms: 2_000.0,
    }
}

fn must_not_panic(source: &str) {
    let outcome = std::panic::catch_unwind(|| run(source, limits()));
    assert!(outcome.is_ok(), "the interpreter panicked on:\n{source}");
}

#[test]
fn random_token_soups_never_panic() {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for _ in 0..3000 {
        let n = 1 + rng.below(40);
        let source: String = (0..n)
            .map(|_| PIECES[rng.below(PIECES.len())])
            .collect::<Vec<_>>()
            .join(" ");
        must_not_panic(&source);
    }
}

#[test]
fn mutated_corpus_scripts_never_panic() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/script"));
    let mut sources: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    sources.sort();
    let mut rng = Rng(0xC0FF_EE00_1234_5678);
    for source in &sources {
        let chars: Vec<char> = source.chars().collect();
        for _ in 0..8 {
            let mut mutated = chars.clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(mutated.len().max(1));
                match rng.below(3) {
                    0 if !mutated.is_empty() => {
                        mutated.remove(at.min(mutated.len() - 1));
                    }
                    1 => {
                        let piece = PIECES[rng.below(PIECES.len())];
                        for (k, c) in piece.chars().enumerate() {
                            mutated.insert((at + k).min(mutated.len()), c);
                        }
                    }
                    _ => {
                        if let Some(c) = mutated.get_mut(at) {
                            *c = [
                                '(', ')', ':', '"', '\'', '\n', ' ', '\u{3000}', 'é', '{', '}',
                            ][rng.below(11)];
                        }
                    }
                }
            }
            must_not_panic(&mutated.into_iter().collect::<String>());
        }
    }
}

/// A loop of few but expensive steps (each a query) ends at the time budget, not minutes later.
#[test]
fn expensive_steps_end_at_the_time_budget() {
    let source = "from sqlalchemy import create_engine, text\n\
                  engine = create_engine('sqlite://')\n\
                  with engine.connect() as conn:\n\
                  \x20   while True:\n\
                  \x20       conn.execute(text('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL \
                  SELECT x + 1 FROM c WHERE x < 20000) SELECT count(*) FROM c'))\n";
    let limits = Limits {
        step_budget: u64::MAX,
        time_budget_ms: 300.0,
        ..Limits::default()
    };
    let report = sessionlab::run::run_script(source, limits);
    let error = report.error.map(|e| (e.type_name, e.line, e.message));
    let (kind, line, message) = error.unwrap_or_default();
    assert_eq!((kind.as_str(), line), ("TimeBudgetExceeded", 5));
    assert!(message.contains("0.3 s"), "{message}");
}
