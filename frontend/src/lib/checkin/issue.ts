import type { Hex, LocalAccount } from 'viem'
import { codeMessage, codeTypes, encodeCode, passTypes, type CheckInDomain, type Pass } from './code'

/** How far back a pass starts (phones' clocks differ) and how long it lasts at most: docs/checkin.md. */
export const PASS_BACKDATE_SECONDS = 5 * 60
export const PASS_SECONDS = 24 * 3600
export const PASS_AFTER_END_SECONDS = 6 * 3600

/** The window the holder's wallet is asked to sign: from 5 min ago until 24 h later or 6 h after the event's end. */
export function passWindow(nowSeconds: number, eventEndsAtSeconds: number): { notBefore: bigint; notAfter: bigint } {
  const now = Math.floor(nowSeconds)
  const notAfter = Math.min(now + PASS_SECONDS, Math.floor(eventEndsAtSeconds) + PASS_AFTER_END_SECONDS)
  return { notBefore: BigInt(now - PASS_BACKDATE_SECONDS), notAfter: BigInt(Math.max(notAfter, now)) }
}

/** The typed data the wallet signs once (eth_signTypedData_v4). */
export function passTypedData(domain: CheckInDomain, pass: Omit<Pass, 'signature'>) {
  return {
    domain: { name: domain.name, version: domain.version, chainId: domain.chainId },
    types: passTypes,
    primaryType: 'CheckInPass',
    message: { holder: pass.holder, eventId: pass.eventId, delegate: pass.delegate, notBefore: pass.notBefore, notAfter: pass.notAfter },
  } as const
}

/** One code's text, signed by the delegate key (no wallet involved). */
export async function signCode(delegate: LocalAccount, domain: CheckInDomain, pass: Pass, tokenId: bigint, issuedAt: bigint): Promise<string> {
  const signature: Hex = await delegate.signTypedData({
    domain: { name: domain.name, version: domain.version, chainId: domain.chainId },
    types: codeTypes,
    primaryType: 'CheckInCode',
    message: codeMessage({ tokenId, issuedAt, pass }),
  })
  return encodeCode({ pass, tokenId, issuedAt, signature })
}

