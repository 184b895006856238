import { describe, expect, it } from 'vitest'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { CODE_PREFIX, checkCode, decodeCode, encodeCode, type CheckInDomain, type Pass } from './code'
import { passTypedData, passWindow, signCode } from './issue'
import { indexBundle, verifyOffline, type OfflineBundle } from './offline'

const domain: CheckInDomain = { name: 'Echain Check-in', version: '1', chainId: 31337 }
// Anvil's account 1: a real wallet key signs the pass, as the browser wallet would.
const holder = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')
const stranger = privateKeyToAccount(generatePrivateKey())
const NOW = 1_800_000_000

async function makePass(eventId = 7n, now = NOW, wallet = holder, delegate = privateKeyToAccount(generatePrivateKey())) {
  const window = passWindow(now, now + 3 * 3600)
  const fields = { holder: holder.address, eventId, delegate: delegate.address, ...window }
  const signature = await wallet.signTypedData(passTypedData(domain, fields))
  return { pass: { ...fields, signature } satisfies Pass, delegate }
}

const ctx = (over: Partial<Parameters<typeof checkCode>[1]> = {}) => ({
  domain,
  eventId: 7n,
  now: NOW,
  codeWindowSeconds: 60,
  maxPassSeconds: 26 * 3600,
  ...over,
})

describe('check-in codes', () => {
  it('round-trips through the wire format and verifies', async () => {
    const { pass, delegate } = await makePass()
    const text = await signCode(delegate, domain, pass, 42n, BigInt(NOW))
    expect(text.startsWith(CODE_PREFIX)).toBe(true)
    expect(text).toMatch(/^ECHK1\.[A-Za-z0-9_-]+$/)
    const decoded = decodeCode(text)!
    expect(decoded.tokenId).toBe(42n)
    expect(decoded.issuedAt).toBe(BigInt(NOW))
    expect(decoded.pass.eventId).toBe(7n)
    expect(decoded.pass.holder.toLowerCase()).toBe(holder.address.toLowerCase())
    expect(decoded.pass.delegate.toLowerCase()).toBe(delegate.address.toLowerCase())
    expect(encodeCode(decoded)).toBe(text)
    expect(await checkCode(text, ctx())).toMatchObject({ ok: true })
  })

  it('refuses garbage, a truncated code and a wrong version as MALFORMED', async () => {
    const { pass, delegate } = await makePass()
    const text = await signCode(delegate, domain, pass, 42n, BigInt(NOW))
    for (const bad of ['', 'hello', 'ECHK1.', text.slice(0, -3), text + 'AAAA', 'ECHK1.!!!!', text.replace('ECHK1.', 'ECHK2.')]) {
      expect(await checkCode(bad, ctx()), bad).toMatchObject({ ok: false, reason: 'MALFORMED' })
    }
    const bytes = decodeCode(text)!
    expect(decodeCode(encodeCode(bytes).replace(/^ECHK1\.A/, 'ECHK1.B'))).toBeNull()
  })

  it('refuses a forged code: another token, a pass signed by another wallet, a code not signed by the delegate', async () => {
    const { pass, delegate } = await makePass()
    const real = decodeCode(await signCode(delegate, domain, pass, 42n, BigInt(NOW)))!
    expect(await checkCode(encodeCode({ ...real, tokenId: 43n }), ctx())).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' })

    const forgedPass = await makePass(7n, NOW, stranger, delegate)
    const forged = await signCode(delegate, domain, forgedPass.pass, 42n, BigInt(NOW))
    expect(await checkCode(forged, ctx())).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' })

    const otherKey = await signCode(privateKeyToAccount(generatePrivateKey()), domain, pass, 42n, BigInt(NOW))
    expect(await checkCode(otherKey, ctx())).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' })

    const stretched = { ...pass, notAfter: pass.notAfter + 3600n }
    expect(await checkCode(await signCode(delegate, domain, stretched, 42n, BigInt(NOW)), ctx())).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' })

    const otherChain = await signCode(delegate, { ...domain, chainId: 8453 }, pass, 42n, BigInt(NOW))
    expect(await checkCode(otherChain, ctx())).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' })
  })

  it('refuses an expired code, a code from the future and an expired pass', async () => {
    const { pass, delegate } = await makePass()
    const text = await signCode(delegate, domain, pass, 42n, BigInt(NOW))
    expect(await checkCode(text, ctx({ now: NOW + 60 }))).toMatchObject({ ok: true })
    expect(await checkCode(text, ctx({ now: NOW + 61 }))).toMatchObject({ ok: false, reason: 'CODE_EXPIRED' })
    expect(await checkCode(text, ctx({ now: NOW - 11 }))).toMatchObject({ ok: false, reason: 'CODE_EXPIRED' })
    expect(await checkCode(text, ctx({ now: NOW + 60, codeWindowSeconds: 30 }))).toMatchObject({ ok: false, reason: 'CODE_EXPIRED' })
    const later = NOW + 3 * 3600 + 6 * 3600 + 1
    const late = await signCode(delegate, domain, pass, 42n, BigInt(later))
    expect(await checkCode(late, ctx({ now: later }))).toMatchObject({ ok: false, reason: 'PASS_EXPIRED' })
    const early = await signCode(delegate, domain, pass, 42n, BigInt(NOW - 301))
    expect(await checkCode(early, ctx({ now: NOW - 301 }))).toMatchObject({ ok: false, reason: 'PASS_EXPIRED' })
    expect(await checkCode(text, ctx({ maxPassSeconds: 3600 }))).toMatchObject({ ok: false, reason: 'PASS_EXPIRED' })
  })

  it('refuses a code of another event', async () => {
    const { pass, delegate } = await makePass(8n)
    const text = await signCode(delegate, domain, pass, 42n, BigInt(NOW))
    expect(await checkCode(text, ctx())).toMatchObject({ ok: false, reason: 'WRONG_EVENT' })
  })

  it('asks for a pass from 5 minutes ago until 24 h later or 6 h after the end', () => {
    expect(passWindow(NOW, NOW + 100 * 3600)).toEqual({ notBefore: BigInt(NOW - 300), notAfter: BigInt(NOW + 24 * 3600) })
    expect(passWindow(NOW, NOW + 3600)).toEqual({ notBefore: BigInt(NOW - 300), notAfter: BigInt(NOW + 7 * 3600) })
  })
})

