//! What SQLAlchemy's SQLite dialect reads out of a table's stored `CREATE TABLE` text: the
//! primary key's constraint name, foreign keys with their names and ON DELETE/UPDATE options,
//! UNIQUE constraints (named, table-level and inline) and CHECK constraints.

/// One foreign key clause: name, local columns, referred table, referred columns, options
/// (`ondelete`/`onupdate` text, `deferrable`, `initially`).
pub struct FkClause {
    /// `CONSTRAINT name`, if given.
    pub name: Option<String>,
    /// `FOREIGN KEY (cols)`.
    pub columns: Vec<String>,
    /// `REFERENCES table`.
    pub table: String,
    /// `REFERENCES table (cols)`.
    pub referred: Vec<String>,
    /// `ondelete`/`onupdate`/`initially` words, in that order.
    pub words: Vec<(&'static str, String)>,
    /// `DEFERRABLE` (true) or `NOT DEFERRABLE` (false).
    pub deferrable: Option<bool>,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Quoted(String),
    Punct(char),
}

/// The SQL as words, double-quoted names and punctuation (string literals skipped).
fn tokens(sql: &str) -> Vec<Tok> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let s = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Tok::Word(chars[s..i].iter().collect()));
        } else if c == '"' || c == '\'' {
            let s = i + 1;
            i += 1;
            while i < chars.len() && chars[i] != c {
                i += 1;
            }
            let text: String = chars[s..i.min(chars.len())].iter().collect();
            i += 1;
            if c == '"' {
                out.push(Tok::Quoted(text));
            } else {
                out.push(Tok::Punct('\''));
            }
        } else {
            out.push(Tok::Punct(c));
            i += 1;
        }
    }
    out
}

fn is_kw(t: Option<&Tok>, kw: &str) -> bool {
    matches!(t, Some(Tok::Word(w)) if w.eq_ignore_ascii_case(kw))
}

fn name_of(t: Option<&Tok>) -> Option<String> {
    match t {
        Some(Tok::Word(w) | Tok::Quoted(w)) => Some(w.clone()),
        _ => None,
    }
}

/// The names inside `( ... )` starting at `toks[i]` (the open paren); the index after `)`.
fn column_list(toks: &[Tok], i: usize) -> Option<(Vec<String>, usize)> {
    if toks.get(i) != Some(&Tok::Punct('(')) {
        return None;
    }
    let mut names = Vec::new();
    let mut j = i + 1;
    loop {
        match toks.get(j)? {
            Tok::Punct(')') => return Some((names, j + 1)),
            t => {
                if let Some(n) = name_of(Some(t)) {
                    names.push(n);
                }
            }
        }
        j += 1;
    }
}

/// `CONSTRAINT name` just before `toks[i]`.
fn constraint_name(toks: &[Tok], i: usize) -> Option<String> {
    if i >= 2 && is_kw(toks.get(i - 2), "CONSTRAINT") {
        name_of(toks.get(i - 1))
    } else {
        None
    }
}

/// `CONSTRAINT name PRIMARY KEY`: the primary key's name.
pub fn pk_name(sql: &str) -> Option<String> {
    let toks = tokens(sql);
    (0..toks.len())
        .find(|&i| {
            is_kw(toks.get(i), "PRIMARY")
                && is_kw(toks.get(i + 1), "KEY")
                && constraint_name(&toks, i).is_some()
        })
        .and_then(|i| constraint_name(&toks, i))
}

/// Every `FOREIGN KEY (...) REFERENCES t (...)` clause with what follows it.
pub fn foreign_keys(sql: &str) -> Vec<FkClause> {
    let toks = tokens(sql);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !(is_kw(toks.get(i), "FOREIGN") && is_kw(toks.get(i + 1), "KEY")) {
            i += 1;
            continue;
        }
        let name = constraint_name(&toks, i);
        let Some((columns, j)) = column_list(&toks, i + 2) else {
            i += 1;
            continue;
        };
        let (Some(table), true) = (name_of(toks.get(j + 1)), is_kw(toks.get(j), "REFERENCES"))
        else {
            i += 1;
            continue;
        };
        let Some((referred, mut k)) = column_list(&toks, j + 2) else {
            i += 1;
            continue;
        };
        let mut words = Vec::new();
        while is_kw(toks.get(k), "ON") {
            let key = if is_kw(toks.get(k + 1), "DELETE") {
                "ondelete"
            } else if is_kw(toks.get(k + 1), "UPDATE") {
                "onupdate"
            } else {
                break;
            };
            let two = |a: &str, b: &str| is_kw(toks.get(k + 2), a) && is_kw(toks.get(k + 3), b);
            let (action, len) = if two("SET", "NULL") {
                ("SET NULL", 2)
            } else if two("SET", "DEFAULT") {
                ("SET DEFAULT", 2)
            } else if two("NO", "ACTION") {
                ("NO ACTION", 2)
            } else if is_kw(toks.get(k + 2), "CASCADE") {
                ("CASCADE", 1)
            } else if is_kw(toks.get(k + 2), "RESTRICT") {
                ("RESTRICT", 1)
            } else {
                break;
            };
            if action != "NO ACTION" {
                words.retain(|(w, _)| *w != key);
                words.push((key, action.to_string()));
            }
            k += 2 + len;
        }
        let mut deferrable = None;
        if is_kw(toks.get(k), "NOT") && is_kw(toks.get(k + 1), "DEFERRABLE") {
            deferrable = Some(false);
            k += 2;
        } else if is_kw(toks.get(k), "DEFERRABLE") {
            deferrable = Some(true);
            k += 1;
        }
        if is_kw(toks.get(k), "INITIALLY")
            && let Some(Tok::Word(w)) = toks.get(k + 1)
        {
            let w = w.to_uppercase();
            if w == "DEFERRED" || w == "IMMEDIATE" {
                words.push(("initially", w));
                k += 2;
            }
        }
        out.push(FkClause {
            name,
            columns,
            table,
            referred,
            words,
            deferrable,
        });
        i = k.max(i + 1);
    }
    out
}

