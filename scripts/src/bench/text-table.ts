// A plain-text table for a terminal or a README code block: a label column, one column per
// configuration, and an aim column. A row's values are either one per column or a single text that
// spans them all (the parts measured once, not per configuration).

export interface TableRow {
  label: string;
  values: readonly string[] | string;
  aim?: string;
}

export interface TableSection {
  title: string;
  rows: readonly TableRow[];
}

const GAP = '  ';
const INDENT = '  ';

export function renderTextTable(columns: readonly string[], sections: readonly TableSection[], aimHeading = 'aim'): string {
  const rows = sections.flatMap((s) => s.rows);
  const labelWidth = Math.max(...rows.map((r) => INDENT.length + r.label.length), 0);
  const widths = columns.map((heading, i) =>
    Math.max(heading.length, ...rows.map((r) => (typeof r.values === 'string' ? 0 : (r.values[i] ?? '').length))),
  );
  const spanned = Math.max(...rows.map((r) => (typeof r.values === 'string' ? r.values.length : 0)), 0);
  const valuesWidth = Math.max(widths.reduce((sum, w) => sum + w, 0) + GAP.length * (widths.length - 1), spanned);
  const hasAims = rows.some((r) => r.aim);

  const line = (label: string, values: string, aim = ''): string =>
    `${label.padEnd(labelWidth)}${GAP}${values.padEnd(valuesWidth)}${hasAims ? `${GAP}${aim}` : ''}`.trimEnd();
  const cells = (values: readonly string[]): string => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(GAP);

  const out = [line('', cells(columns), hasAims ? aimHeading : '')];
  for (const section of sections) {
    out.push(section.title);
    for (const row of section.rows) {
      out.push(line(`${INDENT}${row.label}`, typeof row.values === 'string' ? row.values : cells(row.values), row.aim));
    }
  }
  return `${out.join('\n')}\n`;
}
