/** A CLI command run in-process through commander with its module's register(): what it wrote to stdout. */
import { Command } from 'commander';
import { vi } from 'vitest';

export async function runCommand(register: (p: Command) => void, args: readonly string[]): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    chunks.push(String(s));
    return true;
  });
  try {
    const program = new Command('keruen').exitOverride();
    register(program);
    await program.parseAsync(['node', 'keruen', ...args]);
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}
