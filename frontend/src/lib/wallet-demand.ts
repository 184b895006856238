import { useSyncExternalStore } from 'react'

/**
 * Whether the wallet code (wagmi, viem's clients, the connectors) should be loaded. The events list does not need it,
 * so it loads on the first wallet action, on pages that need a wallet, or on idle when the wallet was connected in an
 * earlier visit (wagmi remembers it in localStorage) so the connection comes back by itself.
 */
let wanted = false
let openMenu = false
const listeners = new Set<() => void>()

function emit() {
  listeners.forEach((l) => l())
}

export const walletDemand = {
  get: () => wanted,
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  /** Load the wallet code; `open` also opens the connect menu once it is there. */
  request(open = false) {
    if (open) openMenu = true
    if (!wanted) {
      wanted = true
      emit()
    } else if (open) emit()
  },
  /** Whether the menu should open now (consumed once). */
  takeOpen() {
    const value = openMenu
    openMenu = false
    return value
  },
}

export function useWalletWanted() {
  return useSyncExternalStore(walletDemand.subscribe, walletDemand.get, walletDemand.get)
}

/** True when wagmi's storage says a wallet was connected before (reconnect on load). */
export function rememberedConnection(): boolean {
  try {
    return !!localStorage.getItem('wagmi.recentConnectorId') && localStorage.getItem('wagmi.disconnected') === null
  } catch {
    return false
  }
}
