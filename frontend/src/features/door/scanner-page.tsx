import { useState, type FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import { ProblemAlert } from '../../components/problem-alert'
import { Alert, Badge, Button, Card, Loading, PageTitle } from '../../components/ui'
import { reasonTitles, type RefusalReason } from '../../lib/checkin/verdict'
import { formatDateTime, formatShortDateTime } from '../../lib/format'
import { SignInGate } from '../../lib/wallet/sign-in-gate'
import { WalletScope } from '../../lib/wallet/wallet-scope'
import { useDoorEvents, type DoorEvent } from './api'
import { Camera } from './camera'
import { useScanner } from './use-scanner'
import { VerdictPanel } from './verdict-panel'

const GATE_KEY = 'echain.door.gate'

/** The scanner of one event: camera or typed-in code, the verdict, the offline list and the sync queue. */
export function ScannerPage() {
  const { eventId } = useParams()
  const id = Number(eventId)
  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2">
        <Link to="/door" className="text-sm font-semibold text-brand-700 hover:underline">
          ← Door
        </Link>
      </p>
      <WalletScope>
        <SignInGate what="the scanner">
          <ScannerFor id={id} />
        </SignInGate>
      </WalletScope>
    </div>
  )
}

function ScannerFor({ id }: { id: number }) {
  const events = useDoorEvents()
  if (!Number.isInteger(id) || id <= 0) return <Alert title="No such event">This scanner address names no event.</Alert>
  if (events.isPending) return <Loading label="Loading the event…" />
  const event = events.data?.find((e) => e.eventId === id)
  if (events.isError && !event) return <ProblemAlert error={events.error} />
  if (!event) {
    return (
      <Alert tone="amber" title="You cannot check in tickets for this event">
        Your wallet is not door staff for event #{id}. Ask its organizer to add your address, then sign in again.
      </Alert>
    )
  }
  return <GateStep event={event} />
}

function GateStep({ event }: { event: DoorEvent }) {
  const [gate, setGate] = useState<string | null>(() => localStorage.getItem(GATE_KEY))
  const [draft, setDraft] = useState(gate ?? '')
  const [error, setError] = useState<string | null>(null)
  const header = <PageTitle subtitle={`${formatDateTime(event.startsAt)} – ${formatDateTime(event.endsAt)}`}>{event.name}</PageTitle>
  if (!gate) {
    const submit = (e: FormEvent) => {
      e.preventDefault()
      const name = draft.trim()
      if (name.length < 1 || name.length > 40) return setError('Name the gate in 1 to 40 characters, for example “North entrance”.')
      localStorage.setItem(GATE_KEY, name)
      setGate(name)
    }
    return (
      <div>
        {header}
        <Card>
          <form onSubmit={submit} noValidate className="space-y-3">
            <label htmlFor="gate" className="block text-sm font-semibold text-slate-950">
              Which gate is this device at?
            </label>
            <input
              id="gate"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              maxLength={40}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'gate-error' : undefined}
              className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
              placeholder="North entrance"
            />
            {error && (
              <p id="gate-error" className="text-sm text-red-800">
                {error}
              </p>
            )}
            <Button type="submit">Start scanning</Button>
          </form>
        </Card>
      </div>
    )
  }
  return (
    <div>
      {header}
      <Scanner event={event} gate={gate} changeGate={() => { localStorage.removeItem(GATE_KEY); setGate(null) }} />
    </div>
  )
}

function Scanner({ event, gate, changeGate }: { event: DoorEvent; gate: string; changeGate: () => void }) {
  const s = useScanner(event.eventId, gate)
  const [typed, setTyped] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (typed.trim()) void s.scan(typed).then(() => setTyped(''))
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>
          Gate <span className="font-semibold text-slate-950" data-testid="gate">{gate}</span>
        </span>
        <Button variant="ghost" className="min-h-0 px-2 py-1" onClick={changeGate}>
          Change gate
        </Button>
        <span data-testid="connection">
          {s.online ? <Badge tone="green">Online</Badge> : <Badge tone="amber">Offline: verifying on this device</Badge>}
        </span>
      </div>

      <div aria-live="assertive" aria-atomic="true">
        {s.busy && <Loading label="Checking…" />}
        {!s.busy && s.result && <VerdictPanel result={s.result} />}
        {!s.busy && s.scanError ? <ProblemAlert error={s.scanError} /> : null}
      </div>

      <Card className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-950">Scan</h2>
        <Camera onCode={(text) => void s.scan(text)} />
        <form onSubmit={submit} className="space-y-2">
          <label htmlFor="typed-code" className="block text-sm font-semibold text-slate-950">
            Or type or paste the code
          </label>
          <textarea
            id="typed-code"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            rows={3}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            className="block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-xs"
            placeholder="ECHK1.…"
          />
          <Button type="submit" variant="secondary" disabled={!typed.trim() || s.busy}>
            Check code
          </Button>
        </form>
      </Card>

      <OfflineStatus s={s} />
    </div>
  )
}

function OfflineStatus({ s }: { s: ReturnType<typeof useScanner> }) {
  return (
    <Card className="space-y-3">
      <h2 className="text-lg font-semibold text-slate-950">Offline</h2>
      <p className="text-sm text-slate-700" data-testid="offline-list">
        {s.listInfo
          ? `Offline list: ${s.listInfo.tickets.toLocaleString()} tickets, downloaded ${formatShortDateTime(s.listInfo.downloadedAt)}. Codes are verified on this device when there is no connection.`
          : 'No offline list yet: it downloads while the device is online.'}
      </p>
      {s.listError ? <ProblemAlert error={s.listError} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-950" data-testid="queue">
          {s.queued === 0 ? 'Nothing waiting to sync.' : `${s.queued} ${s.queued === 1 ? 'scan' : 'scans'} waiting to sync.`}
        </p>
        {s.queued > 0 && (
          <Button variant="secondary" busy={s.syncing} onClick={() => void s.sync()}>
            Sync now
          </Button>
        )}
      </div>
      {s.syncError ? <ProblemAlert error={s.syncError} /> : null}
      {s.syncReport && (
        <div data-testid="sync-report" className="text-sm text-slate-700">
          <p>
            Synced {s.syncReport.sent} {s.syncReport.sent === 1 ? 'scan' : 'scans'} at {formatShortDateTime(s.syncReport.at)}: {s.syncReport.admitted} admitted,{' '}
            {s.syncReport.refused} refused.
          </p>
          {s.syncReport.conflicts.length > 0 ? (
            <div className="mt-2">
              <Alert tone="amber" title={`${s.syncReport.conflicts.length} decided differently by Echain`}>
                <ul className="list-disc pl-5">
                  {s.syncReport.conflicts.map((c) => (
                    <li key={c.scanId}>
                      Ticket #{c.tokenId ?? '?'}: shown {c.shown === 'ADMITTED' ? 'admitted' : 'refused'} here, Echain says{' '}
                      {c.server.verdict === 'ADMITTED' ? 'admitted' : reasonTitles[c.server.reason as RefusalReason] ?? c.server.reason}
                      {c.server.firstCheckIn ? ` (first in at gate “${c.server.firstCheckIn.gate}”, ${formatShortDateTime(c.server.firstCheckIn.at)})` : ''}.
                    </li>
                  ))}
                </ul>
              </Alert>
            </div>
          ) : (
            <p className="mt-1">No conflicts.</p>
          )}
        </div>
      )}
    </Card>
  )
}
