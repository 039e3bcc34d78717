// Infrastructure code for the design: Terraform for the alicloud provider, and the ordered API calls
// with their parameters. Shown as text in a <pre> (never as markup), copied or downloaded as a file.
import { useMemo, useState } from 'react'
import type { Design } from '../../model'
import { apiCallPlan, renderApiCallPlan } from '../../share/apiCalls'
import { toTerraform } from '../../share/terraform'
import { buttonClass, Dialog, primaryButtonClass } from './Dialog'
import { download, fileNameFor } from './download'

export type CodeKind = 'terraform' | 'api-calls'

const KINDS: Record<CodeKind, { tab: string; ending: string; type: string; about: string }> = {
  terraform: {
    tab: 'Terraform',
    ending: '.tf',
    type: 'text/plain',
    about:
      'Terraform for the alicloud provider: VPCs, vSwitches, route tables and entries, the IPv4 gateway, security groups, instances, the GWLB, the endpoint service and the GWLB endpoints.',
  },
  'api-calls': {
    tab: 'API calls',
    ending: '.api-calls.txt',
    type: 'text/plain',
    about:
      'The ordered API calls that connect the consumers to the GWLB service, with their parameters, and the teardown order.',
  },
}

function codeFor(kind: CodeKind, design: Design): string {
  return kind === 'terraform' ? toTerraform(design) : renderApiCallPlan(design, apiCallPlan(design))
}

export function CodeDialog({ design, initial, onClose }: { design: Design; initial: CodeKind; onClose(): void }) {
  const [kind, setKind] = useState<CodeKind>(initial)
  const text = useMemo(() => codeFor(kind, design), [kind, design])
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const about = KINDS[kind]
  return (
    <Dialog title="Infrastructure code" onClose={onClose} wide>
      <div role="tablist" aria-label="Kind of code" className="mb-2 flex gap-1 border-b border-slate-200">
        {(Object.keys(KINDS) as CodeKind[]).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={k === kind}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${k === kind ? 'border-sky-700 font-semibold text-sky-900' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
            onClick={() => {
              setKind(k)
              setCopied(null)
            }}
          >
            {KINDS[k].tab}
          </button>
        ))}
      </div>
      <p className="mb-2 text-slate-600">{about.about}</p>
      <pre
        data-testid="code-text"
        className="max-h-[55vh] overflow-auto rounded border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-5 text-slate-800"
      >
        {text}
      </pre>
      <div className="mt-3 flex items-center gap-2">
        <button
          type="button"
          className={primaryButtonClass}
          onClick={() => download(fileNameFor(design, about.ending), about.type, text)}
        >
          Download {fileNameFor(design, about.ending)}
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(text)
              setCopied('yes')
            } catch {
              setCopied('no')
            }
          }}
        >
          Copy
        </button>
        {copied === 'yes' && <span className="text-xs text-emerald-700">Copied.</span>}
        {copied === 'no' && (
          <span className="text-xs text-amber-800">
            The browser did not allow copying here: download the file instead.
          </span>
        )}
      </div>
    </Dialog>
  )
}
