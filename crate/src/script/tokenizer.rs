//! The tokenizer: Python's tokens with INDENT/DEDENT, implicit line joining inside brackets,
//! backslash continuation and comments.

use super::error::SyntaxError;
use super::span::Span;

/// One token's kind and payload.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// An identifier or keyword.
    Name(String),
    /// An integer literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// A string literal, escapes already processed.
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// An f-string: its raw body (escapes unprocessed), whether it is raw, and where the body starts.
    FStr {
        /// The text between the quotes.
        body: String,
        /// `rf'…'`: backslashes are literal.
        raw: bool,
        /// Line of the body's first character.
        line: u32,
        /// Column of the body's first character.
        col: u32,
    },
    /// An operator or delimiter.
    Op(&'static str),
    /// The end of a logical line.
    Newline,
    /// The start of an indented block.
    Indent,
    /// The end of an indented block.
    Dedent,
    /// The end of the source.
    Eof,
}

/// A token with its source span.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// Where it is.
    pub span: Span,
}

const OPERATORS: [&str; 47] = [
    "**=", "//=", ">>=", "<<=", "...", "->", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "@=", "+", "-", "*", "/", "%", "&", "|", "^",
    "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "@",
];

struct Lexer<'a> {
    chars: Vec<char>,
    pos: usize,
    line: u32,
    col: u32,
    tokens: Vec<Token>,
    indents: Vec<u32>,
    brackets: Vec<(char, u32, u32)>,
    lines: &'a [&'a str],
    at_line_start: bool,
}

/// Splits `source` into tokens, or reports the first lexical error like CPython.
pub fn tokenize(source: &str) -> Result<Vec<Token>, Box<SyntaxError>> {
    let lines: Vec<&str> = source.split('\n').collect();
    let mut lx = Lexer {
        chars: source.chars().collect(),
        pos: 0,
        line: 1,
        col: 1,
        tokens: Vec::new(),
        indents: vec![0],
        brackets: Vec::new(),
        lines: &lines,
        at_line_start: true,
    };
    lx.run()?;
    Ok(lx.tokens)
}

