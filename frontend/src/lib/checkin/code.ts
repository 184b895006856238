import { secp256k1 } from '@noble/curves/secp256k1'
import { bytesToHex, hashTypedData, hexToBytes, isAddressEqual, type Address, type Hex } from 'viem'
import { publicKeyToAddress } from 'viem/accounts'

/**
 * The check-in code of docs/checkin.md: a pass (one wallet signature per event day, delegating to a key kept in the
 * page) plus a code signed by that delegate key every few seconds. Encoding, decoding and the signature and time
 * checks (steps 1–5), shared by the holder's page, the scanner and the offline benchmark.
 */

export const CODE_PREFIX = 'ECHK1.'
export const CODE_BYTES = 235
const VERSION = 1
/** A code may be stamped up to this many seconds after the scanner's clock (clock drift between phones). */
export const FUTURE_SKEW_SECONDS = 10

export interface CheckInDomain {
  name: string
  version: string
  chainId: number
}

export const passTypes = {
  CheckInPass: [
    { name: 'holder', type: 'address' },
    { name: 'eventId', type: 'uint256' },
    { name: 'delegate', type: 'address' },
    { name: 'notBefore', type: 'uint64' },
    { name: 'notAfter', type: 'uint64' },
  ],
} as const

export const codeTypes = {
  CheckInCode: [
    { name: 'tokenId', type: 'uint256' },
    { name: 'eventId', type: 'uint256' },
    { name: 'issuedAt', type: 'uint64' },
  ],
} as const

/** What the holder's wallet signs once: `delegate` may sign codes for `holder`'s tickets of `eventId`. */
export interface Pass {
  holder: Address
  eventId: bigint
  delegate: Address
  notBefore: bigint
  notAfter: bigint
  signature: Hex
}

/** One code: a pass and the delegate's signature of `{tokenId, eventId, issuedAt}`. */
export interface CheckInCode {
  pass: Pass
  tokenId: bigint
  issuedAt: bigint
  signature: Hex
}

export type CodeFailure = 'MALFORMED' | 'WRONG_EVENT' | 'BAD_SIGNATURE' | 'PASS_EXPIRED' | 'CODE_EXPIRED'

export function passMessage(pass: Omit<Pass, 'signature'>) {
  return { holder: pass.holder, eventId: pass.eventId, delegate: pass.delegate, notBefore: pass.notBefore, notAfter: pass.notAfter }
}

export function codeMessage(code: { tokenId: bigint; issuedAt: bigint; pass: { eventId: bigint } }) {
  return { tokenId: code.tokenId, eventId: code.pass.eventId, issuedAt: code.issuedAt }
}

function putUint(out: Uint8Array, offset: number, length: number, value: bigint) {
  let v = value
  for (let i = offset + length - 1; i >= offset; i--) {
    out[i] = Number(v & 0xffn)
    v >>= 8n
  }
  if (v !== 0n || value < 0n) throw new RangeError(`value does not fit in ${length} bytes`)
}

function readUint(bytes: Uint8Array, offset: number, length: number): bigint {
  let v = 0n
  for (let i = offset; i < offset + length; i++) v = (v << 8n) | BigInt(bytes[i] as number)
  return v
}

function putBytes(out: Uint8Array, offset: number, hex: Hex, length: number) {
  const b = hexToBytes(hex)
  if (b.length !== length) throw new RangeError(`expected ${length} bytes, got ${b.length}`)
  out.set(b, offset)
}

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  try {
    const binary = atob(padded)
    const out = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
    return out
  } catch {
    return null
  }
}

/** The QR code's text: `ECHK1.` + base64url of the 235 bytes of docs/checkin.md's table. */
export function encodeCode(code: CheckInCode): string {
  const out = new Uint8Array(CODE_BYTES)
  out[0] = VERSION
  putUint(out, 1, 8, code.pass.eventId)
  putUint(out, 9, 32, code.tokenId)
  putBytes(out, 41, code.pass.holder, 20)
  putBytes(out, 61, code.pass.delegate, 20)
  putUint(out, 81, 8, code.pass.notBefore)
  putUint(out, 89, 8, code.pass.notAfter)
  putBytes(out, 97, code.pass.signature, 65)
  putUint(out, 162, 8, code.issuedAt)
  putBytes(out, 170, code.signature, 65)
  return CODE_PREFIX + base64url(out)
}

