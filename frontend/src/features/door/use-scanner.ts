import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../lib/api'
import { useCheckinConfig } from '../../lib/checkin/config'
import { indexBundle, verifyOffline, type BundleIndex } from '../../lib/checkin/offline'
import type { Verdict } from '../../lib/checkin/verdict'
import { fetchBundle, isUnreachable, postScan, syncScans } from './api'
import { offlineLists, queue, type StoredScan } from './store'

export interface ScanResult {
  verdict: Verdict
  /** Decided on this device (no answer from the API). */
  offline: boolean
  /** Scan to verdict on screen, ms. */
  ms: number
}

export interface SyncReport {
  at: string
  sent: number
  admitted: number
  refused: number
  /** Scans the server decided differently from the device: usually a ticket another gate admitted first. */
  conflicts: { scanId: string; tokenId: string | null; shown: Verdict['verdict']; server: Verdict }[]
}

export function newScanId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

const LIST_REFRESH_MS = 30_000
const SYNC_EVERY_MS = 5_000

/**
 * The scanner's logic: online verdicts from the API; when it cannot be reached, verdicts on the device from the
 * offline list (IndexedDB), queued and synced when the connection is back.
 */
export function useScanner(eventId: number, gate: string) {
  const config = useCheckinConfig()
  const [index, setIndex] = useState<BundleIndex | null>(null)
  const [listInfo, setListInfo] = useState<{ downloadedAt: string; tickets: number; etag: string | null } | null>(null)
  const [listError, setListError] = useState<unknown>(null)
  // Online = the browser has a network and the API answered last time. A request that was under way when the
  // network went away may still succeed afterwards: it says the API is reachable, never that the network is back.
  const [network, setNetwork] = useState(() => navigator.onLine)
  const [reachable, setReachable] = useState(true)
  const online = network && reachable
  const [queued, setQueued] = useState(0)
  const [syncing, setSyncing] = useState(false)
  const [syncReport, setSyncReport] = useState<SyncReport | null>(null)
  const [syncError, setSyncError] = useState<unknown>(null)
  const [result, setResult] = useState<ScanResult | null>(null)
  const [scanError, setScanError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const admissions = useRef(new Map<string, { at: string; gate: string }>())
  const etag = useRef<string | null>(null)

  const refreshQueue = useCallback(async () => {
    const list = await queue.forEvent(eventId)
    for (const s of list) if (s.offlineVerdict === 'ADMITTED' && s.shown.tokenId) admissions.current.set(s.shown.tokenId, { at: s.scannedAt, gate: s.gate })
    setQueued(list.length)
    return list
  }, [eventId])

  // The last list from IndexedDB first (works offline), then a fresh one whenever the API answers.
  const download = useCallback(async () => {
    try {
      const fresh = await fetchBundle(eventId, etag.current)
      setReachable(true)
      setListError(null)
      if (!fresh) return
      const downloadedAt = new Date().toISOString()
      etag.current = fresh.etag
      setIndex(indexBundle(fresh.bundle))
      setListInfo({ downloadedAt, tickets: fresh.bundle.tickets.length, etag: fresh.etag })
      await offlineLists.put(eventId, { bundle: fresh.bundle, etag: fresh.etag, downloadedAt })
    } catch (error) {
      if (isUnreachable(error)) setReachable(false)
      else setListError(error)
    }
  }, [eventId])

  useEffect(() => {
    let stop = false
    ;(async () => {
      const stored = await offlineLists.get(eventId).catch(() => undefined)
      if (stored && !stop) {
        etag.current = stored.etag
        setIndex(indexBundle(stored.bundle))
        setListInfo({ downloadedAt: stored.downloadedAt, tickets: stored.bundle.tickets.length, etag: stored.etag })
      }
      await refreshQueue()
      if (!stop) await download()
    })()
    const timer = setInterval(() => void download(), LIST_REFRESH_MS)
    return () => {
      stop = true
      clearInterval(timer)
    }
  }, [eventId, download, refreshQueue])

  const sync = useCallback(async () => {
    const list = await refreshQueue()
    if (list.length === 0 || syncing) return
    setSyncing(true)
    setSyncError(null)
    try {
      const report: SyncReport = { at: new Date().toISOString(), sent: 0, admitted: 0, refused: 0, conflicts: [] }
      const byGate = new Map<string, StoredScan[]>()
      for (const s of list) byGate.set(s.gate, [...(byGate.get(s.gate) ?? []), s])
      for (const [g, scans] of byGate) {
        for (let i = 0; i < scans.length; i += 200) {
          const chunk = scans.slice(i, i + 200)
          const results = await syncScans(eventId, g, chunk)
          const byId = new Map(results.map((r) => [r.scanId, r]))
          for (const s of chunk) {
            const server = byId.get(s.scanId)
            if (!server) continue
            report.sent++
            if (server.verdict === 'ADMITTED') report.admitted++
            else report.refused++
            if (server.verdict !== s.offlineVerdict) report.conflicts.push({ scanId: s.scanId, tokenId: server.tokenId ?? s.shown.tokenId, shown: s.offlineVerdict, server })
            await queue.remove(s.scanId)
          }
        }
      }
      setSyncReport(report)
      setReachable(true)
      void download()
    } catch (error) {
      if (isUnreachable(error)) setReachable(false)
      else setSyncError(error)
    } finally {
      setSyncing(false)
      await refreshQueue()
    }
  }, [eventId, refreshQueue, syncing, download])

  useEffect(() => {
    const up = () => {
      setNetwork(true)
      setReachable(true)
      void sync()
    }
    const down = () => setNetwork(false)
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
    const timer = setInterval(() => {
      if (queued > 0 && navigator.onLine) void sync()
    }, SYNC_EVERY_MS)
    return () => {
      window.removeEventListener('online', up)
      window.removeEventListener('offline', down)
      clearInterval(timer)
    }
  }, [sync, queued])

  const scan = useCallback(
    async (text: string) => {
      const started = performance.now()
      const scanId = newScanId()
      setBusy(true)
      setScanError(null)
      try {
        let verdict: Verdict | null = null
        if (navigator.onLine) verdict = await postScan(eventId, { code: text.trim(), gate, scanId })
        let offline = false
        if (!verdict) {
          setReachable(false)
          if (!index) throw new Error('No connection, and this scanner has no offline list for the event yet. Connect once to download it.')
          const cfg = config.data
          verdict = await verifyOffline(text, index, {
            scanId,
            gate,
            now: Date.now(),
            domainName: cfg?.domainName ?? 'Echain Check-in',
            domainVersion: cfg?.domainVersion ?? '1',
            localAdmissions: admissions.current,
          })
          offline = true
          await queue.add({ eventId, gate, scanId, code: text.trim(), scannedAt: verdict.scannedAt, offlineVerdict: verdict.verdict, offlineReason: verdict.reason, shown: verdict })
          await refreshQueue()
        } else {
          setReachable(true)
        }
        if (verdict.verdict === 'ADMITTED' && verdict.tokenId) admissions.current.set(verdict.tokenId, { at: verdict.scannedAt, gate })
        setResult({ verdict, offline, ms: Math.round(performance.now() - started) })
        navigator.vibrate?.(verdict.verdict === 'ADMITTED' ? 80 : [60, 60, 60])
      } catch (error) {
        setResult(null)
        setScanError(error instanceof ApiError || error instanceof Error ? error : new Error(String(error)))
      } finally {
        setBusy(false)
      }
    },
    [eventId, gate, index, config.data, refreshQueue],
  )

  return { scan, busy, result, scanError, online, listInfo, listError, queued, sync, syncing, syncReport, syncError, clear: () => setResult(null) }
}
