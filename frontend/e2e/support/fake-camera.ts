import { writeFileSync } from 'node:fs'
import QRCode from 'qrcode'

const WIDTH = 640
const HEIGHT = 480

/**
 * A Y4M video (4:2:0, a few identical frames; Chromium loops it) of `text` as a QR code, black on white and centred,
 * for Chromium's fake camera (--use-file-for-fake-video-capture). The matrix comes from the `qrcode` package.
 */
export function writeQrVideo(path: string, text: string | null, frames = 5) {
  const luma = new Uint8Array(WIDTH * HEIGHT).fill(235)
  if (text) {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
    const size = qr.modules.size
    const quiet = 4
    const scale = Math.floor((HEIGHT - 16) / (size + 2 * quiet))
    const side = scale * (size + 2 * quiet)
    const left = Math.floor((WIDTH - side) / 2)
    const top = Math.floor((HEIGHT - side) / 2)
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if (!qr.modules.get(x, y)) continue
        for (let dy = 0; dy < scale; dy++) {
          const row = (top + (y + quiet) * scale + dy) * WIDTH + left + (x + quiet) * scale
          luma.fill(16, row, row + scale)
        }
      }
    }
  }
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128)
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma])
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]))
}
