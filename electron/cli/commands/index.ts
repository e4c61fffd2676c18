import type { CliCommand } from '../command';
import { info } from './info';
import { agree } from './agree';
import { analyse } from './analyse';
import { importCommand } from './import';
import { demo } from './demo';
import { scan } from './scan';
import { merge } from './merge';
import { pack } from './pack';
import { openCommand, sealCommand } from './seal';

/** Every headless command, in the order `--help` lists them (the workflow's order). Add one line per command. */
export const commands: CliCommand[] = [
  info,
  demo,
  scan,
  importCommand,
  analyse,
  agree,
  merge,
  pack,
  sealCommand,
  openCommand,
];
