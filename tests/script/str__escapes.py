print("tab\tnew\\nline", 'it\'s', "q\"uote", "\u00e9", "\x41")
print(len("a\nb"), r"raw\n", """tri
ple""")
