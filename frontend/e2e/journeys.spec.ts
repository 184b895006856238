import { privateKeyToAccount } from 'viem/accounts'
import { DEV_KEYS, OPERATOR_KEY, TREASURY_KEY } from './support/stack'
import { checkPage, connect, connectAndSignIn, expect, test } from './support/fixtures'


test('1. a buyer searches, opens an event, signs in, buys 2 tickets, reloads while the purchase is in flight, and finds them in My tickets', async ({ backend, person }) => {
  const event = await backend.publishedEvent(OPERATOR_KEY, { name: 'Harbour Jazz Night', location: 'Elbphilharmonie, Hamburg', priceWei: '10000000000000000' })
  const { page, wallet } = await person(DEV_KEYS[1])

  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Events', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: /Harbour Jazz Night/ })).toBeVisible()
  await checkPage(page, 'events-list')

  await page.getByRole('searchbox', { name: 'Search' }).fill('harbour jazz')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(/\?q=harbour\+jazz/)
  await expect(page.getByText(/1 event for “harbour jazz”/)).toBeVisible()
  await checkPage(page, 'events-search')
  await page.getByRole('link', { name: /Harbour Jazz Night/ }).click()

  await expect(page.getByRole('heading', { name: 'Harbour Jazz Night', level: 1 })).toBeVisible()
  await expect(page.getByTestId('quote')).toContainText('1 × 0.01 ETH')
  await checkPage(page, 'event')

  await connectAndSignIn(page)
  await page.getByLabel('Quantity').selectOption('2')
  await expect(page.getByTestId('quote')).toContainText('2 × 0.01 ETH')
  await expect(page.getByTestId('quote')).toContainText('0.02 ETH')
  await expect(page.getByTestId('quote')).toContainText(/Network fee \(≈ [\d,]+ gas\)/)
  await page.getByRole('button', { name: 'Buy 2 tickets · 0.02 ETH' }).click()

  const status = page.getByTestId('purchase-status')
  await expect(status).toContainText('PENDING')
  expect(wallet.sent).toHaveLength(1)
  const txHash = wallet.sent[0]!

  // The buyer reloads the page while the purchase is in flight. Blocks are held back over the reload, so the page is
  // seen picking the purchase up (from the chain: the sign-in token was in memory only) rather than finding it done.
  await backend.pauseMining()
  try {
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Harbour Jazz Night', level: 1 })).toBeVisible()
    const progress = page.getByTestId('purchase-progress')
    await expect(progress).toContainText(`Transaction ${txHash}`)
    await expect(status).toHaveText(/^(Picking up your purchase…|PENDING: [12] of 3 confirmations)$/)
    // Still the progress, not a second checkout: no Buy button while the first purchase is in flight.
    await expect(page.getByRole('button', { name: /^Buy \d/ })).toHaveCount(0)
    await checkPage(page, 'event-purchase-resumed')
  } finally {
    await backend.resumeMining()
  }
  // (No assertion on the "n of 3" in between: with 1-second blocks the page may step past it between two looks.)
  await expect(page.getByText('CONFIRMED: your tickets are yours')).toBeVisible({ timeout: 30_000 })
  expect(wallet.sent).toHaveLength(1)
  await checkPage(page, 'event-purchase-confirmed')

  // The wallet came back by itself after the reload; My tickets needs a signature again.
  await page.locator('header').getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.locator('header').getByRole('button', { name: /^Account 0x/ })).toBeVisible()
  await page.getByRole('link', { name: 'See My tickets' }).click()
  await expect(page.getByRole('heading', { name: 'My tickets', level: 1 })).toBeVisible()
  const images = page.getByRole('img', { name: /^Ticket #\d+ for Harbour Jazz Night$/ })
  await expect(images).toHaveCount(2)
  for (const image of await images.all()) {
    await expect(image).toBeVisible()
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  }
  // One purchase, one payment: the hash is reported once (two reports at once used to make two rows).
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2)
  await expect(page.getByRole('table')).toContainText('CONFIRMED')
  await checkPage(page, 'my-tickets')
  expect(event.id).toBeGreaterThan(0)
})

