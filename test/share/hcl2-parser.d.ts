// hcl2-parser (GopherJS build of hcl2json) ships no usable types: the part the tests call.
declare module 'hcl2-parser' {
  /** [the HCL as JSON-like data (null on a syntax error), the error (null on success)] */
  function parseToObject(input: string): [Record<string, unknown> | null, unknown]
  const hcl: { parseToObject: typeof parseToObject }
  export default hcl
}
