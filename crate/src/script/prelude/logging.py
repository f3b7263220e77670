# logging's core, in the Python subset SessionLab runs: loggers by dotted name, levels,
# StreamHandler / Formatter with %-style formats, basicConfig. Records written to sys.stderr
# stay out of the run's output, as CPython shows them apart from stdout. SQLAlchemy's own
# records through a handler on sys.stdout are refused by name (create_engine(echo=True) shows
# the SQL instead).
import sys
import time as _time

CRITICAL = 50
FATAL = 50
ERROR = 40
WARNING = 30
WARN = 30
INFO = 20
DEBUG = 10
NOTSET = 0

_level_names = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING", INFO: "INFO", DEBUG: "DEBUG", NOTSET: "NOTSET"}
_name_levels = {"CRITICAL": CRITICAL, "FATAL": FATAL, "ERROR": ERROR, "WARN": WARNING, "WARNING": WARNING, "INFO": INFO, "DEBUG": DEBUG, "NOTSET": NOTSET}
BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"


def getLevelName(level):
    if level in _level_names:
        return _level_names[level]
    if level in _name_levels:
        return _name_levels[level]
    return "Level %s" % level


def _check_level(level):
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _name_levels:
            raise ValueError("Unknown level: %r" % level)
        return _name_levels[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


class LogRecord:
    def __init__(self, name, level, msg, args, exc_info=None):
        self.name = name
        self.levelno = level
        self.levelname = getLevelName(level)
        self.msg = msg
        self.args = args
        self.exc_info = exc_info
        self.created = _time.time()
        self.msecs = int(self.created * 1000) % 1000
        self.module = "<playground>"
        self.funcName = None
        self.lineno = 0

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


class Formatter:
    def __init__(self, fmt=None, datefmt=None, style="%"):
        if style != "%":
            raise NotImplementedError("SessionLab does not support logging format style " + repr(style) + " yet")
        self._fmt = fmt or "%(message)s"
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        import datetime
        when = datetime.datetime.fromtimestamp(record.created)
        if datefmt:
            return when.strftime(datefmt)
        return when.strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % record.msecs

    def format(self, record):
        record.message = record.getMessage()
        values = dict(vars(record))
        if "%(asctime)" in self._fmt:
            values["asctime"] = self.formatTime(record, self.datefmt)
        text = self._fmt % values
        if record.exc_info:
            raise NotImplementedError("SessionLab does not support logging exception tracebacks yet")
        return text


_default_formatter = Formatter()


class Handler:
    def __init__(self, level=NOTSET):
        self.level = _check_level(level)
        self.formatter = None

    def setLevel(self, level):
        self.level = _check_level(level)
        _check_sqlalchemy()

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _default_formatter).format(record)

    def handle(self, record):
        if record.levelno >= self.level:
            self.emit(record)

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def flush(self):
        pass

    def close(self):
        pass


class StreamHandler(Handler):
    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = sys.stderr if stream is None else stream

    def emit(self, record):
        self.stream.write(self.format(record) + self.terminator)


class NullHandler(Handler):
    def emit(self, record):
        pass


