import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, request } from '../api'
import type { NonceResponse, TokenResponse } from '../api-types'
import { authStore } from '../auth-store'
import { useSignIn } from './use-session-guard'

const ADDRESS = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const TTL_S = 300

// The wallet: connected with ADDRESS; every signature is counted.
const { signMessage } = vi.hoisted(() => ({
  signMessage: vi.fn(async (_: { message: string; account: string }) => `0x${'ab'.repeat(65)}`),
}))
vi.mock('wagmi', () => ({
  useConnection: () => ({ address: ADDRESS }),
  useSignMessage: () => ({ mutateAsync: signMessage, isPending: false, error: null, reset: () => undefined }),
}))

/** The API: nonce and verify as the backend answers them (tokens live TTL_S seconds), a write that needs a token. */
let tokens = 0
let refuseWrites = false
const fetchMock = vi.fn(async (path: string, init?: RequestInit) => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  if (path === '/api/auth/nonce') {
    const nonce: NonceResponse = {
      nonce: `n0nce${tokens}abcdef`,
      expiresAt: new Date(Date.now() + 300_000).toISOString(),
      domain: 'localhost:8080',
      uri: 'http://localhost:8080',
      chainId: 31337,
      version: '1',
      statement: 'Sign in to Echain.',
    }
    return json(200, nonce)
  }
  if (path === '/api/auth/verify') {
    tokens += 1
    const token: TokenResponse = {
      accessToken: `token-${tokens}`,
      tokenType: 'Bearer',
      expiresAt: new Date(Date.now() + TTL_S * 1000).toISOString(),
      expiresIn: TTL_S,
      address: ADDRESS.toLowerCase(),
      roles: ['ATTENDEE'],
    }
    return json(200, token)
  }
  if (path === '/api/payments') {
    const auth = new Headers(init?.headers).get('Authorization')
    if (refuseWrites) return json(401, { title: 'Unauthorized', status: 401, detail: 'The token was revoked.' })
    return json(201, { id: 1, auth })
  }
  return json(404, { title: 'Not found' })
})

/** What every write in the app does: make sure of a fresh token, then call the API with it. */
async function write(ensureSignedIn: () => Promise<void>) {
  await ensureSignedIn()
  return request<{ id: number; auth: string }>('/api/payments', { method: 'POST', body: { txHash: '0x01' }, auth: true })
}

describe('signing in again when the session runs out', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2027-03-01T18:00:00Z') })
    vi.stubGlobal('fetch', fetchMock)
    authStore.signOut()
    signMessage.mockClear()
    fetchMock.mockClear()
    tokens = 0
    refuseWrites = false
  })
  afterEach(() => {
    authStore.signOut()
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('signs once, reuses the token, and asks for a new signature when it is about to expire or has expired', async () => {
    const { result } = renderHook(() => useSignIn())

    // The first write signs in; the SIWE message names the wallet and the API's nonce.
    const first = await act(() => write(result.current.ensureSignedIn))
    expect(signMessage).toHaveBeenCalledTimes(1)
    expect(signMessage.mock.calls[0]?.[0].message).toContain(ADDRESS)
    expect(signMessage.mock.calls[0]?.[0].message).toContain('Nonce: n0nce0abcdef')
    expect(first.data.auth).toBe('Bearer token-1')
    expect(result.current.session?.expiresAt).toBe(Date.now() + TTL_S * 1000)

    // Two minutes later the token is still good: no second signature.
    await act(() => vi.advanceTimersByTimeAsync(120_000))
    expect((await act(() => write(result.current.ensureSignedIn))).data.auth).toBe('Bearer token-1')
    expect(signMessage).toHaveBeenCalledTimes(1)

    // With less than 30 s left, the next write signs in first rather than sending a token that dies on the way.
    await act(() => vi.advanceTimersByTimeAsync(155_000))
    expect(authStore.validToken(0)).toBe('token-1')
    expect((await act(() => write(result.current.ensureSignedIn))).data.auth).toBe('Bearer token-2')
    expect(signMessage).toHaveBeenCalledTimes(2)

    // The new token runs out: the timer ends the session and the page learns that it expired.
    await act(() => vi.advanceTimersByTimeAsync(TTL_S * 1000))
    expect(authStore.get()).toEqual({ session: null, expired: true })
    expect(result.current.session).toBeNull()
    expect(result.current.expired).toBe(true)
    // A write without signing in first is refused in the browser, without a request.
    fetchMock.mockClear()
    await expect(request('/api/payments', { method: 'POST', body: {}, auth: true })).rejects.toMatchObject({ status: 401 })
    expect(fetchMock).not.toHaveBeenCalled()

    // The next write signs in again and goes through.
    expect((await act(() => write(result.current.ensureSignedIn))).data.auth).toBe('Bearer token-3')
    expect(signMessage).toHaveBeenCalledTimes(3)
    expect(result.current.expired).toBe(false)
    expect(result.current.session?.token).toBe('token-3')
  })

  it('expires the session when the API answers 401, and the next write signs in again', async () => {
    const { result } = renderHook(() => useSignIn())
    await act(() => write(result.current.ensureSignedIn))
    expect(signMessage).toHaveBeenCalledTimes(1)

    // The token still has minutes left on the clock, but the API refuses it.
    refuseWrites = true
    const refused = await act(() => write(result.current.ensureSignedIn).catch((e: unknown) => e))
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).status).toBe(401)
    expect(signMessage).toHaveBeenCalledTimes(1)
    expect(authStore.get()).toEqual({ session: null, expired: true })
    expect(result.current.expired).toBe(true)

    refuseWrites = false
    expect((await act(() => write(result.current.ensureSignedIn))).data.auth).toBe('Bearer token-2')
    expect(signMessage).toHaveBeenCalledTimes(2)
    expect(result.current.expired).toBe(false)
  })

  it('does not let a 401 on a public read end the session', async () => {
    const { result } = renderHook(() => useSignIn())
    await act(() => write(result.current.ensureSignedIn))
    fetchMock.mockImplementationOnce(async () => new Response(JSON.stringify({ title: 'Unauthorized' }), { status: 401 }))
    await expect(request('/api/events')).rejects.toMatchObject({ status: 401 })
    expect(authStore.validToken()).toBe('token-1')
  })
})
