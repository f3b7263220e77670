import warnings

def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    return 1

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("plain")
    old()
    warnings.warn(RuntimeWarning("an instance"))
    for w in caught:
        print(w.category.__name__, str(w.message), w.lineno, w.filename)
    print(repr(caught[0].message))
    print(caught[0])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("once per line")
    warnings.warn("once per line")
    print(len(caught))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("once")
    warnings.warn("same text")
    warnings.warn("same text")
    warnings.warn("other text")
    print([str(w.message) for w in caught])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip.*me")
    warnings.filterwarnings("ignore", category=UserWarning, message="QUIET")
    warnings.warn("skip all of me")
    warnings.warn("quiet please")
    warnings.warn("kept", FutureWarning)
    print([str(w.message) for w in caught], caught[0].category)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("caught", type(e).__name__, e)
    try:
        warnings.warn("deprecated", DeprecationWarning)
    except Warning as e:
        print("caught", type(e).__name__, e.args)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.simplefilter("error", UserWarning)
    warnings.warn("ignored", RuntimeWarning)
    try:
        warnings.warn("boom")
    except UserWarning as e:
        print("error for UserWarning only:", e, len(caught))

print(issubclass(DeprecationWarning, Warning), issubclass(FutureWarning, Warning))
for bad in [str, 5]:
    try:
        warnings.warn("x", bad)
    except TypeError as e:
        print(e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError", e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("final", UserWarning)
print(len(caught))
warnings.simplefilter("error")
warnings.warn("escapes", RuntimeWarning)
