import { useMemo } from 'react';

/** A datalist of the IANA zones this browser knows, for the time-zone inputs. */
export function TimeZoneList({ id }: { id: string }) {
  const zones = useMemo(
    () => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []),
    [],
  );
  return (
    <datalist id={id}>
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}
