//! `yield` inside an expression (`print((yield))`, `y = (yield 1) + 10`): the generator runs
//! a statement's `yield`s first, in order, then evaluates the statement with each `yield`
//! worth what was sent to it. That is CPython's order when nothing with an effect is evaluated
//! before a `yield` of the statement (names, constants and attribute reads are taken as
//! effect-free); any other statement keeps the `NotImplementedError` `eval` raises.

use super::ast::{Arg, Expr, ExprKind, FStringPart, Stmt, StmtKind};

/// The `yield`s of `s` to run before it, in evaluation order; `None` when the statement has no
/// nested `yield` (a statement-level one the generator handles itself) or cannot be reordered.
pub fn nested_yields(s: &Stmt) -> Option<Vec<&Expr>> {
    let e = match &s.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => e,
        StmtKind::Assign(a) => &a.1,
        StmtKind::AnnAssign(a) => a.2.as_ref()?,
        StmtKind::AugAssign(a) if matches!(a.0.kind, ExprKind::Name(_)) => &a.2,
        _ => return None,
    };
    let top_level = matches!(e.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_));
    if top_level && !matches!(s.kind, StmtKind::Return(_)) {
        return None;
    }
    let mut out = Vec::new();
    let mut effects = false;
    walk(e, &mut out, &mut effects, false).ok()?;
    (!out.is_empty()).then_some(out)
}

/// Collects the `yield`s under `e` in evaluation order; `Err` when hoisting one would move it
/// before an effect or out of a branch that may not run.
fn walk<'a>(
    e: &'a Expr,
    out: &mut Vec<&'a Expr>,
    effects: &mut bool,
    cond: bool,
) -> Result<(), ()> {
    match &e.kind {
        ExprKind::Yield(v) => {
            if cond || *effects {
                return Err(());
            }
            if let Some(v) = v {
                let mut inner = Vec::new();
                walk(v, &mut inner, effects, cond)?;
                if !inner.is_empty() {
                    return Err(());
                }
            }
            out.push(e);
        }
        ExprKind::YieldFrom(_) => return Err(()),
        ExprKind::Name(_) | ExprKind::Constant(_) | ExprKind::Lambda(_) => {}
        ExprKind::Attribute(v, _) => walk(v, out, effects, cond)?,
        ExprKind::Call(f, args) => {
            walk(f, out, effects, cond)?;
            for a in args {
                match a {
                    Arg::Positional(x) | Arg::Star(x) | Arg::Keyword(_, x) | Arg::DoubleStar(x) => {
                        walk(x, out, effects, cond)?;
                    }
                }
            }
            *effects = true;
        }
        ExprKind::BinOp(a, _, b) | ExprKind::Subscript(a, b) => {
            walk(a, out, effects, cond)?;
            walk(b, out, effects, cond)?;
            *effects = true;
        }
        ExprKind::UnaryOp(_, a) | ExprKind::Starred(a) | ExprKind::Named(_, a) => {
            walk(a, out, effects, cond)?;
            *effects = true;
        }
        ExprKind::And(items) | ExprKind::Or(items) => {
            for (i, x) in items.iter().enumerate() {
                walk(x, out, effects, cond || i > 0)?;
            }
            *effects = true;
        }
        ExprKind::Compare(a, rest) => {
            walk(a, out, effects, cond)?;
            for (i, (_, x)) in rest.iter().enumerate() {
                walk(x, out, effects, cond || i > 0)?;
            }
            *effects = true;
        }
        ExprKind::IfExp(body, test, orelse) => {
            walk(test, out, effects, cond)?;
            walk(body, out, effects, true)?;
            walk(orelse, out, effects, true)?;
            *effects = true;
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
            for x in items {
                walk(x, out, effects, cond)?;
            }
        }
        ExprKind::Dict(items) => {
            for (k, v) in items {
                if let Some(k) = k {
                    walk(k, out, effects, cond)?;
                }
                walk(v, out, effects, cond)?;
            }
            *effects = true;
        }
        ExprKind::FString(parts) => {
            fstring(parts, out, effects, cond)?;
            *effects = true;
        }
        ExprKind::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                walk(x, out, effects, cond)?;
            }
        }
        // Their own scopes: a `yield` there is not this statement's.
        ExprKind::Comp(_) | ExprKind::GenExp(_) => *effects = true,
    }
    Ok(())
}

fn fstring<'a>(
    parts: &'a [FStringPart],
    out: &mut Vec<&'a Expr>,
    effects: &mut bool,
    cond: bool,
) -> Result<(), ()> {
    for p in parts {
        if let FStringPart::Value { expr, spec, .. } = p {
            walk(expr, out, effects, cond)?;
            *effects = true;
            fstring(spec, out, effects, cond)?;
        }
    }
    Ok(())
}
