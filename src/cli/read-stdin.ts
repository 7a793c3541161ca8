/**
 * Reading a secret from standard input: from a pipe (`echo … | fortschritt user add …`)
 * or typed at a terminal. Only the line break at the end is removed — no other trimming,
 * because spaces may belong to the password.
 */

/** Reads standard input up to its end (pipe) or the first line (terminal). */
export async function readSecretFromStdin(
  prompt: string,
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  const isTerminal = "isTTY" in stdin && stdin.isTTY === true;
  if (isTerminal) process.stderr.write(prompt);
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      stdin.off("data", onData);
      stdin.off("end", finish);
      stdin.off("error", onError);
      stdin.pause();
      const text = Buffer.concat(chunks).toString("utf8");
      const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
      resolve(firstLine);
    };
    const onData = (chunk: Buffer | string): void => {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      if (isTerminal && chunks.some((part) => part.includes(10))) finish();
    };
    const onError = (error: unknown): void =>
      reject(error instanceof Error ? error : new Error(String(error)));
    stdin.on("data", onData);
    stdin.on("end", finish);
    stdin.on("error", onError);
    stdin.resume();
  });
}
