// `npm run web`: the browser host. Serves the built renderer and the same host services as the
// desktop app, on 127.0.0.1, for machines without the Electron binary and for end-to-end tests.
import path from 'node:path';
import { webDataDir } from './host/files/dataDir';
import { createHost } from './host/services';
import { BRIDGE_KEY_PATTERN } from './host/web/access';
import { startWebHost } from './host/web/server';

function parsePort(argv: string[]): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : process.env.STATELAB_PORT;
  if (raw === undefined) return 5183;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${raw}".`);
    process.exit(2);
  }
  return port;
}

/**
 * STATELAB_BRIDGE_KEY is for tests and automation that must know the key before the host starts;
 * otherwise every launch mints its own and prints it in the address.
 */
function bridgeKeyFromEnv(): string | undefined {
  const key = process.env.STATELAB_BRIDGE_KEY;
  if (key === undefined || key === '') return undefined;
  if (!BRIDGE_KEY_PATTERN.test(key)) {
    console.error('STATELAB_BRIDGE_KEY must be 16 to 128 letters, digits, "-" or "_".');
    process.exit(2);
  }
  return key;
}

async function main(): Promise<void> {
  const appRoot = path.resolve(__dirname, '..', '..');
  const log = (message: string) => console.error(message);
  const bridgeKey = bridgeKeyFromEnv();
  const host = createHost({
    host: 'web',
    builtinPackDirs: [path.join(appRoot, 'lessons', 'stateless-vs-stateful')],
    dataDir: webDataDir(),
    log,
  });
  const web = await startWebHost({
    dispatch: host.dispatch,
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    port: parsePort(process.argv.slice(2)),
    log,
    ...(bridgeKey ? { bridgeKey } : {}),
  });
  console.log(`StateLab is running at ${web.url}  (Ctrl+C to stop)`);
  const stop = () => {
    host.dispose();
    void web.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`StateLab's browser host could not start: ${message}`);
  process.exit(1);
});
