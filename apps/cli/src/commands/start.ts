import { enqueueTrainingForAll } from '@zemstvo/routing';
import { createPlatform, loadConfig, scheduleFileSweep } from '@zemstvo/server';
import { loadRealCityInBackground } from '@zemstvo/server/seed/real-city';
import { print } from '../run.ts';

/** Starts the server, the job worker, and stops both gracefully on SIGTERM/SIGINT. */
export async function startCommand(opts: { port?: string }): Promise<void> {
  const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
  const platform = await createPlatform(config);
  await platform.app.listen({ port: config.port, host: config.host });
  // Routing models: municipalities without one (demo data, an import) train now; all of them nightly.
  await enqueueTrainingForAll(platform.db, platform.services.clock, platform.log);
  // Stored files no row names (requests rolled back after writing them) are swept daily.
  await platform.db.transaction((tx) => scheduleFileSweep(tx, platform.services.clock));
  platform.worker.start();
  const addr = platform.app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  print(`Zemstvo is running at ${url}  (${platform.db.description})`);
  if (platform.demo?.logins.length)
    print(`Demo logins are listed on the start page; password: ${platform.demo.password}`);
  // The demo's real city (3,000 real appeals of St. Petersburg) loads once the server is ready.
  void loadRealCityInBackground(platform);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
