import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ChainInfo, EventView } from '../../lib/api-types'
import BuyPanel from './buy-panel'
import { closedReason } from './closed-reason'

const UNREACHABLE = 'Purchases are paused: the platform cannot reach the blockchain right now; they resume by themselves once it is back'
// The checkout reads the real clock: the event is on sale now.
const NOW = Date.now()
const DAY = 24 * 60 * 60 * 1000
const at = (days: number) => new Date(NOW + days * DAY).toISOString()

const onSale: EventView = {
  id: 3, name: 'Harbour Jazz', description: 'Live', location: 'Hamburg', startsAt: at(30), endsAt: at(30.2),
  saleStartsAt: at(-1), saleEndsAt: at(30), transferLocked: false, priceWei: '15000000000000000',
  organizer: '0xabc', status: 'SCHEDULED', availability: { capacity: 80, sold: 2, remaining: 78 }, chain: { eventId: '3', status: 'CONFIRMED' },
  purchases: { paused: false, reason: null }, createdAt: at(-2), updatedAt: at(-2), version: 4,
}
const paused: EventView = { ...onSale, purchases: { paused: true, reason: UNREACHABLE } }

const chainInfo: ChainInfo = {
  chainId: 84532, chainName: 'Base Sepolia', rpcUrl: 'http://127.0.0.1:1', blockExplorerUrl: null,
  ticketNft: '0x5FbDB2315678afecb367f032d93F642f64180aa3', paymentProcessor: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
  deploymentBlock: 1, confirmations: 2, headBlock: 100,
}

/** Every request answers 503, as the API does while the node is away. */
function nodeAway() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      new Response(JSON.stringify({ type: 'https://echain.io/problems/unavailable', title: 'Service unavailable', status: 503, detail: 'The blockchain node is unreachable (eth_blockNumber); try again shortly' }), {
        status: 503,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '5' },
      }),
    ),
  )
}

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

function withQueries(children: ReactNode, queries = client()) {
  return <QueryClientProvider client={queries}>{children}</QueryClientProvider>
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('closedReason', () => {
  it('tells the buyer that purchases are paused, and why, while the platform takes none', () => {
    expect(closedReason(paused, NOW, true, false)).toBe(`${UNREACHABLE}.`)
    expect(closedReason(onSale, NOW, true, false)).toBeNull()
  })

  it('says "Purchases are paused" even when the reason does not, or is missing', () => {
    expect(closedReason({ ...onSale, purchases: { paused: true, reason: 'the node is being upgraded' } }, NOW, true, false)).toBe(
      'Purchases are paused: the node is being upgraded.',
    )
    expect(closedReason({ ...onSale, purchases: { paused: true, reason: null } }, NOW, true, false)).toMatch(/^Purchases are paused/)
  })

  it('puts what the event itself says first: cancelled, ended, sold out, not on sale', () => {
    expect(closedReason({ ...paused, status: 'CANCELLED' }, NOW, true, false)).toMatch(/cancelled/)
    expect(closedReason({ ...paused, availability: { capacity: 80, sold: 80, remaining: 0 } }, NOW, true, false)).toBe('Sold out.')
    expect(closedReason({ ...paused, saleStartsAt: at(2) }, NOW, true, false)).toMatch(/^Ticket sales open/)
  })
})

describe('BuyPanel while purchases are paused', () => {
  it('shows the reason instead of the buy button, even before the chain settings ever loaded', async () => {
    nodeAway()
    const queries = client()
    render(withQueries(<BuyPanel event={paused} />, queries))
    await waitFor(() => expect(queries.getQueryState(['chain'])?.status).toBe('error'))
    expect(await screen.findByText(`${UNREACHABLE}.`)).toBeVisible()
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.queryByText(/cannot be reached, so the app cannot talk to your wallet/)).toBeNull()
  })

  it('shows the reason instead of the buy button when the chain settings are known from an earlier visit', async () => {
    localStorage.setItem('echain.chain', JSON.stringify(chainInfo))
    nodeAway()
    const queries = client()
    render(withQueries(<BuyPanel event={paused} />, queries))
    // GET /api/chain answered 503: the wallet scope goes on with the settings kept from before, so the checkout shows.
    await waitFor(() => expect(queries.getQueryState(['chain'])?.status).toBe('error'))
    expect(await screen.findByText(`${UNREACHABLE}.`)).toBeVisible()
    expect(screen.queryByRole('button', { name: /buy/i })).toBeNull()
    expect(screen.queryByLabelText('Quantity')).toBeNull()
  })

  it('without a pause, says why wallet actions are off instead', async () => {
    nodeAway()
    const queries = client()
    render(withQueries(<BuyPanel event={onSale} />, queries))
    expect(await screen.findByText(/cannot be reached, so the app cannot talk to your wallet/)).toBeVisible()
    expect(screen.queryByText(/Purchases are paused/)).toBeNull()
  })
})
