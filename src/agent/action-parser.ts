/**
 * CRMArena's `message_action_parser` (reference/crmarena.md §8.2): the first `<execute>...</execute>`
 * wins over `<respond>...</respond>`; contents are stripped; anything else is a format error.
 */
export type ParsedAction = { name: 'execute'; content: string } | { name: 'respond'; content: string } | undefined;

export function parseAction(text: string): ParsedAction {
  const exec = /<execute>([\s\S]*?)<\/execute>/.exec(text);
  if (exec) return { name: 'execute', content: exec[1]!.trim() };
  const respond = /<respond>([\s\S]*?)<\/respond>/.exec(text);
  if (respond) return { name: 'respond', content: respond[1]!.trim() };
  return undefined;
}
