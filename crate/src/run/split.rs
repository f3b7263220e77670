//! Splits a raw-SQL source into statements, remembering where each starts.

/// One statement of a raw-SQL source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The statement text without its trailing `;`.
    pub sql: String,
    /// 1-based line of its first character.
    pub line: u32,
    /// 1-based column of its first character.
    pub column: u32,
}

/// Splits `source` at top-level semicolons, keeping `'…'`, `"…"`, `` `…` ``, `[…]`, comments
/// and trigger bodies (`CREATE TRIGGER … BEGIN …; END`) intact. Empty statements are dropped.
pub fn split_statements(source: &str) -> Vec<Piece> {
    let chars: Vec<char> = source.chars().collect();
    let mut pieces = Vec::new();
    let mut cursor = Cursor::default();
    let mut start = 0usize;
    let mut i = 0usize;
    // Trigger bodies hold semicolons; track BEGIN/END depth only inside CREATE TRIGGER.
    let mut depth = 0i32;
    // The first words of the current statement decide whether it is a CREATE TRIGGER.
    let mut head: Vec<String> = Vec::new();
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\'' | '"' | '`' => i = skip_quoted(&chars, i, c),
            '[' => i = skip_quoted(&chars, i, ']'),
            '-' if chars.get(i + 1) == Some(&'-') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    i += 1;
                }
                i = (i + 2).min(chars.len());
            }
            ';' if depth <= 0 => {
                push_piece(&chars, start, i, &mut cursor, &mut pieces);
                start = i + 1;
                depth = 0;
                head.clear();
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let word_start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let word: String = chars[word_start..i]
                    .iter()
                    .collect::<String>()
                    .to_ascii_uppercase();
                if head.len() < 4 {
                    head.push(word.clone());
                }
                let trigger = head.first().is_some_and(|w| w == "CREATE")
                    && head.iter().any(|w| w == "TRIGGER");
                if trigger {
                    if word == "BEGIN" || word == "CASE" {
                        depth += 1;
                    } else if word == "END" {
                        depth -= 1;
                    }
                }
            }
            _ => i += 1,
        }
    }
    push_piece(&chars, start, chars.len(), &mut cursor, &mut pieces);
    pieces
}

/// A position carried forward through the source, so locating each statement is linear.
struct Cursor {
    offset: usize,
    line: u32,
    column: u32,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            offset: 0,
            line: 1,
            column: 1,
        }
    }
}

impl Cursor {
    fn advance_to(&mut self, chars: &[char], offset: usize) {
        for &c in &chars[self.offset..offset] {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.offset = offset;
    }
}

fn skip_quoted(chars: &[char], open: usize, close: char) -> usize {
    let mut i = open + 1;
    while i < chars.len() {
        if chars[i] == close {
            // A doubled quote is an escaped quote inside the literal.
            if close != ']' && chars.get(i + 1) == Some(&close) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    chars.len()
}

fn push_piece(
    chars: &[char],
    start: usize,
    end: usize,
    cursor: &mut Cursor,
    pieces: &mut Vec<Piece>,
) {
    let text: String = chars[start..end].iter().collect();
    if is_blank(&text) {
        return;
    }
    let leading = text.len() - text.trim_start().len();
    let offset = start + text[..leading].chars().count();
    cursor.advance_to(chars, offset);
    pieces.push(Piece {
        sql: text.trim().to_string(),
        line: cursor.line,
        column: cursor.column,
    });
}

/// True when `text` holds only whitespace and comments.
fn is_blank(text: &str) -> bool {
    let mut rest = text.trim_start();
    loop {
        if rest.is_empty() {
            return true;
        }
        if let Some(after) = rest.strip_prefix("--") {
            rest = after.split_once('\n').map_or("", |(_, t)| t).trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, t)| t).trim_start();
        } else {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<String> {
        split_statements(src).into_iter().map(|p| p.sql).collect()
    }

    #[test]
    fn splits_on_top_level_semicolons() {
        assert_eq!(
            texts("SELECT 1; SELECT 2;\n\n"),
            vec!["SELECT 1", "SELECT 2"]
        );
        assert_eq!(
            texts("SELECT ';'; SELECT \"a;b\" -- x;y\n;"),
            vec!["SELECT ';'", "SELECT \"a;b\" -- x;y"]
        );
        assert_eq!(texts("SELECT 'it''s; ok'"), vec!["SELECT 'it''s; ok'"]);
        assert_eq!(
            texts("-- only a comment\n /* and ; this */"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn keeps_trigger_bodies_whole() {
        let src = "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET x = 1; DELETE FROM u; END; SELECT 1";
        assert_eq!(
            texts(src),
            vec![
                "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET x = 1; DELETE FROM u; END",
                "SELECT 1"
            ]
        );
    }

    #[test]
    fn records_line_and_column() {
        let pieces = split_statements("SELECT 1;\n  SELECT 2; SELECT 3");
        let at: Vec<(u32, u32)> = pieces.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(at, vec![(1, 1), (2, 3), (2, 13)]);
    }
}
