// What the engine worker reported: whether the design loaded, how many of each kind, and its problems.
import { RESOURCE_KINDS } from '../model'
import { useReport } from '../store/context'

const KIND_NAMES: Record<string, string> = {
  vpc: 'VPC',
  vswitch: 'vSwitch',
  routeTable: 'route table',
  ipv4Gateway: 'IPv4 gateway',
  ecs: 'ECS',
  appliance: 'appliance',
  securityGroup: 'security group',
  gwlb: 'GWLB',
  endpointService: 'endpoint service',
  gwlbEndpoint: 'GWLB endpoint',
  internetHost: 'internet host',
  routeTargetGroup: 'route target group',
}

export function ReportPanel() {
  const report = useReport((s) => s.report)
  const failure = useReport((s) => s.failure)
  return (
    <section data-testid="report-panel" aria-label="Engine report" className="p-3 text-xs">
      <h2 className="text-sm font-semibold text-slate-900">Engine</h2>
      {failure && <p className="mt-1 text-red-700">The engine worker failed: {failure}</p>}
      {!report && !failure && <p className="mt-1 text-slate-500">Waiting for the engine…</p>}
      {report && !report.loaded && (
        <div className="mt-1">
          <p className="font-semibold text-red-700" data-testid="engine-status">
            Not loaded: {report.errors.length} error{report.errors.length === 1 ? '' : 's'}
          </p>
          <ul className="mt-1 space-y-1">
            {report.errors.map((e) => (
              <li key={`${e.code}${e.path}`} className="font-mono text-red-800">
                {e.code} {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report?.loaded && (
        <div className="mt-1">
          <p className="font-semibold text-emerald-700" data-testid="engine-status">
            Loaded: {Object.values(report.counts).reduce((a, b) => a + b, 0)} resources
          </p>
          <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-3 text-slate-700" data-testid="kind-counts">
            {RESOURCE_KINDS.filter((k) => report.counts[k] > 0).map((k) => (
              <div key={k} className="contents">
                <dt>{KIND_NAMES[k]}</dt>
                <dd className="text-right tabular-nums" data-testid={`count-${k}`}>
                  {report.counts[k]}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </section>
  )
}
