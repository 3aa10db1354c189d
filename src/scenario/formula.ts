// Worksheet formulas: + − × ÷, powers, parentheses, numbers, names and a few functions, parsed once and evaluated many times.

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'unary'; op: '-'; arg: Expr }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr }
  | { kind: 'call'; fn: 'sqrt' | 'round' | 'abs' | 'min' | 'max'; args: Expr[] };

const FUNCTIONS = ['sqrt', 'round', 'abs', 'min', 'max'] as const;

/** A formula that does not parse: the message says where. */
export class FormulaError extends Error {}

type Token = { type: 'num'; value: number } | { type: 'id'; value: string } | { type: 'op'; value: string };

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^(),]))/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    m = re.exec(text);
    if (!m || m[0].length === 0) {
      if (/^\s*$/.test(text.slice(at))) break;
      throw new FormulaError(`unexpected “${text.slice(at).trim()[0]}” at character ${at + 1} of “${text}”`);
    }
    if (m[1] !== undefined) tokens.push({ type: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ type: 'id', value: m[2] });
    else tokens.push({ type: 'op', value: m[3]! });
    at = re.lastIndex;
  }
  return tokens;
}

/** Parses a formula: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*; unary := '-' unary | power; power := primary ('^' unary)?. */
export function parseFormula(text: string): Expr {
  const tokens = tokenise(text);
  let i = 0;
  const peek = () => tokens[i];
  const expect = (op: string) => {
    const t = tokens[i++];
    if (!t || t.type !== 'op' || t.value !== op) throw new FormulaError(`expected “${op}” in “${text}”`);
  };
  const primary = (): Expr => {
    const t = tokens[i++];
    if (!t) throw new FormulaError(`“${text}” ends too soon`);
    if (t.type === 'num') return { kind: 'number', value: t.value };
    if (t.type === 'id') {
      const next = peek();
      if (next?.type === 'op' && next.value === '(') {
        if (!(FUNCTIONS as readonly string[]).includes(t.value)) throw new FormulaError(`unknown function “${t.value}” in “${text}” (known: ${FUNCTIONS.join(', ')})`);
        i++;
        const args: Expr[] = [sum()];
        while (peek()?.type === 'op' && peek()!.value === ',') {
          i++;
          args.push(sum());
        }
        expect(')');
        return { kind: 'call', fn: t.value as (typeof FUNCTIONS)[number], args };
      }
      return { kind: 'name', name: t.value };
    }
    if (t.value === '(') {
      const inner = sum();
      expect(')');
      return inner;
    }
    throw new FormulaError(`unexpected “${t.value}” in “${text}”`);
  };
  // Powers bind tighter than a leading minus, as in mathematics: -2^2 = -4.
  const power = (): Expr => {
    const base = primary();
    if (peek()?.type === 'op' && peek()!.value === '^') {
      i++;
      return { kind: 'binary', op: '^', left: base, right: unary() };
    }
    return base;
  };
  const unary = (): Expr => {
    if (peek()?.type === 'op' && peek()!.value === '-') {
      i++;
      return { kind: 'unary', op: '-', arg: unary() };
    }
    return power();
  };
  const product = (): Expr => {
    let left = unary();
    while (peek()?.type === 'op' && (peek()!.value === '*' || peek()!.value === '/')) {
      const op = tokens[i++]!.value as '*' | '/';
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  };
  const sum = (): Expr => {
    let left = product();
    while (peek()?.type === 'op' && (peek()!.value === '+' || peek()!.value === '-')) {
      const op = tokens[i++]!.value as '+' | '-';
      left = { kind: 'binary', op, left, right: product() };
    }
    return left;
  };
  const expr = sum();
  if (i < tokens.length) throw new FormulaError(`unexpected “${JSON.stringify(tokens[i]!.value)}” after a complete formula in “${text}”`);
  return expr;
}

/** Names a formula refers to. */
export function namesIn(e: Expr, out = new Set<string>()): Set<string> {
  if (e.kind === 'name') out.add(e.name);
  else if (e.kind === 'unary') namesIn(e.arg, out);
  else if (e.kind === 'binary') {
    namesIn(e.left, out);
    namesIn(e.right, out);
  } else if (e.kind === 'call') e.args.forEach((a) => namesIn(a, out));
  return out;
}

/** Evaluates a parsed formula with values for its names. `round` rounds half away from zero, like a spreadsheet. */
export function evaluate(e: Expr, env: Record<string, number>): number {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'name': {
      const v = env[e.name];
      if (v === undefined) throw new FormulaError(`“${e.name}” has no value`);
      return v;
    }
    case 'unary':
      return -evaluate(e.arg, env);
    case 'binary': {
      const a = evaluate(e.left, env);
      const b = evaluate(e.right, env);
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a ** b;
    }
    case 'call': {
      const args = e.args.map((a) => evaluate(a, env));
      switch (e.fn) {
        case 'sqrt':
          return Math.sqrt(args[0]!);
        case 'abs':
          return Math.abs(args[0]!);
        case 'min':
          return Math.min(...args);
        case 'max':
          return Math.max(...args);
        case 'round':
          return roundHalfAway(args[0]!, args[1] ?? 0);
      }
    }
  }
}

/** Rounds to `decimals` places, halves away from zero, correcting binary noise (2.675 → 2.68). */
export function roundHalfAway(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  const r = Math.round(scaled + 1e-9 * Math.max(1, scaled));
  return (Math.sign(x) * r) / f;
}
