import net from 'node:net';

/**
 * A TCP proxy between the server and PostgreSQL, to take the database away the way a network does.
 * `cut()` drops every open connection and then accepts new ones without answering (a black hole:
 * clients see neither data nor a refusal and must time out); `restore()` forwards again.
 */
export class TcpProxy {
  private readonly pairs = new Set<[net.Socket, net.Socket | undefined]>();
  private up = true;

  private constructor(
    private readonly server: net.Server,
    private readonly target: { host: string; port: number },
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new TcpProxy(server, target);
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  /** `databaseUrl` with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  /** Open connections through the proxy (held black-holed ones included). */
  get connections(): number {
    return this.pairs.size;
  }

  cut(): void {
    this.up = false;
    for (const pair of [...this.pairs]) this.drop(pair);
  }

  restore(): void {
    this.up = true;
    // Connections accepted during the outage never got an answer; their clients gave up already.
    for (const pair of [...this.pairs]) if (!pair[1]) this.drop(pair);
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    const pair: [net.Socket, net.Socket | undefined] = [client, undefined];
    this.pairs.add(pair);
    client.on('error', () => this.drop(pair));
    client.on('close', () => this.drop(pair));
    if (!this.up) return;
    const upstream = net.connect(this.target);
    pair[1] = upstream;
    upstream.on('error', () => this.drop(pair));
    upstream.on('close', () => this.drop(pair));
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private drop(pair: [net.Socket, net.Socket | undefined]): void {
    if (!this.pairs.delete(pair)) return;
    pair[0].destroy();
    pair[1]?.destroy();
  }
}
