import { useEffect, useRef, useState } from 'react'
import { Alert, Button } from '../../components/ui'

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>
}
type DetectorClass = { new (options: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> }
type Decode = (video: HTMLVideoElement) => Promise<string | null>

/** The browser's BarcodeDetector when it reads QR codes, else jsQR (loaded only then) on a downscaled frame. */
async function makeDecoder(): Promise<{ decode: Decode; engine: string }> {
  const Native = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector
  if (Native && (await Native.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) {
    const detector = new Native({ formats: ['qr_code'] })
    return { engine: 'BarcodeDetector', decode: async (video) => (await detector.detect(video))[0]?.rawValue ?? null }
  }
  const jsQR = (await import('jsqr')).default
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d', { willReadFrequently: true })
  return {
    engine: 'jsQR',
    decode: async (video) => {
      if (!context || !video.videoWidth) return null
      const scale = Math.min(1, 800 / Math.max(video.videoWidth, video.videoHeight))
      canvas.width = Math.round(video.videoWidth * scale)
      canvas.height = Math.round(video.videoHeight * scale)
      context.drawImage(video, 0, 0, canvas.width, canvas.height)
      const image = context.getImageData(0, 0, canvas.width, canvas.height)
      return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null
    },
  }
}

function cameraError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError') return 'The browser was not allowed to use the camera. Allow it in the site settings, or type or paste the code below.'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'This device has no camera the browser can use. Type or paste the code below.'
  if (name === 'NotReadableError') return 'The camera is in use by another app. Close it and try again, or type or paste the code below.'
  return 'The camera could not be started. Type or paste the code below.'
}

/** Reads QR codes from the camera; a code is reported again only after it has been out of view for 4 s. */
export function Camera({ onCode }: { onCode: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null)
  const [on, setOn] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [engine, setEngine] = useState<string | null>(null)
  const report = useRef(onCode)
  useEffect(() => {
    report.current = onCode
  }, [onCode])

  useEffect(() => {
    if (!on) return
    let stream: MediaStream | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const seen = new Map<string, number>()
    ;(async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no mediaDevices', 'NotFoundError')
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
        if (stopped || !video.current) return
        video.current.srcObject = stream
        await video.current.play().catch(() => undefined)
        const { decode, engine } = await makeDecoder()
        setEngine(engine)
        const tick = async () => {
          if (stopped || !video.current) return
          const text = await decode(video.current).catch(() => null)
          const now = Date.now()
          if (text) {
            const last = seen.get(text)
            seen.set(text, now)
            if (last === undefined || now - last > 4_000) report.current(text)
          }
          timer = setTimeout(tick, 120)
        }
        void tick()
      } catch (e) {
        setError(cameraError(e))
        setOn(false)
      }
    })()
    return () => {
      stopped = true
      clearTimeout(timer)
      stream?.getTracks().forEach((t) => t.stop())
    }
  }, [on])

  return (
    <div className="space-y-2">
      <div className={on ? 'overflow-hidden rounded-xl bg-slate-900' : 'hidden'}>
        <video ref={video} muted playsInline aria-label="Camera view" className="aspect-[4/3] w-full object-cover" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant={on ? 'secondary' : 'primary'} onClick={() => { setError(null); setOn(!on) }}>
          {on ? 'Stop camera' : 'Start camera'}
        </Button>
        {on && engine && <span className="text-xs text-slate-700" data-testid="camera-engine">Reading codes with {engine}</span>}
      </div>
      {error && <Alert tone="amber" title="Camera unavailable">{error}</Alert>}
    </div>
  )
}
