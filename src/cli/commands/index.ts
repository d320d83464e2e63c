/**
 * The CLI's command modules. Each exports `register(program)`, which adds its commands to the program; add a
 * module here to make its commands appear in `keruen --help`.
 */
import type { Command } from 'commander';
import * as appraise from './appraise.ts';
import * as emissions from './emissions.ts';
import * as exportsCmd from './exports.ts';
import * as network from './network.ts';
import * as route from './route.ts';
import * as scenario from './scenario.ts';
import * as serve from './serve.ts';
import * as simulate from './simulate.ts';
import * as sweep from './sweep.ts';
import * as token from './token.ts';
import * as worker from './worker.ts';

export interface CommandModule {
  register(program: Command): void;
}

export const commandModules: readonly CommandModule[] = [
  network,
  route,
  emissions,
  simulate,
  scenario,
  sweep,
  exportsCmd,
  appraise,
  serve,
  token,
  worker,
];
