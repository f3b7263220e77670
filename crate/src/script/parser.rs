//! A recursive-descent parser for the Python subset, producing `ast` with spans and CPython's
//! syntax error messages; constructs outside the subset are refused by name.

use std::rc::Rc;

use super::ast::*;
use super::error::{Display, SyntaxError};
use super::span::Span;
use super::tokenizer::{Tok, Token, tokenize, unescape};

/// Nesting deeper than this is refused instead of overflowing the (small, in wasm) stack.
const MAX_DEPTH: usize = 100;

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Parses a whole module.
pub fn parse_module(source: &str) -> Result<Vec<Stmt>, Box<SyntaxError>> {
    let tokens = tokenize(source)?;
    let lines: Vec<&str> = source.split('\n').collect();
    let mut p = Parser {
        tokens,
        pos: 0,
        lines: &lines,
        depth: 0,
        in_function: 0,
        in_loop: 0,
        yields: 0,
    };
    let mut body = Vec::new();
    while !p.at(&Tok::Eof) {
        if p.eat(&Tok::Newline) {
            continue;
        }
        if p.at(&Tok::Indent) {
            return Err(p
                .error_here("unexpected indent")
                .indentation()
                .shown(Display::LineOnly));
        }
        body.extend(p.statement()?);
    }
    Ok(body)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    lines: &'a [&'a str],
    depth: usize,
    in_function: usize,
    in_loop: usize,
    /// `yield`s parsed so far in the current function (a statement yields if it grew).
    yields: usize,
}

type PResult<T> = Result<T, Box<SyntaxError>>;

