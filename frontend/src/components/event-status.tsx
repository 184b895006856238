import { Badge } from './ui'
import type { EventView } from '../lib/api-types'

/** Cancelled / ended / sold out / how many are left, as a buyer reads it. */
export function AvailabilityBadge({ event }: { event: EventView }) {
  if (event.status === 'CANCELLED') return <Badge tone="red">Cancelled</Badge>
  if (event.status === 'FINISHED') return <Badge>Ended</Badge>
  if (event.availability.remaining === 0) return <Badge tone="amber">Sold out</Badge>
  if (event.availability.remaining <= Math.max(5, event.availability.capacity / 10))
    return <Badge tone="amber">Only {event.availability.remaining} left</Badge>
  return <Badge tone="green">{event.availability.remaining} available</Badge>
}
