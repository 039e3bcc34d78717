// The activity tab's buttons and fields, one look for the student's side and the author's.
export const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40'
export const PRIMARY =
  'rounded bg-sky-700 px-2.5 py-1 text-xs font-semibold text-white hover:bg-sky-800 disabled:opacity-40'
export const FIELD = 'rounded border border-slate-300 px-1.5 py-1 text-xs'
