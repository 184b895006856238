import { useQueries, useQuery } from '@tanstack/react-query'
import { get } from '../../lib/api'
import type { EventView, PaymentView, TicketView } from '../../lib/api-types'
import { useSession } from '../../lib/auth-store'

/** The signed-in wallet's tickets (held or once held) and payments, polled while something is unconfirmed. */
export function useMyTickets() {
  const { session } = useSession()
  const tickets = useQuery({
    queryKey: ['my-tickets', session?.address, 'tickets'],
    queryFn: () => get<TicketView[]>('/api/me/tickets', { auth: true }),
    enabled: !!session,
    refetchInterval: (q) => (q.state.data?.some((t) => !t.confirmed) ? 2_000 : 15_000),
  })
  const payments = useQuery({
    queryKey: ['my-tickets', session?.address, 'payments'],
    queryFn: () => get<PaymentView[]>('/api/me/payments', { auth: true }),
    enabled: !!session,
    refetchInterval: (q) => (q.state.data?.some((p) => p.status === 'PENDING') ? 2_000 : 15_000),
  })
  const eventIds = [...new Set((tickets.data ?? []).map((t) => t.eventId).filter((id): id is number => id !== null))]
  const events = useQueries({
    queries: eventIds.map((id) => ({
      queryKey: ['event', id, true],
      queryFn: () => get<EventView>(`/api/events/${id}`, { auth: true }),
      staleTime: 10_000,
    })),
  })
  const eventsById = new Map<number, EventView>()
  events.forEach((q) => q.data && eventsById.set(q.data.id, q.data))
  return { tickets, payments, eventsById }
}
