import { Link } from 'react-router'
import { ProblemAlert } from '../../components/problem-alert'
import { Badge, Card, EmptyState, Loading, PageTitle } from '../../components/ui'
import { formatDateTime } from '../../lib/format'
import { SignInGate } from '../../lib/wallet/sign-in-gate'
import { WalletScope } from '../../lib/wallet/wallet-scope'
import { useDoorEvents } from './api'

/** The events the signed-in wallet may scan tickets for: door staff named by the organizer, or the organizer. */
export function DoorPage() {
  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle subtitle="Check tickets in at the door with this device’s camera.">Door</PageTitle>
      <WalletScope>
        <SignInGate what="the events you check in">
          <DoorEvents />
        </SignInGate>
      </WalletScope>
    </div>
  )
}

function DoorEvents() {
  const events = useDoorEvents()
  if (events.isPending) return <Loading label="Loading your events…" />
  if (events.isError) return <ProblemAlert error={events.error} />
  if (events.data.length === 0) {
    return (
      <EmptyState title="No events to check in">
        The organizer of an event adds your wallet address as door staff in their dashboard. Then sign in again here.
      </EmptyState>
    )
  }
  return (
    <ul className="space-y-3">
      {events.data.map((e) => (
        <li key={e.eventId}>
          <Card className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div>
              <p className="font-semibold text-slate-950">{e.name}</p>
              <p className="text-sm text-slate-700">
                {formatDateTime(e.startsAt)} – {formatDateTime(e.endsAt)}
              </p>
            </div>
            <div className="flex items-center gap-3">
              <Badge tone={e.role === 'ORGANIZER' ? 'blue' : 'neutral'}>{e.role === 'ORGANIZER' ? 'Organizer' : 'Door staff'}</Badge>
              <Link
                to={`/door/${e.eventId}`}
                aria-label={`Scan tickets for ${e.name}`}
                className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
              >
                Scan tickets
              </Link>
            </div>
          </Card>
        </li>
      ))}
    </ul>
  )
}
