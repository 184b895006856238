import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventView } from '../../lib/api-types'
import { authStore } from '../../lib/auth-store'
import { useEventInfo } from './use-event-info'

const event = (id: number, name: string): EventView => ({
  id, name, description: '', location: 'Hamburg', startsAt: '2027-03-01T18:00:00Z', endsAt: '2027-03-01T22:00:00Z',
  saleStartsAt: '2027-01-01T10:00:00Z', saleEndsAt: '2027-03-01T18:00:00Z', transferLocked: false, priceWei: '10000000000000000',
  organizer: '0xabc', status: 'SCHEDULED', availability: { capacity: 100, sold: 2, remaining: 98 }, chain: { eventId: String(id), status: 'CONFIRMED' },
  createdAt: '2027-01-01T10:00:00Z', updatedAt: '2027-01-01T10:00:00Z', version: 1,
    purchases: { paused: false, reason: null },
})

/** The API: anonymous reads answer at once; a signed-in read waits until `release` is called. */
let release: () => void = () => undefined
const fetchMock = vi.fn(async (path: string, init?: RequestInit) => {
  const id = Number(path.split('/').at(-1))
  const signedIn = new Headers(init?.headers).has('Authorization')
  if (signedIn) await new Promise<void>((resolve) => (release = resolve))
  return new Response(JSON.stringify(event(id, signedIn ? 'Harbour Jazz (current)' : 'Harbour Jazz')), { status: 200 })
})

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}

describe('the event while the session changes', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
    fetchMock.mockClear()
    authStore.signOut()
  })
  afterEach(() => {
    authStore.signOut()
    vi.unstubAllGlobals()
  })

  it('stays on screen while signing in switches to the current read, so the checkout under it is not remounted', async () => {
    const { result } = renderHook(({ id }) => useEventInfo(id), { wrapper, initialProps: { id: 3 } })
    await waitFor(() => expect(result.current.data?.name).toBe('Harbour Jazz'))

    act(() =>
      authStore.signedIn({ accessToken: 't', tokenType: 'Bearer', expiresAt: new Date(Date.now() + 900_000).toISOString(), expiresIn: 900, address: '0xabc', roles: ['ATTENDEE'] }),
    )
    // The signed-in read is on its way; the page keeps what it shows instead of going back to "Loading…".
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2))
    expect(result.current.isPending).toBe(false)
    expect(result.current.data?.name).toBe('Harbour Jazz')
    act(() => release())
    await waitFor(() => expect(result.current.data?.name).toBe('Harbour Jazz (current)'))
    expect(result.current.isPlaceholderData).toBe(false)
  })

  it('does not show one event in place of another', async () => {
    const { result, rerender } = renderHook(({ id }) => useEventInfo(id), { wrapper, initialProps: { id: 3 } })
    await waitFor(() => expect(result.current.data?.id).toBe(3))
    rerender({ id: 4 })
    expect(result.current.data).toBeUndefined()
    expect(result.current.isPending).toBe(true)
    await waitFor(() => expect(result.current.data?.id).toBe(4))
  })
})
