//! The syntax tree the parser builds and the evaluator walks.

use super::span::Span;

/// A statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// Where it is.
    pub span: Span,
    /// True when a `yield` is inside (not in a nested function): a generator runs it as a
    /// resumable frame, every other statement as usual.
    pub yields: bool,
}

/// The kinds of statement in the subset.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect.
    Expr(Expr),
    /// `a = b = value` (each target in order).
    Assign(Box<(Vec<Expr>, Expr)>),
    /// `x += value`.
    AugAssign(Box<(Expr, BinOp, Expr)>),
    /// `x: T = value` or a bare `x: T`: target, annotation and the value, if any.
    AnnAssign(Box<(Expr, Expr, Option<Expr>)>),
    /// `if` / `elif` / `else`.
    If(Box<(Expr, Vec<Stmt>, Vec<Stmt>)>),
    /// `while cond: … else: …`.
    While(Box<(Expr, Vec<Stmt>, Vec<Stmt>)>),
    /// `for target in iter: … else: …`.
    For(Box<(Expr, Expr, Vec<Stmt>, Vec<Stmt>)>),
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass`.
    Pass,
    /// `return value`.
    Return(Option<Expr>),
    /// `def name(params): body`.
    FunctionDef(std::rc::Rc<FunctionDef>),
    /// `class name(bases): body`.
    ClassDef(std::rc::Rc<ClassDef>),
    /// `import a.b as c, d`.
    Import(Vec<(String, Option<String>)>),
    /// `from module import a as b, c`.
    ImportFrom(String, Vec<(String, Option<String>)>),
    /// `with a as x, b: body`.
    With(Vec<(Expr, Option<Expr>)>, Vec<Stmt>),
    /// `try` with handlers, `else` and `finally`.
    Try(Box<Try>),
    /// `raise exc from cause` (bare `raise` re-raises).
    Raise(Box<(Option<Expr>, Option<Expr>)>),
    /// `assert test, msg`.
    Assert(Box<(Expr, Option<Expr>)>),
    /// `del a, b[i], c.d`.
    Delete(Vec<Expr>),
    /// `global a, b`.
    Global(Vec<String>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<String>),
    /// `match subject:` and its cases.
    Match(Box<(Expr, Vec<MatchCase>)>),
}

/// One `case pattern if guard:` of a `match` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchCase {
    /// What the subject must look like.
    pub pattern: Pattern,
    /// `if guard`, tested after the pattern bound its names.
    pub guard: Option<Expr>,
    /// The block run on a match.
    pub body: Vec<Stmt>,
}

/// A `case` pattern (PEP 634).
#[derive(Debug, Clone, PartialEq)]
pub enum Pattern {
    /// A literal or dotted name, compared with `==` (`None`/`True`/`False` with `is`).
    Value(Expr),
    /// `None`, `True`, `False`: compared by identity.
    Singleton(Constant),
    /// A bare name: always matches, binding the subject.
    Capture(String),
    /// `_`.
    Wildcard,
    /// `pattern as name`.
    As(Box<Pattern>, String),
    /// `p1 | p2`.
    Or(Vec<Pattern>),
    /// `[p, *rest]` / `(p, q)`.
    Sequence(Vec<Pattern>),
    /// `*name` (or `*_`) inside a sequence pattern.
    Star(Option<String>),
    /// `{key: p, **rest}`.
    Mapping(Vec<(Expr, Pattern)>, Option<String>),
    /// `Cls(p, attr=q)`.
    Class(Expr, Vec<Pattern>, Vec<(String, Pattern)>),
}

/// A `try` statement's parts (boxed: statements stay small, and the parser moves them often).
#[derive(Debug, Clone, PartialEq)]
pub struct Try {
    /// The protected block.
    pub body: Vec<Stmt>,
    /// `except` clauses.
    pub handlers: Vec<Handler>,
    /// Runs when no exception was raised.
    pub orelse: Vec<Stmt>,
    /// Always runs.
    pub finalbody: Vec<Stmt>,
}

/// An `except` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Handler {
    /// The exception type(s) matched; `None` for a bare `except:`.
    pub kind: Option<Expr>,
    /// `as name`.
    pub name: Option<String>,
    /// The handler body.
    pub body: Vec<Stmt>,
    /// Where the clause is.
    pub span: Span,
}

/// A function definition (also used for lambdas).
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    /// The function's name (`<lambda>` for lambdas).
    pub name: String,
    /// Its parameters.
    pub params: Params,
    /// The body; a lambda's is one `return`.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
    /// Where the `def` is.
    pub span: Span,
    /// Its body yields: calling it makes a generator.
    pub generator: bool,
}

/// A parameter list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    /// Positional-or-keyword parameters with optional defaults.
    pub positional: Vec<(String, Option<Expr>)>,
    /// `*args`.
    pub varargs: Option<String>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<(String, Option<Expr>)>,
    /// `**kwargs`.
    pub kwargs: Option<String>,
}

/// A class definition.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    /// The class name.
    pub name: String,
    /// Base class expressions.
    pub bases: Vec<Expr>,
    /// Keyword arguments of the class statement (e.g. `metaclass=`), evaluated but unused.
    pub keywords: Vec<(String, Expr)>,
    /// The body.
    pub body: Vec<Stmt>,
    /// Decorators.
    pub decorators: Vec<Expr>,
    /// Where the `class` is.
    pub span: Span,
}

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of expression in the subset.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A variable.
    Name(String),
    /// `None`, `True`, `False`, numbers, strings, bytes, `...`.
    Constant(Constant),
    /// An f-string: literal parts and formatted values.
    FString(Vec<FStringPart>),
    /// `a.b`.
    Attribute(Box<Expr>, String),
    /// `a[i]`.
    Subscript(Box<Expr>, Box<Expr>),
    /// `a:b:c` inside a subscript.
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// `f(args)`.
    Call(Box<Expr>, Vec<Arg>),
    /// `a + b` etc.
    BinOp(Box<Expr>, BinOp, Box<Expr>),
    /// `-a`, `+a`, `~a`, `not a`.
    UnaryOp(UnaryOp, Box<Expr>),
    /// `a and b and c`.
    And(Vec<Expr>),
    /// `a or b or c`.
    Or(Vec<Expr>),
    /// `a < b <= c` (a chain).
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `a if cond else b`.
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `lambda params: body`.
    Lambda(std::rc::Rc<FunctionDef>),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)`.
    Tuple(Vec<Expr>),
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// `{k: v, **d}` (`None` key: a `**` expansion).
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*a` in a display or assignment target.
    Starred(Box<Expr>),
    /// A comprehension or generator expression.
    Comp(Box<Comprehension>),
    /// `name := value`.
    Named(String, Box<Expr>),
    /// `yield value`.
    Yield(Option<Box<Expr>>),
    /// `yield from iterable`.
    YieldFrom(Box<Expr>),
    /// `(element for …)`: the first iterable, evaluated where the expression is, and the
    /// generator function the clauses desugar to (its one parameter `.0` is that iterator).
    GenExp(Box<(Expr, std::rc::Rc<FunctionDef>)>),
}

/// A comprehension: what it builds, the element, and its `for`/`if` clauses.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    /// list, set, dict or generator.
    pub kind: CompKind,
    /// The element (for dicts, the key).
    pub element: Expr,
    /// For dicts, the value.
    pub value: Option<Expr>,
    /// `for target in iter if cond…` clauses, outermost first.
    pub clauses: Vec<CompFor>,
}

/// What a comprehension builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    /// `[x for …]`.
    List,
    /// `{x for …}`.
    Set,
    /// `{k: v for …}`.
    Dict,
}

/// One `for target in iter if cond…` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct CompFor {
    /// The loop target.
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The `if` conditions.
    pub conditions: Vec<Expr>,
}

/// A call argument.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// `value`.
    Positional(Expr),
    /// `*value`.
    Star(Expr),
    /// `name=value`.
    Keyword(String, Expr),
    /// `**value`.
    DoubleStar(Expr),
}

/// A literal constant.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// `...`.
    Ellipsis,
}

/// A piece of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub enum FStringPart {
    /// Literal text.
    Literal(String),
    /// `{value!conversion:spec}`.
    Value {
        /// The expression.
        expr: Box<Expr>,
        /// `r`, `s` or `a`.
        conversion: Option<char>,
        /// The format spec, itself an f-string.
        spec: Vec<FStringPart>,
        /// `{expr=}`: the expression text printed before the value.
        debug: Option<String>,
    },
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `@`
    MatMul,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
}

impl BinOp {
    /// The operator as Python writes it (`+`).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::MatMul => "@",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        }
    }
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-`
    Neg,
    /// `+`
    Pos,
    /// `~`
    Invert,
    /// `not`
    Not,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

impl CmpOp {
    /// The operator as Python writes it.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}
