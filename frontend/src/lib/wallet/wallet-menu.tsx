import * as Dialog from '@radix-ui/react-dialog'
import { useEffect, useState } from 'react'
import { useConnection, useDisconnect } from 'wagmi'
import { Alert, Badge, Button } from '../../components/ui'
import { authStore } from '../auth-store'
import { shortAddress } from '../format'
import { walletDemand } from '../wallet-demand'
import { ConnectDialog } from './connect-dialog'
import { describeError } from './errors'
import { useNetwork } from './use-network'
import { useSignIn } from './use-session-guard'
import { WalletScope } from './wallet-scope'

/** The header's wallet control: connect, network, sign in, roles, sign out. Loaded on the first wallet action. */
export default function WalletMenu() {
  const fallback = (
    <button type="button" disabled className="min-h-11 rounded-lg bg-slate-300 px-4 text-sm font-semibold text-slate-800">
      Wallet unavailable
    </button>
  )
  return (
    <WalletScope fallback={fallback}>
      <Menu />
    </WalletScope>
  )
}

function Menu() {
  const { address, isConnected, isConnecting } = useConnection()
  const [connectOpen, setConnectOpen] = useState(false)
  const [accountOpen, setAccountOpen] = useState(false)
  useEffect(() => {
    const open = () => {
      if (walletDemand.takeOpen()) setConnectOpen(true)
    }
    open()
    return walletDemand.subscribe(open)
  }, [])

  if (!isConnected || !address) {
    return (
      <>
        {/* Not busy while wagmi reconnects an earlier session on load: that flips the button to disabled for a
            moment after it was painted enabled, and a click in that moment would be lost (the connect menu then
            never opens). If the reconnect succeeds, the account replaces this button anyway. */}
        <Button busy={isConnecting} onClick={() => setConnectOpen(true)}>
          Connect wallet
        </Button>
        <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
      </>
    )
  }
  return <Account address={address} open={accountOpen} setOpen={setAccountOpen} />
}

function Account({ address, open, setOpen }: { address: string; open: boolean; setOpen: (v: boolean) => void }) {
  const { session, expired, signIn, signing } = useSignIn()
  const { wrong, ensureNetwork, switching, info } = useNetwork()
  const disconnect = useDisconnect()
  const [error, setError] = useState<unknown>(null)
  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(e)
    }
  }
  return (
    <div className="flex items-center gap-2">
      {wrong ? (
        <Button variant="danger" busy={switching} onClick={() => run(ensureNetwork)}>
          <span className="hidden min-[480px]:inline">Switch to {info.chainName}</span>
          <span className="min-[480px]:hidden">Switch network</span>
        </Button>
      ) : !session ? (
        <Button busy={signing} onClick={() => run(signIn)}>
          {expired ? 'Sign in again' : 'Sign in'}
        </Button>
      ) : null}
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <Button variant="secondary" aria-label={`Account ${shortAddress(address)}`}>
            <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${wrong ? 'bg-red-600' : session ? 'bg-emerald-600' : 'bg-amber-500'}`} />
            <span className="hidden min-[480px]:inline">{shortAddress(address)}</span>
            <span className="min-[480px]:hidden">Account</span>
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/40" />
          <Dialog.Content className="fixed inset-x-4 top-24 z-50 mx-auto max-w-md rounded-2xl bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-bold text-slate-950">Your wallet</Dialog.Title>
            <Dialog.Description className="mt-1 break-all font-mono text-sm text-slate-800">{address}</Dialog.Description>
            <dl className="mt-4 space-y-2 text-sm">
              <div className="flex justify-between gap-2">
                <dt className="text-slate-700">Network</dt>
                <dd className="font-medium">{wrong ? 'Wrong network' : info.chainName}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-slate-700">Signed in</dt>
                <dd className="font-medium">{session ? 'Yes' : expired ? 'Session expired' : 'No'}</dd>
              </div>
              {session && (
                <div className="flex justify-between gap-2">
                  <dt className="text-slate-700">Roles</dt>
                  <dd className="flex flex-wrap justify-end gap-1" data-testid="roles">
                    {session.roles.map((role) => (
                      <Badge key={role} tone={role === 'ADMIN' ? 'red' : role === 'ORGANIZER' ? 'blue' : 'neutral'}>
                        {role.toLowerCase()}
                      </Badge>
                    ))}
                  </dd>
                </div>
              )}
            </dl>
            <div className="mt-6 flex flex-col gap-2">
              {session ? (
                <Button variant="secondary" busy={signing} onClick={() => run(signIn)}>
                  Sign in again (refresh roles)
                </Button>
              ) : (
                <Button busy={signing} onClick={() => run(signIn)}>
                  Sign in
                </Button>
              )}
              {session && (
                <Button variant="secondary" onClick={() => authStore.signOut()}>
                  Sign out
                </Button>
              )}
              <Button
                variant="ghost"
                onClick={() => {
                  authStore.signOut()
                  disconnect.mutate()
                  setOpen(false)
                }}
              >
                Disconnect wallet
              </Button>
            </div>
            {error ? <div className="mt-4"><Alert title={describeError(error).title}>{describeError(error).detail}</Alert></div> : null}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {error && !open ? (
        <div className="absolute right-4 top-full z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] shadow-lg">
          <Alert
            title={describeError(error).title}
            action={
              <Button variant="secondary" onClick={() => setError(null)}>
                Dismiss
              </Button>
            }
          >
            {describeError(error).detail}
          </Alert>
        </div>
      ) : null}
    </div>
  )
}
