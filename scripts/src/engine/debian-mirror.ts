import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The Debian mirrors this machine's apt uses, so the base images' root file system comes from the
// same place as the machine's own packages: one for the release and its updates, one for security.

export interface DebianMirrors {
  main: string;
  security: string;
}

const DEFAULT_MIRRORS: DebianMirrors = { main: 'http://deb.debian.org/debian', security: 'http://deb.debian.org/debian-security' };

// `sources`: the text of each apt sources file, one-line (`sources.list`) or deb822 (`*.sources`).
export function debianMirrors(sources: readonly { file: string; text: string }[], suite: string): DebianMirrors {
  const entries = sources.flatMap(({ file, text }) => (file.endsWith('.sources') ? deb822Entries(text) : oneLineEntries(text)));
  const serving = (wanted: string) => entries.find((entry) => entry.suites.includes(wanted))?.uri;
  return { main: serving(suite) ?? DEFAULT_MIRRORS.main, security: serving(`${suite}-security`) ?? DEFAULT_MIRRORS.security };
}

export function readAptSources(dir = '/etc/apt'): { file: string; text: string }[] {
  const files = [join(dir, 'sources.list')];
  const listDir = join(dir, 'sources.list.d');
  if (existsSync(listDir)) {
    for (const name of readdirSync(listDir).sort()) {
      if (name.endsWith('.list') || name.endsWith('.sources')) files.push(join(listDir, name));
    }
  }
  return files.filter((file) => existsSync(file)).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

interface Entry {
  uri: string;
  suites: string[];
}

function oneLineEntries(text: string): Entry[] {
  return text.split('\n').flatMap((line) => {
    // deb [options] uri suite components...
    const words = line.replace(/#.*/, '').replace(/\[[^\]]*\]/, '').trim().split(/\s+/);
    return words[0] === 'deb' && words[1] && words[2] ? [{ uri: words[1].replace(/\/$/, ''), suites: [words[2]] }] : [];
  });
}

function deb822Entries(text: string): Entry[] {
  return text.split(/\n\s*\n/).flatMap((stanza) => {
    const field = (name: string) =>
      stanza
        .split('\n')
        .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
        ?.slice(name.length + 1)
        .trim()
        .split(/\s+/) ?? [];
    const enabled = field('Enabled')[0]?.toLowerCase() !== 'no';
    const isDeb = field('Types').includes('deb');
    const [uri] = field('URIs');
    return enabled && isDeb && uri ? [{ uri: uri.replace(/\/$/, ''), suites: field('Suites') }] : [];
  });
}
