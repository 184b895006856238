// The check-in benchmark's load generator (run by bench/checkin/run.sh, which starts and stops the stack): one event
// with TICKETS tickets bought on the local Anvil by WALLETS fresh wallets (10 tickets a purchase, all sent at once),
// each holder's pass signed by its wallet and every code by the pass's delegate key, as the holder's page does; then
// GATES door-staff scanners scan every ticket once, each as fast as it can (one request in flight per gate), and
// RESCANS already admitted tickets once more (ALREADY_CHECKED_IN). Prints the figures as "name: value" lines.
import { encodeFunctionData, toHex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';

const BASE = process.env.BASE;
const RPC = process.env.RPC;
const TICKETS = Number(process.env.TICKETS ?? 20000);
const WALLETS = Number(process.env.WALLETS ?? 400);
const GATES = Number(process.env.GATES ?? 10);
const RESCANS = Number(process.env.RESCANS ?? 1000);
const PER_PURCHASE = 10;
const ADMIN_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const PRICE = 10n ** 12n;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();
const log = (m) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

async function api(method, path, { token, body } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body) headers['content-type'] = 'application/json';
  const response = await fetch(BASE + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { raw: text.slice(0, 200) }; }
  return { status: response.status, json };
}

async function rpc(method, params) {
  const response = await fetch(RPC, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const json = await response.json();
  if (json.error) throw new Error(`${method}: ${json.error.message}`);
  return json.result;
}

async function signIn(account) {
  const nonce = await api('POST', '/api/auth/nonce');
  if (nonce.status !== 201) throw new Error(`nonce: ${nonce.status} ${JSON.stringify(nonce.json)}`);
  const n = nonce.json;
  const message = createSiweMessage({ domain: n.domain, address: account.address, statement: n.statement, uri: n.uri,
    version: '1', chainId: n.chainId, nonce: n.nonce, issuedAt: new Date(), expirationTime: new Date(Date.now() + 3600e3) });
  const verified = await api('POST', '/api/auth/verify', { body: { message, signature: await account.signMessage({ message }) } });
  if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${JSON.stringify(verified.json)}`);
  return verified.json.accessToken;
}

async function pool(items, concurrency, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) { const i = next++; await work(items[i], i); }
  }));
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};

// --- the event ---
const admin = privateKeyToAccount(ADMIN_KEY);
let adminToken = await signIn(admin);
await api('PUT', `/api/admin/organizers/${admin.address}`, { token: adminToken });
adminToken = await signIn(admin);
const startsAt = new Date(Date.now() + 30 * 86400e3);
startsAt.setMilliseconds(0);
const created = await api('POST', '/api/events', { token: adminToken, body: {
  name: 'The check-in', description: 'Benchmark doors', location: 'Loopback Arena', startsAt: startsAt.toISOString(),
  endsAt: new Date(startsAt.getTime() + 4 * 3600e3).toISOString(), priceWei: PRICE.toString(), capacity: TICKETS } });
if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.json)}`);
const eventId = created.json.id;
let quote;
for (let i = 0; ; i++) {
  quote = await api('GET', `/api/events/${eventId}/quote?quantity=${PER_PURCHASE}`);
  if (quote.status === 200) break;
  if (i > 240) throw new Error(`event never became buyable: ${JSON.stringify(quote.json)}`);
  await sleep(500);
}
const config = (await api('GET', '/api/checkin/config')).json;
log(`event ${eventId}: ${TICKETS} tickets on sale; check-in config ${JSON.stringify(config)}`);

// --- the holders: fresh wallets, funded, each buying its share in purchases of 10, all sent at once ---
const holders = Array.from({ length: WALLETS }, () => ({ account: privateKeyToAccount(generatePrivateKey()) }));
await pool(holders, 20, (h) => rpc('anvil_setBalance', [h.account.address, toHex(10n ** 20n)]));
const purchases = [];
for (let p = 0; p < TICKETS / PER_PURCHASE; p++) purchases.push({ holder: holders[p % WALLETS], nonce: Math.floor(p / WALLETS) });
const chainId = Number(await rpc('eth_chainId', []));
const gasPrice = BigInt(await rpc('eth_gasPrice', [])) * 2n + 1_000_000_000n;
const buyStarted = now();
const hashes = [];
await pool(purchases, 32, async (p) => {
  const signed = await p.holder.account.signTransaction({ chainId, type: 'eip1559', to: quote.json.to, data: quote.json.data,
    value: BigInt(quote.json.value), gas: 1_500_000n, nonce: p.nonce, maxFeePerGas: gasPrice, maxPriorityFeePerGas: 1n });
  hashes.push(await rpc('eth_sendRawTransaction', [signed]));
});
log(`${purchases.length} purchases sent in ${((now() - buyStarted) / 1000).toFixed(1)} s`);
let failed = 0;
await pool(hashes, 16, async (hash) => {
  for (;;) {
    const receipt = await rpc('eth_getTransactionReceipt', [hash]);
    if (receipt) { if (receipt.status !== '0x1') failed++; return; }
    await sleep(250);
  }
});
const buySeconds = (now() - buyStarted) / 1000;
log(`${purchases.length} purchases mined in ${buySeconds.toFixed(1)} s (${failed} failed)`);
if (failed) throw new Error(`${failed} purchases failed`);

// --- indexed and confirmed: the offline bundle lists every ticket with a confirmed owner ---
let bundle;
for (let i = 0; ; i++) {
  bundle = (await api('GET', `/api/events/${eventId}/checkins/list`, { token: adminToken })).json;
  if (bundle.tickets.length === TICKETS && bundle.tickets.every((t) => t.ownerConfirmed)) break;
  if (i > 600) throw new Error(`only ${bundle.tickets.length} tickets indexed`);
  await sleep(500);
}
log(`${bundle.tickets.length} tickets indexed and confirmed (bundle ${JSON.stringify(bundle).length} bytes)`);

// --- door staff: one wallet per gate ---
const gates = Array.from({ length: GATES }, (_, i) => ({ name: `Gate ${i + 1}`, account: privateKeyToAccount(generatePrivateKey()), latencies: [], verdicts: {} }));
await pool(gates, 4, async (g) => {
  const r = await api('PUT', `/api/events/${eventId}/door-staff/${g.account.address}`, { token: adminToken });
  if (r.status !== 200) throw new Error(`door staff: ${r.status} ${JSON.stringify(r.json)}`);
  g.token = await signIn(g.account);
});

// --- passes (one wallet signature per holder) and codes (the delegate key), as the page makes them ---
const domain = { name: config.domainName, version: config.domainVersion, chainId: config.chainId };
const passTypes = { CheckInPass: [{ name: 'holder', type: 'address' }, { name: 'eventId', type: 'uint256' },
  { name: 'delegate', type: 'address' }, { name: 'notBefore', type: 'uint64' }, { name: 'notAfter', type: 'uint64' }] };
const codeTypes = { CheckInCode: [{ name: 'tokenId', type: 'uint256' }, { name: 'eventId', type: 'uint256' }, { name: 'issuedAt', type: 'uint64' }] };
const byOwner = new Map(holders.map((h) => [h.account.address.toLowerCase(), h]));
const nowS = () => BigInt(Math.floor(Date.now() / 1000));
for (const h of holders) {
  h.delegate = privateKeyToAccount(generatePrivateKey());
  h.notBefore = nowS() - 300n;
  h.notAfter = nowS() + 86_400n;
  h.pass = await h.account.signTypedData({ domain, types: passTypes, primaryType: 'CheckInPass',
    message: { holder: h.account.address, eventId: BigInt(eventId), delegate: h.delegate.address, notBefore: h.notBefore, notAfter: h.notAfter } });
}
const be = (value, bytes) => { const out = new Uint8Array(bytes); let v = BigInt(value); for (let i = bytes - 1; i >= 0; i--) { out[i] = Number(v & 0xffn); v >>= 8n; } return out; };
const hex = (h) => Uint8Array.from(h.slice(2).match(/../g).map((b) => parseInt(b, 16)));
async function code(holder, tokenId) {
  const issuedAt = nowS();
  const signature = await holder.delegate.signTypedData({ domain, types: codeTypes, primaryType: 'CheckInCode',
    message: { tokenId: BigInt(tokenId), eventId: BigInt(eventId), issuedAt } });
  const parts = [Uint8Array.of(1), be(eventId, 8), be(tokenId, 32), hex(holder.account.address), hex(holder.delegate.address),
    be(holder.notBefore, 8), be(holder.notAfter, 8), hex(holder.pass), be(issuedAt, 8), hex(signature)];
  const bytes = new Uint8Array(235);
  let at = 0;
  for (const part of parts) { bytes.set(part, at); at += part.length; }
  return 'ECHK1.' + Buffer.from(bytes).toString('base64url');
}
const signStarted = now();
const tickets = bundle.tickets.map((t) => ({ tokenId: t.tokenId, holder: byOwner.get(t.owner) }));
// Codes are made ahead (signing 20,000 in this process while scanning would take CPU from the server); the run's
// code window is raised to cover the whole scan (run.sh), which changes one comparison, not the work per scan.
for (const t of tickets) t.code = await code(t.holder, t.tokenId);
log(`${WALLETS} passes and ${tickets.length} codes signed in ${((now() - signStarted) / 1000).toFixed(1)} s`);

// CPU seconds of the backend (JVM_PID) and its embedded PostgreSQL (PG_PID, the postmaster, and its backends), Anvil
// left out: /proc, Linux only.
import { readdirSync, readFileSync } from 'node:fs';
const TICK = 100; // USER_HZ on Linux
function serverCpu() {
  const roots = [Number(process.env.JVM_PID ?? 0), Number(process.env.PG_PID ?? 0)].filter((p) => p > 0);
  if (roots.length === 0) return NaN;
  const procs = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      procs.set(Number(entry), { comm, ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICK });
    } catch { /* gone */ }
  }
  const inTree = (pid) => { for (let p = pid; p > 1; p = procs.get(p)?.ppid ?? 0) if (roots.includes(p)) return true; return false; };
  let total = 0;
  for (const [pid, p] of procs) if (inTree(pid) && p.comm !== 'anvil') total += p.cpu;
  return total;
}

