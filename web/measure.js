// Timings a reader can trust: strategies measured as a benchmark tool measures them. Shared by
// the worker (the page's Compare all, Sweep and "measure"), the JS API (web/lab.js) and the views.
//
// A single sample of a sub-millisecond statement taken while the wasm still runs in its baseline
// tier can be off by 10–50×, so a measurement is: untimed warm-up passes of every strategy (at
// least `warmup`, and more while a pass is still clearly faster than the one before: in a fresh
// page the engine's hot functions reach V8's optimising tier over the first 2–4 passes), then
// repetitions interleaved A B C A B C … (each repetition re-runs the untimed setup, so each starts
// from identical data and session state), at least `repetitions` of them and more while the whole
// measurement stays within `budgetMs`; the result is the median with min–max of each part.

/** The page's defaults: one warm-up pass, at least 3 repetitions, about 2 s in all. */
export const DEFAULTS = Object.freeze({ warmup: 1, repetitions: 3, budgetMs: 2000, maxRepetitions: 50, maxWarmup: 8 });

/** A warm-up pass this much faster than the one before means the engine is still warming up. */
const STILL_WARMING = 0.8;

/**
 * Warm-up passes run at most at this N: by then every hot function of the engine has reached the
 * optimising tier, and at a larger N the first repetitions are long enough to need no more.
 */
export const WARMUP_MAX_N = 10_000;

/** Median, min and max of the finite numbers in `values` (null when there are none). */
export function summarize(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v.at(-1), n: v.length };
}

/** Non-negative whole number, or the fallback. */
function count(value, fallback) {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The measurement options with the defaults filled in (and nonsense replaced by them). */
export function measureOptions({ warmup, repetitions, budgetMs, maxRepetitions, maxWarmup } = {}) {
  const min = Math.max(1, count(repetitions, DEFAULTS.repetitions));
  const passes = count(warmup, DEFAULTS.warmup);
  return {
    warmup: passes,
    repetitions: min,
    budgetMs: Math.max(0, Number.isFinite(Number(budgetMs)) ? Number(budgetMs) : DEFAULTS.budgetMs),
    maxRepetitions: Math.max(min, count(maxRepetitions, DEFAULTS.maxRepetitions)),
    maxWarmup: Math.max(passes, count(maxWarmup, DEFAULTS.maxWarmup)),
  };
}

/**
 * Measures `items` with `run(item, {warmup})`, which returns a run report (`timing`, `error`).
 * Warm-up: at least `warmup` passes; with `warmup` ≥ 1 at least two and more (up to `maxWarmup`)
 * while a pass took under STILL_WARMING of the one before, as long as the warm-up has used less
 * than half the budget (1 s with a budget of 0, which asks for exactly `repetitions`). A
 * strategy whose report has an error is not repeated (its error would only repeat).
 * `onRound({round, elapsedMs})` is called after each timed round. Returns
 * `{repetitions, warmup, elapsedMs, results: [{item, report, samples}]}` (`warmup`: the passes
 * made): `report` is the last
 * repetition's, `samples` one `{total_ms, sqlite_ms, python_ms, wall_ms}` per repetition.
 */
export function measure(items, run, options = {}, { now = () => performance.now(), onRound = () => {} } = {}) {
  const { warmup, repetitions, budgetMs, maxRepetitions, maxWarmup } = measureOptions(options);
  const started = now();
  const results = items.map((item) => ({ item, report: null, samples: [] }));
  const live = () => results.some((r) => !r.report?.error);
  const warmupBudget = budgetMs > 0 ? budgetMs / 2 : 1000;
  const passTimes = [];
  const warming = () => {
    if (passTimes.length < warmup) return true;
    if (warmup === 0 || passTimes.length >= maxWarmup || now() - started >= warmupBudget) return false;
    // Judged from two passes on: another one while the last was clearly faster than the one before.
    return passTimes.length < 2 || passTimes.at(-1) < STILL_WARMING * passTimes.at(-2);
  };
  while (live() && warming()) {
    const t0 = now();
    for (const r of results) {
      if (r.report?.error) continue;
      r.report = run(r.item, { warmup: true });
    }
    passTimes.push(now() - t0);
  }
  let rounds = 0;
  let lastRound = 0;
  while (live() && rounds < maxRepetitions) {
    const elapsed = now() - started;
    // At least the minimum; beyond it, another round only if it should end within the budget.
    if (rounds >= repetitions && elapsed + lastRound > budgetMs) break;
    const roundStart = now();
    for (const r of results) {
      if (r.report?.error) continue;
      const t0 = now();
      const report = run(r.item, { warmup: false });
      const wall = now() - t0;
      r.report = report;
      if (report.error || !report.timing) continue;
      const { total_ms, sqlite_ms, python_ms } = report.timing;
      r.samples.push({ total_ms, sqlite_ms, python_ms, wall_ms: wall });
    }
    rounds += 1;
    lastRound = now() - roundStart;
    onRound({ round: rounds, elapsedMs: now() - started });
  }
  return { repetitions: rounds, warmup: passTimes.length, elapsedMs: now() - started, results };
}

/**
 * Ranks measured strategies: per strategy the median (min–max) of `cost(sample, result)`
 * (default the total), of the SQLite and of the Python part, and "vs fastest" as the ratio of
 * medians with the range of the per-repetition ratios (repetition k of a strategy over repetition
 * k of the fastest: interleaving makes them neighbours in time). Failed strategies get nulls.
 */
export function rank(results, { cost = (s) => s.total_ms } = {}) {
  const summarized = results.map((r) => {
    const costs = r.samples.map((s) => cost(s, r));
    return {
      ...r,
      costs,
      time: summarize(costs),
      sqlite: summarize(r.samples.map((s) => s.sqlite_ms)),
      python: summarize(r.samples.map((s) => s.python_ms)),
    };
  });
  let fastest = null;
  for (const r of summarized) {
    if (r.time && !r.report?.error && (!fastest || r.time.median < fastest.time.median)) fastest = r;
  }
  return summarized.map(({ costs, ...r }, i) => {
    if (!fastest || !r.time || r.report?.error) return { ...r, ratio: null, ratioRange: null, fastest: false };
    const per = costs.slice(0, fastest.costs.length).map((c, i) => c / fastest.costs[i]);
    const range = summarize(per);
    const ratio = r.time.median / fastest.time.median;
    return {
      ...r,
      // A fastest median of 0 (below the clock's resolution) has no ratio.
      ratio: Number.isFinite(ratio) ? ratio : null,
      ratioRange: range ? { min: range.min, max: range.max } : null,
      fastest: summarized[i] === fastest,
    };
  });
}
