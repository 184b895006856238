import { QRCodeSVG } from 'qrcode.react'
import { useEffect, useRef, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { Address, Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { useConnection, useSignTypedData } from 'wagmi'
import { ProblemAlert } from '../../components/problem-alert'
import { Alert, Badge, Button, Card, Loading, PageTitle } from '../../components/ui'
import type { EventView, TicketView } from '../../lib/api-types'
import { useSession } from '../../lib/auth-store'
import type { CheckInDomain, Pass } from '../../lib/checkin/code'
import { useCheckinConfig, type CheckInConfig } from '../../lib/checkin/config'
import { passTypedData, passWindow, signCode } from '../../lib/checkin/issue'
import { formatDateTime, shortAddress } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { describeError } from '../../lib/wallet/errors'
import { SignInGate } from '../../lib/wallet/sign-in-gate'
import { WalletScope } from '../../lib/wallet/wallet-scope'
import { useMyTickets } from './api'
import { forgetPass, loadPass, savePass } from './pass-store'

/** "Show ticket": the rotating check-in code of one ticket, for the door (docs/checkin.md). */
export function ShowTicketPage() {
  const { tokenId } = useParams()
  return (
    <div className="mx-auto max-w-md">
      <p className="mb-2">
        <Link to="/tickets" className="text-sm font-semibold text-brand-700 hover:underline">
          ← My tickets
        </Link>
      </p>
      <PageTitle subtitle="Show this code at the door. It changes every few seconds, so a screenshot does not work.">Ticket #{tokenId}</PageTitle>
      <WalletScope>
        <SignInGate what="your ticket">
          <TicketCode tokenId={tokenId ?? ''} />
        </SignInGate>
      </WalletScope>
    </div>
  )
}

function TicketCode({ tokenId }: { tokenId: string }) {
  const { tickets, eventsById } = useMyTickets()
  const config = useCheckinConfig()
  if (tickets.isPending || config.isPending) return <Loading label="Loading your ticket…" />
  if (tickets.isError) return <ProblemAlert error={tickets.error} />
  if (config.isError) return <ProblemAlert error={config.error} action={<Button variant="secondary" onClick={() => config.refetch()}>Try again</Button>} />
  const ticket = tickets.data.find((t) => t.tokenId === tokenId)
  if (!ticket) {
    return (
      <Alert tone="amber" title="This ticket is not in your wallet">
        Ticket #{tokenId} is not held by the signed-in wallet. <Link to="/tickets" className="font-semibold underline">See your tickets</Link>
      </Alert>
    )
  }
  const event = ticket.eventId !== null ? eventsById.get(ticket.eventId) : undefined
  return (
    <div className="space-y-4">
      <TicketHeader ticket={ticket} event={event} />
      {ticket.status === 'REFUNDED' ? (
        <Alert tone="amber" title="This ticket was refunded">A refunded ticket no longer gets anyone in.</Alert>
      ) : ticket.status === 'TRANSFERRED' ? (
        <Alert tone="amber" title="You transferred this ticket">Its new holder shows the code from their wallet.</Alert>
      ) : event?.status === 'CANCELLED' ? (
        <Alert tone="amber" title="This event was cancelled">There is no check-in; claim your refund in My tickets.</Alert>
      ) : !event ? (
        <Loading label="Loading the event…" />
      ) : (
        <PassAndCode ticket={ticket} event={event} config={config.data} />
      )}
    </div>
  )
}

function TicketHeader({ ticket, event }: { ticket: TicketView; event?: EventView }) {
  return (
    <Card className="p-4">
      <p className="text-lg font-semibold text-slate-950">{event?.name ?? ticket.eventName ?? `Event #${ticket.chainEventId}`}</p>
      {event && (
        <p className="text-sm text-slate-700">
          {formatDateTime(event.startsAt)} · {event.location}
        </p>
      )}
      <p className="mt-2 flex items-center gap-2 text-sm text-slate-700">
        Ticket #{ticket.tokenId} · holder <span className="font-mono">{shortAddress(ticket.owner)}</span>
        {!ticket.confirmed && <Badge tone="blue">Confirming</Badge>}
      </p>
    </Card>
  )
}

interface Delegation {
  pass: Pass
  delegateKey: Hex
}

function PassAndCode({ ticket, event, config }: { ticket: TicketView; event: EventView; config: CheckInConfig }) {
  const { session } = useSession()
  const { address } = useConnection()
  const sign = useSignTypedData()
  const holder = (address ?? session?.address ?? '') as Address
  const eventId = BigInt(event.id)
  const domain: CheckInDomain = { name: config.domainName, version: config.domainVersion, chainId: config.chainId }
  const [delegation, setDelegation] = useState<Delegation | null>(() => loadPass(holder, eventId, config.chainId, Date.now() / 1000))
  const [error, setError] = useState<unknown>(null)
  const now = useNow(60_000)

  async function authorize() {
    setError(null)
    try {
      const delegateKey = generatePrivateKey()
      const delegate = privateKeyToAccount(delegateKey).address
      const window = passWindow(Date.now() / 1000, Date.parse(event.endsAt) / 1000)
      const fields = { holder, eventId, delegate, ...window }
      const signature = await sign.mutateAsync({ ...passTypedData(domain, fields), account: holder })
      const pass: Pass = { ...fields, signature }
      savePass(pass, delegateKey, config.chainId)
      setDelegation({ pass, delegateKey })
    } catch (e) {
      setError(e)
    }
  }

  if (!delegation) {
    const described = error ? describeError(error) : null
    return (
      <Card className="text-center">
        <p className="font-semibold text-slate-950">One signature for today</p>
        <p className="mt-1 text-sm text-slate-700">
          Your wallet signs once that this page may show check-in codes for your tickets to this event, until{' '}
          {formatDateTime(new Date(Number(passWindow(now / 1000, Date.parse(event.endsAt) / 1000).notAfter) * 1000).toISOString())}. It costs
          nothing and sends no transaction.
        </p>
        <Button className="mt-4" busy={sign.isPending} onClick={authorize}>
          Show my code
        </Button>
        {described && (
          <div className="mt-4 text-left">
            <Alert title={described.title}>{described.detail}</Alert>
          </div>
        )}
      </Card>
    )
  }
  return (
    <RotatingCode
      ticket={ticket}
      domain={domain}
      delegation={delegation}
      refreshSeconds={config.codeRefreshSeconds}
      // The pass ran out with the page open: forget it and ask for today's signature again.
      onExpired={() => {
        forgetPass(holder, eventId, config.chainId)
        setDelegation(null)
      }}
    />
  )
}

function RotatingCode({
  ticket,
  domain,
  delegation,
  refreshSeconds,
  onExpired,
}: {
  ticket: TicketView
  domain: CheckInDomain
  delegation: Delegation
  refreshSeconds: number
  onExpired: () => void
}) {
  const [code, setCode] = useState<{ text: string; issuedAt: number } | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const [error, setError] = useState<unknown>(null)
  const refreshMs = Math.max(1, refreshSeconds) * 1000
  const expired = useRef(onExpired)
  useEffect(() => {
    expired.current = onExpired
  }, [onExpired])

  useEffect(() => {
    const account = privateKeyToAccount(delegation.delegateKey)
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const next = async () => {
      const issuedAt = Math.floor(Date.now() / 1000)
      if (issuedAt + refreshSeconds >= Number(delegation.pass.notAfter)) {
        expired.current()
        return
      }
      try {
        const text = await signCode(account, domain, delegation.pass, BigInt(ticket.tokenId), BigInt(issuedAt))
        if (!cancelled) setCode({ text, issuedAt })
      } catch (e) {
        if (!cancelled) setError(e)
      }
      if (!cancelled) timer = setTimeout(next, refreshMs)
    }
    void next()
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [delegation, domain.chainId, domain.name, domain.version, ticket.tokenId, refreshMs]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(t)
  }, [])

  if (error) return <ProblemAlert error={error} />
  if (!code) return <Loading label="Making your code…" />
  const left = Math.max(0, Math.ceil((code.issuedAt * 1000 + refreshMs - now) / 1000))
  const fraction = Math.min(1, left / (refreshMs / 1000))
  return (
    <Card className="flex flex-col items-center gap-3 p-4">
      <div
        role="img"
        aria-label={`Check-in code for ticket #${ticket.tokenId}`}
        data-testid="checkin-code"
        data-code={code.text}
        data-issued-at={code.issuedAt}
        className="w-full max-w-80 rounded-xl bg-white p-2"
      >
        <QRCodeSVG value={code.text} level="M" marginSize={4} size={320} className="h-auto w-full" aria-hidden="true" />
      </div>
      <div className="w-full max-w-80">
        <div className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div className="h-full bg-brand-700 transition-[width] duration-500" style={{ width: `${fraction * 100}%` }} />
        </div>
        <p className="mt-2 text-center text-sm text-slate-700" data-testid="code-countdown">
          New code in <span className="font-semibold tabular-nums text-slate-950">{left} s</span>
        </p>
      </div>
      <p className="text-center text-xs text-slate-700">
        Signed for {shortAddress(delegation.pass.holder)} until {formatDateTime(new Date(Number(delegation.pass.notAfter) * 1000).toISOString())}. Keep this page
        open at the door; no signature is needed until then.
      </p>
    </Card>
  )
}
