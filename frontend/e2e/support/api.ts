import { createPublicClient, createWalletClient, decodeFunctionData, defineChain, http, parseEventLogs, zeroAddress, type Address, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createSiweMessage } from 'viem/siwe'
import { eventTicketNftAbi, paymentProcessorAbi } from '../../src/lib/contracts.generated'
import { rpc, type Stack } from './stack'

/** Test setup through the API and the chain, for what a journey does not itself show in the browser. */
export class Backend {
  private readonly tokens = new Map<string, string>()

  constructor(readonly stack: Stack) {}

  async call<T>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const response = await fetch(this.stack.baseUrl + path, {
      method,
      headers: {
        Accept: 'application/json',
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
    return { json: (text ? JSON.parse(text) : null) as T, headers: response.headers }
  }

  /** Sign-In with Ethereum from Node with a dev key. */
  async token(key: Hex, fresh = false): Promise<string> {
    const cached = this.tokens.get(key)
    if (cached && !fresh) return cached
    const account = privateKeyToAccount(key)
    const nonce = (await this.call<{ nonce: string; domain: string; uri: string; chainId: number; statement: string }>('POST', '/api/auth/nonce')).json
    const message = createSiweMessage({ address: account.address, chainId: nonce.chainId, domain: nonce.domain, nonce: nonce.nonce, uri: nonce.uri, version: '1', statement: nonce.statement, issuedAt: new Date() })
    const signature = await account.signMessage({ message })
    const token = (await this.call<{ accessToken: string }>('POST', '/api/auth/verify', { body: { message, signature } })).json.accessToken
    this.tokens.set(key, token)
    return token
  }

  async grantOrganizer(adminKey: Hex, address: string) {
    await this.call('PUT', `/api/admin/organizers/${address}`, { token: await this.token(adminKey) })
  }

  /** Publishes an event as `organizerKey` and waits until the outbox has registered it on chain. */
  async publishedEvent(organizerKey: Hex, overrides: Record<string, unknown> = {}): Promise<{ id: number; chainEventId: string; name: string }> {
    const start = new Date(Date.now() + 30 * 24 * 3600 * 1000)
    const body = {
      name: `Test event ${Date.now()}`,
      description: 'An evening of music and talks.',
      location: 'Kulturbrauerei, Berlin',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3600 * 1000).toISOString(),
      priceWei: '10000000000000000',
      capacity: 100,
      ...overrides,
    }
    const created = (await this.call<{ id: number; name: string }>('POST', '/api/events', { token: await this.token(organizerKey, true), body })).json
    const chainEventId = await this.onChain(created.id)
    return { id: created.id, chainEventId, name: created.name }
  }

  async onChain(id: number, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const event = (await this.call<{ chain: { eventId: string | null; status: string | null } }>('GET', `/api/events/${id}`)).json
      if (event.chain.eventId && (event.chain.status === 'MINED' || event.chain.status === 'CONFIRMED')) return event.chain.eventId
      await new Promise((r) => setTimeout(r, 300))
    }
    throw new Error(`event ${id} not on chain after ${timeoutMs} ms`)
  }

