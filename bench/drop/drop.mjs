// The drop's load generator (run by bench/drop/run.sh, which starts and stops the stack): one event on sale,
// BUYERS wallets buying 1-4 tickets as fast as they can (quote -> send -> POST /api/payments) until it is sold out,
// VISITORS polling the event page and its quote every 2 s, BAD_SHARE of the buyers' attempts sending bad input.
// Bounded by MAX_SECONDS; loopback only. Prints the figures as "name: value" lines.
import { createWalletClient, createPublicClient, http, parseGwei, toHex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { foundry } from 'viem/chains';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';

const BASE = process.env.BASE;
const RPC = process.env.RPC;
const TICKETS = Number(process.env.TICKETS ?? 5000);
const BUYERS = Number(process.env.BUYERS ?? 2000);
const VISITORS = Number(process.env.VISITORS ?? 500);
const BAD_SHARE = Number(process.env.BAD_SHARE ?? 0.05);
const MAX_SECONDS = Number(process.env.MAX_SECONDS ?? 600);
let CHAIN_ID = 31337; // read from the node below
const ADMIN_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const PRICE = 10n ** 15n;

CHAIN_ID = parseInt((await (await fetch(RPC, { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }) })).json()).result, 16);
const chain = { ...foundry, id: CHAIN_ID };
const transport = http(RPC, { batch: false, retryCount: 2, timeout: 60_000 });
const node = createPublicClient({ chain, transport, pollingInterval: 500 });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();
const deadline = Date.now() + MAX_SECONDS * 1000;

const stats = { detail: [], quote: [], apiErrors: new Map(), badAnswers: new Map(), quotes: 0 };
const note = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

async function api(method, path, { token, body } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body) headers['content-type'] = 'application/json';
  let response;
  let text;
  try {
    response = await fetch(BASE + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    text = await response.text();
  } catch (e) {
    return { status: 0, json: { detail: `connection: ${e.cause?.code ?? e.message}` }, type: '' };
  }
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { raw: text.slice(0, 200) }; }
  return { status: response.status, json, type: response.headers.get('content-type') ?? '' };
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
  const signature = await account.signMessage({ message });
  const verified = await api('POST', '/api/auth/verify', { body: { message, signature } });
  if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${JSON.stringify(verified.json)}`);
  return verified.json.accessToken;
}

async function pool(items, concurrency, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

const soldOut = (r) => r.status === 409 && /sold out|are left/.test(r.json?.detail ?? '');

function timed(list, promise) {
  const started = now();
  return promise.then((r) => { list.push(now() - started); return r; });
}

async function metrics() {
  const text = await (await fetch(BASE + '/actuator/prometheus')).text();
  const calls = {};
  const confirmation = {};
  let requests = 0;
  let lag = 0;
  for (const line of text.split('\n')) {
    let m = line.match(/^echain_chain_rpc_calls_total\{.*method="([^"]+)".*\} ([0-9.eE+]+)/);
    if (m) calls[m[1]] = Number(m[2]);
    m = line.match(/^echain_chain_rpc_requests_total(?:\{.*\})? ([0-9.eE+]+)/);
    if (m) requests = Number(m[1]);
    m = line.match(/^echain_indexer_lag_blocks(?:\{.*\})? ([0-9.eE+-]+)/);
    if (m) lag = Number(m[1]);
    m = line.match(/^echain_payment_confirmation_seconds_bucket\{.*le="([^"]+)".*\} ([0-9.eE+]+)/);
    if (m) confirmation[m[1]] = Number(m[2]);
  }
  return { calls, requests, lag, confirmation };
}

// A percentile from the difference of two cumulative Prometheus histograms: the upper bound of the first bucket
// that holds the share p of the observations between them.
function histogramPct(before, after, p) {
  const bounds = Object.keys(after).filter((le) => le !== '+Inf').map(Number).sort((a, b) => a - b);
  const total = (after['+Inf'] ?? 0) - (before['+Inf'] ?? 0);
  if (total <= 0) return { total: 0, value: NaN };
  for (const le of bounds) {
    const key = Object.keys(after).find((k) => Number(k) === le);
    if ((after[key] ?? 0) - (before[key] ?? 0) >= p * total) return { total, value: le };
  }
  return { total, value: Infinity };
}

const pct = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};

// --- the event ---
const admin = privateKeyToAccount(ADMIN_KEY);
let adminToken = await signIn(admin);
const granted = await api('PUT', `/api/admin/organizers/${admin.address}`, { token: adminToken });
if (granted.status !== 200) throw new Error(`grant organizer: ${granted.status} ${JSON.stringify(granted.json)}`);
adminToken = await signIn(admin);
const startsAt = new Date(Date.now() + 30 * 86400e3);
startsAt.setMilliseconds(0);
const created = await api('POST', '/api/events', { token: adminToken, body: {
  name: 'The drop', description: 'Benchmark sell-out', location: 'Loopback Arena', startsAt: startsAt.toISOString(),
  endsAt: new Date(startsAt.getTime() + 4 * 3600e3).toISOString(), priceWei: PRICE.toString(), capacity: TICKETS } });
if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.json)}`);
const eventId = created.json.id;
for (let i = 0; ; i++) {
  const q = await api('GET', `/api/events/${eventId}/quote?quantity=1`);
  if (q.status === 200) break;
  if (i > 120) throw new Error(`event never became buyable: ${JSON.stringify(q.json)}`);
  await sleep(500);
}
console.error(`event ${eventId}: ${TICKETS} tickets on sale`);

