/**
 * zod without its JIT: import this module FIRST in every entry point (renderer main, each worker,
 * the CLI and its spreadsheet worker, the Electron main and preload). zod 4 otherwise probes for
 * eval with `new Function('')` when it builds its first object schema, which the Content-Security-
 * Policy (no 'unsafe-eval') reports as a violation at every start. With `jitless` the probe never
 * runs; parsing takes zod's interpreted path. It must run before any schema module is evaluated,
 * hence first in the entry point's imports (ES modules evaluate imports in order).
 */
import { z } from 'zod';

z.config({ jitless: true });
