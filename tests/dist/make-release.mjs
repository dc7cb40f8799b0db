// Makes a release with `cargo xtask dist --no-build` (from the built dist/) for the tests.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VERSION = /\[package\][^[]*?\nversion = "([^"]+)"/.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))?.[1];
/** The release folder's name, and the path it is served at by default (`--base-url`). */
export const FOLDER = `wsis-sdg-widgets-${VERSION}`;

/** Runs `cargo xtask dist --no-build --out OUT` (through a shell, for `umask` and `TZ`); returns the folder. */
export function makeRelease(out, { umask = '022', tz = 'UTC' } = {}) {
  const bin = process.env.XTASK_BIN;
  const cmd = bin ? `"${bin}" dist --no-build --out "${out}"` : `cargo run -q -p xtask -- dist --no-build --out "${out}"`;
  const env = { ...process.env, TZ: tz };
  delete env.SOURCE_DATE_EPOCH;
  execFileSync('sh', ['-c', `umask ${umask} && ${cmd}`], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(out, FOLDER);
}
