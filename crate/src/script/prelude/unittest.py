# unittest's TestCase, in the Python subset SessionLab runs: a test written for a runner is
# run by calling setUp / the test method / tearDown (or debug()). Failure messages are
# CPython's; the ones CPython renders as a difflib diff are refused by name.
_MAX_LENGTH = 80


class SkipTest(Exception):
    pass


def _unsupported(what):
    raise NotImplementedError("SessionLab does not support " + what + " yet")


def _diff_refused(kind):
    _unsupported("the diff unittest prints when two " + kind + " differ")


def _shorten(first, second):
    a = repr(first)
    b = repr(second)
    if max(len(a), len(b)) > _MAX_LENGTH:
        _unsupported("unittest's shortened reprs of long values")
    return a, b


_DIFFED = {dict: "dicts", list: "lists", tuple: "tuples", set: "sets", frozenset: "frozensets", str: "strings"}


class _AssertRaisesContext:
    def __init__(self, expected, test_case, msg=None):
        self.expected = expected
        self.test_case = test_case
        self.msg = msg
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            try:
                name = self.expected.__name__
            except AttributeError:
                name = str(self.expected)
            self.test_case.fail(self.test_case._formatMessage(self.msg, name + " not raised"))
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        return True


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._cleanups = []
        if methodName != "runTest" and not hasattr(self, methodName):
            raise ValueError(f"no such test method in {self.__class__}: {methodName}")

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def id(self):
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}.{self._testMethodName}"

    def __str__(self):
        return f"{self._testMethodName} ({self.id()})"

    def __repr__(self):
        cls = type(self)
        return f"<{cls.__module__}.{cls.__qualname__} testMethod={self._testMethodName}>"

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def debug(self):
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()
        self.doCleanups()

    def run(self, result=None):
        _unsupported("TestCase.run() and test results (call setUp, the test and tearDown, or debug())")

    def skipTest(self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        return f"{standardMsg} : {msg}"

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            kind = _DIFFED.get(type(first))
            if kind is not None and type(first) is type(second):
                _diff_refused(kind)
            a, b = _shorten(first, second)
            self.fail(self._formatMessage(msg, f"{a} != {b}"))

    assertEquals = assertEqual

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, f"{first!r} == {second!r}"))

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, "First argument is not a dictionary")
        self.assertIsInstance(d2, dict, "Second argument is not a dictionary")
        if d1 != d2:
            _diff_refused("dicts")

    def assertListEqual(self, first, second, msg=None):
        if first != second:
            _diff_refused("lists")

    def assertTupleEqual(self, first, second, msg=None):
        if first != second:
            _diff_refused("tuples")

    def assertSetEqual(self, first, second, msg=None):
        if first != second:
            _diff_refused("sets")

    def assertSequenceEqual(self, first, second, msg=None, seq_type=None):
        if first != second:
            _diff_refused("sequences")

    def assertMultiLineEqual(self, first, second, msg=None):
        if first != second:
            _diff_refused("strings")

    def assertCountEqual(self, first, second, msg=None):
        a = list(first)
        b = list(second)
        for x in a:
            if x in b:
                b.remove(x)
            else:
                _unsupported("the element counts unittest prints when assertCountEqual fails")
        if b:
            _unsupported("the element counts unittest prints when assertCountEqual fails")

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, f"{expr!r} is not true"))

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, f"{expr!r} is not false"))

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self.fail(self._formatMessage(msg, f"{expr1!r} is not {expr2!r}"))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self.fail(self._formatMessage(msg, f"unexpectedly identical: {expr1!r}"))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, f"{obj!r} is not None"))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, "unexpectedly None"))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(msg, f"{member!r} not found in {container!r}"))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(msg, f"{member!r} unexpectedly found in {container!r}"))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, f"{obj!r} is not an instance of {cls!r}"))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, f"{obj!r} is an instance of {cls!r}"))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self.fail(self._formatMessage(msg, f"{a!r} not greater than {b!r}"))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self.fail(self._formatMessage(msg, f"{a!r} not greater than or equal to {b!r}"))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self.fail(self._formatMessage(msg, f"{a!r} not less than {b!r}"))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self.fail(self._formatMessage(msg, f"{a!r} not less than or equal to {b!r}"))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standardMsg = f"{first!r} != {second!r} within {delta!r} delta ({diff!r} difference)"
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standardMsg = f"{first!r} != {second!r} within {places!r} places ({diff!r} difference)"
        self.fail(self._formatMessage(msg, standardMsg))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standardMsg = f"{first!r} == {second!r} within {delta!r} delta ({diff!r} difference)"
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standardMsg = f"{first!r} == {second!r} within {places!r} places"
        self.fail(self._formatMessage(msg, standardMsg))

    def assertRaises(self, expected_exception, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, kwargs.pop("msg", None))
        if not args:
            return context
        callable_obj = args[0]
        with context:
            callable_obj(*args[1:], **kwargs)

    def assertRaisesRegex(self, *args, **kwargs):
        _unsupported("assertRaisesRegex (there is no re module)")

    def assertRegex(self, *args, **kwargs):
        _unsupported("assertRegex (there is no re module)")

    def assertWarns(self, *args, **kwargs):
        _unsupported("assertWarns")

    def assertLogs(self, *args, **kwargs):
        _unsupported("assertLogs")

    def subTest(self, *args, **kwargs):
        _unsupported("subTest")


def skip(reason):
    def decorator(test_item):
        def skip_wrapper(*args, **kwargs):
            raise SkipTest(reason)
        skip_wrapper.__name__ = test_item.__name__
        return skip_wrapper
    return decorator


def skipIf(condition, reason):
    if condition:
        return skip(reason)
    return lambda test_item: test_item


def skipUnless(condition, reason):
    if not condition:
        return skip(reason)
    return lambda test_item: test_item


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


def main(*args, **kwargs):
    _unsupported("unittest.main() (run each test's setUp, test method and tearDown, or call debug())")


def TestSuite(*args, **kwargs):
    _unsupported("unittest.TestSuite")


def TextTestRunner(*args, **kwargs):
    _unsupported("unittest.TextTestRunner")


def TestLoader(*args, **kwargs):
    _unsupported("unittest.TestLoader")
