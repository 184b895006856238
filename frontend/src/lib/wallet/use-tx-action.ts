import { useCallback, useRef, useState } from 'react'
import { useConfig, useConnection, useWriteContract } from 'wagmi'
import { getTransactionConfirmations, simulateContract, waitForTransactionReceipt } from 'wagmi/actions'
import type { Abi, ContractFunctionArgs, ContractFunctionName, Hash } from 'viem'
import { describeError, type Described } from './errors'
import { useNetwork } from './use-network'

/** Where a contract write is: every write shows these (pending in the wallet, n of N confirmations, errors). */
export type TxState =
  | { step: 'idle' }
  | { step: 'preparing' }
  | { step: 'wallet' }
  | { step: 'confirming'; hash: Hash; confirmations: number; required: number }
  | { step: 'done'; hash: Hash; confirmations: number; required: number }
  | { step: 'failed'; hash?: Hash; error: Described }

export interface TxCall<abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>> {
  address: `0x${string}`
  abi: abi
  functionName: name
  args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>
  value?: bigint
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * simulate → send from the wallet → wait for the receipt → count confirmations up to `required`. Reverts found by the
 * simulation are decoded before the wallet is asked to pay gas for them.
 */
export function useTxAction(required: number) {
  const config = useConfig()
  const { address } = useConnection()
  const write = useWriteContract()
  const { ensureNetwork } = useNetwork()
  const [state, setState] = useState<TxState>({ step: 'idle' })
  const running = useRef(false)

  const run = useCallback(
    async <abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      call: TxCall<abi, name>,
      onDone?: (hash: Hash) => void,
    ) => {
      if (running.current) return
      running.current = true
      let hash: Hash | undefined
      try {
        setState({ step: 'preparing' })
        if (!address) throw new Error('Connect a wallet first.')
        await ensureNetwork()
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const { request } = await simulateContract(config, { ...(call as any), account: address })
        setState({ step: 'wallet' })
        hash = await write.mutateAsync(request)
        setState({ step: 'confirming', hash, confirmations: 0, required })
        const receipt = await waitForTransactionReceipt(config, { hash, pollingInterval: 500 })
        if (receipt.status !== 'success') {
          setState({ step: 'failed', hash, error: { kind: 'revert', title: 'The transaction failed on chain', detail: 'It was mined but reverted; only gas was paid.' } })
          return
        }
        for (;;) {
          const confirmations = Number(await getTransactionConfirmations(config, { hash }))
          if (confirmations >= required) {
            setState({ step: 'done', hash, confirmations, required })
            onDone?.(hash)
            return
          }
          setState({ step: 'confirming', hash, confirmations, required })
          await sleep(500)
        }
      } catch (error) {
        setState({ step: 'failed', hash, error: describeError(error) })
      } finally {
        running.current = false
      }
    },
    [address, config, ensureNetwork, required, write],
  )

  const reset = useCallback(() => setState({ step: 'idle' }), [])
  return { state, run, reset, busy: state.step === 'preparing' || state.step === 'wallet' || state.step === 'confirming' }
}
