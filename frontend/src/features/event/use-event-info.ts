import { useQuery } from '@tanstack/react-query'
import { ApiError, get, query } from '../../lib/api'
import type { EventView, QuoteView } from '../../lib/api-types'
import { useSession } from '../../lib/auth-store'

/**
 * GET /api/events/{id}: signed-in reads are current, anonymous ones may be a few seconds old. Polled while on sale.
 * Signing in or out (or the session running out) changes the key; the event stays on screen meanwhile, or the page
 * would blank for a moment and the checkout under it (a purchase's progress, its CONFIRMED message) start over.
 */
export function useEventInfo(id: number) {
  const { session } = useSession()
  return useQuery({
    queryKey: ['event', id, !!session],
    queryFn: ({ signal }) => get<EventView>(`/api/events/${id}`, { signal, auth: !!session }),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
    enabled: Number.isFinite(id) && id > 0,
    refetchInterval: (q) => (q.state.data?.status === 'SCHEDULED' ? 15_000 : false),
  })
}

/**
 * The live price of `quantity` tickets (GET /api/events/{id}/quote): total, platform fee, gas estimate and its cost
 * for the buyer's wallet; refreshed every 10 s and on every quantity change.
 */
export function useQuote(eventId: number, quantity: number, buyer: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['quote', eventId, quantity, buyer ?? null],
    queryFn: ({ signal }) => get<QuoteView>(`/api/events/${eventId}/quote${query({ quantity, buyer })}`, { signal }),
    enabled: enabled && quantity >= 1,
    refetchInterval: 10_000,
    retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status < 500),
    placeholderData: (previous) => previous,
  })
}
