import type { Page } from 'playwright-core'
export const INITIAL_JS_BUDGET_KB: number
export function initialScripts(
  page: Page,
  url: string,
): Promise<{ all: number; main: number; files: { file: string; gz: number }[] }>
