// Check-in benchmark, offline part (not a test): the time the scanner takes to verify one code on the device, in
// Debian's headless Chromium (playwright-core from frontend/node_modules), with the app's own verify function
// (frontend/src/lib/checkin, bundled by Vite) against an offline list of TICKETS (20,000) tickets of one event.
// Each measured code is a real one: a holder's EIP-712 pass (one of HOLDERS wallets) and a delegate-signed code.
//   node bench/checkin/offline.mjs            CODES=2000 TICKETS=20000 HOLDERS=500 node bench/checkin/offline.mjs
import { createRequire } from 'node:module'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const frontend = fileURLToPath(new URL('../../frontend/', import.meta.url))
const require = createRequire(join(frontend, 'package.json'))
const { chromium } = require('playwright-core')
const { build } = await import(require.resolve('vite'))

const TICKETS = Number(process.env.TICKETS ?? 20_000)
const CODES = Number(process.env.CODES ?? 2_000)
const HOLDERS = Number(process.env.HOLDERS ?? 500)

// 1. The app's module as one script for the page (entry under frontend/ so viem resolves from its node_modules).
const entryDir = join(frontend, 'node_modules/.echain-bench')
mkdirSync(entryDir, { recursive: true })
writeFileSync(
  join(entryDir, 'checkin-entry.ts'),
  `export { indexBundle, verifyOffline } from '../../src/lib/checkin/offline'
export { passTypedData, passWindow, signCode } from '../../src/lib/checkin/issue'
export { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
`,
)
const out = mkdtempSync(join(tmpdir(), 'echain-bench-checkin-'))
await build({
  configFile: false,
  root: frontend,
  logLevel: 'warn',
  build: {
    outDir: out,
    emptyOutDir: true,
    minify: true,
    lib: { entry: join(entryDir, 'checkin-entry.ts'), formats: ['iife'], name: 'EchainCheckin', fileName: () => 'checkin.js' },
  },
})
const script = readFileSync(join(out, 'checkin.js'), 'utf8')

const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args })
try {
  const page = await browser.newPage()
  await page.setContent('<!doctype html><title>offline verify</title>')
  await page.addScriptTag({ content: script })
  const result = await page.evaluate(
    async ({ TICKETS, CODES, HOLDERS }) => {
      const C = window.EchainCheckin
      const domain = { name: 'Echain Check-in', version: '1', chainId: 31337 }
      const eventId = 7n
      const now = Math.floor(Date.now() / 1000)
      // Holders with a pass each (their wallet's one signature), tickets dealt round-robin.
      const holders = []
      for (let h = 0; h < HOLDERS; h++) {
        const wallet = C.privateKeyToAccount(C.generatePrivateKey())
        const delegate = C.privateKeyToAccount(C.generatePrivateKey())
        const fields = { holder: wallet.address, eventId, delegate: delegate.address, ...C.passWindow(now, now + 4 * 3600) }
        const signature = await wallet.signTypedData(C.passTypedData(domain, fields))
        holders.push({ wallet, delegate, pass: { ...fields, signature } })
      }
      const tickets = []
      for (let i = 1; i <= TICKETS; i++) {
        const holder = holders[i % HOLDERS]
        tickets.push({ tokenId: String(i), owner: holder.wallet.address.toLowerCase(), status: i % 97 === 0 ? 'REFUNDED' : 'ACTIVE', ownerSince: now - 86_400, ownerConfirmed: true, checkedInAt: null, gate: null })
      }
      const bundle = { eventId: 7, chainId: 31337, generatedAt: new Date().toISOString(), codeWindowSeconds: 60, maxPassSeconds: 26 * 3600, cancelled: false, onChain: true, tickets }
      const json = JSON.stringify(bundle)
      const t0 = performance.now()
      const index = C.indexBundle(JSON.parse(json))
      const indexMs = performance.now() - t0

      // Codes of distinct tickets spread over the list, made before the clock starts.
      const codes = []
      for (let k = 0; k < CODES; k++) {
        const tokenId = 1 + Math.floor((k * TICKETS) / CODES)
        const holder = holders[tokenId % HOLDERS]
        codes.push(await C.signCode(holder.delegate, domain, holder.pass, BigInt(tokenId), BigInt(now)))
      }
      const local = new Map()
      const times = []
      const verdicts = {}
      for (let k = 0; k < codes.length; k++) {
        const start = performance.now()
        const v = await C.verifyOffline(codes[k], index, { scanId: String(k), gate: 'Bench', now: Date.now(), domainName: domain.name, domainVersion: domain.version, localAdmissions: local })
        if (v.verdict === 'ADMITTED') local.set(v.tokenId, { at: v.scannedAt, gate: 'Bench' })
        times.push(performance.now() - start)
        const key = v.reason ?? v.verdict
        verdicts[key] = (verdicts[key] ?? 0) + 1
      }
      return { times, verdicts, indexMs, bundleBytes: json.length }
    },
    { TICKETS, CODES, HOLDERS },
  )
  const sorted = [...result.times].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  const fmt = (ms) => `${ms.toFixed(2)} ms`
  console.log(`Chromium ${browser.version()}, ${TICKETS.toLocaleString('en')} tickets (${(result.bundleBytes / 1e6).toFixed(1)} MB of JSON), ${HOLDERS} holders, ${CODES} codes`)
  console.log(`offline list indexed once in ${fmt(result.indexMs)}`)
  console.log(`verify one code offline: median ${fmt(at(0.5))}, p90 ${fmt(at(0.9))}, p99 ${fmt(at(0.99))}, max ${fmt(sorted[sorted.length - 1])} (target p99 <= 50 ms)`)
  console.log(`verdicts: ${JSON.stringify(result.verdicts)}`)
  console.log(JSON.stringify({ tickets: TICKETS, codes: CODES, medianMs: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1], indexMs: result.indexMs, verdicts: result.verdicts }))
  if (!(at(0.99) <= 50)) process.exitCode = 1
} finally {
  await browser.close()
  rmSync(out, { recursive: true, force: true })
}
