import { useChainInfo } from '../lib/chain-info'
import { ApiError } from '../lib/api'

/** A banner while the backend cannot reach the chain node (or the backend itself is unreachable). */
export function NodeBanner() {
  const { error, nodeDown } = useChainInfo()
  if (!error) return null
  const apiDown = error instanceof ApiError && error.status === 0
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto max-w-6xl px-4 py-3 text-sm text-amber-950">
        <p className="font-semibold">
          {apiDown ? 'Echain cannot be reached right now.' : nodeDown ? 'The blockchain node cannot be reached right now.' : 'Chain status unknown.'}
        </p>
        <p>
          {apiDown
            ? 'Check your connection. The page keeps trying.'
            : 'You can still browse events and see your tickets. Buying, refunds and withdrawals wait until the node is back; this page checks again every few seconds.'}
        </p>
      </div>
    </div>
  )
}
