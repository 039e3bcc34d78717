import type { Browser, Page } from 'playwright-core'
export const CHROMIUM: string
export const BASE_URL: string
export function launch(): Promise<Browser>
export function sharedBrowser(): () => Browser
export function openApp(browser: Browser, path?: string): Promise<{ page: Page; errors: string[] }>
