import textwrap

text = ("SQLAlchemy is the Python SQL toolkit and Object Relational Mapper that gives "
        "application developers the full power and flexibility of SQL. It provides a "
        "full suite of well-known enterprise-level persistence patterns.")
print(textwrap.wrap(text, width=40))
print(textwrap.fill(text, width=50))
print(textwrap.fill(text, width=30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("a verylongwordthatcannotfit here", width=10))
print(textwrap.wrap("a verylongwordthatcannotfit here", width=10, break_long_words=False))
print(textwrap.wrap("one\ttwo\nthree   four", width=12))
print(textwrap.wrap("", width=10), textwrap.wrap("   ", width=10))
print(textwrap.shorten("Hello  world!   How are you today?", width=20))
print(textwrap.shorten("Hello world", width=11), textwrap.shorten("Hello world", width=10, placeholder="..."))
print(textwrap.fill(text, width=40, max_lines=2))
code = """
    def f():
        return 1

    print(f())
"""
print(repr(textwrap.dedent(code)))
print(repr(textwrap.dedent("  a\n \n    b\n  c")))
print(repr(textwrap.dedent("\ta\n\t\tb")))
print(textwrap.indent("line1\nline2\n\nline3", "> "))
print(repr(textwrap.indent("a\n\nb\n", "+ ", lambda line: True)))
w = textwrap.TextWrapper(width=20, break_on_hyphens=False)
print(w.wrap("a well-known enterprise-level thing"))
print(textwrap.wrap("a well-known enterprise-level thing", width=14))
try:
    textwrap.wrap("abc", width=0)
except ValueError as e:
    print("ValueError:", e)
