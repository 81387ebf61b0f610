import { createRng, randomString, type Rng } from '../shared/rng';

/**
 * Identifier factory. Ids are drawn from their own seeded RNG so that they are the same on every
 * run and generating one never shifts the fault-injection draws.
 */
const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64ISH = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export interface IdFactory {
  instanceId(): string;
  reservationId(): string;
  dbResourceId(): string;
  clusterResourceId(): string;
  uuid(): string;
  hex(length: number): string;
  temporaryAccessKeyId(): string;
  secretAccessKey(): string;
  sessionToken(): string;
  roleId(): string;
  privateIp(): string;
}

export function createIdFactory(seed: number): IdFactory {
  const rng: Rng = createRng(seed);
  const hex = (length: number): string => randomString(rng, HEX, length);
  return {
    instanceId: () => `i-0${hex(16)}`,
    reservationId: () => `r-0${hex(16)}`,
    dbResourceId: () => `db-${randomString(rng, UPPER, 26)}`,
    clusterResourceId: () => `cluster-${randomString(rng, UPPER, 26)}`,
    uuid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'.charAt(Math.floor(rng() * 4))}${hex(3)}-${hex(12)}`,
    hex,
    temporaryAccessKeyId: () => `ASIA${randomString(rng, UPPER, 16)}`,
    secretAccessKey: () => randomString(rng, BASE64ISH, 40),
    sessionToken: () => `IQoJb3JpZ2luX2VtdWxhdG9y${randomString(rng, BASE64ISH, 180)}`,
    roleId: () => `AROA${randomString(rng, UPPER, 17)}`,
    privateIp: () => `10.0.${Math.floor(rng() * 256)}.${1 + Math.floor(rng() * 253)}`,
  };
}
