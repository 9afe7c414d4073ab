/**
 * The load generator, in its own process so that on PGlite (in the server's process) the client's
 * work does not count against the server: keep-alive HTTP/1.1, `concurrency` requests in flight.
 * Receives a LoadPlan over IPC, answers with a LoadResult.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadPlan {
  base: string;
  concurrency: number;
  requests: PlannedRequest[];
}

export interface LoadResult {
  /** Milliseconds per request, in plan order. */
  latencies: number[];
  statuses: Record<string, number>;
  wallMs: number;
  /** The first unexpected answer, for the report. */
  firstError: string | null;
}

function send(agent: http.Agent, base: URL, r: PlannedRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: base.hostname, port: base.port, method: r.method, path: r.path, headers: r.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const base = new URL(plan.base);
  const latencies = new Array<number>(plan.requests.length).fill(0);
  const statuses: Record<string, number> = {};
  let firstError: string | null = null;
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      const r = plan.requests[i];
      if (!r) return;
      const t = performance.now();
      const res = await send(agent, base, r);
      latencies[i] = performance.now() - t;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 300 && !firstError)
        firstError = `${res.status} ${r.method} ${r.path}: ${res.body.slice(0, 300)}`;
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  const wallMs = performance.now() - t0;
  agent.destroy();
  return { latencies, statuses, wallMs, firstError };
}

if (process.send) {
  process.on('message', (plan: LoadPlan) => {
    runLoad(plan).then(
      (result) => process.send!(result, () => process.exit(0)),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
}
