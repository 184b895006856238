import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useReducer, useRef } from 'react'
import { useConfig, useConnection, useWriteContract } from 'wagmi'
import { getBlockNumber, getTransactionReceipt, simulateContract } from 'wagmi/actions'
import { ApiError, get, request } from '../../lib/api'
import type { EventView, PaymentView } from '../../lib/api-types'
import { authStore, useSession } from '../../lib/auth-store'
import { paymentProcessorAbi } from '../../lib/contracts.generated'
import { describeError } from '../../lib/wallet/errors'
import { useNetwork } from '../../lib/wallet/use-network'
import { useSignIn } from '../../lib/wallet/use-session-guard'
import { initialPurchase, purchaseReducer } from './purchase-machine'
import { purchaseStore } from './purchase-store'

const POLL_MS = 1_000

/**
 * Buys tickets: network and sign-in checks, simulation (decoded reverts before any gas is spent), the wallet's
 * transaction, the hash reported to POST /api/payments at once, then the payment polled to CONFIRMED. A purchase in
 * flight is saved, so a reload resumes it (from the API when signed in, else from the chain).
 */
export function useTicketPurchase(event: EventView, required: number, processor: `0x${string}`) {
  const config = useConfig()
  const { address } = useConnection()
  const { session } = useSession()
  const write = useWriteContract()
  const { ensureNetwork } = useNetwork()
  const { ensureSignedIn } = useSignIn()
  const queryClient = useQueryClient()
  const [state, dispatch] = useReducer(purchaseReducer, initialPurchase)
  const resumedFor = useRef<string | null>(null)
  // While buy() reports the hash, the tracker must not report it a second time (two reports at once race).
  const reporting = useRef(false)

  // Resume a purchase this wallet started for this event before a reload.
  useEffect(() => {
    if (!address || resumedFor.current === address) return
    resumedFor.current = address
    const saved = purchaseStore.find(event.id, address)
    if (saved) dispatch({ type: 'resume', saved, required })
  }, [address, event.id, required])

  const buy = useCallback(
    async (quantity: number, totalWei: bigint) => {
      dispatch({ type: 'start', quantity, required })
      try {
        if (!address) throw new Error('Connect a wallet first.')
        if (!event.chain.eventId) throw new Error('This event is not on chain yet.')
        await ensureNetwork()
        await ensureSignedIn()
        const { request: call } = await simulateContract(config, {
          address: processor,
          abi: paymentProcessorAbi,
          functionName: 'purchaseTickets',
          args: [BigInt(event.chain.eventId), BigInt(quantity)],
          value: totalWei,
          account: address,
        })
        dispatch({ type: 'simulated' })
        const txHash = await write.mutateAsync(call)
        purchaseStore.save({ eventId: event.id, txHash, quantity, buyer: address, savedAt: Date.now() })
        reporting.current = true
        dispatch({ type: 'sent', txHash })
        const reported = await request<PaymentView>('/api/payments', { method: 'POST', body: { txHash }, auth: true }).finally(() => {
          reporting.current = false
        })
        purchaseStore.save({ eventId: event.id, txHash, paymentId: reported.data.id, quantity, buyer: address, savedAt: Date.now() })
        dispatch({ type: 'payment', payment: reported.data })
      } catch (error) {
        dispatch({ type: 'error', error: describeError(error) })
      }
    },
    [address, config, ensureNetwork, ensureSignedIn, event.chain.eventId, event.id, processor, required, write],
  )

  // Track the purchase while it is in flight.
  const inFlight = state.step === 'reporting' || state.step === 'pending'
  const signedIn = !!session
  useEffect(() => {
    if (!inFlight || !state.txHash) return
    let stopped = false
    const txHash = state.txHash
    let paymentId = state.paymentId
    const tick = async () => {
      try {
        if (authStore.validToken()) {
          // Report again after a reload or a failed report: the same hash answers the same payment.
          if (!paymentId) {
            if (reporting.current) return
            const reported = await request<PaymentView>('/api/payments', { method: 'POST', body: { txHash }, auth: true })
            paymentId = reported.data.id
            if (address) purchaseStore.save({ eventId: event.id, txHash, paymentId, quantity: state.quantity ?? 0, buyer: address, savedAt: Date.now() })
            if (!stopped) dispatch({ type: 'payment', payment: reported.data })
            return
          }
          const payment = await get<PaymentView>(`/api/payments/${paymentId}`, { auth: true })
          if (!stopped) dispatch({ type: 'payment', payment })
        } else {
          const receipt = await getTransactionReceipt(config, { hash: txHash }).catch(() => null)
          if (!receipt) return
          const head = await getBlockNumber(config)
          if (!stopped)
            dispatch({ type: 'chain', confirmations: Number(head - receipt.blockNumber + 1n), reverted: receipt.status !== 'success' })
        }
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return
      }
    }
    void tick()
    const timer = setInterval(tick, POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [inFlight, state.txHash, state.paymentId, state.quantity, signedIn, config, address, event.id])

  // Final: forget the saved purchase and refresh what depends on it.
  useEffect(() => {
    if (state.step === 'confirmed' || state.step === 'failed') {
      if (state.txHash) purchaseStore.clear(state.txHash)
      void queryClient.invalidateQueries({ queryKey: ['event', event.id] })
      void queryClient.invalidateQueries({ queryKey: ['my-tickets'] })
      void queryClient.invalidateQueries({ queryKey: ['quote', event.id] })
    }
  }, [state.step, state.txHash, queryClient, event.id])

  const reset = useCallback(() => dispatch({ type: 'reset' }), [])
  return { state, buy, reset }
}
