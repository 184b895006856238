import { Alert, Spinner } from '../../components/ui'
import type { TxState } from './use-tx-action'

/** The state of a wallet transaction in words, announced to screen readers as it changes. */
export function TxProgress({ state, doneText, explorerUrl }: { state: TxState; doneText: string; explorerUrl?: string | null }) {
  if (state.step === 'idle') return null
  const link = 'hash' in state && state.hash && explorerUrl ? `${explorerUrl.replace(/\/$/, '')}/tx/${state.hash}` : null
  return (
    <div aria-live="polite" className="mt-3 text-sm">
      {state.step === 'preparing' && <Spinner small label="Checking with the contract…" />}
      {state.step === 'wallet' && <Spinner small label="Confirm in your wallet…" />}
      {state.step === 'confirming' && (
        <Spinner
          small
          label={state.confirmations === 0 ? 'Sent, waiting for the first block…' : `${state.confirmations} of ${state.required} confirmations`}
        />
      )}
      {state.step === 'done' && (
        <Alert tone="green" title={doneText}>
          {state.confirmations} of {state.required} confirmations.{' '}
          {link && (
            <a className="underline" href={link} target="_blank" rel="noreferrer">
              View transaction
            </a>
          )}
        </Alert>
      )}
      {state.step === 'failed' && <Alert title={state.error.title}>{state.error.detail}</Alert>}
    </div>
  )
}
