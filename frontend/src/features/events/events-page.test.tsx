import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventPage } from '../../lib/api-types'
import { EventsPage } from './events-page'

const ORGANIZER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const empty: EventPage = { items: [], page: 0, size: 12, totalItems: 0, totalPages: 0, totalItemsCapped: false, nextCursor: null }
const fetchMock = vi.fn(async (_path: string) => new Response(JSON.stringify(empty), { status: 200, headers: { 'Content-Type': 'application/json' } }))

/** The query of the last GET /api/events. */
function lastApiQuery(): URLSearchParams {
  const path = fetchMock.mock.calls.at(-1)?.[0] ?? ''
  expect(path.startsWith('/api/events')).toBe(true)
  return new URLSearchParams(path.split('?')[1] ?? '')
}

/** The address bar, for the test to read. */
function Location() {
  return <output data-testid="location">{useLocation().search}</output>
}
const search = () => screen.getByTestId('location').textContent

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route
            path="/"
            element={
              <>
                <EventsPage />
                <Location />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

describe('events page filters', () => {
  beforeEach(() => {
    fetchMock.mockClear()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('opens with the filters of the URL and asks the API for them', async () => {
    renderAt(`/?available=false&minPrice=0.01&to=2027-03-31&organizer=${ORGANIZER}`)
    expect(await screen.findByText('No events match')).toBeVisible()
    // The filters are open and show what the URL says.
    expect(screen.getByLabelText('Tickets')).toHaveValue('soldout')
    expect(screen.getByLabelText('Min price (ETH)')).toHaveValue('0.01')
    expect(screen.getByLabelText('Starting by')).toHaveValue('2027-03-31')
    expect(screen.getByLabelText('Organizer wallet')).toHaveValue(ORGANIZER)
    const api = lastApiQuery()
    expect(api.get('available')).toBe('false')
    expect(api.get('priceMin')).toBe('10000000000000000')
    expect(api.get('startsTo')).toBe(new Date('2027-03-31T23:59:59.999').toISOString())
    expect(api.get('organizer')).toBe(ORGANIZER.toLowerCase())
  })

  it('puts the applied filters into the URL', async () => {
    renderAt('/')
    await screen.findByText('No events match')
    await userEvent.click(screen.getByRole('button', { name: 'Filters' }))
    await userEvent.selectOptions(screen.getByLabelText('Tickets'), 'Sold out only')
    await userEvent.type(screen.getByLabelText('Min price (ETH)'), '0.02')
    await userEvent.type(screen.getByLabelText('Organizer wallet'), ORGANIZER)
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }))
    await waitFor(() => expect(search()).toBe(`?available=false&minPrice=0.02&organizer=${ORGANIZER}`))
    await waitFor(() => expect(lastApiQuery().get('available')).toBe('false'))
    expect(lastApiQuery().get('priceMin')).toBe('20000000000000000')
    expect(lastApiQuery().get('organizer')).toBe(ORGANIZER.toLowerCase())
  })

  it('names a wrong filter next to its field and sends nothing', async () => {
    renderAt('/')
    await screen.findByText('No events match')
    const calls = fetchMock.mock.calls.length
    await userEvent.click(screen.getByRole('button', { name: 'Filters' }))
    await userEvent.type(screen.getByLabelText('Organizer wallet'), '0x1234')
    await userEvent.type(screen.getByLabelText('Min price (ETH)'), '0.05')
    await userEvent.type(screen.getByLabelText('Max price (ETH)'), '0.01')
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }))
    expect(screen.getByLabelText('Organizer wallet')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Organizer wallet')).toHaveAccessibleDescription('A wallet address: 0x followed by 40 hex characters')
    expect(screen.getByLabelText('Max price (ETH)')).toHaveAccessibleDescription('At least the min price')
    expect(screen.getByLabelText('Min price (ETH)')).not.toHaveAttribute('aria-invalid')
    expect(search()).toBe('')
    expect(fetchMock.mock.calls.length).toBe(calls)
  })
})