// --- the buyers: fresh keys, funded with anvil_setBalance, signed in ---
const buyers = Array.from({ length: BUYERS }, (_, i) => ({ i, account: privateKeyToAccount(generatePrivateKey()) }));
await pool(buyers, 20, (b) => rpc('anvil_setBalance', [b.account.address, toHex(10n ** 20n)]));
await pool(buyers, 32, async (b) => { b.token = await signIn(b.account); });
console.error(`${BUYERS} buyers funded and signed in`);

// --- the drop ---
// An independent visitor in its own process: what a browser on the event page waits for, whatever this process's
// own (saturated) event loop does to the latencies it measures itself.
const stopFile = `${process.env.WORK ?? '/tmp'}/drop-probe-stop-${process.pid}`;
const probe = spawn(process.execPath, [new URL('./probe.mjs', import.meta.url).pathname], {
  env: { ...process.env, EVENT_ID: String(eventId), STOP_FILE: stopFile }, stdio: ['ignore', 'pipe', 'inherit'] });
let probeOut = '';
probe.stdout.on('data', (d) => { probeOut += d; });
const probeDone = new Promise((resolve) => probe.on('exit', resolve));
const before = await metrics();
const headBefore = Number(await node.getBlockNumber());
let maxLag = 0;
let over = false;
const purchases = []; // { hash, qty, bad, paymentId, status, block, confirmedAt }
const failedOther = [];
const confirmWatch = [];

const sampler = (async () => {
  while (!over) {
    try { maxLag = Math.max(maxLag, (await metrics()).lag); } catch { /* the next sample */ }
    await sleep(500);
  }
})();

async function visitor() {
  await sleep(Math.random() * 2000);
  while (!over && Date.now() < deadline) {
    const cycle = now();
    const detail = await timed(stats.detail, api('GET', `/api/events/${eventId}`));
    if (detail.status !== 200) note(stats.apiErrors, `detail ${detail.status}`);
    const quote = await timed(stats.quote, api('GET', `/api/events/${eventId}/quote?quantity=${1 + Math.floor(Math.random() * 4)}`));
    stats.quotes++;
    if (quote.status !== 200 && !soldOut(quote)) note(stats.apiErrors, `visitor quote ${quote.status}`);
    await sleep(Math.max(0, 2000 - (now() - cycle)));
  }
}

async function buyer(b) {
  const wallet = createWalletClient({ account: b.account, chain, transport });
  let nonce = 0;
  while (!over && Date.now() < deadline) {
    const bad = Math.random() < BAD_SHARE ? ['amount', 'quantity', 'hash'][Math.floor(Math.random() * 3)] : null;
    const qty = 1 + Math.floor(Math.random() * 4);
    if (bad === 'quantity') {
      const r = await api('GET', `/api/events/${eventId}/quote?quantity=11`);
      note(stats.badAnswers, `over-limit quantity -> ${r.status}${r.type.startsWith('application/problem+json') ? ' problem' : ''}`);
      continue;
    }
    if (bad === 'hash') {
      const r = await api('POST', '/api/payments', { token: b.token, body: { txHash: toHex(crypto.getRandomValues(new Uint8Array(32))) } });
      note(stats.badAnswers, `garbage hash -> ${r.status}${r.json?.status ? ' ' + r.json.status : ''}`);
      continue;
    }
    const quote = await timed(stats.quote, api('GET', `/api/events/${eventId}/quote?quantity=${qty}`));
    stats.quotes++;
    if (soldOut(quote)) {
      if (/sold out/.test(quote.json.detail)) return; // this buyer is done
      continue; // fewer left than asked: try a smaller quantity
    }
    if (quote.status !== 200) { note(stats.apiErrors, `buyer quote ${quote.status}`); await sleep(200); continue; }
    const value = bad === 'amount' ? BigInt(quote.json.value) - 1n : BigInt(quote.json.value);
    let hash;
    try {
      hash = await wallet.sendTransaction({ to: quote.json.to, data: quote.json.data, value, gas: 400_000n, nonce,
        maxFeePerGas: parseGwei('10'), maxPriorityFeePerGas: 1n });
      nonce++;
    } catch (e) {
      failedOther.push(`send: ${e.shortMessage ?? e.message}`);
      nonce = await node.getTransactionCount({ address: b.account.address, blockTag: 'pending' }).catch(() => nonce);
      await sleep(500);
      continue;
    }
    const reported = await api('POST', '/api/payments', { token: b.token, body: { txHash: hash } });
    if (reported.status !== 201 && reported.status !== 200) { note(stats.apiErrors, `payment ${reported.status}`); continue; }
    const purchase = { hash, qty, bad, id: reported.json.id };
    purchases.push(purchase);
    const receipt = await receiptOf(hash);
    if (!receipt) { purchase.unseen = true; continue; } // judged by the API's status at the end
    purchase.ok = receipt.status === 'success';
    purchase.block = Number(receipt.blockNumber);
    if (purchase.ok && Math.random() < 0.25) confirmWatch.push(watchConfirmation(b, purchase));
  }
}