impl Lexer<'_> {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied()?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn err(&self, msg: impl Into<String>, line: u32, col: u32) -> Box<SyntaxError> {
        SyntaxError::new(msg, line, col, self.lines)
    }

    fn push(&mut self, tok: Tok, line: u32, col: u32) {
        let span = Span::new(line, col, self.line, self.col);
        self.tokens.push(Token { tok, span });
    }

    fn run(&mut self) -> Result<(), Box<SyntaxError>> {
        loop {
            if self.at_line_start && self.brackets.is_empty() {
                self.indentation()?;
                if self.pos >= self.chars.len() {
                    break;
                }
            }
            let Some(c) = self.peek(0) else { break };
            let (line, col) = (self.line, self.col);
            match c {
                ' ' | '\t' | '\x0c' | '\r' => {
                    self.bump();
                }
                '#' => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                '\n' => {
                    self.bump();
                    if self.brackets.is_empty() {
                        self.push(Tok::Newline, line, col);
                        self.at_line_start = true;
                    }
                }
                '\\' => {
                    self.bump();
                    match self.peek(0) {
                        Some('\n') => {
                            self.bump();
                        }
                        Some('\r') if self.peek(1) == Some('\n') => {
                            self.bump();
                            self.bump();
                        }
                        None => return Err(self.err("unexpected EOF while parsing", line, col)),
                        _ => {
                            return Err(self.err(
                                "unexpected character after line continuation character",
                                line,
                                col,
                            ));
                        }
                    }
                }
                c if c.is_ascii_digit()
                    || (c == '.' && self.peek(1).is_some_and(|d| d.is_ascii_digit())) =>
                {
                    self.number(line, col)?
                }
                c if c == '_' || c.is_alphabetic() => {
                    let mut name = String::new();
                    while let Some(c) = self.peek(0) {
                        if c == '_' || c.is_alphanumeric() {
                            name.push(c);
                            self.bump();
                        } else {
                            break;
                        }
                    }
                    let prefix = name.to_ascii_lowercase();
                    let is_prefix = matches!(
                        prefix.as_str(),
                        "r" | "b" | "f" | "u" | "rb" | "br" | "fr" | "rf"
                    );
                    if is_prefix && matches!(self.peek(0), Some('\'' | '"')) {
                        self.string(&prefix, line, col)?;
                    } else {
                        self.push(Tok::Name(name), line, col);
                    }
                }
                '\'' | '"' => self.string("", line, col)?,
                _ => self.operator(line, col)?,
            }
        }
        if let Some(&(open, l, c)) = self.brackets.last() {
            return Err(self.err(format!("'{open}' was never closed"), l, c));
        }
        let (line, col) = (self.line, self.col);
        if !matches!(
            self.tokens.last().map(|t| &t.tok),
            None | Some(Tok::Newline | Tok::Dedent)
        ) {
            self.push(Tok::Newline, line, col);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, line, col);
        }
        self.push(Tok::Eof, line, col);
        Ok(())
    }

    /// Measures a new line's indentation and emits INDENT/DEDENT; skips blank and comment lines.
    fn indentation(&mut self) -> Result<(), Box<SyntaxError>> {
        loop {
            let mut width = 0u32;
            let start = self.pos;
            while let Some(c) = self.peek(0) {
                match c {
                    ' ' => width += 1,
                    '\t' => width = (width / 8 + 1) * 8,
                    '\x0c' => width = 0,
                    _ => break,
                }
                self.bump();
            }
            match self.peek(0) {
                None => return Ok(()),
                Some('\n') => {
                    self.bump();
                    continue;
                }
                Some('\r') if self.peek(1) == Some('\n') => {
                    self.bump();
                    self.bump();
                    continue;
                }
                Some('#') => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                    continue;
                }
                Some('\\') if matches!(self.peek(1), Some('\n')) => {
                    // A continuation line starting a logical line: indentation is what follows.
                    let _ = start;
                }
                _ => {}
            }
            self.at_line_start = false;
            let current = self.indents.last().copied().unwrap_or(0);
            let (line, col) = (self.line, 1);
            if width > current {
                self.indents.push(width);
                self.push(Tok::Indent, line, col);
            } else if width < current {
                while self.indents.last().copied().unwrap_or(0) > width {
                    self.indents.pop();
                    self.push(Tok::Dedent, line, self.col);
                }
                if self.indents.last().copied().unwrap_or(0) != width {
                    // CPython points just past the end of the offending line.
                    let end = self
                        .lines
                        .get(line as usize - 1)
                        .map_or(1, |l| l.trim_end().chars().count() as u32 + 1);
                    return Err(self
                        .err(
                            "unindent does not match any outer indentation level",
                            line,
                            end,
                        )
                        .indentation());
                }
            }
            return Ok(());
        }
    }

    fn number(&mut self, line: u32, col: u32) -> Result<(), Box<SyntaxError>> {
        let mut text = String::new();
        let radix = if self.peek(0) == Some('0') {
            match self.peek(1).map(|c| c.to_ascii_lowercase()) {
                Some('x') => 16,
                Some('o') => 8,
                Some('b') => 2,
                _ => 10,
            }
        } else {
            10
        };
        if radix != 10 {
            self.bump();
            self.bump();
            while let Some(c) = self.peek(0) {
                if c.is_digit(radix) || c == '_' {
                    if c != '_' {
                        text.push(c);
                    }
                    self.bump();
                } else {
                    break;
                }
            }
            let value = i64::from_str_radix(&text, radix).map_err(|_| {
                self.err(
                    "integer literal too large for SessionLab's 64-bit integers",
                    line,
                    col,
                )
            })?;
            self.push(Tok::Int(value), line, col);
            return Ok(());
        }
        let mut is_float = false;
        while let Some(c) = self.peek(0) {
            if c.is_ascii_digit() || c == '_' {
                if c != '_' {
                    text.push(c);
                }
                self.bump();
            } else if c == '.' && !is_float && !text.contains('e') {
                is_float = true;
                text.push(c);
                self.bump();
            } else if (c == 'e' || c == 'E') && !text.contains('e') {
                let sign = self.peek(1);
                let digit_at = if matches!(sign, Some('+' | '-')) {
                    2
                } else {
                    1
                };
                if self.peek(digit_at).is_some_and(|d| d.is_ascii_digit()) {
                    is_float = true;
                    text.push('e');
                    self.bump();
                    if digit_at == 2 {
                        text.push(sign.unwrap_or('+'));
                        self.bump();
                    }
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if matches!(self.peek(0), Some('j' | 'J')) {
            return Err(self.err("complex numbers are not supported in SessionLab", line, col));
        }
        if self.peek(0).is_some_and(|c| c.is_alphabetic() || c == '_') {
            return Err(self.err("invalid decimal literal", line, col));
        }
        if is_float {
            let value = crate::base::float_text::parse_f64(&text)
                .ok_or_else(|| self.err("invalid decimal literal", line, col))?;
            self.push(Tok::Float(value), line, col);
        } else {
            if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0') {
                return Err(self.err(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    line,
                    col,
                ));
            }
            let value = super::builtins::decimal_int(&text).ok_or_else(|| {
                self.err(
                    "integer literal too large for SessionLab's 64-bit integers",
                    line,
                    col,
                )
            })?;
            self.push(Tok::Int(value), line, col);
        }
        Ok(())
    }

    fn string(&mut self, prefix: &str, line: u32, col: u32) -> Result<(), Box<SyntaxError>> {
        let quote = self.bump().unwrap_or('\'');
        let triple = self.peek(0) == Some(quote) && self.peek(1) == Some(quote);
        if triple {
            self.bump();
            self.bump();
        }
        let (body_line, body_col) = (self.line, self.col);
        let mut body = String::new();
        loop {
            let Some(c) = self.peek(0) else {
                return Err(self.unterminated(triple, line, col));
            };
            if c == '\n' && !triple {
                return Err(self.unterminated(triple, line, col));
            }
            if c == '\\' {
                body.push(c);
                self.bump();
                if let Some(next) = self.bump() {
                    body.push(next);
                }
                continue;
            }
            if c == quote {
                if !triple {
                    self.bump();
                    break;
                }
                if self.peek(1) == Some(quote) && self.peek(2) == Some(quote) {
                    self.bump();
                    self.bump();
                    self.bump();
                    break;
                }
            }
            body.push(c);
            self.bump();
        }
        let raw = prefix.contains('r');
        let tok = if prefix.contains('f') {
            Tok::FStr {
                body,
                raw,
                line: body_line,
                col: body_col,
            }
        } else if prefix.contains('b') {
            if let Some(bad) = body.chars().find(|c| !c.is_ascii()) {
                let _ = bad;
                return Err(self.err("bytes can only contain ASCII literal characters", line, col));
            }
            let text = if raw {
                body
            } else {
                self.unescaped(&body, true)?
            };
            Tok::Bytes(text.chars().map(|c| c as u32 as u8).collect())
        } else if raw {
            Tok::Str(body)
        } else {
            Tok::Str(self.unescaped(&body, false)?)
        };
        self.push(tok, line, col);
        Ok(())
    }

    /// The literal's escapes processed; an undecodable one is reported where CPython puts its
    /// caret: at the end of the token after the literal (the parser has read it by then).
    fn unescaped(&self, body: &str, bytes: bool) -> Result<String, Box<SyntaxError>> {
        unescape(body, bytes).map_err(|message| {
            let mut k = 0;
            while matches!(self.peek(k), Some(' ' | '\t')) {
                k += 1;
            }
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            let mut len = 1;
            while word(self.peek(k)) && word(self.peek(k + len)) {
                len += 1;
            }
            self.err(message, self.line, self.col + (k + len - 1) as u32)
        })
    }

    fn unterminated(&self, triple: bool, line: u32, col: u32) -> Box<SyntaxError> {
        if triple {
            self.err(
                format!(
                    "unterminated triple-quoted string literal (detected at line {})",
                    self.line
                ),
                line,
                col,
            )
        } else {
            self.err(
                format!("unterminated string literal (detected at line {line})"),
                line,
                col,
            )
        }
    }

    fn operator(&mut self, line: u32, col: u32) -> Result<(), Box<SyntaxError>> {
        for op in OPERATORS {
            let matches = op.chars().enumerate().all(|(i, c)| self.peek(i) == Some(c));
            if !matches {
                continue;
            }
            for _ in 0..op.chars().count() {
                self.bump();
            }
            match op {
                "(" | "[" | "{" => {
                    let open = op.chars().next().unwrap_or('(');
                    self.brackets.push((open, line, col));
                }
                ")" | "]" | "}" => {
                    let close = op.chars().next().unwrap_or(')');
                    let expected = match close {
                        ')' => '(',
                        ']' => '[',
                        _ => '{',
                    };
                    match self.brackets.pop() {
                        None => return Err(self.err(format!("unmatched '{close}'"), line, col)),
                        Some((open, ol, _)) if open != expected => {
                            let msg = if ol == line {
                                format!(
                                    "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {ol}"
                                )
                            };
                            return Err(self.err(msg, line, col));
                        }
                        Some(_) => {}
                    }
                }
                _ => {}
            }
            self.push(Tok::Op(op), line, col);
            return Ok(());
        }
        let c = self.peek(0).unwrap_or(' ');
        let msg = if c == '$' || c == '?' || c == '`' || c == '!' {
            "invalid syntax".to_string()
        } else {
            format!("invalid character '{c}' (U+{:04X})", c as u32)
        };
        Err(self.err(msg, line, col))
    }
}

/// Processes backslash escapes of a non-raw literal (`bytes`: no `\u`/`\N`); an escape that
/// cannot be decoded gives CPython's message.
pub fn unescape(body: &str, bytes: bool) -> Result<String, String> {
    let chars: Vec<char> = body.chars().collect();
    let mut out = String::with_capacity(body.len());
    // Positions as CPython's decoder counts them: it sees non-ASCII characters as `\UXXXXXXXX`.
    let width = |c: char| if c.is_ascii() { 1 } else { 10 };
    let (mut i, mut pos) = (0, 0);
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' || i + 1 >= chars.len() {
            out.push(c);
            pos += width(c);
            i += 1;
            continue;
        }
        let e = chars[i + 1];
        let start = pos;
        i += 2;
        pos += 1 + width(e);
        let simple = match e {
            '\n' => Some(None),
            '\\' | '\'' | '"' => Some(Some(e)),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(ch) = simple {
            out.extend(ch);
            continue;
        }
        let fail = |end: usize, reason: &str| {
            Err(if bytes {
                format!("(value error) invalid \\x escape at position {start}")
            } else {
                format!(
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position \
                     {start}-{end}: {reason}"
                )
            })
        };
        match e {
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                let mut n = 1;
                while n < 3 && i < chars.len() && chars[i].is_digit(8) {
                    value = value * 8 + chars[i].to_digit(8).unwrap_or(0);
                    i += 1;
                    pos += 1;
                    n += 1;
                }
                // `\777` is 511 in a str; a bytes literal keeps the low byte (with a warning).
                let value = if bytes { value & 0xff } else { value };
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' if !(bytes && e != 'x') => {
                let len = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let digits = chars[i..]
                    .iter()
                    .take(len)
                    .take_while(|c| c.is_ascii_hexdigit());
                let hex: String = digits.collect();
                if hex.len() < len {
                    let name = ["\\xXX", "\\uXXXX", "\\UXXXXXXXX"][len / 4];
                    return fail(start + 1 + hex.len(), &format!("truncated {name} escape"));
                }
                i += len;
                pos += len;
                let code = u32::from_str_radix(&hex, 16).unwrap_or(u32::MAX);
                let surrogate = crate::base::surrogate::stand_in(code);
                match surrogate.or_else(|| char::from_u32(code)) {
                    Some(ch) => out.push(ch),
                    None => return fail(pos - 1, "illegal Unicode character"),
                }
            }
            'N' if !bytes => {
                let end = chars[i..].iter().position(|&c| c == '}');
                if chars.get(i) != Some(&'{') || end.is_none() {
                    return fail(start + 1, "malformed \\N character escape");
                }
                let name_len = end.unwrap_or(0);
                return fail(
                    start + 2 + name_len,
                    "SessionLab does not know Unicode character names yet (\\N{...})",
                );
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        tokenize(src)
            .map(|t| t.into_iter().map(|t| t.tok).collect())
            .unwrap_or_default()
    }

    #[test]
    fn indentation_and_brackets() {
        let toks = kinds("if x:\n    y = (1,\n  2)\nz\n");
        assert!(toks.contains(&Tok::Indent));
        assert!(toks.contains(&Tok::Dedent));
        assert_eq!(toks.iter().filter(|t| **t == Tok::Newline).count(), 3);
    }

    #[test]
    fn strings_and_numbers() {
        assert_eq!(
            kinds("'a\\n' r'\\d' b'\\x41' 0x1F 1_000 2.5e3")[..6],
            [
                Tok::Str("a\n".into()),
                Tok::Str("\\d".into()),
                Tok::Bytes(vec![0x41]),
                Tok::Int(31),
                Tok::Int(1000),
                Tok::Float(2500.0)
            ]
        );
    }

    #[test]
    fn errors_are_located() {
        let e = tokenize("x = 'abc\n").err();
        assert_eq!(
            e.map(|e| (e.message, e.line)),
            Some(("unterminated string literal (detected at line 1)".into(), 1))
        );
        let e = tokenize("f(1,\n2\n").err();
        assert_eq!(e.map(|e| e.message), Some("'(' was never closed".into()));
    }
}
