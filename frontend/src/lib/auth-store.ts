import { useSyncExternalStore } from 'react'
import type { Role, TokenResponse } from './api-types'

/** The signed-in wallet's access token: kept in memory only (never in storage), gone on reload. */
export interface Session {
  token: string
  address: string
  roles: Role[]
  expiresAt: number
}

type Listener = () => void

let session: Session | null = null
let expired = false
const listeners = new Set<Listener>()
let expiryTimer: ReturnType<typeof setTimeout> | undefined

function emit() {
  snapshot = { session, expired }
  listeners.forEach((l) => l())
}

let snapshot: { session: Session | null; expired: boolean } = { session, expired }

export const authStore = {
  get: () => snapshot,
  subscribe(listener: Listener) {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  signedIn(response: TokenResponse, now = Date.now()) {
    const expiresAt = Math.min(Date.parse(response.expiresAt), now + response.expiresIn * 1000)
    session = { token: response.accessToken, address: response.address.toLowerCase(), roles: response.roles, expiresAt }
    expired = false
    clearTimeout(expiryTimer)
    // A timer past ~24 days overflows; tokens live minutes.
    expiryTimer = setTimeout(() => authStore.expire(), Math.max(0, Math.min(expiresAt - now, 2 ** 31 - 1)))
    emit()
  },
  /** The token ran out (timer) or the API refused it: the wallet must sign in again. */
  expire() {
    if (!session) return
    session = null
    expired = true
    clearTimeout(expiryTimer)
    emit()
  },
  signOut() {
    session = null
    expired = false
    clearTimeout(expiryTimer)
    emit()
  },
  /** A token that is still valid for at least `marginMs`. */
  validToken(marginMs = 5_000, now = Date.now()): string | null {
    if (!session || session.expiresAt - marginMs <= now) return null
    return session.token
  },
}

export function useSession() {
  return useSyncExternalStore(authStore.subscribe, authStore.get, authStore.get)
}

export function hasRole(s: Session | null, role: Role) {
  return !!s && s.roles.includes(role)
}
