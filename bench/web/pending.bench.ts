// Web app benchmark, purchase part (not a test): from "confirm" in the wallet to PENDING on screen, 5 purchases in
// Debian's Chromium against the packaged backend and a local Anvil with 1-second blocks (the e2e stack).
// Run by bench/web/run.sh through frontend/playwright.bench.config.ts.
import { writeFileSync } from 'node:fs'
import { connectAndSignIn, expect, test } from '../../frontend/e2e/support/fixtures'
import { DEV_KEYS, OPERATOR_KEY } from '../../frontend/e2e/support/stack'

const RUNS = Number(process.env.RUNS ?? 5)

test('confirm in the wallet → PENDING shown', async ({ backend, person }) => {
  const event = await backend.publishedEvent(OPERATOR_KEY, { name: 'Benchmark Night', capacity: 1000 })
  const { page, wallet } = await person(DEV_KEYS[1])
  await page.goto(`/events/${event.id}`)
  await connectAndSignIn(page)
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => {
      const w = window as unknown as { __pendingAt: number | null }
      w.__pendingAt = null
      const observer = new MutationObserver(() => {
        const status = document.querySelector('[data-testid="purchase-status"]')
        if (status?.textContent?.includes('PENDING') && w.__pendingAt === null) {
          w.__pendingAt = Date.now()
          observer.disconnect()
        }
      })
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await page.getByRole('button', { name: /^Buy 1 ticket/ }).click()
    const pendingAt = await page.waitForFunction(() => (window as unknown as { __pendingAt: number | null }).__pendingAt).then((h) => h.jsonValue() as Promise<number>)
    samples.push(pendingAt - wallet.lastConfirmAt)
    await expect(page.getByText('CONFIRMED: your tickets are yours')).toBeVisible({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Buy more' }).click()
  }
  const sorted = [...samples].sort((a, b) => a - b)
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2
  console.log(`\nconfirm → PENDING (ms): ${samples.join(', ')}; median ${median} ms (target <= 1000 ms)`)
  writeFileSync(process.env.PENDING_OUT ?? '/dev/null', JSON.stringify({ samples, median }))
})
