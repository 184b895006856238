import { useCallback } from 'react'
import { useConnection, useSwitchChain } from 'wagmi'
import { useChain } from './wallet-scope'

/**
 * Whether the wallet is on the backend's chain, and a switch that adds the chain to the wallet first when it does not
 * know it (wagmi sends wallet_switchEthereumChain, then wallet_addEthereumChain on error 4902).
 */
export function useNetwork() {
  const info = useChain()
  const { chainId, isConnected } = useConnection()
  const switchChain = useSwitchChain()
  const wrong = isConnected && chainId !== info.chainId
  const ensureNetwork = useCallback(async () => {
    if (!wrong) return
    await switchChain.mutateAsync({
      chainId: info.chainId,
      addEthereumChainParameter: {
        chainName: info.chainName,
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        rpcUrls: [info.rpcUrl],
        blockExplorerUrls: info.blockExplorerUrl ? [info.blockExplorerUrl] : undefined,
      },
    })
  }, [wrong, switchChain, info])
  return { wrong, ensureNetwork, switching: switchChain.isPending, switchError: switchChain.error, info }
}
