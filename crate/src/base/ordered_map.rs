//! `OrderedMap`: the insertion-ordered hash map behind Python's dicts, sets, attributes and
//! scopes.
//!
//! Entries live in a `Vec` in insertion order (iteration, `popitem`); an open-addressing table
//! of entry positions (linear probing, backward-shift deletion, at most half full) finds them
//! by hash. A removal leaves a hole in the entries, dropped at the next compaction, so `del` is
//! O(1) as in Python (`indexmap`, used before, shifted every later entry on an order-keeping
//! removal, and compiled to more wasm for each map type).

use std::borrow::Borrow;
use std::hash::{BuildHasher, Hash};

use crate::base::hash::FastState;

/// An entry: its key's hash (kept so growing never rehashes keys), key and value.
#[derive(Clone)]
pub struct Bucket<K, V> {
    hash: u64,
    key: K,
    value: V,
}

/// An insertion-ordered hash map (removal keeps the order of the rest, as Python's dict does).
#[derive(Clone)]
pub struct OrderedMap<K, V> {
    /// Entries in insertion order; a removed one leaves a hole until the next compaction.
    entries: Vec<Option<Bucket<K, V>>>,
    /// Slot → entry position + 1 (0: empty). Its length is zero or a power of two.
    slots: Vec<u32>,
    /// How many entries are not holes.
    live: usize,
}

impl<K, V> Default for OrderedMap<K, V> {
    fn default() -> Self {
        OrderedMap {
            entries: Vec::new(),
            slots: Vec::new(),
            live: 0,
        }
    }
}

fn hash_of<Q: Hash + ?Sized>(key: &Q) -> u64 {
    FastState::default().hash_one(key)
}

impl<K, V> OrderedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty map with room for `n` entries.
    pub fn with_capacity(n: usize) -> Self {
        OrderedMap {
            entries: Vec::with_capacity(n),
            ..Self::default()
        }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// The entries in order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.entries.iter())
    }

    /// The entries in order, values mutable.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&K, &mut V)> {
        self.entries
            .iter_mut()
            .flatten()
            .map(|b| (&b.key, &mut b.value))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> {
        self.iter().map(|(k, _)| k)
    }

    /// The values in order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }

    /// The values in order, consuming the map.
    pub fn into_values(self) -> impl DoubleEndedIterator<Item = V> {
        self.entries.into_iter().flatten().map(|b| b.value)
    }

    /// Keeps only the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        for entry in &mut self.entries {
            if let Some(b) = entry
                && !keep(&b.key, &mut b.value)
            {
                *entry = None;
                self.live -= 1;
            }
        }
        if !self.slots.is_empty() {
            self.rebuild(self.slots.len());
        }
    }

    /// Removes and returns the last entry.
    pub fn pop(&mut self) -> Option<(K, V)> {
        let index = self.entries.iter().rposition(Option::is_some)?;
        self.remove_at(index)
    }

    /// Removes and returns the first entry.
    pub fn pop_first(&mut self) -> Option<(K, V)> {
        let index = self.entries.iter().position(Option::is_some)?;
        self.remove_at(index)
    }

    fn mask(&self) -> usize {
        self.slots.len().wrapping_sub(1)
    }

    fn hash_at(&self, index: usize) -> Option<u64> {
        self.entries.get(index)?.as_ref().map(|b| b.hash)
    }

    /// Removes the entry at `index`: empties its slot (backward-shift deletion keeps probe runs
    /// unbroken), leaves a hole, and compacts once holes outnumber entries.
    fn remove_at(&mut self, index: usize) -> Option<(K, V)> {
        let hash = self.hash_at(index)?;
        let mask = self.mask();
        let mut hole = hash as usize & mask;
        while *self.slots.get(hole)? as usize != index + 1 {
            hole = (hole + 1) & mask;
        }
        let mut next = (hole + 1) & mask;
        while let Some(&v) = self.slots.get(next) {
            if v == 0 {
                break;
            }
            let home = self
                .hash_at(v as usize - 1)
                .map_or(next, |h| h as usize & mask);
            // Move the entry back into the hole unless its home lies cyclically in (hole, next].
            if (next.wrapping_sub(home) & mask) >= (next.wrapping_sub(hole) & mask) {
                self.slots[hole] = v;
                hole = next;
            }
            next = (next + 1) & mask;
        }
        self.slots[hole] = 0;
        let removed = self.entries.get_mut(index)?.take()?;
        self.live -= 1;
        while matches!(self.entries.last(), Some(None)) {
            self.entries.pop();
        }
        let holes = self.entries.len() - self.live;
        if holes > 16 && holes > self.live {
            self.rebuild(self.slots.len());
        }
        Some((removed.key, removed.value))
    }

    /// Drops the holes and rebuilds a table of `size` slots (a power of two).
    fn rebuild(&mut self, size: usize) {
        self.entries.retain(Option::is_some);
        self.slots = vec![0; size];
        let mask = size - 1;
        for (i, b) in self.entries.iter().enumerate() {
            let Some(b) = b else { continue };
            let mut slot = b.hash as usize & mask;
            while self.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = i as u32 + 1;
        }
    }

    /// Makes room for one more entry (the table stays at most half full); true if rebuilt.
    fn reserve_one(&mut self) -> bool {
        if (self.entries.len() + 1) * 2 <= self.slots.len() {
            return false;
        }
        let size = if (self.live + 1) * 4 <= self.slots.len() {
            self.slots.len()
        } else {
            (self.slots.len() * 2).max(8)
        };
        self.rebuild(size);
        true
    }
}