// --- the doors: every gate scans the next ticket as fast as it can ---
const cpu0 = process.cpuUsage();
const serverCpu0 = serverCpu();
let next = 0;
const errors = {};
const timeline = []; // [end time, latency] of every verdict, for the steady-state figures
async function scanAll(list, gate) {
  while (next < list.length) {
    const t = list[next++];
    const started = now();
    const body = { code: t.code, gate: gate.name, scanId: crypto.randomUUID() };
    let r;
    // A scanner whose request failed on the way sends the same scan again (same scanId: never a second scan).
    for (let attempt = 0; !r; attempt++) {
      try {
        r = await api('POST', `/api/events/${eventId}/checkins`, { token: gate.token, body });
      } catch (e) {
        const key = `connection ${e.cause?.code ?? e.message} (retried)`;
        errors[key] = (errors[key] ?? 0) + 1;
        if (attempt === 5) throw e;
      }
    }
    const ended = now();
    gate.latencies.push(ended - started);
    timeline.push([ended, ended - started]);
    const key = r.status === 200 ? `${r.json.verdict}${r.json.reason ? ' ' + r.json.reason : ''}` : `HTTP ${r.status}`;
    gate.verdicts[key] = (gate.verdicts[key] ?? 0) + 1;
  }
}
const runStarted = now();
await Promise.all(gates.map((g) => scanAll(tickets, g)));
const runSeconds = (now() - runStarted) / 1000;
const serverCpuSeconds = serverCpu() - serverCpu0;
const all = gates.flatMap((g) => g.latencies);
// Steady state: the second half of the verdicts (the first half includes the JIT warming up).
const half = [...timeline].sort((a, b) => a[0] - b[0]).slice(Math.floor(timeline.length / 2));
const halfSeconds = (half[half.length - 1][0] - half[0][0]) / 1000;
const halfLatencies = half.map(([, l]) => l);
// Throughput per tenth of the run, to show the warm-up.
const tenths = [];
for (let i = 0; i < 10; i++) {
  const from = runStarted + (runSeconds * 1000 * i) / 10;
  const to = runStarted + (runSeconds * 1000 * (i + 1)) / 10;
  tenths.push(Math.round(timeline.filter(([e]) => e >= from && e < to).length / (runSeconds / 10)));
}
const verdicts = {};
for (const g of gates) for (const [k, v] of Object.entries(g.verdicts)) verdicts[k] = (verdicts[k] ?? 0) + v;

