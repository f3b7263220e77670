// Where the engine's wasm lives and how it is compiled: streaming (it compiles while it
// downloads), with a plain compile for hosts that serve it under another MIME type.

/** The engine's wasm, beside the wasm-bindgen glue. */
export const WASM_URL = new URL('./pkg/sessionlab_bg.wasm', import.meta.url);

/** Fetches and compiles the wasm; resolves to a WebAssembly.Module. */
export async function compileWasm(url = WASM_URL) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    return WebAssembly.compile(await (await fetch(url)).arrayBuffer());
  }
}
