//! A small unsigned big integer: only what exact float parsing and formatting need
//! (`float_text`), so the wasm carries neither the standard library's float-parsing tables nor
//! its exact-precision formatter.

use std::cmp::Ordering;

/// An unsigned integer of any size: 32-bit limbs, least significant first, no zero top limb.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Big(Vec<u32>);

/// The largest power of ten in a limb, and its exponent.
const TEN9: u32 = 1_000_000_000;
/// 5^13, the largest power of five in a limb.
const FIVE13: u32 = 1_220_703_125;

impl Big {
    /// The number `n`.
    pub fn from_u64(n: u64) -> Big {
        let mut b = Big(vec![n as u32, (n >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// Whether the number is zero.
    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// How many bits the number needs (0 for zero).
    pub fn bits(&self) -> u32 {
        match self.0.last() {
            Some(top) => self.0.len() as u32 * 32 - top.leading_zeros(),
            None => 0,
        }
    }

    /// `self = self * m + add`.
    pub fn mul_add_small(&mut self, m: u32, add: u32) {
        let mut carry = add as u64;
        for limb in &mut self.0 {
            let v = *limb as u64 * m as u64 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self *= 5^e`.
    pub fn mul_pow5(&mut self, mut e: u32) {
        while e >= 13 {
            self.mul_add_small(FIVE13, 0);
            e -= 13;
        }
        if e > 0 {
            self.mul_add_small(5u32.pow(e), 0);
        }
    }

    /// `self *= 10^e`.
    pub fn mul_pow10(&mut self, e: u32) {
        self.mul_pow5(e);
        self.shl(e);
    }

    /// `self <<= n`.
    pub fn shl(&mut self, n: u32) {
        if self.is_zero() {
            return;
        }
        let (limbs, bits) = ((n / 32) as usize, n % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = *limb;
                *limb = (v << bits) | carry;
                carry = v >> (32 - bits);
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    /// `self >>= 1`.
    pub fn shr1(&mut self) {
        let mut carry = 0u32;
        for limb in self.0.iter_mut().rev() {
            let v = *limb;
            *limb = (v >> 1) | (carry << 31);
            carry = v & 1;
        }
        self.trim();
    }

    /// `self -= other`; `other` must not be larger.
    pub fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = *limb as i64 - other.0.get(i).copied().unwrap_or(0) as i64 - borrow;
            borrow = i64::from(v < 0);
            *limb = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }

    /// The top 64 bits (or all of a smaller number), how far they were shifted down, and
    /// whether any of the bits shifted out were set.
    pub fn top64(&self) -> (u64, u32, bool) {
        let bits = self.bits();
        let shift = bits.saturating_sub(64);
        let mut top = 0u64;
        for i in (shift..bits).rev() {
            top = (top << 1) | u64::from(self.bit(i));
        }
        let sticky = (0..shift).any(|i| self.bit(i));
        (top, shift, sticky)
    }

    fn bit(&self, i: u32) -> bool {
        self.0
            .get((i / 32) as usize)
            .is_some_and(|limb| limb >> (i % 32) & 1 == 1)
    }

    /// `self / divisor` when the quotient fits 64 bits, leaving the remainder in `self`.
    pub fn div_rem(&mut self, divisor: &Big) -> u64 {
        if self.bits() < divisor.bits() {
            return 0;
        }
        let steps = self.bits() - divisor.bits();
        let mut d = divisor.clone();
        d.shl(steps);
        let mut q = 0u64;
        for _ in 0..=steps {
            q <<= 1;
            if *self >= d {
                self.sub(&d);
                q |= 1;
            }
            d.shr1();
        }
        q
    }

    /// The number in decimal.
    pub fn to_decimal(&self) -> String {
        let mut n = self.clone();
        let mut chunks = Vec::new();
        while !n.is_zero() {
            let mut rem = 0u64;
            for limb in n.0.iter_mut().rev() {
                let v = (rem << 32) | *limb as u64;
                *limb = (v / TEN9 as u64) as u32;
                rem = v % TEN9 as u64;
            }
            n.trim();
            chunks.push(rem as u32);
        }
        let mut out = chunks.pop().map_or("0".to_string(), |c| c.to_string());
        for c in chunks.iter().rev() {
            out.push_str(&format!("{c:09}"));
        }
        out
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::Big;

    fn big(n: u128) -> Big {
        let mut out = Big::default();
        for d in n.to_string().bytes() {
            out.mul_add_small(10, (d - b'0') as u32);
        }
        out
    }

    #[test]
    fn arithmetic_matches_u128() {
        let cases: [u128; 6] = [
            0,
            1,
            9,
            1 << 40,
            u64::MAX as u128 * 977,
            12345678901234567890123,
        ];
        for &a in &cases {
            assert_eq!(big(a).to_decimal(), a.to_string());
            assert_eq!(big(a).bits(), 128 - a.leading_zeros());
            let mut s = big(a);
            s.shl(7);
            assert_eq!(s, big(a << 7));
            let mut f = big(a);
            f.mul_pow10(5);
            assert_eq!(f, big(a * 100_000));
            for &b in &cases {
                if b == 0 || a / b > u64::MAX as u128 {
                    continue;
                }
                let mut r = big(a);
                let q = r.div_rem(&big(b));
                assert_eq!((q as u128, r.clone()), (a / b, big(a % b)), "{a} / {b}");
                assert_eq!(big(a).cmp(&big(b)), a.cmp(&b));
                if a >= b {
                    let mut d = big(a);
                    d.sub(&big(b));
                    assert_eq!(d, big(a - b));
                }
            }
        }
    }

    #[test]
    fn top_bits_and_sticky() {
        let mut n = Big::from_u64(0b1011);
        n.shl(100);
        assert_eq!(n.top64(), (0b1011 << 60, 40, false));
        n.mul_add_small(1, 1);
        assert_eq!(n.top64(), (0b1011 << 60, 40, true));
        assert_eq!(Big::from_u64(5).top64(), (5, 0, false));
    }
}
