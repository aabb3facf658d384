// Figure 1's table from one bench.sh run: Node's timed runs (wasi-bench.mjs logs) and JMH's JSON
// (CpuBench, sample mode), every pass pooled, one median per engine and workload.
//
//   node report.mjs RESULTS_DIR
//
// RESULTS_DIR holds node-GUEST-PASS.log and jmh-PASS.json files. Prints a Markdown table and the
// two targets (Chicory compiled with fuel within 2.5x of Node; fuel at most 10 % over uninstrumented).
// Exit status 0 whether or not the targets are met; 3 when a workload has no figures.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const files = readdirSync(dir);

// value -> count pairs, pooled per key
const pools = new Map();
function add(key, value, count = 1) {
  if (!pools.has(key)) pools.set(key, []);
  pools.get(key).push([value, count]);
}
function median(key) {
  const pairs = pools.get(key);
  if (!pairs) return NaN;
  pairs.sort((a, b) => a[0] - b[0]);
  const n = pairs.reduce((s, [, c]) => s + c, 0);
  const at = (k) => { // k-th smallest, 0-based
    for (const [v, c] of pairs) { if (k < c) return v; k -= c; }
    return NaN;
  };
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}
function samples(key) {
  return (pools.get(key) || []).reduce((s, [, c]) => s + c, 0);
}

for (const f of files) {
  let m = f.match(/^node-(\w+)-\d+\.log$/);
  if (m) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const r = line.match(/^run \d+: ([\d.]+) ms$/);
      if (r) add(`node/${m[1]}`, Number(r[1]));
    }
    continue;
  }
  if (/^jmh-\d+\.json$/.test(f)) {
    const text = readFileSync(join(dir, f), 'utf8');
    if (!text.trim()) continue;
    for (const run of JSON.parse(text)) {
      const method = run.benchmark.replace(/.*\./, '');
      const guest = run.params?.guest;
      const scale = { ms: 1, us: 1e-3, ns: 1e-6, s: 1e3 }[run.primaryMetric.scoreUnit.split('/')[0]] ?? 1;
      for (const fork of run.primaryMetric.rawDataHistogram ?? []) {
        for (const iteration of fork) {
          for (const [value, count] of iteration) add(`${method}/${guest}`, value * scale, count);
        }
      }
    }
  }
}

const guests = [...new Set([...pools.keys()].map((k) => k.split('/')[1]))].sort();
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const ms = (key) => `${f1(median(key))} (${samples(key)})`;
console.log('| workload | Node (V8) | executor: compiled + fuel | compiled + fuel, bare | compiled, no fuel | Chicory defaults (ByteArrayMemory, no fuel) | executor / Node | Chicory defaults / Node | fuel overhead, executor | fuel overhead, bare |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
let missing = false;
const verdicts = [];
for (const g of guests) {
  const node = median(`node/${g}`);
  const service = median(`fuelService/${g}`);
  const bare = median(`fuelBare/${g}`);
  const plain = median(`uninstrumented/${g}`);
  const defaults = median(`chicoryDefaults/${g}`);
  if (![node, service, bare, plain, defaults].every(Number.isFinite)) missing = true;
  const ratio = service / node;
  const overhead = (service / plain - 1) * 100;
  const overheadBare = (bare / plain - 1) * 100;
  console.log(`| ${g} | ${ms(`node/${g}`)} | ${ms(`fuelService/${g}`)} | ${ms(`fuelBare/${g}`)} | ${ms(`uninstrumented/${g}`)} | ${ms(`chicoryDefaults/${g}`)} | ` +
    `${ratio.toFixed(2)}x | ${(defaults / node).toFixed(2)}x | ${overhead.toFixed(1)} % | ${overheadBare.toFixed(1)} % |`);
  verdicts.push(`${g}: ${ratio <= 2.5 ? 'meets' : 'MISSES'} <= 2.5x Node (${ratio.toFixed(2)}x); ` +
    `${overhead <= 10 ? 'meets' : 'MISSES'} <= 10 % fuel overhead (${overhead.toFixed(1)} %)`);
}
console.log('\nmedian ms per run (instantiate + run), samples in brackets; fuel overhead = with fuel / compiled, no fuel - 1');
for (const v of verdicts) console.log(v);
process.exit(missing ? 3 : 0);