// One watcher reads every new block's receipts (eth_getBlockReceipts: one node call per block) and wakes the
// buyers waiting for them, so 2,000 buyers do not poll the node for their receipts.
const waiting = new Map(); // hash -> resolve
const blockTimes = new Map();
function receiptOf(hash) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { waiting.delete(hash); resolve(null); }, 120_000);
    waiting.set(hash, (r) => { clearTimeout(timer); resolve(r); });
  });
}
let watching = true;
const watcher = (async () => {
  let next = Number(await node.getBlockNumber()) + 1;
  while (watching) {
    try {
      const head = parseInt(await rpc('eth_blockNumber', []), 16);
      for (; next <= head; next++) {
        const block = await rpc('eth_getBlockByNumber', [toHex(next), false]);
        blockTimes.set(next, parseInt(block.timestamp, 16) * 1000);
        for (const r of await rpc('eth_getBlockReceipts', [toHex(next)])) {
          const wake = waiting.get(r.transactionHash);
          if (wake) {
            waiting.delete(r.transactionHash);
            wake({ status: r.status === '0x1' ? 'success' : 'reverted', blockNumber: parseInt(r.blockNumber, 16) });
          }
        }
      }
    } catch { /* the next round */ }
    await sleep(300);
  }
})();

async function watchConfirmation(b, purchase) {
  const minedAt = blockTimes.get(purchase.block);
  for (let i = 0; i < 240; i++) {
    const r = await api('GET', `/api/payments/${purchase.id}`, { token: b.token });
    if (r.json?.status === 'CONFIRMED') { purchase.confirmedAfter = Date.now() - minedAt; return; }
    await sleep(250);
  }
}

const dropStarted = Date.now();
let soldOutAt = null;
const visitorsDone = Promise.all(Array.from({ length: VISITORS }, () => visitor().catch((e) => note(stats.apiErrors, `visitor: ${e.message}`))));
await Promise.all(buyers.map((b) => buyer(b).catch((e) => failedOther.push(`buyer: ${e.message}`))));
soldOutAt = Date.now();
over = true;
writeFileSync(stopFile, '');
await probeDone;
rmSync(stopFile, { force: true });
await visitorsDone;
await sampler;
await Promise.all(confirmWatch);
watching = false;
await watcher;
await sleep(8000); // the last purchases reach N confirmations

// --- what happened ---
const after = await metrics();
const headAfter = Number(await node.getBlockNumber());
const view = (await api('GET', `/api/events/${eventId}`)).json;
// Tickets on chain: ERC721A's totalSupply (this fresh chain holds one event).
const chainInfo = (await api('GET', '/api/chain')).json ?? {};
const nft = chainInfo.ticketNft ?? chainInfo.contracts?.ticketNft;
const sold = nft ? Number(await node.readContract({ address: nft, abi: [{ type: 'function', name: 'totalSupply',
  stateMutability: 'view', inputs: [], outputs: [{ type: 'uint256' }] }], functionName: 'totalSupply' }))
  : purchases.filter((p) => p.ok).reduce((s, p) => s + p.qty, 0);
