import { useState, type ReactNode } from 'react'
import { useConnection } from 'wagmi'
import { Alert, Button, Card } from '../../components/ui'
import type { Role } from '../api-types'
import { hasRole } from '../auth-store'
import { walletDemand } from '../wallet-demand'
import { describeError } from './errors'
import { useNetwork } from './use-network'
import { useSignIn } from './use-session-guard'

/** Shows its children to a signed-in wallet (with `role`, if given); otherwise the step that is missing. */
export function SignInGate({ children, role, what }: { children: ReactNode; role?: Role; what: string }) {
  const { isConnected } = useConnection()
  const { session, expired, signIn, signing } = useSignIn()
  const { wrong } = useNetwork()
  const [error, setError] = useState<unknown>(null)
  const allowed = !!session && (!role || hasRole(session, role))
  // Once shown, a page stays when the token runs out (no typing is lost): its actions sign in again first.
  const [shown, setShown] = useState(false)
  if (allowed && !shown) setShown(true)
  if (!session && !expired && shown) setShown(false)

  if (allowed) return <>{children}</>
  if (expired && shown) {
    return (
      <>
        <div className="mb-4">
          <Alert tone="amber" title="Your session expired">
            Your wallet will ask you to sign in again when you save or send something.
          </Alert>
        </div>
        {children}
      </>
    )
  }
  if (session && role) {
    return (
      <Alert tone="amber" title={`This page is for ${role.toLowerCase()}s`}>
        Your wallet is signed in without the {role.toLowerCase()} role.
        {role === 'ORGANIZER' && ' Ask an Echain admin to make you an organizer, then sign in again to pick up the role.'}
        <div className="mt-3">
          <Button variant="secondary" busy={signing} onClick={() => signIn().catch(setError)}>
            Sign in again
          </Button>
        </div>
      </Alert>
    )
  }
  return (
    <Card className="mx-auto max-w-lg text-center">
      <h2 className="text-lg font-semibold text-slate-950">{expired ? 'Your session expired' : `Sign in to see ${what}`}</h2>
      <p className="mt-2 text-sm text-slate-700">
        {isConnected
          ? 'Sign a message in your wallet to prove it is yours. It costs nothing and sends no transaction.'
          : 'Connect the wallet you buy or organize with.'}
      </p>
      <div className="mt-4 flex justify-center">
        {!isConnected ? (
          <Button onClick={() => walletDemand.request(true)}>Connect wallet</Button>
        ) : (
          <Button
            busy={signing}
            onClick={async () => {
              setError(null)
              try {
                await signIn()
              } catch (e) {
                setError(e)
              }
            }}
          >
            {expired ? 'Sign in again' : 'Sign in with your wallet'}
          </Button>
        )}
      </div>
      {wrong && <p className="mt-3 text-sm text-slate-700">Your wallet is on another network; signing in works anyway.</p>}
      {error ? (
        <div className="mt-4 text-left">
          <Alert title={describeError(error).title}>{describeError(error).detail}</Alert>
        </div>
      ) : null}
    </Card>
  )
}