describe('offline verification against the bundle', () => {
  const bundle = (over: Partial<OfflineBundle> = {}): OfflineBundle => ({
    eventId: 7,
    chainId: 31337,
    generatedAt: new Date(NOW * 1000).toISOString(),
    codeWindowSeconds: 60,
    maxPassSeconds: 26 * 3600,
    cancelled: false,
    onChain: true,
    tickets: [
      { tokenId: '42', owner: holder.address.toLowerCase(), status: 'ACTIVE', ownerSince: NOW - 3600, ownerConfirmed: true, checkedInAt: null, gate: null },
      { tokenId: '43', owner: holder.address.toLowerCase(), status: 'ACTIVE', ownerSince: NOW - 3600, ownerConfirmed: false, checkedInAt: null, gate: null },
      { tokenId: '44', owner: holder.address.toLowerCase(), status: 'REFUNDED', ownerSince: NOW - 3600, ownerConfirmed: true, checkedInAt: null, gate: null },
      { tokenId: '45', owner: stranger.address.toLowerCase(), status: 'ACTIVE', ownerSince: NOW - 10, ownerConfirmed: true, checkedInAt: null, gate: null },
      { tokenId: '46', owner: holder.address.toLowerCase(), status: 'ACTIVE', ownerSince: NOW - 3600, ownerConfirmed: true, checkedInAt: new Date((NOW - 600) * 1000).toISOString(), gate: 'North' },
    ],
    ...over,
  })
  const scan = (local = new Map<string, { at: string; gate: string }>()) => ({ scanId: 's1', gate: 'Main', now: NOW * 1000, domainName: domain.name, domainVersion: domain.version, localAdmissions: local })

  it('admits a held ticket once, then refuses it as already checked in at this gate', async () => {
    const { pass, delegate } = await makePass()
    const index = indexBundle(bundle())
    const text = await signCode(delegate, domain, pass, 42n, BigInt(NOW))
    const first = await verifyOffline(text, index, scan())
    expect(first).toMatchObject({ verdict: 'ADMITTED', reason: null, tokenId: '42', holderTickets: 3, holderCheckedIn: 2, flags: [] })
    const local = new Map([['42', { at: first.scannedAt, gate: 'Main' }]])
    const second = await verifyOffline(text, index, scan(local))
    expect(second).toMatchObject({ verdict: 'REFUSED', reason: 'ALREADY_CHECKED_IN', firstCheckIn: { gate: 'Main' } })
    expect(second.message).toContain('gate “Main”')
  })

  it('refuses tickets checked in elsewhere, refunded, transferred, unknown; flags an unconfirmed owner', async () => {
    const { pass, delegate } = await makePass()
    const index = indexBundle(bundle())
    const code = (token: bigint) => signCode(delegate, domain, pass, token, BigInt(NOW))
    expect(await verifyOffline(await code(46n), index, scan())).toMatchObject({ reason: 'ALREADY_CHECKED_IN', firstCheckIn: { gate: 'North' } })
    expect(await verifyOffline(await code(44n), index, scan())).toMatchObject({ reason: 'REFUNDED' })
    expect(await verifyOffline(await code(45n), index, scan())).toMatchObject({ reason: 'NOT_OWNER' })
    expect(await verifyOffline(await code(99n), index, scan())).toMatchObject({ reason: 'UNKNOWN_TICKET' })
    expect(await verifyOffline(await code(43n), index, scan())).toMatchObject({ verdict: 'ADMITTED', flags: ['OWNER_UNCONFIRMED'] })
  })

  it('refuses a code issued before the latest transfer, even back to the same holder', async () => {
    const { pass, delegate } = await makePass()
    const old = await signCode(delegate, domain, pass, 42n, BigInt(NOW - 30))
    const index = indexBundle(bundle({ tickets: [{ tokenId: '42', owner: holder.address, status: 'ACTIVE', ownerSince: NOW - 5, ownerConfirmed: true, checkedInAt: null, gate: null }] }))
    expect(await verifyOffline(old, index, scan())).toMatchObject({ reason: 'NOT_OWNER' })
  })

  it('takes the current holding over the old holder’s TRANSFERRED row, whatever the order', async () => {
    const { pass, delegate } = await makePass()
    const text = await signCode(delegate, domain, pass, 42n, BigInt(NOW))
    const rows = [
      { tokenId: '42', owner: holder.address, status: 'TRANSFERRED', ownerSince: NOW - 7200, ownerConfirmed: true, checkedInAt: null, gate: null },
      { tokenId: '42', owner: stranger.address, status: 'ACTIVE', ownerSince: NOW - 60, ownerConfirmed: true, checkedInAt: null, gate: null },
    ]
    for (const tickets of [rows, [...rows].reverse()]) {
      expect(await verifyOffline(text, indexBundle(bundle({ tickets })), scan())).toMatchObject({ reason: 'NOT_OWNER' })
    }
  })

  it('refuses every ticket of a cancelled event or one not on chain, and garbage in words', async () => {
    const { pass, delegate } = await makePass()
    const text = await signCode(delegate, domain, pass, 42n, BigInt(NOW))
    expect(await verifyOffline(text, indexBundle(bundle({ cancelled: true })), scan())).toMatchObject({ reason: 'EVENT_CANCELLED' })
    expect(await verifyOffline(text, indexBundle(bundle({ onChain: false })), scan())).toMatchObject({ reason: 'NOT_ON_CHAIN' })
    const garbage = await verifyOffline('https://example.com', indexBundle(bundle()), scan())
    expect(garbage).toMatchObject({ verdict: 'REFUSED', reason: 'MALFORMED' })
    expect(garbage.message).toMatch(/not an Echain ticket code/)
  })
})