impl Parser<'_> {
    // ---- token helpers ----

    fn tok(&self) -> &Tok {
        self.tokens.get(self.pos).map_or(&Tok::Eof, |t| &t.tok)
    }

    fn peek_tok(&self, ahead: usize) -> &Tok {
        self.tokens
            .get(self.pos + ahead)
            .map_or(&Tok::Eof, |t| &t.tok)
    }

    fn span(&self) -> Span {
        self.tokens
            .get(self.pos)
            .or(self.tokens.last())
            .map_or_else(Span::default, |t| t.span)
    }

    fn prev_span(&self) -> Span {
        self.tokens
            .get(self.pos.saturating_sub(1))
            .map_or_else(Span::default, |t| t.span)
    }

    fn at(&self, t: &Tok) -> bool {
        self.tok() == t
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    /// The current token when it is a keyword (`""` otherwise), without copying it.
    fn keyword(&self) -> &'static str {
        match self.tok() {
            Tok::Name(n) => KEYWORDS.iter().find(|k| **k == n).copied().unwrap_or(""),
            _ => "",
        }
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if n == kw)
    }

    /// Moves past the current token and returns its span.
    fn advance(&mut self) -> Span {
        let span = self.span();
        if self.pos < self.tokens.len() {
            self.pos += 1;
        }
        span
    }

    fn eat(&mut self, t: &Tok) -> bool {
        if self.at(t) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn error_at(&self, span: Span, msg: impl Into<String>) -> Box<SyntaxError> {
        SyntaxError::new(msg, span.line, span.col, self.lines)
    }

    fn error_here(&self, msg: impl Into<String>) -> Box<SyntaxError> {
        self.error_at(self.span(), msg)
    }

    fn invalid(&self) -> Box<SyntaxError> {
        match self.tok() {
            Tok::Indent => self
                .error_here("unexpected indent")
                .indentation()
                .shown(Display::LineOnly),
            Tok::Name(n) if n == "async" || n == "await" => {
                self.error_here(format!("'{n}' is not supported in SessionLab"))
            }
            _ => self.error_here("invalid syntax"),
        }
    }

    fn expect_op(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else if op == ":" {
            Err(self.error_here("expected ':'"))
        } else {
            Err(self.invalid())
        }
    }

    fn name(&mut self) -> PResult<String> {
        match self.tok() {
            Tok::Name(n) if !KEYWORDS.contains(&n.as_str()) => {
                let n = n.clone();
                self.pos += 1;
                Ok(n)
            }
            _ => Err(self.invalid()),
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("too many nested parentheses"));
        }
        Ok(())
    }

    // ---- statements ----

    fn statement(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.span();
        {
            match self.keyword() {
                "if" => return Ok(vec![self.if_stmt()?]),
                "while" => return Ok(vec![self.while_stmt()?]),
                "for" => return Ok(vec![self.for_stmt()?]),
                "def" => return Ok(vec![self.def_stmt(Vec::new(), start)?]),
                "class" => return Ok(vec![self.class_stmt(Vec::new(), start)?]),
                "try" => return Ok(vec![self.try_stmt()?]),
                "with" => return Ok(vec![self.with_stmt()?]),
                "async" => {
                    return Err(self.error_here("'async def' is not supported in SessionLab"));
                }
                _ if self.at_kw("match")
                    && matches!(
                        self.peek_tok(1),
                        Tok::Name(_)
                            | Tok::Int(_)
                            | Tok::Float(_)
                            | Tok::Str(_)
                            | Tok::FStr { .. }
                            | Tok::Bytes(_)
                            | Tok::Op("(" | "[" | "{" | "-" | "*" | "~")
                    )
                    && self.line_ends_with_colon() =>
                {
                    return Ok(vec![self.match_stmt()?]);
                }
                _ => {}
            }
        }
        if self.at_op("@") {
            return Ok(vec![self.decorated()?]);
        }
        self.simple_statements()
    }

    /// True when the current logical line ends with `:` (a soft keyword's compound form).
    fn line_ends_with_colon(&self) -> bool {
        let mut i = self.pos;
        let mut last = None;
        while let Some(t) = self.tokens.get(i) {
            if matches!(t.tok, Tok::Newline | Tok::Eof) {
                break;
            }
            last = Some(&t.tok);
            i += 1;
        }
        matches!(last, Some(Tok::Op(":")))
    }

    fn simple_statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut out = vec![self.simple_statement()?];
        while self.eat_op(";") {
            if self.at(&Tok::Newline) || self.at(&Tok::Eof) {
                break;
            }
            out.push(self.simple_statement()?);
        }
        if !self.eat(&Tok::Newline) && !self.at(&Tok::Eof) {
            return Err(self.invalid());
        }
        Ok(out)
    }

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let (start, before) = (self.span(), self.yields);
        let kw = self.keyword();
        let kind = match kw {
            "pass" => {
                self.pos += 1;
                StmtKind::Pass
            }
            "break" => {
                if self.in_loop == 0 {
                    return Err(self
                        .error_here("'break' outside loop")
                        .shown(Display::Nothing));
                }
                self.pos += 1;
                StmtKind::Break
            }
            "continue" => {
                if self.in_loop == 0 {
                    return Err(self
                        .error_here("'continue' not properly in loop")
                        .shown(Display::Nothing));
                }
                self.pos += 1;
                StmtKind::Continue
            }
            "return" => {
                if self.in_function == 0 {
                    return Err(self
                        .error_here("'return' outside function")
                        .shown(Display::Nothing));
                }
                self.pos += 1;
                if self.at_statement_end() {
                    StmtKind::Return(None)
                } else {
                    StmtKind::Return(Some(self.star_expressions()?))
                }
            }
            "raise" => {
                self.pos += 1;
                if self.at_statement_end() {
                    StmtKind::Raise(Box::new((None, None)))
                } else {
                    let exc = self.expression()?;
                    let cause = if self.eat_kw("from") {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    StmtKind::Raise(Box::new((Some(exc), cause)))
                }
            }
            "assert" => {
                self.pos += 1;
                let test = self.expression()?;
                let msg = if self.eat_op(",") {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert(Box::new((test, msg)))
            }
            "del" => {
                self.pos += 1;
                let mut targets = vec![self.bitor()?];
                while self.eat_op(",") {
                    if self.at_statement_end() {
                        break;
                    }
                    targets.push(self.bitor()?);
                }
                for t in &targets {
                    self.check_target(t, "delete")?;
                }
                StmtKind::Delete(targets)
            }
            "global" | "nonlocal" => {
                self.pos += 1;
                let mut names = vec![self.name()?];
                while self.eat_op(",") {
                    names.push(self.name()?);
                }
                if kw == "global" {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            "import" => {
                self.pos += 1;
                let mut names = Vec::new();
                loop {
                    let module = self.dotted_name()?;
                    let alias = if self.eat_kw("as") {
                        Some(self.name()?)
                    } else {
                        None
                    };
                    names.push((module, alias));
                    if !self.eat_op(",") {
                        break;
                    }
                }
                StmtKind::Import(names)
            }
            "from" => {
                self.pos += 1;
                if self.at_op(".") || self.at_op("...") {
                    return Err(self.error_here("relative imports are not supported in SessionLab"));
                }
                let module = self.dotted_name()?;
                if !self.eat_kw("import") {
                    return Err(self.invalid());
                }
                if self.at_op("*") {
                    if self.in_function > 0 {
                        return Err(self.error_here("import * only allowed at module level"));
                    }
                    self.pos += 1;
                    StmtKind::ImportFrom(module, vec![("*".into(), None)])
                } else {
                    let paren = self.eat_op("(");
                    let mut names = Vec::new();
                    loop {
                        let name = self.name()?;
                        let alias = if self.eat_kw("as") {
                            Some(self.name()?)
                        } else {
                            None
                        };
                        names.push((name, alias));
                        if !self.eat_op(",") {
                            break;
                        }
                        if paren && self.at_op(")") {
                            break;
                        }
                    }
                    if paren {
                        self.expect_op(")")?;
                    }
                    StmtKind::ImportFrom(module, names)
                }
            }
            "await" => return Err(self.error_here("'await' is not supported in SessionLab")),
            _ => self.expression_statement()?,
        };
        Ok(Stmt {
            kind,
            span: start.to(self.prev_span()),
            yields: self.yields > before,
        })
    }

    fn at_statement_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::Eof | Tok::Op(";"))
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.name()?;
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(name)
    }

    fn expression_statement(&mut self) -> PResult<StmtKind> {
        let first = self.star_expressions()?;
        if self.at_op(":") {
            self.pos += 1;
            self.check_target(&first, "annotated")?;
            let annotation = self.expression()?;
            let value = if self.eat_op("=") {
                Some(self.star_expressions()?)
            } else {
                None
            };
            return Ok(StmtKind::AnnAssign(Box::new((first, annotation, value))));
        }
        if let &Tok::Op(op) = self.tok()
            && let Some(bin) = aug_op(op)
        {
            self.pos += 1;
            match first.kind {
                ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => {}
                _ => {
                    return Err(self.error_at(
                        first.span,
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            describe(&first)
                        ),
                    ));
                }
            }
            let value = self.star_expressions()?;
            return Ok(StmtKind::AugAssign(Box::new((first, bin, value))));
        }
        if self.at_op("=") {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.expect_op("=")?;
                value = self.star_expressions()?;
                if self.at_op("=") {
                    targets.push(value);
                } else {
                    break;
                }
            }
            for t in &targets {
                self.check_target(t, "assign")?;
            }
            return Ok(StmtKind::Assign(Box::new((targets, value))));
        }
        Ok(StmtKind::Expr(first))
    }

    /// Refuses targets Python cannot assign to, with CPython's wording.
    fn check_target(&self, e: &Expr, what: &str) -> PResult<()> {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
            ExprKind::Tuple(items) | ExprKind::List(items) if what != "annotated" => {
                items.iter().try_for_each(|i| self.check_target(i, what))
            }
            ExprKind::Starred(inner) if what == "assign" => self.check_target(inner, what),
            _ => {
                let thing = describe(e);
                let msg = match what {
                    "delete" => format!("cannot delete {thing}"),
                    "annotated" => {
                        if matches!(e.kind, ExprKind::Tuple(_)) {
                            "only single target (not tuple) can be annotated".to_string()
                        } else if matches!(e.kind, ExprKind::List(_)) {
                            "only single target (not list) can be annotated".to_string()
                        } else {
                            "illegal target for annotation".to_string()
                        }
                    }
                    "for" => format!("cannot assign to {thing}"),
                    _ => format!(
                        "cannot assign to {thing} here. Maybe you meant '==' instead of '='?"
                    ),
                };
                Err(self.error_at(e.span, msg))
            }
        }
    }

    fn block(&mut self, header: &str, header_line: u32) -> PResult<Vec<Stmt>> {
        self.expect_op(":")?;
        if !self.at(&Tok::Newline) {
            return self.simple_statements();
        }
        self.pos += 1;
        if !self.eat(&Tok::Indent) {
            let end_col = self.span().end_col;
            return Err(self
                .error_here(format!(
                    "expected an indented block after {header} on line {header_line}"
                ))
                .indentation()
                .until(end_col));
        }
        let mut body = Vec::new();
        while !self.eat(&Tok::Dedent) {
            if self.at(&Tok::Eof) {
                break;
            }
            if self.eat(&Tok::Newline) {
                continue;
            }
            if self.at(&Tok::Indent) {
                return Err(self
                    .error_here("unexpected indent")
                    .indentation()
                    .shown(Display::LineOnly));
            }
            body.extend(self.statement()?);
        }
        Ok(body)
    }

    fn match_stmt(&mut self) -> PResult<Stmt> {
        let (start, before) = (self.advance(), self.yields);
        let first = self.star_expression()?;
        let subject = if self.at_op(",") {
            let mut items = vec![first];
            while self.eat_op(",") {
                if self.at_op(":") {
                    break;
                }
                items.push(self.star_expression()?);
            }
            let span = items[0].span.to(items[items.len() - 1].span);
            Expr {
                kind: ExprKind::Tuple(items),
                span,
            }
        } else {
            self.walrus(first)?
        };
        self.expect_op(":")?;
        if !self.eat(&Tok::Newline) || !self.eat(&Tok::Indent) {
            return Err(self
                .error_here(format!(
                    "expected an indented block after 'match' statement on line {}",
                    start.line
                ))
                .indentation());
        }
        let mut cases = Vec::new();
        while !self.eat(&Tok::Dedent) {
            if self.at(&Tok::Eof) {
                break;
            }
            if self.eat(&Tok::Newline) {
                continue;
            }
            if !self.at_kw("case") {
                return Err(self.invalid());
            }
            let case = self.advance();
            let pattern = self.patterns()?;
            let guard = if self.eat_kw("if") {
                Some(self.named_expression()?)
            } else {
                None
            };
            let body = self.block("'case' statement", case.line)?;
            cases.push(MatchCase {
                pattern,
                guard,
                body,
            });
        }
        Ok(Stmt {
            kind: StmtKind::Match(Box::new((subject, cases))),
            span: start,
            yields: self.yields > before,
        })
    }

    /// `case a, *b:` (an open sequence) or one pattern.
    fn patterns(&mut self) -> PResult<Pattern> {
        let first = self.pattern()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(":") || self.at_kw("if") {
                break;
            }
            items.push(self.pattern()?);
        }
        Ok(Pattern::Sequence(items))
    }

    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.as_pattern();
        self.depth -= 1;
        r
    }

    fn as_pattern(&mut self) -> PResult<Pattern> {
        let mut alts = vec![self.closed_pattern()?];
        while self.eat_op("|") {
            alts.push(self.closed_pattern()?);
        }
        let p = if alts.len() == 1 {
            alts.remove(0)
        } else {
            Pattern::Or(alts)
        };
        if self.eat_kw("as") {
            let name = self.name()?;
            return Ok(Pattern::As(Box::new(p), name));
        }
        Ok(p)
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        match self.tok().clone() {
            Tok::Op("*") => {
                self.pos += 1;
                let name = self.name()?;
                Ok(Pattern::Star((name != "_").then_some(name)))
            }
            Tok::Op("(") => {
                self.pos += 1;
                if self.eat_op(")") {
                    return Ok(Pattern::Sequence(Vec::new()));
                }
                let first = self.pattern()?;
                if self.eat_op(")") {
                    return Ok(first);
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.at_op(")") {
                        break;
                    }
                    items.push(self.pattern()?);
                }
                if !self.eat_op(")") {
                    return Err(self.invalid());
                }
                Ok(Pattern::Sequence(items))
            }
            Tok::Op("[") => {
                self.pos += 1;
                let mut items = Vec::new();
                while !self.at_op("]") {
                    items.push(self.pattern()?);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                if !self.eat_op("]") {
                    return Err(self.invalid());
                }
                Ok(Pattern::Sequence(items))
            }
            Tok::Op("{") => {
                self.pos += 1;
                let mut items = Vec::new();
                let mut rest = None;
                while !self.at_op("}") {
                    if self.eat_op("**") {
                        rest = Some(self.name()?);
                    } else {
                        let key = match self.closed_pattern()? {
                            Pattern::Value(e) => e,
                            Pattern::Singleton(c) => Expr {
                                kind: ExprKind::Constant(c),
                                span: self.prev_span(),
                            },
                            _ => return Err(self.invalid()),
                        };
                        self.expect_op(":")?;
                        items.push((key, self.pattern()?));
                    }
                    if !self.eat_op(",") {
                        break;
                    }
                }
                if !self.eat_op("}") {
                    return Err(self.invalid());
                }
                Ok(Pattern::Mapping(items, rest))
            }
            Tok::Name(n) if n == "None" || n == "True" || n == "False" => {
                self.pos += 1;
                Ok(Pattern::Singleton(match n.as_str() {
                    "None" => Constant::None,
                    "True" => Constant::Bool(true),
                    _ => Constant::Bool(false),
                }))
            }
            Tok::Name(n) if !KEYWORDS.contains(&n.as_str()) => {
                let start = self.advance();
                let mut e = Expr {
                    kind: ExprKind::Name(n.clone()),
                    span: start,
                };
                let mut dotted = false;
                while self.eat_op(".") {
                    let attr = self.name()?;
                    e = Expr {
                        span: start.to(self.prev_span()),
                        kind: ExprKind::Attribute(Box::new(e), attr),
                    };
                    dotted = true;
                }
                if self.eat_op("(") {
                    let (mut args, mut kwargs) = (Vec::new(), Vec::new());
                    while !self.at_op(")") {
                        if matches!(self.tok(), Tok::Name(_))
                            && matches!(self.peek_tok(1), Tok::Op("="))
                        {
                            let k = self.name()?;
                            self.pos += 1;
                            kwargs.push((k, self.pattern()?));
                        } else {
                            if !kwargs.is_empty() {
                                return Err(
                                    self.error_here("positional patterns follow keyword patterns")
                                );
                            }
                            args.push(self.pattern()?);
                        }
                        if !self.eat_op(",") {
                            break;
                        }
                    }
                    if !self.eat_op(")") {
                        return Err(self.invalid());
                    }
                    return Ok(Pattern::Class(e, args, kwargs));
                }
                if dotted {
                    Ok(Pattern::Value(e))
                } else if n == "_" {
                    Ok(Pattern::Wildcard)
                } else {
                    Ok(Pattern::Capture(n))
                }
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Str(_) | Tok::Bytes(_) | Tok::Op("-") => {
                Ok(Pattern::Value(self.binary_level(4)?))
            }
            _ => Err(self.invalid()),
        }
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let (start, before) = (self.advance(), self.yields);
        let test = self.named_expression()?;
        let body = self.block("'if' statement", start.line)?;
        let orelse = self.else_chain()?;
        Ok(Stmt {
            kind: StmtKind::If(Box::new((test, body, orelse))),
            span: start,
            yields: self.yields > before,
        })
    }

    fn else_chain(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw("elif") {
            let (start, before) = (self.advance(), self.yields);
            let test = self.named_expression()?;
            let body = self.block("'elif' statement", start.line)?;
            let orelse = self.else_chain()?;
            return Ok(vec![Stmt {
                kind: StmtKind::If(Box::new((test, body, orelse))),
                span: start,
                yields: self.yields > before,
            }]);
        }
        if self.at_kw("else") {
            let start = self.advance();
            return self.block("'else' statement", start.line);
        }
        Ok(Vec::new())
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let (start, before) = (self.advance(), self.yields);
        let test = self.named_expression()?;
        self.in_loop += 1;
        let body = self.block("'while' statement", start.line);
        self.in_loop -= 1;
        let body = body?;
        let orelse = self.loop_else()?;
        Ok(Stmt {
            kind: StmtKind::While(Box::new((test, body, orelse))),
            span: start,
            yields: self.yields > before,
        })
    }

    fn loop_else(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw("else") {
            let start = self.advance();
            return self.block("'else' statement", start.line);
        }
        Ok(Vec::new())
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let (start, before) = (self.advance(), self.yields);
        let target = self.target_list()?;
        if !self.eat_kw("in") {
            return Err(self.invalid());
        }
        let iter = self.star_expressions()?;
        self.in_loop += 1;
        let body = self.block("'for' statement", start.line);
        self.in_loop -= 1;
        let body = body?;
        let orelse = self.loop_else()?;
        Ok(Stmt {
            kind: StmtKind::For(Box::new((target, iter, body, orelse))),
            span: start,
            yields: self.yields > before,
        })
    }

    /// A `for` target: `x`, `a, b`, `(a, b)`, `[a, *b]`.
    fn target_list(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut items = vec![self.target_atom()?];
        let mut trailing = false;
        while self.eat_op(",") {
            trailing = true;
            if self.at_kw("in") || self.at_op("=") {
                break;
            }
            items.push(self.target_atom()?);
            trailing = false;
        }
        let e = if items.len() == 1 && !trailing {
            items.pop().unwrap_or_else(|| unreachable_expr(start))
        } else {
            Expr {
                kind: ExprKind::Tuple(items),
                span: start.to(self.prev_span()),
            }
        };
        self.check_target(&e, "for")?;
        Ok(e)
    }

    fn target_atom(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let start = self.advance();
            let inner = self.target_atom()?;
            return Ok(Expr {
                span: start.to(inner.span),
                kind: ExprKind::Starred(Box::new(inner)),
            });
        }
        self.bitor()
    }

    fn def_stmt(&mut self, decorators: Vec<Expr>, start: Span) -> PResult<Stmt> {
        self.pos += 1;
        let name = self.name()?;
        self.expect_op("(")?;
        let params = self.params(")")?;
        self.expect_op(")")?;
        if self.eat_op("->") {
            self.expression()?;
        }
        let (saved_loop, line, saved_yields) = (self.in_loop, start.line, self.yields);
        self.in_loop = 0;
        self.in_function += 1;
        let body = self.block("function definition", line);
        self.in_function -= 1;
        self.in_loop = saved_loop;
        let def = FunctionDef {
            name,
            params,
            body: body?,
            decorators,
            span: start,
            generator: self.yields > saved_yields,
        };
        self.yields = saved_yields;
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Rc::new(def)),
            span: start,
            yields: false,
        })
    }

    fn params(&mut self, close: &str) -> PResult<Params> {
        let mut p = Params::default();
        let mut seen_star = false;
        let mut seen_default = false;
        while !self.at_op(close) {
            if self.eat_op("**") {
                p.kwargs = Some(self.name()?);
                self.annotation_if(close)?;
            } else if self.eat_op("*") {
                if seen_star {
                    return Err(self.error_here("* argument may appear only once"));
                }
                seen_star = true;
                if !self.at_op(",") && !self.at_op(close) {
                    p.varargs = Some(self.name()?);
                    self.annotation_if(close)?;
                }
            } else if self.eat_op("/") {
                // Positional-only marker: the parameters before it behave the same here.
            } else {
                let name = self.name()?;
                self.annotation_if(close)?;
                let default = if self.eat_op("=") {
                    Some(self.expression()?)
                } else {
                    None
                };
                if seen_star {
                    p.kwonly.push((name, default));
                } else {
                    if default.is_none() && seen_default {
                        return Err(self.error_at(
                            self.prev_span(),
                            "non-default argument follows default argument",
                        ));
                    }
                    seen_default |= default.is_some();
                    if p.positional.iter().any(|(n, _)| *n == name) {
                        return Err(self.error_at(
                            self.prev_span(),
                            format!("duplicate argument '{name}' in function definition"),
                        ));
                    }
                    p.positional.push((name, default));
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(p)
    }

    fn annotation_if(&mut self, close: &str) -> PResult<()> {
        // Lambdas (close = ":") have no annotations.
        if close == ")" && self.eat_op(":") {
            self.expression()?;
        }
        Ok(())
    }

    fn class_stmt(&mut self, decorators: Vec<Expr>, start: Span) -> PResult<Stmt> {
        self.pos += 1;
        let name = self.name()?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if self.eat_op("(") {
            for arg in self.call_args()? {
                match arg {
                    Arg::Positional(e) => bases.push(e),
                    Arg::Keyword(k, v) => keywords.push((k, v)),
                    _ => {
                        return Err(self.error_at(
                            start,
                            "unpacking in class bases is not supported in SessionLab",
                        ));
                    }
                }
            }
        }
        let (saved_loop, saved_fn) = (self.in_loop, self.in_function);
        self.in_loop = 0;
        self.in_function = 0;
        let body = self.block("class definition", start.line);
        self.in_loop = saved_loop;
        self.in_function = saved_fn;
        let def = ClassDef {
            name,
            bases,
            keywords,
            body: body?,
            decorators,
            span: start,
        };
        Ok(Stmt {
            kind: StmtKind::ClassDef(Rc::new(def)),
            span: start,
            yields: false,
        })
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expression()?);
            if !self.eat(&Tok::Newline) {
                return Err(self.invalid());
            }
        }
        let start = self.span();
        if self.at_kw("def") {
            self.def_stmt(decorators, start)
        } else if self.at_kw("class") {
            self.class_stmt(decorators, start)
        } else {
            Err(self.invalid())
        }
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let (start, before) = (self.advance(), self.yields);
        let body = self.block("'try' statement", start.line)?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            let hstart = self.advance();
            if self.at_op("*") {
                return Err(self.error_here("'except*' is not supported in SessionLab"));
            }
            let (kind, name) = if self.at_op(":") {
                (None, None)
            } else {
                let kind = self.expression()?;
                let kind = if self.at_op(",") {
                    return Err(
                        self.error_at(kind.span, "multiple exception types must be parenthesized")
                    );
                } else {
                    kind
                };
                let name = if self.eat_kw("as") {
                    Some(self.name()?)
                } else {
                    None
                };
                (Some(kind), name)
            };
            let hbody = self.block("'except' statement", hstart.line)?;
            handlers.push(Handler {
                kind,
                name,
                body: hbody,
                span: hstart,
            });
        }
        let orelse = if !handlers.is_empty() && self.at_kw("else") {
            let s = self.advance();
            self.block("'else' statement", s.line)?
        } else {
            Vec::new()
        };
        let finalbody = if self.at_kw("finally") {
            let s = self.advance();
            self.block("'finally' statement", s.line)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_here("expected 'except' or 'finally' block"));
        }
        Ok(Stmt {
            kind: StmtKind::Try(Box::new(Try {
                body,
                handlers,
                orelse,
                finalbody,
            })),
            span: start,
            yields: self.yields > before,
        })
    }

    fn with_stmt(&mut self) -> PResult<Stmt> {
        let (start, before) = (self.advance(), self.yields);
        let mut items = Vec::new();
        loop {
            let ctx = self.expression()?;
            let target = if self.eat_kw("as") {
                let t = self.target_atom()?;
                self.check_target(&t, "assign")?;
                Some(t)
            } else {
                None
            };
            items.push((ctx, target));
            if !self.eat_op(",") {
                break;
            }
        }
        let body = self.block("'with' statement", start.line)?;
        Ok(Stmt {
            kind: StmtKind::With(items, body),
            span: start,
            yields: self.yields > before,
        })
    }

    // ---- expressions ----

    /// `a, b, *c` as in assignments and `return`: a tuple when there is a comma.
    fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_expression_end() {
                break;
            }
            items.push(self.star_expression()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span: start.to(self.prev_span()),
        })
    }

    fn at_expression_end(&self) -> bool {
        matches!(
            self.tok(),
            Tok::Newline | Tok::Eof | Tok::Op("=" | ")" | "]" | "}" | ";" | ":")
        ) || aug_op_tok(self.tok())
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let start = self.advance();
            let inner = self.bitor()?;
            return Ok(Expr {
                span: start.to(inner.span),
                kind: ExprKind::Starred(Box::new(inner)),
            });
        }
        self.expression()
    }

    fn named_expression(&mut self) -> PResult<Expr> {
        let e = self.expression()?;
        self.walrus(e)
    }

    /// `name := value` after `e` was parsed (a name), else `e` itself.
    fn walrus(&mut self, e: Expr) -> PResult<Expr> {
        if !self.at_op(":=") {
            return Ok(e);
        }
        let ExprKind::Name(name) = &e.kind else {
            let what = match &e.kind {
                ExprKind::Attribute(..) => "attribute",
                ExprKind::Subscript(..) => "subscript",
                ExprKind::Tuple(_) => "tuple",
                ExprKind::List(_) => "list",
                ExprKind::Constant(_) => "literal",
                _ => "expression",
            };
            return Err(self.error_at(
                e.span,
                format!("cannot use assignment expressions with {what}"),
            ));
        };
        let name = name.clone();
        self.pos += 1;
        let value = self.expression()?;
        Ok(Expr {
            span: e.span.to(value.span),
            kind: ExprKind::Named(name, Box::new(value)),
        })
    }

    fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let result = self.expression_inner();
        self.depth -= 1;
        result
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let body = self.disjunction()?;
        if self.at_kw("if") {
            // `x if c else y`; a comprehension's `if` is handled by its caller.
            let save = self.pos;
            self.pos += 1;
            let test = self.disjunction()?;
            if !self.eat_kw("else") {
                self.pos = save;
                return Err(self.error_at(
                    body.span.to(test.span),
                    "expected 'else' after 'if' expression",
                ));
            }
            let orelse = self.expression()?;
            return Ok(Expr {
                span: body.span.to(orelse.span),
                kind: ExprKind::IfExp(Box::new(test), Box::new(body), Box::new(orelse)),
            });
        }
        Ok(body)
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.advance();
        let params = self.params(":")?;
        self.expect_op(":")?;
        let saved_yields = self.yields;
        self.in_function += 1;
        let body = self.expression();
        self.in_function -= 1;
        let body = body?;
        let span = start.to(body.span);
        let generator = self.yields > saved_yields;
        self.yields = saved_yields;
        let def = FunctionDef {
            name: "<lambda>".into(),
            params,
            body: vec![Stmt {
                span: body.span,
                kind: StmtKind::Return(Some(body)),
                yields: generator,
            }],
            decorators: Vec::new(),
            span: start,
            generator,
        };
        Ok(Expr {
            kind: ExprKind::Lambda(Rc::new(def)),
            span,
        })
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        let first = self.conjunction()?;
        if !self.at_kw("or") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_kw("or") {
            items.push(self.conjunction()?);
        }
        let span = items[0].span.to(items[items.len() - 1].span);
        Ok(Expr {
            kind: ExprKind::Or(items),
            span,
        })
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let first = self.inversion()?;
        if !self.at_kw("and") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_kw("and") {
            items.push(self.inversion()?);
        }
        let span = items[0].span.to(items[items.len() - 1].span);
        Ok(Expr {
            kind: ExprKind::And(items),
            span,
        })
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.at_kw("not") {
            let start = self.advance();
            self.enter()?;
            let inner = self.inversion();
            self.depth -= 1;
            let inner = inner?;
            return Ok(Expr {
                span: start.to(inner.span),
                kind: ExprKind::UnaryOp(UnaryOp::Not, Box::new(inner)),
            });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let left = self.bitor()?;
        let mut ops = Vec::new();
        loop {
            let op = match self.tok() {
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::NotEq,
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::LtE,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::GtE,
                Tok::Name(n) if n == "in" => CmpOp::In,
                Tok::Name(n) if n == "is" => {
                    if matches!(self.peek_tok(1), Tok::Name(m) if m == "not") {
                        self.pos += 1;
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                Tok::Name(n)
                    if n == "not" && matches!(self.peek_tok(1), Tok::Name(m) if m == "in") =>
                {
                    self.pos += 1;
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.pos += 1;
            ops.push((op, self.bitor()?));
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let span = left.span.to(ops[ops.len() - 1].1.span);
        Ok(Expr {
            kind: ExprKind::Compare(Box::new(left), ops),
            span,
        })
    }

    fn binary_level(&mut self, level: usize) -> PResult<Expr> {
        const LEVELS: [&[(&str, BinOp)]; 6] = [
            &[("|", BinOp::BitOr)],
            &[("^", BinOp::BitXor)],
            &[("&", BinOp::BitAnd)],
            &[("<<", BinOp::LShift), (">>", BinOp::RShift)],
            &[("+", BinOp::Add), ("-", BinOp::Sub)],
            &[
                ("*", BinOp::Mul),
                ("/", BinOp::Div),
                ("//", BinOp::FloorDiv),
                ("%", BinOp::Mod),
                ("@", BinOp::MatMul),
            ],
        ];
        if level == LEVELS.len() {
            return self.factor();
        }
        let mut left = self.binary_level(level + 1)?;
        while let Some(&(_, op)) = LEVELS[level].iter().find(|(sym, _)| self.at_op(sym)) {
            self.pos += 1;
            let right = self.binary_level(level + 1)?;
            left = Expr {
                span: left.span.to(right.span),
                kind: ExprKind::BinOp(Box::new(left), op, Box::new(right)),
            };
        }
        Ok(left)
    }

    fn bitor(&mut self) -> PResult<Expr> {
        self.binary_level(0)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.tok() {
            Tok::Op("-") => Some(UnaryOp::Neg),
            Tok::Op("+") => Some(UnaryOp::Pos),
            Tok::Op("~") => Some(UnaryOp::Invert),
            _ => None,
        };
        if let Some(op) = op {
            let start = self.advance();
            self.enter()?;
            let inner = self.factor();
            self.depth -= 1;
            let inner = inner?;
            return Ok(Expr {
                span: start.to(inner.span),
                kind: ExprKind::UnaryOp(op, Box::new(inner)),
            });
        }
        self.power()
    }

    fn power(&mut self) -> PResult<Expr> {
        if self.at_kw("await") {
            return Err(self.error_here("'await' is not supported in SessionLab"));
        }
        let base = self.primary()?;
        if self.eat_op("**") {
            self.enter()?;
            let exp = self.factor();
            self.depth -= 1;
            let exp = exp?;
            return Ok(Expr {
                span: base.span.to(exp.span),
                kind: ExprKind::BinOp(Box::new(base), BinOp::Pow, Box::new(exp)),
            });
        }
        Ok(base)
    }

    fn primary(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        loop {
            if self.eat_op(".") {
                let name = match self.tok() {
                    Tok::Name(n) => {
                        let n = n.clone();
                        self.pos += 1;
                        n
                    }
                    _ => return Err(self.invalid()),
                };
                e = Expr {
                    span: e.span.to(self.prev_span()),
                    kind: ExprKind::Attribute(Box::new(e), name),
                };
            } else if self.at_op("(") {
                self.pos += 1;
                let args = self.call_args()?;
                e = Expr {
                    span: e.span.to(self.prev_span()),
                    kind: ExprKind::Call(Box::new(e), args),
                };
            } else if self.at_op("[") {
                self.pos += 1;
                let index = self.subscript()?;
                self.expect_op("]")?;
                e = Expr {
                    span: e.span.to(self.prev_span()),
                    kind: ExprKind::Subscript(Box::new(e), Box::new(index)),
                };
            } else {
                break;
            }
        }
        Ok(e)
    }

    /// Arguments up to and including the closing `)`.
    fn call_args(&mut self) -> PResult<Vec<Arg>> {
        let mut args = Vec::new();
        let mut seen_keyword = false;
        while !self.at_op(")") {
            if self.eat_op("**") {
                args.push(Arg::DoubleStar(self.expression()?));
                seen_keyword = true;
            } else if self.eat_op("*") {
                args.push(Arg::Star(self.expression()?));
            } else if matches!(self.tok(), Tok::Name(_)) && matches!(self.peek_tok(1), Tok::Op("="))
            {
                let span = self.span();
                let name = self.name()?;
                self.pos += 1;
                if args
                    .iter()
                    .any(|a| matches!(a, Arg::Keyword(k, _) if *k == name))
                {
                    return Err(self.error_at(span, format!("keyword argument repeated: {name}")));
                }
                args.push(Arg::Keyword(name, self.expression()?));
                seen_keyword = true;
            } else {
                let start = self.span();
                let e = self.expression()?;
                let e = self.walrus(e)?;
                if self.at_kw("for") {
                    let comp = self.generator_expression(e, start)?;
                    args.push(Arg::Positional(comp));
                } else {
                    if seen_keyword {
                        let is_pos = !matches!(args.last(), Some(Arg::DoubleStar(_)));
                        let msg = if is_pos {
                            "positional argument follows keyword argument"
                        } else {
                            "positional argument follows keyword argument unpacking"
                        };
                        return Err(self.error_at(e.span, msg));
                    }
                    if self.at_op("=") {
                        return Err(self.error_at(
                            e.span,
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                        ));
                    }
                    args.push(Arg::Positional(e));
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.eat_op(")") {
            return Err(self.invalid_in_brackets());
        }
        Ok(args)
    }

    fn invalid_in_brackets(&self) -> Box<SyntaxError> {
        if matches!(
            self.tok(),
            Tok::Name(_) | Tok::Int(_) | Tok::Float(_) | Tok::Str(_)
        ) {
            self.error_at(
                self.prev_span(),
                "invalid syntax. Perhaps you forgot a comma?",
            )
        } else {
            self.invalid()
        }
    }

    fn subscript(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.slice_item()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            items.push(self.slice_item()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span: start.to(self.prev_span()),
        })
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        let start = self.span();
        let lower = if self.at_op(":") {
            None
        } else {
            let e = self.expression()?;
            if !self.at_op(":") {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect_op(":")?;
        let upper = if self.at_op(":") || self.at_op("]") || self.at_op(",") {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat_op(":") && !self.at_op("]") && !self.at_op(",") {
            Some(Box::new(self.expression()?))
        } else {
            None
        };
        Ok(Expr {
            kind: ExprKind::Slice(lower, upper, step),
            span: start.to(self.prev_span()),
        })
    }

    fn atom(&mut self) -> PResult<Expr> {
        let start = self.span();
        let constant = |c: Constant| Expr {
            kind: ExprKind::Constant(c),
            span: start,
        };
        match self.tok() {
            Tok::Name(n) => {
                let n = n.clone();
                self.pos += 1;
                Ok(match n.as_str() {
                    "None" => constant(Constant::None),
                    "True" => constant(Constant::Bool(true)),
                    "False" => constant(Constant::Bool(false)),
                    "yield" => return self.yield_expr(start),
                    "await" | "async" => {
                        self.pos -= 1;
                        return Err(self.invalid());
                    }
                    kw if KEYWORDS.contains(&kw) => {
                        self.pos -= 1;
                        return Err(self.invalid());
                    }
                    _ => Expr {
                        kind: ExprKind::Name(n),
                        span: start,
                    },
                })
            }
            &Tok::Int(i) => {
                self.pos += 1;
                Ok(constant(Constant::Int(i)))
            }
            &Tok::Float(f) => {
                self.pos += 1;
                Ok(constant(Constant::Float(f)))
            }
            Tok::Str(_) | Tok::FStr { .. } | Tok::Bytes(_) => self.strings(),
            Tok::Op("...") => {
                self.pos += 1;
                Ok(constant(Constant::Ellipsis))
            }
            Tok::Op("(") => {
                self.pos += 1;
                self.enter()?;
                let r = self.paren(start);
                self.depth -= 1;
                r
            }
            Tok::Op("[") => {
                self.pos += 1;
                self.enter()?;
                let r = self.list_display(start);
                self.depth -= 1;
                r
            }
            Tok::Op("{") => {
                self.pos += 1;
                self.enter()?;
                let r = self.brace_display(start);
                self.depth -= 1;
                r
            }
            _ => Err(self.invalid()),
        }
    }

    /// `yield [value]` / `yield from iterable`, after the `yield` keyword at `start`.
    fn yield_expr(&mut self, start: Span) -> PResult<Expr> {
        if self.in_function == 0 {
            self.pos -= 1;
            return Err(self
                .error_here("'yield' outside function")
                .shown(Display::Nothing));
        }
        self.yields += 1;
        let kind = if self.eat_kw("from") {
            ExprKind::YieldFrom(Box::new(self.expression()?))
        } else if self.at_expression_end() {
            ExprKind::Yield(None)
        } else {
            ExprKind::Yield(Some(Box::new(self.star_expressions()?)))
        };
        Ok(Expr {
            kind,
            span: start.to(self.prev_span()),
        })
    }

    /// `(element for target in it if cond …)` as a generator function over `.0`, the first
    /// iterable's iterator: `for target in .0: if cond: … yield element`.
    fn generator_expression(&mut self, element: Expr, start: Span) -> PResult<Expr> {
        let Expr {
            kind: ExprKind::Comp(comp),
            span,
        } = self.comprehension(CompKind::List, element, None, start)?
        else {
            return Err(self.invalid());
        };
        let Comprehension {
            element, clauses, ..
        } = *comp;
        let element_span = element.span;
        let stmt = |kind, span| Stmt {
            kind,
            span,
            yields: true,
        };
        let mut first = None;
        let mut body = vec![stmt(
            StmtKind::Expr(Expr {
                span: element.span,
                kind: ExprKind::Yield(Some(Box::new(element))),
            }),
            element_span,
        )];
        for (i, c) in clauses.into_iter().enumerate().rev() {
            for cond in c.conditions.into_iter().rev() {
                let s = cond.span;
                body = vec![stmt(StmtKind::If(Box::new((cond, body, Vec::new()))), s)];
            }
            let iter = if i == 0 {
                let s = c.iter.span;
                first = Some(c.iter);
                Expr {
                    kind: ExprKind::Name(".0".into()),
                    span: s,
                }
            } else {
                c.iter
            };
            let s = c.target.span;
            body = vec![stmt(
                StmtKind::For(Box::new((c.target, iter, body, Vec::new()))),
                s,
            )];
        }
        let first = first.ok_or_else(|| self.invalid())?;
        let def = FunctionDef {
            name: "<genexpr>".into(),
            params: Params {
                positional: vec![(".0".into(), None)],
                ..Params::default()
            },
            body,
            decorators: Vec::new(),
            span,
            generator: true,
        };
        Ok(Expr {
            kind: ExprKind::GenExp(Box::new((first, Rc::new(def)))),
            span,
        })
    }

    fn paren(&mut self, start: Span) -> PResult<Expr> {
        if self.eat_op(")") {
            return Ok(Expr {
                kind: ExprKind::Tuple(Vec::new()),
                span: start.to(self.prev_span()),
            });
        }
        let first = self.star_expression()?;
        let first = self.walrus(first)?;
        if self.at_kw("for") {
            let comp = self.generator_expression(first, start)?;
            if !self.eat_op(")") {
                return Err(self.invalid_in_brackets());
            }
            return Ok(comp);
        }
        if self.eat_op(")") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(")") {
                break;
            }
            items.push(self.star_expression()?);
        }
        if !self.eat_op(")") {
            return Err(self.invalid_in_brackets());
        }
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span: start.to(self.prev_span()),
        })
    }

    fn list_display(&mut self, start: Span) -> PResult<Expr> {
        let mut items = Vec::new();
        if !self.at_op("]") {
            let first = self.star_expression()?;
            if self.at_kw("for") {
                let comp = self.comprehension(CompKind::List, first, None, start)?;
                if !self.eat_op("]") {
                    return Err(self.invalid_in_brackets());
                }
                return Ok(comp);
            }
            items.push(first);
            while self.eat_op(",") {
                if self.at_op("]") {
                    break;
                }
                items.push(self.star_expression()?);
            }
        }
        if !self.eat_op("]") {
            return Err(self.invalid_in_brackets());
        }
        Ok(Expr {
            kind: ExprKind::List(items),
            span: start.to(self.prev_span()),
        })
    }

    fn brace_display(&mut self, start: Span) -> PResult<Expr> {
        if self.eat_op("}") {
            return Ok(Expr {
                kind: ExprKind::Dict(Vec::new()),
                span: start.to(self.prev_span()),
            });
        }
        if self.eat_op("**") {
            let first = self.bitor()?;
            return self.dict_rest(start, vec![(None, first)]);
        }
        let first = self.star_expression()?;
        if self.eat_op(":") {
            let value = self.expression()?;
            if self.at_kw("for") {
                let comp = self.comprehension(CompKind::Dict, first, Some(value), start)?;
                if !self.eat_op("}") {
                    return Err(self.invalid_in_brackets());
                }
                return Ok(comp);
            }
            return self.dict_rest(start, vec![(Some(first), value)]);
        }
        if self.at_kw("for") {
            let comp = self.comprehension(CompKind::Set, first, None, start)?;
            if !self.eat_op("}") {
                return Err(self.invalid_in_brackets());
            }
            return Ok(comp);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            items.push(self.star_expression()?);
        }
        if !self.eat_op("}") {
            return Err(self.invalid_in_brackets());
        }
        Ok(Expr {
            kind: ExprKind::Set(items),
            span: start.to(self.prev_span()),
        })
    }

    fn dict_rest(&mut self, start: Span, mut items: Vec<(Option<Expr>, Expr)>) -> PResult<Expr> {
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            if self.eat_op("**") {
                items.push((None, self.bitor()?));
                continue;
            }
            let key = self.expression()?;
            self.expect_op(":")?;
            items.push((Some(key), self.expression()?));
        }
        if !self.eat_op("}") {
            return Err(self.invalid_in_brackets());
        }
        Ok(Expr {
            kind: ExprKind::Dict(items),
            span: start.to(self.prev_span()),
        })
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        element: Expr,
        value: Option<Expr>,
        start: Span,
    ) -> PResult<Expr> {
        let mut clauses = Vec::new();
        while self.eat_kw("for") {
            let target = self.target_list()?;
            if !self.eat_kw("in") {
                return Err(self.invalid());
            }
            let iter = self.disjunction()?;
            let mut conditions = Vec::new();
            while self.at_kw("if") {
                self.pos += 1;
                let c = self.disjunction()?;
                conditions.push(self.walrus(c)?);
            }
            clauses.push(CompFor {
                target,
                iter,
                conditions,
            });
        }
        if self.at_kw("async") {
            return Err(self.error_here("'async for' is not supported in SessionLab"));
        }
        Ok(Expr {
            kind: ExprKind::Comp(Box::new(Comprehension {
                kind,
                element,
                value,
                clauses,
            })),
            span: start.to(self.prev_span()),
        })
    }

    /// Adjacent literals concatenate; mixing bytes and str is an error as in CPython.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut parts: Vec<FStringPart> = Vec::new();
        let mut bytes: Option<Vec<u8>> = None;
        let mut has_str = false;
        let mut has_f = false;
        loop {
            match self.tok().clone() {
                Tok::Str(s) => {
                    has_str = true;
                    push_literal(&mut parts, s);
                }
                Tok::FStr {
                    body,
                    raw,
                    line,
                    col,
                } => {
                    has_str = true;
                    has_f = true;
                    let inner = self.fstring(&body, raw, line, col)?;
                    for p in inner {
                        match p {
                            FStringPart::Literal(s) => push_literal(&mut parts, s),
                            other => parts.push(other),
                        }
                    }
                }
                Tok::Bytes(b) => bytes.get_or_insert_with(Vec::new).extend(b),
                _ => break,
            }
            self.pos += 1;
        }
        let span = start.to(self.prev_span());
        if has_str && bytes.is_some() {
            return Err(self.error_at(start, "cannot mix bytes and nonbytes literals"));
        }
        let kind = if let Some(b) = bytes {
            ExprKind::Constant(Constant::Bytes(b))
        } else if has_f {
            ExprKind::FString(parts)
        } else {
            let text = match parts.pop() {
                Some(FStringPart::Literal(s)) => s,
                _ => String::new(),
            };
            ExprKind::Constant(Constant::Str(text))
        };
        Ok(Expr { kind, span })
    }

    /// An undecodable escape in an f-string, shown past its closing quote as CPython does.
    fn escape_error(&self, message: String, (line, col): (u32, u32)) -> Box<SyntaxError> {
        SyntaxError::new(message, line, col + 1, self.lines)
    }

    /// Splits an f-string body into literal text and `{expr!conv:spec}` fields.
    fn fstring(&mut self, body: &str, raw: bool, line: u32, col: u32) -> PResult<Vec<FStringPart>> {
        let chars: Vec<char> = body.chars().collect();
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut i = 0;
        let at = |i: usize| -> (u32, u32) {
            let before = &chars[..i.min(chars.len())];
            let newlines = before.iter().filter(|c| **c == '\n').count() as u32;
            match before.iter().rposition(|c| *c == '\n') {
                Some(nl) => (line + newlines, (i - nl) as u32),
                None => (line, col + i as u32),
            }
        };
        while i < chars.len() {
            let c = chars[i];
            if c == '{' && chars.get(i + 1) == Some(&'{') {
                text.push('{');
                i += 2;
            } else if c == '}' && chars.get(i + 1) == Some(&'}') {
                text.push('}');
                i += 2;
            } else if c == '}' {
                let (l, c) = at(i);
                return Err(SyntaxError::new(
                    "f-string: single '}' is not allowed",
                    l,
                    c,
                    self.lines,
                ));
            } else if c == '{' {
                if !text.is_empty() {
                    let lit = if raw {
                        std::mem::take(&mut text)
                    } else {
                        let escaped = unescape(&std::mem::take(&mut text), false);
                        escaped.map_err(|m| self.escape_error(m, at(chars.len())))?
                    };
                    parts.push(FStringPart::Literal(lit));
                }
                let (part, next) = self.fstring_field(&chars, i + 1, &at)?;
                parts.push(part);
                i = next;
            } else {
                text.push(c);
                i += 1;
            }
        }
        if !text.is_empty() {
            let lit = if raw {
                text
            } else {
                unescape(&text, false).map_err(|m| self.escape_error(m, at(chars.len())))?
            };
            parts.push(FStringPart::Literal(lit));
        }
        Ok(parts)
    }

    fn fstring_field(
        &mut self,
        chars: &[char],
        start: usize,
        at: &dyn Fn(usize) -> (u32, u32),
    ) -> PResult<(FStringPart, usize)> {
        let mut depth = 0i32;
        let mut i = start;
        let mut quote: Option<char> = None;
        // Find the end of the expression: a top-level `!`, `:`, `=` (debug) or `}`.
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                i += 1;
                continue;
            }
            match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' => depth -= 1,
                '}' if depth > 0 => depth -= 1,
                '}' => break,
                '!' if depth == 0 && chars.get(i + 1) != Some(&'=') => break,
                ':' if depth == 0 => break,
                '=' if depth == 0
                    && chars.get(i + 1) != Some(&'=')
                    && !matches!(chars.get(i.wrapping_sub(1)), Some('=' | '!' | '<' | '>')) =>
                {
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        let (l, c) = at(start);
        if i >= chars.len() {
            return Err(SyntaxError::new(
                "f-string: expecting '}'",
                l,
                c,
                self.lines,
            ));
        }
        let expr_text: String = chars[start..i].iter().collect();
        if expr_text.trim().is_empty() {
            return Err(SyntaxError::new(
                "f-string: empty expression not allowed",
                l,
                c,
                self.lines,
            ));
        }
        let expr = self.sub_expression(&expr_text, l, c)?;
        let mut debug = None;
        if chars[i] == '=' {
            i += 1;
            // `{x = }`: the whitespace after `=` is part of the echoed text too.
            let ws = chars[i..].iter().take_while(|c| c.is_whitespace()).count();
            let tail: String = chars[i..i + ws].iter().collect();
            debug = Some(format!("{expr_text}={tail}"));
            i += ws;
        }
        let mut conversion = None;
        if chars.get(i) == Some(&'!') {
            conversion = chars.get(i + 1).copied();
            if !matches!(conversion, Some('r' | 's' | 'a')) {
                return Err(SyntaxError::new(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    l,
                    c,
                    self.lines,
                ));
            }
            i += 2;
        } else if debug.is_some() && chars.get(i) != Some(&':') {
            conversion = Some('r');
        }
        let mut spec = Vec::new();
        if chars.get(i) == Some(&':') {
            i += 1;
            let mut text = String::new();
            while i < chars.len() && chars[i] != '}' {
                if chars[i] == '{' {
                    if !text.is_empty() {
                        spec.push(FStringPart::Literal(std::mem::take(&mut text)));
                    }
                    let (part, next) = self.fstring_field(chars, i + 1, at)?;
                    spec.push(part);
                    i = next;
                } else {
                    text.push(chars[i]);
                    i += 1;
                }
            }
            if !text.is_empty() {
                spec.push(FStringPart::Literal(text));
            }
        }
        if chars.get(i) != Some(&'}') {
            return Err(SyntaxError::new(
                "f-string: expecting '}'",
                l,
                c,
                self.lines,
            ));
        }
        Ok((
            FStringPart::Value {
                expr: Box::new(expr),
                conversion,
                spec,
                debug,
            },
            i + 1,
        ))
    }

    /// Parses an expression embedded in an f-string, shifting its spans to the real position.
    fn sub_expression(&mut self, text: &str, line: u32, col: u32) -> PResult<Expr> {
        let wrapped = format!("({})", text.trim());
        let mut tokens = tokenize(&wrapped).map_err(|e| {
            SyntaxError::new(format!("f-string: {}", e.message), line, col, self.lines)
        })?;
        for t in &mut tokens {
            t.span = Span::new(
                line,
                col + t.span.col.saturating_sub(2),
                line,
                col + t.span.end_col.saturating_sub(2),
            );
        }
        let mut sub = Parser {
            tokens,
            pos: 0,
            lines: self.lines,
            depth: self.depth,
            in_function: self.in_function,
            in_loop: self.in_loop,
            yields: 0,
        };
        let e = sub.star_expressions();
        self.yields += sub.yields;
        let e = e?;
        if !matches!(sub.tok(), Tok::Newline | Tok::Eof) {
            return Err(SyntaxError::new(
                "f-string: invalid syntax",
                line,
                col,
                self.lines,
            ));
        }
        Ok(e)
    }
}

fn push_literal(parts: &mut Vec<FStringPart>, s: String) {
    if let Some(FStringPart::Literal(last)) = parts.last_mut() {
        last.push_str(&s);
    } else {
        parts.push(FStringPart::Literal(s));
    }
}

fn aug_op(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "&=" => BinOp::BitAnd,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "@=" => BinOp::MatMul,
        _ => return None,
    })
}

fn aug_op_tok(t: &Tok) -> bool {
    matches!(t, Tok::Op(op) if aug_op(op).is_some())
}

/// CPython's description of an expression in "cannot assign to …" messages.
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Constant(Constant::None | Constant::Bool(_) | Constant::Ellipsis) => {
            match &e.kind {
                ExprKind::Constant(Constant::None) => "None",
                ExprKind::Constant(Constant::Bool(true)) => "True",
                ExprKind::Constant(Constant::Bool(false)) => "False",
                _ => "ellipsis",
            }
        }
        ExprKind::Constant(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Call(..) => "function call",
        ExprKind::BinOp(..) | ExprKind::UnaryOp(..) => "expression",
        ExprKind::And(_) | ExprKind::Or(_) => "expression",
        ExprKind::Compare(..) => "comparison",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Comp(c) => match c.kind {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
        },
        ExprKind::GenExp(_) => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Starred(_) => "starred",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        _ => "expression",
    }
}

fn unreachable_expr(span: Span) -> Expr {
    Expr {
        kind: ExprKind::Constant(Constant::None),
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> (String, u32) {
        match parse_module(src) {
            Ok(_) => (String::from("parsed"), 0),
            Err(e) => (e.message, e.line),
        }
    }

    #[test]
    fn parses_the_subset() {
        let src = "class A(B):\n    x: int = 1\n    def f(self, *a, k=2, **kw):\n        return [i for i in a if i]\nprint(f'{x!r:>10} {y=}', *z, **w)\n";
        assert!(parse_module(src).is_ok(), "{:?}", parse_module(src).err());
    }

    #[test]
    fn syntax_errors_match_cpython() {
        assert_eq!(err("if x\n    pass\n"), ("expected ':'".into(), 1));
        assert_eq!(
            err("if x:\npass\n"),
            (
                "expected an indented block after 'if' statement on line 1".into(),
                2
            )
        );
        assert_eq!(err("return 1\n"), ("'return' outside function".into(), 1));
        assert_eq!(err("break\n"), ("'break' outside loop".into(), 1));
        assert_eq!(
            err("1 = x\n"),
            (
                "cannot assign to literal here. Maybe you meant '==' instead of '='?".into(),
                1
            )
        );
        assert_eq!(
            err("async def f(): pass\n").0,
            "'async def' is not supported in SessionLab"
        );
        assert_eq!(err("x = (1 +\n").0, "'(' was never closed");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!("x = {}1{}\n", "(".repeat(5000), ")".repeat(5000));
        assert_eq!(err(&src).0, "too many nested parentheses");
    }
}
