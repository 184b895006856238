import { describe, expect, it } from 'vitest'
import type { QuoteView } from '../../lib/api-types'
import { quoteLines } from './quote-lines'

const quote: QuoteView = {
  eventId: 1, chainEventId: '1', quantity: 2, unitPriceWei: '10000000000000000', totalWei: '20000000000000000',
  platformFeeWei: '1000000000000000', platformFeeBps: 500, remaining: 98, maxPerPurchase: 10, gasEstimate: '90819',
  feePerGasWei: '1000000000', estimatedGasCostWei: '90819000000000', to: '0xpp', data: '0x', value: '20000000000000000',
}

describe('checkout quote', () => {
  it('shows tickets, the fee inside the total, the network fee and what the buyer pays in all', () => {
    expect(quoteLines(quote)).toEqual([
      { label: '2 × 0.01 ETH', value: '0.02 ETH', strong: true },
      { label: 'of which platform fee (5%)', value: '0.001 ETH' },
      { label: 'Network fee (≈ 90,819 gas)', value: '≈ 0.00009081 ETH' },
      { label: 'You pay about', value: '0.02009081 ETH', strong: true },
    ])
  })

  it('leaves the network fee to the wallet when the API could not estimate it', () => {
    const lines = quoteLines({ ...quote, gasEstimate: null, estimatedGasCostWei: null })
    expect(lines).toHaveLength(3)
    expect(lines[2]).toEqual({ label: 'Network fee', value: 'shown by your wallet' })
  })
})