// --- rescans: tickets already in, scanned again at the doors ---
for (const g of gates) { g.latencies = []; g.verdicts = {}; }
next = 0;
const rescanList = tickets.slice(0, RESCANS);
const rescanStarted = now();
await Promise.all(gates.map((g) => scanAll(rescanList, g)));
const rescanSeconds = (now() - rescanStarted) / 1000;
const rescanLatencies = gates.flatMap((g) => g.latencies);
const rescanVerdicts = {};
for (const g of gates) for (const [k, v] of Object.entries(g.verdicts)) rescanVerdicts[k] = (rescanVerdicts[k] ?? 0) + v;
const summary = (await api('GET', `/api/events/${eventId}/checkins/summary`, { token: adminToken })).json;

console.log(`tickets: ${TICKETS} (${WALLETS} holders, ${purchases.length} purchases mined in ${buySeconds.toFixed(1)} s)`);
console.log(`gates: ${GATES}`);
console.log(`scans: ${all.length} in ${runSeconds.toFixed(1)} s`);
console.log(`verdicts per second: ${(all.length / runSeconds).toFixed(0)}`);
console.log(`scan-to-verdict p50: ${pct(all, 0.5).toFixed(1)} ms`);
console.log(`scan-to-verdict p99: ${pct(all, 0.99).toFixed(1)} ms`);
console.log(`scan-to-verdict max: ${Math.max(...all).toFixed(1)} ms`);
console.log(`steady state (second half): ${(half.length / halfSeconds).toFixed(0)} verdicts/s, p50 ${pct(halfLatencies, 0.5).toFixed(1)} ms, p99 ${pct(halfLatencies, 0.99).toFixed(1)} ms`);
console.log(`verdicts/s per tenth of the run: ${tenths.join(' ')}`);
console.log(`verdicts: ${JSON.stringify(verdicts)}`);
console.log(`backend + PostgreSQL CPU during the scans: ${serverCpuSeconds.toFixed(1)} s, ${(serverCpuSeconds * 1000 / all.length).toFixed(2)} ms per verdict`);
console.log(`rescans: ${rescanLatencies.length} in ${rescanSeconds.toFixed(1)} s, ${(rescanLatencies.length / rescanSeconds).toFixed(0)}/s, p50 ${pct(rescanLatencies, 0.5).toFixed(1)} ms, p99 ${pct(rescanLatencies, 0.99).toFixed(1)} ms, ${JSON.stringify(rescanVerdicts)}`);
console.log(`summary: sold ${summary.sold}, checked in ${summary.checkedIn}, gates ${summary.gates.length}, conflicts ${summary.conflicts.length}`);
console.log(`client errors: ${JSON.stringify(errors)}`);
const cpu = process.cpuUsage(cpu0);
console.log(`load generator CPU during the scans: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
