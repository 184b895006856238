import { parseEthInput } from '../../lib/format'

/** The events list's state as it lives in the URL (shareable, survives reloads and the back button). */
export interface EventFilters {
  q: string
  status: 'upcoming' | 'any' | 'past' | 'cancelled'
  /** Tickets left (`available=true`), sold out only (`available=false`), or either. */
  available: 'any' | 'left' | 'soldout'
  minPrice: string
  maxPrice: string
  /** Days (yyyy-mm-dd, the browser's time zone): events starting on or after `from`, on or before `to`. */
  from: string
  to: string
  location: string
  /** An organizer's wallet address. */
  organizer: string
  sort: string
  page: number
}

export const PAGE_SIZE = 12

export const SORTS = [
  { value: '', label: 'Best match / soonest' },
  { value: 'startsAt,asc', label: 'Date: soonest first' },
  { value: 'startsAt,desc', label: 'Date: latest first' },
  { value: 'price,asc', label: 'Price: low to high' },
  { value: 'price,desc', label: 'Price: high to low' },
  { value: 'createdAt,desc', label: 'Newly listed' },
] as const

const STATUSES = ['upcoming', 'any', 'past', 'cancelled'] as const

const ADDRESS = /^0x[0-9a-fA-F]{40}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A wallet address as the API takes it (0x and 40 hex characters); checked without loading the wallet code. */
export const isWalletAddress = (text: string) => ADDRESS.test(text.trim())

/** The instant a day (yyyy-mm-dd, local time) starts, or ends (its last millisecond). */
function dayEdge(day: string, edge: 'start' | 'end'): string | undefined {
  if (!DAY.test(day)) return undefined
  const date = new Date(`${day}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

function wei(eth: string): string | undefined {
  const value = eth.trim() ? parseEthInput(eth) : null
  return value !== null ? value.toString() : undefined
}

export function readFilters(search: URLSearchParams): EventFilters {
  const status = search.get('status')
  const page = Number.parseInt(search.get('page') ?? '1', 10)
  return {
    q: search.get('q') ?? '',
    status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as EventFilters['status']) : 'upcoming',
    available: search.get('available') === 'true' ? 'left' : search.get('available') === 'false' ? 'soldout' : 'any',
    minPrice: search.get('minPrice') ?? '',
    maxPrice: search.get('maxPrice') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    location: search.get('location') ?? '',
    organizer: search.get('organizer') ?? '',
    sort: SORTS.some((s) => s.value === search.get('sort')) ? (search.get('sort') as string) : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  }
}

/** URL parameters for the filters, leaving out defaults so links stay short. */
export function writeFilters(filters: EventFilters): URLSearchParams {
  const out = new URLSearchParams()
  if (filters.q.trim()) out.set('q', filters.q.trim())
  if (filters.status !== 'upcoming') out.set('status', filters.status)
  if (filters.available !== 'any') out.set('available', filters.available === 'left' ? 'true' : 'false')
  if (filters.minPrice.trim()) out.set('minPrice', filters.minPrice.trim())
  if (filters.maxPrice.trim()) out.set('maxPrice', filters.maxPrice.trim())
  if (filters.from) out.set('from', filters.from)
  if (filters.to) out.set('to', filters.to)
  if (filters.location.trim()) out.set('location', filters.location.trim())
  if (filters.organizer.trim()) out.set('organizer', filters.organizer.trim())
  if (filters.sort) out.set('sort', filters.sort)
  if (filters.page > 1) out.set('page', String(filters.page))
  return out
}

/** The API query (GET /api/events) for the filters. */
export function apiParams(filters: EventFilters): Record<string, string | number | boolean | undefined> {
  const statusParam = { upcoming: 'SCHEDULED', any: undefined, past: 'FINISHED', cancelled: 'CANCELLED' }[filters.status]
  return {
    q: filters.q.trim() || undefined,
    status: statusParam,
    // Without a status the API lists only what can still be bought; "any" asks for the whole catalogue.
    includePast: filters.status === 'any' ? true : undefined,
    available: { any: undefined, left: true, soldout: false }[filters.available],
    priceMin: wei(filters.minPrice),
    priceMax: wei(filters.maxPrice),
    startsFrom: dayEdge(filters.from, 'start'),
    startsTo: dayEdge(filters.to, 'end'),
    location: filters.location.trim() || undefined,
    // A half-typed address is not sent (the form says what is wrong with it).
    organizer: isWalletAddress(filters.organizer) ? filters.organizer.trim().toLowerCase() : undefined,
    sort: filters.sort === '' ? undefined : filters.sort,
    page: filters.page - 1,
    size: PAGE_SIZE,
  }
}

/** The typed filters that can be wrong. */
export type CheckedFilter = 'minPrice' | 'maxPrice' | 'organizer' | 'to'
export type FilterProblems = Partial<Record<CheckedFilter, string>>

/** What is wrong with a typed filter, by field; empty when the filters can be applied. */
export function filterProblems(filters: EventFilters): FilterProblems {
  const problems: FilterProblems = {}
  if (filters.minPrice.trim() && wei(filters.minPrice) === undefined) problems.minPrice = 'A number of ETH, e.g. 0.01'
  if (filters.maxPrice.trim() && wei(filters.maxPrice) === undefined) problems.maxPrice = 'A number of ETH, e.g. 0.05'
  const min = wei(filters.minPrice)
  const max = wei(filters.maxPrice)
  if (min !== undefined && max !== undefined && BigInt(min) > BigInt(max)) problems.maxPrice = 'At least the min price'
  const from = dayEdge(filters.from, 'start')
  const to = dayEdge(filters.to, 'end')
  if (from && to && to < from) problems.to = 'On or after the first day'
  if (filters.organizer.trim() && !isWalletAddress(filters.organizer)) problems.organizer = 'A wallet address: 0x followed by 40 hex characters'
  return problems
}
