import { useQuery } from '@tanstack/react-query'
import { get, query, request } from '../../lib/api'
import type { EventPage, EventRequest, EventView, RevenueView, SalesView } from '../../lib/api-types'
import { useSession } from '../../lib/auth-store'

export function useMyEvents() {
  const { session } = useSession()
  return useQuery({
    queryKey: ['organizer', session?.address, 'events'],
    queryFn: () => get<EventPage>(`/api/events${query({ organizer: session?.address, includePast: true, sort: 'createdAt,desc', size: 100 })}`, { auth: true }),
    enabled: !!session,
    refetchInterval: (q) => (q.state.data?.items.some((e) => e.chain.status === 'PENDING' || e.chain.status === 'SUBMITTED') ? 2_000 : 15_000),
  })
}

export function useRevenue() {
  const { session } = useSession()
  return useQuery({
    queryKey: ['organizer', session?.address, 'revenue'],
    queryFn: () => get<RevenueView>('/api/organizers/me/revenue', { auth: true }),
    enabled: !!session,
    refetchInterval: 10_000,
  })
}

/** The event with its ETag, for an edit with If-Match. */
export function useEditableEvent(id: number) {
  const { session } = useSession()
  return useQuery({
    queryKey: ['organizer', 'event', id],
    queryFn: async () => {
      const response = await request<EventView>(`/api/events/${id}`, { auth: true })
      return { event: response.data, etag: response.headers.get('ETag') ?? `"${response.data.version}"` }
    },
    enabled: !!session && id > 0,
    // Poll while the outbox writes its latest change to the chain.
    refetchInterval: (q) => (q.state.data && ['PENDING', 'SUBMITTED', 'MINED'].includes(q.state.data.event.chain.status ?? '') ? 1_500 : false),
  })
}

export function useSales(id: number, chainRegistered: boolean) {
  const { session } = useSession()
  return useQuery({
    queryKey: ['organizer', 'sales', id],
    queryFn: () => get<SalesView>(`/api/events/${id}/sales`, { auth: true }),
    enabled: !!session && chainRegistered,
    refetchInterval: 5_000,
  })
}

export const createEvent = (body: EventRequest) => request<EventView>('/api/events', { method: 'POST', body, auth: true })

export const updateEvent = (id: number, etag: string, body: EventRequest) =>
  request<EventView>(`/api/events/${id}`, { method: 'PUT', body, auth: true, headers: { 'If-Match': etag } })

export const cancelEvent = (id: number, etag: string) =>
  request<EventView>(`/api/events/${id}`, { method: 'DELETE', auth: true, headers: { 'If-Match': etag } })
