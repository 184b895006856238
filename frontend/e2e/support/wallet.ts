import type { BrowserContext, Page } from '@playwright/test'
import { createWalletClient, http, numberToHex, type Hex, type TransactionRequest } from 'viem'
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts'
import { defineChain } from 'viem'

interface RpcRequest {
  method: string
  params?: unknown[]
}
type RpcAnswer = { result: unknown } | { error: { code: number; message: string; data?: unknown } }

/** What the page gets: an EIP-1193 provider announced by EIP-6963, whose `request` is answered in Node. */
const providerScript = (info: { uuid: string; name: string; icon: string; rdns: string }) => {
  const listeners: Record<string, Set<(data: unknown) => void>> = {}
  const bridge = (window as unknown as { __echainWallet: (r: unknown) => Promise<{ result?: unknown; error?: { code: number; message: string; data?: unknown } }> }).__echainWallet
  const provider = {
    async request({ method, params }: { method: string; params?: unknown[] }) {
      const answer = await bridge({ method, params: params ?? [] })
      if (answer.error) {
        const error = new Error(answer.error.message) as Error & { code: number; data?: unknown }
        error.code = answer.error.code
        error.data = answer.error.data
        throw error
      }
      return answer.result
    },
    on(event: string, listener: (data: unknown) => void) {
      ;(listeners[event] ??= new Set()).add(listener)
      return provider
    },
    removeListener(event: string, listener: (data: unknown) => void) {
      listeners[event]?.delete(listener)
      return provider
    },
  }
  ;(window as unknown as { __echainEmit: (event: string, data: unknown) => void }).__echainEmit = (event, data) =>
    listeners[event]?.forEach((l) => l(data))
  const detail = Object.freeze({ info: Object.freeze(info), provider })
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }))
  window.addEventListener('eip6963:requestProvider', announce)
  announce()
}

const ICON =
  'data:image/svg+xml;base64,' +
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" rx="5" fill="#0f766e"/><path d="M6 9h12v8H6z" fill="#fff"/></svg>').toString('base64')

/**
 * A browser wallet for tests: real signatures with an Anvil dev key (viem), real transactions to Anvil, and the
 * answers a person could give — approve, reject (4001), be on the wrong network.
 */
export class TestWallet {
  readonly account: PrivateKeyAccount
  chainId: number
  private connected = false
  private readonly known = new Set<number>()
  private readonly pages = new Set<Page>()
  /** Methods whose next call the "person" rejects. */
  readonly rejectNext = new Set<string>()
  /** When the person last confirmed a transaction (Date.now()), for the confirm→PENDING figure. */
  lastConfirmAt = 0
  readonly sent: Hex[] = []

  constructor(
    key: Hex,
    private readonly rpcUrl: string,
    private readonly targetChainId: number,
    options: { chainId?: number } = {},
  ) {
    this.account = privateKeyToAccount(key)
    this.chainId = options.chainId ?? targetChainId
    this.known.add(this.chainId)
    if (this.chainId === targetChainId) this.known.add(targetChainId)
  }

  get address() {
    return this.account.address
  }

  async install(context: BrowserContext) {
    await context.exposeFunction('__echainWallet', (request: RpcRequest) => this.handle(request))
    await context.addInitScript(providerScript, { uuid: '6f0b7b5e-echain-test-wallet', name: 'Echain Test Wallet', icon: ICON, rdns: 'io.echain.testwallet' })
    context.on('page', (page) => {
      this.pages.add(page)
      page.on('close', () => this.pages.delete(page))
    })
    context.pages().forEach((p) => this.pages.add(p))
  }

  private async emit(event: string, data: unknown) {
    await Promise.all([...this.pages].map((p) => p.evaluate(([e, d]) => (window as unknown as { __echainEmit?: (e: string, d: unknown) => void }).__echainEmit?.(e, d), [event, data] as const).catch(() => undefined)))
  }

  private rejected(method: string): RpcAnswer | null {
    if (!this.rejectNext.has(method)) return null
    this.rejectNext.delete(method)
    return { error: { code: 4001, message: 'User rejected the request.' } }
  }

