/**
 * A tiny XML writer for AWS query-protocol responses. Elements whose content is undefined are left
 * out, as AWS leaves out absent members; dates are written as ISO 8601, which every SDK parses.
 */
export type XmlScalar = string | number | boolean | Date;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

export function scalarText(value: XmlScalar): string {
  if (value instanceof Date) return value.toISOString();
  return escapeXml(String(value));
}

/** `<tag>value</tag>`, or nothing when value is undefined or null. */
export function leaf(tag: string, value: XmlScalar | undefined | null): string {
  if (value === undefined || value === null) return '';
  return `<${tag}>${scalarText(value)}</${tag}>`;
}

/** `<tag>children…</tag>` from already-rendered children; undefined children are skipped. */
export function xml(tag: string, ...children: Array<string | undefined>): string {
  return `<${tag}>${children.filter((c) => c !== undefined).join('')}</${tag}>`;
}

/** A list rendered as `<wrapper><member>…</member>…</wrapper>`; an empty list still renders the wrapper. */
export function list<T>(
  wrapper: string,
  member: string,
  items: readonly T[],
  render: (item: T) => string,
): string {
  return `<${wrapper}>${items.map((item) => `<${member}>${render(item)}</${member}>`).join('')}</${wrapper}>`;
}

/** A list of scalars, e.g. `<AvailabilityZones><member>us-east-1a</member></AvailabilityZones>`. */
export function scalarList(wrapper: string, member: string, items: readonly XmlScalar[]): string {
  return list(wrapper, member, items, scalarText);
}

/** EC2's envelope: `<ActionResponse xmlns><requestId/>…</ActionResponse>`. */
export function ec2Envelope(action: string, requestId: string, body: string): string {
  const ns = 'http://ec2.amazonaws.com/doc/2016-11-15/';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${ns}">${leaf('requestId', requestId)}${body}</${action}Response>`;
}

/** The awsQuery envelope (RDS, Auto Scaling, STS); `result` undefined for actions with no output. */
export function queryEnvelope(
  action: string,
  namespace: string,
  requestId: string,
  result: string | undefined,
): string {
  const resultXml = result === undefined ? '' : `<${action}Result>${result}</${action}Result>`;
  return `<${action}Response xmlns="${namespace}">${resultXml}<ResponseMetadata>${leaf('RequestId', requestId)}</ResponseMetadata></${action}Response>`;
}
