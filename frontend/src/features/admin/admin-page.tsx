import { useId, useState, type FormEvent } from 'react'
import { isAddress } from 'viem'
import { useBalance, useConnection } from 'wagmi'
import { ProblemAlert } from '../../components/problem-alert'
import { Alert, Badge, Button, Card, PageTitle, Stat } from '../../components/ui'
import { request } from '../../lib/api'
import type { UserView } from '../../lib/api-types'
import {
  paymentProcessorAbi,
  useReadPaymentProcessorOwner,
  useReadPaymentProcessorPlatformBalance,
  useReadPaymentProcessorPlatformFeeBps,
  useReadPaymentProcessorPlatformTotals,
  useReadPaymentProcessorTreasury,
} from '../../lib/contracts.generated'
import { formatEth, shortAddress } from '../../lib/format'
import { SignInGate } from '../../lib/wallet/sign-in-gate'
import { TxProgress } from '../../lib/wallet/tx-progress'
import { useSignIn } from '../../lib/wallet/use-session-guard'
import { useTxAction } from '../../lib/wallet/use-tx-action'
import { WalletScope, useChain } from '../../lib/wallet/wallet-scope'

export function AdminPage() {
  return (
    <div>
      <PageTitle subtitle="Who may organize events, and the platform's fees.">Admin</PageTitle>
      <WalletScope>
        <SignInGate role="ADMIN" what="the admin tools">
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <Organizers />
            <PlatformFees />
          </div>
        </SignInGate>
      </WalletScope>
    </div>
  )
}

function Organizers() {
  const id = useId()
  const { ensureSignedIn } = useSignIn()
  const [address, setAddress] = useState('')
  const [invalid, setInvalid] = useState<string | null>(null)
  const [busy, setBusy] = useState<'grant' | 'revoke' | null>(null)
  const [result, setResult] = useState<{ user: UserView; action: 'grant' | 'revoke' } | null>(null)
  const [error, setError] = useState<unknown>(null)

  async function change(action: 'grant' | 'revoke', e?: FormEvent) {
    e?.preventDefault()
    setResult(null)
    setError(null)
    const value = address.trim()
    if (!isAddress(value, { strict: false })) {
      setInvalid('Enter a wallet address: 0x followed by 40 hex characters.')
      return
    }
    setInvalid(null)
    setBusy(action)
    try {
      await ensureSignedIn()
      const response = await request<UserView>(`/api/admin/organizers/${value}`, { method: action === 'grant' ? 'PUT' : 'DELETE', auth: true })
      setResult({ user: response.data, action })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-950">Organizers</h2>
      <p className="mt-1 text-sm text-slate-700">Organizers publish events and withdraw their revenue. The role applies from their next sign-in.</p>
      <form className="mt-4 space-y-3" onSubmit={(e) => change('grant', e)} noValidate>
        <div>
          <label htmlFor={`${id}-address`} className="text-sm font-medium text-slate-800">
            Wallet address
          </label>
          <input
            id={`${id}-address`}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            placeholder="0x…"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${id}-address-error` : undefined}
            className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3 font-mono text-sm aria-[invalid=true]:border-red-600"
          />
          {invalid && (
            <p id={`${id}-address-error`} className="mt-1 text-sm font-medium text-red-700">
              {invalid}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={busy === 'grant'} disabled={!!busy}>
            Make organizer
          </Button>
          <Button variant="secondary" busy={busy === 'revoke'} disabled={!!busy} onClick={() => change('revoke')}>
            Revoke organizer
          </Button>
        </div>
      </form>
      <div className="mt-4" aria-live="polite">
        {result && (
          <Alert tone="green" title={result.action === 'grant' ? 'Organizer role granted' : 'Organizer role revoked'}>
            <span className="font-mono">{shortAddress(result.user.address)}</span> now has:{' '}
            <span className="inline-flex flex-wrap gap-1 align-middle">
              {result.user.roles.map((r) => (
                <Badge key={r}>{r.toLowerCase()}</Badge>
              ))}
            </span>
          </Alert>
        )}
        {error ? <ProblemAlert error={error} /> : null}
      </div>
    </Card>
  )
}

function PlatformFees() {
  const chain = useChain()
  const pp = chain.paymentProcessor
  const { address } = useConnection()
  const balance = useReadPaymentProcessorPlatformBalance({ address: pp, query: { refetchInterval: 2_000 } })
  const totals = useReadPaymentProcessorPlatformTotals({ address: pp, query: { refetchInterval: 2_000 } })
  const treasury = useReadPaymentProcessorTreasury({ address: pp })
  const owner = useReadPaymentProcessorOwner({ address: pp })
  const fee = useReadPaymentProcessorPlatformFeeBps({ address: pp })
  const treasuryBalance = useBalance({ address: treasury.data, query: { enabled: !!treasury.data, refetchInterval: 2_000 } })
  const withdraw = useTxAction(chain.confirmations)
  const me = address?.toLowerCase()
  const allowed = !!me && (me === treasury.data?.toLowerCase() || me === owner.data?.toLowerCase())
  const error = balance.error ?? totals.error
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-950">Platform fees</h2>
      <p className="mt-1 text-sm text-slate-700">
        {fee.data !== undefined ? `${Number(fee.data) / 100}%` : '…'} of each ended event&apos;s sales plus half of resale royalties, read from
        the PaymentProcessor.
      </p>
      {error ? (
        <div className="mt-3"><ProblemAlert error={error} /></div>
      ) : (
        <dl className="mt-4 grid grid-cols-2 gap-3">
          <Stat label="Ready to withdraw" value={<span data-testid="platform-balance">{balance.data !== undefined ? formatEth(balance.data) : '…'}</span>} />
          <Stat label="Withdrawn so far" value={<span data-testid="platform-withdrawn">{totals.data ? formatEth(totals.data[1]) : '…'}</span>} hint={totals.data ? `of ${formatEth(totals.data[0])} earned` : undefined} />
          <Stat label="Treasury" value={<span className="font-mono text-base" title={treasury.data}>{shortAddress(treasury.data)}</span>} />
          <Stat label="Treasury balance" value={<span data-testid="treasury-balance">{treasuryBalance.data ? formatEth(treasuryBalance.data.value) : '…'}</span>} />
        </dl>
      )}
      <div className="mt-4">
        {!allowed && (
          <Alert tone="amber" title="Connect the treasury wallet">
            Only the treasury ({shortAddress(treasury.data)}) or the contract owner can withdraw; the ETH goes to the treasury.
          </Alert>
        )}
        <Button
          className="mt-3"
          disabled={!allowed || !balance.data}
          busy={withdraw.busy}
          onClick={() =>
            withdraw.run({ address: pp, abi: paymentProcessorAbi, functionName: 'withdrawPlatformFees', args: [] }, () => {
              void balance.refetch()
              void totals.refetch()
              void treasuryBalance.refetch()
            })
          }
        >
          Withdraw platform fees{balance.data ? ` · ${formatEth(balance.data)}` : ''}
        </Button>
        <TxProgress state={withdraw.state} doneText="Platform fees sent to the treasury" explorerUrl={chain.blockExplorerUrl} />
      </div>
    </Card>
  )
}
