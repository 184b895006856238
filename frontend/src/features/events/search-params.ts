import { parseEthInput } from '../../lib/format'

/** The events list's state as it lives in the URL (shareable, survives reloads and the back button). */
export interface EventFilters {
  q: string
  status: 'upcoming' | 'any' | 'past' | 'cancelled'
  available: boolean
  maxPrice: string
  from: string
  location: string
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

export function readFilters(search: URLSearchParams): EventFilters {
  const status = search.get('status')
  const page = Number.parseInt(search.get('page') ?? '1', 10)
  return {
    q: search.get('q') ?? '',
    status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as EventFilters['status']) : 'upcoming',
    available: search.get('available') === 'true',
    maxPrice: search.get('maxPrice') ?? '',
    from: search.get('from') ?? '',
    location: search.get('location') ?? '',
    sort: SORTS.some((s) => s.value === search.get('sort')) ? (search.get('sort') as string) : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  }
}

/** URL parameters for the filters, leaving out defaults so links stay short. */
export function writeFilters(filters: EventFilters): URLSearchParams {
  const out = new URLSearchParams()
  if (filters.q.trim()) out.set('q', filters.q.trim())
  if (filters.status !== 'upcoming') out.set('status', filters.status)
  if (filters.available) out.set('available', 'true')
  if (filters.maxPrice.trim()) out.set('maxPrice', filters.maxPrice.trim())
  if (filters.from) out.set('from', filters.from)
  if (filters.location.trim()) out.set('location', filters.location.trim())
  if (filters.sort) out.set('sort', filters.sort)
  if (filters.page > 1) out.set('page', String(filters.page))
  return out
}

/** The API query (GET /api/events) for the filters. */
export function apiParams(filters: EventFilters): Record<string, string | number | boolean | undefined> {
  const maxWei = filters.maxPrice ? parseEthInput(filters.maxPrice) : null
  const statusParam = { upcoming: 'SCHEDULED', any: undefined, past: 'FINISHED', cancelled: 'CANCELLED' }[filters.status]
  let startsFrom: string | undefined
  if (/^\d{4}-\d{2}-\d{2}$/.test(filters.from)) {
    const date = new Date(`${filters.from}T00:00:00`)
    if (!Number.isNaN(date.getTime())) startsFrom = date.toISOString()
  }
  return {
    q: filters.q.trim() || undefined,
    status: statusParam,
    // Without a status the API lists only what can still be bought; "any" asks for the whole catalogue.
    includePast: filters.status === 'any' ? true : undefined,
    available: filters.available ? true : undefined,
    priceMax: maxWei !== null ? maxWei.toString() : undefined,
    startsFrom,
    location: filters.location.trim() || undefined,
    sort: filters.sort === '' ? undefined : filters.sort,
    page: filters.page - 1,
    size: PAGE_SIZE,
  }
}
