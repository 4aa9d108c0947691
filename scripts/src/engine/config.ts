import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { EnginePaths } from './paths.js';

// The engine's own configuration files, read through CONTAINERS_CONF, CONTAINERS_STORAGE_CONF and
// CONTAINERS_REGISTRIES_CONF (paths.ts) in place of the machine's /etc/containers. Written on every
// start, so a change here reaches an engine configured by an earlier run.

// The sandbox these tests run in has no CAP_SYS_RESOURCE: a container asking for more open files or
// processes than the engine has fails with "setrlimit … Operation not permitted", so containers get
// what the engine itself has (hard limits here: nofile 20000, nproc 32768).
const ULIMITS = ['nofile=20000:20000', 'nproc=32768:32768'];

// Address ranges of the Compose project's networks, away from Podman's and Docker's defaults
// (10.88.0.0/16, 10.89.0.0/16, 172.17.0.0/16), so they cannot clash with a network the machine has.
const SUBNET_POOL = '10.218.0.0/16';

export function containersConf(paths: EnginePaths): string {
  return `[containers]
default_ulimits = ${tomlList(ULIMITS)}
# Neither journald nor systemd runs here.
log_driver = "k8s-file"

[engine]
# crun fails here with "cgroups in hybrid mode not supported".
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "${paths.run}/events.log"
tmp_dir = "${paths.run}/libpod"
static_dir = "${paths.storage}/libpod"
volume_path = "${paths.storage}/volumes"

[network]
network_backend = "netavark"
network_config_dir = "${paths.networks}"
default_subnet = "10.217.0.0/24"
default_subnet_pools = [{ "base" = "${SUBNET_POOL}", "size" = 24 }]
`;
}

export function storageConf(paths: EnginePaths): string {
  return `[storage]
driver = "overlay"
graphroot = "${paths.storage}"
runroot = "${paths.run}/storage"
`;
}

// Images are only ever built here: a name that is not in the storage must fail at once, never be
// fetched, so Docker Hub is blocked. Short names resolve to Docker Hub's, as Docker resolves them,
// which is how the base images are tagged (base-images.ts).
export function registriesConf(): string {
  return `unqualified-search-registries = ["docker.io"]
short-name-mode = "permissive"

[[registry]]
location = "docker.io"
blocked = true
`;
}

export function writeEngineConfig(paths: EnginePaths): void {
  for (const dir of [paths.root, paths.storage, paths.run, paths.networks, paths.downloads, paths.logs]) {
    mkdirSync(dir, { recursive: true });
  }
  writeIfChanged(paths.containersConf, containersConf(paths));
  writeIfChanged(paths.storageConf, storageConf(paths));
  writeIfChanged(paths.registriesConf, registriesConf());
}

function writeIfChanged(file: string, content: string): void {
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== content) writeFileSync(file, content);
}

function tomlList(items: string[]): string {
  return `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
}
