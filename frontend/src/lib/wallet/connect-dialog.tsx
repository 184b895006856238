import * as Dialog from '@radix-ui/react-dialog'
import { useConnect, useConnectors } from 'wagmi'
import { Alert, Button } from '../../components/ui'
import { describeError } from './errors'

/** The wallets the browser offers (EIP-6963 announcements, or window.ethereum), to pick one. */
export function ConnectDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const connectors = useConnectors()
  const connect = useConnect()
  const hasLegacy = typeof window !== 'undefined' && 'ethereum' in window
  const available = connectors.filter((c) => c.id !== 'injected' || (hasLegacy && connectors.length === 1))
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/40" />
        <Dialog.Content className="fixed inset-x-4 top-24 z-50 mx-auto max-w-md rounded-2xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-bold text-slate-950">Connect a wallet</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-700">
            Echain never holds your keys: you approve every signature and payment in your wallet.
          </Dialog.Description>
          <div className="mt-4 flex flex-col gap-2">
            {available.length === 0 && (
              <Alert tone="amber" title="No browser wallet found">
                Install a wallet extension such as MetaMask, Rabby or Coinbase Wallet, then reload this page. On a phone,
                open Echain in your wallet app&apos;s browser.
              </Alert>
            )}
            {available.map((connector) => (
              <Button
                key={connector.uid}
                variant="secondary"
                className="justify-start"
                busy={connect.isPending && connect.variables?.connector === connector}
                onClick={async () => {
                  try {
                    await connect.mutateAsync({ connector })
                    onOpenChange(false)
                  } catch {
                    // shown below
                  }
                }}
              >
                {connector.icon && <img src={connector.icon} alt="" width={24} height={24} className="rounded" />}
                {connector.name}
              </Button>
            ))}
            {connect.error && (
              <Alert title={describeError(connect.error).title}>{describeError(connect.error).detail}</Alert>
            )}
          </div>
          <Dialog.Close asChild>
            <Button variant="ghost" className="mt-4 w-full">
              Cancel
            </Button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