impl<K: Hash + Eq, V> OrderedMap<K, V> {
    /// The slot and entry position of `key`, or the empty slot where it would go.
    fn find<Q>(&self, hash: u64, key: &Q) -> Result<(usize, usize), usize>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let mask = self.mask();
        let mut slot = hash as usize & mask;
        while let Some(&v) = self.slots.get(slot) {
            if v == 0 {
                return Err(slot);
            }
            let index = v as usize - 1;
            if let Some(Some(b)) = self.entries.get(index)
                && b.hash == hash
                && b.key.borrow() == key
            {
                return Ok((slot, index));
            }
            slot = (slot + 1) & mask;
        }
        Err(slot)
    }

    fn index_of<Q>(&self, key: &Q) -> Option<usize>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        if self.live == 0 {
            return None;
        }
        self.find(hash_of(key), key).ok().map(|(_, i)| i)
    }

    /// Whether `key` is present.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.index_of(key).is_some()
    }

    /// The value of `key`.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let i = self.index_of(key)?;
        self.entries.get(i)?.as_ref().map(|b| &b.value)
    }

    /// The value of `key`, mutable.
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let i = self.index_of(key)?;
        self.entries.get_mut(i)?.as_mut().map(|b| &mut b.value)
    }

    /// Sets `key` to `value`, keeping its position if present; returns the old value.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        self.insert_at(key, value).1
    }

    /// `insert`, also returning the entry's position in `entries`.
    fn insert_at(&mut self, key: K, value: V) -> (usize, Option<V>) {
        let hash = hash_of(&key);
        let mut slot = match self.find(hash, &key) {
            Ok((_, i)) => {
                let old = self.entries.get_mut(i).and_then(Option::as_mut);
                return (i, old.map(|b| std::mem::replace(&mut b.value, value)));
            }
            Err(slot) => slot,
        };
        if self.reserve_one() {
            slot = self.find(hash, &key).err().unwrap_or(slot);
        }
        let index = self.entries.len();
        if let Some(s) = self.slots.get_mut(slot) {
            *s = index as u32 + 1;
        }
        self.entries.push(Some(Bucket { hash, key, value }));
        self.live += 1;
        (index, None)
    }

    /// The value of `key`, inserting `value` first when it is absent (not a closure: one copy
    /// of this per map type rather than one per caller).
    pub fn get_or_insert(&mut self, key: K, value: V) -> &mut V {
        let index = match self.index_of(&key) {
            Some(i) => i,
            None => self.insert_at(key, value).0,
        };
        match self.entries.get_mut(index) {
            Some(Some(b)) => &mut b.value,
            _ => unreachable!("the entry was just found or inserted"),
        }
    }

    /// Removes `key`, keeping the order of the rest.
    pub fn shift_remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let index = self.index_of(key)?;
        self.remove_at(index).map(|(_, v)| v)
    }
}

