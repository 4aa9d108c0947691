import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { debianMirrors, readAptSources } from './debian-mirror.js';
import { type EnginePaths, podmanEnv } from './paths.js';

// The image every stand-in builds on, as the official ones build on debian:bookworm-slim: Debian's
// minimal root file system from debootstrap, with the apt settings the slim image has (no
// documentation, no translations, no package cache kept). No registry is needed: only a Debian mirror.

export const DEBIAN_SUITE = 'bookworm';
export const DEBIAN_IMAGE = `docker.io/library/debian:${DEBIAN_SUITE}-slim`;

const SLIM_DPKG = `path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/man/*
`;

const SLIM_APT = `DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
Acquire::Languages "none";
APT::AutoRemove::SuggestsImportant "false";
`;

// The official image's PATH and command; `podman import` would give the image neither.
const IMAGE_CONFIG = ['ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'CMD ["bash"]'];

export function imageExists(paths: EnginePaths, image: string): boolean {
  return spawnSync('podman', ['image', 'exists', image], { env: { ...process.env, ...podmanEnv(paths) } }).status === 0;
}

export function ensureDebianBase(paths: EnginePaths, log: (line: string) => void): void {
  if (imageExists(paths, DEBIAN_IMAGE)) return;
  const mirrors = debianMirrors(readAptSources(), DEBIAN_SUITE);
  const started = performance.now();
  log(`${DEBIAN_IMAGE}: debootstrap ${DEBIAN_SUITE} from ${mirrors.main} (about a minute)`);
  mkdirSync(paths.downloads, { recursive: true });
  const scratch = mkdtempSync(join(paths.downloads, 'rootfs-'));
  try {
    const rootfs = join(scratch, 'rootfs');
    const logFile = join(paths.logs, 'debootstrap.log');
    const bootstrap = spawnSync('sh', ['-c', `debootstrap --variant=minbase ${DEBIAN_SUITE} "$1" "$2" > "$3" 2>&1`, 'sh', rootfs, mirrors.main, logFile]);
    if (bootstrap.status !== 0) throw new Error(`debootstrap failed (exit ${bootstrap.status}): see ${logFile}`);
    slim(rootfs, mirrors);
    const changes = IMAGE_CONFIG.flatMap((change) => ['--change', change]);
    const imported = spawnSync('sh', ['-c', 'rootfs="$1"; shift; tar -C "$rootfs" -c . | podman import "$@"', 'sh', rootfs, ...changes, '-', DEBIAN_IMAGE], {
      env: { ...process.env, ...podmanEnv(paths) },
      encoding: 'utf8',
    });
    if (imported.status !== 0) throw new Error(`podman import failed: ${imported.stderr.trim()}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  log(`${DEBIAN_IMAGE}: built in ${Math.round((performance.now() - started) / 1000)} s`);
}

function slim(rootfs: string, mirrors: { main: string; security: string }): void {
  writeFileSync(join(rootfs, 'etc/dpkg/dpkg.cfg.d/docker'), SLIM_DPKG);
  writeFileSync(join(rootfs, 'etc/apt/apt.conf.d/docker-slim'), SLIM_APT);
  // The slim image's sources: the release, its updates and its security updates.
  rmSync(join(rootfs, 'etc/apt/sources.list'), { force: true });
  writeFileSync(
    join(rootfs, 'etc/apt/sources.list.d/debian.sources'),
    `Types: deb\nURIs: ${mirrors.main}\nSuites: ${DEBIAN_SUITE} ${DEBIAN_SUITE}-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n` +
      `Types: deb\nURIs: ${mirrors.security}\nSuites: ${DEBIAN_SUITE}-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`,
  );
  // The machine's own, copied in by debootstrap; the engine gives each container its own.
  for (const file of ['etc/hostname', 'etc/resolv.conf']) rmSync(join(rootfs, file), { force: true });
  for (const dir of ['var/lib/apt/lists', 'var/cache/apt/archives', 'usr/share/doc', 'usr/share/man', 'usr/share/info']) {
    spawnSync('find', [join(rootfs, dir), '-mindepth', '1', '-type', 'f', '!', '-name', 'copyright', '!', '-name', 'lock', '-delete']);
  }
}
