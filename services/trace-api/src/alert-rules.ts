import { readFileSync } from 'node:fs';
import type { AlertMetric } from '@tracing-lab/contracts';
import { parseDocument } from 'yaml';
import { z } from 'zod';

// The alert rules file (alert-rules.yaml), read once at start. A rule that cannot be evaluated as
// written stops the service with one line naming the rule and the field: an alert that silently
// never fires is worse than a service that does not start.
//
//   rules:
//     - name: backend-error-rate   # letters, digits, '.', '_', '-'; unique
//       service: backend           # the service name in Jaeger
//       metric: error_rate         # error_rate (0 to 1) or p95_ms, over the service's server spans
//       threshold: 0.05            # fires when the metric is over it
//       window: 60s                # the sliding window: ms, s, m or h, up to 24h
//       minSamples: 20             # optional, default 1: fewer spans in the window say nothing

export interface AlertRule {
  name: string;
  service: string;
  metric: AlertMetric;
  threshold: number;
  window: string;
  windowMs: number;
  minSamples: number;
}

export class AlertRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlertRulesError';
  }
}

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(\d+)(ms|s|m|h)$/;
const WINDOW_MS = { min: 1_000, max: 24 * 3_600_000 };
const DURATION_MESSAGE = 'must be a duration from 1s to 24h, such as 30s, 5m or 1h';
const RULE_FIELDS = ['name', 'service', 'metric', 'threshold', 'window', 'minSamples'];

export function durationMs(text: string): number | undefined {
  const match = DURATION.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : undefined;
}

const nonEmpty = z.string({ error: 'must be a non-empty string' }).trim().min(1, 'must be a non-empty string').max(200, 'must be at most 200 characters');

const rule = z
  .strictObject({
    name: nonEmpty.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "must be letters, digits, '.', '_' or '-'"),
    service: nonEmpty,
    metric: z.enum(['error_rate', 'p95_ms'], { error: "must be 'error_rate' or 'p95_ms'" }),
    threshold: z.number({ error: 'must be a number' }).min(0, 'must be 0 or more'),
    window: z.string({ error: DURATION_MESSAGE }).refine((text) => {
      const ms = durationMs(text);
      return ms !== undefined && ms >= WINDOW_MS.min && ms <= WINDOW_MS.max;
    }, DURATION_MESSAGE),
    minSamples: z.number({ error: 'must be a positive integer' }).int('must be a positive integer').min(1, 'must be a positive integer').default(1),
  })
  .superRefine((parsed, ctx) => {
    if (parsed.metric === 'error_rate' && parsed.threshold > 1) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'must be a fraction from 0 to 1 for error_rate (0.05 is 5%)' });
    }
  })
  .transform((parsed): AlertRule => ({ ...parsed, windowMs: durationMs(parsed.window) as number }));

const rulesFile = z.object({ rules: z.array(rule, { error: 'must be a list of rules' }) }, { error: "must be a YAML mapping with a 'rules' list" });

// `source` names the file in the error, the way the one line at start shows it.
export function parseAlertRules(text: string, source: string): AlertRule[] {
  const document = parseDocument(text);
  const yamlError = document.errors[0];
  // The parser's message continues with a snippet of the file over several lines; the first says it.
  if (yamlError) throw new AlertRulesError(`${source}: not valid YAML: ${yamlError.message.split('\n')[0]?.replace(/:$/, '')}`);
  const raw: unknown = document.toJS();
  const result = rulesFile.safeParse(raw);
  if (!result.success) {
    // A misspelt field also shows as the real one missing: the misspelling is what to report.
    const issues = result.error.issues;
    throw new AlertRulesError(`${source}: ${describeIssue(issues.find((issue) => issue.code === 'unrecognized_keys') ?? issues[0], raw)}`);
  }
  const seen = new Set<string>();
  for (const parsed of result.data.rules) {
    if (seen.has(parsed.name)) throw new AlertRulesError(`${source}: rule '${parsed.name}': 'name' is used by another rule too`);
    seen.add(parsed.name);
  }
  return result.data.rules;
}

export function loadAlertRules(path: string): AlertRule[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AlertRulesError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseAlertRules(text, path);
}

// `rule 'backend-error-rate': 'threshold' must be a number`: the rule by its name when it has a usable
// one, by its position otherwise.
function describeIssue(issue: z.core.$ZodIssue | undefined, raw: unknown): string {
  if (!issue) return 'is invalid';
  const [top, index, field] = issue.path;
  if (top === undefined) return issue.message;
  if (top !== 'rules' || typeof index !== 'number') return `'${issue.path.join('.')}' ${issue.message}`;
  const entry = (raw as { rules: unknown[] }).rules[index];
  const name = (entry as { name?: unknown } | null)?.name;
  const which = typeof name === 'string' && name.trim() && field !== 'name' ? `rule '${name.trim()}'` : `rule ${index + 1}`;
  if (issue.code === 'unrecognized_keys') return `${which}: '${issue.keys[0]}' is not a rule field (${RULE_FIELDS.join(', ')})`;
  if (field === undefined) return `${which} must be a mapping of ${RULE_FIELDS.join(', ')}`;
  return `${which}: '${String(field)}' ${issue.message}`;
}
