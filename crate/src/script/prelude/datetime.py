# The `datetime` module's basics, written in the Python subset SessionLab runs.
_DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
MINYEAR = 1
MAXYEAR = 9999
import time as _time


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def _to_ordinal(year, month, day):
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400
    for m in range(1, month):
        days += _days_in_month(year, m)
    return days + day


def _from_ordinal(n):
    year = (n - 1) // 366 + 1
    while _to_ordinal(year + 1, 1, 1) <= n:
        year += 1
    month = 1
    while month < 12 and _to_ordinal(year, month + 1, 1) <= n:
        month += 1
    return year, month, n - _to_ordinal(year, month, 1) + 1


def _set_time(obj, hour, minute, second, microsecond):
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    obj.hour = hour
    obj.minute = minute
    obj.second = second
    obj.microsecond = microsecond


class _Ordered:
    # Compared through _key(); equal only to the same kind (_kind, set below each class).
    def __eq__(self, other):
        return isinstance(other, self._kind) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())


class timedelta(_Ordered):
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = round(((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000000 + milliseconds * 1000 + microseconds)
        self.days = total // 86400000000
        self.seconds = (total % 86400000000) // 1000000
        self.microseconds = total % 1000000

    def _us(self):
        return (self.days * 86400 + self.seconds) * 1000000 + self.microseconds

    def total_seconds(self):
        return self._us() / 1000000

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._us())

    def __mul__(self, n):
        return timedelta(microseconds=self._us() * n)

    def _key(self):
        return self._us()

    def __bool__(self):
        return self._us() != 0

    def __repr__(self):
        parts = []
        if self.days:
            parts.append(f"days={self.days}")
        if self.seconds:
            parts.append(f"seconds={self.seconds}")
        if self.microseconds:
            parts.append(f"microseconds={self.microseconds}")
        return "datetime.timedelta(" + ", ".join(parts) + ")"

    def __str__(self):
        minutes, seconds = divmod(self.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = f"{hours}:{minutes:02d}:{seconds:02d}"
        if self.microseconds:
            text += f".{self.microseconds:06d}"
        if self.days:
            plural = "" if abs(self.days) == 1 else "s"
            text = f"{self.days} day{plural}, " + text
        return text


timedelta._kind = timedelta


class date(_Ordered):
    def __init__(self, year, month, day):
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError(f"year {year} is out of range")
        if not 1 <= month <= 12:
            raise ValueError("month must be in 1..12")
        if not 1 <= day <= _days_in_month(year, month):
            raise ValueError("day is out of range for month")
        self.year = year
        self.month = month
        self.day = day

    def toordinal(self):
        return _to_ordinal(self.year, self.month, self.day)

    @classmethod
    def today(cls):
        now = datetime.now()
        return cls(now.year, now.month, now.day)

    @classmethod
    def fromtimestamp(cls, t):
        d = datetime.fromtimestamp(t)
        return cls(d.year, d.month, d.day)

    def timetuple(self):
        return (self.year, self.month, self.day, getattr(self, "hour", 0), getattr(self, "minute", 0), getattr(self, "second", 0), self.weekday(), self.toordinal() - _to_ordinal(self.year, 1, 1) + 1, -1)

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _from_ordinal(n)
        return date(y, m, d)

    @classmethod
    def fromisoformat(cls, text):
        y, m, d = text[:10].split("-")
        return date(int(y), int(m), int(d))

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isoformat(self):
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def replace(self, year=None, month=None, day=None):
        return date(year or self.year, month or self.month, day or self.day)

    def strftime(self, fmt):
        return _strftime(self, fmt)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not " + type(fmt).__name__)
        return self.strftime(fmt) if fmt else str(self)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return f"datetime.date({self.year}, {self.month}, {self.day})"

    def _key(self):
        return (self.year, self.month, self.day, 0, 0, 0, 0)


    def __add__(self, other):
        if isinstance(other, timedelta):
            return date.fromordinal(self.toordinal() + other.days)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return date.fromordinal(self.toordinal() - other.days)
        if isinstance(other, date):
            return timedelta(days=self.toordinal() - other.toordinal())
        return NotImplemented


date._kind = date


class tzinfo:
    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        return dt + dt.utcoffset()


_tzinfo_class = tzinfo


def _offset_text(td, sep=":"):
    us = td._us()
    sign = "+"
    if us < 0:
        sign = "-"
        us = -us
    secs, micro = divmod(us, 1000000)
    h, rem = divmod(secs, 3600)
    m, s = divmod(rem, 60)
    text = f"{sign}{h:02d}{sep}{m:02d}"
    if s or micro:
        text += f"{sep}{s:02d}"
    if micro:
        text += f".{micro:06d}"
    return text


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not " + type(offset).__name__)
        if not -86400000000 < offset._us() < 86400000000:
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).")
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _offset_text(self._offset)

    def __eq__(self, other):
        return isinstance(other, timezone) and self._offset == other._offset

    def __hash__(self):
        return hash(self._offset)

    def __str__(self):
        return self.tzname(None)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is not None:
            return f"datetime.timezone({self._offset!r}, {self._name!r})"
        return f"datetime.timezone({self._offset!r})"


timezone.utc = timezone(timedelta(0))
UTC = timezone.utc


def _now_parts(tz):
    ts = _time.time()
    secs = int(ts // 1)
    micro = int(round((ts - secs) * 1000000))
    if micro >= 1000000:
        secs += 1
        micro -= 1000000
    return secs, micro


def _epoch_us():
    return _to_ordinal(1970, 1, 1) * 86400000000


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, fold=0):
        date.__init__(self, year, month, day)
        _set_time(self, hour, minute, second, microsecond)
        if tzinfo is not None and not isinstance(tzinfo, _tzinfo_class):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '" + type(tzinfo).__name__ + "'")
        self.tzinfo = tzinfo
        self.fold = fold

    @classmethod
    def now(cls, tz=None):
        secs, micro = _now_parts(tz)
        if tz is None:
            secs += _time._local_offset(secs)
            return cls._from_us(_epoch_us() + secs * 1000000 + micro)
        utc = cls._from_us(_epoch_us() + secs * 1000000 + micro)
        return tz.fromutc(utc.replace(tzinfo=tz))

    @classmethod
    def utcnow(cls):
        secs, micro = _now_parts(None)
        return cls._from_us(_epoch_us() + secs * 1000000 + micro)

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        us = int(round(t * 1000000))
        if tz is None:
            us += _time._local_offset(t) * 1000000
            return cls._from_us(_epoch_us() + us)
        utc = cls._from_us(_epoch_us() + us)
        return tz.fromutc(utc.replace(tzinfo=tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_us(_epoch_us() + int(round(t * 1000000)))

    @classmethod
    def combine(cls, d, t, tzinfo=True):
        if tzinfo is True:
            tzinfo = t.tzinfo
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond, tzinfo)

    def timestamp(self):
        if self.tzinfo is None:
            local = (self._us() - _epoch_us()) / 1000000
            return local - _time._local_offset(local)
        return (self._utc_us() - _epoch_us()) / 1000000

    def utcoffset(self):
        if self.tzinfo is None:
            return None
        return self.tzinfo.utcoffset(self)

    def tzname(self):
        if self.tzinfo is None:
            return None
        return self.tzinfo.tzname(self)

    def astimezone(self, tz=None):
        if tz is None:
            ts = self.timestamp()
            off = _time._local_offset(ts)
            tz = timezone(timedelta(seconds=off), "UTC" if off == 0 else None)
        utc_us = self._utc_us() if self.tzinfo is not None else int(round(self.timestamp() * 1000000)) + _epoch_us()
        off = tz.utcoffset(None)
        local = datetime._from_us(utc_us + off._us())
        return local.replace(tzinfo=tz)

    def _utc_us(self):
        off = self.utcoffset()
        return self._us() - (off._us() if off is not None else 0)

    def time(self):
        return time(self.hour, self.minute, self.second, self.microsecond)

    def timetz(self):
        return time(self.hour, self.minute, self.second, self.microsecond, self.tzinfo)

    def _cmp(self, other, op):
        if not isinstance(other, datetime):
            if op in ("==", "!="):
                return NotImplemented
            raise TypeError(f"can't compare datetime.datetime to {type(other).__name__}")
        a = self.utcoffset()
        b = other.utcoffset()
        if (a is None) != (b is None):
            if op in ("==", "!="):
                return op == "!="
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        if a is None:
            x, y = self._us(), other._us()
        else:
            x, y = self._utc_us(), other._utc_us()
        if op == "==":
            return x == y
        if op == "!=":
            return x != y
        if op == "<":
            return x < y
        if op == "<=":
            return x <= y
        if op == ">":
            return x > y
        return x >= y

    def __eq__(self, other):
        return self._cmp(other, "==")

    def __ne__(self, other):
        return self._cmp(other, "!=")

    def __lt__(self, other):
        return self._cmp(other, "<")

    def __le__(self, other):
        return self._cmp(other, "<=")

    def __gt__(self, other):
        return self._cmp(other, ">")

    def __ge__(self, other):
        return self._cmp(other, ">=")

    def __hash__(self):
        if self.tzinfo is None:
            return hash(self._us())
        return hash(self._utc_us())

    def date(self):
        return date(self.year, self.month, self.day)

    def _key(self):
        return (self.year, self.month, self.day, self.hour, self.minute, self.second, self.microsecond)

    def _us(self):
        return ((self.toordinal() * 86400 + self.hour * 3600 + self.minute * 60 + self.second) * 1000000 + self.microsecond)

    @classmethod
    def _from_us(cls, us):
        days, rest = divmod(us, 86400000000)
        y, m, d = _from_ordinal(days)
        secs, micro = divmod(rest, 1000000)
        h, rem = divmod(secs, 3600)
        mi, s = divmod(rem, 60)
        return cls(y, m, d, h, mi, s, micro)

    @classmethod
    def fromisoformat(cls, text):
        d = date.fromisoformat(text[:10])
        h = mi = s = 0
        if len(text) > 10:
            parts = text[11:19].split(":")
            h, mi = int(parts[0]), int(parts[1])
            s = int(parts[2]) if len(parts) > 2 else 0
        return datetime(d.year, d.month, d.day, h, mi, s)

    def isoformat(self, sep="T", timespec="auto"):
        text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}{sep}{self.hour:02d}:{self.minute:02d}:{self.second:02d}"
        if timespec == "microseconds" or (timespec == "auto" and self.microsecond):
            text += f".{self.microsecond:06d}"
        elif timespec == "milliseconds":
            text += f".{self.microsecond // 1000:03d}"
        elif timespec == "minutes":
            text = text[:-3]
        off = self.utcoffset()
        if off is not None:
            text += _offset_text(off)
        return text

    def replace(self, **changes):
        values = dict(year=self.year, month=self.month, day=self.day, hour=self.hour, minute=self.minute, second=self.second, microsecond=self.microsecond, tzinfo=self.tzinfo)
        values.update(changes)
        return type(self)(**values)

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        fields = [self.year, self.month, self.day, self.hour, self.minute]
        if self.second or self.microsecond:
            fields.append(self.second)
        if self.microsecond:
            fields.append(self.microsecond)
        text = ", ".join(str(f) for f in fields)
        if self.tzinfo is not None:
            text += f", tzinfo={self.tzinfo!r}"
        return "datetime.datetime(" + text + ")"

    def __add__(self, other):
        if isinstance(other, timedelta):
            return datetime._from_us(self._us() + other._us()).replace(tzinfo=self.tzinfo)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return datetime._from_us(self._us() - other._us()).replace(tzinfo=self.tzinfo)
        if isinstance(other, datetime):
            a = self.utcoffset()
            b = other.utcoffset()
            if (a is None) != (b is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if a is None:
                return timedelta(microseconds=self._us() - other._us())
            return timedelta(microseconds=self._utc_us() - other._utc_us())
        return NotImplemented


datetime._kind = datetime


class time(_Ordered):
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _set_time(self, hour, minute, second, microsecond)
        self.tzinfo = tzinfo

    @classmethod
    def fromisoformat(cls, text):
        hms, _, micro = text.partition(".")
        parts = hms.split(":")
        h, mi = int(parts[0]), int(parts[1])
        s = int(parts[2]) if len(parts) > 2 else 0
        return time(h, mi, s, int((micro + "000000")[:6]) if micro else 0)

    def isoformat(self):
        text = f"{self.hour:02d}:{self.minute:02d}:{self.second:02d}"
        if self.microsecond:
            text += f".{self.microsecond:06d}"
        return text

    def replace(self, **changes):
        values = dict(hour=self.hour, minute=self.minute, second=self.second, microsecond=self.microsecond)
        values.update(changes)
        return time(**values)

    def strftime(self, fmt):
        return _strftime(self, fmt)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not " + type(fmt).__name__)
        return self.strftime(fmt) if fmt else str(self)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        fields = [self.hour, self.minute]
        if self.second or self.microsecond:
            fields.append(self.second)
        if self.microsecond:
            fields.append(self.microsecond)
        return "datetime.time(" + ", ".join(str(f) for f in fields) + ")"

    def _key(self):
        return (self.hour, self.minute, self.second, self.microsecond)


time._kind = time


_DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _strftime(value, fmt):
    # The C library's directives for the C locale; a date has midnight, a time 1900-01-01.
    year = getattr(value, "year", 1900)
    month = getattr(value, "month", 1)
    day = getattr(value, "day", 1)
    hour = getattr(value, "hour", 0)
    minute = getattr(value, "minute", 0)
    second = getattr(value, "second", 0)
    micro = getattr(value, "microsecond", 0)
    ordinal = _to_ordinal(year, month, day)
    weekday = (ordinal + 6) % 7
    yday = ordinal - _to_ordinal(year, 1, 1) + 1
    tz = getattr(value, "tzinfo", None)
    off = None if tz is None else tz.utcoffset(value if isinstance(value, datetime) else None)
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c != "%" or i + 1 == len(fmt):
            out.append(c)
            i += 1
            continue
        d = fmt[i + 1]
        i += 2
        if d == "Y":
            out.append(f"{year}")
        elif d == "y":
            out.append(f"{year % 100:02d}")
        elif d == "m":
            out.append(f"{month:02d}")
        elif d == "d":
            out.append(f"{day:02d}")
        elif d == "e":
            out.append(f"{day:2d}")
        elif d == "H":
            out.append(f"{hour:02d}")
        elif d == "I":
            out.append(f"{(hour % 12) or 12:02d}")
        elif d == "M":
            out.append(f"{minute:02d}")
        elif d == "S":
            out.append(f"{second:02d}")
        elif d == "f":
            out.append(f"{micro:06d}")
        elif d == "p":
            out.append("AM" if hour < 12 else "PM")
        elif d == "a":
            out.append(_DAY_NAMES[weekday][:3])
        elif d == "A":
            out.append(_DAY_NAMES[weekday])
        elif d == "b" or d == "h":
            out.append(_MONTH_NAMES[month - 1][:3])
        elif d == "B":
            out.append(_MONTH_NAMES[month - 1])
        elif d == "j":
            out.append(f"{yday:03d}")
        elif d == "w":
            out.append(str((weekday + 1) % 7))
        elif d == "u":
            out.append(str(weekday + 1))
        elif d == "U":
            out.append(f"{(yday + 6 - (weekday + 1) % 7) // 7:02d}")
        elif d == "W":
            out.append(f"{(yday + 6 - weekday) // 7:02d}")
        elif d == "D":
            out.append(f"{month:02d}/{day:02d}/{year % 100:02d}")
        elif d == "F":
            out.append(f"{year}-{month:02d}-{day:02d}")
        elif d == "T":
            out.append(f"{hour:02d}:{minute:02d}:{second:02d}")
        elif d == "R":
            out.append(f"{hour:02d}:{minute:02d}")
        elif d == "c":
            out.append(f"{_DAY_NAMES[weekday][:3]} {_MONTH_NAMES[month - 1][:3]} {day:2d} {hour:02d}:{minute:02d}:{second:02d} {year}")
        elif d == "x":
            out.append(f"{month:02d}/{day:02d}/{year % 100:02d}")
        elif d == "X":
            out.append(f"{hour:02d}:{minute:02d}:{second:02d}")
        elif d == "z":
            out.append("" if off is None else _offset_text(off, ""))
        elif d == "Z":
            out.append("" if tz is None else tz.tzname(value if isinstance(value, datetime) else None))
        elif d == "%":
            out.append("%")
        else:
            raise NotImplementedError("SessionLab does not support the strftime directive %" + d + " yet")
    return "".join(out)
