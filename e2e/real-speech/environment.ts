import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A private audio and speech stack for the real-speech tests (docs/real-speech.md):
 * a PulseAudio server with one null sink, and speech-dispatcher with the espeak-ng module playing
 * into it, all under private HOME / XDG_* folders, so nothing is shared with the machine's own
 * sound server, speech daemon or other test runs. Chromium started with `env` and
 * `--enable-speech-dispatcher` lists espeak-ng's voices and speaks in real time into the sink;
 * `record()` captures the sink's monitor with parec.
 *
 * Both daemons run in the foreground as children of the test worker (their pids are known) and
 * `stop()` ends them by pid. A run that died before `stop()` is cleaned up by the next start.
 *
 * Environment variables:
 * - `REAL_SPEECH=off` skips the real-speech tests (the reason is printed); `REAL_SPEECH=required`
 *   (set by .ci/run) turns every reason to skip into a failure.
 * - `REAL_SPEECH_PATH` replaces PATH for finding the programs (e.g. `/nonexistent` simulates a
 *   machine without them).
 * - `REAL_SPEECH_KEEP=1` keeps the private folder (daemon logs) after the run.
 */

const PREFIX = 'tingdu-speech-';

export type RealSpeechMode = 'auto' | 'off' | 'required';

export function realSpeechMode(): RealSpeechMode {
  const value = (process.env.REAL_SPEECH ?? 'auto').trim().toLowerCase();
  if (value === 'off' || value === '0' || value === 'false') return 'off';
  if (value === 'required' || value === 'require') return 'required';
  return 'auto';
}

/** The programs and files the stack needs. */
interface Tools {
  pulseaudio: string;
  pactl: string;
  parec: string;
  speechDispatcher: string;
  espeakNg: string;
  /** speech-dispatcher's espeak-ng output module and its stock configuration. */
  moduleConf: string;
}

function findProgram(name: string, path: string): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Where Debian (and the upstream default) put speech-dispatcher's output modules. */
const MODULE_DIRS = ['/usr/lib/speech-dispatcher-modules', '/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules', '/usr/lib/aarch64-linux-gnu/speech-dispatcher-modules', '/usr/local/lib/speech-dispatcher-modules', '/usr/libexec/speech-dispatcher-modules'];
const MODULE_CONF = ['/etc/speech-dispatcher/modules/espeak-ng.conf', '/usr/local/etc/speech-dispatcher/modules/espeak-ng.conf'];

/**
 * The tools, or why the real-speech tests cannot run here (a sentence naming what is missing and
 * the Debian packages that provide it).
 */
export function findTools(): { tools: Tools } | { missing: string } {
  const path = process.env.REAL_SPEECH_PATH ?? process.env.PATH ?? '';
  const programs: Array<[keyof Tools, string, string]> = [
    ['pulseaudio', 'pulseaudio', 'pulseaudio'],
    ['pactl', 'pactl', 'pulseaudio-utils'],
    ['parec', 'parec', 'pulseaudio-utils'],
    ['speechDispatcher', 'speech-dispatcher', 'speech-dispatcher'],
    ['espeakNg', 'espeak-ng', 'espeak-ng'],
  ];
  const found: Partial<Tools> = {};
  const missing: string[] = [];
  const packages = new Set<string>();
  for (const [key, name, pkg] of programs) {
    const at = findProgram(name, path);
    if (at) found[key] = at;
    else {
      missing.push(name);
      packages.add(pkg);
    }
  }
  const hasModule = MODULE_DIRS.some((dir) => existsSync(join(dir, 'sd_espeak-ng')));
  const moduleConf = MODULE_CONF.find((file) => existsSync(file));
  if (!hasModule || !moduleConf) {
    missing.push("speech-dispatcher's espeak-ng module");
    packages.add('speech-dispatcher-espeak-ng');
  }
  if (missing.length > 0 || !moduleConf) {
    return { missing: `${missing.join(', ')} not found (Debian: apt-get install ${[...packages].join(' ')})` };
  }
  // espeak-ng without its Mandarin voice data would speak Chinese text as nothing useful.
  const voices = spawnSync(found.espeakNg!, ['--voices=cmn'], { encoding: 'utf8', timeout: 10_000 });
  if (voices.status !== 0 || !/\bcmn\b/.test(voices.stdout)) {
    return { missing: 'espeak-ng lists no Mandarin (cmn) voice (Debian: apt-get install espeak-ng-data)' };
  }
  return { tools: { ...(found as Omit<Tools, 'moduleConf'>), moduleConf } };
}

