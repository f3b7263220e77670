# The `decimal` module's basics (Decimal with the default context: 28 digits, half-even),
# written in the Python subset SessionLab runs. SQLAlchemy's Numeric returns these.
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_DOWN = "ROUND_DOWN"
ROUND_UP = "ROUND_UP"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_CEILING = "ROUND_CEILING"
# Python's default context has 28 digits; SessionLab's ints are 64-bit, so coefficients keep 18.
_PREC = 18


class DecimalException(ArithmeticError):
    pass


class InvalidOperation(DecimalException):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


def _round_int(coeff, drop, rounding):
    # coeff >= 0; removes `drop` trailing digits with `rounding`.
    if drop <= 0:
        return coeff * 10 ** (-drop)
    q, r = divmod(coeff, 10 ** drop)
    half = 5 * 10 ** (drop - 1)
    if rounding == ROUND_DOWN or rounding == ROUND_FLOOR:
        return q
    if rounding == ROUND_UP or rounding == ROUND_CEILING:
        return q + (1 if r else 0)
    if r > half or (r == half and (rounding == ROUND_HALF_UP or q % 2 == 1)):
        return q + 1
    return q


def _parse(text):
    s = text.strip().replace("_", "")
    sign = 1
    if s[:1] in ("+", "-"):
        if s[0] == "-":
            sign = -1
        s = s[1:]
    exp = 0
    low = s.lower()
    if "e" in low:
        at = low.index("e")
        exp = int(s[at + 1:])
        s = s[:at]
    if "." in s:
        whole, frac = s.split(".", 1)
    else:
        whole, frac = s, ""
    digits = whole + frac
    if digits == "" or not digits.isdigit():
        raise InvalidOperation("[<class 'decimal.ConversionSyntax'>]")
    return sign, int(digits), exp - len(frac)


def _format_spec(spec):
    # [[fill]align][sign][z][#][0][width][grouping][.precision][type], as format() reads it.
    fill, align, i = " ", None, 0
    if len(spec) >= 2 and spec[1] in "<>=^":
        fill, align, i = spec[0], spec[1], 2
    elif spec[:1] in ("<", ">", "=", "^"):
        align, i = spec[0], 1
    sign = None
    if spec[i:i + 1] in ("+", "-", " ") and spec[i:i + 1] != "":
        sign = spec[i]
        i += 1
    if spec[i:i + 1] == "z":
        i += 1
    alt = spec[i:i + 1] == "#"
    if alt:
        i += 1
    zeropad = spec[i:i + 1] == "0"
    if zeropad:
        i += 1
        if align is None:
            fill, align = "0", "="
    start = i
    while spec[i:i + 1].isdigit():
        i += 1
    width = int(spec[start:i]) if i > start else 0
    grouping = None
    if spec[i:i + 1] in (",", "_") and spec[i:i + 1] != "":
        grouping = spec[i]
        i += 1
    precision = None
    if spec[i:i + 1] == ".":
        i += 1
        start = i
        while spec[i:i + 1].isdigit():
            i += 1
        precision = int(spec[start:i])
    typ = spec[i:] or None
    if typ is not None and len(typ) != 1:
        raise ValueError("Invalid format specifier '" + spec + "' for object of type 'Decimal'")
    return fill, align or ">", sign, alt, zeropad, width, grouping, precision, typ


