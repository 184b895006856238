import { useReadEventTicketNftGetEvent } from '../contracts.generated'
import { useChain } from './wallet-scope'

/**
 * The event as the ticket contract has it (the chain is the truth): whether it is registered yet, cancelled, and its
 * sales figures. Polled quickly until registered, then every few seconds.
 */
export function useChainEvent(chainEventId: string | null | undefined) {
  const chain = useChain()
  const read = useReadEventTicketNftGetEvent({
    address: chain.ticketNft,
    args: [BigInt(chainEventId ?? 0)],
    query: {
      enabled: !!chainEventId,
      retry: false,
      refetchInterval: (q) => (q.state.data ? 5_000 : 1_500),
    },
  })
  const notFound = !!read.error && /EventTicketNFT_EventNotFound/.test(String(read.error))
  return {
    registered: read.data ? true : notFound || !chainEventId ? false : undefined,
    cancelled: read.data?.cancelled ?? false,
    view: read.data,
    error: read.error && !notFound ? read.error : null,
  }
}