export interface SpeechEnvironment {
  /** The private folder: home/, runtime/, config/, cache/, logs/. */
  readonly root: string;
  /** What Chromium (and any client) needs: the private folders and the addresses of both daemons. */
  readonly env: Readonly<Record<string, string>>;
  /** The null sink everything plays into. */
  readonly sink: string;
  /** Starts recording the sink; resolves once audio (silence, at first) is flowing. */
  record(): Promise<Recording>;
  /** Ends both daemons (by pid) and anything else still running in the private environment. */
  stop(): Promise<void>;
}

/** A recording of the sink: 16-bit signed little-endian mono PCM. */
export interface Recording {
  readonly sampleRate: number;
  stop(): Promise<Buffer>;
}

const RECORD_RATE = 16_000;

/** The stack is on this machine but would not start: a failure, not a reason to skip. */
export class SpeechEnvironmentError extends Error {}

export async function startSpeechEnvironment(tools: Tools): Promise<SpeechEnvironment> {
  cleanUpAbandoned();
  const root = mkdtempSync(join(tmpdir(), PREFIX));
  writeFileSync(join(root, 'owner'), String(process.pid));
  const dirs = {
    home: join(root, 'home'),
    runtime: join(root, 'runtime'),
    config: join(root, 'config'),
    cache: join(root, 'cache'),
    logs: join(root, 'logs'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  chmodSync(dirs.runtime, 0o700);
  const speechdConfig = join(dirs.config, 'speech-dispatcher');
  mkdirSync(join(speechdConfig, 'modules'), { recursive: true });
  writeFileSync(
    join(speechdConfig, 'speechd.conf'),
    [
      'AudioOutputMethod "pulse"',
      'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
      'DefaultModule espeak-ng',
      // We start the daemon; no client may spawn another one behind our back.
      'DisableAutoSpawn',
      '',
    ].join('\n'),
  );
  copyFileSync(tools.moduleConf, join(speechdConfig, 'modules', 'espeak-ng.conf'));

  const sink = `tingdu_tts_${process.pid}`;
  const pulseSocket = join(dirs.runtime, 'pulse', 'native');
  const speechdSocket = join(dirs.runtime, 'speech-dispatcher', 'speechd.sock');
  const env: Record<string, string> = {
    HOME: dirs.home,
    XDG_RUNTIME_DIR: dirs.runtime,
    XDG_CONFIG_HOME: dirs.config,
    XDG_CACHE_HOME: dirs.cache,
    PULSE_SERVER: `unix:${pulseSocket}`,
    SPEECHD_ADDRESS: `unix_socket:${speechdSocket}`,
  };
  const childEnv = { ...process.env, ...env };
  const children: ChildProcess[] = [];
  const remember = (child: ChildProcess): void => {
    children.push(child);
    writeFileSync(join(root, 'pids'), children.map((c) => c.pid).join('\n'));
  };

  const stop = async (): Promise<void> => {
    // speech-dispatcher first (it is PulseAudio's client), then PulseAudio.
    for (const child of [...children].reverse()) await endProcess(child);
    for (const pid of processesIn(dirs.runtime)) {
      console.error(`[real-speech] process ${pid} (${commandOf(pid)}) was still running in the private environment: ending it`);
      await endPid(pid);
    }
    if (process.env.REAL_SPEECH_KEEP) console.error(`[real-speech] kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };

  try {
    // PulseAudio: not daemonised (we hold its pid); no default script (-n), so as root too it
    // loads only a null sink and the local socket. It warns about running as root and carries on.
    const pulse = spawnLogged(
      tools.pulseaudio,
      [
        '--daemonize=no',
        '-n',
        '--exit-idle-time=-1',
        '--disallow-exit',
        '--use-pid-file=no',
        '--log-target=stderr',
        `--load=module-null-sink sink_name=${sink} sink_properties=device.description=tingdu-real-speech`,
        `--load=module-native-protocol-unix auth-anonymous=1 socket=${pulseSocket}`,
      ],
      childEnv,
      join(dirs.logs, 'pulseaudio.log'),
    );
    remember(pulse);
    await waitFor('PulseAudio', pulse, join(dirs.logs, 'pulseaudio.log'), () => run(tools.pactl, ['info'], childEnv).ok);
    const setDefault = run(tools.pactl, ['set-default-sink', sink], childEnv);
    if (!setDefault.ok) throw new SpeechEnvironmentError(`pactl set-default-sink ${sink} failed: ${setDefault.output}`);

    // speech-dispatcher in the foreground (-s), never timing out (-t 0); it reads the private
    // speechd.conf from XDG_CONFIG_HOME and plays through PULSE_SERVER.
    const speechd = spawnLogged(tools.speechDispatcher, ['-s', '-t', '0', '-l', '2', '-L', dirs.logs], childEnv, join(dirs.logs, 'speech-dispatcher.out'));
    remember(speechd);
    await waitFor('speech-dispatcher', speechd, join(dirs.logs, 'speech-dispatcher.out'), () => existsSync(speechdSocket));
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    root,
    env,
    sink,
    stop,
    record: () => record(tools.parec, `${sink}.monitor`, childEnv),
  };
}

function spawnLogged(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  // Output to a file, not a pipe: a pipe nobody reads would fill up and block the daemon.
  const fd = openSync(log, 'a');
  try {
    const child = spawn(command, args, { env, stdio: ['ignore', fd, fd] });
    child.on('error', () => {
      // Reported by waitFor (the process is gone).
    });
    return child;
  } finally {
    closeSync(fd);
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { env, encoding: 'utf8', timeout: 10_000 });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim() };
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
}

async function waitFor(what: string, child: ChildProcess, log: string, ready: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited(child)) throw new SpeechEnvironmentError(`${what} exited during start-up (${child.exitCode ?? child.signalCode ?? 'not started'}):\n${tail(log)}`);
    if (ready()) return;
    if (Date.now() > deadline) throw new SpeechEnvironmentError(`${what} not ready after ${timeoutMs / 1000} s:\n${tail(log)}`);
    await sleep(100);
  }
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the child has exited. */
async function endProcess(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function endPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/**
 * Processes (other than this one) started in the private environment: their environment has our
 * XDG_RUNTIME_DIR. Found through /proc, so only on Linux; elsewhere none.
 */
function processesIn(runtimeDir: string): number[] {
  const marker = `XDG_RUNTIME_DIR=${runtimeDir}\0`;
  const found: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker)) found.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean).join(' ').slice(0, 120);
  } catch {
    return '?';
  }
}

/**
 * Private folders left by a run whose worker died before `stop()`: ends what still runs in them
 * and removes them. A folder whose owner is alive belongs to a run going on now (another port).
 */
function cleanUpAbandoned(): void {
  let entries: string[];
  try {
    entries = readdirSync(tmpdir()).filter((name) => name.startsWith(PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const root = join(tmpdir(), name);
    let owner = 0;
    try {
      owner = Number(readFileSync(join(root, 'owner'), 'utf8'));
    } catch {
      continue; // not one of ours, or being created
    }
    if (owner > 0 && alive(owner)) continue;
    const leftovers = processesIn(join(root, 'runtime'));
    for (const pid of leftovers) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    if (leftovers.length > 0) console.error(`[real-speech] ended ${leftovers.length} process(es) left by an earlier run in ${root}`);
    rmSync(root, { recursive: true, force: true });
  }
}

async function record(parec: string, source: string, env: NodeJS.ProcessEnv): Promise<Recording> {
  const child = spawn(parec, ['-d', source, '--raw', '--format=s16le', `--rate=${RECORD_RATE}`, '--channels=1', '--latency-msec=50'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  let errors = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (errors += text));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const flowing = new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    void closed.then(() => reject(new SpeechEnvironmentError(`parec ended before recording anything: ${errors.trim()}`)));
  });
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  try {
    await flowing;
  } finally {
    clearTimeout(timer);
  }
  return {
    sampleRate: RECORD_RATE,
    stop: async () => {
      if (!exited(child)) child.kill('SIGINT');
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await closed;
      clearTimeout(force);
      const pcm = Buffer.concat(chunks);
      return pcm.subarray(0, pcm.length - (pcm.length % 2));
    },
  };
}

/** Loudness of a recording: RMS and peak over all of it (full scale = 1), and how long it is loud. */
export interface LevelStats {
  seconds: number;
  rms: number;
  peak: number;
  /** Seconds of 20 ms windows whose RMS is above `threshold`. */
  loudSeconds: number;
  threshold: number;
}

export function levels(pcm: Buffer, sampleRate: number, threshold = 0.01): LevelStats {
  const samples = pcm.length / 2;
  const window = Math.round(sampleRate * 0.02);
  let sum = 0;
  let peak = 0;
  let loudWindows = 0;
  let windowSum = 0;
  let inWindow = 0;
  for (let i = 0; i < samples; i++) {
    const x = pcm.readInt16LE(i * 2) / 32768;
    sum += x * x;
    windowSum += x * x;
    peak = Math.max(peak, Math.abs(x));
    if (++inWindow === window) {
      if (Math.sqrt(windowSum / window) > threshold) loudWindows++;
      windowSum = 0;
      inWindow = 0;
    }
  }
  return {
    seconds: samples / sampleRate,
    rms: samples > 0 ? Math.sqrt(sum / samples) : 0,
    peak,
    loudSeconds: (loudWindows * window) / sampleRate,
    threshold,
  };
}

/** A WAV file around 16-bit mono PCM, to attach to the report and listen to. */
export function wav(pcm: Buffer, sampleRate: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}
