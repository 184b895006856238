// Prepares bench/faults: signs in an organizer (the admin) and a buyer with SIWE (messages signed by `cast wallet
// sign` with Anvil development keys), publishes EVENTS events and one more that the outbox puts on chain, and writes
// what the load needs to <out>/setup.json.
//   node setup.mjs <base-url> <cast> <out-dir>
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [base, cast, out] = process.argv.slice(2);
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) throw new Error(`loopback only: ${base}`);
const KEYS = {
  admin: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  buyer: '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
};
const EVENTS = Number(process.env.EVENTS ?? 50);

async function api(method, path, body, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function signIn(key) {
  const address = execFileSync(cast, ['wallet', 'address', '--private-key', key]).toString().trim();
  const nonce = await api('POST', '/api/auth/nonce');
  const message = `${nonce.domain} wants you to sign in with your Ethereum account:\n${address}\n\nSign in to Echain.\n\n`
    + `URI: ${nonce.uri}/login\nVersion: 1\nChain ID: ${nonce.chainId}\nNonce: ${nonce.nonce}\n`
    + `Issued At: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`;
  const signature = execFileSync(cast, ['wallet', 'sign', '--private-key', key, message]).toString().trim();
  return (await api('POST', '/api/auth/verify', { message, signature })).accessToken;
}

function eventBody(name) {
  const start = new Date(Date.now() + 30 * 86400_000);
  start.setMilliseconds(0);
  return { name, description: 'Fault benchmark event', location: 'Berlin', startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString(), priceWei: '1000000000000', capacity: 1000 };
}

const organizerToken = await signIn(KEYS.admin);
const buyerToken = await signIn(KEYS.buyer);
const events = [];
for (let i = 0; i < EVENTS; i++) events.push((await api('POST', '/api/events', eventBody(`Bench event ${i}`), organizerToken)).id);
const onChainEvent = (await api('POST', '/api/events', eventBody('On chain'), organizerToken)).id;
const deadline = Date.now() + 120_000;
let status;
do {
  await new Promise(r => setTimeout(r, 500));
  status = (await api('GET', `/api/events/${onChainEvent}`, null, organizerToken)).chain.status;
} while (status !== 'CONFIRMED' && Date.now() < deadline);
if (status !== 'CONFIRMED') throw new Error(`event ${onChainEvent} not confirmed on chain: ${status}`);
await api('GET', `/api/events/${onChainEvent}/quote`);
writeFileSync(`${out}/setup.json`, JSON.stringify({ organizerToken, buyerToken, events, onChainEvent,
  dbStop: process.env.DB_STOP, dbStart: process.env.DB_START, nodeStop: process.env.NODE_STOP,
  nodeStart: process.env.NODE_START }));
console.log(`${events.length} events, event ${onChainEvent} on chain`);