class Decimal:
    def __init__(self, value="0", context=None):
        if isinstance(value, Decimal):
            self._sign, self._coeff, self._exp = value._sign, value._coeff, value._exp
        elif isinstance(value, bool) or isinstance(value, int):
            self._sign = -1 if value < 0 else 1
            self._coeff = abs(int(value))
            self._exp = 0
        elif isinstance(value, float):
            self._sign, self._coeff, self._exp = _parse(repr(value))
        elif isinstance(value, str):
            self._sign, self._coeff, self._exp = _parse(value)
        elif isinstance(value, tuple):
            sign, digits, exp = value
            self._sign = -1 if sign else 1
            self._coeff = int("".join([str(d) for d in digits]) or "0")
            self._exp = exp
        else:
            raise TypeError("conversion from " + type(value).__name__ + " to Decimal is not supported")

    @classmethod
    def _make(cls, sign, coeff, exp):
        d = cls(0)
        d._sign = sign
        d._coeff = coeff
        d._exp = exp
        return d

    def _fix(self):
        # Rounds to the context precision.
        n = len(str(self._coeff))
        if n <= _PREC:
            return self
        drop = n - _PREC
        coeff = _round_int(self._coeff, drop, ROUND_HALF_EVEN)
        exp = self._exp + drop
        if len(str(coeff)) > _PREC:
            coeff = coeff // 10
            exp += 1
        return Decimal._make(self._sign, coeff, exp)

    def _int(self):
        return self._sign * self._coeff

    def as_tuple(self):
        return (0 if self._sign > 0 else 1, tuple([int(c) for c in str(self._coeff)]), self._exp)

    def __str__(self):
        digits = str(self._coeff)
        sign = "-" if self._sign < 0 else ""
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        else:
            dotplace = 1
        if dotplace <= 0:
            intpart = "0"
            fracpart = "." + "0" * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + "0" * (dotplace - len(digits))
            fracpart = ""
        else:
            intpart = digits[:dotplace]
            fracpart = "." + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ""
        else:
            e = leftdigits - dotplace
            exp = "E" + ("+" if e >= 0 else "-") + str(abs(e))
        return sign + intpart + fracpart + exp

    def __repr__(self):
        return "Decimal('" + str(self) + "')"

    def __format__(self, spec):
        if spec == "":
            return str(self)
        fill, align, sign, alt, zeropad, width, grouping, precision, typ = _format_spec(spec)
        if typ is None:
            typ = "G"
        if typ not in "eEfFgG%":
            raise ValueError("Invalid format specifier '" + spec + "' for object of type 'Decimal'")
        negative = self._sign < 0
        coeff, exp = self._coeff, self._exp
        if typ == "%":
            exp += 2
        if precision is not None:
            digits = len(str(coeff))
            if typ in "eE":
                keep = precision + 1
            elif typ in "fF%":
                keep = digits + exp + precision
            elif len(str(coeff)) > precision:
                keep = max(precision, 1)
            else:
                keep = digits
            if keep < digits:
                drop = digits - keep
                coeff = _round_int(coeff, drop, ROUND_HALF_EVEN)
                exp += drop
                if typ in "eEgG" and len(str(coeff)) > keep:
                    coeff //= 10
                    exp += 1
            elif keep > digits and (typ in "fF%" or (typ in "eE" and coeff != 0)):
                coeff *= 10 ** (keep - digits)
                exp -= keep - digits
        if coeff == 0 and exp > 0 and typ in "fF%":
            exp = 0
        text = str(coeff)
        leftdigits = exp + len(text)
        if typ in "eE":
            dotplace = 1 - precision if coeff == 0 and precision is not None else 1
        elif typ in "fF%":
            dotplace = leftdigits
        elif exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        else:
            dotplace = 1
        if dotplace < 0:
            intpart = "0"
            fracpart = "0" * (-dotplace) + text
        elif dotplace > len(text):
            intpart = text + "0" * (dotplace - len(text))
            fracpart = ""
        else:
            intpart = text[:dotplace] or "0"
            fracpart = text[dotplace:]
        e = leftdigits - dotplace
        signtext = "-" if negative else (sign if sign in ("+", " ") else "")
        if fracpart or alt:
            fracpart = "." + fracpart
        if e != 0 or typ in "eE":
            echar = "e" if typ in "eg" else "E"
            fracpart += echar + ("+" if e >= 0 else "-") + str(abs(e))
        if typ == "%":
            fracpart += "%"
        if zeropad and not grouping:
            intpart = intpart.rjust(width - len(fracpart) - len(signtext), "0")
        elif grouping:
            if zeropad:
                raise NotImplementedError("SessionLab does not support zero-padded grouped Decimal formats yet")
            groups = []
            while len(intpart) > 3:
                groups.insert(0, intpart[-3:])
                intpart = intpart[:-3]
            groups.insert(0, intpart)
            intpart = grouping.join(groups)
        body = intpart + fracpart
        pad = width - len(signtext) - len(body)
        if pad <= 0:
            return signtext + body
        if align == "=":
            return signtext + fill * pad + body
        if align == "<":
            return signtext + body + fill * pad
        if align == "^":
            half = pad // 2
            return fill * half + signtext + body + fill * (pad - half)
        return fill * pad + signtext + body

    def __float__(self):
        return float(str(self))

    def __int__(self):
        if self._exp >= 0:
            return self._int() * 10 ** self._exp
        return self._sign * (self._coeff // 10 ** (-self._exp))

    def __bool__(self):
        return self._coeff != 0

    def __hash__(self):
        if self._exp >= 0 or self._coeff % 10 ** (-self._exp) == 0:
            return hash(int(self))
        return hash(float(self))

    def __neg__(self):
        return Decimal._make(-self._sign, self._coeff, self._exp)

    def __pos__(self):
        return self

    def __abs__(self):
        return Decimal._make(1, self._coeff, self._exp)

    def _coerce(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        return None

    def _align(self, other):
        exp = min(self._exp, other._exp)
        return self._int() * 10 ** (self._exp - exp), other._int() * 10 ** (other._exp - exp), exp

    def __add__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        a, b, exp = self._align(o)
        total = a + b
        return Decimal._make(-1 if total < 0 else 1, abs(total), exp)._fix()

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return self.__add__(-o)

    def __rsub__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return o.__sub__(self)

    def __mul__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return Decimal._make(self._sign * o._sign, self._coeff * o._coeff, self._exp + o._exp)._fix()

    def __rmul__(self, other):
        return self.__mul__(other)

    def __truediv__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        if o._coeff == 0:
            if self._coeff == 0:
                raise InvalidOperation("[<class 'decimal.DivisionUndefined'>]")
            raise DivisionByZero("[<class 'decimal.DivisionByZero'>]")
        sign = self._sign * o._sign
        ideal = self._exp - o._exp
        if self._coeff == 0:
            return Decimal._make(sign, 0, ideal)
        # Long division, one digit at a time, so nothing exceeds 64 bits.
        coeff, rem = divmod(self._coeff, o._coeff)
        exp = ideal
        while rem and len(str(coeff)) <= _PREC:
            q, rem = divmod(rem * 10, o._coeff)
            coeff = coeff * 10 + q
            exp -= 1
        if rem:
            if coeff % 5 == 0:
                coeff += 1
        else:
            while exp < ideal and coeff % 10 == 0:
                coeff = coeff // 10
                exp += 1
        return Decimal._make(sign, coeff, exp)._fix()

    def __rtruediv__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return o.__truediv__(self)

    def __floordiv__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        a, b, exp = self._align(o)
        q = abs(a) // abs(b)
        return Decimal._make(-1 if (a < 0) != (b < 0) else 1, q, 0)

    def __mod__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        a, b, exp = self._align(o)
        r = abs(a) % abs(b)
        return Decimal._make(-1 if a < 0 else 1, r, exp)

    def _cmp(self, other):
        if isinstance(other, float):
            other = Decimal(other)
        o = self._coerce(other)
        if o is None:
            return None
        a, b, exp = self._align(o)
        return (a > b) - (a < b)

    def __eq__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c == 0

    def __ne__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c != 0

    def __lt__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c < 0

    def __le__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c >= 0

    def __pow__(self, other):
        if not isinstance(other, int) or isinstance(other, bool):
            return NotImplemented
        if other < 0:
            return Decimal(1) / self.__pow__(-other)
        return Decimal._make(self._sign ** other, self._coeff ** other, self._exp * other)._fix()

    def __round__(self, n=None):
        if n is None:
            return int(self.quantize(Decimal(1)))
        return self.quantize(Decimal._make(1, 1, -n))

    def quantize(self, exp, rounding=None):
        target = exp._exp
        rounding = rounding or ROUND_HALF_EVEN
        if target >= self._exp:
            coeff = _round_int(self._coeff, target - self._exp, rounding)
        else:
            coeff = self._coeff * 10 ** (self._exp - target)
        return Decimal._make(self._sign, coeff, target)

    def normalize(self):
        coeff, exp = self._coeff, self._exp
        if coeff == 0:
            return Decimal._make(self._sign, 0, 0)
        while coeff % 10 == 0:
            coeff = coeff // 10
            exp += 1
        return Decimal._make(self._sign, coeff, exp)

    def is_zero(self):
        return self._coeff == 0

    def is_signed(self):
        return self._sign < 0
