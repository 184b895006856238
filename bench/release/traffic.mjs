// Zero-downtime release rehearsal, traffic side (loopback only, bounded; stops on POST /stop or after 30 min):
//   - a round-robin HTTP proxy on <proxy-port> over the backends set through the admin port (what a Kubernetes
//     Service does with its endpoints: a pod is taken out when it starts terminating, added when it is ready);
//     no retries, so every failed upstream request reaches the client;
//   - an open-loop load generator sending <rate> requests/s through the proxy: event list pages, event details,
//     /health, and published events (POST /api/events, signed in) as writes;
//   - on POST /stop: per-phase counts, failures and latency percentiles as JSON to <result.json>.
//   node traffic.mjs <proxy-port> <admin-port> <rate> <token> <result.json>
//   admin: POST /backends ["127.0.0.1:8081", ...]; POST /phase?name=...; POST /stop
import http from 'node:http';
import { writeFileSync } from 'node:fs';

const [proxyPort, adminPort, rate, token, resultFile] = process.argv.slice(2);
let backends = [];
let next = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const served = {};

const proxy = http.createServer((req, res) => {
  if (!backends.length) { res.writeHead(503).end(); return; }
  const target = backends[next++ % backends.length];
  const [host, port] = target.split(':');
  const upstream = http.request({ host, port, method: req.method, path: req.url, headers: req.headers, agent }, (up) => {
    served[target] = (served[target] || 0) + 1;
    res.writeHead(up.statusCode, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (e) => { if (!res.headersSent) res.writeHead(502, { 'x-proxy-error': e.code || 'error' }); res.end(); });
  req.pipe(upstream);
});
proxy.keepAliveTimeout = 65_000;
proxy.listen(Number(proxyPort), '127.0.0.1');

const samples = [];
let phase = 'warm-up';
const phases = [{ name: phase, at: Date.now() }];
const clientAgent = new http.Agent({ keepAlive: true, maxSockets: 512 });
let seq = 0;

function send() {
  const i = seq++;
  const kind = i % 20 === 0 ? 'write' : i % 20 === 1 ? 'health' : i % 4 === 0 ? 'detail' : 'list';
  const path = kind === 'write' ? '/api/events' : kind === 'health' ? '/health'
    : kind === 'detail' ? `/api/events/${1 + (i % 5)}` : `/api/events?page=${i % 5}&size=20`;
  const body = kind === 'write' ? JSON.stringify({ name: `Release rehearsal #${i}`, location: 'Lisbon',
    startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 40 * 86_400_000 + 3_600_000).toISOString(), priceWei: '1000000000000000', capacity: 100 }) : null;
  const started = process.hrtime.bigint();
  const sample = { phase, kind, status: 0, ms: 0, at: Date.now() };
  samples.push(sample);
  const req = http.request({ host: '127.0.0.1', port: proxyPort, method: body ? 'POST' : 'GET', path, agent: clientAgent,
    headers: body ? { 'content-type': 'application/json', authorization: `Bearer ${token}` } : {} }, (res) => {
    res.resume();
    res.on('end', () => { sample.status = res.statusCode; sample.ms = Number(process.hrtime.bigint() - started) / 1e6; });
  });
  req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
  req.on('error', (e) => { sample.status = -1; sample.error = e.message; sample.ms = Number(process.hrtime.bigint() - started) / 1e6; });
  if (body) req.write(body);
  req.end();
}
const interval = 1000 / Number(rate);
let due = 0;
// The load starts with the first pool of backends.
const tick = setInterval(() => { if (!due) return; while (Date.now() >= due) { send(); due += interval; } }, 2);
const deadline = setTimeout(() => stop(), 30 * 60_000);

function pct(sorted, p) { return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0; }
function stats(list) {
  const ms = list.map((s) => s.ms).sort((a, b) => a - b);
  const failed = list.filter((s) => s.status < 200 || s.status >= 300);
  return { requests: list.length, failed: failed.length, p50: +pct(ms, 0.5).toFixed(1), p99: +pct(ms, 0.99).toFixed(1),
    max: +(ms[ms.length - 1] || 0).toFixed(1),
    failures: failed.slice(0, 10).map((s) => `${s.phase} +${((s.at - phaseStart[s.phase]) / 1000).toFixed(1)}s ${s.kind} ${s.status} ${s.error || ''}`.trim()) };
}
const phaseStart = {};
async function stop() {
  clearInterval(tick);
  clearTimeout(deadline);
  await new Promise((r) => setTimeout(r, 3000)); // let requests in flight finish
  for (const { name, at } of phases) phaseStart[name] ??= at;
  const byPhase = {};
  for (const { name } of phases) byPhase[name] = stats(samples.filter((s) => s.phase === name));
  // The verdict counts every phase after the warm-up of the first processes' JIT.
  const result = { rate: Number(rate), total: stats(samples), measured: stats(samples.filter((s) => s.phase !== 'warm-up')),
    phases: byPhase, served };
  writeFileSync(resultFile, JSON.stringify(result, null, 2));
  process.exit(0);
}

http.createServer((req, res) => {
  let data = '';
  req.on('data', (c) => (data += c)).on('end', () => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/backends') { backends = JSON.parse(data); if (!due) due = Date.now(); res.end(JSON.stringify(backends)); }
    else if (url.pathname === '/phase') { phase = url.searchParams.get('name'); phases.push({ name: phase, at: Date.now() }); res.end(phase); }
    else if (url.pathname === '/stop') { res.end('stopping'); stop(); }
    else { res.writeHead(404).end(); }
  });
}).listen(Number(adminPort), '127.0.0.1');
