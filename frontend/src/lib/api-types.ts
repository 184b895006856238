/**
 * Shapes of the backend's JSON, mirroring the OpenAPI document (/v3/api-docs; snapshot in
 * backend/src/test/resources/openapi/openapi.json). Amounts in wei are decimal strings; instants ISO-8601.
 */
export type EventStatus = 'SCHEDULED' | 'CANCELLED' | 'FINISHED'

export interface EventView {
  id: number
  name: string
  description: string
  location: string
  startsAt: string
  endsAt: string
  saleStartsAt: string
  saleEndsAt: string
  transferLocked: boolean
  priceWei: string
  organizer: string
  status: EventStatus
  availability: { capacity: number; sold: number; remaining: number }
  chain: { eventId: string | null; status: string | null }
  /**
   * Whether the platform takes purchases right now: paused while the blockchain node is unreachable or does not match
   * the backend's configuration, with a sentence to show buyers instead of the buy button.
   */
  purchases: { paused: boolean; reason: string | null }
  createdAt: string
  updatedAt: string
  version: number
}

export interface EventPage {
  items: EventView[]
  page: number
  size: number
  /** Counted up to 10,000 (a relevance sort ranks the first 1,000 matches); totalItemsCapped says when it stopped there. */
  totalItems: number
  totalPages: number
  totalItemsCapped: boolean
  /** after= for the next page by keyset; null on the last page. */
  nextCursor: string | null
}

export interface EventRequest {
  name: string
  description: string
  location: string
  startsAt: string
  endsAt: string
  priceWei: string
  capacity: number
  saleStartsAt: string | null
  saleEndsAt: string | null
  transferLocked: boolean
}

export interface QuoteView {
  eventId: number
  chainEventId: string
  quantity: number
  unitPriceWei: string
  totalWei: string
  platformFeeWei: string
  platformFeeBps: number
  remaining: number
  maxPerPurchase: number
  gasEstimate: string | null
  feePerGasWei: string
  estimatedGasCostWei: string | null
  to: string
  data: string
  value: string
}

export type PaymentStatus = 'PENDING' | 'CONFIRMED' | 'FAILED' | 'REFUNDED'

export interface PaymentView {
  id: number
  txHash: string
  status: PaymentStatus
  paymentId: string | null
  eventId: number | null
  chainEventId: string | null
  buyer: string | null
  quantity: number | null
  amountWei: string | null
  feeWei: string | null
  refundedQuantity: number
  refundedWei: string | null
  blockNumber: number | null
  confirmations: number
  requiredConfirmations: number
  failureReason: string | null
  createdAt: string
  updatedAt: string
}

export type TicketStatus = 'ACTIVE' | 'TRANSFERRED' | 'REFUNDED'

export interface TicketView {
  tokenId: string
  eventId: number | null
  eventName: string | null
  chainEventId: string
  owner: string
  status: TicketStatus
  pricePaidWei: string
  mintTxHash: string
  blockNumber: number | null
  confirmations: number
  confirmed: boolean
  metadataUrl: string
}

export interface EventRevenue {
  eventId: number | null
  chainEventId: string
  ticketsSold: number
  ticketsRefunded: number
  grossWei: string
  platformFeesWei: string
  organizerShareWei: string
  inEscrowWei: string
  withdrawableWei: string
  withdrawnWei: string
  refundedWei: string
  royaltiesWei: string
  cancelled: boolean
  settled: boolean
  eventEnd: string
}

export interface RevenueView {
  organizer: string
  events: EventRevenue[]
  total: {
    ticketsSold: number
    ticketsRefunded: number
    grossWei: string
    platformFeesWei: string
    inEscrowWei: string
    withdrawableWei: string
    withdrawnWei: string
    refundedWei: string
  }
}

export interface SalesView {
  eventId: number
  revenue: EventRevenue | null
  tickets: TicketView[]
  holders: { address: string; tickets: number }[]
  payments: PaymentView[]
}

export interface UserView {
  address: string
  roles: Role[]
  email: string | null
  createdAt: string
}

export type Role = 'ATTENDEE' | 'ORGANIZER' | 'ADMIN'

export interface NonceResponse {
  nonce: string
  expiresAt: string
  domain: string
  uri: string
  chainId: number
  version: string
  statement: string
}

export interface TokenResponse {
  accessToken: string
  tokenType: string
  expiresAt: string
  expiresIn: number
  address: string
  roles: Role[]
}

export interface ChainInfo {
  chainId: number
  chainName: string
  rpcUrl: string
  blockExplorerUrl: string | null
  ticketNft: `0x${string}`
  paymentProcessor: `0x${string}`
  deploymentBlock: number
  confirmations: number
  headBlock: number
}

/** RFC 9457 problem details as the backend sends them. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  errors?: Record<string, string>
}
