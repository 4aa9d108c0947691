import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationMs, loadAlertRules, parseAlertRules } from '../src/alert-rules.js';

// The message parseAlertRules stops with, whole: it is the one line trace-api prints at start.
function errorOf(text: string): string {
  try {
    parseAlertRules(text, 'f.yaml');
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
}

// A valid rule r1, plus the extra field lines given.
const rule = (fields: string) => `rules:\n  - name: r1\n    service: backend\n    metric: error_rate\n    threshold: 0.1\n    window: 60s\n${fields}`;

describe('parseAlertRules', () => {
  it('reads the rules file the service ships with', () => {
    expect(loadAlertRules(join(__dirname, '../alert-rules.yaml'))).toEqual([
      { name: 'backend-error-rate', service: 'backend', metric: 'error_rate', threshold: 0.05, window: '60s', windowMs: 60_000, minSamples: 10 },
      { name: 'frontend-p95-latency', service: 'frontend', metric: 'p95_ms', threshold: 400, window: '60s', windowMs: 60_000, minSamples: 10 },
    ]);
  });

  it('takes minSamples as 1 when the rule leaves it out', () => {
    expect(parseAlertRules(rule(''), 'f.yaml')).toEqual([
      { name: 'r1', service: 'backend', metric: 'error_rate', threshold: 0.1, window: '60s', windowMs: 60_000, minSamples: 1 },
    ]);
  });

  it('accepts a file with no rules', () => {
    expect(parseAlertRules('rules: []\n', 'f.yaml')).toEqual([]);
  });

  it.each([
    ['1500ms', 1_500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['60', undefined],
    ['1.5s', undefined],
    ['5 m', undefined],
  ])('reads the window %s as %s ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it.each<[string, string, string]>([
    ['a threshold that is not a number', rule('').replace('0.1', '"high"'), "f.yaml: rule 'r1': 'threshold' must be a number"],
    ['a negative threshold', rule('').replace('0.1', '-1'), "f.yaml: rule 'r1': 'threshold' must be 0 or more"],
    ['an error rate in percent', rule('').replace('0.1', '5'), "f.yaml: rule 'r1': 'threshold' must be a fraction from 0 to 1 for error_rate (0.05 is 5%)"],
    ['an unknown metric', rule('').replace('error_rate', 'p99_ms'), "f.yaml: rule 'r1': 'metric' must be 'error_rate' or 'p95_ms'"],
    ['a window without a unit', rule('').replace('60s', '60'), "f.yaml: rule 'r1': 'window' must be a duration from 1s to 24h, such as 30s, 5m or 1h"],
    ['a window over a day', rule('').replace('60s', '25h'), "f.yaml: rule 'r1': 'window' must be a duration from 1s to 24h, such as 30s, 5m or 1h"],
    ['a window under a second', rule('').replace('60s', '500ms'), "f.yaml: rule 'r1': 'window' must be a duration from 1s to 24h, such as 30s, 5m or 1h"],
    ['minSamples 0', rule('    minSamples: 0\n'), "f.yaml: rule 'r1': 'minSamples' must be a positive integer"],
    ['a fractional minSamples', rule('    minSamples: 2.5\n'), "f.yaml: rule 'r1': 'minSamples' must be a positive integer"],
    ['no service', rule('').replace('    service: backend\n', ''), "f.yaml: rule 'r1': 'service' must be a non-empty string"],
    ['a misspelt field', rule('').replace('threshold:', 'treshold:'), "f.yaml: rule 'r1': 'treshold' is not a rule field (name, service, metric, threshold, window, minSamples)"],
    ['no name', rule('').replace('  - name: r1\n    service', '  - service'), "f.yaml: rule 1: 'name' must be a non-empty string"],
    ['a name with a space', rule('').replace('name: r1', 'name: my rule'), "f.yaml: rule 1: 'name' must be letters, digits, '.', '_' or '-'"],
    ['two rules of one name', `${rule('')}${rule('').replace('rules:\n', '')}`, "f.yaml: rule 'r1': 'name' is used by another rule too"],
    ['a rule that is not a mapping', 'rules:\n  - backend\n', 'f.yaml: rule 1 must be a mapping of name, service, metric, threshold, window, minSamples'],
    ['rules that are not a list', 'rules: backend\n', "f.yaml: 'rules' must be a list of rules"],
    ['an empty file', '', "f.yaml: must be a YAML mapping with a 'rules' list"],
    ['a YAML syntax error', 'rules:\n  - name: a\n    name: b\n', 'f.yaml: not valid YAML: Map keys must be unique at line 3, column 5'],
  ])('stops on %s with one line naming the rule and field', (_problem, text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('names the second rule by its position when its name is the problem', () => {
    const second = rule('').replace('rules:\n', '').replace('name: r1', 'name: ""');
    expect(errorOf(`${rule('')}${second}`)).toBe("f.yaml: rule 2: 'name' must be a non-empty string");
  });
});

describe('loadAlertRules', () => {
  it('says which file it could not read, and why', () => {
    expect(() => loadAlertRules('/nonexistent/alert-rules.yaml')).toThrow('/nonexistent/alert-rules.yaml: cannot be read (ENOENT)');
  });
});
