// Fault benchmark load (bench/faults/run.sh starts it; loopback only, bounded). Sends an open-loop mix of API
// requests at RATE per second for the whole schedule, stops PostgreSQL and then the node (SIGSTOP: a node that
// hangs) under that load with the commands it is given, and reports per second the share of 200 / 503 / other
// answers, p99 latency during each outage and the time to recover after the dependency is back.
//   node load.mjs <base-url> <setup.json> <out-dir>
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';

const [base, setupFile, out] = process.argv.slice(2);
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) throw new Error(`loopback only: ${base}`);
const setup = JSON.parse(readFileSync(setupFile, 'utf8'));
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const RATE = env('RATE', 40);
const WARMUP = env('WARMUP', 15);
const DB_OUTAGE = env('DB_OUTAGE', 20);
const GAP = env('GAP', 15);
const NODE_OUTAGE = env('NODE_OUTAGE', 30);
const TAIL = env('TAIL', 15);
const DEADLINE_MS = env('DEADLINE_MS', 2000);

// What each kind of request needs besides the backend: the database, the node, or only the cache.
const kinds = [
  { kind: 'anonymous detail', weight: 30, needs: 'cache', request: () => ({ path: `/api/events/${pick(setup.events)}` }) },
  { kind: 'anonymous list', weight: 15, needs: 'cache', request: () => ({ path: `/api/events?size=20&page=${Math.floor(Math.random() * 3)}` }) },
  { kind: 'signed-in detail', weight: 20, needs: 'database', request: () => ({ path: `/api/events/${pick(setup.events)}`, token: setup.buyerToken }) },
  { kind: 'my tickets', weight: 10, needs: 'database', request: () => ({ path: '/api/me/tickets', token: setup.buyerToken }) },
  { kind: 'quote', weight: 20, needs: 'node', request: () => ({ path: `/api/events/${setup.onChainEvent}/quote?quantity=1` }) },
  { kind: 'write', weight: 5, needs: 'database', request: () => ({
    path: '/api/events', token: setup.organizerToken, method: 'POST', body: JSON.stringify(eventBody()) }) },
];
const totalWeight = kinds.reduce((s, k) => s + k.weight, 0);
const pick = list => list[Math.floor(Math.random() * list.length)];
function chooseKind() {
  let r = Math.random() * totalWeight;
  for (const k of kinds) { if ((r -= k.weight) < 0) return k; }
  return kinds[0];
}
function eventBody() {
  const start = new Date(Date.now() + 30 * 86400_000);
  start.setMilliseconds(0);
  return { name: 'Written under load', description: 'Fault benchmark', location: 'Berlin', startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString(), priceWei: '1000000000000', capacity: 100 };
}

const results = [];
const health = [];
const marks = {};
const t0 = Date.now();
const now = () => Date.now() - t0;

async function send(k) {
  const { path, token, method = 'GET', body } = k.request();
  const started = now();
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body) headers['content-type'] = 'application/json';
  let status = 0, stale = false, type = '', retryAfter = false;
  try {
    const res = await fetch(base + path, { method, headers, body, signal: AbortSignal.timeout(15_000) });
    status = res.status;
    stale = (res.headers.get('cache-status') ?? '').includes('stale-if-error');
    type = res.headers.get('content-type') ?? '';
    retryAfter = res.headers.has('retry-after');
    if (status === 201 && k.kind === 'write') setup.written.push((await res.json()).id); else await res.arrayBuffer();
  } catch (e) {
    status = 0; // no answer within 15 s, or the connection failed
  }
  results.push({ kind: k.kind, needs: k.needs, start: started, ms: now() - started, status, stale, type, retryAfter });
}

async function probeHealth(path) {
  const started = now();
  let status = 0, body = null;
  try {
    const res = await fetch(base + path, { signal: AbortSignal.timeout(15_000) });
    status = res.status;
    body = await res.json();
  } catch { status = 0; }
  health.push({ path, start: started, ms: now() - started, status, summary: body?.status, failing: body?.failing });
}

// Run without blocking the event loop, so answers arriving meanwhile are timed right.
async function fault(name, command) {
  marks[`${name}:begin`] = now();
  await promisify(exec)(command, { shell: '/bin/bash' });
  marks[name] = now();
}

setup.written = [];
const total = WARMUP + DB_OUTAGE + GAP + NODE_OUTAGE + TAIL;
const schedule = [
  [WARMUP, () => fault('database down', setup.dbStop)],
  [WARMUP + DB_OUTAGE, () => fault('database back', setup.dbStart)],
  [WARMUP + DB_OUTAGE + GAP, () => fault('node down', setup.nodeStop)],
  [WARMUP + DB_OUTAGE + GAP + NODE_OUTAGE, () => fault('node back', setup.nodeStart)],
];
const inflight = new Set();
const loadTimer = setInterval(() => {
  const p = send(chooseKind());
  inflight.add(p);
  p.finally(() => inflight.delete(p));
}, 1000 / RATE);
const healthTimer = setInterval(() => {
  for (const path of ['/health', '/actuator/health/readiness', '/actuator/health/liveness']) {
    const p = probeHealth(path);
    inflight.add(p);
    p.finally(() => inflight.delete(p));
  }
}, 250);
for (const [at, action] of schedule) {
  await new Promise(r => setTimeout(r, Math.max(0, at * 1000 - now())));
  await action();
}
await new Promise(r => setTimeout(r, Math.max(0, total * 1000 - now())));
clearInterval(loadTimer);
clearInterval(healthTimer);
await Promise.allSettled([...inflight]);
writeFileSync(`${out}/results.json`, JSON.stringify({ marks, results, health, written: setup.written }));

