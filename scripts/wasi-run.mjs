// Runs a program built for wasm32-wasip1 under Node's WASI, with the file system open to it, for
// scripts/wasi-timing.
//   node scripts/wasi-run.mjs PROGRAM.wasm ARGUMENTS...
import { readFile } from "node:fs/promises";
import { WASI } from "node:wasi";

const [program, ...args] = process.argv.slice(2);
if (!program) {
    console.error("usage: wasi-run.mjs PROGRAM.wasm ARGUMENTS...");
    process.exit(2);
}
const wasi = new WASI({ version: "preview1", args: [program, ...args], preopens: { "/": "/" } });
const module = await WebAssembly.compile(await readFile(program));
wasi.start(await WebAssembly.instantiate(module, wasi.getImportObject()));
