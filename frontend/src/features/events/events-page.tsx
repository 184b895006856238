import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ProblemAlert } from '../../components/problem-alert'
import { Button, EmptyState, Loading, PageTitle } from '../../components/ui'
import { useEventList } from './api'
import { EventCard } from './event-card'
import { SORTS, filterProblems, readFilters, writeFilters, type CheckedFilter, type EventFilters, type FilterProblems } from './search-params'

const inputClass =
  'mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-950 shadow-sm focus:border-brand-600'

export function EventsPage() {
  const [search, setSearch] = useSearchParams()
  const filters = readFilters(search)
  const events = useEventList(filters)
  const [draft, setDraft] = useState(filters)
  const [showFilters, setShowFilters] = useState(
    () =>
      filters.status !== 'upcoming' ||
      filters.available !== 'any' ||
      !!(filters.minPrice || filters.maxPrice || filters.from || filters.to || filters.location || filters.organizer),
  )
  // Problems with what was typed, shown once the person tries to apply them.
  const [checked, setChecked] = useState(false)
  const [synced, setSynced] = useState(search.toString())
  if (synced !== search.toString()) {
    // The URL changed (back button, a link): show what it says.
    setSynced(search.toString())
    setDraft(filters)
  }
  const id = useId()

  function apply(next: EventFilters) {
    setSearch(writeFilters(next))
  }
  const problems: FilterProblems = checked ? filterProblems(draft) : {}
  function onSubmit(e: FormEvent) {
    e.preventDefault()
    setChecked(true)
    if (Object.keys(filterProblems(draft)).length > 0) {
      setShowFilters(true)
      return
    }
    apply({ ...draft, page: 1 })
  }
  const set = <K extends keyof EventFilters>(key: K, value: EventFilters[K]) => setDraft((d) => ({ ...d, [key]: value }))
  /** Label, input and its problem (announced and linked to the input). */
  const field = (key: CheckedFilter, label: string, input: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode) => {
    const problem = problems[key]
    return (
      <div>
        <label htmlFor={`${id}-${key}`} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {input({ id: `${id}-${key}`, ...(problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-problem` } : {}) })}
        {problem && (
          <p id={`${id}-${key}-problem`} className="mt-1 text-sm font-medium text-red-700">
            {problem}
          </p>
        )}
      </div>
    )
  }

  const data = events.data
  return (
    <div>
      <PageTitle subtitle="Find an event, pay in ETH from your wallet, and get your ticket as an NFT.">Events</PageTitle>
      <form role="search" onSubmit={onSubmit} className="mb-6 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor={`${id}-q`} className="text-sm font-medium text-slate-800">
              Search
            </label>
            <input
              id={`${id}-q`}
              type="search"
              value={draft.q}
              onChange={(e) => set('q', e.target.value)}
              placeholder="Name, venue or description"
              className={inputClass}
            />
          </div>
          <div className="sm:w-56">
            <label htmlFor={`${id}-sort`} className="text-sm font-medium text-slate-800">
              Sort
            </label>
            <select
              id={`${id}-sort`}
              value={draft.sort}
              onChange={(e) => apply({ ...draft, sort: e.target.value, page: 1 })}
              className={inputClass}
            >
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex gap-2">
            <Button type="submit">Search</Button>
            <Button variant="secondary" aria-expanded={showFilters} aria-controls={`${id}-filters`} onClick={() => setShowFilters((v) => !v)}>
              Filters
            </Button>
          </div>
        </div>
        {showFilters && (
          <div id={`${id}-filters`} className="mt-4 grid grid-cols-1 gap-3 border-t border-slate-200 pt-4 sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <label htmlFor={`${id}-status`} className="text-sm font-medium text-slate-800">
                When
              </label>
              <select id={`${id}-status`} value={draft.status} onChange={(e) => set('status', e.target.value as EventFilters['status'])} className={inputClass}>
                <option value="upcoming">Upcoming</option>
                <option value="past">Past</option>
                <option value="cancelled">Cancelled</option>
                <option value="any">Any</option>
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-from`} className="text-sm font-medium text-slate-800">
                Starting from
              </label>
              <input id={`${id}-from`} type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} className={inputClass} />
            </div>
            {field('to', 'Starting by', (props) => (
              <input {...props} type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} className={inputClass} />
            ))}
            <div>
              <label htmlFor={`${id}-available`} className="text-sm font-medium text-slate-800">
                Tickets
              </label>
              <select
                id={`${id}-available`}
                value={draft.available}
                onChange={(e) => set('available', e.target.value as EventFilters['available'])}
                className={inputClass}
              >
                <option value="any">Any</option>
                <option value="left">Tickets left</option>
                <option value="soldout">Sold out only</option>
              </select>
            </div>
            {field('minPrice', 'Min price (ETH)', (props) => (
              <input {...props} inputMode="decimal" value={draft.minPrice} onChange={(e) => set('minPrice', e.target.value)} placeholder="e.g. 0.01" className={inputClass} />
            ))}
            {field('maxPrice', 'Max price (ETH)', (props) => (
              <input {...props} inputMode="decimal" value={draft.maxPrice} onChange={(e) => set('maxPrice', e.target.value)} placeholder="e.g. 0.05" className={inputClass} />
            ))}
            <div>
              <label htmlFor={`${id}-location`} className="text-sm font-medium text-slate-800">
                Venue starts with
              </label>
              <input id={`${id}-location`} value={draft.location} onChange={(e) => set('location', e.target.value)} className={inputClass} />
            </div>
            {field('organizer', 'Organizer wallet', (props) => (
              <input
                {...props}
                value={draft.organizer}
                onChange={(e) => set('organizer', e.target.value)}
                placeholder="0x…"
                spellCheck={false}
                autoComplete="off"
                className={`${inputClass} font-mono`}
              />
            ))}
            <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4 lg:justify-end">
              <Button type="submit">Apply filters</Button>
              <Button
                variant="ghost"
                onClick={() => {
                  const cleared = readFilters(new URLSearchParams())
                  setChecked(false)
                  setDraft(cleared)
                  apply(cleared)
                }}
              >
                Clear
              </Button>
            </div>
          </div>
        )}
      </form>

      {events.isPending ? (
        <Loading label="Loading events…" />
      ) : events.isError ? (
        <ProblemAlert error={events.error} action={<Button variant="secondary" onClick={() => events.refetch()}>Try again</Button>} />
      ) : data && data.items.length === 0 ? (
        <EmptyState title="No events match">
          {filters.q || search.toString() ? (
            <Link to="/" className="font-semibold text-brand-700 underline">
              Show all upcoming events
            </Link>
          ) : (
            'Organizers have not published anything yet.'
          )}
        </EmptyState>
      ) : data ? (
        <section aria-label="Results" aria-busy={events.isFetching}>
          <p className="mb-3 text-sm text-slate-700" aria-live="polite">
            {data.totalItems === 1 ? '1 event' : `${data.totalItems.toLocaleString()}${data.totalItemsCapped ? '+' : ''} events`}
            {filters.q && <> for “{filters.q}”</>}
          </p>
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {data.items.map((event) => (
              <EventCard key={event.id} event={event} />
            ))}
          </ul>
          {data.totalPages > 1 && (
            <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-2">
              <PageLink filters={filters} page={filters.page - 1} disabled={filters.page <= 1}>
                ← Previous
              </PageLink>
              <span className="text-sm text-slate-700">
                Page {filters.page} of {data.totalPages.toLocaleString()}
              </span>
              <PageLink filters={filters} page={filters.page + 1} disabled={filters.page >= data.totalPages}>
                Next →
              </PageLink>
            </nav>
          )}
        </section>
      ) : null}
    </div>
  )
}

function PageLink({ filters, page, disabled, children }: { filters: EventFilters; page: number; disabled: boolean; children: string }) {
  if (disabled) return <span className="min-h-11 px-4 py-2 text-sm font-semibold text-slate-400" aria-disabled="true">{children}</span>
  return (
    <Link
      to={`/?${writeFilters({ ...filters, page }).toString()}`}
      className="inline-flex min-h-11 items-center rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50"
    >
      {children}
    </Link>
  )
}
