// Reading the compiled network and the runtime state by number, under strict indexing (noUncheckedIndexedAccess).
// May not touch: anything but its arguments.
//
// The engine's one convention, in two halves:
//
// - On the per-packet path — walk.ts, flowTable.ts, addrTable.ts, rules.ts and decideSecurityGroup() in
//   securityGroups.ts, and nowhere else — a read by an index that is in range by construction is written
//   `list[index]!`: a resource's number that compile() handed out for that very list (an ECS's index, a route
//   table's, an endpoint's), a position inside a route region that lpm() stepped to from the region's own header, a
//   hash-table slot masked into the table, a code walk() itself made. The `!` is erased when TypeScript is
//   compiled, so the JavaScript that runs is the unchecked read it was before strict indexing: no check, no call.
//   A small accessor function was tried first and measured slower (`npm run bench -- engine`, ratio to the bare
//   loop, five interleaved runs each: (b) 15.4 % against 18.1 % for the plain read, the 2,001-resource design
//   8.8 % against 9.7 %): every call site grows the functions the optimiser inlines into walk(), and less of the
//   walk then fits in one optimised body.
// - Everywhere else (the compile steps, a trace's set-up and its words, the state's set-up, the linter), an index
//   that is not proven where it is read gets a real guard: `checked()` below, which throws a clear error, or a
//   branch of the caller's own.

/**
 * The element of a compiled list at an index not proven in range where it is read: a missing one throws, naming
 * what was looked for, instead of reading on with `undefined`.
 */
export function checked<T>(list: readonly T[], index: number, what: string): T {
  const item = list[index]
  if (item === undefined) throw new RangeError(`the compiled network has no ${what} numbered ${index}`)
  return item
}
