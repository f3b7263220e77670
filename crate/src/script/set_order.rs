//! The order a set of ints iterates in, as CPython's hash table gives it: ints hash to
//! themselves, so `{3, 1, 2}` prints `{1, 2, 3}`. The table is rebuilt from the insertion
//! order (exact for sets only added to; CPython's order after removals also depends on where
//! deleted entries sat). Sets holding anything else keep insertion order (their CPython order
//! follows per-process string hashing or addresses, which no script can rely on).

use super::value::{Dict, HashKey, Value};

/// CPython's `PySet_MINSIZE`, `LINEAR_PROBES` and `PERTURB_SHIFT`.
const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// The elements of a set in the order CPython iterates them.
pub fn elements(d: &Dict) -> Vec<Value> {
    let mut hashes = Vec::with_capacity(d.len());
    for k in d.keys() {
        match k {
            HashKey::Int(i) => hashes.push(int_hash(*i)),
            _ => return d.values().map(|(k, _)| k.clone()).collect(),
        }
    }
    let items: Vec<&Value> = d.values().map(|(k, _)| k).collect();
    let mut table = Table::new();
    for (index, hash) in hashes.into_iter().enumerate() {
        table.add(hash, index);
    }
    table
        .slots
        .iter()
        .flatten()
        .map(|&(_, index)| items[index].clone())
        .collect()
}

/// `hash(i)` for an int: `i` modulo the Mersenne prime 2**61 - 1 with the sign kept, and -1
/// (CPython's error value) as -2; as the unsigned word the table indexes with.
fn int_hash(i: i64) -> u64 {
    const MODULUS: i64 = (1 << 61) - 1;
    let h = if i < 0 {
        -((i.unsigned_abs() % MODULUS as u64) as i64)
    } else {
        i % MODULUS
    };
    (if h == -1 { -2 } else { h }) as u64
}

/// A table of (hash, insertion index) slots, grown as `set_add_entry` grows it.
struct Table {
    slots: Vec<Option<(u64, usize)>>,
    used: usize,
}

impl Table {
    fn new() -> Table {
        Table {
            slots: vec![None; MIN_SIZE],
            used: 0,
        }
    }

    fn add(&mut self, hash: u64, index: usize) {
        insert_clean(&mut self.slots, hash, index);
        self.used += 1;
        // Without deletions `fill == used`.
        let mask = self.slots.len() - 1;
        if self.used * 5 >= mask * 3 {
            let minused = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            let mut size = MIN_SIZE;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut self.slots, vec![None; size]);
            for (h, i) in old.into_iter().flatten() {
                insert_clean(&mut self.slots, h, i);
            }
        }
    }
}

/// CPython's probe sequence: a run of linear probes, then the perturbed jump.
fn insert_clean(slots: &mut [Option<(u64, usize)>], hash: u64, index: usize) {
    let mask = slots.len() - 1;
    let mut perturb = hash;
    let mut i = (hash as usize) & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for j in 0..=probes {
            if slots[i + j].is_none() {
                slots[i + j] = Some((hash, index));
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}
