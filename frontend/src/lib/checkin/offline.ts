import { checkCode, type CheckInDomain } from './code'
import { reasonText, type RefusalReason, type Verdict } from './verdict'

/** GET /api/events/{id}/checkins/list: what a scanner needs to decide without a connection. */
export interface OfflineBundle {
  eventId: number
  chainId: number
  generatedAt: string
  codeWindowSeconds: number
  maxPassSeconds: number
  cancelled: boolean
  onChain: boolean
  tickets: BundleTicket[]
}

export interface BundleTicket {
  tokenId: string
  owner: string
  status: string
  /** Unix seconds of the latest transfer or the mint. */
  ownerSince: number
  ownerConfirmed: boolean
  checkedInAt: string | null
  gate: string | null
}

/** A bundle with its tickets by token id and each holder's ticket count, built once per download. */
export interface BundleIndex {
  bundle: OfflineBundle
  tickets: Map<string, BundleTicket>
  ticketsByOwner: Map<string, string[]>
}

export function indexBundle(bundle: OfflineBundle): BundleIndex {
  const tickets = new Map<string, BundleTicket>()
  const ticketsByOwner = new Map<string, string[]>()
  for (const t of bundle.tickets) {
    // A token may be listed once per holder it had: the current holding wins over a TRANSFERRED row.
    const seen = tickets.get(t.tokenId)
    if (!seen || seen.status === 'TRANSFERRED') tickets.set(t.tokenId, t)
    if (t.status === 'REFUNDED' || t.status === 'TRANSFERRED') continue
    const owner = t.owner.toLowerCase()
    const list = ticketsByOwner.get(owner)
    if (list) list.push(t.tokenId)
    else ticketsByOwner.set(owner, [t.tokenId])
  }
  return { bundle, tickets, ticketsByOwner }
}

export interface OfflineScan {
  scanId: string
  gate: string
  /** Unix milliseconds. */
  now: number
  domainName: string
  domainVersion: string
  /** This scanner's own admissions not yet synced: token id → when and where. */
  localAdmissions: ReadonlyMap<string, { at: string; gate: string }>
}

/** All of docs/checkin.md's steps on the device: the code's signatures and times, then the bundle and the queue. */
export async function verifyOffline(text: string, index: BundleIndex, scan: OfflineScan): Promise<Verdict> {
  const { bundle } = index
  const scannedAt = new Date(scan.now).toISOString()
  const base: Verdict = {
    scanId: scan.scanId,
    verdict: 'REFUSED',
    reason: null,
    message: null,
    eventId: bundle.eventId,
    tokenId: null,
    holder: null,
    holderTickets: null,
    holderCheckedIn: null,
    gate: scan.gate,
    scannedAt,
    firstCheckIn: null,
    flags: [],
  }
  const refuse = (reason: RefusalReason, extra: Partial<Verdict> = {}): Verdict => ({
    ...base,
    ...extra,
    reason,
    message: reasonText(reason, extra.firstCheckIn),
  })
  const checked = await checkCode(text, {
    domain: { name: scan.domainName, version: scan.domainVersion, chainId: bundle.chainId } satisfies CheckInDomain,
    eventId: BigInt(bundle.eventId),
    now: Math.floor(scan.now / 1000),
    codeWindowSeconds: bundle.codeWindowSeconds,
    maxPassSeconds: bundle.maxPassSeconds,
  })
  const code = checked.code
  const known: Partial<Verdict> = code ? { tokenId: code.tokenId.toString(), holder: code.pass.holder.toLowerCase() } : {}
  if (!checked.ok) return refuse(checked.reason, known)
  if (bundle.cancelled) return refuse('EVENT_CANCELLED', known)
  if (!bundle.onChain) return refuse('NOT_ON_CHAIN', known)
  const tokenId = code!.tokenId.toString()
  const holder = code!.pass.holder.toLowerCase()
  const ticket = index.tickets.get(tokenId)
  if (!ticket) return refuse('UNKNOWN_TICKET', known)
  if (ticket.status === 'REFUNDED') return refuse('REFUNDED', known)
  const holding = index.ticketsByOwner.get(holder) ?? []
  const checkedIn = holding.filter((id) => index.tickets.get(id)?.checkedInAt || scan.localAdmissions.has(id)).length
  const counts: Partial<Verdict> = { ...known, holderTickets: holding.length, holderCheckedIn: checkedIn }
  if (ticket.status === 'TRANSFERRED' || ticket.owner.toLowerCase() !== holder || code!.issuedAt < BigInt(ticket.ownerSince)) return refuse('NOT_OWNER', counts)
  const flags = ticket.ownerConfirmed ? [] : ['OWNER_UNCONFIRMED']
  const first = ticket.checkedInAt ? { at: ticket.checkedInAt, gate: ticket.gate ?? '?' } : scan.localAdmissions.get(tokenId)
  if (first) return refuse('ALREADY_CHECKED_IN', { ...counts, firstCheckIn: first, flags })
  return { ...base, ...counts, verdict: 'ADMITTED', holderCheckedIn: checkedIn + 1, flags }
}
