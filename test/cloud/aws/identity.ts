import { createHash } from 'node:crypto';
import { matchesGlob } from '../shared/glob';
import type { ParsedAwsSeed } from './seed-schema';
import type { RequestScope } from './request-scope';

/**
 * Who is calling. Access keys declared in the seed belong to their account; temporary keys minted
 * by AssumeRole belong to the role's account and carry the role's denies; other keys belong to the
 * default account unless the seed says to reject them. Permissions are deny lists of IAM actions
 * (`ec2:StopInstances`, `rds:*`) so tests can make exactly one call fail with AccessDenied.
 */
export interface Identity {
  accessKeyId: string;
  accountId: string;
  arn: string;
  userId: string;
  /** The key or role ARN runtime denies are attached to. */
  principals: string[];
}

export interface RoleDefinition {
  accountId: string;
  name: string;
  arn: string;
  roleId: string;
  deny: string[];
  trustedAccounts: string[];
  externalId?: string;
  maxSessionDuration: number;
}

export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
  role: RoleDefinition;
  sessionName: string;
}

export type ResolveResult =
  { ok: true; identity: Identity } | { ok: false; reason: 'unknown-key' | 'expired' | 'bad-token' };

interface UserEntry {
  accountId: string;
  name: string;
  deny: string[];
}

export class IdentityStore {
  private defaultAccountId = '123456789012';
  private acceptUnknownKeys = true;
  private users = new Map<string, UserEntry>();
  private roles = new Map<string, RoleDefinition>();
  private sessions = new Map<string, Session>();
  private runtimeDenies = new Map<string, string[]>();

  load(seed: ParsedAwsSeed, roleId: () => string): void {
    this.defaultAccountId = seed.accountId;
    this.acceptUnknownKeys = seed.acceptUnknownKeys;
    this.users = new Map();
    this.roles = new Map();
    this.sessions = new Map();
    this.runtimeDenies = new Map();
    for (const account of seed.accounts) {
      for (const user of account.users)
        this.users.set(user.accessKeyId, {
          accountId: account.id,
          name: user.name,
          deny: user.deny,
        });
      for (const role of account.roles) {
        const arn = `arn:aws:iam::${account.id}:role/${role.name}`;
        this.roles.set(arn, { ...role, accountId: account.id, arn, roleId: roleId() });
      }
    }
  }

  resolve(scope: RequestScope, now: number): ResolveResult {
    const key = scope.accessKeyId ?? 'anonymous';
    const session = this.sessions.get(key);
    if (session !== undefined) {
      // Temporary keys only work with their session token, as in AWS.
      if (scope.sessionToken !== session.sessionToken) return { ok: false, reason: 'bad-token' };
      if (now >= session.expiresAt) return { ok: false, reason: 'expired' };
      return { ok: true, identity: sessionIdentity(session) };
    }
    const user = this.users.get(key);
    if (user !== undefined) {
      return {
        ok: true,
        identity: {
          accessKeyId: key,
          accountId: user.accountId,
          arn: `arn:aws:iam::${user.accountId}:user/${user.name}`,
          userId: userIdFor(key),
          principals: [key],
        },
      };
    }
    if (key.startsWith('ASIA') || !this.acceptUnknownKeys)
      return { ok: false, reason: 'unknown-key' };
    return {
      ok: true,
      identity: {
        accessKeyId: key,
        accountId: this.defaultAccountId,
        arn: `arn:aws:iam::${this.defaultAccountId}:user/emulator`,
        userId: userIdFor(key),
        principals: [key],
      },
    };
  }

  isDenied(identity: Identity, iamAction: string): boolean {
    const patterns: string[] = [];
    for (const principal of identity.principals) {
      patterns.push(...(this.runtimeDenies.get(principal) ?? []));
      patterns.push(...(this.users.get(principal)?.deny ?? []));
      patterns.push(...(this.roles.get(principal)?.deny ?? []));
    }
    return patterns.some((pattern) => matchesGlob(pattern, iamAction));
  }

  /** Adds runtime denies for an access key id or a role ARN. */
  deny(principal: string, actions: string[]): void {
    this.runtimeDenies.set(principal, [...(this.runtimeDenies.get(principal) ?? []), ...actions]);
  }

  clearDenies(): void {
    this.runtimeDenies = new Map();
  }

  role(arn: string): RoleDefinition | undefined {
    return this.roles.get(arn);
  }

  addSession(session: Session): void {
    this.sessions.set(session.accessKeyId, session);
  }

  listSessions(): Session[] {
    return [...this.sessions.values()];
  }
}

function sessionIdentity(session: Session): Identity {
  const { role } = session;
  return {
    accessKeyId: session.accessKeyId,
    accountId: role.accountId,
    arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${session.sessionName}`,
    userId: `${role.roleId}:${session.sessionName}`,
    principals: [session.accessKeyId, role.arn],
  };
}

/** A stable IAM unique id (AIDA + 17 characters) derived from the key. */
function userIdFor(accessKeyId: string): string {
  const digest = createHash('sha256').update(accessKeyId).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let id = 'AIDA';
  for (let i = 0; i < 17; i += 1) id += alphabet.charAt((digest[i] ?? 0) % alphabet.length);
  return id;
}
