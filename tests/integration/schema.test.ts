import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printLoadoutSchema } from '@loadout/server';
import { signIn, startTestServer, type TestServer } from './support/harness.js';

const committedPath = path.resolve(import.meta.dirname, '../../schema/schema.graphql');

/** Every type, field, argument, input field, enum value and custom directive without a description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (where: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    check(`@${directive.name}`, directive.description);
    for (const arg of directive.args) check(`@${directive.name}(${arg.name})`, arg.description);
  }
  return missing;
}

let t: TestServer;
let served: GraphQLSchema;

beforeAll(async () => {
  t = await startTestServer();
  const admin = await signIn(t.url, 'admin@loadout.demo');
  const response = await admin.request<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true }));
  if (response.errors) throw new Error(`introspection failed: ${JSON.stringify(response.errors)}`);
  served = buildClientSchema(response.data!);
});
afterAll(() => t?.stop());

describe('the GraphQL schema', () => {
  it('documents every type, field, argument and input field of the running server', () => {
    expect(Object.keys(served.getTypeMap()).length).toBeGreaterThan(15);
    expect(undocumented(served)).toEqual([]);
  });

  it('documents everything in the printed schema too', async () => {
    expect(undocumented(buildSchema(await printLoadoutSchema()))).toEqual([]);
  });

  it('the checker notices a missing description', () => {
    const schema = buildSchema('"""Q"""\ntype Query {\n  """ok"""\n  a(x: Int): Int\n  b: Int\n}\n');
    expect(undocumented(schema)).toEqual(['Query.a(x)', 'Query.b']);
  });

  it('printLoadoutSchema() equals the committed schema/schema.graphql', async () => {
    const committed = await readFile(committedPath, 'utf8');
    expect(await printLoadoutSchema()).toBe(committed);
  });

  it('the running server serves the committed schema', async () => {
    const committed = await readFile(committedPath, 'utf8');
    expect(`${printSchema(lexicographicSortSchema(served))}\n`).toBe(committed);
  });
});
