import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Child processes of the local stack. Each runs in its own process group, so stopping it also
 * stops whatever it started (webpack workers, Java).
 */
export class ProcessGroup {
  private readonly children: { name: string; child: ChildProcess }[] = [];

  start(name: string, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
    this.children.push({ name, child });
    return child;
  }

  adopt(name: string, child: ChildProcess): void {
    this.children.push({ name, child });
  }

  /** Sends SIGINT, then SIGKILL after `graceMs` to anything still running. */
  async stopAll(graceMs = 4000): Promise<void> {
    const running = this.children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
    await Promise.all(
      running.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              signal(child, 'SIGKILL');
              resolve();
            }, graceMs);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            signal(child, 'SIGINT');
          }),
      ),
    );
  }
}

function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    try {
      child.kill(sig);
    } catch {
      // already gone
    }
  }
}

/** Java 17+ must be on PATH for DynamoDB Local; returns a one-line problem or null. */
export function javaProblem(): string | null {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error)
    return 'Java was not found: DynamoDB Local needs Java 17 or newer (Debian: apt-get install -y openjdk-17-jre-headless).';
  const match = /version "(\d+)/.exec(out.stderr + out.stdout);
  const major = Number(match?.[1] ?? 0);
  if (major < 17)
    return `Java ${major || '(unknown)'} found: DynamoDB Local needs Java 17 or newer (Debian: apt-get install -y openjdk-17-jre-headless).`;
  return null;
}

/** Prefixes each line a child prints with its name. */
export function pipeWithPrefix(child: ChildProcess, name: string, filter?: (line: string) => boolean): void {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', (data: Buffer) => {
      const lines = (rest + data.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim() && (!filter || filter(line))) console.log(`[${name}] ${line}`);
    });
  }
}
