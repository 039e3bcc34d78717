export function startPreview(port?: number): Promise<{ url: string; stop(): void }>
