// Runs one case of a test program built for wasm32-wasi under node's WASI,
// the way meson runs the native one: `node run.mjs PROGRAM.wasm [CASE]
// [--dir=PATH]...`. Each --dir gives the program PATH at the same path
// (a WASI preopen), so the sources' absolute paths work as natively; the
// exit status is the program's.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { WASI } from 'node:wasi';
import process from 'node:process';

const dirs = {};
const rest = [];
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('--dir=')) {
    const dir = arg.slice('--dir='.length);
    dirs[dir] = dir;
  } else {
    rest.push(arg);
  }
}
if (rest.length < 1) {
  console.error('usage: run.mjs PROGRAM.wasm [CASE] [--dir=PATH]...');
  process.exit(2);
}
const [program, ...args] = rest;

// The program writes its stdout and stderr to files, copied out at its
// end: node's WASI writes to a pipe in non-blocking mode and drops what
// the pipe cannot take at once (a long output through a pipe came out cut).
const scratch = mkdtempSync(join(tmpdir(), 'gdstep-wasi-'));
const outPath = join(scratch, 'stdout');
const errPath = join(scratch, 'stderr');
const outFd = openSync(outPath, 'w');
const errFd = openSync(errPath, 'w');
const wasi = new WASI({
  version: 'preview1',
  args: [basename(program, '.wasm'), ...args],
  env: {},
  preopens: dirs,
  stdout: outFd,
  stderr: errFd,
  returnOnExit: true,
});
let module;
try {
  module = await WebAssembly.compile(await readFile(program));
} catch (e) {
  console.error(`run.mjs: ${program}: ${e.message}`);
  process.exit(2);
}
const instance = await WebAssembly.instantiate(module, {
  wasi_snapshot_preview1: wasi.wasiImport,
});
let status;
try {
  status = wasi.start(instance);
} catch (e) {
  // A trap (unreachable, out of bounds): the program crashed.
  console.error(`run.mjs: ${program}: ${e.message}`);
  status = 134;
}
closeSync(outFd);
closeSync(errFd);
process.stdout.write(readFileSync(outPath));
process.stderr.write(readFileSync(errPath));
rmSync(scratch, { recursive: true, force: true });
process.exitCode = status;
