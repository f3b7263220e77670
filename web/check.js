// The playground's second engine: "Check against SQLAlchemy" (the current tab in both engines,
// then "identical to SQLAlchemy 2.1.9" or the first difference side by side) and "Run with real
// SQLAlchemy" in the error box when our engine stops at something it does not implement.
// Pyodide (web/pyodide-worker.js) is started on the first click only; a progress bar shows its
// bytes and seconds while it loads. Pyodide's timings are labelled and never put beside ours.
import { el, formatMs } from './render.js';
import { SqlalchemyClient, sqlalchemyManifest } from './sqlalchemy-client.js';
import { NOT_COMPARED, firstDifference, needsRealEngine } from './verify.js';

const mib = (n) => `${(n / 1048576).toFixed(1)} MiB`;

/**
 * Adds the actions to the page.
 * @param {{request: () => ({type: string, args: object} | null), runOurs: () => Promise<object>,
 *   render: (report: object) => void, reportHooks: Function[], isBusy: () => boolean,
 *   setBusy: (busy: boolean) => void, engine: () => string, setEngine: (e: string) => void}} page
 *   `request`: the run request of the current tab (null in raw-SQL mode); `runOurs`: runs it in
 *   SessionLab's engine; `render`: shows a run report in the results pane; `reportHooks`: called
 *   with every report the page renders; `engine`/`setEngine`: the workspace's chosen engine
 *   ('fast' or 'sqlalchemy', kept in its share link).
 */
