import { useId, useState } from 'react'
import { Link } from 'react-router'
import { useConnection } from 'wagmi'
import { ProblemAlert } from '../../components/problem-alert'
import { Alert, Button, Card, Spinner } from '../../components/ui'
import type { EventView } from '../../lib/api-types'
import { formatEth } from '../../lib/format'
import { eventPausedReason } from '../../lib/purchases-paused'
import { useNow } from '../../lib/use-now'
import { walletDemand } from '../../lib/wallet-demand'
import { describeError } from '../../lib/wallet/errors'
import { useChainEvent } from '../../lib/wallet/use-chain-event'
import { useNetwork } from '../../lib/wallet/use-network'
import { WalletScope, useChain } from '../../lib/wallet/wallet-scope'
import { closedReason } from './closed-reason'
import { purchaseLabel, type PurchaseState } from './purchase-machine'
import { quoteLines } from './quote-lines'
import { useQuote } from './use-event-info'
import { useTicketPurchase } from './use-ticket-purchase'

export default function BuyPanel({ event }: { event: EventView }) {
  const paused = eventPausedReason(event)
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-950">Tickets</h2>
      {/* Paused purchases need no wallet to explain: say why even when the chain settings never loaded here. */}
      <WalletScope fallback={paused ? <p className="mt-3 text-slate-800">{paused}</p> : undefined}>
        <Checkout event={event} />
      </WalletScope>
    </Card>
  )
}

