// The row-count sweep: each strategy's time at several N, drawn as lines on log–log axes so
// the reader sees how each strategy's cost grows (row by row grows with N; one UPDATE barely).

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c);
  return node;
}

function text(x, y, content, attrs = {}) {
  const t = svg('text', { x, y, ...attrs });
  t.textContent = content;
  return t;
}

/** Powers of ten covering [lo, hi]. */
function decades(lo, hi) {
  const out = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

const label = (v) => (v >= 1000 ? `${v / 1000}k` : String(v));
const ms = (v) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`);

/**
 * A line chart of `series` ([{name, points: [{n, ms, min, max}]}]) over `ns`: the median `ms`
 * per N as a line, with a band from `min` to `max` when given; failed points are left out.
 * Returns an <svg> with a title and description for screen readers.
 */
export function sweepChart(series, ns) {
  const W = 640;
  const H = 320;
  const M = { left: 64, right: 160, top: 16, bottom: 40 };
  const values = series
    .flatMap((s) => s.points.flatMap((p) => [p.ms, p.min ?? p.ms, p.max ?? p.ms]))
    .filter((v) => v > 0);
  const yTicks = decades(Math.min(...values, 1), Math.max(...values, 1));
  const [y0, y1] = [Math.log10(yTicks[0]), Math.log10(yTicks.at(-1))];
  const [x0, x1] = [Math.log10(ns[0]), Math.log10(ns.at(-1))];
  const px = (n) => M.left + ((Math.log10(n) - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const py = (v) => H - M.bottom - ((Math.log10(v) - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'sweep',
    role: 'img',
    'aria-labelledby': 'sweep-title',
  });
  const title = svg('title', { id: 'sweep-title' });
  title.textContent = `Time of each strategy as N grows (${ns.map(label).join(', ')} rows), log scales`;
  chart.append(title);
  for (const t of yTicks) {
    chart.append(
      svg('line', { x1: M.left, x2: W - M.right, y1: py(t), y2: py(t), class: 'grid' }),
      text(M.left - 6, py(t) + 4, ms(t), { 'text-anchor': 'end', class: 'axis' }),
    );
  }
  for (const n of ns) {
    chart.append(text(px(n), H - M.bottom + 18, label(n), { 'text-anchor': 'middle', class: 'axis' }));
  }
  chart.append(text((M.left + W - M.right) / 2, H - 6, 'N (rows)', { 'text-anchor': 'middle', class: 'axis' }));
  series.forEach((s, i) => {
    const pts = s.points.filter((p) => p.ms > 0);
    const cls = `series series-${i % 6}`;
    const banded = pts.filter((p) => p.min > 0 && p.max > 0);
    if (banded.length > 1) {
      const edge = [
        ...banded.map((p) => `${px(p.n)},${py(p.max)}`),
        ...banded.toReversed().map((p) => `${px(p.n)},${py(p.min)}`),
      ];
      chart.append(svg('polygon', { points: edge.join(' '), class: `band series-${i % 6}` }));
    }
    if (pts.length > 1) {
      chart.append(svg('polyline', { points: pts.map((p) => `${px(p.n)},${py(p.ms)}`).join(' '), class: cls }));
    }
    for (const p of pts) chart.append(svg('circle', { cx: px(p.n), cy: py(p.ms), r: 3.5, class: cls }));
    const ly = M.top + 8 + i * 20;
    chart.append(
      svg('line', { x1: W - M.right + 12, x2: W - M.right + 32, y1: ly, y2: ly, class: cls }),
      text(W - M.right + 38, ly + 4, s.name, { class: 'legend' }),
    );
  });
  return chart;
}
