import { useQuery } from '@tanstack/react-query'
import { get } from '../api'

/** GET /api/checkin/config: the EIP-712 domain and the code's timing. */
export interface CheckInConfig {
  chainId: number
  domainName: string
  domainVersion: string
  codeWindowSeconds: number
  codeRefreshSeconds: number
  maxPassSeconds: number
}

export const checkinConfigQuery = {
  queryKey: ['checkin-config'] as const,
  queryFn: () => get<CheckInConfig>('/api/checkin/config'),
  staleTime: 10 * 60_000,
}

export function useCheckinConfig() {
  return useQuery(checkinConfigQuery)
}
