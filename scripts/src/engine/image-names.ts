// Image names as Docker reads them, for tagging the base images exactly as docker-compose.yml and the
// Dockerfile name them.

// `postgres:17` is Docker Hub's `docker.io/library/postgres:17`, `jaegertracing/jaeger:2.13.0` is
// `docker.io/jaegertracing/jaeger:2.13.0`; a name whose first part is a host stays as it is.
export function fullyQualified(image: string): string {
  const [first, ...rest] = image.split('/');
  if (rest.length && first && (first.includes('.') || first.includes(':') || first === 'localhost')) return image;
  return rest.length ? `docker.io/${image}` : `docker.io/library/${image}`;
}

// The repository without its tag: `docker.io/library/postgres:17` -> `postgres`.
export function repositoryOf(image: string): string {
  const withoutTag = image.replace(/:[^/:]+$/, '');
  return withoutTag.replace(/^docker\.io\//, '').replace(/^library\//, '');
}

// The images a Dockerfile's stages start FROM, with the global ARGs' defaults expanded; a stage built
// on an earlier stage is not an image.
export function dockerfileBaseImages(dockerfile: string): string[] {
  const lines = dockerfile.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((line) => line.trim());
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const images: string[] = [];
  let seenFrom = false;
  for (const line of lines) {
    const arg = /^ARG\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\S*))?/i.exec(line);
    if (arg && !seenFrom && arg[1]) args.set(arg[1], unquote(arg[2] ?? ''));
    const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!from?.[1]) continue;
    seenFrom = true;
    const image = from[1].replace(/\$\{([A-Za-z0-9_]+)\}|\$([A-Za-z0-9_]+)/g, (_, braced: string, bare: string) => args.get(braced ?? bare) ?? '');
    if (!stages.has(image.toLowerCase()) && !images.includes(image)) images.push(image);
    if (from[2]) stages.add(from[2].toLowerCase());
  }
  return images;
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, '$2');
}
