import { defineConfig } from '@wagmi/cli'
import { foundry, react } from '@wagmi/cli/plugins'

/**
 * ABIs and typed hooks come from the Foundry build output (contracts/out, built by the contracts module first),
 * never copied by hand. Addresses are not baked in: the app reads them from GET /api/chain at run time.
 */
export default defineConfig({
  out: 'src/lib/contracts.generated.ts',
  plugins: [
    foundry({
      project: '../contracts',
      artifacts: 'out',
      include: ['PaymentProcessor.json', 'EventTicketNFT.json'],
      forge: {
        build: false,
        rebuild: false,
        path: '../contracts/node_modules/@foundry-rs/forge-linux-amd64/bin/forge',
      },
    }),
    react(),
  ],
})
