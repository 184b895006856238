import type { ReactNode } from 'react'
import { WagmiContext } from 'wagmi'
import { Alert, Loading } from '../../components/ui'
import { useChainInfo } from '../chain-info'
import { chainPausedReason } from '../purchases-paused'
import { walletConfigFor } from '../wagmi'
import type { ChainInfo } from '../api-types'
import { createContext, useContext } from 'react'

const ChainContext = createContext<ChainInfo | null>(null)

/** The chain and contract addresses inside a WalletScope. */
export function useChain(): ChainInfo {
  const info = useContext(ChainContext)
  if (!info) throw new Error('useChain outside WalletScope')
  return info
}

/**
 * Gives its children wagmi (one shared config per chain, so several scopes on a page share one connection). Without
 * chain info (the node was never reachable in this browser) it explains why wallet actions are off.
 */
export function WalletScope({ children, fallback }: { children: ReactNode; fallback?: ReactNode }) {
  const { info, isPending, nodeDown, error } = useChainInfo()
  if (!info) {
    if (isPending) return fallback ?? <Loading label="Connecting to the chain…" />
    const reason = chainPausedReason(error)
    return (
      fallback ?? (
        <Alert tone="amber" title={nodeDown ? 'Wallet actions are paused' : 'Chain settings unavailable'}>
          {reason
            ? `${reason} The app cannot talk to your wallet until then. It keeps checking.`
            : 'The blockchain node cannot be reached, so the app cannot talk to your wallet yet. It keeps checking.'}
        </Alert>
      )
    )
  }
  return (
    <ChainContext.Provider value={info}>
      {/* The context alone, not WagmiProvider: its Hydrate resets or re-runs the connection on every render of
          every provider, and this app has several scopes sharing one config (reconnected once, in walletConfigFor). */}
      <WagmiContext.Provider value={walletConfigFor(info)}>{children}</WagmiContext.Provider>
    </ChainContext.Provider>
  )
}
