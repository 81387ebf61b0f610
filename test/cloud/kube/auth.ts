// Bearer-token authentication and "RBAC-lite": every token is a user allowed everything except
// what its deny rules name. Resources match as in RBAC: `deployments` does not cover
// `deployments/scale`, which must be named on its own, or as `*/scale`; `*` covers everything.
import { forbidden, unauthorized } from './status';

export interface DenyRule {
  /** `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, `deletecollection` or `*`. */
  verb: string;
  // `deployments`, `deployments/scale`, `nodepools`, `*/scale` or `*`.
  resource: string;
  /** Absent: every namespace and the cluster scope. */
  namespace?: string;
  name?: string;
  apiGroup?: string;
}

export interface TokenGrant {
  user: string;
  deny?: DenyRule[];
}

export interface RequestAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

function resourceMatches(rule: string, resource: string, subresource: string | undefined): boolean {
  if (rule === '*') return true;
  const full = subresource === undefined ? resource : `${resource}/${subresource}`;
  if (rule === full) return true;
  return subresource !== undefined && rule === `*/${subresource}`;
}

export function denies(rule: DenyRule, attrs: RequestAttributes): boolean {
  if (rule.verb !== '*' && rule.verb !== attrs.verb) return false;
  if (!resourceMatches(rule.resource, attrs.resource, attrs.subresource)) return false;
  if (rule.apiGroup !== undefined && rule.apiGroup !== '*' && rule.apiGroup !== attrs.group)
    return false;
  if (rule.namespace !== undefined && rule.namespace !== attrs.namespace) return false;
  return rule.name === undefined || rule.name === attrs.name;
}

export class TokenAuthority {
  private tokens = new Map<string, TokenGrant>();

  set(token: string, grant: TokenGrant): void {
    this.tokens.set(token, { user: grant.user, deny: [...(grant.deny ?? [])] });
  }

  replaceAll(tokens: Record<string, TokenGrant>): void {
    this.tokens = new Map();
    for (const [token, grant] of Object.entries(tokens)) this.set(token, grant);
  }

  all(): Record<string, TokenGrant> {
    return Object.fromEntries(this.tokens);
  }

  /** Resolves `Authorization: Bearer <token>`; anything else is 401, as with anonymous auth off. */
  authenticate(header: string | undefined): TokenGrant {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const grant = m?.[1] === undefined ? undefined : this.tokens.get(m[1]);
    if (grant === undefined) throw unauthorized();
    return grant;
  }

  authorize(grant: TokenGrant, attrs: RequestAttributes): void {
    if ((grant.deny ?? []).some((rule) => denies(rule, attrs)))
      throw forbidden({ user: grant.user, ...attrs });
  }
}
