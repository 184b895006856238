import * as Dialog from '@radix-ui/react-dialog'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { formatEther } from 'viem'
import { useBalance, useBlock, useConnection } from 'wagmi'
import { ProblemAlert } from '../../components/problem-alert'
import { Alert, Button, Card, Loading, PageTitle, Stat } from '../../components/ui'
import { ApiError } from '../../lib/api'
import type { EventView } from '../../lib/api-types'
import { paymentProcessorAbi, useReadEventTicketNftRoyaltyReceiver, useReadPaymentProcessorEventRevenue } from '../../lib/contracts.generated'
import { formatDateTime, formatEth, shortAddress } from '../../lib/format'
import { SignInGate } from '../../lib/wallet/sign-in-gate'
import { TxProgress } from '../../lib/wallet/tx-progress'
import { DoorStaff, LiveCheckIn } from './check-in'
import { useChainEvent } from '../../lib/wallet/use-chain-event'
import { useSignIn } from '../../lib/wallet/use-session-guard'
import { useTxAction } from '../../lib/wallet/use-tx-action'
import { WalletScope, useChain } from '../../lib/wallet/wallet-scope'
import { cancelEvent, updateEvent, useEditableEvent, useSales } from './api'
import { statusBadge } from './dashboard-page'
import { EventForm, formValues } from './event-form'
import { royaltyWithdrawable } from './royalty'

export function EventManagePage() {
  const id = Number(useParams().id)
  return (
    <div>
      <Link to="/organizer" className="text-sm font-semibold text-brand-700 hover:underline">
        ← Organizer dashboard
      </Link>
      <WalletScope>
        <SignInGate role="ORGANIZER" what="the organizer tools">
          <Manage id={id} />
        </SignInGate>
      </WalletScope>
    </div>
  )
}

function Manage({ id }: { id: number }) {
  const loaded = useEditableEvent(id)
  const created = (useLocation().state as { created?: boolean } | null)?.created
  // The form starts again from the server's version only when the organizer asks for it (after a 412).
  const [formKey, setFormKey] = useState(0)
  if (loaded.isPending) return <Loading label="Loading the event…" />
  if (loaded.isError) return <div className="mt-4"><ProblemAlert error={loaded.error} /></div>
  const { event, etag } = loaded.data
  return <Loaded event={event} etag={etag} created={!!created} formKey={formKey} reload={() => void loaded.refetch().then(() => setFormKey((k) => k + 1))} />
}

function ChainStatus({ event, registered }: { event: EventView; registered: boolean | undefined }) {
  const status = event.chain.status
  let text: string
  if (registered === false) text = 'The platform is registering it on chain; this takes a few blocks.'
  else if (status === 'FAILED') text = 'The last change could not be written to the chain; the platform team was notified.'
  else if (status === 'PENDING' || status === 'SUBMITTED' || status === 'MINED') text = `On chain as event #${event.chain.eventId}; the latest change is being confirmed.`
  else if (registered) text = `On chain as event #${event.chain.eventId}.`
  else text = 'Reading the chain…'
  return (
    <span className="text-sm text-slate-700" data-testid="chain-status" aria-live="polite">
      {text}
    </span>
  )
}

function Loaded({ event, etag, created, formKey, reload }: { event: EventView; etag: string; created: boolean; formKey: number; reload: () => void }) {
  const onChain = useChainEvent(event.chain.eventId)
  return (
    <div className="mt-2 space-y-8">
      <div>
        <PageTitle subtitle={`${formatDateTime(event.startsAt)} · ${event.location}`}>{event.name}</PageTitle>
        <div className="-mt-4 flex flex-wrap items-center gap-2">
          {statusBadge(event)}
          <ChainStatus event={event} registered={onChain.registered} />
          <Link to={`/events/${event.id}`} className="text-sm font-semibold text-brand-700 underline">
            Public page
          </Link>
        </div>
        {created && <div className="mt-4"><Alert tone="green" title="Event published">It is listed now; tickets go on sale once the platform has registered it on chain (status above).</Alert></div>}
      </div>
      {onChain.registered && <Money event={event} />}
      {onChain.registered && <Sales event={event} />}
      {onChain.registered && event.status !== 'CANCELLED' && <LiveCheckIn event={event} />}
      {event.status !== 'CANCELLED' && <DoorStaff event={event} />}
      <Edit key={formKey} event={event} etag={etag} refetch={reload} />
      {event.status === 'SCHEDULED' && <Cancel event={event} etag={etag} />}
    </div>
  )
}

