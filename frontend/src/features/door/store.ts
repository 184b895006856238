import { createStore, del, get, set, values } from 'idb-keyval'
import type { OfflineBundle } from '../../lib/checkin/offline'
import type { QueuedScan } from './api'

/**
 * The scanner's IndexedDB: scans decided offline, waiting for /checkins/sync, and the last downloaded offline
 * list per event, so a scanner that reloads without a connection still has both.
 */
const scans = createStore('echain-door-scans', 'scans')
const lists = createStore('echain-door-lists', 'lists')

export interface StoredScan extends QueuedScan {
  eventId: number
  gate: string
}

export const queue = {
  add: (scan: StoredScan) => set(scan.scanId, scan, scans),
  remove: (scanId: string) => del(scanId, scans),
  async forEvent(eventId: number): Promise<StoredScan[]> {
    const all = await values<StoredScan>(scans)
    return all.filter((s) => s.eventId === eventId).sort((a, b) => a.scannedAt.localeCompare(b.scannedAt))
  },
}

export interface StoredList {
  bundle: OfflineBundle
  etag: string | null
  downloadedAt: string
}

export const offlineLists = {
  get: (eventId: number) => get<StoredList>(eventId, lists),
  put: (eventId: number, list: StoredList) => set(eventId, list, lists),
}
