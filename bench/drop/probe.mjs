// An independent visitor for the drop benchmark: its own Node process (so its clock is not the load generator's
// saturated event loop), asking for the event page and a quote every PROBE_MS ms, one request at a time, until the
// file STOP_FILE exists. Prints "probe detail/quote: n= p50 p99" lines and the non-2xx answers (409 sold out aside).
import { existsSync } from 'node:fs';

const BASE = process.env.BASE;
const EVENT = process.env.EVENT_ID;
const STOP_FILE = process.env.STOP_FILE;
const PROBE_MS = Number(process.env.PROBE_MS ?? 100);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const samples = { detail: [], quote: [] };
const other = new Map();

async function timed(kind, path) {
  const started = performance.now();
  try {
    const response = await fetch(BASE + path, { headers: { accept: 'application/json' } });
    await response.arrayBuffer();
    samples[kind].push(performance.now() - started);
    if (response.status !== 200 && response.status !== 409) {
      other.set(`${kind} ${response.status}`, (other.get(`${kind} ${response.status}`) ?? 0) + 1);
    }
  } catch (e) {
    other.set(`${kind} connection`, (other.get(`${kind} connection`) ?? 0) + 1);
  }
}

const pct = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

while (!existsSync(STOP_FILE)) {
  const cycle = performance.now();
  await timed('detail', `/api/events/${EVENT}`);
  await timed('quote', `/api/events/${EVENT}/quote?quantity=${1 + Math.floor(Math.random() * 4)}`);
  await sleep(Math.max(0, PROBE_MS - (performance.now() - cycle)));
}
for (const kind of ['detail', 'quote']) {
  const v = samples[kind];
  console.log(`probe ${kind}: n=${v.length} p50 ${pct(v, 0.5).toFixed(1)} ms p99 ${pct(v, 0.99).toFixed(1)} ms max ${Math.max(...v).toFixed(1)} ms`);
}
console.log(`probe answers other than 200/409: ${JSON.stringify(Object.fromEntries(other))}`);