  async handle({ method, params = [] }: RpcRequest): Promise<RpcAnswer> {
    try {
      switch (method) {
        case 'eth_chainId':
          return { result: numberToHex(this.chainId) }
        case 'net_version':
          return { result: String(this.chainId) }
        case 'eth_accounts':
          return { result: this.connected ? [this.address] : [] }
        case 'eth_requestAccounts':
          return this.rejected(method) ?? (this.connect(), { result: [this.address] })
        case 'wallet_requestPermissions':
          return this.rejected(method) ?? (this.connect(), { result: [{ parentCapability: 'eth_accounts' }] })
        case 'wallet_getPermissions':
          return { result: this.connected ? [{ parentCapability: 'eth_accounts' }] : [] }
        case 'wallet_revokePermissions':
          this.connected = false
          return { result: null }
        case 'wallet_switchEthereumChain': {
          const id = Number((params[0] as { chainId: string }).chainId)
          if (!this.known.has(id)) return { error: { code: 4902, message: `Unrecognized chain ID ${id}` } }
          await this.switchTo(id)
          return { result: null }
        }
        case 'wallet_addEthereumChain': {
          const id = Number((params[0] as { chainId: string }).chainId)
          this.known.add(id)
          await this.switchTo(id)
          return { result: null }
        }
        case 'personal_sign': {
          const rejected = this.rejected(method)
          if (rejected) return rejected
          const [message] = params as [Hex, string]
          return { result: await this.account.signMessage({ message: { raw: message } }) }
        }
        case 'eth_signTypedData_v4': {
          const rejected = this.rejected(method)
          if (rejected) return rejected
          const [, json] = params as [Hex, string]
          return { result: await this.account.signTypedData(typedDataFromJson(json)) }
        }
        case 'eth_sendTransaction': {
          const rejected = this.rejected(method)
          if (rejected) return rejected
          if (this.chainId !== this.targetChainId) return { error: { code: 4901, message: 'The wallet is on another chain' } }
          this.lastConfirmAt = Date.now()
          const tx = params[0] as TransactionRequest & { gas?: Hex; value?: Hex; data?: Hex; to: Hex }
          const chain = defineChain({ id: this.chainId, name: 'Anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [this.rpcUrl] } } })
          const client = createWalletClient({ account: this.account, chain, transport: http(this.rpcUrl) })
          const hash = await client.sendTransaction({
            to: tx.to,
            data: tx.data,
            value: tx.value ? BigInt(tx.value) : undefined,
            gas: tx.gas ? BigInt(tx.gas) : undefined,
          })
          this.sent.push(hash)
          return { result: hash }
        }
        default:
          return await this.forward(method, params)
      }
    } catch (error) {
      const e = error as { code?: number; shortMessage?: string; message?: string; details?: string }
      return { error: { code: typeof e.code === 'number' ? e.code : -32603, message: e.details ?? e.shortMessage ?? e.message ?? String(error) } }
    }
  }

  private connect() {
    this.connected = true
  }

  private async switchTo(id: number) {
    if (this.chainId === id) return
    this.chainId = id
    await this.emit('chainChanged', numberToHex(id))
  }

  private async forward(method: string, params: unknown[]): Promise<RpcAnswer> {
    const response = await fetch(this.rpcUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    })
    const json = (await response.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } }
    return json.error ? { error: json.error } : { result: json.result }
  }
}

type Field = { name: string; type: string }
type TypedJson = { domain: Record<string, unknown>; types: Record<string, Field[]>; primaryType: string; message: Record<string, unknown> }

/** eth_signTypedData_v4's JSON (numbers as strings or numbers) as viem wants it: integers as bigint. */
function typedDataFromJson(json: string) {
  const data = JSON.parse(json) as TypedJson
  const types = Object.fromEntries(Object.entries(data.types).filter(([name]) => name !== 'EIP712Domain'))
  const convert = (type: string, value: unknown): unknown => {
    if (/^u?int\d*$/.test(type)) return BigInt(value as string | number)
    if (type.endsWith('[]')) return (value as unknown[]).map((v) => convert(type.slice(0, -2), v))
    const struct = types[type]
    if (struct) return Object.fromEntries(struct.map((f) => [f.name, convert(f.type, (value as Record<string, unknown>)[f.name])]))
    return value
  }
  const domain = { ...data.domain, ...(data.domain.chainId !== undefined ? { chainId: Number(data.domain.chainId) } : {}) }
  return { domain, types, primaryType: data.primaryType, message: convert(data.primaryType, data.message) as Record<string, unknown> }
}
