# contextlib, in the Python subset SessionLab runs, built on its generators.
class _GeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None
    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # Swallowed by the generator: the with block's exception is suppressed.
            return exc is not value
        except RuntimeError as exc:
            if exc is value or (isinstance(value, StopIteration) and exc.__cause__ is value):
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")
def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    helper.__name__ = func.__name__
    helper.__wrapped__ = func
    return helper
class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions
    def __enter__(self):
        pass
    def __exit__(self, typ, value, traceback):
        return typ is not None and issubclass(typ, self._exceptions)
class closing:
    def __init__(self, thing):
        self.thing = thing
    def __enter__(self):
        return self.thing
    def __exit__(self, *exc_info):
        self.thing.close()
class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result
    def __enter__(self):
        return self.enter_result
    def __exit__(self, *excinfo):
        pass
class ExitStack:
    def __init__(self):
        self._exits = []
    def __enter__(self):
        return self
    def enter_context(self, cm):
        result = cm.__enter__()
        self._exits.append(cm.__exit__)
        return result
    def push(self, exit):
        self._exits.append(getattr(exit, "__exit__", exit))
        return exit
    def callback(self, callback, *args, **kwds):
        def _exit(typ, value, tb):
            callback(*args, **kwds)
        self._exits.append(_exit)
        return callback
    def pop_all(self):
        new = ExitStack()
        new._exits, self._exits = self._exits, []
        return new
    def close(self):
        self.__exit__(None, None, None)
    def __exit__(self, typ, value, tb):
        suppressed = False
        pending = value
        while self._exits:
            cb = self._exits.pop()
            try:
                if pending is None:
                    if cb(None, None, None):
                        suppressed = False
                elif cb(type(pending), pending, None):
                    suppressed, pending = True, None
            except BaseException as exc:
                pending, suppressed = exc, False
        if pending is not None and pending is not value:
            raise pending
        return suppressed or (value is not None and pending is None)
