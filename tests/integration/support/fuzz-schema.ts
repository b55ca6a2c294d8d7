import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Random, valid GraphQL operations generated from a schema with fast-check: a root field, its
 * arguments as variables of the declared types (hostile strings, edge integers, real and random
 * ids, odd dates), and a random selection set within the depth limit.
 */

export type Root = 'query' | 'mutation' | 'subscription';

export interface FuzzOperation {
  root: Root;
  field: string;
  query: string;
  variables: Record<string, unknown>;
  /** Every string sent, so that an error echoing the input is not taken for a leak. */
  sentStrings: string[];
}

export interface FuzzOptions {
  /** Root fields never generated (they would end the fuzzing sessions, or reach outside the test). */
  exclude: ReadonlySet<string>;
  /** Ids that exist in the database, so resolvers get past "not found" now and then. */
  knownIds: readonly string[];
  /** The deepest selection generated (the server's limit is larger; this keeps answers small). */
  maxDepth: number;
}

type Gen = fc.GeneratorValue;

/** Strings an attacker would try: SQL, markup, control and astral characters, paths, huge. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  "'",
  '"',
  '\\',
  "' OR '1'='1",
  "'; DROP TABLE app_user; --",
  '1; SELECT pg_sleep(10) --',
  "admin@loadout.demo' --",
  '%',
  '_',
  '%%%_%',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${process.env}',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\u202e\u200b\ufeff',
  '😀👨‍👩‍👧‍👦',
  '\ud800',
  'Ω≈ç√∫',
  'null',
  'undefined',
  'NaN',
  '-1',
  '9'.repeat(40),
  '00000000-0000-0000-0000-000000000000',
  'Europe/Moscow',
  'Not/AZone',
  'en',
  'ru',
  'https://127.0.0.1:1/hook',
  'mailto:x@y',
  '+7 (999) 123-45-67',
  'engineer@loadout.demo',
];

const INT_EDGES = [0, 1, -1, 2, 7, 50, 100, 101, 500, 1000, 2 ** 31 - 1, -(2 ** 31), 2 ** 31 - 2];
const SAFE_INT_EDGES = [...INT_EDGES, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 40];

function pad(n: number, width: number) {
  return String(n).padStart(width, '0');
}

/** A calendar date: mostly near today (so reads hit real rows), sometimes extreme or impossible. */
function randomDate(g: Gen): string {
  const kind = g(fc.integer, { min: 0, max: 9 });
  if (kind === 0) return g(fc.constantFrom, '0001-01-01', '9999-12-31', '2024-02-29', '2023-02-29', '2025-13-01', '2025-00-10', '1970-01-01', '20250101', 'today', '2025-1-1');
  const base = Date.UTC(2026, 10, 22);
  const spread = kind === 1 ? 3_650 : 120;
  const day = new Date(base + g(fc.integer, { min: -spread, max: spread }) * 86_400_000);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1, 2)}-${pad(day.getUTCDate(), 2)}`;
}

function randomDateTime(g: Gen): string {
  if (g(fc.boolean)) return g(fc.constantFrom, '1970-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-11-22T10:00:00+14:00', 'yesterday', '2026-11-22');
  return new Date(Date.UTC(2026, 10, 22) + g(fc.integer, { min: -1e10, max: 1e10 })).toISOString();
}

function randomString(g: Gen, sent: string[]): string {
  const kind = g(fc.integer, { min: 0, max: 9 });
  let value: string;
  if (kind <= 3) value = g(fc.constantFrom, ...HOSTILE_STRINGS);
  else if (kind <= 5) value = g(fc.string, { maxLength: 40 });
  else if (kind <= 7) value = g(fc.string, { unit: 'binary', maxLength: 40 });
  else if (kind === 8) value = g(fc.string, { unit: 'grapheme', maxLength: 20 });
  else value = g(fc.constantFrom, 'x', 'é', '😀', "'", ' ').repeat(g(fc.constantFrom, 256, 4_096, 20_000));
  sent.push(value);
  return value;
}

function randomId(g: Gen, options: FuzzOptions, sent: string[]): string {
  const kind = g(fc.integer, { min: 0, max: 5 });
  if (kind <= 2 && options.knownIds.length > 0) return g(fc.constantFrom, ...options.knownIds);
  if (kind === 3) return g(fc.uuid);
  return randomString(g, sent);
}

function randomScalar(g: Gen, name: string, options: FuzzOptions, sent: string[]): unknown {
  switch (name) {
    case 'Int':
      return g(fc.boolean) ? g(fc.constantFrom, ...INT_EDGES) : g(fc.integer);
    case 'SafeInt':
      return g(fc.boolean) ? g(fc.constantFrom, ...SAFE_INT_EDGES) : g(fc.integer, { min: -10, max: 100_000 });
    case 'Float':
      return g(fc.double, { noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return g(fc.boolean);
    case 'ID':
      return randomId(g, options, sent);
    case 'Date':
      return randomDate(g);
    case 'DateTime':
      return randomDateTime(g);
    case 'JSON':
      return g(fc.jsonValue, { maxDepth: 3 });
    case 'String':
    default:
      return randomString(g, sent);
  }
}

/** A value of `type` — valid for its GraphQL type, anything for its business rules. */
export function randomInput(g: Gen, type: GraphQLInputType, options: FuzzOptions, sent: string[], depth = 0): unknown {
  if (isNonNullType(type)) return randomInput(g, type.ofType, options, sent, depth);
  // A nullable position gets null now and then.
  if (g(fc.integer, { min: 0, max: 7 }) === 0) return null;
  if (isListType(type)) {
    const length = g(fc.integer, { min: 0, max: depth > 2 ? 1 : 4 });
    return Array.from({ length }, () => randomInput(g, type.ofType as GraphQLInputType, options, sent, depth + 1));
  }
  if (isEnumType(type)) return g(fc.constantFrom, ...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (!required && g(fc.boolean)) continue;
      value[field.name] = randomInput(g, field.type, options, sent, depth + 1);
    }
    return value;
  }
  if (isScalarType(type)) return randomScalar(g, type.name, options, sent);
  return null;
}

interface Builder {
  g: Gen;
  schema: GraphQLSchema;
  options: FuzzOptions;
  declarations: string[];
  variables: Record<string, unknown>;
  sent: string[];
  aliases: number;
}

function argumentsOf(builder: Builder, args: readonly GraphQLArgument[]): string {
  const parts: string[] = [];
  for (const arg of args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && builder.g(fc.boolean)) continue;
    const name = `v${builder.declarations.length}`;
    builder.declarations.push(`$${name}: ${String(arg.type)}`);
    builder.variables[name] = randomInput(builder.g, arg.type, builder.options, builder.sent);
    parts.push(`${arg.name}: $${name}`);
  }
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

function selectionOf(builder: Builder, type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isObjectType(named) || isInterfaceType(named)) {
    const fields = Object.values(named.getFields()) as Array<GraphQLField<unknown, unknown>>;
    const leaves = fields.filter((field) => !isObjectType(getNamedType(field.type)) && !isInterfaceType(getNamedType(field.type)) && !isUnionType(getNamedType(field.type)));
    // Too deep: leaves only (there is always at least one, or __typename).
    const choices = depth >= builder.options.maxDepth ? leaves : fields;
    const count = builder.g(fc.integer, { min: 1, max: Math.min(4, Math.max(1, choices.length)) });
    const picked = choices.length > 0 ? builder.g(fc.shuffledSubarray, choices, { minLength: Math.min(count, choices.length), maxLength: Math.min(count, choices.length) }) : [];
    const parts = picked.map((field) => fieldOf(builder, field, depth + 1));
    if (parts.length === 0 || builder.g(fc.integer, { min: 0, max: 5 }) === 0) parts.push('__typename');
    if (isInterfaceType(named) && depth < builder.options.maxDepth) {
      for (const possible of builder.schema.getPossibleTypes(named)) {
        if (builder.g(fc.boolean)) parts.push(`... on ${possible.name} ${selectionOf(builder, possible, depth + 1)}`);
      }
    }
    return `{ ${parts.join(' ')} }`;
  }
  if (isUnionType(named)) {
    const parts = ['__typename'];
    for (const possible of named.getTypes()) {
      if (depth < builder.options.maxDepth && builder.g(fc.boolean)) parts.push(`... on ${possible.name} ${selectionOf(builder, possible, depth + 1)}`);
    }
    return `{ ${parts.join(' ')} }`;
  }
  return '';
}

function fieldOf(builder: Builder, field: GraphQLField<unknown, unknown>, depth: number): string {
  // A few aliases (the server allows 20), so the same field is sometimes asked twice.
  let alias = '';
  if (builder.aliases < 5 && builder.g(fc.integer, { min: 0, max: 9 }) === 0) alias = `a${builder.aliases++}: `;
  return `${alias}${field.name}${argumentsOf(builder, field.args)} ${selectionOf(builder, field.type, depth)}`.trim();
}

/** The fast-check arbitrary of one random operation on `schema`. */
export function operationArbitrary(schema: GraphQLSchema, roots: readonly Root[], options: FuzzOptions): fc.Arbitrary<FuzzOperation> {
  const rootTypes = roots
    .map((root) => ({ root, type: root === 'query' ? schema.getQueryType() : root === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType() }))
    .filter((entry): entry is { root: Root; type: GraphQLObjectType } => Boolean(entry.type));
  const candidates = rootTypes.flatMap(({ root, type }) =>
    Object.values(type.getFields())
      .filter((field) => !options.exclude.has(field.name))
      .map((field) => ({ root, field })),
  );
  return fc.gen().map((g) => {
    const { root, field } = g(fc.constantFrom, ...candidates);
    const builder: Builder = { g, schema, options, declarations: [], variables: {}, sent: [], aliases: 0 };
    const body = fieldOf(builder, field, 1);
    const signature = builder.declarations.length > 0 ? `(${builder.declarations.join(', ')})` : '';
    return { root, field: field.name, query: `${root} Fuzz${signature} { ${body} }`, variables: builder.variables, sentStrings: builder.sent };
  });
}
