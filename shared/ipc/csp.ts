/**
 * The Content-Security-Policy for the renderer. No remote origin appears anywhere: the app
 * only ever loads its own files from app://chorus/. Sent as a response header by the Electron
 * protocol handler; the same string belongs in a <meta http-equiv> in renderer/index.html so
 * the browser build (`npm run web`) is held to it too (frame-ancestors is ignored in <meta>).
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  // 'wasm-unsafe-eval' lets WebAssembly compile (Argon2id, hash-wasm); it allows no JavaScript eval
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
  ['base-uri', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
