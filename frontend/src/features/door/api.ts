import { useQuery } from '@tanstack/react-query'
import { ApiError, get, request } from '../../lib/api'
import { useSession } from '../../lib/auth-store'
import type { OfflineBundle } from '../../lib/checkin/offline'
import type { Verdict } from '../../lib/checkin/verdict'

/** An event the signed-in wallet may scan (GET /api/me/door). */
export interface DoorEvent {
  eventId: number
  name: string
  startsAt: string
  endsAt: string
  role: 'DOOR_STAFF' | 'ORGANIZER' | string
}

export function useDoorEvents() {
  const { session } = useSession()
  return useQuery({
    queryKey: ['door', session?.address, 'events'],
    queryFn: () => get<DoorEvent[]>('/api/me/door', { auth: true }),
    enabled: !!session,
    refetchInterval: 30_000,
  })
}

/** How long the scanner waits for the API before deciding on the device. */
export const ONLINE_TIMEOUT_MS = 2_500

/** POST /api/events/{id}/checkins: the server's verdict, or null when the API cannot be reached in time. */
export async function postScan(eventId: number, body: { code: string; gate: string; scanId: string }): Promise<Verdict | null> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), ONLINE_TIMEOUT_MS)
  try {
    return (await request<Verdict>(`/api/events/${eventId}/checkins`, { method: 'POST', body, auth: true, signal: abort.signal })).data
  } catch (error) {
    if (isUnreachable(error)) return null
    throw error
  } finally {
    clearTimeout(timer)
  }
}

/** No answer, a timeout, or the server (or a proxy) failing: decide offline. 4xx are answers to show. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof DOMException && error.name === 'AbortError') return true
  return error instanceof ApiError && (error.status === 0 || error.status >= 500)
}

export interface QueuedScan {
  scanId: string
  code: string
  scannedAt: string
  offlineVerdict: Verdict['verdict']
  offlineReason: Verdict['reason']
  /** The verdict shown at the door, for the sync's comparison. */
  shown: Verdict
}

export async function syncScans(eventId: number, gate: string, scans: QueuedScan[]): Promise<Verdict[]> {
  const body = {
    gate,
    scans: scans.map((s) => ({ scanId: s.scanId, code: s.code, scannedAt: s.scannedAt, offlineVerdict: s.offlineVerdict })),
  }
  const answer = await request<{ results: Verdict[] }>(`/api/events/${eventId}/checkins/sync`, { method: 'POST', body, auth: true })
  return answer.data.results
}

/** GET /api/events/{id}/checkins/list with If-None-Match: null when the list is unchanged. */
export async function fetchBundle(eventId: number, etag: string | null): Promise<{ bundle: OfflineBundle; etag: string | null } | null> {
  try {
    const answer = await request<OfflineBundle>(`/api/events/${eventId}/checkins/list`, { auth: true, headers: etag ? { 'If-None-Match': etag } : {} })
    return { bundle: answer.data, etag: answer.headers.get('ETag') }
  } catch (error) {
    if (error instanceof ApiError && error.status === 304) return null
    throw error
  }
}
