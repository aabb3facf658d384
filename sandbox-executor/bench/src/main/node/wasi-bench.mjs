// Runs a WASI preview1 command module under Node's built-in WebAssembly (V8) and node:wasi, the
// way the Chicory benchmark runs it: the module is compiled once; each run creates a fresh WASI
// and instance and calls _start (instantiate + run), timed with a monotonic clock.
//
//   node --expose-gc wasi-bench.mjs FILE.wasm WARMUP RUNS [ARGS...]
//   node --expose-gc wasi-bench.mjs FILE.wasm WARMUP serve [ARGS...]
//
// Prints the guest's stdout (of the last warm-up run, or of a first untimed run when WARMUP is 0)
// as "stdout: ...", then one line per timed run ("run N: M ms") and finally "median: M ms", all on
// stdout. With "serve" instead of RUNS, it runs once per line read on stdin and answers each with
// the run's time in ms, alone on a line, until stdin ends (PairedBench takes turns with it this way).
// Exits 1 if a run's exit code is not 0.
import { readFileSync, mkdtempSync, rmSync, openSync, closeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';

// WASI's experimental warning would land in the middle of the output.
process.removeAllListeners('warning');

const [file, warmupArg, runsArg, ...args] = process.argv.slice(2);
const warmup = Number(warmupArg);
const serve = runsArg === 'serve';
const runs = Number(runsArg);
if (!file || !(warmup >= 0) || !(serve || runs >= 1)) {
  console.error('usage: node wasi-bench.mjs FILE.wasm WARMUP RUNS|serve [ARGS...]');
  process.exit(64);
}

const module = new WebAssembly.Module(readFileSync(file));
const dir = mkdtempSync(join(tmpdir(), 'wasi-bench-'));
const outPath = join(dir, 'stdout');

function runOnce() {
  // stdout goes to a file (node:wasi takes file descriptors), truncated per run
  const out = openSync(outPath, 'w');
  const wasi = new WASI({ version: 'preview1', args: [file, ...args], env: {}, stdout: out, returnOnExit: true });
  const start = process.hrtime.bigint();
  const instance = new WebAssembly.Instance(module, wasi.getImportObject());
  const code = wasi.start(instance);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(out);
  if (code !== 0) {
    console.error(`exit code ${code}`);
    process.exit(1);
  }
  // V8 frees a dead instance's memory reservation only when it collects it, and aborts after a
  // few dozen live ones (sieve: about 30); collecting after each run, outside the timing, avoids that.
  globalThis.gc?.();
  return ms;
}

try {
  for (let i = 0; i < Math.max(warmup, 1); i++) {
    runOnce();
  }
  console.log('stdout: ' + readFileSync(outPath, 'utf8').trim());
  if (serve) {
    for await (const _ of createInterface({ input: process.stdin })) {
      console.log(runOnce().toFixed(3));
    }
  } else {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const ms = runOnce();
      times.push(ms);
      console.log(`run ${i + 1}: ${ms.toFixed(2)} ms`);
    }
    times.sort((a, b) => a - b);
    const mid = times.length >> 1;
    const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
    console.log(`median: ${median.toFixed(2)} ms`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