const addressOf = (key: `0x${string}`) => privateKeyToAccount(key).address
/** A datetime-local value (the browser runs in the same time zone as Node). */
function local(date: Date) {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

test('2. an organizer granted by the admin creates an event, sees it on chain, edits it, and gets a 412 after another tab changed it; the admin revokes the role and the next publish is refused', async ({ person }) => {
  const organizerKey = DEV_KEYS[2]
  const admin = await person(OPERATOR_KEY)
  await admin.page.goto('/admin')
  await connectAndSignIn(admin.page)
  await expect(admin.page.getByRole('heading', { name: 'Organizers' })).toBeVisible()
  await expect(admin.page.getByTestId('platform-balance')).toContainText('ETH')
  await admin.page.getByLabel('Wallet address', { exact: true }).fill('0x1234')
  await admin.page.getByRole('button', { name: 'Make organizer' }).click()
  await expect(admin.page.getByText('Enter a wallet address: 0x followed by 40 hex characters.')).toBeVisible()
  await admin.page.getByLabel('Wallet address', { exact: true }).fill(addressOf(organizerKey))
  await admin.page.getByRole('button', { name: 'Make organizer' }).click()
  await expect(admin.page.getByText('Organizer role granted')).toBeVisible()
  await expect(admin.page.getByRole('status').filter({ hasText: 'Organizer role granted' })).toContainText('organizer')
  await checkPage(admin.page, 'admin')

  const { page, context } = await person(organizerKey)
  await page.goto('/organizer')
  await connectAndSignIn(page)
  await expect(page.getByRole('link', { name: 'Organizer', exact: true })).toBeVisible()
  await expect(page.getByText('No events yet')).toBeVisible()
  await checkPage(page, 'organizer-dashboard-empty')

  await page.getByRole('link', { name: 'New event' }).click()
  const start = new Date(Date.now() + 40 * 24 * 3600 * 1000)
  start.setSeconds(0, 0)
  await page.getByLabel('Name', { exact: true }).fill('Rooftop Cinema: Metropolis')
  await page.getByLabel('Description', { exact: true }).fill('Fritz Lang on a rooftop, with a live score.')
  await page.getByLabel('Venue', { exact: true }).fill('Klunkerkranich, Berlin')
  await page.getByLabel('Starts', { exact: true }).fill(local(new Date(Date.now() - 3600 * 1000)))
  await page.getByLabel('Ends', { exact: true }).fill(local(new Date(start.getTime() + 3 * 3600 * 1000)))
  await page.getByLabel('Ticket price (ETH)', { exact: true }).fill('0.015')
  await page.getByLabel('Tickets', { exact: true }).fill('80')
  await page.getByRole('button', { name: 'Publish event' }).click()
  // The API's field error is shown next to its field.
  await expect(page.getByText('must be in the future')).toBeVisible()
  await expect(page.getByLabel('Starts', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await checkPage(page, 'organizer-new-field-error')
  await page.getByLabel('Starts', { exact: true }).fill(local(start))
  await page.getByRole('button', { name: 'Publish event' }).click()

  await expect(page.getByText('Event published')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Rooftop Cinema: Metropolis', level: 1 })).toBeVisible()
  await expect(page.getByTestId('chain-status')).toContainText(/^On chain as event #\d+\.$/, { timeout: 45_000 })
  await expect(page.getByTestId('revenue')).toContainText('Ticket sales')
  await checkPage(page, 'organizer-event')
  const manageUrl = page.url()

  await page.getByLabel('Name', { exact: true }).fill('Rooftop Cinema: Metropolis (restored)')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('The changes are live')).toBeVisible()

  // A second tab changes the event first.
  const other = await context.newPage()
  await other.goto(manageUrl)
  await other.getByRole('button', { name: 'Sign in with your wallet' }).click()
  await other.getByLabel('Venue', { exact: true }).fill('Klunkerkranich rooftop, Berlin-Neukölln')
  await other.getByRole('button', { name: 'Save changes' }).click()
  await expect(other.getByText('The changes are live')).toBeVisible()

  await page.getByLabel('Ticket price (ETH)', { exact: true }).fill('0.02')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('This event was changed meanwhile')).toBeVisible()
  await checkPage(page, 'organizer-event-412')
  await page.getByRole('button', { name: 'Reload the current version' }).click()
  await expect(page.getByLabel('Venue', { exact: true })).toHaveValue('Klunkerkranich rooftop, Berlin-Neukölln')
  await expect(page.getByLabel('Ticket price (ETH)', { exact: true })).toHaveValue('0.015')

  await page.getByRole('link', { name: '← Organizer dashboard' }).click()
  await expect(page.getByRole('heading', { name: 'Rooftop Cinema: Metropolis (restored)' })).toBeVisible()
  await checkPage(page, 'organizer-dashboard')

  // The admin revokes the role: the answer shows the wallet's roles without organizer.
  await admin.page.getByLabel('Wallet address', { exact: true }).fill(addressOf(organizerKey))
  await admin.page.getByRole('button', { name: 'Revoke organizer' }).click()
  const revoked = admin.page.getByRole('status').filter({ hasText: 'Organizer role revoked' })
  await expect(revoked).toBeVisible()
  const organizerAddress = addressOf(organizerKey).toLowerCase()
  await expect(revoked).toContainText(`${organizerAddress.slice(0, 6)}…${organizerAddress.slice(-4)} now has:`)
  await expect(revoked.getByText('attendee', { exact: true })).toBeVisible()
  await expect(revoked.getByText('organizer', { exact: true })).toHaveCount(0)
  await expect(admin.page.getByText('Organizer role granted')).toBeHidden()
  await checkPage(admin.page, 'admin-revoked')

  // The revoked organizer's page and token still say organizer, but the API checks the role on every request.
  await page.getByRole('link', { name: 'New event' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Rooftop Cinema: Nosferatu')
  await page.getByLabel('Venue', { exact: true }).fill('Klunkerkranich, Berlin')
  await page.getByLabel('Starts', { exact: true }).fill(local(start))
  await page.getByLabel('Ends', { exact: true }).fill(local(new Date(start.getTime() + 3 * 3600 * 1000)))
  await page.getByLabel('Ticket price (ETH)', { exact: true }).fill('0.015')
  await page.getByLabel('Tickets', { exact: true }).fill('80')
  await page.getByRole('button', { name: 'Publish event' }).click()
  const refused = page.getByRole('alert').filter({ hasText: 'Your roles do not allow this request' })
  await expect(refused).toBeVisible()
  await expect(refused).toContainText('Not allowed')
  await expect(page).toHaveURL(/\/organizer\/new$/)
  await checkPage(page, 'organizer-new-revoked')
})

test('3. the organizer cancels; the buyer claims the refund of both tickets from My tickets in one transaction and sees balance and statuses follow', async ({ backend, person }) => {
  const organizerKey = DEV_KEYS[3]
  const buyerKey = DEV_KEYS[4]
  await backend.grantOrganizer(OPERATOR_KEY, addressOf(organizerKey))
  const event = await backend.publishedEvent(organizerKey, { name: 'Open Air Techno', priceWei: '20000000000000000' })
  const bought = await backend.mintedTokenIds(await backend.buyDirect(buyerKey, event.chainEventId, 2, 20000000000000000n))
  expect(bought).toHaveLength(2)

  const organizer = await person(organizerKey)
  await organizer.page.goto(`/organizer/events/${event.id}`)
  await connectAndSignIn(organizer.page)
  await expect(organizer.page.getByRole('heading', { name: 'Holders' })).toBeVisible()
  await organizer.page.getByRole('button', { name: 'Cancel event…' }).click()
  const dialog = organizer.page.getByRole('dialog', { name: 'Cancel “Open Air Techno”?' })
  await expect(dialog).toContainText('2 tickets were sold')
  await checkPage(organizer.page, 'organizer-cancel-confirm')
  await dialog.getByRole('button', { name: 'Yes, cancel the event' }).click()
  await expect(dialog).toBeHidden()
  await expect(organizer.page.getByText('Cancelled', { exact: true }).first()).toBeVisible()

  const { page, wallet } = await person(buyerKey)
  await page.goto('/tickets')
  await connectAndSignIn(page)
  await expect(page.getByText('This event was cancelled')).toBeVisible()
  const claim = page.getByRole('button', { name: 'Claim refund · 0.04 ETH' })
  await expect(claim).toBeVisible({ timeout: 45_000 })
  const balanceText = page.getByTestId('wallet-balance')
  await expect(balanceText).toContainText(/\d ETH/)
  const before = await readEth(balanceText)
  await checkPage(page, 'my-tickets-cancelled')
  const sentBefore = wallet.sent.length
  await claim.click()
  await expect(page.getByText('Refund paid to your wallet')).toBeVisible({ timeout: 30_000 })
  // One transaction for both tickets: claimRefunds with the two token ids, two refunds in its receipt.
  expect(wallet.sent).toHaveLength(sentBefore + 1)
  const claimTx = wallet.sent[sentBefore]!
  const call = await backend.decodedCall(claimTx)
  expect(call.to?.toLowerCase()).toBe(backend.stack.paymentProcessor.toLowerCase())
  expect(call.functionName).toBe('claimRefunds')
  if (call.functionName !== 'claimRefunds') throw new Error(`the claim called ${call.functionName}`)
  const ids = (list: readonly bigint[]) => list.map(String).sort()
  expect(ids(call.args[0])).toEqual(ids(bought))
  const refunded = (await backend.processorEvents(claimTx)).flatMap((log) => (log.eventName === 'TicketRefunded' ? [log.args.tokenId] : []))
  expect(ids(refunded)).toEqual(ids(bought))
  await expect(page.getByText('Refunded', { exact: true })).toHaveCount(2, { timeout: 20_000 })
  await expect(page.getByRole('table')).toContainText('REFUNDED')
  await expect.poll(async () => (await readEth(balanceText)) - before, { timeout: 10_000 }).toBeGreaterThan(0.039)
  await checkPage(page, 'my-tickets-refunded')
})

async function readEth(locator: import('@playwright/test').Locator): Promise<number> {
  const text = (await locator.innerText()).replace(/,/g, '')
  const match = /([\d.]+) ETH/.exec(text)
  return match ? Number(match[1]) : Number.NaN
}

test('4. after the event ends the organizer withdraws revenue, then the royalty of a resale, and the admin withdraws platform fees, amounts before and after', async ({ backend, person }) => {
  const organizerKey = DEV_KEYS[5]
  await backend.grantOrganizer(OPERATOR_KEY, addressOf(organizerKey))
  const startsAt = new Date(Math.max(Date.now(), (await backend.chainTime()) * 1000) + 300_000)
  const event = await backend.publishedEvent(organizerKey, {
    name: 'Sunrise Yoga',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 30_000).toISOString(),
    priceWei: '100000000000000000',
  })
  const purchase = await backend.buyDirect(DEV_KEYS[6], event.chainEventId, 2, 100000000000000000n)

  const { page, wallet } = await person(organizerKey)
  await page.goto(`/organizer/events/${event.id}`)
  await connectAndSignIn(page)
  await expect(page.getByTestId('revenue')).toContainText('0.2 ETH')
  await expect(page.getByTestId('withdrawable')).toHaveText('0 ETH')
  await expect(page.getByRole('button', { name: 'Withdraw revenue' })).toBeDisabled()

  // Anvil time travel past the event's end.
  await backend.travel(Math.ceil(startsAt.getTime() / 1000) + 35 - (await backend.chainTime()))
  await expect(page.getByTestId('withdrawable')).toHaveText('0.19 ETH', { timeout: 20_000 })
  await checkPage(page, 'organizer-withdraw-before')
  await page.getByRole('button', { name: 'Withdraw revenue · 0.19 ETH' }).click()
  await expect(page.getByText('Revenue sent to your wallet')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('withdrawn')).toHaveText('0.19 ETH')
  await expect(page.getByTestId('withdrawable')).toHaveText('0 ETH')
  await checkPage(page, 'organizer-withdraw-after')

  // Resale royalties: none yet.
  const royaltyNow = page.getByTestId('royalty-withdrawable')
  await expect(royaltyNow).toHaveText('0 ETH')
  await expect(page.getByRole('button', { name: 'Withdraw royalties (none yet)' })).toBeDisabled()
  // The holder resells a ticket elsewhere for 0.05 ETH and 10 wei; the marketplace pays the ERC-2981 royalty (10%:
  // 5,000,000,000,000,001 wei) to the event's splitter. An odd amount: the contract gives the organizer the odd wei.
  const [ticket] = await backend.mintedTokenIds(purchase)
  const { royalty } = await backend.resale(DEV_KEYS[6], DEV_KEYS[8], ticket!, 50_000_000_000_000_010n)
  expect(royalty).toBe(5_000_000_000_000_001n)
  const organizerPart = royalty - royalty / 2n
  await expect(royaltyNow).toHaveText('0.0025 ETH', { timeout: 20_000 })
  await expect(royaltyNow).toHaveAttribute('title', '0.002500000000000001 ETH')
  await checkPage(page, 'organizer-royalty-before')
  const sentBefore = wallet.sent.length
  await page.getByRole('button', { name: 'Withdraw royalties · 0.0025 ETH' }).click()
  await expect(page.getByText('Royalties sent to your wallet')).toBeVisible({ timeout: 30_000 })
  // What the contract paid is what the page showed, to the wei.
  expect(wallet.sent).toHaveLength(sentBefore + 1)
  const paid = (await backend.processorEvents(wallet.sent[sentBefore]!)).flatMap((log) => (log.eventName === 'RoyaltyWithdrawn' ? [log.args.amount] : []))
  expect(paid).toEqual([organizerPart])
  await expect(page.getByTestId('royalty-withdrawn')).toHaveAttribute('title', '0.002500000000000001 ETH')
  await expect(page.getByTestId('royalty-withdrawn')).toHaveText('0.0025 ETH')
  await expect(royaltyNow).toHaveText('0 ETH')
  await expect(page.getByRole('button', { name: 'Withdraw royalties (none yet)' })).toBeDisabled()
  await checkPage(page, 'organizer-royalty-after')

  // The platform's half of the royalty (2,500,000,000,000,000 wei) joined its 5% fee of the 0.2 ETH of sales.
  const admin = await person(TREASURY_KEY)
  await admin.page.goto('/admin')
  await connectAndSignIn(admin.page)
  const balance = admin.page.getByTestId('platform-balance')
  await expect(balance).toHaveText('0.0125 ETH')
  await expect(admin.page.getByTestId('treasury-balance')).toContainText('ETH')
  const treasuryBefore = await readEth(admin.page.getByTestId('treasury-balance'))
  await checkPage(admin.page, 'admin-fees-before')
  await admin.page.getByRole('button', { name: 'Withdraw platform fees · 0.0125 ETH' }).click()
  await expect(admin.page.getByText('Platform fees sent to the treasury')).toBeVisible({ timeout: 30_000 })
  await expect(balance).toHaveText('0 ETH')
  await expect(admin.page.getByTestId('platform-withdrawn')).toHaveText('0.0125 ETH')
  await expect.poll(async () => (await readEth(admin.page.getByTestId('treasury-balance'))) - treasuryBefore).toBeGreaterThan(0.0124)
  await checkPage(admin.page, 'admin-fees-after')
})

test('5. failure paths: sold out meanwhile (then Sold out on its card and under the sold-out filter), wrong network, rejected signature and transaction, node unreachable', async ({ backend, person, stack }) => {
  const event = await backend.publishedEvent(OPERATOR_KEY, { name: 'Tiny Club Show', capacity: 2, priceWei: '10000000000000000' })

  // Wrong network: the wallet starts on Ethereum mainnet; the app offers to switch (and adds the chain).
  const { page, wallet } = await person(DEV_KEYS[7], { chainId: 1 })
  await page.goto(`/events/${event.id}`)
  await connect(page)
  await expect(page.getByText('Wrong network')).toBeVisible()
  await expect(page.locator('header').getByRole('button', { name: 'Switch to Anvil (local)' })).toBeVisible()
  await checkPage(page, 'event-wrong-network')
  await page.getByRole('complementary').getByRole('button', { name: 'Switch to Anvil (local)' }).click()
  await expect(page.getByRole('button', { name: /^Buy 1 ticket/ })).toBeVisible()
  expect(wallet.chainId).toBe(31337)
  await page.locator('header').getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.locator('header').getByRole('button', { name: 'Sign in', exact: true })).toBeHidden()

  // The person rejects the transaction in the wallet.
  wallet.rejectNext.add('eth_sendTransaction')
  await page.getByRole('button', { name: /^Buy 1 ticket/ }).click()
  await expect(page.getByText('You rejected the request in your wallet')).toBeVisible()
  await page.getByRole('button', { name: 'Try again' }).click()

  // Sold out between the quote and the send: another buyer takes both tickets.
  await page.getByLabel('Quantity').selectOption('2')
  await expect(page.getByTestId('quote')).toContainText('2 × 0.01 ETH')
  await backend.buyDirect(DEV_KEYS[8], event.chainEventId, 2, 10000000000000000n)
  await page.getByRole('button', { name: 'Buy 2 tickets · 0.02 ETH' }).click()
  const alert = page.getByRole('complementary').getByRole('alert')
  await expect(alert).toContainText('Sold out')
  await expect(alert).toContainText('The last tickets were bought while you were deciding.')
  await checkPage(page, 'event-sold-out-meanwhile')

  // The person rejects the sign-in signature.
  const second = await person(DEV_KEYS[1])
  second.wallet.rejectNext.add('personal_sign')
  await second.page.goto('/tickets')
  await second.page.locator('header').getByRole('button', { name: 'Connect wallet' }).click()
  await second.page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'Echain Test Wallet' }).click()
  await second.page.getByRole('main').getByRole('button', { name: 'Sign in with your wallet' }).click()
  await expect(second.page.getByRole('main').getByText('You rejected the request in your wallet')).toBeVisible()
  await checkPage(second.page, 'sign-in-rejected')
  await second.page.getByRole('main').getByRole('button', { name: 'Sign in with your wallet' }).click()
  await expect(second.page.getByRole('heading', { name: 'Payments' })).toBeVisible()

  // The card in the events list says Sold out, once the backend has indexed the other buyer's purchase.
  const card = page.getByRole('link', { name: /Tiny Club Show/ })
  await expect(async () => {
    await page.goto('/')
    await expect(card.getByText('Sold out', { exact: true })).toBeVisible({ timeout: 3_000 })
  }).toPass({ timeout: 45_000 })
  await expect(card).not.toContainText('available')
  // The "sold out only" filter keeps it, and says so in the URL.
  await page.getByRole('button', { name: 'Filters', exact: true }).click()
  await page.getByLabel('Tickets', { exact: true }).selectOption('soldout')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/[?&]available=false(&|$)/)
  await expect(card.getByText('Sold out', { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: /Harbour Jazz Night/ })).toHaveCount(0)
  await checkPage(page, 'events-sold-out-only')

  // The node is unreachable: a banner, and reads still work.
  await stack.proxy.down()
  try {
    await page.goto('/')
    // Generous: on a loaded 2-core machine the first page load alone can take many seconds.
    await expect(page.getByText('The blockchain node cannot be reached right now.')).toBeVisible({ timeout: 45_000 })
    await expect(card).toBeVisible()
    await expect(card.getByText('Sold out', { exact: true })).toBeVisible()
    await checkPage(page, 'node-down-events')
    await page.getByRole('link', { name: /Tiny Club Show/ }).click()
    await expect(page.getByRole('heading', { name: 'Tiny Club Show', level: 1 })).toBeVisible()
    await expect(page.getByText('Where')).toBeVisible()
    await checkPage(page, 'node-down-event')
  } finally {
    await stack.proxy.up()
  }
  await expect(page.getByText('The blockchain node cannot be reached right now.')).toBeHidden({ timeout: 20_000 })
})

test('an unknown page says so', async ({ page, stack }) => {
  const response = await page.goto(`${stack.baseUrl}/no-such-page`)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await checkPage(page, 'not-found')
})
