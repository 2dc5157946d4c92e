/** A problem in the user's metadata: one line naming the file and the problem; startup stops on it. */
export class MetadataError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}