function Checkout({ event }: { event: EventView }) {
  const chain = useChain()
  const { address, isConnected } = useConnection()
  const { wrong, ensureNetwork, switching } = useNetwork()
  const [quantity, setQuantity] = useState(1)
  const [switchError, setSwitchError] = useState<unknown>(null)
  const purchase = useTicketPurchase(event, chain.confirmations, chain.paymentProcessor)
  const now = useNow()
  const onChain = useChainEvent(event.chain.eventId)
  const closed = closedReason(event, now, onChain.registered, onChain.cancelled)
  const quote = useQuote(event.id, quantity, address, !closed)
  const id = useId()
  const busy = ['preparing', 'wallet', 'reporting', 'pending'].includes(purchase.state.step)
  const showProgress = purchase.state.step !== 'idle'
  const max = Math.max(1, Math.min(quote.data?.maxPerPurchase ?? 10, event.availability.remaining || 1))

  if (closed && (!showProgress || purchase.state.step === 'failed')) {
    return (
      <div className="mt-3 space-y-3">
        {purchase.state.step === 'failed' && <Alert title={purchase.state.error?.title ?? 'Failed'}>{purchase.state.error?.detail}</Alert>}
        <p className="text-slate-800">{closed}</p>
      </div>
    )
  }

  const q = quote.data
  return (
    <div className="mt-3 space-y-4">
      {!showProgress || purchase.state.step === 'failed' ? (
        <>
          <div>
            <label htmlFor={`${id}-qty`} className="text-sm font-medium text-slate-800">
              Quantity
            </label>
            <div className="mt-1 flex items-center gap-2">
              <Button variant="secondary" aria-label="One ticket fewer" disabled={quantity <= 1} onClick={() => setQuantity((n) => Math.max(1, n - 1))}>
                −
              </Button>
              <select
                id={`${id}-qty`}
                value={quantity}
                onChange={(e) => setQuantity(Number(e.target.value))}
                className="min-h-11 w-20 rounded-lg border border-slate-300 bg-white px-3 text-center text-base"
              >
                {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              <Button variant="secondary" aria-label="One ticket more" disabled={quantity >= max} onClick={() => setQuantity((n) => Math.min(max, n + 1))}>
                +
              </Button>
              <span className="text-sm text-slate-700">max {max}</span>
            </div>
          </div>
          <section aria-label="Price" aria-live="polite" aria-busy={quote.isFetching}>
            {quote.isPending ? (
              <Spinner small label="Getting a live quote…" />
            ) : quote.isError ? (
              <ProblemAlert error={quote.error} />
            ) : q ? (
              <dl className="space-y-1 text-sm" data-testid="quote">
                {quoteLines(q).map((line) => (
                  <Row key={line.label} label={line.label} value={line.value} strong={line.strong} />
                ))}
              </dl>
            ) : null}
          </section>
          {!isConnected ? (
            <Button className="w-full" onClick={() => walletDemand.request(true)}>
              Connect wallet to buy
            </Button>
          ) : wrong ? (
            <div className="space-y-2">
              <Alert tone="amber" title="Wrong network">
                Your wallet is on another network. Tickets are sold on {chain.chainName}.
              </Alert>
              <Button
                className="w-full"
                busy={switching}
                onClick={async () => {
                  setSwitchError(null)
                  try {
                    await ensureNetwork()
                  } catch (e) {
                    setSwitchError(e)
                  }
                }}
              >
                Switch to {chain.chainName}
              </Button>
              {switchError ? <Alert title={describeError(switchError).title}>{describeError(switchError).detail}</Alert> : null}
            </div>
          ) : (
            <Button className="w-full" disabled={!q || busy} busy={busy} onClick={() => q && purchase.buy(quantity, BigInt(q.totalWei))}>
              {q ? `Buy ${quantity} ${quantity === 1 ? 'ticket' : 'tickets'} · ${formatEth(q.totalWei)}` : 'Buy'}
            </Button>
          )}
        </>
      ) : null}
      {showProgress && <Progress state={purchase.state} explorer={chain.blockExplorerUrl} onReset={purchase.reset} />}
    </div>
  )
}

function Row({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-3 ${strong ? 'font-semibold text-slate-950' : 'text-slate-700'}`}>
      <dt>{label}</dt>
      <dd className="text-right">{value}</dd>
    </div>
  )
}

const STEPS: { key: PurchaseState['step'][]; label: string }[] = [
  { key: ['preparing'], label: 'Check' },
  { key: ['wallet'], label: 'Wallet' },
  { key: ['reporting', 'pending'], label: 'Blocks' },
  { key: ['confirmed'], label: 'Done' },
]

function Progress({ state, explorer, onReset }: { state: PurchaseState; explorer: string | null; onReset: () => void }) {
  const current = STEPS.findIndex((s) => s.key.includes(state.step))
  const failed = state.step === 'failed'
  const percent = state.step === 'pending' && state.required > 0 ? Math.min(100, (state.confirmations / state.required) * 100) : state.step === 'confirmed' ? 100 : 0
  return (
    <div className="space-y-3" data-testid="purchase-progress">
      {!failed && (
        <ol className="flex gap-1" aria-label="Purchase steps">
          {STEPS.map((step, i) => (
            <li
              key={step.label}
              aria-current={i === current ? 'step' : undefined}
              className={`flex-1 rounded-full py-1 text-center text-[11px] font-semibold ${i < current || state.step === 'confirmed' ? 'bg-emerald-100 text-emerald-900' : i === current ? 'bg-brand-100 text-brand-800' : 'bg-slate-100 text-slate-700'}`}
            >
              {step.label}
            </li>
          ))}
        </ol>
      )}
      <div role="status" aria-live="polite" className="text-sm">
        {failed ? (
          <Alert title={state.error?.title ?? 'Failed'}>{state.error?.detail}</Alert>
        ) : state.step === 'confirmed' ? (
          <Alert tone="green" title="CONFIRMED: your tickets are yours">
            {state.quantity ? `${state.quantity} ${state.quantity === 1 ? 'ticket' : 'tickets'}` : 'Tickets'} in your wallet after {state.confirmations} of{' '}
            {state.required} confirmations.{' '}
            <Link to="/tickets" className="font-semibold underline">
              See My tickets
            </Link>
          </Alert>
        ) : (
          <div className="space-y-2">
            <p className="font-semibold text-slate-950" data-testid="purchase-status">
              {purchaseLabel(state)}
            </p>
            {state.step === 'pending' && (
              <div className="h-2 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-label="Confirmations" aria-valuemin={0} aria-valuemax={state.required} aria-valuenow={state.confirmations}>
                <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
              </div>
            )}
          </div>
        )}
      </div>
      {state.txHash && (
        <p className="break-all font-mono text-xs text-slate-700">
          Transaction {explorer ? <a className="underline" href={`${explorer.replace(/\/$/, '')}/tx/${state.txHash}`} target="_blank" rel="noreferrer">{state.txHash}</a> : state.txHash}
        </p>
      )}
      {(failed || state.step === 'confirmed') && (
        <Button variant="secondary" className="w-full" onClick={onReset}>
          {failed ? 'Try again' : 'Buy more'}
        </Button>
      )}
    </div>
  )
}
