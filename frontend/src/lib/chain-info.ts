import { useQuery } from '@tanstack/react-query'
import { ApiError, get } from './api'
import type { ChainInfo } from './api-types'

const STORAGE_KEY = 'echain.chain'

/** The last chain info the API gave, so wallet pages still know the chain while the node is down. */
export function cachedChainInfo(): ChainInfo | null {
  try {
    const text = localStorage.getItem(STORAGE_KEY)
    return text ? (JSON.parse(text) as ChainInfo) : null
  } catch {
    return null
  }
}

async function fetchChainInfo(): Promise<ChainInfo> {
  const info = await get<ChainInfo>('/api/chain')
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(info))
  } catch {
    // storage full or disabled: nothing to keep
  }
  return info
}

export const chainInfoQuery = {
  queryKey: ['chain'] as const,
  queryFn: fetchChainInfo,
  refetchInterval: 10_000,
  retry: false,
  staleTime: 5_000,
}

/** GET /api/chain, polled: `nodeDown` is true while the backend cannot reach the chain (503) or itself. */
export function useChainInfo() {
  const query = useQuery(chainInfoQuery)
  const error = query.error
  const nodeDown = error instanceof ApiError && (error.status === 503 || error.status === 0 || error.status >= 500)
  return { ...query, info: query.data ?? (nodeDown ? cachedChainInfo() : null), nodeDown }
}
