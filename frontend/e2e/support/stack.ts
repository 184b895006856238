import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, openSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { privateKeyToAccount } from 'viem/accounts'
import { freePort, TcpProxy } from './net'

/** Anvil's well-known development keys ("test test … junk"); never use them elsewhere. */
export const DEV_KEYS = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
  '0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e',
  '0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356',
  '0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97',
  '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6',
] as const

/** Key 0 is the backend's operator and an admin; key 9 deploys, owns the contracts, is the treasury and an admin. */
export const OPERATOR_KEY = DEV_KEYS[0]
export const TREASURY_KEY = DEV_KEYS[9]

const root = resolve(import.meta.dirname, '../../..')
const contracts = join(root, 'contracts')
const anvilBin = join(contracts, 'node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil')
const forgeBin = join(contracts, 'node_modules/@foundry-rs/forge-linux-amd64/bin/forge')

export interface Stack {
  baseUrl: string
  /** What the backend and the wallets use: the proxy in front of Anvil. */
  rpcUrl: string
  /** Anvil itself, for test-only calls (time travel) that must work while the proxy is down. */
  anvilUrl: string
  chainId: number
  ticketNft: `0x${string}`
  paymentProcessor: `0x${string}`
  proxy: TcpProxy
  dir: string
  stop: () => Promise<void>
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, logFile?: string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if (await check()) return
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  const tail = logFile && existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n') : ''
  throw new Error(`${what} did not come up within ${timeoutMs / 1000}s\n${tail}`)
}

export async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  })
  const json = (await response.json()) as { result?: T; error?: { message: string } }
  if (json.error) throw new Error(`${method}: ${json.error.message}`)
  return json.result as T
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; log: string }): ChildProcess {
  const out = openSync(options.log, 'a')
  return spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', out, out] })
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code ?? 1))
  })
}

/**
 * Starts a fresh local chain (Anvil, 1-second blocks) with the contracts deployed by the project's deploy script, a
 * proxy in front of it, and the packaged backend jar (dev profile: embedded PostgreSQL in a temporary directory) on
 * free ports. Everything is stopped by `stop()`.
 */
export async function startStack(): Promise<Stack> {
  const jar = process.env.BACKEND_JAR ?? join(root, 'backend/target/echain-backend-0.1.0-SNAPSHOT.jar')
  if (!existsSync(jar)) throw new Error(`No backend jar at ${jar}: build it first (mvn package -DskipTests)`)
  const java = process.env.JAVA_BIN ?? (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java')
  const dir = mkdtempSync(join(tmpdir(), 'echain-e2e-'))
  const [anvilPort, proxyPort, backendPort] = [await freePort(), await freePort(), await freePort()]
  const anvilUrl = `http://127.0.0.1:${anvilPort}`
  const rpcUrl = `http://127.0.0.1:${proxyPort}`
  const baseUrl = `http://localhost:${backendPort}`
  const children: ChildProcess[] = []
  const proxy = new TcpProxy(proxyPort, anvilPort)

  const stop = async () => {
    await proxy.down()
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.pid) {
        child.kill('SIGTERM')
        const done = await Promise.race([exited(child), new Promise((r) => setTimeout(() => r('timeout'), 20_000))])
        if (done === 'timeout') child.kill('SIGKILL')
      }
    }
    if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  }

  try {
    const anvilLog = join(dir, 'anvil.log')
    children.push(run(anvilBin, ['--host', '127.0.0.1', '--port', String(anvilPort), '--chain-id', '31337', '--block-time', '1', '--silent'], { cwd: contracts, log: anvilLog }))
    await waitFor('Anvil', async () => (await rpc<string>(anvilUrl, 'eth_chainId')) === '0x7a69', 30_000, anvilLog)

    const deployLog = join(dir, 'deploy.log')
    const deployment = join(dir, 'deployment.json')
    const forge = run(forgeBin, ['script', 'script/Deploy.s.sol', '--rpc-url', anvilUrl, '--broadcast', '--private-key', TREASURY_KEY], {
      cwd: contracts,
      log: deployLog,
      env: {
        PRIVATE_KEY: TREASURY_KEY,
        OPERATOR: privateKeyToAccount(OPERATOR_KEY).address,
        BASE_URI: `${baseUrl}/api/tickets/`,
        DEPLOYMENT_OUT: deployment,
      },
    })
    const code = await exited(forge)
    if (code !== 0 || !existsSync(deployment)) throw new Error(`Deploying the contracts failed:\n${readFileSync(deployLog, 'utf8').slice(-4000)}`)
    const deployed = JSON.parse(readFileSync(deployment, 'utf8')) as { ticketNft: `0x${string}`; paymentProcessor: `0x${string}`; deploymentBlock: number }

    await proxy.up()

    const backendLog = join(dir, 'backend.log')
    writeFileSync(backendLog, '')
    const admins = [privateKeyToAccount(OPERATOR_KEY).address, privateKeyToAccount(TREASURY_KEY).address].join(',')
    children.push(
      run(java, ['-XX:TieredStopAtLevel=1', '-Xmx768m', '-jar', jar, '--spring.profiles.active=dev', `--server.port=${backendPort}`], {
        cwd: dir,
        log: backendLog,
        env: {
          ECHAIN_DEV_DATA_DIR: join(dir, 'postgres'),
          ECHAIN_DEV_DB_PORT: '0',
          ECHAIN_LOCAL_ANVIL: 'false',
          ECHAIN_RPC_URL: rpcUrl,
          ECHAIN_PUBLIC_RPC_URL: rpcUrl,
          ECHAIN_CHAIN_NAME: 'Anvil (local)',
          ECHAIN_CHAIN_ID: '31337',
          ECHAIN_TICKET_NFT: deployed.ticketNft,
          ECHAIN_PAYMENT_PROCESSOR: deployed.paymentProcessor,
          ECHAIN_DEPLOYMENT_BLOCK: String(deployed.deploymentBlock),
          ECHAIN_OPERATOR_KEY: OPERATOR_KEY,
          ECHAIN_ADMIN_ADDRESSES: admins,
          ECHAIN_RATE_SIGN_IN_PER_IP: '10000',
          ECHAIN_RATE_SIGN_IN_PER_USER: '10000',
          ECHAIN_RATE_WRITE_PER_IP: '10000',
          ECHAIN_RATE_WRITE_PER_USER: '10000',
          ECHAIN_INDEXER_POLL_INTERVAL: '300ms',
        },
      }),
    )
    const backend = children[children.length - 1]!
    await waitFor(
      'The backend',
      async () => {
        if (backend.exitCode !== null) throw new Error('exited')
        const response = await fetch(`${baseUrl}/api/chain`)
        return response.ok
      },
      150_000,
      backendLog,
    ).catch((e) => {
      if (backend.exitCode !== null) throw new Error(`The backend exited with ${backend.exitCode}:\n${readFileSync(backendLog, 'utf8').slice(-6000)}`)
      throw e
    })
    return { baseUrl, rpcUrl, anvilUrl, chainId: 31337, ticketNft: deployed.ticketNft, paymentProcessor: deployed.paymentProcessor, proxy, dir, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
