# timeit, in the Python subset SessionLab runs: statements are callables (code strings cannot
# be compiled here).
import time
default_timer = time.perf_counter
default_number = 1000000
default_repeat = 5
def _callable(stmt, what):
    if callable(stmt):
        return stmt
    if stmt == "pass":
        return lambda: None
    raise NotImplementedError("timeit " + what + " as a code string: SessionLab cannot run code from strings; pass a callable")
class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.stmt = _callable(stmt, "stmt")
        self.setup = _callable(setup, "setup")
        self.timer = timer
    def timeit(self, number=default_number):
        self.setup()
        f = self.stmt
        t0 = self.timer()
        for _ in range(number):
            f()
        return self.timer() - t0
    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]
    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                t = self.timeit(number)
                if callback:
                    callback(number, t)
                if t >= 0.2:
                    return (number, t)
            i *= 10
def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)
def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
