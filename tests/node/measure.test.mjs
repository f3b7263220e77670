// web/measure.js: warm-up, interleaving, the repetition count and budget, and the ranking, on a
// fake clock and fake runs (the logic, not the speed: speed targets live in `npm run bench`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, measure, measureOptions, rank, summarize } from '../../web/measure.js';

/**
 * A fake engine: each run of `name` takes `costs[name]` ms of the fake clock and reports it; with
 * `warming`, the k-th call of a strategy costs `warming[k]` times that (an engine tiering up).
 */
function fakeEngine(costs, { failing = [], warming = [] } = {}) {
  const clock = { t: 0 };
  const calls = [];
  const seen = {};
  const run = (item, { warmup }) => {
    calls.push(`${warmup ? 'w:' : ''}${item}`);
    seen[item] = (seen[item] ?? 0) + 1;
    const ms = costs[item] * (warming[seen[item] - 1] ?? 1);
    clock.t += ms + 1; // the untimed setup costs 1 ms of wall time
    if (failing.includes(item)) return { error: { type: 'ZeroDivisionError' }, timing: null };
    return { error: null, timing: { total_ms: ms, sqlite_ms: ms / 4, python_ms: (3 * ms) / 4 } };
  };
  return { run, calls, now: () => clock.t };
}

test('summarize gives the median with min–max (even counts average the middle two)', () => {
  assert.deepEqual(summarize([3, 1, 2]), { median: 2, min: 1, max: 3, n: 3 });
  assert.deepEqual(summarize([4, 1, 3, 2]), { median: 2.5, min: 1, max: 4, n: 4 });
  assert.equal(summarize([]), null);
  assert.deepEqual(summarize([Number.NaN, 5]), { median: 5, min: 5, max: 5, n: 1 });
});

test('warm-up passes of every strategy first, then repetitions interleaved A B C A B C', () => {
  const e = fakeEngine({ A: 1, B: 2, C: 3 });
  const out = measure(['A', 'B', 'C'], e.run, { warmup: 1, repetitions: 3, budgetMs: 0 }, { now: e.now });
  // A steady engine: the second pass is no faster than the first, so the warm-up ends there.
  const pass = ['w:A', 'w:B', 'w:C'];
  const round = ['A', 'B', 'C'];
  assert.deepEqual(e.calls, [...pass, ...pass, ...round, ...round, ...round]);
  assert.equal(out.repetitions, 3);
  assert.equal(out.warmup, 2);
  assert.deepEqual(
    out.results.map((r) => r.samples.length),
    [3, 3, 3],
  );
  assert.deepEqual(out.results[1].samples[0], { total_ms: 2, sqlite_ms: 0.5, python_ms: 1.5, wall_ms: 3 });
});

test('the warm-up goes on while each pass is clearly faster than the one before', () => {
  // Passes at 8×, 4×, 2×, 1.1× and 1× the steady cost: the warm-up stops after the pass that
  // was no longer 20% faster than the one before it.
  const e = fakeEngine({ A: 10, B: 10 }, { warming: [8, 4, 2, 1.1, 1, 1] });
  const out = measure(['A', 'B'], e.run, { warmup: 1, repetitions: 3, budgetMs: 1e6 }, { now: e.now });
  assert.equal(out.warmup, 5);
  assert.deepEqual(
    out.results[0].samples.slice(0, 3).map((x) => x.total_ms),
    [10, 10, 10],
  );
  // …but never past half the budget.
  const short = fakeEngine({ A: 10, B: 10 }, { warming: [8, 4, 2, 1.1, 1, 1] });
  assert.equal(measure(['A', 'B'], short.run, { budgetMs: 400 }, { now: short.now }).warmup, 2);
  // warmup: 0 is no warm-up at all.
  const none = fakeEngine({ A: 10 }, { warming: [8, 4] });
  assert.equal(measure(['A'], none.run, { warmup: 0, budgetMs: 0 }, { now: none.now }).warmup, 0);
});

