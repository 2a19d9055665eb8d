import os from 'node:os';
import path from 'node:path';

/** The browser host's data folder: STATELAB_DATA_DIR (tests point it at a temp folder), else ~/.statelab. */
export function webDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.STATELAB_DATA_DIR;
  return fromEnv ? path.resolve(fromEnv) : path.join(os.homedir(), '.statelab');
}
