import { useCallback, useEffect } from 'react'
import { createSiweMessage } from 'viem/siwe'
import { useConnection, useSignMessage } from 'wagmi'
import { request } from '../api'
import type { NonceResponse, TokenResponse } from '../api-types'
import { authStore, useSession } from '../auth-store'

/**
 * Sign-In with Ethereum: a nonce from the API, an EIP-4361 message built by viem, the wallet's signature, and the
 * access token kept in memory. `ensureSignedIn` signs in again when the token ran out, so an action the person
 * started goes on after one more signature.
 */
export function useSignIn() {
  const { address } = useConnection()
  const { session, expired } = useSession()
  const sign = useSignMessage()

  // A token belongs to one wallet: switching accounts or disconnecting signs out.
  useEffect(() => {
    if (session && (!address || address.toLowerCase() !== session.address)) authStore.signOut()
  }, [address, session])

  const signIn = useCallback(async () => {
    if (!address) throw new Error('Connect a wallet first.')
    const nonce = (await request<NonceResponse>('/api/auth/nonce', { method: 'POST' })).data
    const message = createSiweMessage({
      address,
      chainId: nonce.chainId,
      domain: nonce.domain,
      nonce: nonce.nonce,
      uri: nonce.uri,
      version: '1',
      statement: nonce.statement,
      issuedAt: new Date(),
    })
    const signature = await sign.mutateAsync({ message, account: address })
    const token = (await request<TokenResponse>('/api/auth/verify', { method: 'POST', body: { message, signature } })).data
    authStore.signedIn(token)
    return token
  }, [address, sign])

  const ensureSignedIn = useCallback(async () => {
    if (authStore.validToken(30_000)) return
    await signIn()
  }, [signIn])

  return { session, expired, signIn, ensureSignedIn, signing: sign.isPending, signError: sign.error, reset: sign.reset }
}
