// endpointslices (discovery.k8s.io/v1): printEndpointSlice — NAME ADDRESSTYPE PORTS ENDPOINTS AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { optNum, optStr, recs, strs, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

const MAX = 3;

/** listWithMoreString: the first 3, ` + N more...`, or `<unset>` when there are none. */
function listWithMore(all: string[]): string {
  const text = all.slice(0, MAX).join(',');
  if (all.length > MAX) return `${text} + ${all.length - MAX} more...`;
  return text === '' ? '<unset>' : text;
}

function portText(port: Record<string, unknown>): string {
  const number = optNum(port.port);
  if (number !== undefined) return String(number);
  return optStr(port.name) ?? '*';
}

export const endpointSliceColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('AddressType', 'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.'),
    column('Ports', 'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.'),
    column('Endpoints', 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.'),
    ageColumn(),
  ],
  cells(slice, { now }) {
    const ports = recs(slice.ports).map(portText);
    const addresses = recs(slice.endpoints).flatMap((e) => strs(e.addresses));
    return [slice.metadata.name ?? '', str(slice.addressType), listWithMore(ports), listWithMore(addresses), age(slice, now)];
  },
};
