//! The crate's one sort: stable, asking only "is a < b?" as Python's does, over indices with a
//! `dyn` comparison. The standard library's sorts are compiled once per element type and
//! comparison (about 13 functions each, 46 KB in the shipped wasm); this is compiled once.

/// Elements per chunk sorted by insertion before merging.
const CHUNK: usize = 16;

/// The stable sorted order of `0..n` under `less` (an element moves before an earlier one only
/// when it is strictly less). Already-ordered neighbours cost one comparison.
pub fn sorted_indices(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut buffer = vec![0; n];
    sort_range(&mut order, &mut buffer, less);
    order
}

/// Top-down merge sort: each half is finished before the merge, so small ranges are sorted
/// while their values are still in the cache (a bottom-up pass over 100,000 tuples is not).
fn sort_range(
    order: &mut [usize],
    buffer: &mut [usize],
    less: &mut dyn FnMut(usize, usize) -> bool,
) {
    let n = order.len();
    if n <= CHUNK {
        insertion_sort(order, less);
        return;
    }
    let mid = n / 2;
    sort_range(&mut order[..mid], &mut buffer[..mid], less);
    sort_range(&mut order[mid..], &mut buffer[mid..], less);
    if !less(order[mid], order[mid - 1]) {
        return;
    }
    buffer.copy_from_slice(order);
    let (left, right) = buffer.split_at(mid);
    let (mut i, mut j) = (0, 0);
    for slot in order.iter_mut() {
        // Take from the right run only when strictly less: stability.
        let take_right = i == left.len() || (j < right.len() && less(right[j], left[i]));
        if take_right {
            *slot = right[j];
            j += 1;
        } else {
            *slot = left[i];
            i += 1;
        }
    }
}

fn insertion_sort(chunk: &mut [usize], less: &mut dyn FnMut(usize, usize) -> bool) {
    for i in 1..chunk.len() {
        let x = chunk[i];
        if !less(x, chunk[i - 1]) {
            continue;
        }
        // Binary search for the first element x is less than: x goes before it.
        let (mut lo, mut hi) = (0, i - 1);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if less(x, chunk[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        chunk.copy_within(lo..i, lo + 1);
        chunk[lo] = x;
    }
}

/// Sorts `items` stably by `less`.
pub fn sort_by<T>(items: &mut Vec<T>, mut less: impl FnMut(&T, &T) -> bool) {
    let order = sorted_indices(items.len(), &mut |a, b| less(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::{sort_by, sorted_indices};

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for n in [0, 1, 2, 15, 16, 17, 31, 33, 100, 1000, 4097] {
            for modulus in [3, 50, 1_000_000] {
                let keys: Vec<u64> = (0..n)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        seed % modulus
                    })
                    .collect();
                let mut expected: Vec<usize> = (0..n).collect();
                expected.sort_by_key(|&i| keys[i]);
                assert_eq!(sorted_indices(n, &mut |a, b| keys[a] < keys[b]), expected);
                let mut ascending = expected.clone();
                sort_by(&mut ascending, |a, b| keys[*a] < keys[*b]);
                assert_eq!(ascending, expected, "sorting sorted input");
                let mut descending: Vec<usize> = (0..n).rev().collect();
                sort_by(&mut descending, |a, b| a < b);
                assert_eq!(descending, (0..n).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn sorted_input_costs_one_comparison_per_element() {
        let mut count = 0;
        sorted_indices(1000, &mut |a, b| {
            count += 1;
            a < b
        });
        assert!(count < 1100, "{count} comparisons");
    }
}
