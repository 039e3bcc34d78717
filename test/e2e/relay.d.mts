export function freePort(): Promise<number>
export function startRelay(port: number): Promise<{ url: string; stop(): Promise<void> }>
