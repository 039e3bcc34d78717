// A resource's problems, badged on its node: red for errors, amber for warnings, the count and the first message;
// none while a quiz question is open, nor during an activity that hides the linter's problems.
import { useReport, useUi } from '../../store/context'

export function ProblemBadge({ id }: { id: string }) {
  const mine = useReport((s) => s.problemsOn.get(id))
  // while a quiz asks where a packet ends, a badge on the faulty resource would give the answer away
  const hidden = useUi((s) => s.answerHidden || s.problemsHidden)
  if (!mine?.length || hidden) return null
  const errors = mine.filter((p) => p.severity === 'error').length
  return (
    <span
      data-testid={`problem-badge-${id}`}
      title={mine.map((p) => `${p.code} ${p.message}`).join('\n')}
      className={`absolute -right-2 -top-2 z-10 flex h-5 min-w-5 items-center justify-center rounded-full px-1 text-[10px] font-bold text-white shadow ${errors ? 'bg-red-600' : 'bg-amber-500'}`}
    >
      {mine.length}
    </span>
  )
}
