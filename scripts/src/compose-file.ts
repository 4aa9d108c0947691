import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// The parts of docker-compose.yml the native stack reads. Anchors and `<<` merge keys are resolved by
// the YAML parser, so what comes back is what Compose itself sees.
export interface ComposeService {
  image?: string;
  build?: { context?: string; args?: Record<string, string> };
  command?: string[];
  working_dir?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
  'x-go-module'?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

export function readComposeFile(path: string): ComposeFile {
  return parseCompose(readFileSync(path, 'utf8'));
}

export function parseCompose(text: string): ComposeFile {
  const parsed = parse(text, { merge: true }) as ComposeFile | null;
  if (!parsed?.services) throw new Error('docker-compose.yml has no services');
  return parsed;
}