impl<K: Hash + Eq, V> Extend<(K, V)> for OrderedMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, items: I) {
        for (k, v) in items {
            self.insert(k, v);
        }
    }
}

impl<K: Hash + Eq, V> FromIterator<(K, V)> for OrderedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut map = OrderedMap::new();
        map.extend(items);
        map
    }
}

impl<K, V> IntoIterator for OrderedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::iter::Map<
        std::iter::Flatten<std::vec::IntoIter<Option<Bucket<K, V>>>>,
        fn(Bucket<K, V>) -> (K, V),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter().flatten().map(|b| (b.key, b.value))
    }
}

/// The entries of an `OrderedMap` in order. Stepping over holes is one function per map type
/// rather than inlined into every loop, which keeps the wasm small.
pub struct Iter<'a, K, V>(std::slice::Iter<'a, Option<Bucket<K, V>>>);

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    #[inline(never)]
    fn next(&mut self) -> Option<(&'a K, &'a V)> {
        loop {
            if let Some(b) = self.0.next()? {
                return Some((&b.key, &b.value));
            }
        }
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    #[inline(never)]
    fn next_back(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(b) = self.0.next_back()? {
                return Some((&b.key, &b.value));
            }
        }
    }
}

impl<'a, K, V> IntoIterator for &'a OrderedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::OrderedMap;

    /// A tiny deterministic generator (xorshift) for the randomized comparison.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn matches_a_vector_model_under_random_operations() {
        let mut state = 0x2545_f491_4f6c_dd1d;
        let mut map: OrderedMap<u64, u64> = OrderedMap::new();
        let mut model: Vec<(u64, u64)> = Vec::new();
        for step in 0..60_000u64 {
            // Few distinct keys so that removals, replacements and probe collisions all happen.
            let key = next(&mut state) % 300;
            match next(&mut state) % 5 {
                0 | 1 => {
                    let old = map.insert(key, step);
                    let pos = model.iter().position(|(k, _)| *k == key);
                    assert_eq!(old, pos.map(|p| model[p].1));
                    match pos {
                        Some(p) => model[p].1 = step,
                        None => model.push((key, step)),
                    }
                }
                2 => {
                    let removed = map.shift_remove(&key);
                    let pos = model.iter().position(|(k, _)| *k == key);
                    assert_eq!(removed, pos.map(|p| model.remove(p).1));
                }
                3 => {
                    let pos = model.iter().position(|(k, _)| *k == key);
                    assert_eq!(map.get(&key), pos.map(|p| &model[p].1));
                }
                _ => {
                    if step % 7 == 0 {
                        assert_eq!(map.pop(), model.pop());
                    } else if step % 11 == 0 && !model.is_empty() {
                        assert_eq!(map.pop_first(), Some(model.remove(0)));
                    }
                }
            }
            assert_eq!(map.len(), model.len());
        }
        let items: Vec<(u64, u64)> = map.iter().map(|(k, v)| (*k, *v)).collect();
        assert_eq!(items, model);
    }

    #[test]
    fn borrowed_lookups_and_order() {
        let mut map: OrderedMap<String, i32> = OrderedMap::new();
        for (i, name) in ["b", "a", "c"].iter().enumerate() {
            map.insert((*name).to_string(), i as i32);
        }
        assert_eq!(map.get("a"), Some(&1));
        *map.get_or_insert("d".to_string(), 9) += 1;
        assert_eq!(map.shift_remove("b"), Some(0));
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(keys, ["a", "c", "d"]);
        assert_eq!(map.get("d"), Some(&10));
        assert!(!map.contains_key("b"));
        map.retain(|k, _| k != "c");
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(keys, ["a", "d"]);
        assert_eq!(map.get("d"), Some(&10));
    }
}
