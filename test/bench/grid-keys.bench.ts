/**
 * `npm run bench -- grid-keys`: arrow-key latency in the Survey grid at 100,000 responses, in
 * Chromium (the `keys` part of ./ui.bench.ts; needs `npx vite build` first).
 */
process.env.BENCH_ONLY = 'keys';
export {};
await import('./ui.bench');