export async function installSqlalchemyCheck(page) {
  const manifest = await sqlalchemyManifest();
  if (!manifest) return null;
  const $ = (id) => document.getElementById(id);
  const status = $('status');
  const progress = $('progress');
  const results = $('results');
  const summary = $('summary');
  const label = `SQLAlchemy ${manifest.sqlalchemy}`;
  const button = el('button', {
    text: 'Check against SQLAlchemy',
    attrs: {
      id: 'check',
      type: 'button',
      title: `Run this tab in SessionLab and in real ${label} (Pyodide, loaded on first use: ${mib(manifest.files.reduce((n, f) => n + f.bytes, 0))}) and compare`,
    },
  });
  $('run').before(button);
  const syncMode = () => {
    button.hidden = document.body.dataset.mode === 'sql';
  };
  new MutationObserver(syncMode).observe(document.body, { attributes: true, attributeFilter: ['data-mode'] });
  syncMode();

  let client = null;
  let loadedIn = null;
  let running = false;
  const cancel = $('cancel');
  cancel.addEventListener('click', () => {
    if (client && running) client.restart();
  });
  /** The Pyodide engine, started on first use with the progress bar showing. */
  async function engine() {
    if (!client) {
      const started = performance.now();
      progress.max = 1;
      progress.value = 0;
      client = new SqlalchemyClient({
        // Cancel stops a runaway script by terminating this worker (a fresh one loads later).
        onWorking: (state) => {
          running = state === 'start';
          cancel.hidden = !running;
        },
        onProgress: ({ loaded, total }) => {
          progress.max = total;
          progress.value = Math.min(loaded, total);
          const seconds = (performance.now() - started) / 1000;
          status.textContent = `Loading real ${label} (Pyodide): ${mib(loaded)} of ${mib(total)}, ${seconds.toFixed(1)} s…`;
        },
      });
      client.ready.then(
        () => {
          loadedIn = (performance.now() - started) / 1000;
          document.body.dataset.sqlalchemy = 'ready';
        },
        () => {
          client = null;
        },
      );
    }
    progress.hidden = false;
    const version = await client.ready;
    progress.removeAttribute('value');
    return version;
  }

  /** Runs the current tab with real SQLAlchemy; the report is marked with the engine. */
  async function runTheirs(request) {
    const version = await engine();
    status.textContent = `Running with real ${label}…`;
    const report = await client.call(request.type, request.args);
    report.engine_version = version;
    return report;
  }

  function engineNote(report) {
    const loaded = loadedIn === null ? '' : ` Pyodide loaded in ${loadedIn.toFixed(1)} s.`;
    return el('p', {
      className: 'engine-label note',
      attrs: { 'data-engine': 'sqlalchemy' },
      text: `Run by real ${report.engine_version ?? label} — not SessionLab's engine. Its time (${formatMs(report.timing.total_ms)}) is Pyodide's and is not comparable with SessionLab's.${loaded}`,
    });
  }

  /** Shows a real-SQLAlchemy report in the page's usual views, labelled with its engine. */
  function showTheirs(report) {
    page.render(report);
    results.prepend(engineNote(report));
    summary.textContent = `real ${label} (Pyodide) · ${summary.textContent}`;
    document.body.dataset.engine = 'sqlalchemy';
  }

  async function withBusy(work) {
    if (page.isBusy()) return;
    page.setBusy(true);
    button.disabled = true;
    try {
      await work();
    } catch (err) {
      status.textContent = err.type === 'Cancelled' ? 'Cancelled.' : `${err.name}: ${err.message}`;
    } finally {
      progress.hidden = true;
      button.disabled = false;
      page.setBusy(false);
      document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
    }
  }

  function side(title, value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value, null, 1);
    return el('div', { className: 'side' }, [el('h4', { text: title }), el('pre', { text: text ?? '(nothing)' })]);
  }

  function renderVerdict(ours, theirs) {
    const diff = firstDifference(ours, theirs);
    const verdict = diff ? `Differs from ${label}: ${diff.text}.` : `Identical to ${label}.`;
    const showOurs = el('button', { className: 'link', text: "Show SessionLab's run", attrs: { type: 'button' } });
    showOurs.addEventListener('click', () => page.render(ours));
    const showTheirsButton = el('button', {
      className: 'link',
      text: `Show ${label}'s run`,
      attrs: { type: 'button' },
    });
    showTheirsButton.addEventListener('click', () => showTheirs(theirs));
    const statements = (r) => r.events.filter((e) => e.kind === 'sql').length;
    const nodes = [
      el('h3', { text: `Check against ${label}` }),
      el('p', {
        className: `verdict ${diff ? 'differs' : 'identical'}`,
        attrs: { 'data-verdict': diff ? 'differs' : 'identical', role: 'status' },
        text: verdict,
      }),
    ];
    if (diff) {
      const at = diff.what === 'event' ? ` (event ${diff.index + 1})` : diff.table ? ` (${diff.table})` : '';
      nodes.push(
        el('p', { className: 'meta', text: `First difference: ${diff.what}${at}` }),
        el('div', { className: 'side-by-side' }, [side('SessionLab', diff.ours), side(label, diff.theirs)]),
      );
    }
    nodes.push(
      el('p', {
        className: 'meta',
        text: `SessionLab: ${statements(ours)} statements in ${formatMs(ours.timing.total_ms)}. ${label} (${theirs.engine_version}): ${statements(theirs)} statements; Pyodide's time is not compared.`,
      }),
      el('p', { className: 'note', text: NOT_COMPARED }),
      el('p', {}, [showOurs, ' · ', showTheirsButton]),
    );
    results.replaceChildren(...nodes);
    summary.textContent = diff ? `differs from ${label}` : `identical to ${label}`;
    status.textContent = verdict;
    document.body.dataset.verdict = diff ? 'differs' : 'identical';
  }

  button.addEventListener('click', () => {
    const request = page.request();
    if (!request) return;
    withBusy(async () => {
      status.textContent = "Running in SessionLab's engine…";
      progress.removeAttribute('value');
      progress.hidden = false;
      const ours = await page.runOurs();
      const theirs = await runTheirs(request);
      renderVerdict(ours, theirs);
    });
  });

  // The fallback: a script our engine does not run yet gets a button in its error box.
  page.reportHooks.push((report) => {
    if (report.engine === 'sqlalchemy' || !needsRealEngine(report)) return;
    const box = results.querySelector('.statement.error');
    const request = page.request();
    if (!box || !request) return;
    const offer = el('button', {
      className: 'fallback',
      text: 'Run with real SQLAlchemy',
      attrs: { type: 'button', title: `SessionLab does not implement this yet; ${label} in Pyodide can run it` },
    });
    offer.addEventListener('click', () => {
      // The choice travels with the workspace (and its share link).
      page.setEngine('sqlalchemy');
      withBusy(async () => showTheirs(await runTheirs(request)));
    });
    box.append(
      el('p', { className: 'hint' }, [
        `SessionLab's engine does not run this yet. `,
        offer,
        ` (loads ${label} in Pyodide)`,
      ]),
    );
  });
  // A workspace saved or shared after running with real SQLAlchemy offers it again.
  if (page.engine() === 'sqlalchemy') {
    const again = el('button', {
      text: 'Run with real SQLAlchemy',
      attrs: { id: 'run-sqlalchemy', type: 'button', title: `This workspace was run with ${label} (Pyodide)` },
    });
    again.addEventListener('click', () => {
      const request = page.request();
      if (request) withBusy(async () => showTheirs(await runTheirs(request)));
    });
    button.after(again);
    status.textContent = `${status.textContent} This workspace was run with real ${label}: “Run with real SQLAlchemy” runs it there again.`;
  }
  return { button };
}
