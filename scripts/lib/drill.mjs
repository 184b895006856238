// Client side of scripts/restore-drill.sh (loopback only, bounded): signs in with SIWE (cast signs), seeds data
// through the API and the chain, takes snapshots of what the API answers and compares them.
//   node drill.mjs seed <api> <rpc> <deployment.json> <api-events> <purchases> <seed.json>
//   node drill.mjs snapshot <api> <seed.json> <snapshot.json>
//   node drill.mjs compare <a.json> <b.json> [restore|reindex]
//   node drill.mjs indexed <api> <seed.json>        (exit 0 when every expected ticket is projected)
//   node drill.mjs token <api> <key-index>          (prints an access token of Anvil development key <key-index>)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CAST = `${ROOT}/contracts/node_modules/@foundry-rs/cast-linux-amd64/bin/cast`;
// Anvil development keys 0..8 (public, local only): 0 is the admin and organizer, 1..8 buy.
const KEYS = ['0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
  '0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e',
  '0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356',
  '0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97'];
const PRICE = 1_000_000_000_000_000n;
const loopback = (url) => { if (!/^http:\/\/127\.0\.0\.1:\d+/.test(url)) throw new Error(`loopback only: ${url}`); return url; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const word = (v) => BigInt(v).toString(16).padStart(64, '0');
const cast = (...args) => execFileSync(CAST, args, { encoding: 'utf8' }).trim();

async function http(method, url, { token, body, headers = {} } = {}) {
  const response = await fetch(loopback(url), { method, headers: { ...headers,
    ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
  body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, etag: response.headers.get('etag') };
}
async function ok(method, url, options) {
  const r = await http(method, url, options);
  if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

let rpcId = 1;
async function rpc(url, calls) {
  const body = calls.map(([method, params]) => ({ jsonrpc: '2.0', id: rpcId++, method, params }));
  const results = await (await fetch(loopback(url), { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body) })).json();
  for (const r of results) if (r.error) throw new Error(JSON.stringify(r.error));
  return results.sort((a, b) => a.id - b.id).map((r) => r.result);
}
const one = async (url, method, params) => (await rpc(url, [[method, params]]))[0];

export async function signIn(api, key) {
  const address = cast('wallet', 'address', '--private-key', key);
  const n = await ok('POST', `${api}/api/auth/nonce`);
  const message = `${n.domain} wants you to sign in with your Ethereum account:\n${address}\n\n${n.statement}\n\n`
    + `URI: ${n.uri}\nVersion: 1\nChain ID: ${n.chainId}\nNonce: ${n.nonce}\n`
    + `Issued At: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`;
  const signature = cast('wallet', 'sign', '--private-key', key, message);
  return (await ok('POST', `${api}/api/auth/verify`, { body: { message, signature } })).accessToken;
}

async function waitFor(what, check, { seconds = 300, onWait = async () => {} } = {}) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await onWait();
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function seed(api, rpcUrl, deploymentFile, apiEvents, purchases, out) {
  const deployment = JSON.parse(readFileSync(deploymentFile, 'utf8'));
  const mine = (n = 1) => one(rpcUrl, 'anvil_mine', ['0x' + n.toString(16)]);
  const admin = await signIn(api, KEYS[0]);
  const capacity = Math.ceil((purchases * 2) / apiEvents) + 10;
  const start = Date.now() + 30 * 86_400_000;
  const ids = [];
  for (let i = 0; i < apiEvents; i++) {
    const event = await ok('POST', `${api}/api/events`, { token: admin, body: {
      name: `Drill concert #${i + 1}`, description: 'Seeded by the restore drill', location: `Hall ${i + 1}, Lisbon`,
      startsAt: new Date(start + i * 86_400_000).toISOString(), endsAt: new Date(start + i * 86_400_000 + 3 * 3_600_000).toISOString(),
      priceWei: PRICE.toString(), capacity } });
    ids.push(event.id);
  }
  const chainStatus = async (id) => (await ok('GET', `${api}/api/events/${id}`, { token: admin })).chain.status;
  await waitFor('events registered on chain', async () => {
    for (const id of ids) if ((await chainStatus(id)) !== 'CONFIRMED') return false;
    return true;
  }, { onWait: () => mine(1) });

  // Purchases from accounts 1..8, in blocks of 500 (automine off), quantity 2 every fifth.
  const accounts = await one(rpcUrl, 'eth_accounts', []);
  const buyers = accounts.slice(1, 9);
  const nonces = new Map((await rpc(rpcUrl, buyers.map((b) => ['eth_getTransactionCount', [b, 'pending']])))
    .map((n, i) => [buyers[i], parseInt(n, 16)]));
  const selector = cast('sig', 'purchaseTickets(uint256,uint256)');
  const expected = Object.fromEntries(ids.map((id) => [id, 0]));
  await one(rpcUrl, 'evm_setAutomine', [false]);
  for (let sent = 0; sent < purchases; sent += 500) {
    const calls = [];
    for (let i = sent; i < Math.min(purchases, sent + 500); i++) {
      const from = buyers[i % buyers.length];
      const id = ids[i % ids.length];
      const quantity = i % 5 === 0 ? 2 : 1;
      expected[id] += quantity;
      const nonce = nonces.get(from); nonces.set(from, nonce + 1);
      calls.push(['eth_sendTransaction', [{ from, to: deployment.paymentProcessor, data: selector + word(id) + word(quantity),
        value: '0x' + (PRICE * BigInt(quantity)).toString(16), gas: '0x' + (400_000).toString(16), nonce: '0x' + nonce.toString(16) }]]);
    }
    await rpc(rpcUrl, calls);
    await mine(1);
  }
  await one(rpcUrl, 'evm_setAutomine', [true]);
  await mine(3);

  // Three buyers report a purchase through the API; the last event is cancelled and its first buyer claims refunds.
  const buyerTokens = [];
  for (let b = 1; b <= 3; b++) buyerTokens.push(await signIn(api, KEYS[b]));
  const cancelled = ids[ids.length - 1];
  await waitFor('tickets indexed', async () => (await indexedCount(api, admin, ids, expected)) === ids.length,
    { onWait: () => mine(1) });
  for (let b = 0; b < 3; b++) {
    const [first] = (await ok('GET', `${api}/api/me/tickets`, { token: buyerTokens[b] }));
    await ok('POST', `${api}/api/payments`, { token: buyerTokens[b], body: { txHash: first.mintTxHash } });
  }
  await ok('DELETE', `${api}/api/events/${cancelled}`, { token: admin });
  await waitFor('cancellation on chain', async () => (await chainStatus(cancelled)) === 'CONFIRMED', { onWait: () => mine(1) });
  // Buyer b buys event b % ids.length: the buyer with index ids.length - 1 holds tickets of the cancelled event.
  const refunder = ids.length - 1;
  const refunderToken = await signIn(api, KEYS[refunder + 1]);
  const refundable = (await ok('GET', `${api}/api/me/tickets`, { token: refunderToken }))
    .filter((t) => t.eventId === cancelled && t.status === 'ACTIVE').map((t) => t.tokenId).slice(0, 40);
  const refundSelector = cast('sig', 'claimRefunds(uint256[])');
  const data = refundSelector + word(32) + word(refundable.length) + refundable.map(word).join('');
  if (!refundable.length) throw new Error('no ticket of the cancelled event to refund');
  const hash = await one(rpcUrl, 'eth_sendTransaction', [{ from: buyers[refunder], to: deployment.paymentProcessor, data,
    gas: '0x' + (200_000 + 80_000 * refundable.length).toString(16) }]);
  let receipt = null;
  await waitFor('the refund transaction', async () => (receipt = await one(rpcUrl, 'eth_getTransactionReceipt', [hash])) !== null,
    { onWait: () => mine(1) });
  if (receipt.status !== '0x1') throw new Error('claimRefunds reverted');
  expected[cancelled] -= refundable.length;
  await mine(3);
  const seedData = { ids, cancelled, expected, refunded: refundable.length, refunder: refunder + 1, purchases };
  await waitFor('refunds indexed', async () => (await indexedCount(api, admin, ids, expected)) === ids.length,
    { onWait: () => mine(1) });
  writeFileSync(out, JSON.stringify(seedData, null, 2));
  console.log(`seeded ${ids.length} events through the API, ${purchases} purchases (${Object.values(expected)
    .reduce((a, b) => a + b, 0)} tickets held), ${refundable.length} refunded tickets`);
}

async function indexedCount(api, token, ids, expected) {
  let done = 0;
  for (const id of ids) {
    const event = await ok('GET', `${api}/api/events/${id}`, { token });
    if (event.availability.sold === expected[id]) done++;
  }
  return done;
}

async function snapshot(api, seedFile, out) {
  const seedData = JSON.parse(readFileSync(seedFile, 'utf8'));
  const admin = await signIn(api, KEYS[0]);
  const buyers = [];
  const buyerKeys = [...new Set([1, 2, 3, seedData.refunder])];
  for (const b of buyerKeys) buyers.push(await signIn(api, KEYS[b]));
  const snap = {};
  const get = async (key, url, token) => { snap[key] = (await http('GET', `${api}${url}`, { token })); };
  await get('chain', '/api/chain');
  await get('events page 0', '/api/events?page=0&size=50');
  await get('events page 7', '/api/events?page=7&size=20');
  await get('events search jazz', '/api/events?q=jazz&size=20');
  await get('events available', '/api/events?available=true&size=20');
  const total = snap['events page 0'].body.totalItems;
  for (const id of seedData.ids) {
    await get(`event ${id}`, `/api/events/${id}`);
    await get(`sales ${id}`, `/api/events/${id}/sales`, admin);
  }
  for (let id = seedData.ids.length + 1; id <= total; id += Math.max(1, Math.floor(total / 25))) {
    await get(`event ${id}`, `/api/events/${id}`);
  }
  await get('revenue', '/api/organizers/me/revenue', admin);
  for (let b = 0; b < buyers.length; b++) {
    await get(`buyer ${buyerKeys[b]} tickets`, '/api/me/tickets', buyers[b]);
    await get(`buyer ${buyerKeys[b]} payments`, '/api/me/payments', buyers[b]);
    const tickets = snap[`buyer ${buyerKeys[b]} tickets`].body;
    for (const t of [tickets[0], tickets[Math.floor(tickets.length / 2)], tickets[tickets.length - 1]]) {
      await get(`metadata ${t.tokenId}`, `/api/tickets/${t.tokenId}/metadata`);
    }
  }
  writeFileSync(out, JSON.stringify(snap, null, 1));
  console.log(`snapshot: ${Object.keys(snap).length} answers, ${total} events`);
}

// Fields that change with the chain's head between two snapshots, and (re-index) the projection's own row
// bookkeeping: payment row ids and their createdAt/updatedAt.
function normalize(value, mode, key = '') {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalize(v, mode));
    if (mode === 'reindex' && /payments$/.test(key)) items.sort((a, b) => String(a.paymentId).localeCompare(String(b.paymentId)));
    return items;
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'headBlock' || k === 'confirmations') continue;
      if (mode === 'reindex' && 'paymentId' in value && (k === 'id' || k === 'createdAt' || k === 'updatedAt')) continue;
      out[k] = normalize(v, mode, key);
    }
    return out;
  }
  // Links in ticket metadata come from ECHAIN_PUBLIC_URL (the same for every backend here); older ones carried the request's origin.
  return typeof value === 'string' ? value.replace(/^http:\/\/127\.0\.0\.1:\d+\//, '<origin>/') : value;
}

