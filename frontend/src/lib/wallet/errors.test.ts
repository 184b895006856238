import { describe, expect, it } from 'vitest'
import { BaseError, ChainMismatchError, ContractFunctionRevertedError, InsufficientFundsError, UserRejectedRequestError, encodeErrorResult } from 'viem'
import { anvil } from 'viem/chains'
import { paymentProcessorAbi } from '../contracts.generated'
import { ApiError } from '../api'
import { describeError } from './errors'

function revert(errorName: string, args: readonly unknown[]) {
  const data = encodeErrorResult({ abi: paymentProcessorAbi, errorName: errorName as never, args: args as never })
  return new BaseError('simulation failed', {
    cause: new ContractFunctionRevertedError({ abi: paymentProcessorAbi, data, functionName: 'purchaseTickets' }),
  })
}

describe('errors in words', () => {
  it('tells a buyer that the tickets sold out meanwhile, or how many are left', () => {
    expect(describeError(revert('EventTicketNFT_ExceedsCapacity', [1n, 2n, 0n]))).toMatchObject({ kind: 'revert', title: 'Sold out' })
    expect(describeError(revert('EventTicketNFT_ExceedsCapacity', [1n, 3n, 1n])).title).toBe('Only 1 left')
  })

  it('names a closed sale with its window', () => {
    const d = describeError(revert('EventTicketNFT_SaleNotOpen', [1n, 1_800_000_000n, 1_800_086_400n]))
    expect(d.title).toBe('Sales are not open')
    expect(d.detail).toMatch(/2027/)
  })

  it('recognises a rejected request, missing funds and API problems', () => {
    expect(describeError(new UserRejectedRequestError(new Error('User denied')))).toMatchObject({ kind: 'rejected' })
    expect(describeError({ code: 4001, message: 'denied' })).toMatchObject({ kind: 'rejected' })
    expect(describeError(new InsufficientFundsError())).toMatchObject({ kind: 'funds', title: 'Not enough ETH' })
    const api = new ApiError(409, { title: 'Conflict', detail: 'Event is sold out' })
    expect(describeError(api)).toEqual({ kind: 'api', title: 'Conflict', detail: 'Event is sold out' })
  })

  it('asks to switch networks when the wallet is on another chain than the transaction', () => {
    // What viem throws when the wallet's chain is not the chain of the call (the wallet switched meanwhile).
    const mismatch = new ChainMismatchError({ chain: anvil, currentChainId: 1 })
    expect(describeError(mismatch)).toEqual({ kind: 'wrong-chain', title: 'Wrong network', detail: 'Switch your wallet to the network Echain uses.' })
    // Wrapped, as a write reports it.
    expect(describeError(new BaseError('sending failed', { cause: mismatch })).kind).toBe('wrong-chain')
    // A wallet that says so only in words.
    expect(describeError(new BaseError('The current chain of the wallet (id: 1) does not match the target chain for the transaction (id: 31337 – Anvil).')).kind).toBe('wrong-chain')
    // Neither a rejection nor a revert is taken for a wrong network.
    expect(describeError(new UserRejectedRequestError(new Error('chain mismatch, user denied'))).kind).toBe('rejected')
  })
})
