import type { QuoteView } from '../../lib/api-types'
import { formatEth } from '../../lib/format'

export interface QuoteLine {
  label: string
  value: string
  strong?: boolean
}

/** What the checkout shows for a quote: tickets, the fee inside the total, the network fee, and the sum. */
export function quoteLines(q: QuoteView): QuoteLine[] {
  const lines: QuoteLine[] = [
    { label: `${q.quantity} × ${formatEth(q.unitPriceWei)}`, value: formatEth(q.totalWei), strong: true },
    { label: `of which platform fee (${q.platformFeeBps / 100}%)`, value: formatEth(q.platformFeeWei) },
    {
      label: q.gasEstimate ? `Network fee (≈ ${Number(q.gasEstimate).toLocaleString('en-US')} gas)` : 'Network fee',
      value: q.estimatedGasCostWei ? `≈ ${formatEth(q.estimatedGasCostWei, 8)}` : 'shown by your wallet',
    },
  ]
  if (q.estimatedGasCostWei) {
    lines.push({ label: 'You pay about', value: formatEth(BigInt(q.totalWei) + BigInt(q.estimatedGasCostWei), 8), strong: true })
  }
  return lines
}
