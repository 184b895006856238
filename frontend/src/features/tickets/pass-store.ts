import type { Address, Hex } from 'viem'
import type { Pass } from '../../lib/checkin/code'

/**
 * The holder's check-in pass and its delegate key, in localStorage per holder and event, reused until it expires:
 * one wallet signature per event per day. The key only signs codes for this holder's tickets of this event.
 */
interface Stored {
  holder: Address
  eventId: string
  delegate: Address
  notBefore: string
  notAfter: string
  signature: Hex
  delegateKey: Hex
  chainId: number
}

const key = (holder: string, eventId: bigint, chainId: number) => `echain.checkin.pass.${chainId}.${holder.toLowerCase()}.${eventId}`

/** A pass still good for at least `marginSeconds`, with its key. */
export function loadPass(holder: string, eventId: bigint, chainId: number, nowSeconds: number, marginSeconds = 600): { pass: Pass; delegateKey: Hex } | null {
  try {
    const text = localStorage.getItem(key(holder, eventId, chainId))
    if (!text) return null
    const s = JSON.parse(text) as Stored
    const pass: Pass = { holder: s.holder, eventId: BigInt(s.eventId), delegate: s.delegate, notBefore: BigInt(s.notBefore), notAfter: BigInt(s.notAfter), signature: s.signature }
    if (Number(pass.notAfter) - marginSeconds < nowSeconds || Number(pass.notBefore) > nowSeconds) {
      localStorage.removeItem(key(holder, eventId, chainId))
      return null
    }
    return { pass, delegateKey: s.delegateKey }
  } catch {
    return null
  }
}

export function savePass(pass: Pass, delegateKey: Hex, chainId: number) {
  const stored: Stored = {
    holder: pass.holder,
    eventId: pass.eventId.toString(),
    delegate: pass.delegate,
    notBefore: pass.notBefore.toString(),
    notAfter: pass.notAfter.toString(),
    signature: pass.signature,
    delegateKey,
    chainId,
  }
  try {
    localStorage.setItem(key(pass.holder, pass.eventId, chainId), JSON.stringify(stored))
  } catch {
    // storage full or disabled: the pass lives as long as the page
  }
}

export function forgetPass(holder: string, eventId: bigint, chainId: number) {
  localStorage.removeItem(key(holder, eventId, chainId))
}
