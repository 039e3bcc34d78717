// The look the Verify, Compare and Plan tabs share with the other side-panel tabs.
export const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40'
export const PRIMARY =
  'rounded bg-sky-700 px-3 py-1 text-xs font-semibold text-white hover:bg-sky-800 disabled:opacity-40'
export const FIELD = 'w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs'
export const HOLDS = 'rounded bg-emerald-100 px-1.5 py-0.5 text-[11px] font-semibold text-emerald-900'
export const VIOLATED = 'rounded bg-red-100 px-1.5 py-0.5 text-[11px] font-semibold text-red-900'