test('repetitions continue while the next round fits the budget, and stop at the maximum', () => {
  // A round costs 1 + 1 + 2 + 1 = 5 ms of wall time; the warm-up is two rounds.
  const e = fakeEngine({ A: 1, B: 2 });
  const out = measure(['A', 'B'], e.run, { warmup: 1, repetitions: 3, budgetMs: 50 }, { now: e.now });
  // 10 ms of warm-up, then rounds while elapsed + 5 ≤ 50: 8 rounds end at 50 ms.
  assert.equal(out.repetitions, 8);
  assert.ok(out.elapsedMs <= 50, String(out.elapsedMs));
  const capped = fakeEngine({ A: 1, B: 2 });
  const many = measure(
    ['A', 'B'],
    capped.run,
    { warmup: 0, repetitions: 3, budgetMs: 1e9, maxRepetitions: 7 },
    { now: capped.now },
  );
  assert.equal(many.repetitions, 7);
});

test('at least the minimum number of repetitions even when one round is over the budget', () => {
  const e = fakeEngine({ A: 400, B: 900 });
  const out = measure(['A', 'B'], e.run, { budgetMs: 2000 }, { now: e.now });
  assert.equal(out.repetitions, DEFAULTS.repetitions);
  // The first pass already used over half the budget: no second one.
  assert.equal(out.warmup, DEFAULTS.warmup);
});

test('a failing strategy is not repeated; the others are', () => {
  const e = fakeEngine({ A: 1, B: 2 }, { failing: ['B'] });
  const out = measure(['A', 'B'], e.run, { warmup: 1, repetitions: 3, budgetMs: 0 }, { now: e.now });
  // (Without B the second pass is shorter, which reads as still warming: one more pass of A.)
  assert.deepEqual(e.calls, ['w:A', 'w:B', 'w:A', 'w:A', 'A', 'A', 'A']);
  assert.equal(out.results[1].report.error.type, 'ZeroDivisionError');
  assert.deepEqual(out.results[1].samples, []);
});

test('options: defaults, and nonsense replaced by them', () => {
  assert.deepEqual(measureOptions(), { warmup: 1, repetitions: 3, budgetMs: 2000, maxRepetitions: 50, maxWarmup: 8 });
  assert.deepEqual(measureOptions({ warmup: 0, repetitions: 5, budgetMs: 0 }), {
    warmup: 0,
    repetitions: 5,
    budgetMs: 0,
    maxRepetitions: 50,
    maxWarmup: 8,
  });
  assert.deepEqual(measureOptions({ warmup: -1, repetitions: 'x', budgetMs: 'y' }), measureOptions());
  // The maximum never undercuts the minimum.
  assert.equal(measureOptions({ repetitions: 80 }).maxRepetitions, 80);
});

test('rank: medians with min–max, vs fastest from medians with the per-repetition range', () => {
  const sample = (total) => ({ total_ms: total, sqlite_ms: total / 2, python_ms: total / 2, wall_ms: total });
  const ok = (totals) => ({ report: { error: null, timing: { statements: 1 } }, samples: totals.map(sample) });
  const ranked = rank([ok([10, 30, 20]), ok([1, 2, 4]), { report: { error: { type: 'NameError' } }, samples: [] }]);
  assert.deepEqual(ranked[0].time, { median: 20, min: 10, max: 30, n: 3 });
  assert.deepEqual(ranked[0].sqlite, { median: 10, min: 5, max: 15, n: 3 });
  assert.equal(ranked[0].ratio, 10);
  // Per repetition: 10/1, 30/2, 20/4.
  assert.deepEqual(ranked[0].ratioRange, { min: 5, max: 15 });
  assert.equal(ranked[1].ratio, 1);
  assert.equal(ranked[1].fastest, true);
  assert.equal(ranked[0].fastest, false);
  assert.equal(ranked[2].ratio, null);
  assert.equal(ranked[2].time, null);
  // A cost per strategy (the page's simulated network time per statement).
  const withCost = rank([ok([10]), ok([1])], { cost: (s) => s.total_ms + 9 });
  assert.deepEqual(
    withCost.map((r) => r.ratio),
    [1.9, 1],
  );
});
