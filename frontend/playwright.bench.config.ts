import { defineConfig } from '@playwright/test'
import base from './playwright.config'

/** bench/web/pending.bench.ts: a benchmark on the e2e stack, not part of the test run. */
export default defineConfig({ ...base, testDir: '../bench/web', testMatch: 'pending.bench.ts', outputDir: 'e2e/output/bench' })
