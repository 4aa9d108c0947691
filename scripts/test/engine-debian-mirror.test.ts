import { describe, expect, it } from 'vitest';
import { debianMirrors } from '../src/engine/debian-mirror.js';

// The base images' root file system comes from the mirror the machine's own apt uses.

const deb822 = `Types: deb
# http://snapshot.debian.org/archive/debian/20250520T000000Z
URIs: http://mirror.example/debian/
Suites: bookworm bookworm-updates
Components: main

Types: deb
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main
`;

describe('the Debian mirrors', () => {
  it('are read from a deb822 .sources file, the release and security each from its own entry', () => {
    expect(debianMirrors([{ file: '/etc/apt/sources.list.d/debian.sources', text: deb822 }], 'bookworm')).toEqual({
      main: 'http://mirror.example/debian',
      security: 'http://mirror.example/debian-security',
    });
  });

  it('are read from one-line entries, options and comments ignored', () => {
    const list = '# deb http://old.example/debian bookworm main\ndeb [arch=amd64] http://mirror.example/debian bookworm main\n';
    expect(debianMirrors([{ file: '/etc/apt/sources.list', text: list }], 'bookworm').main).toBe('http://mirror.example/debian');
  });

  it("are Debian's own when the machine's apt names none for the release", () => {
    const other = 'deb https://packages.example/apt stable main\n';
    expect(debianMirrors([{ file: '/etc/apt/sources.list', text: other }], 'bookworm')).toEqual({
      main: 'http://deb.debian.org/debian',
      security: 'http://deb.debian.org/debian-security',
    });
  });

  it('skip an entry that is switched off', () => {
    const disabled = 'Types: deb\nURIs: http://off.example/debian\nSuites: bookworm\nEnabled: no\n';
    expect(debianMirrors([{ file: 'x.sources', text: disabled }], 'bookworm').main).toBe('http://deb.debian.org/debian');
  });
});
