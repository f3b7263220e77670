//! Source positions: 1-based lines and columns, as CPython reports them.

/// A range of source text (columns count characters, 1-based; the end is exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First line.
    pub line: u32,
    /// First column.
    pub col: u32,
    /// Last line.
    pub end_line: u32,
    /// Column just after the last character.
    pub end_col: u32,
}

impl Span {
    /// A span from `(line, col)` to `(end_line, end_col)`.
    pub fn new(line: u32, col: u32, end_line: u32, end_col: u32) -> Self {
        Span {
            line,
            col,
            end_line,
            end_col,
        }
    }

    /// The span covering `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            line: self.line,
            col: self.col,
            end_line: other.end_line,
            end_col: other.end_col,
        }
    }
}
