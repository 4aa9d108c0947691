// Docker's word rules for FROM, ARG, ENV, WORKDIR and COPY, in two steps because they happen at two
// times: a line is split into words when the Dockerfile is parsed, and each word is expanded when its
// instruction is replayed, with the ARG and ENV values in scope at that point. Splitting keeps quotes
// so that a value with spaces stays one word; expanding removes them, as Docker's shell lexer does.
// RUN and CMD are never expanded here: in the image their shell does it at run time.

export type Vars = Readonly<Record<string, string | undefined>>;

export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote === undefined && /\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      continue;
    }
    word = (word ?? '') + ch;
    if (ch === '\\' && quote !== "'" && i + 1 < text.length) {
      word += text[++i];
    } else if (ch === quote) {
      quote = undefined;
    } else if (quote === undefined && (ch === '"' || ch === "'")) {
      quote = ch;
    }
  }
  if (quote !== undefined) throw new Error(`unterminated ${quote} quote in: ${text}`);
  if (word !== undefined) words.push(word);
  return words;
}

// Quotes and backslashes are removed; $NAME, ${NAME}, ${NAME:-default}, ${NAME-default},
// ${NAME:+alternative}, ${NAME+alternative} and ${NAME:?message} are replaced (an unset name is empty),
// except inside single quotes. Inside double quotes a backslash escapes only ", $ and \ , as in Docker.
export function expandWord(raw: string, vars: Vars): string {
  let out = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else out += ch;
    } else if (ch === '\\') {
      const next = raw[i + 1];
      if (next === undefined) continue;
      if (quote === '"' && !['"', '$', '\\'].includes(next)) out += ch;
      out += next;
      i++;
    } else if (ch === '"' || (ch === "'" && quote === undefined)) {
      quote = quote === ch ? undefined : ch;
    } else if (ch === '$') {
      const { value, end } = expandDollar(raw, i, vars);
      out += value;
      i = end;
    } else {
      out += ch;
    }
  }
  return out;
}

// Expands the reference starting at raw[start] === '$'; returns its value and the index of its last
// character. A '$' not followed by a name or a brace is kept as is.
function expandDollar(raw: string, start: number, vars: Vars): { value: string; end: number } {
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(start + 1))?.[0];
  if (name !== undefined) return { value: vars[name] ?? '', end: start + name.length };
  if (raw[start + 1] !== '{') return { value: '$', end: start };

  const close = matchingBrace(raw, start + 1);
  const inner = raw.slice(start + 2, close);
  const parsed = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+?])([\s\S]*))?$/.exec(inner);
  if (!parsed) throw new Error(`unsupported variable reference \${${inner}}`);
  const [, ref = '', colon, operator, word = ''] = parsed;
  const value = vars[ref];
  // With a colon an empty value counts as unset, as in the shell.
  const isSet = colon ? value !== undefined && value !== '' : value !== undefined;
  switch (operator) {
    case '-':
      return { value: isSet ? (value as string) : expandWord(word, vars), end: close };
    case '+':
      return { value: isSet ? expandWord(word, vars) : '', end: close };
    case '?':
      if (!isSet) throw new Error(`${ref}: ${expandWord(word, vars) || 'is not set'}`);
      return { value: value as string, end: close };
    default:
      return { value: value ?? '', end: close };
  }
}

function matchingBrace(raw: string, open: number): number {
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    if (raw[i] === '{') depth++;
    else if (raw[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`missing '}' in: ${raw}`);
}
