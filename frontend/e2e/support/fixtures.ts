import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Hex } from 'viem'
import { Backend } from './api'
import { startStack, type Stack } from './stack'
import { TestWallet } from './wallet'

export const SCREENSHOTS = resolve(import.meta.dirname, '../output/screenshots')

export interface Person {
  context: BrowserContext
  page: Page
  wallet: TestWallet
}

interface WorkerFixtures {
  stack: Stack
  backend: Backend
}
interface TestFixtures {
  /** A person with a browser wallet holding `key`, in a fresh browser context. */
  person: (key: Hex, options?: { chainId?: number }) => Promise<Person>
}

async function newPerson(browser: Browser, stack: Stack, key: Hex, options: { chainId?: number } = {}): Promise<Person> {
  const context = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1280, height: 900 } })
  const wallet = new TestWallet(key, stack.rpcUrl, stack.chainId, options)
  await wallet.install(context)
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  return { context, page, wallet }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  stack: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const stack = await startStack()
      await use(stack)
      await stack.stop()
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  backend: [async ({ stack }, use) => use(new Backend(stack)), { scope: 'worker' }],
  person: async ({ browser, stack }, use) => {
    const people: Person[] = []
    await use(async (key, options) => {
      const p = await newPerson(browser, stack, key, options)
      people.push(p)
      return p
    })
    await Promise.all(people.map((p) => p.context.close()))
  },
})

export { expect }

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), `axe on ${what}`).toEqual([])
}

/** Screenshots at desktop and phone width (full page) into e2e/output/screenshots, then back to desktop. */
export async function screenshots(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  // From the top, or the sticky header lands in the middle of a full-page picture.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(150)
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** axe plus screenshots: what every page visit in a journey ends with. */
export async function checkPage(page: Page, name: string) {
  await expectAccessible(page, name)
  await screenshots(page, name)
}

/** Connects the test wallet through the header's list of EIP-6963 wallets. */
export async function connect(page: Page) {
  const header = page.locator('header')
  await expect(header.getByRole('button', { name: 'Connect wallet' })).toBeVisible()
  await header.getByRole('button', { name: 'Connect wallet' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect a wallet' })
  await dialog.getByRole('button', { name: 'Echain Test Wallet' }).click()
  await expect(dialog).toBeHidden()
}

/** Connects the test wallet and signs in with SIWE from the header. */
export async function connectAndSignIn(page: Page) {
  await connect(page)
  const header = page.locator('header')
  await header.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(header.getByRole('button', { name: 'Sign in', exact: true })).toBeHidden()
  await expect(header.getByRole('button', { name: /^Account 0x/ })).toBeVisible()
}
