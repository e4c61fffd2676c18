import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * One config for the renderer build (served to Electron through the app:// protocol, or to any
 * Chromium by `npm run web`) and for the vitest projects.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
  worker: { format: 'es' },
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
