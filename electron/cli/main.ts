#!/usr/bin/env node
/** `npm run chorus -- <command> …`: headless Chorus, reusing the same shared/ code as the app. */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { runCli } from './run';
import { errorMessage } from '../../shared/error-message';
import { terminalSafe } from './terminal-text';

runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(terminalSafe(`chorus: unexpected error: ${errorMessage(e)}`) + '\n');
    process.exitCode = 70;
  },
);
