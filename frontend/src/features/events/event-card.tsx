import { Link } from 'react-router'
import { AvailabilityBadge } from '../../components/event-status'
import type { EventView } from '../../lib/api-types'
import { dateParts, formatDateTime, formatEth } from '../../lib/format'

export function EventCard({ event }: { event: EventView }) {
  const { day, month } = dateParts(event.startsAt)
  return (
    <li>
      <Link
        to={`/events/${event.id}`}
        className="group flex h-full gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 transition hover:shadow-md hover:ring-brand-600"
      >
        <div
          aria-hidden="true"
          className="flex h-16 w-14 shrink-0 flex-col items-center justify-center rounded-xl bg-brand-50 text-brand-800"
        >
          <span className="text-xs font-semibold uppercase">{month}</span>
          <span className="text-2xl font-bold leading-none">{day}</span>
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <h2 className="truncate text-base font-semibold text-slate-950 group-hover:text-brand-800">{event.name}</h2>
          <p className="text-sm text-slate-700">
            <time dateTime={event.startsAt}>{formatDateTime(event.startsAt)}</time>
          </p>
          <p className="truncate text-sm text-slate-700">{event.location}</p>
          <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2">
            <span className="text-sm font-semibold text-slate-950">
              {event.priceWei === '0' ? 'Free' : formatEth(event.priceWei)}
            </span>
            <AvailabilityBadge event={event} />
          </div>
        </div>
      </Link>
    </li>
  )
}
