import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { isAddress } from 'viem'
import { ProblemAlert } from '../../components/problem-alert'
import { Alert, Button, Card, EmptyState, Loading, Stat } from '../../components/ui'
import { get, request } from '../../lib/api'
import type { EventView } from '../../lib/api-types'
import { useSession } from '../../lib/auth-store'
import { reasonTitles, type RefusalReason, type Verdict } from '../../lib/checkin/verdict'
import { formatShortDateTime, shortAddress } from '../../lib/format'
import { useSignIn } from '../../lib/wallet/use-session-guard'

interface DoorStaffEntry {
  address: string
  grantedBy: string
  grantedAt: string
}

/** Two admissions of one ticket (offline gates): the earliest scan is kept, the other recorded. */
interface Conflict {
  tokenId: string
  kept: { scanId: string; gate: string; at: string }
  other: { scanId: string; gate: string; at: string }
  recordedAt: string
}

interface CheckInSummary {
  sold: number
  checkedIn: number
  gates: { gate: string; admitted: number; refused: number }[]
  recent: Verdict[]
  refusedByReason: Record<string, number>
  conflicts: Conflict[]
}

const title = (reason: string | null) => (reason ? reasonTitles[reason as RefusalReason] ?? reason : '')

/** Door staff of the event: wallet addresses the organizer adds and revokes; they scan at /door. */
export function DoorStaff({ event }: { event: EventView }) {
  const id = useId()
  const { session } = useSession()
  const { ensureSignedIn } = useSignIn()
  const queryClient = useQueryClient()
  const staff = useQuery({
    queryKey: ['organizer', 'door-staff', event.id],
    queryFn: () => get<DoorStaffEntry[]>(`/api/events/${event.id}/door-staff`, { auth: true }),
    enabled: !!session,
  })
  const [address, setAddress] = useState('')
  const [invalid, setInvalid] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)

  async function change(action: 'add' | 'revoke', value: string) {
    setDone(null)
    setError(null)
    setBusy(action === 'add' ? 'add' : value)
    try {
      await ensureSignedIn()
      await request(`/api/events/${event.id}/door-staff/${value}`, { method: action === 'add' ? 'PUT' : 'DELETE', auth: true })
      setDone(action === 'add' ? `${shortAddress(value)} can now check in tickets for this event.` : `${shortAddress(value)} can no longer check in tickets.`)
      if (action === 'add') setAddress('')
      await queryClient.invalidateQueries({ queryKey: ['organizer', 'door-staff', event.id] })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }

  function add(e: FormEvent) {
    e.preventDefault()
    const value = address.trim()
    if (!isAddress(value, { strict: false })) return setInvalid('Enter a wallet address: 0x followed by 40 hex characters.')
    setInvalid(null)
    void change('add', value)
  }

  return (
    <section aria-labelledby="door-staff" className="space-y-3">
      <h2 id="door-staff" className="text-lg font-semibold text-slate-950">
        Door staff
      </h2>
      <Card className="space-y-4">
        <p className="text-sm text-slate-700">
          Door staff sign in with their wallet and scan tickets at{' '}
          <Link to={`/door/${event.id}`} className="font-semibold text-brand-700 underline">
            the scanner
          </Link>
          . You can scan too.
        </p>
        <form onSubmit={add} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <div className="flex-1">
            <label htmlFor={`${id}-staff`} className="text-sm font-medium text-slate-800">
              Door staff wallet address
            </label>
            <input
              id={`${id}-staff`}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              placeholder="0x…"
              spellCheck={false}
              autoComplete="off"
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? `${id}-staff-error` : undefined}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3 font-mono text-sm aria-[invalid=true]:border-red-600"
            />
            {invalid && (
              <p id={`${id}-staff-error`} className="mt-1 text-sm font-medium text-red-700">
                {invalid}
              </p>
            )}
          </div>
          <Button type="submit" className="sm:mt-6" busy={busy === 'add'} disabled={!!busy}>
            Add door staff
          </Button>
        </form>
        <div aria-live="polite">{done && <Alert tone="green" title="Door staff updated">{done}</Alert>}</div>
        {error ? <ProblemAlert error={error} /> : null}
        {staff.isPending ? (
          <Loading label="Loading door staff…" />
        ) : staff.isError ? (
          <ProblemAlert error={staff.error} />
        ) : staff.data.length === 0 ? (
          <p className="text-sm text-slate-700">No door staff yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm" aria-label="Door staff">
            {staff.data.map((s) => (
              <li key={s.address} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-mono" title={s.address}>
                    {shortAddress(s.address)}
                  </span>
                  <span className="ml-2 text-xs text-slate-700">added {formatShortDateTime(s.grantedAt)}</span>
                </span>
                <Button variant="secondary" className="min-h-9 py-1" busy={busy === s.address} disabled={!!busy} onClick={() => void change('revoke', s.address)} aria-label={`Revoke ${s.address}`}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  )
}

/** Check-in as it happens, polled every 2.5 s: in / sold, per gate, the last scans, refusals, conflicts. */
export function LiveCheckIn({ event }: { event: EventView }) {
  const { session } = useSession()
  const summary = useQuery({
    queryKey: ['organizer', 'checkins', event.id],
    queryFn: () => get<CheckInSummary>(`/api/events/${event.id}/checkins/summary`, { auth: true }),
    enabled: !!session,
    refetchInterval: 2_500,
  })
  return (
    <section aria-labelledby="check-in" className="space-y-3">
      <h2 id="check-in" className="text-lg font-semibold text-slate-950">
        Check-in
      </h2>
      {summary.isPending ? (
        <Loading label="Loading check-in…" />
      ) : summary.isError ? (
        <ProblemAlert error={summary.error} />
      ) : (
        <Summary data={summary.data} />
      )}
    </section>
  )
}

function Summary({ data }: { data: CheckInSummary }) {
  const refused = Object.entries(data.refusedByReason ?? {}).filter(([, n]) => n > 0)
  const pct = data.sold > 0 ? Math.round((data.checkedIn / data.sold) * 100) : 0
  return (
    <div className="space-y-3" data-testid="checkin-summary">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Stat label="Checked in" value={<span data-testid="checked-in">{data.checkedIn} / {data.sold}</span>} hint={`${pct}% of tickets sold`} />
        <Stat label="Refused scans" value={refused.reduce((s, [, n]) => s + n, 0)} />
        <Stat label="Conflicts" value={<span data-testid="conflicts-count">{data.conflicts.length}</span>} hint="two gates, one ticket" />
      </dl>
      {data.gates.length === 0 && data.recent.length === 0 ? (
        <EmptyState title="No scans yet">Scans appear here a few seconds after they happen.</EmptyState>
      ) : (
        <div className="grid gap-3 lg:grid-cols-2">
          <Card className="p-4">
            <h3 className="text-sm font-semibold text-slate-950">Gates</h3>
            <table className="mt-2 w-full text-left text-sm">
              <thead className="text-slate-700">
                <tr>
                  <th scope="col" className="py-1 font-medium">Gate</th>
                  <th scope="col" className="py-1 text-right font-medium">Admitted</th>
                  <th scope="col" className="py-1 text-right font-medium">Refused</th>
                </tr>
              </thead>
              <tbody>
                {data.gates.map((g) => (
                  <tr key={g.gate} className="border-t border-slate-200">
                    <td className="py-1">{g.gate}</td>
                    <td className="py-1 text-right tabular-nums">{g.admitted}</td>
                    <td className="py-1 text-right tabular-nums">{g.refused}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {refused.length > 0 && (
              <>
                <h3 className="mt-4 text-sm font-semibold text-slate-950">Refused, by reason</h3>
                <ul className="mt-1 text-sm" data-testid="refused-by-reason">
                  {refused.map(([reason, n]) => (
                    <li key={reason} className="flex justify-between py-0.5">
                      <span>{title(reason)}</span>
                      <span className="tabular-nums">{n}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
          <Card className="p-4">
            <h3 className="text-sm font-semibold text-slate-950">Last scans</h3>
            <ul className="mt-2 divide-y divide-slate-200 text-sm" data-testid="recent-scans">
              {data.recent.slice(0, 10).map((v) => (
                <li key={v.scanId} className="flex flex-wrap justify-between gap-x-2 py-1.5">
                  <span>
                    <span className={v.verdict === 'ADMITTED' ? 'font-semibold text-emerald-800' : 'font-semibold text-red-800'}>
                      {v.verdict === 'ADMITTED' ? 'Admitted' : `Refused: ${title(v.reason)}`}
                    </span>{' '}
                    {v.tokenId && <>#{v.tokenId}</>}
                  </span>
                  <span className="text-slate-700">
                    {v.gate} · {formatShortDateTime(v.scannedAt)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      )}
      {data.conflicts.length > 0 && (
        <Alert tone="amber" title="Conflicts: a ticket admitted at two gates while offline">
          <ul className="list-disc pl-5" data-testid="conflicts">
            {data.conflicts.map((c) => (
              <li key={c.other.scanId}>
                Ticket #{c.tokenId}: in at gate “{c.kept.gate}” {formatShortDateTime(c.kept.at)}; also admitted offline at gate “{c.other.gate}”{' '}
                {formatShortDateTime(c.other.at)} (refused at sync).
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  )
}
