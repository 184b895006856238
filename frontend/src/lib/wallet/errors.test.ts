import { describe, expect, it } from 'vitest'
import { BaseError, ContractFunctionRevertedError, InsufficientFundsError, UserRejectedRequestError, encodeErrorResult } from 'viem'
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
})
