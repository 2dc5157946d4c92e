import { describe, expect, it } from 'vitest';
import { parseAction } from '../../src/agent/action-parser.ts';
import { initialMessages } from '../../src/agent/chat-agent.ts';
import { buildSystemPrompt, lacksSystemRole } from '../../src/agent/prompts.ts';
import { parseTextAction, textToolsPrompt } from '../../src/agent/text-tool-format.ts';
import { TOOLS } from '../../src/agent/tools/tool-registry.ts';

const ctx = (task: string) => ({ task, metadata: { required: '- Contact Id interacting: 003X', optional: '# Domain Details\n## Seasons' } });

describe('system prompts', () => {
  it('addresses customers on customer-facing tasks and employees elsewhere (ReAct)', () => {
    expect(buildSystemPrompt('react', 'SCHEMA', ctx('named_entity_disambiguation'), true)).toContain('a human user (i.e., a customer)');
    expect(buildSystemPrompt('react', 'SCHEMA', ctx('knowledge_qa'), true)).toContain('a human user (i.e., a customer)');
    expect(buildSystemPrompt('react', 'SCHEMA', ctx('handle_time'), true)).toContain('an internal user (i.e., an employee of the same company)');
  });

  it('puts the schema in react/act/flex but not in plain tool calling, then the task context', () => {
    for (const s of ['react', 'act', 'tool_call_flex'] as const) expect(buildSystemPrompt(s, 'SCHEMA-TEXT', ctx('handle_time'), false)).toContain('SCHEMA-TEXT');
    expect(buildSystemPrompt('tool_call', 'SCHEMA-TEXT', ctx('handle_time'), false)).not.toContain('SCHEMA-TEXT');
    const aided = buildSystemPrompt('act', 'S', ctx('handle_time'), true);
    expect(aided).toMatch(/# Additional task context\n- Contact Id interacting: 003X\n\n# Domain Details\n## Seasons\n$/);
    expect(buildSystemPrompt('act', 'S', ctx('handle_time'), false)).not.toContain('# Domain Details');
    expect(aided).not.toContain('<thought>');
    expect(buildSystemPrompt('tool_call_flex', 'S', ctx('handle_time'), false)).toContain("free-form: ['issue_soql_query', 'issue_sosl_query']");
  });

  it('merges system prompt and question for models without a system role', () => {
    expect(lacksSystemRole('o1-2024-12-17')).toBe(true);
    expect(lacksSystemRole('deepseek-ai/DeepSeek-R1')).toBe(true);
    expect(lacksSystemRole('gpt-4o-2024-08-06')).toBe(false);
    expect(initialMessages('SYS', 'Q?', 'o1-mini')).toEqual([{ role: 'user', content: 'SYS\nQ?' }]);
    expect(initialMessages('SYS', 'Q?', 'gpt-4o')).toEqual([
      { role: 'system', content: 'SYS' },
      { role: 'user', content: 'Q?' },
    ]);
  });
});

describe('text tool calls (endpoints without native tools)', () => {
  it('reads Action / Action Input, with JSON or Python-literal arguments, else an answer', () => {
    expect(parseTextAction('Action: get_period Action Input: {"period_name": "Q1", "year": 2021}')).toEqual({ kind: 'call', name: 'get_period', args: { period_name: 'Q1', year: 2021 } });
    expect(parseTextAction("Action: get_cases\nAction Input: {'statuses': ['Closed'], 'agent_ids': None}")).toEqual({ kind: 'call', name: 'get_cases', args: { statuses: ['Closed'], agent_ids: null } });
    expect(parseTextAction('Action: get_issues')).toEqual({ kind: 'call', name: 'get_issues', args: {} });
    expect(parseTextAction('Action: get_cases Action Input: {broken')).toEqual({ kind: 'bad-args', name: 'get_cases' });
    expect(parseTextAction(' 005A ')).toEqual({ kind: 'answer', content: '005A' });
    expect(textToolsPrompt(TOOLS)).toContain('- get_period: ');
    expect(textToolsPrompt(TOOLS)).toContain('Output format: Action: <tool_name> Action Input: <tool_input> and NOTHING else.');
  });
});

describe('action parser', () => {
  it('prefers execute over respond and strips the content', () => {
    expect(parseAction('<thought> x </thought>\n<execute>\n SELECT Id FROM Case \n</execute>')).toEqual({ name: 'execute', content: 'SELECT Id FROM Case' });
    expect(parseAction('<respond> 005A </respond><execute>SELECT Id FROM Case</execute>')).toEqual({ name: 'execute', content: 'SELECT Id FROM Case' });
    expect(parseAction('<thought>done</thought><respond> None </respond>')).toEqual({ name: 'respond', content: 'None' });
    expect(parseAction('<respond>unterminated')).toBeUndefined();
    expect(parseAction('The answer is 005A')).toBeUndefined();
  });
});
