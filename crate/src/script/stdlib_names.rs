//! CPython 3.11's standard-library names (`stdlib_names.txt`, recorded by
//! `scripts/record_stdlib_names.py`): a module or name SessionLab lacks but CPython has is
//! `NotImplementedError` by name, not an error that reads as a mistake in the script.

/// `*: module …` then `module: name …` for each module SessionLab provides.
const NAMES: &str = include_str!("stdlib_names.txt");

fn names_of(module: &str) -> Option<&'static str> {
    NAMES
        .lines()
        .find_map(|l| l.strip_prefix(module)?.strip_prefix(':'))
}

/// The `NotImplementedError` message for the standard-library module `module` (with `name`
/// None) or for `module.name`, when CPython has it and SessionLab does not.
pub fn unsupported(module: &str, name: Option<&str>) -> Option<String> {
    match name {
        None => {
            let top = module.split('.').next().unwrap_or(module);
            names_of("*")?
                .split_whitespace()
                .any(|m| m == top)
                .then(|| format!("SessionLab does not support the module {module} yet"))
        }
        Some(n) => names_of(module)?
            .split_whitespace()
            .any(|x| x == n)
            .then(|| format!("SessionLab does not support {module}.{n} yet")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_names_are_refused_by_name() {
        assert!(super::unsupported("heapq", None).is_some());
        assert!(super::unsupported("numpy", None).is_none());
        assert!(super::unsupported("math", Some("comb")).is_some());
        assert!(super::unsupported("math", Some("no_such_thing")).is_none());
    }
}