function Money({ event }: { event: EventView }) {
  const chain = useChain()
  const queryClient = useQueryClient()
  const chainEventId = BigInt(event.chain.eventId ?? 0)
  const books = useReadPaymentProcessorEventRevenue({ address: chain.paymentProcessor, args: [chainEventId], query: { refetchInterval: 2_000 } })
  const splitter = useReadEventTicketNftRoyaltyReceiver({ address: chain.ticketNft, args: [chainEventId] })
  const pendingRoyalty = useBalance({ address: splitter.data, query: { enabled: !!splitter.data, refetchInterval: 5_000 } })
  const block = useBlock({ watch: true })
  const { address } = useConnection()
  const revenue = useTxAction(chain.confirmations)
  const royalty = useTxAction(chain.confirmations)
  if (books.isPending) return <Loading label="Reading the escrow on chain…" />
  if (books.isError) return <ProblemAlert error={books.error} />
  const b = books.data
  const ended = block.data ? Number(block.data.timestamp) * 1000 >= Date.parse(event.endsAt) : false
  const share = b.settled ? b.organizerShare : b.gross - (b.gross * b.feeBps) / 10_000n
  const withdrawable = !b.cancelled && ended ? share - b.organizerWithdrawn : 0n
  // What withdrawRoyalty pays, to the wei: the splitter's balance is split on the way, the odd wei to the organizer.
  const royaltyNow = royaltyWithdrawable(b, pendingRoyalty.data?.value ?? 0n)
  const isOrganizer = address?.toLowerCase() === event.organizer.toLowerCase()
  const refresh = () => {
    void books.refetch()
    void pendingRoyalty.refetch()
    void queryClient.invalidateQueries({ queryKey: ['organizer'] })
  }
  return (
    <section aria-labelledby="money" className="space-y-3">
      <h2 id="money" className="text-lg font-semibold text-slate-950">
        Revenue (read from the contract)
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="revenue">
        <Stat label="Ticket sales" value={formatEth(b.gross)} hint={b.cancelled ? 'refunded to holders' : `${Number(b.feeBps) / 100}% platform fee`} />
        <Stat label="Held in escrow" value={formatEth(b.held)} />
        <Stat label="Withdrawable now" value={<span data-testid="withdrawable">{formatEth(withdrawable)}</span>} hint={b.cancelled ? 'cancelled' : ended ? 'the event has ended' : `after ${formatDateTime(event.endsAt)}`} />
        <Stat label="Withdrawn" value={<span data-testid="withdrawn">{formatEth(b.organizerWithdrawn)}</span>} />
        <Stat
          label="Resale royalties to withdraw"
          value={<span data-testid="royalty-withdrawable" title={`${formatEther(royaltyNow)} ETH`}>{formatEth(royaltyNow)}</span>}
          hint="half of the 10% royalty on resales"
        />
        <Stat
          label="Royalties withdrawn"
          value={<span data-testid="royalty-withdrawn" title={`${formatEther(b.royaltyWithdrawn)} ETH`}>{formatEth(b.royaltyWithdrawn)}</span>}
        />
      </dl>
      <Card className="space-y-3">
        {!isOrganizer && <Alert tone="amber" title="Another wallet">Connect the organizer wallet {shortAddress(event.organizer)} to withdraw.</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button
            disabled={!isOrganizer || withdrawable === 0n}
            busy={revenue.busy}
            onClick={() => revenue.run({ address: chain.paymentProcessor, abi: paymentProcessorAbi, functionName: 'withdrawRevenue', args: [chainEventId] }, refresh)}
          >
            Withdraw revenue{withdrawable > 0n ? ` · ${formatEth(withdrawable)}` : ''}
          </Button>
          <Button
            variant="secondary"
            disabled={!isOrganizer || royaltyNow <= 0n}
            busy={royalty.busy}
            onClick={() => royalty.run({ address: chain.paymentProcessor, abi: paymentProcessorAbi, functionName: 'withdrawRoyalty', args: [chainEventId] }, refresh)}
          >
            Withdraw royalties{royaltyNow > 0n ? ` · ${formatEth(royaltyNow)}` : ' (none yet)'}
          </Button>
        </div>
        {!ended && !b.cancelled && <p className="text-sm text-slate-700">Ticket money stays in escrow until the event ends, so buyers can be refunded if it is cancelled.</p>}
        <TxProgress state={revenue.state} doneText="Revenue sent to your wallet" explorerUrl={chain.blockExplorerUrl} />
        <TxProgress state={royalty.state} doneText="Royalties sent to your wallet" explorerUrl={chain.blockExplorerUrl} />
      </Card>
    </section>
  )
}

function Sales({ event }: { event: EventView }) {
  const sales = useSales(event.id, !!event.chain.eventId)
  return (
    <section aria-labelledby="sales" className="space-y-3">
      <h2 id="sales" className="text-lg font-semibold text-slate-950">
        Sales
      </h2>
      {sales.isPending ? (
        <Loading label="Loading sales…" />
      ) : sales.isError ? (
        <ProblemAlert error={sales.error} />
      ) : (
        <>
          <dl className="grid grid-cols-3 gap-3">
            <Stat label="Tickets" value={sales.data.tickets.filter((t) => t.status !== 'REFUNDED').length} hint={`of ${event.availability.capacity}`} />
            <Stat label="Holders" value={sales.data.holders.length} />
            <Stat label="Payments" value={sales.data.payments.length} />
          </dl>
          {sales.data.holders.length > 0 && (
            <Card>
              <h3 className="text-sm font-semibold text-slate-950">Holders</h3>
              <ul className="mt-2 divide-y divide-slate-200 text-sm">
                {sales.data.holders.map((h) => (
                  <li key={h.address} className="flex justify-between py-1.5">
                    <span className="font-mono" title={h.address}>{shortAddress(h.address)}</span>
                    <span>{h.tickets} {h.tickets === 1 ? 'ticket' : 'tickets'}</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </>
      )}
    </section>
  )
}

function Edit({ event, etag, refetch }: { event: EventView; etag: string; refetch: () => void }) {
  const queryClient = useQueryClient()
  const { ensureSignedIn } = useSignIn()
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  // The version this form was loaded from: polling may bring a newer one, but saving over it unseen would lose the
  // other change. It moves on only with our own save, or when the organizer reloads (a new form).
  const [baseEtag, setBaseEtag] = useState(etag)
  const conflict = error instanceof ApiError && error.status === 412
  const editable = event.status === 'SCHEDULED'
  return (
    <section aria-labelledby="edit" className="space-y-3">
      <h2 id="edit" className="text-lg font-semibold text-slate-950">
        Details
      </h2>
      {!editable ? (
        <p className="text-sm text-slate-700">A {event.status.toLowerCase()} event cannot be changed.</p>
      ) : (
        <Card>
          {conflict && (
            <div className="mb-4">
              <Alert
                title="This event was changed meanwhile"
                action={
                  <Button variant="secondary" onClick={() => { setError(null); refetch() }}>
                    Reload the current version
                  </Button>
                }
              >
                Someone (another tab, or an admin) saved a newer version after you opened this page, so your changes were
                not saved. Reload to see it, then make your change again.
              </Alert>
            </div>
          )}
          {saved && !error && <div className="mb-4"><Alert tone="green" title="Saved">The changes are live; price, capacity and sale window follow on chain.</Alert></div>}
          <EventForm
            initial={formValues(event)}
            editing
            submitLabel="Save changes"
            error={conflict ? null : error}
            onSubmit={async (body) => {
              setError(null)
              setSaved(false)
              try {
                await ensureSignedIn()
                const response = await updateEvent(event.id, baseEtag, body)
                setBaseEtag(response.headers.get('ETag') ?? `"${response.data.version}"`)
                setSaved(true)
                void queryClient.invalidateQueries({ queryKey: ['organizer'] })
                void queryClient.invalidateQueries({ queryKey: ['event', event.id] })
              } catch (e) {
                setError(e)
              }
            }}
          />
        </Card>
      )}
    </section>
  )
}

function Cancel({ event, etag }: { event: EventView; etag: string }) {
  const queryClient = useQueryClient()
  const { ensureSignedIn } = useSignIn()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  return (
    <section aria-labelledby="cancel" className="rounded-2xl p-5 ring-1 ring-red-200">
      <h2 id="cancel" className="text-lg font-semibold text-red-900">
        Cancel the event
      </h2>
      <p className="mt-1 text-sm text-slate-700">Sales stop at once and every holder can claim back what they paid. This cannot be undone.</p>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <Button variant="danger" className="mt-3">
            Cancel event…
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/40" />
          <Dialog.Content className="fixed inset-x-4 top-24 z-50 mx-auto max-w-md rounded-2xl bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-bold text-slate-950">Cancel “{event.name}”?</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-slate-700">
              {event.availability.sold > 0
                ? `${event.availability.sold} tickets were sold; their holders get a full refund from the escrow.`
                : 'No tickets were sold yet.'}{' '}
              The event stays visible as cancelled.
            </Dialog.Description>
            {error ? <div className="mt-3"><ProblemAlert error={error} /></div> : null}
            <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Dialog.Close asChild>
                <Button variant="secondary">Keep the event</Button>
              </Dialog.Close>
              <Button
                variant="danger"
                busy={busy}
                onClick={async () => {
                  setBusy(true)
                  setError(null)
                  try {
                    await ensureSignedIn()
                    await cancelEvent(event.id, etag)
                    setOpen(false)
                    void queryClient.invalidateQueries({ queryKey: ['organizer'] })
                    void queryClient.invalidateQueries({ queryKey: ['event', event.id] })
                  } catch (e) {
                    setError(e)
                  } finally {
                    setBusy(false)
                  }
                }}
              >
                Yes, cancel the event
              </Button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </section>
  )
}
