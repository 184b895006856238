import { ApiError } from './api'
import type { EventView } from './api-types'

/** The backend's sentences for buyers (`purchases.reason`, and /api/chain's 503 while misconfigured) start so. */
const PAUSED = /^purchases are paused\b/i

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** A reason as buyers read it: "Purchases are paused: …", whether or not the API's text starts that way. */
export function pausedText(reason: string | null | undefined): string {
  const text = reason?.trim()
  if (!text) return 'Purchases are paused right now; they resume once the platform reaches the blockchain again.'
  return sentence(PAUSED.test(text) ? text : `Purchases are paused: ${text}`)
}

/** Why this event cannot be bought right now because the platform paused purchases (`purchases`), or null. */
export function eventPausedReason(event: Pick<EventView, 'purchases'>): string | null {
  return event.purchases?.paused ? pausedText(event.purchases.reason) : null
}

/**
 * The reason GET /api/chain gives with its 503 when the chain features are stopped for another cause than an
 * unreachable node (the node does not match the configuration), or null: then the node is simply unreachable.
 */
export function chainPausedReason(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 503) return null
  const detail = error.problem.detail?.trim()
  return detail && PAUSED.test(detail) ? sentence(detail) : null
}
