import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  throw new Error(`No Chromium at ${chromium}: apt-get install -y chromium (.ci/run does), or set CHROMIUM_PATH`)
}

/**
 * Browser journeys in Debian's Chromium (never a downloaded browser) against the packaged backend jar, which the
 * `stack` worker fixture (e2e/support/stack.ts) starts with embedded PostgreSQL and a fresh local Anvil.
 * One worker: the journeys share one stack, so the run stays within a few minutes on 2 cores.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/output/results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1280, height: 900 },
    trace: 'off',
    screenshot: 'only-on-failure',
    actionTimeout: 20_000,
  },
})
