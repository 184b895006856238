import { Suspense, lazy } from 'react'
import { Link, useParams } from 'react-router'
import { AvailabilityBadge } from '../../components/event-status'
import { ProblemAlert } from '../../components/problem-alert'
import { Badge, Card, Loading, Stat } from '../../components/ui'
import { ApiError } from '../../lib/api'
import type { EventView } from '../../lib/api-types'
import { formatDateTime, formatEth, shortAddress } from '../../lib/format'
import { useEventInfo } from './use-event-info'

const BuyPanel = lazy(() => import('./buy-panel'))

export function EventPage() {
  const id = Number(useParams().id)
  const event = useEventInfo(id)
  if (event.isPending) return <Loading label="Loading the event…" />
  if (event.isError) {
    const notFound = event.error instanceof ApiError && event.error.status === 404
    return (
      <div className="space-y-4">
        <ProblemAlert error={event.error} />
        <Link to="/" className="font-semibold text-brand-700 underline">
          {notFound ? 'Browse other events' : 'Back to events'}
        </Link>
      </div>
    )
  }
  return <EventDetails event={event.data} />
}

/** The state of the event's latest change on chain (docs/chain.md: PENDING, SUBMITTED, MINED, CONFIRMED, FAILED). */
function chainLabel(event: EventView) {
  const status = event.chain.status
  if (!event.chain.eventId) return null
  if (status === 'FAILED') return <Badge tone="red">Chain update failed</Badge>
  if (status === 'PENDING' || status === 'SUBMITTED') return <Badge tone="amber">Being written to the chain</Badge>
  return <Badge tone="blue">On chain · event #{event.chain.eventId}</Badge>
}

function EventDetails({ event }: { event: EventView }) {
  return (
    <article className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_380px]">
      <div className="min-w-0 space-y-6">
        <div>
          <Link to="/" className="text-sm font-semibold text-brand-700 hover:underline">
            ← All events
          </Link>
          <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-950 sm:text-4xl">{event.name}</h1>
          <div className="mt-3 flex flex-wrap gap-2">
            <AvailabilityBadge event={event} />
            {chainLabel(event)}
            {event.transferLocked && <Badge>Non-transferable until the end</Badge>}
          </div>
        </div>
        <Card>
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <div>
              <dt className="text-sm font-medium text-slate-700">When</dt>
              <dd className="font-semibold text-slate-950">
                <time dateTime={event.startsAt}>{formatDateTime(event.startsAt)}</time>
              </dd>
              <dd className="text-sm text-slate-700">until {formatDateTime(event.endsAt)}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-slate-700">Where</dt>
              <dd className="font-semibold text-slate-950">{event.location}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-slate-700">Ticket sales</dt>
              <dd className="text-sm text-slate-900">
                {formatDateTime(event.saleStartsAt)} – {formatDateTime(event.saleEndsAt)}
              </dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-slate-700">Organizer</dt>
              <dd className="font-mono text-sm text-slate-900" title={event.organizer}>
                {shortAddress(event.organizer)}
              </dd>
              <dd className="text-sm">
                <Link to={`/?organizer=${event.organizer}&status=any`} className="font-semibold text-brand-700 underline">
                  All their events
                </Link>
              </dd>
            </div>
          </dl>
        </Card>
        {event.description && (
          <section aria-labelledby="about">
            <h2 id="about" className="text-lg font-semibold text-slate-950">
              About
            </h2>
            <p className="mt-2 whitespace-pre-line text-slate-800">{event.description}</p>
          </section>
        )}
        <dl className="grid grid-cols-3 gap-3">
          <Stat label="Price" value={event.priceWei === '0' ? 'Free' : formatEth(event.priceWei)} />
          <Stat label="Sold" value={event.availability.sold.toLocaleString()} />
          <Stat label="Left" value={event.availability.remaining.toLocaleString()} hint={`of ${event.availability.capacity.toLocaleString()}`} />
        </dl>
      </div>
      <aside aria-label="Buy tickets" className="lg:sticky lg:top-24 lg:self-start">
        <Suspense fallback={<Card><Loading label="Loading checkout…" /></Card>}>
          <BuyPanel event={event} />
        </Suspense>
      </aside>
    </article>
  )
}
