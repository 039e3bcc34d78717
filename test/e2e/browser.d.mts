import type { Browser } from 'playwright-core'
export const CHROMIUM: string
export function launch(): Promise<Browser>
export function sharedBrowser(): () => Browser
