/**
 * Ends a `switch` over a union so the compiler proves every member was handled: when a member
 * (an event kind, a message type) is added, each such switch stops compiling and lists itself.
 * At run time it is reached only by data that bypassed the types, which is a bug worth a throw.
 */
export function assertNever(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)?.slice(0, 80)}`);
}
