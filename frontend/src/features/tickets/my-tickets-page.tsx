import { useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useBalance, useConnection } from 'wagmi'
import { ProblemAlert } from '../../components/problem-alert'
import { Badge, Button, Card, EmptyState, Loading, PageTitle } from '../../components/ui'
import type { EventView, PaymentView, TicketView } from '../../lib/api-types'
import { paymentProcessorAbi } from '../../lib/contracts.generated'
import { formatDateTime, formatEth, formatShortDateTime } from '../../lib/format'
import { SignInGate } from '../../lib/wallet/sign-in-gate'
import { TxProgress } from '../../lib/wallet/tx-progress'
import { useChainEvent } from '../../lib/wallet/use-chain-event'
import { useTxAction } from '../../lib/wallet/use-tx-action'
import { WalletScope, useChain } from '../../lib/wallet/wallet-scope'
import { useMyTickets } from './api'

export function MyTicketsPage() {
  return (
    <div>
      <PageTitle subtitle="Your tickets are NFTs in your wallet. Show them at the door; cancelled events are refunded here.">
        My tickets
      </PageTitle>
      <WalletScope>
        <SignInGate what="your tickets">
          <TicketsAndPayments />
        </SignInGate>
      </WalletScope>
    </div>
  )
}

function WalletBalance() {
  const { address } = useConnection()
  const balance = useBalance({ address, query: { refetchInterval: 2_000 } })
  if (!address) return null
  return (
    <p className="text-sm text-slate-700" data-testid="wallet-balance">
      Wallet balance: <span className="font-semibold text-slate-950">{balance.data ? formatEth(balance.data.value, 6) : '…'}</span>
    </p>
  )
}

function TicketsAndPayments() {
  const { tickets, payments, eventsById } = useMyTickets()
  if (tickets.isPending) return <Loading label="Loading your tickets…" />
  if (tickets.isError) return <ProblemAlert error={tickets.error} action={<Button variant="secondary" onClick={() => tickets.refetch()}>Try again</Button>} />
  const groups = new Map<string, TicketView[]>()
  for (const t of tickets.data) {
    const key = t.eventId !== null ? String(t.eventId) : `chain-${t.chainEventId}`
    groups.set(key, [...(groups.get(key) ?? []), t])
  }
  return (
    <div className="space-y-8">
      <WalletBalance />
      {tickets.data.length === 0 ? (
        <EmptyState title="No tickets yet">
          <Link to="/" className="font-semibold text-brand-700 underline">
            Find an event
          </Link>
        </EmptyState>
      ) : (
        [...groups.entries()].map(([key, list]) => (
          <EventTickets key={key} tickets={list} event={list[0]?.eventId != null ? eventsById.get(list[0].eventId) : undefined} />
        ))
      )}
      <Payments payments={payments.data} error={payments.error} pending={payments.isPending} />
    </div>
  )
}

function ticketBadge(t: TicketView) {
  if (t.status === 'REFUNDED') return <Badge tone="neutral">Refunded</Badge>
  if (t.status === 'TRANSFERRED') return <Badge tone="amber">Transferred</Badge>
  return t.confirmed ? <Badge tone="green">Valid</Badge> : <Badge tone="blue">Confirming</Badge>
}