  private chain() {
    return defineChain({ id: this.stack.chainId, name: 'Anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [this.stack.anvilUrl] } } })
  }

  /** A purchase sent straight to the contract (another buyer, outside the browser). */
  async buyDirect(key: Hex, chainEventId: string, quantity: number, priceWei: bigint) {
    const account = privateKeyToAccount(key)
    const wallet = createWalletClient({ account, chain: this.chain(), transport: http(this.stack.anvilUrl) })
    const client = createPublicClient({ chain: this.chain(), transport: http(this.stack.anvilUrl) })
    const hash = await wallet.writeContract({
      address: this.stack.paymentProcessor,
      abi: paymentProcessorAbi,
      functionName: 'purchaseTickets',
      args: [BigInt(chainEventId), BigInt(quantity)],
      value: priceWei * BigInt(quantity),
    })
    await client.waitForTransactionReceipt({ hash })
    return hash
  }

  private client() {
    return createPublicClient({ chain: this.chain(), transport: http(this.stack.anvilUrl) })
  }

  /** The ticket ids a purchase minted (its ERC-721 Transfer events from the zero address). */
  async mintedTokenIds(hash: Hex): Promise<bigint[]> {
    const receipt = await this.client().waitForTransactionReceipt({ hash })
    return parseEventLogs({ abi: eventTicketNftAbi, eventName: 'Transfer', logs: receipt.logs })
      .filter((log) => log.address.toLowerCase() === this.stack.ticketNft.toLowerCase() && log.args.from === zeroAddress)
      .map((log) => log.args.tokenId)
  }

  /**
   * A resale outside Echain, the way a marketplace settles it: the buyer pays the ERC-2981 royalty the ticket contract
   * names (`royaltyInfo`) to its receiver (the event's splitter) as a plain ETH transfer, and the rest to the seller,
   * who then transfers the ticket. Returns the royalty paid, in wei.
   */
  async resale(sellerKey: Hex, buyerKey: Hex, tokenId: bigint, salePriceWei: bigint): Promise<{ receiver: Address; royalty: bigint }> {
    const client = this.client()
    const seller = createWalletClient({ account: privateKeyToAccount(sellerKey), chain: this.chain(), transport: http(this.stack.anvilUrl) })
    const buyer = createWalletClient({ account: privateKeyToAccount(buyerKey), chain: this.chain(), transport: http(this.stack.anvilUrl) })
    const [receiver, royalty] = await client.readContract({ address: this.stack.ticketNft, abi: eventTicketNftAbi, functionName: 'royaltyInfo', args: [tokenId, salePriceWei] })
    const mined = async (hash: Hex) => {
      const receipt = await client.waitForTransactionReceipt({ hash })
      if (receipt.status !== 'success') throw new Error(`resale transaction ${hash} reverted`)
    }
    await mined(await buyer.sendTransaction({ to: receiver, value: royalty }))
    await mined(await buyer.sendTransaction({ to: seller.account.address, value: salePriceWei - royalty }))
    await mined(
      await seller.writeContract({ address: this.stack.ticketNft, abi: eventTicketNftAbi, functionName: 'transferFrom', args: [seller.account.address, buyer.account.address, tokenId] }),
    )
    return { receiver, royalty }
  }

  /** The PaymentProcessor call a transaction made (function name and arguments) and where it went. */
  async decodedCall(hash: Hex) {
    const tx = await this.client().getTransaction({ hash })
    return { to: tx.to, ...decodeFunctionData({ abi: paymentProcessorAbi, data: tx.input }) }
  }

  /** The PaymentProcessor events a transaction emitted. */
  async processorEvents(hash: Hex) {
    const receipt = await this.client().waitForTransactionReceipt({ hash })
    return parseEventLogs({ abi: paymentProcessorAbi, logs: receipt.logs }).filter((log) => log.address.toLowerCase() === this.stack.paymentProcessor.toLowerCase())
  }

  /** Stops Anvil's 1-second blocks (transactions wait in the pool) until `resumeMining`. */
  async pauseMining() {
    await rpc(this.stack.anvilUrl, 'evm_setIntervalMining', [0])
  }

  async resumeMining() {
    await rpc(this.stack.anvilUrl, 'evm_setIntervalMining', [1])
  }

  /** Anvil time travel: the next block is `seconds` later. */
  async travel(seconds: number) {
    await rpc(this.stack.anvilUrl, 'evm_increaseTime', [seconds])
    await rpc(this.stack.anvilUrl, 'evm_mine', [])
  }

  async chainTime(): Promise<number> {
    const block = await rpc<{ timestamp: Hex }>(this.stack.anvilUrl, 'eth_getBlockByNumber', ['latest', false])
    return Number(BigInt(block.timestamp))
  }
}
