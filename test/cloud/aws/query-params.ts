import { AwsError } from './aws-error';

/** How a service spells a list of filters in the query protocol. */
export interface FilterStyle {
  /** Prefix before the index: `Filter` (EC2), `Filters.Filter` (RDS), `Filters.member` (Auto Scaling). */
  list: string;
  /** Prefix of the values inside one filter: `Value`, `Values.Value`, `Values.member`. */
  values: string;
}

export const EC2_FILTERS: FilterStyle = { list: 'Filter', values: 'Value' };
export const RDS_FILTERS: FilterStyle = { list: 'Filters.Filter', values: 'Values.Value' };
export const ASG_FILTERS: FilterStyle = { list: 'Filters.member', values: 'Values.member' };

export interface QueryFilter {
  name: string;
  values: string[];
}

const NARROWING = [
  /^Filters?\./,
  /^InstanceId\./,
  /^SpotInstanceRequestId\./,
  /^DBInstanceIdentifier$/,
  /^DBClusterIdentifier$/,
  /^AutoScalingGroupNames\./,
];

/**
 * The flattened parameters of a query-protocol request (`InstanceId.1=…&Filter.1.Name=…`), with
 * helpers that read lists the way AWS numbers them (1-based, in index order).
 */
export class QueryParams {
  private readonly values = new Map<string, string>();

  constructor(...sources: string[]) {
    for (const source of sources) {
      for (const [key, value] of new URLSearchParams(source)) this.values.set(key, value);
    }
  }

  /**
   * The same request without what narrows a describe call: filters (`Filter.N…`, `Filters.…`) and
   * identifier or name lists (`InstanceId.N`, `DBInstanceIdentifier`, `AutoScalingGroupNames…`,
   * `SpotInstanceRequestId.N`): an endpoint that ignores them (the `ignoreFilters` fault).
   */
  withoutFilters(): QueryParams {
    const copy = new QueryParams();
    for (const [key, value] of this.values) {
      if (NARROWING.some((re) => re.test(key))) continue;
      copy.values.set(key, value);
    }
    return copy;
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** A required parameter; `missingCode` differs by service (EC2 `MissingParameter`, STS `ValidationError`). */
  require(name: string, missingCode = 'MissingParameter'): string {
    const value = this.values.get(name);
    if (value === undefined || value === '') {
      throw new AwsError(missingCode, `The request must contain the parameter ${name}`);
    }
    return value;
  }

  int(name: string): number | undefined {
    const raw = this.values.get(name);
    if (raw === undefined) return undefined;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed))
      throw new AwsError(
        'InvalidParameterValue',
        `Invalid value '${raw}' for ${name}: expected an integer`,
      );
    return parsed;
  }

  bool(name: string): boolean | undefined {
    const raw = this.values.get(name);
    if (raw === undefined) return undefined;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw new AwsError(
      'InvalidParameterValue',
      `Invalid value '${raw}' for ${name}: expected true or false`,
    );
  }

  /** Values of `prefix.1`, `prefix.2`, … in index order. */
  list(prefix: string): string[] {
    return this.indexes(prefix, false).map((i) => this.values.get(`${prefix}.${i}`) ?? '');
  }

  /** Filters in the service's spelling. */
  filters(style: FilterStyle): QueryFilter[] {
    return this.indexes(style.list, true).map((i) => ({
      name: this.values.get(`${style.list}.${i}.Name`) ?? '',
      values: this.list(`${style.list}.${i}.${style.values}`),
    }));
  }

  /** Tags given as `prefix.N.Key` / `prefix.N.Value` (RDS `Tags.Tag`, STS `Tags.member`). */
  tags(prefix: string): Array<{ key: string; value: string }> {
    return this.indexes(prefix, true).map((i) => ({
      key: this.values.get(`${prefix}.${i}.Key`) ?? '',
      value: this.values.get(`${prefix}.${i}.Value`) ?? '',
    }));
  }

  /** Sorted distinct indexes N of keys `prefix.N` (scalars) or `prefix.N.…` (structures). */
  private indexes(prefix: string, structured: boolean): number[] {
    const found = new Set<number>();
    const head = `${prefix}.`;
    for (const key of this.values.keys()) {
      if (!key.startsWith(head)) continue;
      const rest = key.slice(head.length);
      const dot = rest.indexOf('.');
      const indexText = structured ? (dot < 0 ? '' : rest.slice(0, dot)) : dot < 0 ? rest : '';
      if (/^[1-9]\d*$/.test(indexText)) found.add(Number(indexText));
    }
    return [...found].sort((a, b) => a - b);
  }
}
