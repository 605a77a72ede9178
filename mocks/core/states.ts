import { MockProblem } from './problem';

/**
 * Pact provider states. A mock registers each state by its sentence with `{placeholders}`, e.g.
 * `a person with IIN {iin} has phone {phone} in MAB`; the sentence is compiled to a regex, so any synthetic IIN
 * or phone a pact names works. The Pact verifier posts `{ state, params, action: 'setup' | 'teardown' }` to
 * `/__admin/states` (pact-core sets teardown and body on), once per state of an interaction before it and again
 * after it; setup and teardown get the values captured from the sentence, and the pact's `params`.
 */

/** Values captured by the sentence's placeholders, by name. */
export type StateValues = Readonly<Record<string, string>>;

/** A state's setup and optional teardown; `params` are the pact's own provider-state params (V3+). */
export interface StateHandler {
  readonly setup: (values: StateValues, params: Readonly<Record<string, unknown>>) => unknown;
  readonly teardown?: (values: StateValues, params: Readonly<Record<string, unknown>>) => unknown;
}

/** How a state is registered. */
export interface StateDefinition extends StateHandler {
  /** The sentence, with `{name}` placeholders. */
  readonly sentence: string;
  /** Regex source per placeholder (default `.+?`), e.g. `{ iin: '\\d{12}' }`. */
  readonly patterns?: Readonly<Record<string, string>>;
}

/** A state change as the Pact verifier posts it. */
export interface StateChange {
  readonly state: string;
  readonly params?: Record<string, unknown>;
  readonly action?: 'setup' | 'teardown';
}

interface Compiled {
  readonly definition: StateDefinition;
  readonly regex: RegExp;
  readonly names: readonly string[];
}

function compile(def: StateDefinition): Compiled {
  const names: string[] = [];
  let source = '^';
  for (const part of def.sentence.split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/)) {
    const m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(part);
    if (m) {
      names.push(m[1]!);
      source += `(${def.patterns?.[m[1]!] ?? '.+?'})`;
    } else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return { definition: def, regex: new RegExp(`${source}$`), names };
}

/** A state change as it was applied (kept for `GET /__admin/states`, to see what a verifier asked for). */
export interface AppliedStateChange {
  readonly state: string;
  readonly action: 'setup' | 'teardown';
  readonly values: StateValues;
  readonly params: Readonly<Record<string, unknown>>;
}

const HISTORY = 200;

/** The provider states of one mock. */
export class ProviderStates {
  private readonly compiled: Compiled[] = [];
  private history: AppliedStateChange[] = [];

  /** Registers a state; returns `this` for chaining. */
  register(definition: StateDefinition): this {
    this.compiled.push(compile(definition));
    return this;
  }

  /** The registered sentences, with their placeholders. */
  sentences(): string[] {
    return this.compiled.map((c) => c.definition.sentence);
  }

  /** The last 200 state changes applied, oldest first. */
  recent(): AppliedStateChange[] {
    return [...this.history];
  }

  /** Forgets the history of applied changes. */
  clearHistory(): void {
    this.history = [];
  }

  /**
   * Runs the setup or teardown of a state change; returns the params it ran with.
   * @throws MockProblem 400 for a malformed change or an unknown state (listing the known ones).
   */
  async apply(input: unknown): Promise<{ state: string; action: 'setup' | 'teardown'; values: StateValues }> {
    const change = parseStateChange(input);
    const action = change.action ?? 'setup';
    for (const c of this.compiled) {
      const m = c.regex.exec(change.state);
      if (!m) continue;
      const values: Record<string, string> = {};
      c.names.forEach((name, i) => (values[name] = m[i + 1] ?? ''));
      const params = change.params ?? {};
      if (action === 'setup') await c.definition.setup(values, params);
      else await c.definition.teardown?.(values, params);
      this.history.push({ state: change.state, action, values, params });
      if (this.history.length > HISTORY) this.history.shift();
      return { state: change.state, action, values };
    }
    throw new MockProblem(400, {
      code: 'UNKNOWN_PROVIDER_STATE',
      title: 'Unknown provider state',
      detail: `Unknown provider state. Known states: ${this.sentences().join(' | ')}`,
      errors: [{ path: 'body/state', message: `must match one of: ${this.sentences().join(' | ')}` }],
    });
  }
}

function parseStateChange(input: unknown): StateChange {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw MockProblem.validation([
      { path: 'body', message: 'must be an object { state, params?, action? }' },
    ]);
  }
  const o = input as Record<string, unknown>;
  const errors = [];
  if (typeof o.state !== 'string' || o.state.length === 0)
    errors.push({ path: 'body/state', message: 'must be a non-empty string' });
  if (o.action !== undefined && o.action !== 'setup' && o.action !== 'teardown') {
    errors.push({ path: 'body/action', message: 'must be setup or teardown' });
  }
  if (
    o.params !== undefined &&
    o.params !== null &&
    (typeof o.params !== 'object' || Array.isArray(o.params))
  ) {
    errors.push({ path: 'body/params', message: 'must be an object' });
  }
  if (errors.length > 0) throw MockProblem.validation(errors);
  return {
    state: o.state as string,
    ...(o.params ? { params: o.params as Record<string, unknown> } : {}),
    ...(o.action ? { action: o.action as 'setup' | 'teardown' } : {}),
  };
}
