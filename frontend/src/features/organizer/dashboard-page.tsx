import { Link } from 'react-router'
import { ProblemAlert } from '../../components/problem-alert'
import { Badge, Card, EmptyState, Loading, PageTitle, Stat } from '../../components/ui'
import type { EventRevenue, EventView } from '../../lib/api-types'
import { formatDateTime, formatEth } from '../../lib/format'
import { SignInGate } from '../../lib/wallet/sign-in-gate'
import { WalletScope } from '../../lib/wallet/wallet-scope'
import { useMyEvents, useRevenue } from './api'

export function DashboardPage() {
  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageTitle subtitle="Your events, their sales and your revenue.">Organizer</PageTitle>
        <Link to="/organizer/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
          New event
        </Link>
      </div>
      <WalletScope>
        <SignInGate role="ORGANIZER" what="the organizer tools">
          <Dashboard />
        </SignInGate>
      </WalletScope>
    </div>
  )
}

export function statusBadge(event: EventView) {
  if (event.status === 'CANCELLED') return <Badge tone="red">Cancelled</Badge>
  if (event.status === 'FINISHED') return <Badge>Ended</Badge>
  if (event.chain.status === 'PENDING' || event.chain.status === 'SUBMITTED') return <Badge tone="amber">Writing to the chain</Badge>
  if (event.chain.status === 'FAILED') return <Badge tone="red">Chain update failed</Badge>
  return <Badge tone="green">On sale</Badge>
}

function Dashboard() {
  const events = useMyEvents()
  const revenue = useRevenue()
  const byEvent = new Map<number, EventRevenue>()
  revenue.data?.events.forEach((r) => r.eventId !== null && byEvent.set(r.eventId, r))
  const total = revenue.data?.total
  return (
    <div className="space-y-6">
      {revenue.isError ? (
        <ProblemAlert error={revenue.error} />
      ) : (
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Revenue">
          <Stat label="Ticket sales" value={total ? formatEth(total.grossWei) : '…'} hint={total ? `${total.ticketsSold} tickets` : undefined} />
          <Stat label="In escrow" value={total ? formatEth(total.inEscrowWei) : '…'} hint="until each event ends" />
          <Stat label="Withdrawable now" value={total ? formatEth(total.withdrawableWei) : '…'} />
          <Stat label="Withdrawn" value={total ? formatEth(total.withdrawnWei) : '…'} />
        </dl>
      )}
      {events.isPending ? (
        <Loading label="Loading your events…" />
      ) : events.isError ? (
        <ProblemAlert error={events.error} />
      ) : events.data.items.length === 0 ? (
        <EmptyState title="No events yet">
          <Link to="/organizer/new" className="font-semibold text-brand-700 underline">
            Publish your first event
          </Link>
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {events.data.items.map((event) => {
            const r = byEvent.get(event.id)
            return (
              <li key={event.id}>
                <Card className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <h2 className="truncate font-semibold text-slate-950">{event.name}</h2>
                      {statusBadge(event)}
                    </div>
                    <p className="text-sm text-slate-700">
                      {formatDateTime(event.startsAt)} · {event.location}
                    </p>
                    <p className="text-sm text-slate-700">
                      {event.availability.sold} of {event.availability.capacity} sold
                      {r && <> · {formatEth(r.grossWei)} gross · {formatEth(r.withdrawableWei)} withdrawable</>}
                    </p>
                  </div>
                  <Link
                    to={`/organizer/events/${event.id}`}
                    className="inline-flex min-h-11 shrink-0 items-center justify-center rounded-lg bg-white px-4 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50"
                    aria-label={`Manage ${event.name}`}
                  >
                    Manage
                  </Link>
                </Card>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
