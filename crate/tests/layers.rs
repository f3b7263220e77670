//! The crate's layers import only downwards: each folder of `src/` may name the folders listed
//! for it in `ALLOWED` and nothing else (`base` the leaf, `run` and the shells the top). Read
//! from the source text, so a forbidden `use` fails here before anyone builds on it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// Each layer and the layers it may name (itself included).
const ALLOWED: [(&str, &[&str]); 8] = [
    ("base", &["base"]),
    ("engine", &["base", "engine"]),
    ("sql", &["base", "engine", "sql"]),
    ("script", &["base", "script"]),
    ("bridge", &["base", "engine", "sql", "script", "bridge"]),
    ("orm", &["base", "engine", "sql", "script", "bridge", "orm"]),
    (
        "sqlalchemy",
        &[
            "base",
            "engine",
            "sql",
            "script",
            "bridge",
            "orm",
            "sqlalchemy",
        ],
    ),
    (
        "run",
        &[
            "base",
            "engine",
            "sql",
            "script",
            "bridge",
            "orm",
            "sqlalchemy",
            "run",
        ],
    ),
];

/// Edges the restructure has not removed yet, with why; the test fails once one is gone, so
/// this list only shrinks.
const NOT_YET: [(&str, &str, &str); 1] = [(
    "orm/session.rs",
    "sqlalchemy",
    "orm::Session keeps the surface's SaState (its sessions and mappers lists) instead of the \
     bridge's RunState alone",
)];

/// Paths that may not be named below the engine's log even where the layer is allowed.
const ECHO: &str = "crate::engine::echo";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::NAME` a file's code names, skipping comments.
fn named_layers(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push((n + 1, name));
        }
    }
    out
}

#[test]
fn imports_point_down() {
    let src = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 50,
        "found only {} files under {src:?}",
        files.len()
    );
    let mut violations = Vec::new();
    let mut seen_not_yet = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(&src)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        let Some((layer, _)) = rel.split_once('/') else {
            continue; // lib.rs, main.rs, wasm.rs: the shells may name anything
        };
        let Some((_, allowed)) = ALLOWED.iter().find(|(l, _)| *l == layer) else {
            violations.push(format!("{rel}: folder `{layer}` is not a known layer"));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        if text.contains("super::super::") && !text.contains("mod tests") {
            violations.push(format!(
                "{rel}: `super::super::` may leave the layer; name it by crate path"
            ));
        }
        for (line, name) in named_layers(&text) {
            if allowed.contains(&name.as_str()) {
                continue;
            }
            if NOT_YET.iter().any(|(f, l, _)| *f == rel && *l == name) {
                seen_not_yet.push((rel.clone(), name));
                continue;
            }
            violations.push(format!(
                "{rel}:{line}: `{layer}` may not name `crate::{name}`"
            ));
        }
        if matches!(layer, "sql" | "script") && text.contains(ECHO) {
            violations.push(format!(
                "{rel}: `{layer}` may not name the engine's log ({ECHO})"
            ));
        }
    }
    for (file, layer, why) in NOT_YET {
        if !seen_not_yet.iter().any(|(f, l)| f == file && l == layer) {
            violations.push(format!(
                "{file} no longer names `crate::{layer}`: remove it from NOT_YET ({why})"
            ));
        }
    }
    assert!(
        violations.is_empty(),
        "layer violations:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_scanner_sees_paths_and_skips_comments() {
    let found =
        named_layers("use crate::orm::Session; // crate::run\nlet x = crate::base::sort::sort(v);");
    assert_eq!(found, vec![(1, "orm".to_string()), (2, "base".to_string())]);
}

#[test]
fn the_source_map_names_every_file() {
    let src = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let map = std::fs::read_to_string(src.join("README.md")).unwrap_or_default();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let missing: Vec<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix(&src)
                .unwrap_or(f)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|rel| {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            // A folder's mod.rs is described on the folder's row.
            name != "mod.rs"
                && !map.contains(&format!("`{rel}`"))
                && !map.contains(&format!("`{name}`"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "crate/src/README.md does not map: {missing:?}"
    );
}
