import { createServer, type AddressInfo, type Server, type Socket, connect } from 'node:net'

/** A free TCP port on 127.0.0.1 (tests never bind fixed ports). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * A TCP proxy in front of Anvil, so a test can make "the node" unreachable (connections refused) for the backend and
 * the wallet alike, and bring it back on the same port.
 */
export class TcpProxy {
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()

  constructor(
    readonly port: number,
    private readonly targetPort: number,
  ) {}

  async up(): Promise<void> {
    if (this.server) return
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1')
      this.sockets.add(client).add(upstream)
      const drop = () => {
        client.destroy()
        upstream.destroy()
        this.sockets.delete(client)
        this.sockets.delete(upstream)
      }
      client.on('error', drop).on('close', drop)
      upstream.on('error', drop).on('close', drop)
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.server = server
  }

  async down(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = null
    this.sockets.forEach((s) => s.destroy())
    this.sockets.clear()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