function diff(a, b, at, found) {
  if (found.length >= 20) return;
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], `${at}/${k}`, found);
  } else {
    found.push(`${at}: ${JSON.stringify(a)?.slice(0, 120)} -> ${JSON.stringify(b)?.slice(0, 120)}`);
  }
}

function compare(fileA, fileB, mode = 'restore') {
  const a = JSON.parse(readFileSync(fileA, 'utf8'));
  const b = JSON.parse(readFileSync(fileB, 'utf8'));
  const found = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    diff(normalize(a[key], mode, key), normalize(b[key], mode, key), key, found);
  }
  const answers = Object.keys(a).length;
  const tickets = Object.entries(a).filter(([k]) => k.endsWith('tickets')).reduce((n, [, v]) => n + v.body.length, 0);
  if (found.length) {
    console.log(`compare (${mode}): ${found.length}${found.length >= 20 ? '+' : ''} differences in ${answers} answers:`);
    for (const f of found) console.log(`  ${f}`);
    process.exit(1);
  }
  console.log(`compare (${mode}): the same ${answers} answers (statuses and bodies; ${tickets} buyer tickets listed)`);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'seed') await seed(args[0], args[1], args[2], Number(args[3]), Number(args[4]), args[5]);
else if (command === 'snapshot') await snapshot(args[0], args[1], args[2]);
else if (command === 'compare') compare(args[0], args[1], args[2]);
else if (command === 'token') console.log(await signIn(args[0], KEYS[Number(args[1])]));
else if (command === 'indexed') {
  const seedData = JSON.parse(readFileSync(args[1], 'utf8'));
  const admin = await signIn(args[0], KEYS[0]);
  process.exit((await indexedCount(args[0], admin, seedData.ids, seedData.expected)) === seedData.ids.length ? 0 : 1);
} else throw new Error(`unknown command ${command}`);
