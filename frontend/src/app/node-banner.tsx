import { useChainInfo } from '../lib/chain-info'
import { ApiError } from '../lib/api'
import { chainPausedReason } from '../lib/purchases-paused'

/**
 * A banner while the backend cannot reach the chain node (or the backend itself is unreachable). When the API says
 * why the chain features are stopped (the node does not match its configuration), the banner says that instead of
 * claiming the node cannot be reached.
 */
export function NodeBanner() {
  const { error, nodeDown } = useChainInfo()
  if (!error) return null
  const apiDown = error instanceof ApiError && error.status === 0
  const reason = apiDown ? null : chainPausedReason(error)
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto max-w-6xl px-4 py-3 text-sm text-amber-950">
        <p className="font-semibold">
          {apiDown
            ? 'Echain cannot be reached right now.'
            : reason
              ? reason
              : nodeDown
                ? 'The blockchain node cannot be reached right now.'
                : 'Chain status unknown.'}
        </p>
        <p>
          {apiDown
            ? 'Check your connection. The page keeps trying.'
            : reason
              ? 'You can still browse events and see your tickets. Buying, refunds and withdrawals wait until the platform fixes its blockchain connection; this page checks again every few seconds.'
              : 'You can still browse events and see your tickets. Buying, refunds and withdrawals wait until the node is back; this page checks again every few seconds.'}
        </p>
      </div>
    </div>
  )
}
