import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CSP_DIRECTIVES } from './shared/ipc/csp.ts';

/**
 * Writes the one Content-Security-Policy (shared/ipc/csp.ts) into index.html's <meta>: exactly the
 * production policy in builds; in the dev server also the loopback websocket Vite's reload uses.
 * frame-ancestors is left out of the <meta> because browsers ignore it there (Electron sends it as a header).
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'chorus-csp',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const policy = CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
          .map(([name, value]) => (name === 'connect-src' && ctx.server ? `${name} ${value} ws://127.0.0.1:*` : `${name} ${value}`))
          .join('; ');
        const out = html.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${policy}$2`);
        if (out === html) throw new Error('index.html has no Content-Security-Policy <meta> to fill in');
        return out;
      },
    },
  };
}

/**
 * natural's SentimentAnalyzer requires the word lists of every language and type it supports
 * (senticon, pattern, Spanish and Portuguese AFINN: about 5 MB of object literals) although Chorus
 * only scores English with AFINN (shared/analysis/sentiment.ts). In the build they are replaced by
 * empty lists: the main bundle and the analysis worker each shrink by about 5 MB, and stop spending
 * some 300 ms building those objects when they load. The negation lists (small, and English's is
 * used) stay.
 */
export const UNUSED_SENTIMENT_LEXICON = /natural[\\/]lib[\\/]natural[\\/]sentiment[\\/](?:[A-Za-z]+[\\/](?:senticon_[a-z]+|pattern-sentiment-[a-z]+)|Spanish[\\/]afinnShortSortedSpanish|Portuguese[\\/]afinnShortSortedPortuguese)\.json$/;

export function onlyUsedSentimentLexicons(): Plugin {
  return {
    name: 'chorus-only-used-sentiment-lexicons',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      return UNUSED_SENTIMENT_LEXICON.test(id) ? '{}' : null;
    },
  };
}

/**
 * One config for the renderer build (served to Electron through the app:// protocol, or to any
 * Chromium by `npm run web`) and for the vitest projects.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), onlyUsedSentimentLexicons()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
  worker: { format: 'es', plugins: () => [onlyUsedSentimentLexicons()] },
  server: { host: '127.0.0.1' },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: { name: 'shared', root: '.', environment: 'node', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'db',
          root: '.',
          environment: 'node',
          include: ['test/db/**/*.test.ts'],
          setupFiles: ['test/db/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          root: '.',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
