import { clsx } from 'clsx'
import { reasonText, reasonTitles, type RefusalReason } from '../../lib/checkin/verdict'
import { shortAddress } from '../../lib/format'
import type { ScanResult } from './use-scanner'

/** The verdict, big enough to read at arm's length: green and the ticket, or red and the reason in words. */
export function VerdictPanel({ result }: { result: ScanResult }) {
  const { verdict: v, offline, ms } = result
  const admitted = v.verdict === 'ADMITTED'
  const reason = v.reason as RefusalReason | null
  return (
    <div
      data-testid="verdict"
      data-verdict={v.verdict}
      data-reason={v.reason ?? ''}
      className={clsx('rounded-2xl p-5 text-white shadow-sm', admitted ? 'bg-emerald-700' : 'bg-red-700')}
    >
      <p className="text-3xl font-bold tracking-tight sm:text-4xl">{admitted ? 'Admitted' : `Refused: ${reason ? reasonTitles[reason] ?? reason : ''}`}</p>
      {/* The same words online and offline: the app's, the API's message only for a reason it does not know. */}
      {!admitted && <p className="mt-2 text-base">{reason && reason in reasonTitles ? reasonText(reason, v.firstCheckIn) : (v.message ?? reasonText(v.reason ?? ''))}</p>}
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
        {v.tokenId && (
          <div>
            <dt className="opacity-90">Ticket</dt>
            <dd className="text-lg font-semibold">#{v.tokenId}</dd>
          </div>
        )}
        {v.holder && (
          <div>
            <dt className="opacity-90">Holder</dt>
            <dd className="font-mono text-lg font-semibold">{shortAddress(v.holder)}</dd>
          </div>
        )}
        {v.holderTickets != null && (
          <div>
            <dt className="opacity-90">Holder’s tickets</dt>
            <dd className="text-lg font-semibold">
              {v.holderTickets} ({v.holderCheckedIn ?? 0} in)
            </dd>
          </div>
        )}
      </dl>
      {v.flags.includes('OWNER_UNCONFIRMED') && (
        <p className="mt-3 rounded-lg bg-white/15 px-3 py-2 text-sm font-medium">
          The holder’s latest transfer is not confirmed on chain yet: decided on the latest owner seen.
        </p>
      )}
      <p className="mt-3 text-xs opacity-90">
        {offline ? 'Decided on this device (offline).' : 'Decided by Echain.'} {ms} ms.
      </p>
    </div>
  )
}
