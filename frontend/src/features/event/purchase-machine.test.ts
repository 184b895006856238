import { describe, expect, it } from 'vitest'
import type { PaymentView } from '../../lib/api-types'
import { initialPurchase, purchaseLabel, purchaseReducer, type PurchaseAction, type PurchaseState } from './purchase-machine'

const hash = '0xabc0000000000000000000000000000000000000000000000000000000000001' as const

function payment(overrides: Partial<PaymentView>): PaymentView {
  return {
    id: 7, txHash: hash, status: 'PENDING', paymentId: null, eventId: 1, chainEventId: '1', buyer: '0xb', quantity: 2,
    amountWei: '20000000000000000', feeWei: '1000000000000000', refundedQuantity: 0, refundedWei: '0', blockNumber: null,
    confirmations: 0, requiredConfirmations: 3, failureReason: null, createdAt: '', updatedAt: '', ...overrides,
  }
}

const run = (...actions: PurchaseAction[]) => actions.reduce<PurchaseState>(purchaseReducer, initialPurchase)

describe('purchase state machine', () => {
  it('goes check → wallet → reporting → PENDING n of N → CONFIRMED', () => {
    let s = run({ type: 'start', quantity: 2, required: 3 })
    expect(s.step).toBe('preparing')
    s = purchaseReducer(s, { type: 'simulated' })
    expect(s.step).toBe('wallet')
    expect(purchaseLabel(s)).toMatch(/confirm the payment in your wallet/i)
    s = purchaseReducer(s, { type: 'sent', txHash: hash })
    expect(s).toMatchObject({ step: 'reporting', txHash: hash })
    s = purchaseReducer(s, { type: 'payment', payment: payment({}) })
    expect(s).toMatchObject({ step: 'pending', paymentId: 7, confirmations: 0 })
    expect(purchaseLabel(s)).toBe('PENDING: waiting for the first block…')
    s = purchaseReducer(s, { type: 'payment', payment: payment({ confirmations: 2, blockNumber: 10 }) })
    expect(purchaseLabel(s)).toBe('PENDING: 2 of 3 confirmations')
    s = purchaseReducer(s, { type: 'payment', payment: payment({ status: 'CONFIRMED', confirmations: 3 }) })
    expect(s.step).toBe('confirmed')
    expect(purchaseLabel(s)).toMatch(/^CONFIRMED/)
  })

  it('fails with words when the payment reverted on chain', () => {
    const s = run(
      { type: 'start', quantity: 1, required: 3 },
      { type: 'simulated' },
      { type: 'sent', txHash: hash },
      { type: 'payment', payment: payment({ status: 'FAILED', failureReason: 'reverted' }) },
    )
    expect(s.step).toBe('failed')
    expect(s.error?.title).toBe('The purchase failed on chain')
  })

  it('keeps tracking a sent purchase when reporting or polling fails', () => {
    const s = run(
      { type: 'start', quantity: 1, required: 3 },
      { type: 'simulated' },
      { type: 'sent', txHash: hash },
      { type: 'error', error: { kind: 'network', title: 'offline' } },
    )
    expect(s.step).toBe('reporting')
    expect(s.txHash).toBe(hash)
  })

  it('fails before sending when the simulation or the wallet refuses', () => {
    const rejected = run({ type: 'start', quantity: 1, required: 3 }, { type: 'simulated' }, { type: 'error', error: { kind: 'rejected', title: 'You rejected the request in your wallet' } })
    expect(rejected).toMatchObject({ step: 'failed', error: { kind: 'rejected' } })
    expect(rejected.txHash).toBeUndefined()
  })

  it('ignores a second start while a purchase is in flight', () => {
    const s = run({ type: 'start', quantity: 1, required: 3 }, { type: 'simulated' }, { type: 'sent', txHash: hash }, { type: 'start', quantity: 5, required: 3 })
    expect(s).toMatchObject({ step: 'reporting', quantity: 1 })
  })

  it('resumes a saved purchase and finishes from chain confirmations when not signed in', () => {
    let s = run({ type: 'resume', saved: { eventId: 1, txHash: hash, quantity: 2, buyer: '0xb', savedAt: 0 }, required: 3 })
    expect(s).toMatchObject({ step: 'reporting', resumed: true, quantity: 2 })
    expect(purchaseLabel(s)).toMatch(/picking up/i)
    s = purchaseReducer(s, { type: 'chain', confirmations: 1, reverted: false })
    expect(purchaseLabel(s)).toBe('PENDING: 1 of 3 confirmations')
    s = purchaseReducer(s, { type: 'chain', confirmations: 3, reverted: false })
    expect(s.step).toBe('confirmed')
  })

  it('does not go back from CONFIRMED when a late poll arrives', () => {
    const s = run(
      { type: 'start', quantity: 1, required: 3 },
      { type: 'simulated' },
      { type: 'sent', txHash: hash },
      { type: 'payment', payment: payment({ status: 'CONFIRMED', confirmations: 3 }) },
      { type: 'payment', payment: payment({ status: 'PENDING', confirmations: 1 }) },
    )
    expect(s.step).toBe('confirmed')
  })
})
