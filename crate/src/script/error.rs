//! Errors found before running: `SyntaxError` and `IndentationError` with CPython's rendering.

/// A syntax error at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// `SyntaxError` or `IndentationError`.
    pub type_name: &'static str,
    /// CPython's message, e.g. `expected ':'`.
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// The text of that line, for the caret display.
    pub text: String,
    /// How the source line is shown under the header.
    pub display: Display,
    /// Column just after the offending token (carets span `col..end_col`).
    pub end_col: u32,
}

/// How CPython shows the source of a syntax error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    /// The line and carets under the offending token.
    Carets,
    /// The line only (`unexpected indent`).
    LineOnly,
    /// Neither (errors found after parsing, such as `'break' outside loop`).
    Nothing,
}

impl SyntaxError {
    /// A `SyntaxError` at `(line, col)` of the source whose lines are `lines`.
    pub fn new(message: impl Into<String>, line: u32, col: u32, lines: &[&str]) -> Box<Self> {
        let text = lines
            .get(line.saturating_sub(1) as usize)
            .map(|l| l.trim_end_matches('\r').to_string())
            .unwrap_or_default();
        Box::new(SyntaxError {
            type_name: "SyntaxError",
            message: message.into(),
            line,
            col,
            text,
            display: Display::Carets,
            end_col: col + 1,
        })
    }

    /// The same error shown as `display`.
    pub fn shown(mut self: Box<Self>, display: Display) -> Box<Self> {
        self.display = display;
        self
    }

    /// The same error with carets up to `end_col`.
    pub fn until(mut self: Box<Self>, end_col: u32) -> Box<Self> {
        self.end_col = end_col.max(self.col + 1);
        self
    }

    /// The same error as an `IndentationError`.
    pub fn indentation(mut self: Box<Self>) -> Box<Self> {
        self.type_name = "IndentationError";
        self
    }

    /// CPython's rendering: file/line header, the stripped source line, a caret, the message.
    pub fn render(&self, filename: &str) -> String {
        let mut out = format!("  File \"{filename}\", line {}\n", self.line);
        let stripped = self.text.trim_start();
        if !stripped.is_empty() && self.display != Display::Nothing {
            let indent = self.text.chars().count() - stripped.chars().count();
            let caret = (self.col as usize).saturating_sub(1).saturating_sub(indent);
            out.push_str(&format!("    {}\n", stripped.trim_end()));
            if self.display == Display::Carets {
                let width = (self.end_col.saturating_sub(self.col) as usize).max(1);
                out.push_str(&format!("    {}{}\n", " ".repeat(caret), "^".repeat(width)));
            }
        }
        out.push_str(&format!("{}: {}\n", self.type_name, self.message));
        out
    }
}