/** The code in `text`, or null when it is not one (wrong prefix, length or version: MALFORMED). */
export function decodeCode(text: string): CheckInCode | null {
  const trimmed = text.trim()
  if (!trimmed.startsWith(CODE_PREFIX)) return null
  const bytes = fromBase64url(trimmed.slice(CODE_PREFIX.length))
  if (!bytes || bytes.length !== CODE_BYTES || bytes[0] !== VERSION) return null
  return {
    pass: {
      eventId: readUint(bytes, 1, 8),
      holder: bytesToHex(bytes.subarray(41, 61)) as Address,
      delegate: bytesToHex(bytes.subarray(61, 81)) as Address,
      notBefore: readUint(bytes, 81, 8),
      notAfter: readUint(bytes, 89, 8),
      signature: bytesToHex(bytes.subarray(97, 162)),
    },
    tokenId: readUint(bytes, 9, 32),
    issuedAt: readUint(bytes, 162, 8),
    signature: bytesToHex(bytes.subarray(170, 235)),
  }
}

export interface VerifyContext {
  domain: CheckInDomain
  /** The event being scanned. */
  eventId: bigint
  /** The scan time, Unix seconds. */
  now: number
  codeWindowSeconds: number
  maxPassSeconds: number
}

export type CodeCheck = { ok: true; code: CheckInCode } | { ok: false; reason: CodeFailure; code: CheckInCode | null }

/**
 * The signer of a 65-byte r ‖ s ‖ v signature of `hash`. The curve is imported here, not through viem's recover
 * functions: those load it with a dynamic import(), a separate chunk a scanner that went offline could not fetch.
 */
function recoverSigner(hash: Hex, signature: Hex): Address | null {
  try {
    const bytes = hexToBytes(signature)
    if (bytes.length !== 65) return null
    const v = bytes[64] as number
    const bit = v === 27 || v === 0 ? 0 : v === 28 || v === 1 ? 1 : -1
    if (bit < 0) return null
    const point = secp256k1.Signature.fromCompact(bytes.subarray(0, 64)).addRecoveryBit(bit).recoverPublicKey(hash.slice(2))
    return publicKeyToAddress(`0x${point.toHex(false)}`)
  } catch {
    return null
  }
}

function signedBy(expected: Address, hash: Hex, signature: Hex): boolean {
  const signer = recoverSigner(hash, signature)
  return !!signer && isAddressEqual(signer, expected)
}

/** Steps 1–5 of docs/checkin.md: format, event, both signatures, the pass's window, the code's age. */
export async function checkCode(text: string, ctx: VerifyContext): Promise<CodeCheck> {
  const code = decodeCode(text)
  if (!code) return { ok: false, reason: 'MALFORMED', code: null }
  if (code.pass.eventId !== ctx.eventId) return { ok: false, reason: 'WRONG_EVENT', code }
  const domain = { name: ctx.domain.name, version: ctx.domain.version, chainId: ctx.domain.chainId }
  const passHash = hashTypedData({ domain, types: passTypes, primaryType: 'CheckInPass', message: passMessage(code.pass) })
  const codeOk =
    signedBy(code.pass.holder, passHash, code.pass.signature) &&
    signedBy(code.pass.delegate, hashTypedData({ domain, types: codeTypes, primaryType: 'CheckInCode', message: codeMessage(code) }), code.signature)
  if (!codeOk) return { ok: false, reason: 'BAD_SIGNATURE', code }
  const now = BigInt(Math.floor(ctx.now))
  const { notBefore, notAfter } = code.pass
  if (now < notBefore || now > notAfter || notAfter - notBefore > BigInt(ctx.maxPassSeconds)) return { ok: false, reason: 'PASS_EXPIRED', code }
  if (code.issuedAt < now - BigInt(ctx.codeWindowSeconds) || code.issuedAt > now + BigInt(FUTURE_SKEW_SECONDS)) {
    return { ok: false, reason: 'CODE_EXPIRED', code }
  }
  return { ok: true, code }
}
