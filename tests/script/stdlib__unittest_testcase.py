import unittest
from unittest import TestCase

class T(TestCase):
    def setUp(self):
        self.items = [1, 2]
        self.addCleanup(print, "cleanup")
    def tearDown(self):
        print("teardown")
    def test_ok(self):
        self.assertEqual(len(self.items), 2)
        self.assertIn(1, self.items)
        self.assertTrue(self.items)
        self.assertIsNone(None)
        self.assertIsInstance(self.items, list)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        print(type(cm.exception).__name__, cm.exception)
        self.assertRaises(KeyError, {}.__getitem__, "x")
    def test_fail(self):
        for check in [
            lambda: self.assertEqual(1, 2),
            lambda: self.assertEqual(1, 2, "custom"),
            lambda: self.assertTrue(0),
            lambda: self.assertFalse([1]),
            lambda: self.assertIn(3, [1, 2]),
            lambda: self.assertNotIn(1, [1, 2]),
            lambda: self.assertIsNone(5),
            lambda: self.assertIsNotNone(None),
            lambda: self.assertIs(1, None),
            lambda: self.assertIsInstance(1, str),
            lambda: self.assertGreater(1, 2),
            lambda: self.assertLessEqual(3, 2),
            lambda: self.assertAlmostEqual(1.0, 1.1),
            lambda: self.assertAlmostEqual(1.0, 1.5, delta=0.1),
            lambda: self.assertNotEqual(2, 2),
            lambda: self.fail("boom"),
        ]:
            try:
                check()
            except AssertionError as e:
                print("AssertionError:", e)
        try:
            with self.assertRaises(ValueError):
                pass
        except AssertionError as e:
            print("AssertionError:", e)
        try:
            with self.assertRaises(ValueError):
                raise KeyError("k")
        except KeyError as e:
            print("KeyError passes through", e)

t = T("test_ok")
print(t, repr(t), t.id())
t.debug()
T("test_fail").debug()
try:
    T("nope")
except ValueError as e:
    print(e)
try:
    T("test_ok").skipTest("why")
except unittest.SkipTest as e:
    print("skipped", e)
print(issubclass(T, unittest.TestCase), T.longMessage)
