import { chromium, type Browser, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPublicClient, createWalletClient, defineChain, http, type Address, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { Pass } from '../src/lib/checkin/code'
import { signCode } from '../src/lib/checkin/issue'
import { eventTicketNftAbi } from '../src/lib/contracts.generated'
import type { Backend } from './support/api'
import { writeQrVideo } from './support/fake-camera'
import { checkPage, connectAndSignIn, expect, test } from './support/fixtures'
import { DEV_KEYS, OPERATOR_KEY, type Stack } from './support/stack'
import { TestWallet } from './support/wallet'

const HOLDER_KEY = DEV_KEYS[7]
const DOOR_KEY = DEV_KEYS[8]
const addressOf = (key: Hex) => privateKeyToAccount(key).address
const PRICE = 10_000_000_000_000_000n
/** The short address as the pages show it, whatever its case. */
const short = (address: string) => new RegExp(`${address.slice(0, 6)}…${address.slice(-4)}`, 'i')

interface Config {
  chainId: number
  domainName: string
  domainVersion: string
  codeRefreshSeconds: number
}

/** A browser whose camera is Chromium's fake device playing `video` (a Y4M file the test rewrites). */
async function cameraBrowser(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  })
}

/** The holder page's pass and delegate key, read from its localStorage, to make codes in Node (old ones, too). */
async function delegationOf(page: Page): Promise<{ pass: Pass; delegateKey: Hex }> {
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('echain.checkin.pass.'))
    return key ? localStorage.getItem(key) : null
  })
  expect(stored, 'a pass in localStorage').toBeTruthy()
  const s = JSON.parse(stored!) as { holder: Address; eventId: string; delegate: Address; notBefore: string; notAfter: string; signature: Hex; delegateKey: Hex }
  return {
    pass: { holder: s.holder, eventId: BigInt(s.eventId), delegate: s.delegate, notBefore: BigInt(s.notBefore), notAfter: BigInt(s.notAfter), signature: s.signature },
    delegateKey: s.delegateKey,
  }
}

async function scanTyped(page: Page, code: string) {
  await page.getByLabel('Or type or paste the code').fill(code)
  await page.getByRole('button', { name: 'Check code' }).click()
}

