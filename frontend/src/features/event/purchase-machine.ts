import type { PaymentView } from '../../lib/api-types'
import type { Described } from '../../lib/wallet/errors'

/**
 * A purchase from the buy button to CONFIRMED: check (network, sign-in, simulation) → confirm in the wallet →
 * report the hash to the API → PENDING with n of N confirmations → CONFIRMED (or FAILED). Pure, so it is unit tested.
 */
export type PurchaseStep = 'idle' | 'preparing' | 'wallet' | 'reporting' | 'pending' | 'confirmed' | 'failed'

export interface PurchaseState {
  step: PurchaseStep
  quantity?: number
  txHash?: `0x${string}`
  paymentId?: number
  confirmations: number
  required: number
  error?: Described
  /** The purchase came back from storage after a reload. */
  resumed?: boolean
}

export interface SavedPurchase {
  eventId: number
  txHash: `0x${string}`
  paymentId?: number
  quantity: number
  buyer: string
  savedAt: number
}

export type PurchaseAction =
  | { type: 'start'; quantity: number; required: number }
  | { type: 'simulated' }
  | { type: 'sent'; txHash: `0x${string}` }
  | { type: 'payment'; payment: PaymentView }
  | { type: 'chain'; confirmations: number; reverted: boolean }
  | { type: 'error'; error: Described }
  | { type: 'resume'; saved: SavedPurchase; required: number }
  | { type: 'reset' }

export const initialPurchase: PurchaseState = { step: 'idle', confirmations: 0, required: 0 }

const inFlight = (step: PurchaseStep) => step === 'reporting' || step === 'pending'

export function purchaseReducer(state: PurchaseState, action: PurchaseAction): PurchaseState {
  switch (action.type) {
    case 'start':
      if (state.step !== 'idle' && state.step !== 'failed' && state.step !== 'confirmed') return state
      return { step: 'preparing', quantity: action.quantity, confirmations: 0, required: action.required }
    case 'simulated':
      return state.step === 'preparing' ? { ...state, step: 'wallet' } : state
    case 'sent':
      return state.step === 'wallet' || state.step === 'preparing' ? { ...state, step: 'reporting', txHash: action.txHash } : state
    case 'payment': {
      if (!inFlight(state.step)) return state
      const p = action.payment
      const base = { ...state, paymentId: p.id, txHash: p.txHash as `0x${string}`, required: p.requiredConfirmations }
      if (p.status === 'CONFIRMED' || p.status === 'REFUNDED')
        return { ...base, step: 'confirmed', confirmations: Math.max(p.confirmations, p.requiredConfirmations) }
      if (p.status === 'FAILED')
        return { ...base, step: 'failed', confirmations: p.confirmations, error: failure(p.failureReason) }
      // Never count backwards on screen (a reorg moves the payment back; it still is in flight).
      return { ...base, step: 'pending', confirmations: Math.max(0, p.confirmations) }
    }
    case 'chain': {
      if (!inFlight(state.step)) return state
      if (action.reverted) return { ...state, step: 'failed', error: failure('reverted') }
      if (action.confirmations >= state.required && state.required > 0)
        return { ...state, step: 'confirmed', confirmations: action.confirmations }
      return { ...state, step: 'pending', confirmations: action.confirmations }
    }
    case 'error':
      // After the wallet sent the transaction, a failed report or poll does not undo the purchase: keep tracking.
      if (inFlight(state.step) && action.error.kind !== 'revert') return state
      return { ...state, step: 'failed', error: action.error }
    case 'resume':
      if (state.step !== 'idle') return state
      return {
        step: 'reporting',
        quantity: action.saved.quantity,
        txHash: action.saved.txHash,
        paymentId: action.saved.paymentId,
        confirmations: 0,
        required: action.required,
        resumed: true,
      }
    case 'reset':
      return initialPurchase
  }
}

function failure(reason: string | null | undefined): Described {
  if (reason === 'reverted')
    return { kind: 'revert', title: 'The purchase failed on chain', detail: 'The transaction reverted (sold out or sales closed meanwhile). Only the network fee was paid.' }
  if (reason && /timeout|dropped|not mined/i.test(reason))
    return { kind: 'network', title: 'The transaction was not mined', detail: 'It was dropped by the network. No ETH left your wallet for tickets.' }
  return { kind: 'unknown', title: 'The purchase failed', detail: reason ?? undefined }
}

/** What the progress line says. */
export function purchaseLabel(state: PurchaseState): string {
  switch (state.step) {
    case 'idle':
      return ''
    case 'preparing':
      return 'Checking the purchase…'
    case 'wallet':
      return 'Confirm the payment in your wallet…'
    case 'reporting':
      return state.resumed ? 'Picking up your purchase…' : 'Sent. Registering your purchase…'
    case 'pending':
      return state.confirmations === 0
        ? 'PENDING: waiting for the first block…'
        : `PENDING: ${state.confirmations} of ${state.required} confirmations`
    case 'confirmed':
      return 'CONFIRMED: your tickets are yours'
    case 'failed':
      return state.error?.title ?? 'Failed'
  }
}
