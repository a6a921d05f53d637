/** What to select last after each field of the chain (Attendance → role, Official/Meeting → name). */
const LEAF_AFTER: Record<string, string> = { attendees: 'role', attendee: 'name', meetings: 'role', meeting: 'name' };
const CHAIN = ['attendees', 'attendee', 'meetings', 'meeting'];

/** A valid query nesting `levels` fields: node → attendees → attendee → meetings → meeting → attendees … → leaf. */
export function buildNestedQuery(levels: number): string {
  const fields = Array.from({ length: levels - 2 }, (_, i) => CHAIN[i % CHAIN.length] ?? 'attendees');
  let inner = LEAF_AFTER[fields.at(-1) ?? 'meeting'] ?? 'name';
  for (const field of fields.reverse()) inner = field === 'attendee' ? `attendee { ... on Official { ${inner} } }` : `${field} { ${inner} }`;
  return `{ node(id: "x") { ... on Meeting { ${inner} } } }`;
}