/// `[CONSTRAINT name] UNIQUE (cols)` clauses, then inline `col TYPE ... UNIQUE` ones (no name).
pub fn uniques(sql: &str) -> Vec<(Option<String>, Vec<String>)> {
    let toks = tokens(sql);
    let mut out: Vec<(Option<String>, Vec<String>)> = (0..toks.len())
        .filter(|&i| is_kw(toks.get(i), "UNIQUE"))
        .filter_map(|i| column_list(&toks, i + 1).map(|(c, _)| (constraint_name(&toks, i), c)))
        .collect();
    for line in sql.lines() {
        let pieces: Vec<&str> = line.split([' ', '\t']).filter(|p| !p.is_empty()).collect();
        let word =
            |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        let mut j = 0;
        while j < pieces.len() {
            if !pieces[j].to_ascii_uppercase().starts_with("UNIQUE") || j < 2 {
                j += 1;
                continue;
            }
            // The leftmost start: the name piece, then one or more plain words before UNIQUE.
            let mut k = j - 1;
            while k > 0 && word(pieces[k]) {
                k -= 1;
            }
            if !word(pieces[k]) || k + 1 == j {
                k += 1;
            }
            if j - k >= 2
                && let Some(name) = inline_name(pieces[k])
            {
                out.push((None, vec![name]));
            }
            j += 1;
        }
    }
    out
}

/// The column name a piece of an inline definition ends with (`"x"`, `[x]`, `` `x` ``, `x`).
fn inline_name(piece: &str) -> Option<String> {
    if let Some(inner) = piece.strip_suffix('"') {
        return inner.rfind('"').map(|i| inner[i + 1..].to_string());
    }
    let bare = piece.trim_end_matches([']', '`']);
    let start = bare
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_')
        .last()
        .map(|(i, _)| i)?;
    Some(bare[start..].to_string())
}

/// `[CONSTRAINT name] CHECK (sqltext)` clauses, sorted by name (unnamed last).
pub fn checks(sql: &str) -> Vec<(Option<String>, String)> {
    let upper = sql.to_ascii_uppercase();
    let bytes = sql.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(off) = upper[from..].find("CHECK") {
        let at = from + off;
        from = at + 5;
        if at > 0 && ident(bytes[at - 1]) {
            continue;
        }
        let open = at + 5 + sql[at + 5..].len() - sql[at + 5..].trim_start().len();
        if bytes.get(open) != Some(&b'(') {
            continue;
        }
        let Some(close) = matching_paren(sql, open) else {
            continue;
        };
        let before = sql[..at].trim_end();
        let name = before
            .rsplit(char::is_whitespace)
            .next()
            .filter(|n| !n.is_empty())
            .and_then(|n| {
                let rest = before[..before.len() - n.len()].trim_end();
                rest.to_ascii_uppercase()
                    .ends_with("CONSTRAINT")
                    .then(|| unquote(n))
            });
        out.push((name, sql[open + 1..close].trim().to_string()));
        from = close;
    }
    out.sort_by(|a, b| {
        a.0.as_deref()
            .unwrap_or("~")
            .cmp(b.0.as_deref().unwrap_or("~"))
    });
    out
}

fn unquote(n: &str) -> String {
    for (a, b) in [('"', '"'), ('\'', '\''), ('`', '`'), ('[', ']')] {
        if n.len() >= 2 && n.starts_with(a) && n.ends_with(b) {
            return n[1..n.len() - 1].to_string();
        }
    }
    n.to_string()
}

/// The `)` matching the `(` at byte `start`, skipping quoted literals.
fn matching_paren(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0;
    let mut quote: Option<u8> = None;
    let b = text.as_bytes();
    let mut i = start;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => {
                if b.get(i + 1) == Some(&q) {
                    i += 1;
                } else {
                    quote = None;
                }
            }
            Some(_) => {}
            None if c == b'\'' || c == b'"' => quote = Some(c),
            None if c == b'(' => depth += 1,
            None if c == b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            None => {}
        }
        i += 1;
    }
    None
}
