import type { SavedPurchase } from './purchase-machine'

const KEY = 'echain.purchases'
const MAX_AGE_MS = 24 * 60 * 60 * 1000

function readAll(): SavedPurchase[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]') as SavedPurchase[]
    return Array.isArray(parsed) ? parsed.filter((p) => Date.now() - p.savedAt < MAX_AGE_MS) : []
  } catch {
    return []
  }
}

function writeAll(list: SavedPurchase[]) {
  try {
    localStorage.setItem(KEY, JSON.stringify(list))
  } catch {
    // storage disabled: the purchase is still tracked until the page closes
  }
}

/** Purchases in flight, kept across reloads so the progress picks up where it was. */
export const purchaseStore = {
  find(eventId: number, buyer?: string): SavedPurchase | undefined {
    return readAll().find((p) => p.eventId === eventId && (!buyer || p.buyer === buyer.toLowerCase()))
  },
  save(purchase: SavedPurchase) {
    writeAll([...readAll().filter((p) => p.txHash !== purchase.txHash), { ...purchase, buyer: purchase.buyer.toLowerCase() }])
  },
  clear(txHash: string) {
    writeAll(readAll().filter((p) => p.txHash !== txHash))
  },
}
