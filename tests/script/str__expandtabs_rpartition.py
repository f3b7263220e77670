print(repr("a\tbc\td".expandtabs(4)), repr("a\tb".expandtabs()), repr("ab\n\tc\r\td".expandtabs(tabsize=3)), repr("\t".expandtabs(0)))
print("k=v=w".rpartition("="), "kvw".rpartition("="), "k=v=w".partition("="), "kvw".partition("="))
print("report.csv".removesuffix(".csv"), "report.csv".removesuffix(".txt"), "report".removeprefix("re"))
print("Hello World".istitle(), "Hello world".istitle(), "HELLO".istitle(), "".istitle(), "A1 B2".istitle(), "1".istitle())
for call in (lambda: "a".rpartition(""), lambda: "a".partition(1), lambda: "a".removesuffix(1), lambda: "a".expandtabs("x")):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
