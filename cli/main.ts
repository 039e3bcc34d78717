// gwlb-studio command line: each command is a module in this folder exporting run(args): exit code.
// npm run cli -- <command> [args]; where a command takes a design, a Terraform folder, .tf, state or plan also works
import { printError } from './terminal'

const COMMANDS: Record<string, string> = {
  trace: 'trace a packet through a design',
  lint: 'list the problems of a design',
  simulate: 'run a scenario in simulated time',
  export: 'export Terraform, API calls, SVG or PNG; an activity as a SCORM 1.2 or cmi5 package',
  import: 'import Terraform configuration, state or plan, or aliyun CLI output, as a design',
  verify: 'check intents over every flow of a design (exit 1 when one is violated)',
  diff: 'the difference between two designs: resources and the flows whose outcome changed',
  grade: "grade a student's design against an activity's goals (exit 1 when it does not pass)",
  plan: 'check a change plan step by step: windows of black holes, uninspected or asymmetric traffic',
}

function usage(): string {
  return [
    'usage: npm run cli -- <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(10)} ${d}`),
  ].join('\n')
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h') {
    console.log(usage())
    return command ? 0 : 2
  }
  if (!(command in COMMANDS)) {
    printError(`unknown command "${command}"\n\n${usage()}`)
    return 2
  }
  let mod: { run(args: string[]): Promise<number> | number }
  try {
    mod = await import(`./${command}.ts`)
  } catch {
    console.error(`command "${command}" is not available in this build`)
    return 2
  }
  return mod.run(rest)
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    printError(String(e instanceof Error ? e.stack : e))
    process.exit(2)
  },
)
