/**
 * `npm run bench -- code-view`: the Code view listing 100,000 segments of one code, in Chromium
 * (the `codeview` part of ./ui.bench.ts; needs `npx vite build` first). Every main-thread task ≤ 100 ms.
 */
process.env.BENCH_ONLY = 'codeview';
export {};
await import('./ui.bench');
