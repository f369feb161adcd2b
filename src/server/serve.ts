/**
 * Serves the app on a local port until the process is told to stop. Binds to 127.0.0.1 unless told
 * otherwise: the ledger may hold unpublished work, so exposing it is a choice, not a default.
 */
import { serve as honoServe, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Ledger } from '../store/ledger.ts';
import { createApp } from './app.ts';

export type Serving = { url: string; close(): Promise<void> };

export async function startServer(opts: { ledger: Ledger; port?: number; host?: string; writeToken?: string }): Promise<Serving> {
  const app = createApp({ ledger: opts.ledger, writeToken: opts.writeToken });
  const host = opts.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = honoServe({ fetch: app.fetch, port: opts.port ?? 8080, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // keep-alive connections from a browser would otherwise hold the process open
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
