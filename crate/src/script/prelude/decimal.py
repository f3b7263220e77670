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
        if spec.endswith("f"):
            places = int(spec[spec.index(".") + 1:-1]) if "." in spec else 6
            q = self.quantize(Decimal._make(1, 1, -places))
            text = str(q) if q._exp == -places or places == 0 else format(float(q), spec)
            if places == 0:
                text = str(q._int())
            return text
        return format(float(self), spec)

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