const badAmount = purchases.filter((p) => p.bad === 'amount');
const statuses = new Map();
const ownerOf = new Map();
// Re-read every payment as its owner.
await pool(buyers, 32, async (b) => {
  const mine = await api('GET', '/api/me/payments', { token: b.token });
  for (const p of mine.json ?? []) ownerOf.set(p.txHash, p.status);
});
for (const p of purchases) {
  const status = ownerOf.get(p.hash) ?? 'MISSING';
  note(statuses, `${p.bad === 'amount' ? 'wrong amount' : p.unseen ? 'receipt not seen by the bench' : p.ok ? 'mined ok' : 'reverted'} -> ${status}`);
  if (!p.bad && status === 'FAILED' && p.ok !== false) failedOther.push(`FAILED in the API: ${p.hash}`);
}
const revertedGood = purchases.filter((p) => !p.bad && p.ok === false).length;
const seconds = ((soldOutAt ?? Date.now()) - dropStarted) / 1000;
const blocks = Math.max(1, headAfter - headBefore);
const delta = (m) => (after.calls[m] ?? 0) - (before.calls[m] ?? 0);
const totalCalls = Object.keys(after.calls).reduce((s, m) => s + delta(m), 0);
// The quote path's calls: eth_call (getEvent, paused, maxTicketsPerPurchase), eth_gasPrice with the latest block in the
// same batch (the indexer reads headers with eth_getBlockByNumber too, so that one is counted as eth_gasPrice), estimates.
const quoteCalls = delta('eth_call') + 2 * delta('eth_gasPrice') + delta('eth_estimateGas');
const confirmed = purchases.filter((p) => p.confirmedAfter != null).map((p) => p.confirmedAfter);

console.log(`tickets: ${TICKETS}, buyers: ${BUYERS}, visitors: ${VISITORS}, bad input share: ${BAD_SHARE}`);
console.log(`sold on chain (${nft ? 'totalSupply' : 'receipts'}): ${sold}, API sold: ${view?.availability?.sold}, remaining: ${view?.availability?.remaining}`);
console.log(`oversold: ${Math.max(0, sold - TICKETS)}`);
console.log(`time to sell out: ${seconds.toFixed(1)} s${Date.now() > deadline ? ' (deadline hit)' : ''}`);
console.log(`tickets/s: ${(sold / seconds).toFixed(1)}`);
console.log(`purchases sent: ${purchases.length}; reverted without bad input (sold out meanwhile): ${revertedGood}`);
console.log(`failed other than by selling out: ${failedOther.length}${failedOther.length ? ' ' + JSON.stringify(failedOther.slice(0, 5)) : ''}`);
console.log(`payment statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
console.log(`bad input answers: ${JSON.stringify(Object.fromEntries(stats.badAnswers))}`);
console.log(`API errors other than 409 sold-out: ${[...stats.apiErrors.values()].reduce((a, b) => a + b, 0)} ${JSON.stringify(Object.fromEntries(stats.apiErrors))}`);
console.log(`event detail: n=${stats.detail.length} p50 ${pct(stats.detail, 0.5).toFixed(1)} ms p99 ${pct(stats.detail, 0.99).toFixed(1)} ms`);
console.log(`quote: n=${stats.quote.length} p50 ${pct(stats.quote, 0.5).toFixed(1)} ms p99 ${pct(stats.quote, 0.99).toFixed(1)} ms`);
process.stdout.write(probeOut);
const serverConfirmation = [0.5, 0.99].map((p) => histogramPct(before.confirmation, after.confirmation, p));
console.log(`report -> CONFIRMED in the API (the backend's echain_payment_confirmation histogram, ${serverConfirmation[0].total} payments; bucket upper bounds): p50 <= ${serverConfirmation[0].value} s p99 <= ${serverConfirmation[1].value} s`);
console.log(`block -> CONFIRMED (3 confirmations, ${confirmed.length} sampled): p50 ${(pct(confirmed, 0.5) / 1000).toFixed(1)} s p99 ${(pct(confirmed, 0.99) / 1000).toFixed(1)} s`);
console.log(`indexer max lag: ${maxLag} blocks`);
console.log(`blocks: ${blocks}; node calls total: ${totalCalls} (${(totalCalls / blocks).toFixed(1)}/block), HTTP requests: ${after.requests - before.requests}`);
console.log(`node calls by method: ${JSON.stringify(Object.fromEntries(Object.keys(after.calls).map((m) => [m, delta(m)]).filter(([, v]) => v > 0)))}`);
console.log(`quote node calls: ${quoteCalls} = ${(quoteCalls / blocks).toFixed(2)}/block, ${(quoteCalls / Math.max(1, stats.quotes)).toFixed(4)}/quote over ${stats.quotes} quotes`);
process.exit(0);