function EventTickets({ tickets, event }: { tickets: TicketView[]; event?: EventView }) {
  const chain = useChain()
  const queryClient = useQueryClient()
  const refund = useTxAction(chain.confirmations)
  const first = tickets[0]
  const cancelled = event?.status === 'CANCELLED'
  const onChain = useChainEvent(cancelled ? first?.chainEventId : null)
  if (!first) return null
  const refundable = tickets.filter((t) => t.status === 'ACTIVE')
  const refundTotal = refundable.reduce((sum, t) => sum + BigInt(t.pricePaidWei), 0n)
  const name = event?.name ?? first.eventName ?? `Event #${first.chainEventId}`
  return (
    <section aria-labelledby={`event-${first.tokenId}`} className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`event-${first.tokenId}`} className="text-lg font-semibold text-slate-950">
          {event ? <Link to={`/events/${event.id}`} className="hover:underline">{name}</Link> : name}
        </h2>
        {event && <span className="text-sm text-slate-700">{formatDateTime(event.startsAt)} · {event.location}</span>}
      </div>
      {cancelled && (refundable.length > 0 || refund.state.step !== 'idle') && (
        <Card className="border-l-4 border-red-600">
          <p className="font-semibold text-slate-950">This event was cancelled</p>
          {refundable.length > 0 ? (
            <p className="mt-1 text-sm text-slate-700">
              Claim back what you paid: {refundable.length} {refundable.length === 1 ? 'ticket' : 'tickets'}, {formatEth(refundTotal)}, in one
              transaction. The tickets are burned.
            </p>
          ) : (
            <p className="mt-1 text-sm text-slate-700">
              {formatEth(tickets.filter((t) => t.status === 'REFUNDED').reduce((sum, t) => sum + BigInt(t.pricePaidWei), 0n))} was refunded to
              your wallet.
            </p>
          )}
          {refundable.length > 0 && !onChain.cancelled && (
            <p className="mt-3 text-sm font-medium text-slate-800" role="status">
              The cancellation is being recorded on chain; refunds open in a few seconds.
            </p>
          )}
          {refundable.length > 0 && onChain.cancelled && (
            <Button
              className="mt-3"
              busy={refund.busy}
              onClick={() =>
                refund.run(
                  {
                    address: chain.paymentProcessor,
                    abi: paymentProcessorAbi,
                    functionName: 'claimRefunds',
                    args: [refundable.map((t) => BigInt(t.tokenId))],
                  },
                  () => void queryClient.invalidateQueries({ queryKey: ['my-tickets'] }),
                )
              }
            >
              Claim refund · {formatEth(refundTotal)}
            </Button>
          )}
          <TxProgress state={refund.state} doneText="Refund paid to your wallet" explorerUrl={chain.blockExplorerUrl} />
        </Card>
      )}
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {tickets.map((t) => (
          <li key={t.tokenId}>
            <Card className="p-3">
              <img
                // The image shows the status; a new status is a new URL, so a cached image never shows the old one.
                src={`/api/tickets/${t.tokenId}/image.svg?status=${t.status}`}
                alt={`Ticket #${t.tokenId} for ${name}`}
                width={600}
                height={300}
                loading="lazy"
                className="aspect-[2/1] w-full rounded-lg bg-slate-100 object-contain"
              />
              <div className="mt-3 flex items-center justify-between gap-2">
                <span className="font-semibold text-slate-950">Ticket #{t.tokenId}</span>
                {ticketBadge(t)}
              </div>
              <p className="mt-1 text-sm text-slate-700">
                Paid {formatEth(t.pricePaidWei)} ·{' '}
                {t.confirmed ? 'confirmed' : `${t.confirmations} of ${chain.confirmations} confirmations`}
              </p>
              {t.status === 'ACTIVE' && !cancelled && event && (
                <Link
                  to={`/tickets/${t.tokenId}`}
                  aria-label={`Show ticket #${t.tokenId}`}
                  className="mt-3 inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
                >
                  Show ticket
                </Link>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  )
}

const paymentTone = { PENDING: 'blue', CONFIRMED: 'green', FAILED: 'red', REFUNDED: 'neutral' } as const

function Payments({ payments, error, pending }: { payments?: PaymentView[]; error: unknown; pending: boolean }) {
  return (
    <section aria-labelledby="payments-title">
      <h2 id="payments-title" className="mb-3 text-lg font-semibold text-slate-950">
        Payments
      </h2>
      {pending ? (
        <Loading label="Loading payments…" />
      ) : error ? (
        <ProblemAlert error={error} />
      ) : !payments || payments.length === 0 ? (
        <EmptyState title="No payments yet" />
      ) : (
        <div className="overflow-x-auto rounded-2xl bg-white ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Date</th>
                <th scope="col" className="px-4 py-2 font-medium">Tickets</th>
                <th scope="col" className="px-4 py-2 font-medium">Amount</th>
                <th scope="col" className="px-4 py-2 font-medium">Status</th>
                <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Transaction</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id} className="border-t border-slate-200">
                  <td className="px-4 py-2">
                    <time dateTime={p.createdAt} title={formatDateTime(p.createdAt)}>{formatShortDateTime(p.createdAt)}</time>
                  </td>
                  <td className="px-4 py-2">{p.quantity ?? '—'}</td>
                  <td className="px-4 py-2">{formatEth(p.amountWei)}</td>
                  <td className="px-4 py-2">
                    <Badge tone={paymentTone[p.status]}>{p.status}</Badge>
                    {p.status === 'PENDING' && (
                      <span className="ml-2 block text-xs text-slate-700 sm:inline">
                        {p.confirmations} of {p.requiredConfirmations}
                      </span>
                    )}
                    {p.status === 'FAILED' && p.failureReason && <span className="ml-2 text-xs text-slate-700">{p.failureReason}</span>}
                  </td>
                  <td className="hidden px-4 py-2 font-mono text-xs sm:table-cell">{p.txHash.slice(0, 10)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
