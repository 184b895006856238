import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { purchaseStore } from './purchase-store'

const BUYER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const TX = `0x${'1'.repeat(64)}` as const
const OTHER_TX = `0x${'2'.repeat(64)}` as const

describe('purchases kept across a reload', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2027-03-01T18:00:00Z') }))
  afterEach(() => vi.useRealTimers())

  it('finds a saved purchase by event and buyer, whatever the address case, until it is cleared', () => {
    purchaseStore.save({ eventId: 3, txHash: TX, quantity: 2, buyer: BUYER, savedAt: Date.now() })
    expect(purchaseStore.find(3, BUYER.toLowerCase())).toMatchObject({ txHash: TX, quantity: 2, buyer: BUYER.toLowerCase() })
    expect(purchaseStore.find(3, BUYER)).toBeDefined()
    expect(purchaseStore.find(4, BUYER)).toBeUndefined()
    expect(purchaseStore.find(3, '0x0000000000000000000000000000000000000001')).toBeUndefined()

    // Saving the same transaction again (now with its payment id) replaces it rather than adding a second.
    purchaseStore.save({ eventId: 3, txHash: TX, paymentId: 12, quantity: 2, buyer: BUYER, savedAt: Date.now() })
    purchaseStore.save({ eventId: 5, txHash: OTHER_TX, quantity: 1, buyer: BUYER, savedAt: Date.now() })
    expect(JSON.parse(localStorage.getItem('echain.purchases') ?? '[]')).toHaveLength(2)
    expect(purchaseStore.find(3, BUYER)?.paymentId).toBe(12)

    purchaseStore.clear(TX)
    expect(purchaseStore.find(3, BUYER)).toBeUndefined()
    expect(purchaseStore.find(5, BUYER)?.txHash).toBe(OTHER_TX)
  })

  it('forgets a purchase after a day, and survives storage that holds garbage', () => {
    purchaseStore.save({ eventId: 3, txHash: TX, quantity: 2, buyer: BUYER, savedAt: Date.now() })
    vi.advanceTimersByTime(24 * 60 * 60 * 1000 - 1)
    expect(purchaseStore.find(3, BUYER)).toBeDefined()
    vi.advanceTimersByTime(1)
    expect(purchaseStore.find(3, BUYER)).toBeUndefined()

    localStorage.setItem('echain.purchases', '{not json')
    expect(purchaseStore.find(3, BUYER)).toBeUndefined()
    localStorage.setItem('echain.purchases', '{"eventId":3}')
    expect(purchaseStore.find(3, BUYER)).toBeUndefined()
  })
})