async function transfer(stack: Stack, key: Hex, to: Address, tokenId: bigint) {
  const chain = defineChain({ id: stack.chainId, name: 'Anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [stack.anvilUrl] } } })
  const account = privateKeyToAccount(key)
  const wallet = createWalletClient({ account, chain, transport: http(stack.anvilUrl) })
  const client = createPublicClient({ chain, transport: http(stack.anvilUrl) })
  const hash = await wallet.writeContract({ address: stack.ticketNft, abi: eventTicketNftAbi, functionName: 'transferFrom', args: [account.address, to, tokenId] })
  await client.waitForTransactionReceipt({ hash })
}

/** Waits until the offline list (from the indexer) shows `tokenId` owned by `owner`. */
async function indexedOwner(backend: Backend, eventId: number, tokenId: string, owner: string) {
  const token = await backend.token(DOOR_KEY)
  await expect
    .poll(
      async () => {
        const list = (await backend.call<{ tickets: { tokenId: string; owner: string }[] }>('GET', `/api/events/${eventId}/checkins/list`, { token })).json
        return list.tickets.find((t) => t.tokenId === tokenId)?.owner.toLowerCase()
      },
      { timeout: 30_000 },
    )
    .toBe(owner.toLowerCase())
}

test('check-in: the holder shows a rotating code; the scanner admits it once through the camera and refuses a second scan, an expired code and a code from before a transfer; offline scans sync with a conflict; the organizer watches live', async ({ backend, person, stack }) => {
  test.setTimeout(300_000)
  const holder = addressOf(HOLDER_KEY)
  const door = addressOf(DOOR_KEY)
  const event = await backend.publishedEvent(OPERATOR_KEY, { name: 'Door Test: Night Market', location: 'Markthalle Neun, Berlin', priceWei: PRICE.toString() })
  await backend.buyDirect(HOLDER_KEY, event.chainEventId, 3, PRICE)
  const config = (await backend.call<Config>('GET', '/api/checkin/config')).json
  const domain = { name: config.domainName, version: config.domainVersion, chainId: config.chainId }

  // The organizer names the door staff in the dashboard.
  const organizer = await person(OPERATOR_KEY)
  await organizer.page.goto(`/organizer/events/${event.id}`)
  await connectAndSignIn(organizer.page)
  await expect(organizer.page.getByRole('heading', { name: 'Door staff' })).toBeVisible()
  await organizer.page.getByLabel('Door staff wallet address').fill('0x12')
  await organizer.page.getByRole('button', { name: 'Add door staff' }).click()
  await expect(organizer.page.getByText('Enter a wallet address: 0x followed by 40 hex characters.')).toBeVisible()
  await organizer.page.getByLabel('Door staff wallet address').fill(door)
  await organizer.page.getByRole('button', { name: 'Add door staff' }).click()
  await expect(organizer.page.getByText('can now check in tickets for this event')).toBeVisible()
  await expect(organizer.page.getByRole('list', { name: 'Door staff' })).toContainText(short(door))
  await expect(organizer.page.getByText('No scans yet')).toBeVisible()
  await checkPage(organizer.page, 'organizer-door-staff')

  // The holder opens "Show ticket": one wallet signature, then a code that changes.
  const mine = (await backend.call<{ tokenId: string; eventId: number | null }[]>('GET', '/api/me/tickets', { token: await backend.token(HOLDER_KEY) })).json
    .filter((t) => t.eventId === event.id)
    .map((t) => t.tokenId)
    .sort((a, b) => Number(a) - Number(b))
  expect(mine).toHaveLength(3)
  const [first, second, third] = mine as [string, string, string]
  const h = await person(HOLDER_KEY)
  await h.page.goto('/tickets')
  await connectAndSignIn(h.page)
  await h.page.getByRole('link', { name: `Show ticket #${first}` }).click()
  await expect(h.page.getByRole('heading', { name: `Ticket #${first}`, level: 1 })).toBeVisible()
  await expect(h.page.getByText('One signature for today')).toBeVisible()
  await checkPage(h.page, 'show-ticket-sign')
  await h.page.getByRole('button', { name: 'Show my code' }).click()
  const qr = h.page.getByTestId('checkin-code')
  await expect(qr).toHaveAttribute('data-code', /^ECHK1\.[A-Za-z0-9_-]{300,}$/)
  await expect(h.page.getByTestId('code-countdown')).toContainText(/New code in \d+ s/)
  await expect(qr.locator('svg')).toBeVisible()
  const code1 = (await qr.getAttribute('data-code'))!
  await checkPage(h.page, 'show-ticket-code')
  await expect(qr).not.toHaveAttribute('data-code', code1, { timeout: (config.codeRefreshSeconds + 10) * 1000 })
  // A reload reuses the pass: no second wallet signature.
  await h.page.reload()
  await h.page.getByRole('button', { name: 'Sign in with your wallet' }).click()
  await expect(qr).toHaveAttribute('data-code', /^ECHK1\./)
  await expect(h.page.getByRole('button', { name: 'Show my code' })).toHaveCount(0)
  const { pass, delegateKey } = await delegationOf(h.page)
  const delegate = privateKeyToAccount(delegateKey)
  expect(pass.holder.toLowerCase()).toBe(holder.toLowerCase())

  // Door staff, in a browser whose camera plays a video of the holder's live code.
  const videoDir = mkdtempSync(join(tmpdir(), 'echain-fake-camera-'))
  const video = join(videoDir, 'code.y4m')
  writeQrVideo(video, null)
  const browser = await cameraBrowser(video)
  try {
    const context = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1280, height: 900 } })
    const wallet = new TestWallet(DOOR_KEY, stack.rpcUrl, stack.chainId)
    await wallet.install(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => console.error(`[scanner page error] ${error.message}`))
    await page.goto('/door')
    await connectAndSignIn(page)
    await expect(page.getByText('Door staff', { exact: true })).toBeVisible()
    await checkPage(page, 'door-events')
    await page.getByRole('link', { name: 'Scan tickets for Door Test: Night Market' }).click()
    await page.getByRole('button', { name: 'Start scanning' }).click()
    await expect(page.getByText('Name the gate in 1 to 40 characters')).toBeVisible()
    await page.getByLabel('Which gate is this device at?').fill('North')
    await page.getByRole('button', { name: 'Start scanning' }).click()
    await expect(page.getByTestId('gate')).toHaveText('North')
    await expect(page.getByTestId('offline-list')).toContainText('Offline list: 3 tickets')

    writeQrVideo(video, (await qr.getAttribute('data-code'))!)
    await page.getByRole('button', { name: 'Start camera' }).click()
    const verdict = page.getByTestId('verdict')
    await expect(verdict).toHaveAttribute('data-verdict', 'ADMITTED', { timeout: 30_000 })
    await expect(verdict).toContainText('Admitted')
    await expect(verdict).toContainText(`#${first}`)
    await expect(verdict).toContainText(short(holder))
    await expect(verdict).toContainText('3 (1 in)')
    await expect(page.getByTestId('camera-engine')).toBeVisible()
    await checkPage(page, 'door-admitted-camera')
    await page.getByRole('button', { name: 'Stop camera' }).click()

    // The holder's next code: the same ticket again.
    await scanTyped(page, (await qr.getAttribute('data-code'))!)
    await expect(verdict).toHaveAttribute('data-reason', 'ALREADY_CHECKED_IN')
    await expect(verdict).toContainText('Refused: Already checked in')
    await expect(verdict).toContainText('gate “North”')
    await checkPage(page, 'door-refused-already')

    // A code made two minutes ago (a screenshot).
    const old = await signCode(delegate, domain, pass, BigInt(second), BigInt(Math.floor(Date.now() / 1000) - 120))
    await scanTyped(page, old)
    await expect(verdict).toHaveAttribute('data-reason', 'CODE_EXPIRED')
    await expect(verdict).toContainText('The code has expired')

    // Garbage and another event's code are refusals in words, too.
    await scanTyped(page, 'https://example.com/not-a-ticket')
    await expect(verdict).toHaveAttribute('data-reason', 'MALFORMED')
    await expect(verdict).toContainText('not an Echain ticket code')

    // A live code made before the ticket was transferred on chain.
    const beforeTransfer = await signCode(delegate, domain, pass, BigInt(second), BigInt(Math.floor(Date.now() / 1000)))
    const buyer = addressOf(DEV_KEYS[6])
    await transfer(stack, HOLDER_KEY, buyer, BigInt(second))
    await indexedOwner(backend, event.id, second, buyer)
    await scanTyped(page, beforeTransfer)
    await expect(verdict).toHaveAttribute('data-reason', 'NOT_OWNER')
    await expect(verdict).toContainText('Not the current owner')
    await checkPage(page, 'door-refused-transferred')

    // Offline: another gate admits the third ticket online meanwhile; this scanner, cut off, admits it on the device.
    await page.reload()
    await page.getByRole('button', { name: 'Sign in with your wallet' }).click()
    await expect(page.getByTestId('offline-list')).toContainText('Offline list: 3 tickets')
    await context.setOffline(true)
    await expect(page.getByTestId('connection')).toContainText('Offline')
    const south = await backend.call<{ verdict: string }>('POST', `/api/events/${event.id}/checkins`, {
      token: await backend.token(OPERATOR_KEY),
      body: { code: await signCode(delegate, domain, pass, BigInt(third), BigInt(Math.floor(Date.now() / 1000))), gate: 'South', scanId: crypto.randomUUID() },
    })
    expect(south.json.verdict).toBe('ADMITTED')
    const thirdCode = await signCode(delegate, domain, pass, BigInt(third), BigInt(Math.floor(Date.now() / 1000)))
    await scanTyped(page, thirdCode)
    await expect(verdict).toHaveAttribute('data-verdict', 'ADMITTED')
    await expect(verdict).toContainText('Decided on this device')
    await expect(page.getByTestId('queue')).toHaveText('1 scan waiting to sync.')
    await scanTyped(page, thirdCode)
    await expect(verdict).toHaveAttribute('data-reason', 'ALREADY_CHECKED_IN')
    await expect(page.getByTestId('queue')).toHaveText('2 scans waiting to sync.')
    // The first ticket, admitted online before the reload, is refused from the downloaded list.
    await scanTyped(page, await signCode(delegate, domain, pass, BigInt(first), BigInt(Math.floor(Date.now() / 1000))))
    await expect(verdict).toHaveAttribute('data-reason', 'ALREADY_CHECKED_IN')
    await expect(verdict).toContainText('gate “North”')
    await expect(page.getByTestId('queue')).toHaveText('3 scans waiting to sync.')
    await checkPage(page, 'door-offline')

    await context.setOffline(false)
    const report = page.getByTestId('sync-report')
    await expect(report).toContainText('Synced 3 scans', { timeout: 30_000 })
    await expect(report).toContainText('1 decided differently by Echain')
    await expect(report).toContainText(`Ticket #${third}: shown admitted here, Echain says Already checked in (first in at gate “South”`)
    await expect(page.getByTestId('queue')).toHaveText('Nothing waiting to sync.')
    await checkPage(page, 'door-synced')
  } finally {
    await browser.close()
    rmSync(videoDir, { recursive: true, force: true })
  }

  // The organizer's live panel follows without a reload.
  const summary = organizer.page.getByTestId('checkin-summary')
  await expect(organizer.page.getByTestId('checked-in')).toHaveText('2 / 3', { timeout: 15_000 })
  await expect(organizer.page.getByRole('cell', { name: 'North' })).toBeVisible()
  await expect(organizer.page.getByRole('cell', { name: 'South' })).toBeVisible()
  await expect(organizer.page.getByTestId('refused-by-reason')).toContainText('Code expired')
  await expect(organizer.page.getByTestId('refused-by-reason')).toContainText('Not the current owner')
  await expect(organizer.page.getByTestId('recent-scans')).toContainText('Refused: Already checked in')
  await expect(summary.getByTestId('conflicts-count')).toHaveText('1')
  await expect(organizer.page.getByTestId('conflicts')).toContainText(`Ticket #${third}`)
  await checkPage(organizer.page, 'organizer-checkin-live')

  // The organizer revokes the door staff.
  await organizer.page.getByRole('button', { name: new RegExp(`^Revoke ${door}$`, 'i') }).click()
  await expect(organizer.page.getByText('can no longer check in tickets')).toBeVisible()
})
