//! "Did you mean: 'x'?" after `NameError` and `AttributeError`, with CPython 3.11's algorithm
//! (a Levenshtein distance where a case change costs 1 and any other edit 2).

const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

fn distance(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (mut a, mut b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    a.drain(..pre);
    b.drain(..pre);
    let post = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.truncate(a.len() - post);
    b.truncate(b.len() - post);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut dist = bi * MOVE_COST;
        result = dist;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = dist + substitution_cost(bc, ac);
            dist = row[i];
            let insert_delete = result.min(dist) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `wrong`, as CPython would suggest it, if any is close enough.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if candidates.len() > MAX_CANDIDATES || wrong.chars().count() > MAX_STRING {
        return None;
    }
    let wrong_len = wrong.chars().count();
    let mut best = wrong_len;
    let mut suggestion: Option<&str> = None;
    for name in candidates {
        if name == wrong {
            continue;
        }
        let max =
            ((name.chars().count() + wrong_len + 3) * MOVE_COST / 6).min(best.saturating_sub(1));
        let d = distance(wrong, name, max);
        if d > max {
            continue;
        }
        if suggestion.is_none() || d < best {
            suggestion = Some(name);
            best = d;
        }
    }
    suggestion.map(str::to_string)
}

/// The attributes `dir()` lists for every object (what CPython 3.11 considers too).
pub const OBJECT_DUNDERS: [&str; 23] = [
    "__class__",
    "__delattr__",
    "__dict__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__module__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__str__",
];

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn suggests_like_cpython() {
        assert_eq!(suggest("fooo", ["foo", "bar"]), Some("foo".into()));
        assert_eq!(suggest("prnt", ["print", "len"]), Some("print".into()));
        assert_eq!(suggest("xyz", ["abc", "len"]), None);
        assert_eq!(suggest("Name", ["name"]), Some("name".into()));
    }
}
