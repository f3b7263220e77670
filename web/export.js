// "Export as script": a workspace strategy as a Python file that runs with real SQLAlchemy,
// so a reader can repeat the lesson locally and compare the numbers.

/** A Python identifier-safe, file-name-safe form of a strategy name. */
export function slug(name) {
  return (
    String(name)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'strategy'
  );
}

/** The script: setup (reading N), then the strategy timed as the page times it. */
export function exportScript({ setup, strategy, name, n }) {
  const label = JSON.stringify(String(name));
  return [
    `# Exported from SessionLab: the setup and the ${label} strategy, runnable with real`,
    '# SQLAlchemy (pip install "sqlalchemy>=2.0"). N is the row count the setup reads; the',
    '# strategy is timed alone, as in the page.',
    'import time',
    '',
    `N = ${Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 1000}`,
    '',
    '# --- setup ---',
    setup.trimEnd(),
    '',
    '# --- strategy ---',
    '_started = time.perf_counter()',
    strategy.trimEnd(),
    `print(${label} + ": %.1f ms" % ((time.perf_counter() - _started) * 1000))`,
    '',
  ].join('\n');
}
