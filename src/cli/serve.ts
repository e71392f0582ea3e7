import { loadConfig } from '../config.ts';
import { startServer } from '../server.ts';
import type { CliIo } from './io.ts';

export async function run(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help')) {
    io.stdout.write(
      'usage: kizuna serve\n  PORT, HOST, DATABASE_URL (file:PATH or postgres://…), LOG_LEVEL, TRUST_PROXY choose how it runs.\n',
    );
    return 0;
  }
  const config = loadConfig(io.env);
  let webDist: string | null = null;
  if (!config.KIZUNA_NO_WEB) {
    const { ensureWebBuilt } = await import('../../web/build.ts');
    webDist = await ensureWebBuilt({ log: (msg) => io.stderr.write(`${msg}\n`) });
  }
  const server = await startServer(config, { webDist });
  io.stderr.write(`Kizuna is running at ${server.url}\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Stay alive: the HTTP server keeps the event loop busy.
  return new Promise<number>(() => {});
}
