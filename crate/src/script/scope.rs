//! Python's static scoping: the names a function body assigns are its locals.

use super::value::NameSet;

use super::ast::*;

/// Names assigned anywhere in a function's body (not in nested functions), minus `global` and
/// `nonlocal` declarations, plus its parameters.
pub fn local_names(def: &FunctionDef) -> NameSet {
    let mut out = NameSet::default();
    let p = &def.params;
    for (n, _) in p.positional.iter().chain(p.kwonly.iter()) {
        out.insert(n.clone());
    }
    out.extend(p.varargs.iter().cloned());
    out.extend(p.kwargs.iter().cloned());
    let mut declared = NameSet::default();
    block(&def.body, &mut out, &mut declared);
    out.remove_all(&declared);
    out
}

fn block(body: &[Stmt], out: &mut NameSet, declared: &mut NameSet) {
    for s in body {
        stmt(s, out, declared);
    }
}

fn stmt(s: &Stmt, out: &mut NameSet, declared: &mut NameSet) {
    match &s.kind {
        StmtKind::Assign(a) => a.0.iter().for_each(|t| target(t, out)),
        StmtKind::AugAssign(a) => target(&a.0, out),
        StmtKind::AnnAssign(a) if a.2.is_some() => target(&a.0, out),
        StmtKind::If(s) | StmtKind::While(s) => {
            block(&s.1, out, declared);
            block(&s.2, out, declared);
        }
        StmtKind::For(s) => {
            target(&s.0, out);
            block(&s.2, out, declared);
            block(&s.3, out, declared);
        }
        StmtKind::FunctionDef(d) => {
            out.insert(d.name.clone());
        }
        StmtKind::ClassDef(d) => {
            out.insert(d.name.clone());
        }
        StmtKind::Import(names) => {
            for (n, alias) in names {
                out.insert(
                    alias
                        .clone()
                        .unwrap_or_else(|| n.split('.').next().unwrap_or(n).to_string()),
                );
            }
        }
        StmtKind::ImportFrom(_, names) => {
            for (n, alias) in names {
                out.insert(alias.clone().unwrap_or_else(|| n.clone()));
            }
        }
        StmtKind::With(items, body) => {
            for (_, t) in items {
                if let Some(t) = t {
                    target(t, out);
                }
            }
            block(body, out, declared);
        }
        StmtKind::Try(t) => {
            block(&t.body, out, declared);
            for h in &t.handlers {
                if let Some(n) = &h.name {
                    out.insert(n.clone());
                }
                block(&h.body, out, declared);
            }
            block(&t.orelse, out, declared);
            block(&t.finalbody, out, declared);
        }
        StmtKind::Delete(targets) => targets.iter().for_each(|t| target(t, out)),
        StmtKind::Match(m) => {
            for case in &m.1 {
                pattern_names(&case.pattern, out);
                block(&case.body, out, declared);
            }
        }
        StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
            declared.extend(names.iter().cloned())
        }
        _ => {}
    }
}

fn target(t: &Expr, out: &mut NameSet) {
    match &t.kind {
        ExprKind::Name(n) => {
            out.insert(n.clone());
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|i| target(i, out)),
        ExprKind::Starred(inner) => target(inner, out),
        _ => {}
    }
}

fn pattern_names(p: &Pattern, out: &mut NameSet) {
    match p {
        Pattern::Capture(n) | Pattern::Star(Some(n)) => out.insert(n.clone()),
        Pattern::As(inner, n) => {
            out.insert(n.clone());
            pattern_names(inner, out);
        }
        Pattern::Or(ps) | Pattern::Sequence(ps) => ps.iter().for_each(|p| pattern_names(p, out)),
        Pattern::Mapping(items, rest) => {
            items.iter().for_each(|(_, p)| pattern_names(p, out));
            if let Some(r) = rest {
                out.insert(r.clone());
            }
        }
        Pattern::Class(_, args, kwargs) => {
            args.iter().for_each(|p| pattern_names(p, out));
            kwargs.iter().for_each(|(_, p)| pattern_names(p, out));
        }
        _ => {}
    }
}
