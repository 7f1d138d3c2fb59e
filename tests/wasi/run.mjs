// Runs one case of a test program built for wasm32-wasi under node's WASI,
// the way meson runs the native one: `node run.mjs PROGRAM.wasm [CASE]
// [--dir=PATH]...`. Each --dir gives the program PATH at the same path
// (a WASI preopen), so the sources' absolute paths work as natively; the
// exit status is the program's.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
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

const wasi = new WASI({
  version: 'preview1',
  args: [basename(program, '.wasm'), ...args],
  env: {},
  preopens: dirs,
  returnOnExit: true,
});
let module;
try {
  module = await WebAssembly.compile(await readFile(program));
} catch (e) {
  console.error(`run.mjs: ${program}: ${e.message}`);
  process.exit(2);
}
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
