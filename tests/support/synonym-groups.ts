/** A few synonym groups of the domain, for the unit tests of the search's queries. */
export const GROUPS = [
  ['eip', 'elastic ip', 'floating ip'],
  ['not found', 'does not exist'],
  ['too many', 'exceeds', 'more than'],
  ['nic', 'network interface'],
  ['network', 'subnet'],
];
