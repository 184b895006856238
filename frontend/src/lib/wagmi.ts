import { createConfig, http, injected } from 'wagmi'
import { reconnect } from 'wagmi/actions'
import { defineChain } from 'viem'
import type { ChainInfo } from './api-types'
import { walletDemand } from './wallet-demand'

/** The wagmi config for the chain the backend names (GET /api/chain); one per chain, shared by every provider. */
export function createWalletConfig(info: ChainInfo) {
  const local = info.chainId === 31337
  const chain = defineChain({
    id: info.chainId,
    name: info.chainName,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [info.rpcUrl] } },
    blockExplorers: info.blockExplorerUrl
      ? { default: { name: `${info.chainName} explorer`, url: info.blockExplorerUrl } }
      : undefined,
    testnet: local || info.chainId === 84532,
  })
  return createConfig({
    chains: [chain],
    // EIP-6963: every wallet that announces itself becomes a connector; `injected()` covers window.ethereum only wallets.
    multiInjectedProviderDiscovery: true,
    connectors: [injected()],
    transports: { [chain.id]: http(info.rpcUrl, { retryCount: 1, timeout: 10_000 }) },
    // Anvil makes a block a second; Base every 2 s.
    pollingInterval: local ? 500 : 2_000,
  })
}

export type WalletConfig = ReturnType<typeof createWalletConfig>

declare module 'wagmi' {
  interface Register {
    config: WalletConfig
  }
}

let current: { key: string; config: WalletConfig } | null = null

export function walletConfigFor(info: ChainInfo): WalletConfig {
  const key = `${info.chainId}|${info.rpcUrl}`
  if (current?.key !== key) {
    current = { key, config: createWalletConfig(info) }
    void reconnect(current.config)
    // A page that uses the wallet also shows it in the header (after this render).
    queueMicrotask(() => walletDemand.request())
  }
  return current.config
}
