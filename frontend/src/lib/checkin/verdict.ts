/** A scan's outcome, as the API answers it and as the scanner decides it offline (docs/checkin.md). */
export type RefusalReason =
  | 'MALFORMED'
  | 'WRONG_EVENT'
  | 'BAD_SIGNATURE'
  | 'PASS_EXPIRED'
  | 'CODE_EXPIRED'
  | 'EVENT_CANCELLED'
  | 'NOT_ON_CHAIN'
  | 'UNKNOWN_TICKET'
  | 'REFUNDED'
  | 'NOT_OWNER'
  | 'ALREADY_CHECKED_IN'

export interface Verdict {
  scanId: string
  verdict: 'ADMITTED' | 'REFUSED'
  reason: RefusalReason | null
  message: string | null
  eventId: number | string | null
  tokenId: string | null
  holder: string | null
  holderTickets: number | null
  holderCheckedIn: number | null
  gate: string | null
  scannedAt: string
  firstCheckIn: { at: string; gate: string } | null
  flags: string[]
}

const reasons: Record<RefusalReason, string> = {
  MALFORMED: 'This is not an Echain ticket code (or only part of one). Ask the holder to show the code again.',
  WRONG_EVENT: 'This ticket is for another event.',
  BAD_SIGNATURE: 'The code’s signature is not valid: it was altered or forged.',
  PASS_EXPIRED: 'The holder’s check-in pass has expired. Ask them to open “Show ticket” again.',
  CODE_EXPIRED: 'The code has expired (a screenshot or an old code). Ask the holder to show the live code.',
  EVENT_CANCELLED: 'This event was cancelled; its tickets are refunded.',
  NOT_ON_CHAIN: 'The event is not confirmed on chain yet.',
  UNKNOWN_TICKET: 'This ticket is not on the list for this event (not sold on chain, or not confirmed yet).',
  REFUNDED: 'This ticket was refunded.',
  NOT_OWNER: 'The code was made by someone who does not hold the ticket now (it was transferred).',
  ALREADY_CHECKED_IN: 'This ticket was already checked in.',
}

/** Short titles for the verdict screen. */
export const reasonTitles: Record<RefusalReason, string> = {
  MALFORMED: 'Not a ticket code',
  WRONG_EVENT: 'Another event',
  BAD_SIGNATURE: 'Forged code',
  PASS_EXPIRED: 'Pass expired',
  CODE_EXPIRED: 'Code expired',
  EVENT_CANCELLED: 'Event cancelled',
  NOT_ON_CHAIN: 'Not on chain yet',
  UNKNOWN_TICKET: 'Unknown ticket',
  REFUNDED: 'Refunded',
  NOT_OWNER: 'Not the current owner',
  ALREADY_CHECKED_IN: 'Already checked in',
}

/** The refusal in words for the door; when and where for a ticket that is already in. */
export function reasonText(reason: string, firstCheckIn?: { at: string; gate: string } | null): string {
  const text = reasons[reason as RefusalReason] ?? `Refused (${reason}).`
  if (reason === 'ALREADY_CHECKED_IN' && firstCheckIn) {
    const at = new Date(firstCheckIn.at)
    const when = Number.isNaN(at.getTime()) ? firstCheckIn.at : at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
    return `This ticket was already checked in at ${when}, gate “${firstCheckIn.gate}”.`
  }
  return text
}
