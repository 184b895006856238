// Contract verification, rehearsed offline. For each deployed contract this builds the standard-JSON input an
// explorer verification submits (`forge script --verify` / `forge verify-contract`): the sources the compilation
// target needs and forge's compiler settings, both taken from the contract's solc metadata in contracts/out (forge's
// own --show-standard-json-input needs the solc release list from the internet), compiles it with the pinned solc
// (solc-js from contracts/node_modules, the version the metadata names), and compares the result with the chain:
//   - runtime code: eth_getCode at the address must equal the compiled deployedBytecode byte for byte, the CBOR
//     metadata trailer included, with immutables masked as explorers mask them (their values are set at deployment);
//   - creation code: the deployment transaction's input must start with the compiled bytecode; the rest is the
//     ABI-encoded constructor arguments the verification submits.
// Writes <out>/<Contract>.standard-input.json and prints one line per contract; exits 1 on any difference.
//   node verify-rehearsal.cjs <rpc-url> <out-dir> <Contract>=<address> ...
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const contracts = path.resolve(__dirname, '../../contracts');
const solc = require(path.join(contracts, 'node_modules/solc'));
const [rpcUrl, outDir, ...targets] = process.argv.slice(2);
if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(rpcUrl || '')) throw new Error(`loopback RPC only: ${rpcUrl}`);
fs.mkdirSync(outDir, { recursive: true });

let id = 1;
async function rpc(method, params) {
  const response = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: id++, method, params }) });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

function standardInput(metadata) {
  const settings = { ...metadata.settings };
  delete settings.compilationTarget;
  settings.outputSelection = { '*': { '*': ['evm.bytecode.object', 'evm.deployedBytecode.object',
    'evm.deployedBytecode.immutableReferences'] } };
  const sources = {};
  for (const file of Object.keys(metadata.sources)) {
    sources[file] = { content: fs.readFileSync(path.join(contracts, file), 'utf8') };
  }
  return { language: metadata.language, sources, settings };
}

function mask(hex, references) {
  const bytes = Buffer.from(hex.replace(/^0x/, ''), 'hex');
  for (const ranges of Object.values(references || {})) {
    for (const { start, length } of ranges) bytes.fill(0, start, start + length);
  }
  return bytes.toString('hex');
}

async function creationInput(address) {
  const head = parseInt(await rpc('eth_blockNumber', []), 16);
  for (let n = 0; n <= head; n++) {
    const block = await rpc('eth_getBlockByNumber', ['0x' + n.toString(16), true]);
    for (const tx of block.transactions) {
      if (tx.to !== null) continue;
      const receipt = await rpc('eth_getTransactionReceipt', [tx.hash]);
      if (receipt.contractAddress && receipt.contractAddress.toLowerCase() === address.toLowerCase()) return tx.input;
    }
  }
  throw new Error(`no creation transaction for ${address}`);
}

(async () => {
  let failures = 0;
  for (const target of targets) {
    const [name, address] = target.split('=');
    const artifact = JSON.parse(fs.readFileSync(path.join(contracts, `out/${name}.sol/${name}.json`), 'utf8'));
    const metadata = typeof artifact.metadata === 'string' ? JSON.parse(artifact.metadata) : artifact.metadata;
    const [file, contract] = Object.entries(metadata.settings.compilationTarget)[0];
    const pinned = metadata.compiler.version;
    if (!solc.version().startsWith(pinned)) throw new Error(`solc-js is ${solc.version()}, the build used ${pinned}`);
    const input = standardInput(metadata);
    fs.writeFileSync(path.join(outDir, `${name}.standard-input.json`), JSON.stringify(input, null, 2));
    const output = JSON.parse(solc.compile(JSON.stringify(input)));
    const errors = (output.errors || []).filter((e) => e.severity === 'error');
    if (errors.length) throw new Error(`${name}: ${errors.map((e) => e.formattedMessage).join('\n')}`);
    const compiled = output.contracts[file][contract].evm;
    const references = compiled.deployedBytecode.immutableReferences;
    const onChain = await rpc('eth_getCode', [address, 'latest']);
    const runtimeSame = mask(onChain, references) === mask(compiled.deployedBytecode.object, references);
    // The CBOR metadata at the end of the runtime code; its length is in the last two bytes.
    const code = compiled.deployedBytecode.object;
    const trailer = code.slice(-(parseInt(code.slice(-4), 16) + 2) * 2);
    const creation = (await creationInput(address)).replace(/^0x/, '');
    const creationSame = creation.startsWith(compiled.bytecode.object);
    const args = creation.slice(compiled.bytecode.object.length);
    const immutables = Object.values(references || {}).reduce((n, r) => n + r.length, 0);
    console.log(`${name} at ${address}: runtime ${runtimeSame ? 'identical' : 'DIFFERENT'} `
      + `(${(onChain.length - 2) / 2} bytes, ${immutables} immutable reference(s) masked, CBOR metadata ${trailer} compared), `
      + `creation ${creationSame ? 'identical' : 'DIFFERENT'}, constructor args 0x${args} `
      + `(solc ${solc.version()}, optimizer ${JSON.stringify(input.settings.optimizer)}, evm ${input.settings.evmVersion}, `
      + `${Object.keys(input.sources).length} sources)`);
    if (!runtimeSame || !creationSame) failures++;
  }
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e.message); process.exit(2); });
