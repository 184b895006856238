// Web app benchmark, browser part (not a test): JavaScript per route and FCP/LCP of the events list, measured in
// Debian's headless Chromium driven by playwright-core (from frontend/node_modules) against BASE_URL.
//   node bench/web/pages.mjs http://127.0.0.1:PORT [loads=5] [eventId]
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const require = createRequire(new URL('../../frontend/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const base = process.argv[2]
const loads = Number(process.argv[3] ?? 5)
const eventId = process.argv[4] ?? '1'
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

async function withBrowser(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'echain-bench-chromium-'))
  const context = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args, viewport: { width: 1280, height: 900 } })
  try {
    return await fn(context)
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Every script the route loads before anyone touches it (wallet code loads on the first wallet action). */
async function scriptsOf(context, path) {
  const page = await context.newPage()
  const scripts = new Map()
  page.on('response', async (response) => {
    const url = response.url()
    if (response.request().resourceType() !== 'script' || !url.startsWith(base)) return
    try {
      const body = await response.body()
      scripts.set(url, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length })
    } catch {
      // a response without a body (redirect)
    }
  })
  await page.goto(base + path, { waitUntil: 'networkidle' })
  await page.waitForTimeout(500)
  await page.close()
  const list = [...scripts.values()]
  return { files: list.length, raw: list.reduce((s, x) => s + x.raw, 0), gzip: list.reduce((s, x) => s + x.gzip, 0) }
}

const routes = [
  ['events list', '/'],
  ['event page', `/events/${eventId}`],
  ['my tickets', '/tickets'],
  ['organizer', '/organizer'],
  ['admin', '/admin'],
]
const sizes = await withBrowser(async (context) => {
  const out = []
  for (const [name, path] of routes) {
    // A fresh cache per route: what a first visit to that URL downloads.
    await context.clearCookies()
    const cdp = await context.newCDPSession(await context.newPage())
    await cdp.send('Network.clearBrowserCache')
    out.push({ route: name, path, ...(await scriptsOf(context, path)) })
  }
  return out
})

const paints = []
for (let i = 0; i < loads; i++) {
  paints.push(
    await withBrowser(async (context) => {
      const page = await context.newPage()
      // When the first event card is in the DOM (next animation frame ≈ painted): the list's real content.
      await page.addInitScript(() => {
        const observer = new MutationObserver(() => {
          if (document.querySelector('main a[href^="/events/"]')) {
            observer.disconnect()
            requestAnimationFrame(() => ((window).__cardsAt = performance.now()))
          }
        })
        observer.observe(document, { subtree: true, childList: true })
      })
      await page.goto(base + '/', { waitUntil: 'load' })
      await page.getByRole('link').filter({ hasText: 'ETH' }).first().waitFor()
      await page.waitForTimeout(1000)
      return page.evaluate(
        () =>
          new Promise((resolve) => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
            new PerformanceObserver((list) => {
              const entries = list.getEntries()
              const last = entries[entries.length - 1]
              resolve({ fcp, lcp: last.startTime, lcpElement: `${last.element?.tagName ?? '?'} "${(last.element?.textContent ?? '').trim().slice(0, 40)}"`, cards: window.__cardsAt })
            }).observe({ type: 'largest-contentful-paint', buffered: true })
          }),
      )
    }),
  )
}

const kb = (n) => Math.round(n / 102.4) / 10
console.log('\nJavaScript per route (first visit, before any wallet action; gzip -9 of each script):')
console.log('route          files   raw KB   gzip KB')
for (const s of sizes) console.log(`${s.route.padEnd(14)} ${String(s.files).padStart(5)} ${String(kb(s.raw)).padStart(8)} ${String(kb(s.gzip)).padStart(9)}`)
console.log(`\nEvents list, ${loads} cold loads: FCP ${paints.map((p) => Math.round(p.fcp)).join(', ')} ms; LCP ${paints.map((p) => Math.round(p.lcp)).join(', ')} ms`)
console.log(`median FCP ${Math.round(median(paints.map((p) => p.fcp)))} ms, median LCP ${Math.round(median(paints.map((p) => p.lcp)))} ms (target LCP <= 1000 ms)`)
console.log(`LCP element: ${[...new Set(paints.map((p) => p.lcpElement))].join(' | ')}`)
console.log(`first event cards shown: ${paints.map((p) => Math.round(p.cards)).join(', ')} ms; median ${Math.round(median(paints.map((p) => p.cards)))} ms`)
console.log(JSON.stringify({ sizes, paints }))