class Logger:
    def __init__(self, name, level=NOTSET):
        self.name = name
        self.level = _check_level(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def setLevel(self, level):
        self.level = _check_level(level)
        _check_sqlalchemy()

    def getEffectiveLevel(self):
        logger = self
        while logger is not None:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        return not self.disabled and level >= self.getEffectiveLevel()

    def addHandler(self, h):
        if h not in self.handlers:
            self.handlers.append(h)
        _check_sqlalchemy()

    def removeHandler(self, h):
        if h in self.handlers:
            self.handlers.remove(h)

    def hasHandlers(self):
        return bool(_chain_handlers(self))

    def getChild(self, suffix):
        return getLogger(self.name + "." + suffix if self is not root else suffix)

    def log(self, level, msg, *args, exc_info=None, **kwargs):
        if not isinstance(level, int):
            raise TypeError("level must be an integer")
        if self.isEnabledFor(level):
            self._log(level, msg, args, exc_info)

    def _log(self, level, msg, args, exc_info=None):
        if len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        record = LogRecord(self.name, level, msg, args, exc_info)
        handlers = _chain_handlers(self)
        if not handlers:
            # logging.lastResort: WARNING and above to sys.stderr, outside the output.
            return
        for h in handlers:
            h.handle(record)

    def debug(self, msg, *args, **kwargs):
        self.log(DEBUG, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(INFO, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)

    warn = warning

    def error(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(CRITICAL, msg, *args, **kwargs)

    fatal = critical

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.name, getLevelName(self.getEffectiveLevel()))


class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, "root", level)

    def __repr__(self):
        return "<RootLogger root (%s)>" % getLevelName(self.getEffectiveLevel())


root = RootLogger(WARNING)
_loggers = {}


def _chain_handlers(logger):
    found = []
    while logger is not None:
        found.extend(logger.handlers)
        if not logger.propagate:
            break
        logger = logger.parent
    return found


def getLogger(name=None):
    if not name or name == "root":
        return root
    if name in _loggers:
        return _loggers[name]
    logger = Logger(name)
    _loggers[name] = logger
    # The nearest existing ancestor is the parent; existing descendants are re-parented.
    parent = root
    parts = name.split(".")
    for i in range(len(parts) - 1, 0, -1):
        prefix = ".".join(parts[:i])
        if prefix in _loggers:
            parent = _loggers[prefix]
            break
    logger.parent = parent
    for other in _loggers.values():
        if other is not logger and other.name.startswith(name + ".") and (other.parent is parent):
            other.parent = logger
    return logger


def _check_sqlalchemy():
    # SQLAlchemy logs its SQL to the `sqlalchemy.engine` logger when that is enabled for INFO.
    for name in ("sqlalchemy.engine", "sqlalchemy.engine.Engine", "sqlalchemy.pool", "sqlalchemy.orm"):
        logger = getLogger(name)
        if not logger.isEnabledFor(INFO):
            continue
        for h in _chain_handlers(logger):
            if h.level <= INFO and getattr(h, "stream", None) is sys.stdout:
                raise NotImplementedError(
                    "SessionLab does not support SQLAlchemy's log records through logging yet "
                    "(create_engine(echo=True) shows the SQL)")


def basicConfig(**kwargs):
    force = kwargs.pop("force", False)
    if force:
        root.handlers = []
    if root.handlers:
        return
    stream = kwargs.pop("stream", None)
    if "filename" in kwargs:
        raise NotImplementedError("SessionLab does not support logging to files yet")
    handlers = kwargs.pop("handlers", None)
    fmt = kwargs.pop("format", BASIC_FORMAT)
    datefmt = kwargs.pop("datefmt", None)
    style = kwargs.pop("style", "%")
    level = kwargs.pop("level", None)
    kwargs.pop("encoding", None)
    kwargs.pop("errors", None)
    if kwargs:
        raise ValueError("Unrecognised argument(s): " + ", ".join(kwargs))
    if handlers is None:
        handlers = [StreamHandler(stream)]
    formatter = Formatter(fmt, datefmt, style)
    for h in handlers:
        if h.formatter is None:
            h.setFormatter(formatter)
        root.handlers.append(h)
    if level is not None:
        root.level = _check_level(level)
    _check_sqlalchemy()


def debug(msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.debug(msg, *args, **kwargs)


def info(msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.info(msg, *args, **kwargs)


def warning(msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.warning(msg, *args, **kwargs)


def error(msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.error(msg, *args, **kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    if not root.handlers:
        basicConfig()
    root.error(msg, *args, exc_info=exc_info, **kwargs)


def critical(msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.critical(msg, *args, **kwargs)


def log(level, msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    raise NotImplementedError("SessionLab does not support logging.disable yet")


def getLoggerClass():
    return Logger
