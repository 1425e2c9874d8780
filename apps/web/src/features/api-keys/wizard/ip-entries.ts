import { parseIpEntry } from '@keyward/domain';

/**
 * One entry of an IP list, checked on its own with the domain's rule (the server's: private
 * ranges only when KEYWARD_ALLOW_PRIVATE_IPS is set): what is wrong with it, in plain words, or null.
 */
export function ipEntryProblem(entry: string, allowPrivateIps: boolean): string | null {
  const result = parseIpEntry(entry, { allowPrivate: allowPrivateIps });
  if (result.ok) return null;
  switch (result.reason) {
    case 'SPACES':
      return 'Remove the spaces.';
    case 'HOST_BITS_SET': {
      const network = /did you mean "([^"]+)"/.exec(result.message)?.[1];
      return network ? `Not the start of a range: did you mean ${network}?` : 'Not the start of a range.';
    }
    case 'NON_PUBLIC':
      // "Overlaps 10.0.0.0/8 (private network); private and reserved ranges can't be used for API keys."
      return capitalize(result.message.replace(/^"[^"]*"\s*/, ''));
    default:
      return 'Not an IPv4 or IPv6 address or CIDR range.';
  }
}

/** The list's own message when some entries are wrong (each one is marked and described on its chip). */
export function ipListSummary(wrong: number): string {
  return wrong === 1
    ? '1 entry is not valid: fix or remove it (it is marked below).'
    : `${wrong} entries are not valid: fix or remove them (they are marked below).`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
