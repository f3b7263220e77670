//! The Python-subset front end: tokenizer, parser, AST and interpreter.
