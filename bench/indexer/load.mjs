// Load generator for bench/indexer (loopback only, bounded): registers one event and sends purchases to
// the local Anvil through JSON-RPC batches from its unlocked development accounts.
//   node load.mjs backfill <rpc-url> <deployment.json> <purchases>
//   node load.mjs steady <rpc-url> <deployment.json> <seconds> <per-second>
import { readFileSync } from 'node:fs';

const [mode, rpcUrl, deploymentFile, ...args] = process.argv.slice(2);
if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(rpcUrl)) throw new Error(`loopback RPC only: ${rpcUrl}`);
const deployment = JSON.parse(readFileSync(deploymentFile, 'utf8'));
const EVENT_ID = 1n;
const PRICE = 1_000_000_000_000n; // 0.000001 ETH
let nextId = 1;

async function rpc(calls) {
  const body = calls.map(([method, params]) => ({ jsonrpc: '2.0', id: nextId++, method, params }));
  const response = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const results = await response.json();
  for (const r of results) if (r.error) throw new Error(`${JSON.stringify(r.error)}`);
  return results.sort((a, b) => a.id - b.id).map(r => r.result);
}
const one = async (method, params) => (await rpc([[method, params]]))[0];
const word = v => BigInt(v).toString(16).padStart(64, '0');

async function accounts() {
  return one('eth_accounts', []);
}

function purchaseData() {
  // purchaseTickets(uint256,uint256): selector computed by the caller script (cast sig) and passed in env.
  return process.env.PURCHASE_SELECTOR + word(EVENT_ID) + word(1);
}

async function register(from) {
  const block = await one('eth_getBlockByNumber', ['latest', false]);
  const now = BigInt(block.timestamp);
  const data = process.env.REGISTER_SELECTOR + word(EVENT_ID) + word(from) + word(PRICE) + word(1_000_000)
    + word(now - 1n) + word(now + 86_400n * 30n) + word(now + 86_400n * 31n) + word(0);
  const hash = await one('eth_sendTransaction', [{ from, to: deployment.ticketNft, data, gas: '0x' + (3_000_000).toString(16) }]);
  await one('anvil_mine', ['0x1']);
  const receipt = await one('eth_getTransactionReceipt', [hash]);
  if (receipt.status !== '0x1') throw new Error('registerEvent reverted');
}

const nonces = new Map();

async function loadNonces(buyers) {
  const counts = await rpc(buyers.map(b => ['eth_getTransactionCount', [b, 'pending']]));
  buyers.forEach((b, i) => nonces.set(b, parseInt(counts[i], 16)));
}

function purchaseCall(from) {
  const nonce = nonces.get(from);
  nonces.set(from, nonce + 1);
  return ['eth_sendTransaction', [{ from, to: deployment.paymentProcessor, value: '0x' + PRICE.toString(16),
    data: purchaseData(), gas: '0x' + (250_000).toString(16), nonce: '0x' + nonce.toString(16) }]];
}

async function backfill(total) {
  const [operator, ...buyers] = await accounts();
  await register(operator);
  await one('evm_setAutomine', [false]);
  await loadNonces(buyers);
  const started = Date.now();
  const batch = 500;
  let blocks = 0;
  for (let sent = 0; sent < total; sent += batch) {
    const calls = [];
    for (let i = sent; i < Math.min(total, sent + batch); i++) calls.push(purchaseCall(buyers[i % buyers.length]));
    await rpc(calls);
    await one('anvil_mine', ['0x1']);
    blocks++;
  }
  await one('evm_setAutomine', [true]);
  const head = parseInt(await one('eth_blockNumber', []), 16);
  const last = await one('eth_getBlockByNumber', ['latest', false]);
  console.log(JSON.stringify({ purchases: total, blocks, head, lastBlockTxs: last.transactions.length,
    seconds: (Date.now() - started) / 1000 }));
}

async function steady(seconds, perSecond) {
  const [, ...buyers] = await accounts();
  await loadNonces(buyers);
  const end = Date.now() + seconds * 1000;
  let i = 0;
  while (Date.now() < end) {
    const tick = Date.now();
    const calls = [];
    for (let k = 0; k < perSecond; k++) calls.push(purchaseCall(buyers[i++ % buyers.length]));
    await rpc(calls);
    await new Promise(r => setTimeout(r, Math.max(0, 1000 - (Date.now() - tick))));
  }
  console.log(JSON.stringify({ purchases: i }));
}

if (mode === 'backfill') await backfill(Number(args[0]));
else if (mode === 'steady') await steady(Number(args[0]), Number(args[1]));
else throw new Error(`unknown mode ${mode}`);
