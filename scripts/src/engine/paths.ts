import { join } from 'node:path';

// Where the lab's container engine keeps everything: its own configuration, storage root, network
// definitions and API socket, so it never sees or touches the images, containers, networks or
// volumes of a Podman or Docker the machine already has. Outside the repository, since its storage
// holds gigabytes of image layers (copies of the source among them) that a search of the working tree
// should not wade through; one engine serves every clone on the machine, as the ports it publishes
// are the machine's too. Delete the folder to reclaim the space.
export const ENGINE_ROOT = '/var/lib/tracing-lab/engine';

export interface EnginePaths {
  root: string;
  // Images, containers' layers, volumes and the engine's database: kept between runs, as a cache.
  storage: string;
  // State that is only valid while this boot lasts: mounts, locks, the socket, the pid files.
  run: string;
  socket: string;
  networks: string;
  // Downloads the base images are built from (the Node and npm packages), kept between runs.
  downloads: string;
  logs: string;
  containersConf: string;
  storageConf: string;
  registriesConf: string;
}

export function enginePaths(root = ENGINE_ROOT): EnginePaths {
  const run = join(root, 'run');
  return {
    root,
    storage: join(root, 'storage'),
    run,
    socket: join(run, 'engine.sock'),
    networks: join(root, 'networks'),
    downloads: join(root, 'downloads'),
    logs: join(root, 'logs'),
    containersConf: join(root, 'containers.conf'),
    storageConf: join(root, 'storage.conf'),
    registriesConf: join(root, 'registries.conf'),
  };
}

// What makes `podman` use the lab's engine and nothing else.
export function podmanEnv(paths: EnginePaths): Record<string, string> {
  return {
    CONTAINERS_CONF: paths.containersConf,
    CONTAINERS_STORAGE_CONF: paths.storageConf,
    CONTAINERS_REGISTRIES_CONF: paths.registriesConf,
  };
}

// What makes the Compose CLI talk to the lab's engine through its Docker-compatible API. The classic
// builder: BuildKit would be started from an image on a registry, which this machine cannot reach.
export function dockerClientEnv(paths: EnginePaths): Record<string, string> {
  return { DOCKER_HOST: `unix://${paths.socket}`, DOCKER_BUILDKIT: '0' };
}
