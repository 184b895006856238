import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NodeBanner } from './node-banner'

function chainAnswers(detail: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      new Response(JSON.stringify({ type: 'https://echain.io/problems/unavailable', title: 'Service unavailable', status: 503, detail }), {
        status: 503,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    ),
  )
}

function renderBanner() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <NodeBanner />
    </QueryClientProvider>,
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('NodeBanner', () => {
  it('says the node cannot be reached when that is all the API knows', async () => {
    chainAnswers('The blockchain node is unreachable (eth_blockNumber); try again shortly')
    renderBanner()
    expect(await screen.findByText('The blockchain node cannot be reached right now.')).toBeVisible()
    expect(screen.getByRole('alert')).toHaveTextContent('wait until the node is back')
  })

  it('gives the reason the API gives when the chain features are stopped, not an unreachable node', async () => {
    chainAnswers("Purchases are paused: the platform's blockchain connection is misconfigured")
    renderBanner()
    expect(await screen.findByText("Purchases are paused: the platform's blockchain connection is misconfigured.")).toBeVisible()
    expect(screen.queryByText(/cannot be reached/)).toBeNull()
  })
})
