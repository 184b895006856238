import {
  BaseError,
  ChainMismatchError,
  ContractFunctionRevertedError,
  HttpRequestError,
  InsufficientFundsError,
  TimeoutError,
  UserRejectedRequestError,
} from 'viem'
import { ApiError } from '../api'
import { formatDateTime } from '../format'

export type ErrorKind = 'rejected' | 'revert' | 'funds' | 'network' | 'wrong-chain' | 'api' | 'unknown'

/** An error put into words for the person in front of the screen. */
export interface Described {
  kind: ErrorKind
  title: string
  detail?: string
  /** The contract's custom error, e.g. EventTicketNFT_ExceedsCapacity. */
  errorName?: string
}

const seconds = (value: unknown) => formatDateTime(new Date(Number(value) * 1000).toISOString())

/** What each contract error means, in words. */
function revertText(name: string, args: readonly unknown[]): Omit<Described, 'kind' | 'errorName'> {
  switch (name) {
    case 'EventTicketNFT_ExceedsCapacity': {
      const remaining = Number(args[2] ?? 0)
      return remaining === 0
        ? { title: 'Sold out', detail: 'The last tickets were bought while you were deciding.' }
        : { title: `Only ${remaining} left`, detail: `Someone bought tickets meanwhile; choose ${remaining} or fewer.` }
    }
    case 'EventTicketNFT_SaleNotOpen':
      return { title: 'Sales are not open', detail: `Tickets are on sale from ${seconds(args[1])} until ${seconds(args[2])}.` }
    case 'EventTicketNFT_EventIsCancelled':
    case 'PaymentProcessor_EventIsCancelled':
      return { title: 'The event was cancelled', detail: 'No tickets can be bought; holders can claim refunds.' }
    case 'EventTicketNFT_SalesPaused':
      return { title: 'Sales are paused', detail: 'The platform paused ticket sales for a moment. Try again later.' }
    case 'EventTicketNFT_InvalidQuantity':
      return { title: 'Too many tickets', detail: `At most ${String(args[1])} tickets per purchase.` }
    case 'EventTicketNFT_Underpayment':
    case 'EventTicketNFT_Overpayment':
      return { title: 'The price changed', detail: 'The organizer changed the price. Review the new total and try again.' }
    case 'EventTicketNFT_EventNotFound':
    case 'PaymentProcessor_EventNotFound':
      return { title: 'Not on chain yet', detail: 'This event is still being registered on chain. Try again in a minute.' }
    case 'PaymentProcessor_NothingToWithdraw':
      return { title: 'Nothing to withdraw', detail: 'Everything available was already paid out.' }
    case 'PaymentProcessor_EventNotEnded':
      return { title: 'Not yet', detail: `Revenue is released after the event ends (${seconds(args[1])}).` }
    case 'PaymentProcessor_EventNotCancelled':
      return { title: 'Not cancelled', detail: 'Refunds are only for cancelled events.' }
    case 'PaymentProcessor_CallerNotHolder':
      return { title: 'Not your ticket', detail: 'This wallet no longer holds that ticket.' }
    case 'PaymentProcessor_CallerNotOrganizer':
      return { title: 'Not the organizer', detail: 'Connect the wallet that organizes this event.' }
    case 'PaymentProcessor_CallerNotTreasuryOrOwner':
      return { title: 'Not the treasury', detail: 'Only the treasury wallet or the contract owner can withdraw platform fees.' }
    case 'PaymentProcessor_TransferFailed':
      return { title: 'Payout failed', detail: 'The receiving address refused the ETH.' }
    case 'ReentrancyGuardReentrantCall':
      return { title: 'Rejected by the contract', detail: 'Try again.' }
    default:
      return { title: 'The contract refused this', detail: name.replace(/_/g, ': ') }
  }
}

export function describeError(error: unknown): Described {
  if (error instanceof ApiError) {
    return { kind: 'api', title: error.problem.title ?? 'Request failed', detail: error.problem.detail }
  }
  if (error instanceof BaseError) {
    const rejected = error.walk((e) => e instanceof UserRejectedRequestError || (e as { code?: number }).code === 4001)
    if (rejected) return { kind: 'rejected', title: 'You rejected the request in your wallet', detail: 'Nothing was sent. Try again when you are ready.' }
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError)
    if (revert instanceof ContractFunctionRevertedError && revert.data?.errorName) {
      return { kind: 'revert', errorName: revert.data.errorName, ...revertText(revert.data.errorName, revert.data.args ?? []) }
    }
    if (error.walk((e) => e instanceof InsufficientFundsError) || /insufficient funds/i.test(error.message)) {
      return { kind: 'funds', title: 'Not enough ETH', detail: 'Your wallet does not have enough ETH for this and the network fee.' }
    }
    if (error.walk((e) => e instanceof ChainMismatchError) || /chain mismatch|does not match the target chain/i.test(error.message)) {
      return { kind: 'wrong-chain', title: 'Wrong network', detail: 'Switch your wallet to the network Echain uses.' }
    }
    if (error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError)) {
      return { kind: 'network', title: 'The blockchain node cannot be reached', detail: 'Nothing was sent. Try again in a moment.' }
    }
    if (revert instanceof ContractFunctionRevertedError) {
      return { kind: 'revert', title: 'The contract refused this', detail: revert.reason ?? revert.shortMessage }
    }
    return { kind: 'unknown', title: 'The wallet reported an error', detail: error.shortMessage }
  }
  if (error && typeof error === 'object' && (error as { code?: number }).code === 4001) {
    return { kind: 'rejected', title: 'You rejected the request in your wallet', detail: 'Nothing was sent. Try again when you are ready.' }
  }
  return { kind: 'unknown', title: 'Something went wrong', detail: error instanceof Error ? error.message : String(error) }
}
