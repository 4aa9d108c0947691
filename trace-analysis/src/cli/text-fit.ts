// Text cut and padded to a number of terminal columns. Counted in code points: every character the
// CLI draws is one column wide, and names from the trace are cleaned of control characters first.

const ELLIPSIS = '…';

// Span and service names come from whoever sent the spans: a newline or an escape code in one would
// break the layout or restyle the terminal.
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export function columns(text: string): number {
  return [...text].length;
}

export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  return chars.slice(0, width - 1).join('') + ELLIPSIS;
}

export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncate(text, width);
  const padding = ' '.repeat(Math.max(0, width - columns(cut)));
  return align === 'left' ? cut + padding : padding + cut;
}

// Items laid out left to right, as many per line as fit; an item wider than a line is truncated.
export function flow(items: string[], width: number, separator = '  '): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items.map((text) => truncate(text, width))) {
    if (line === '') line = item;
    else if (columns(line) + columns(separator) + columns(item) <= width) line += separator + item;
    else {
      lines.push(line);
      line = item;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
