import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerfileBaseImages, fullyQualified, repositoryOf } from '../src/engine/image-names.js';

// The names the base images are tagged with: Docker Hub's, as Docker resolves a short name.

const repoRoot = join(__dirname, '../..');

// [name in docker-compose.yml or a Dockerfile, the name Docker resolves it to, its repository]
const rows: Array<[string, string, string]> = [
  ['postgres:17', 'docker.io/library/postgres:17', 'postgres'],
  ['rabbitmq:4.1-management', 'docker.io/library/rabbitmq:4.1-management', 'rabbitmq'],
  ['jaegertracing/jaeger:2.13.0', 'docker.io/jaegertracing/jaeger:2.13.0', 'jaegertracing/jaeger'],
  ['node:24.21.0-bookworm-slim', 'docker.io/library/node:24.21.0-bookworm-slim', 'node'],
  ['quay.io/prometheus/prometheus:v3.0.0', 'quay.io/prometheus/prometheus:v3.0.0', 'quay.io/prometheus/prometheus'],
  ['localhost:5000/lab/app:1', 'localhost:5000/lab/app:1', 'localhost:5000/lab/app'],
];

describe('image names', () => {
  it.each(rows)('%s is %s, repository %s', (name, qualified, repository) => {
    expect(fullyQualified(name)).toBe(qualified);
    expect(repositoryOf(qualified)).toBe(repository);
  });
});

describe("a Dockerfile's base images", () => {
  it('are the FROM images with the global ARG defaults expanded, without the stages built on stages', () => {
    const dockerfile = 'ARG V=1.2\nARG BASE="debian"\nFROM node:${V}-slim AS build\nFROM build AS test\nFROM $BASE:12 AS runtime\nFROM node:${V}-slim\n';
    expect(dockerfileBaseImages(dockerfile)).toEqual(['node:1.2-slim', 'debian:12']);
  });

  it("are the Node image, of the release setup installs natively, for the lab's Dockerfile", () => {
    const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    const version = /^ARG NODE_VERSION=(\S+)$/m.exec(dockerfile)?.[1];
    expect(dockerfileBaseImages(dockerfile)).toEqual([`node:${version}-bookworm-slim`]);
  });
});
