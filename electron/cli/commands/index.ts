import type { CliCommand } from '../command';
import { info } from './info';

/** Every headless command, in the order `--help` lists them. Add one line per command. */
export const commands: CliCommand[] = [
  info,
];
