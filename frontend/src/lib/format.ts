import { formatEther, parseEther } from 'viem'

/** "0.0125 ETH": at most `digits` decimals (rounded down, never up), trailing zeros dropped. */
export function formatEth(wei: string | bigint | null | undefined, digits = 6): string {
  if (wei === null || wei === undefined || wei === '') return '—'
  const value = typeof wei === 'bigint' ? wei : BigInt(wei)
  if (value === 0n) return '0 ETH'
  const full = formatEther(value)
  const [whole, fraction = ''] = full.split('.')
  const cut = fraction.slice(0, digits).replace(/0+$/, '')
  if (!cut && value > 0n && whole === '0') return `< 0.${'0'.repeat(digits - 1)}1 ETH`
  return `${whole}${cut ? `.${cut}` : ''} ETH`
}

/** Wei from a decimal ETH amount typed by a person; null when it is not a number ≥ 0 with ≤ 18 decimals. */
export function parseEthInput(text: string): bigint | null {
  const trimmed = text.trim().replace(',', '.')
  if (!/^\d+(\.\d{0,18})?$/.test(trimmed) && !/^\.\d{1,18}$/.test(trimmed)) return null
  try {
    return parseEther(trimmed.startsWith('.') ? `0${trimmed}` : trimmed)
  } catch {
    return null
  }
}

/** ETH amount for an input field from wei ("0.01"). */
export function weiToEthInput(wei: string | bigint): string {
  return formatEther(typeof wei === 'bigint' ? wei : BigInt(wei))
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const shortDateTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric' })
const monthShort = new Intl.DateTimeFormat(undefined, { month: 'short' })

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  return dateTime.format(new Date(iso))
}

/** "Dec 1, 11:32 AM": for tables on small screens. */
export function formatShortDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  return shortDateTime.format(new Date(iso))
}

export function dateParts(iso: string): { day: string; month: string } {
  const date = new Date(iso)
  return { day: dayMonth.format(date), month: monthShort.format(date) }
}

/** "0xf39F…2266" */
export function shortAddress(address: string | null | undefined): string {
  if (!address) return '—'
  return `${address.slice(0, 6)}…${address.slice(-4)}`
}

/** Value for <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** ISO instant from a datetime-local value (browser time zone); null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
