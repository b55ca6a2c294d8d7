import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, type ASTNode, type ValidationContext, type ValidationRule } from 'graphql';

/** Query and transport limits, the same on HTTP and WebSocket. */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 30,
  maxCost: 20_000,
  maxTokens: 5_000,
  maxBodyBytes: 1_000_000,
  /** How deeply a request body or variables may nest (arrays and objects); deeper is refused before GraphQL. */
  maxJsonDepth: 64,
  maxWebSocketPayloadBytes: 1024 * 1024,
  maxSubscriptionsPerConnection: 25,
  connectionInitTimeoutMs: 5_000,
} as const;

/** Validation rules added to GraphQL's own, for both transports. */
export function limitRules(): ValidationRule[] {
  // Report (not throw) a breach, so it becomes a normal validation error on both transports.
  const common = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    maxDepthRule({ n: LIMITS.maxDepth, ignoreIntrospection: true, ...common }),
    maxAliasesRule({ n: LIMITS.maxAliases, ...common }),
    maxDirectivesRule(LIMITS.maxDirectives),
    costLimitRule({ maxCost: LIMITS.maxCost, ignoreIntrospection: true, ...common }),
  ] as ValidationRule[];
}

/** Whether `value` nests arrays/objects deeper than `max` levels; iterative, so any depth is safe to check. */
export function jsonDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * At most `max` directives per operation, counting every use: on fields, inline fragments, fragment
 * spreads, and inside a fragment each time it is spread. (graphql-armor's rule drops the directives
 * of a fragment spread it has seen before, so `...F @skip(if: false)` repeated got past it.)
 */
export function maxDirectivesRule(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragmentCounts = new Map<string, number>();
    const count = (node: ASTNode, visiting: Set<string>): number => {
      let total = 'directives' in node && node.directives ? node.directives.length : 0;
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const name = node.name.value;
        if (!fragmentCounts.has(name) && !visiting.has(name)) {
          const fragment = context.getFragment(name);
          // A cycle is reported by NoFragmentCyclesRule; here it only must not loop.
          visiting.add(name);
          fragmentCounts.set(name, fragment ? count(fragment, visiting) : 0);
          visiting.delete(name);
        }
        return total + (fragmentCounts.get(name) ?? 0);
      }
      if ('selectionSet' in node && node.selectionSet) for (const child of node.selectionSet.selections) total += count(child, visiting);
      return total;
    };
    return {
      OperationDefinition(operation) {
        const found = count(operation, new Set());
        if (found > max) context.reportError(new GraphQLError(`Syntax Error: Directives limit of ${max} exceeded, found ${found}.`, { nodes: [operation] }));
      },
    };
  };
}
