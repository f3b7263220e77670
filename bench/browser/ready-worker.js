// Cold-start worker: what web/worker.js does before it can answer: init the wasm, build a Lab.
const pkg = new URL(self.location.href).searchParams.get('pkg') ?? '/pkg/';
const t0 = performance.now();
const { default: init, Lab } = await import(`${pkg}sessionlab.js`);
const t1 = performance.now();
await init();
const t2 = performance.now();
const lab = new Lab();
const t3 = performance.now();
self.postMessage({ version: lab.version(), importMs: t1 - t0, initMs: t2 - t1, labMs: t3 - t2 });
