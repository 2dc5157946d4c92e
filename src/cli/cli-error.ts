/** An error the user caused (bad flag, unwritable path): printed as one line, exit code 2. */
export class CliError extends Error {}
