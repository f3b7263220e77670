// The page's first script, a classic one so it runs the moment it arrives (index.html names it
// before anything else): the wasm download and streaming compile start (matching the preload)
// and the engine's worker starts, since a worker takes 100–200 ms to come up on this machine.
// The page's modules take them over later (web/boot.js: LabClient's `started`); until then the
// worker's messages wait in `messages`.
(() => {
  const base = document.currentScript?.src ?? location.href;
  const wasm = new URL('pkg/sessionlab_bg.wasm', base);
  const module = WebAssembly.compileStreaming(fetch(wasm)).catch(() =>
    fetch(wasm)
      .then((r) => r.arrayBuffer())
      .then((bytes) => WebAssembly.compile(bytes)),
  );
  const worker = new Worker(new URL('worker.js?module', base), { type: 'module' });
  const messages = [];
  worker.onmessage = (event) => messages.push(event.data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    messages.push({
      type: 'error',
      id: null,
      error: { type: 'InternalError', message: event.message || 'the worker crashed' },
    });
  };
  module.then(
    (compiled) => {
      worker.postMessage({ type: 'module', module: compiled });
    },
    () => {
      worker.postMessage({ type: 'module', module: null });
    },
  );
  window.sessionlabEngine = { worker, module, messages };
})();