// ---- report -------------------------------------------------------------------------------------------------
const q = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};
const pct = (n, d) => (d ? (100 * n / d).toFixed(1) : '-').padStart(6);
console.log(`\nper second (${RATE} req/s offered; 200 / 503 / other as % of the answers started in that second)`);
console.log('   s      n    200%    503%  other%   p99 ms   max ms');
const lines = [];
for (let s = 0; s < total; s++) {
  const sec = results.filter(r => r.start >= s * 1000 && r.start < (s + 1) * 1000);
  const ok = sec.filter(r => r.status >= 200 && r.status < 300).length;
  const un = sec.filter(r => r.status === 503).length;
  const event = Object.entries(marks).filter(([k, v]) => !k.endsWith(':begin') && v >= s * 1000 && v < (s + 1) * 1000)
    .map(([k]) => `  <- ${k}`).join('');
  lines.push(`${String(s).padStart(4)} ${String(sec.length).padStart(6)}  ${pct(ok, sec.length)}  ${pct(un, sec.length)}  `
    + `${pct(sec.length - ok - un, sec.length)}  ${String(q(sec.map(r => r.ms), 0.99)).padStart(7)}  `
    + `${String(Math.max(0, ...sec.map(r => r.ms))).padStart(7)}${event}`);
}
console.log(lines.join('\n'));
writeFileSync(`${out}/per-second.txt`, lines.join('\n') + '\n');

function outage(name, downMark, backMark, needs) {
  const from = marks[downMark], to = marks[backMark];
  const during = results.filter(r => r.start >= from && r.start < to);
  const other = during.filter(r => r.status !== 200 && r.status !== 201 && r.status !== 503);
  const bad503 = during.filter(r => r.status === 503 && (!r.retryAfter || !r.type.startsWith('application/problem+json')));
  const dependent = during.filter(r => r.needs === needs || (needs === 'node' && r.kind === 'quote'));
  const failedAfter = results.filter(r => r.start >= to && (r.needs === needs) && r.status !== 200 && r.status !== 201);
  const recovery = failedAfter.length ? Math.max(...failedAfter.map(r => r.start + r.ms)) - to : 0;
  const firstOk = results.filter(r => r.start >= to && r.needs === needs && (r.status === 200 || r.status === 201))
    .map(r => r.start + r.ms).sort((a, b) => a - b)[0];
  const seenDown = health.filter(h => h.start >= from && h.path.endsWith('/health') && h.summary !== 'UP')
    .map(h => h.start + h.ms).sort((a, b) => a - b)[0];
  const healthDuring = health.filter(h => h.start >= from && h.start < to);
  const byKind = {};
  for (const r of during) {
    const k = (byKind[r.kind] ??= {});
    const key = r.status + (r.stale ? ' stale' : '');
    k[key] = (k[key] ?? 0) + 1;
  }
  console.log(`\n${name}: ${((to - from) / 1000).toFixed(1)} s (stopping took ${marks[downMark] - marks[downMark + ':begin']} ms)`);
  console.log(`  answers during the outage: ${during.length}, other than 200/503: ${other.length}`
    + `${other.length ? ' ' + JSON.stringify(other.slice(0, 5)) : ''}; 503 without Retry-After or problem+json: ${bad503.length}`);
  console.log(`  p99 latency during the outage: all ${q(during.map(r => r.ms), 0.99)} ms, requests needing the ${needs} `
    + `${q(dependent.map(r => r.ms), 0.99)} ms (max ${Math.max(0, ...dependent.map(r => r.ms))} ms; deadline ${DEADLINE_MS} ms)`);
  console.log(`  by kind: ${JSON.stringify(byKind)}`);
  console.log(`  /health showed it ${seenDown === undefined ? 'never' : (seenDown - from) + ' ms'} after the fault;`
    + ` health answers during the outage: max ${Math.max(0, ...healthDuring.map(h => h.ms))} ms, statuses `
    + JSON.stringify(healthDuring.reduce((m, h) => { const k = `${h.path} ${h.status} ${h.summary}`; m[k] = (m[k] ?? 0) + 1; return m; }, {})));
  console.log(`  recovery: first success ${firstOk === undefined ? '-' : firstOk - to} ms after the ${needs} was back, `
    + `last failure ended ${recovery} ms after it (target <= 2000 ms)`);
  return { during: during.length, other: other.length, p99: q(dependent.map(r => r.ms), 0.99), recovery };
}
const before = results.filter(r => r.start >= 5000 && r.start < marks['database down:begin']);
console.log(`\nbefore the faults (the machine's own noise): p50 ${q(before.map(r => r.ms), 0.5)} ms, `
  + `p99 ${q(before.map(r => r.ms), 0.99)} ms over ${before.length} answers`);
const db = outage('Database outage (pg_ctl stop -m fast, then start)', 'database down', 'database back', 'database');
const node = outage('Node outage (Anvil SIGSTOP, then SIGCONT: a node that hangs)', 'node down', 'node back', 'node');
console.log(`\nwrites answered 201: ${setup.written.length} (checked after the run)`);
console.log(`targets: no answer other than 200/503 during an outage (database ${db.other}, node ${node.other}); `
  + `p99 <= deadline + 100 ms = ${DEADLINE_MS + 100} ms (database ${db.p99}, node ${node.p99}); `
  + `recovery <= 2000 ms (database ${db.recovery}, node ${node.recovery})`);
