import type { EventView } from '../../lib/api-types'
import { formatDateTime } from '../../lib/format'
import { eventPausedReason } from '../../lib/purchases-paused'

/**
 * Why the buy panel shows a sentence instead of the buy button, or null when tickets can be bought: the event's own
 * state first (cancelled, ended, sold out, outside its sale window), then the platform pausing purchases (the node
 * unreachable or misconfigured: `purchases.reason`), then an event not yet registered on chain.
 */
export function closedReason(event: EventView, now: number, registered: boolean | undefined, cancelledOnChain: boolean): string | null {
  if (event.status === 'CANCELLED' || cancelledOnChain) return 'This event was cancelled. Ticket holders can claim a full refund in My tickets.'
  if (event.status === 'FINISHED') return 'This event has ended.'
  if (event.availability.remaining === 0) return 'Sold out.'
  if (Date.parse(event.saleStartsAt) > now) return `Ticket sales open ${formatDateTime(event.saleStartsAt)}.`
  if (Date.parse(event.saleEndsAt) <= now) return 'Ticket sales have closed.'
  const paused = eventPausedReason(event)
  if (paused) return paused
  if (registered === false) return 'This event is being registered on chain; sales start in a moment.'
  return null
}
