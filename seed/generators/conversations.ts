/**
 * EmailMessage threads and LiveChatTranscript sessions for each case, consistent with the case, the
 * customer and each owner in turn (reference/crmarena.md §2.2 conventions: customers write from
 * `@example.com`, agents from the company domain, replies are `Re: <subject>`, ToIds is a JSON array
 * of the recipient User or Contact Id; chat lines are `[2020-12-22T11:03:45] Name (Customer): ...`).
 * The agent who resolves a case states a term of the article governing its issue; with that agent's
 * latent violation propensity, the stated term contradicts the article. Those messages are the
 * policy violations of CRMArena's PVI task, recorded only in the latent side file.
 */
import { makeId } from '../../src/org/index.ts';
import { streams, type GenContext } from '../context.ts';
import type { ViolationLatent } from '../latent.ts';
import type { ArticleDef } from '../text/knowledge-bank.ts';
import type { ServiceTheme } from '../text/theme.ts';
import { MINUTE, chatStamp, iso } from '../time.ts';
import { fill, type CaseRecord } from './cases.ts';
import type { Agent } from './users.ts';

export interface ConversationResult {
  emails: number;
  chats: number;
  violations: ViolationLatent[];
  /** Case Id → whether a violating statement was made. */
  violated: Set<string>;
}

interface Party {
  kind: 'Customer' | 'Agent';
  name: string;
  email: string;
  id: string;
}

type Msg = { from: Party; text: string; ms: number; policy?: boolean };

export function generateConversations(
  ctx: GenContext,
  cases: CaseRecord[],
  agents: Agent[],
  defByIssue: ArticleDef[],
  articleByIssue: string[],
  theme: ServiceTheme,
): ConversationResult {
  const { org } = ctx;
  const COMPANY = theme.company;
  const {
    chatOpeners: CHAT_OPENERS_AGENT, chatPending: CHAT_PENDING, closings: CLOSINGS_AGENT, customerThanks: CUSTOMER_THANKS, greetings: GREETINGS_AGENT,
    introNewAgent: INTRO_NEW_AGENT, nextSteps: NEXT_STEPS, openLines: OPEN_LINES, transfers: TRANSFER_LINES, signature,
  } = theme.conversation;
  const { rng } = streams(ctx, 'EmailMessage');
  const chatRng = streams(ctx, 'LiveChatTranscript').rng;
  const violationRng = streams(ctx, 'violations').rng;
  const result: ConversationResult = { emails: 0, chats: 0, violations: [], violated: new Set() };
  let visitor = 0;

  for (const c of cases) {
    const before = result.emails + result.chats;
    const endMs = c.closedMs ?? ctx.nowMs;
    const customer: Party = { kind: 'Customer', name: `${c.contact.firstName} ${c.contact.lastName}`, email: c.contact.email, id: c.contact.id };
    const agentParty = (i: number): Party => {
      const a = agents[c.owners[i]!]!;
      return { kind: 'Agent', name: `${a.firstName} ${a.lastName}`, email: a.email, id: a.id };
    };
    const bank = theme.issues[c.issue]!.cases;
    const issueLower = theme.issues[c.issue]!.phrase;
    const vars = (extra: Record<string, string> = {}) => ({ ...c.textVars, company: COMPANY.name, issue: issueLower, customerFirst: c.contact.firstName, ...extra });
    const followUp = () => fill(rng.pick(bank.followUps), c.textVars);

    // The policy statement by the resolving agent: compliant, or (with the agent's propensity) violating.
    const last = c.owners.length - 1;
    const closer = agents[c.owners[last]!]!;
    const article = defByIssue[c.issue]!;
    const hasStatement = !c.untouched && article.facts.length > 0 && violationRng.chance(0.85);
    const violates = hasStatement && violationRng.chance(closer.violationPropensity);
    const fact = article.facts[violationRng.int(0, article.facts.length - 1)]!;
    const claimed = violates ? violationRng.pick(fact.wrongValues) : fact.value;
    const statement = fill(fact.statement, { value: claimed });

    // Build the message sequence per owner, in time order between creation and resolution.
    const span = Math.max(10 * MINUTE, endMs - c.createdMs);
    const segStart = [c.createdMs, ...c.transferMs];
    const segEnd = [...c.transferMs, endMs];
    const emailMsgs: Msg[] = [];
    const chatSessions: { owner: number; msgs: Msg[] }[] = [];
    const channelChat = c.channel === 'chat';
    for (let k = 0; k <= last; k++) {
      const agent = agentParty(k);
      const a0 = segStart[k]!;
      const len = Math.max(5 * MINUTE, segEnd[k]! - a0);
      const at = (f: number) => Math.floor(a0 + Math.min(len, span) * f);
      const msgs: Msg[] = [];
      if (k === 0) msgs.push({ from: customer, text: c.description, ms: at(0.01) });
      else msgs.push({ from: agent, text: fill(rng.pick(INTRO_NEW_AGENT), vars({ agent: agent.name })), ms: at(0.02) });
      if (k < last) {
        const next = agentParty(k + 1);
        msgs.push({ from: agent, text: `${fill(rng.pick(GREETINGS_AGENT), vars())} ${fill(rng.pick(TRANSFER_LINES), vars({ newAgent: next.name }))}`, ms: at(0.5) });
      } else {
        const greet = k === 0 ? fill(rng.pick(GREETINGS_AGENT), vars()) + ' ' : '';
        if (!c.untouched) {
          msgs.push({ from: agent, text: `${greet}${hasStatement ? statement + ' ' : ''}${fill(rng.pick(NEXT_STEPS), vars())}`, ms: at(0.25), policy: hasStatement });
          msgs.push({ from: customer, text: followUp(), ms: at(0.45) });
          // Longer email threads: another question and answer before the resolution.
          if (!channelChat && rng.chance(0.5)) {
            msgs.push({ from: agent, text: fill(rng.pick(NEXT_STEPS), vars()), ms: at(0.55) });
            const said = msgs[msgs.length - 2]!.text;
            let text = followUp();
            for (let k = 0; k < 3 && text === said; k++) text = followUp();
            msgs.push({ from: customer, text, ms: at(0.62) });
          }
          if (channelChat) {
            // A chat ends with the agent taking the request away; the outcome comes later (follow-up chat or email).
            msgs.push({ from: agent, text: rng.pick(CHAT_PENDING), ms: at(0.5) });
          } else if (c.closedMs !== null) {
            msgs.push({ from: agent, text: `${rng.pick(bank.resolutions)} ${fill(rng.pick(CLOSINGS_AGENT), vars())}`, ms: at(0.9) });
            if (rng.chance(0.4)) msgs.push({ from: customer, text: rng.pick(CUSTOMER_THANKS), ms: at(0.97) });
          } else {
            msgs.push({ from: agent, text: rng.pick(OPEN_LINES), ms: at(0.7) });
          }
        }
      }
      if (channelChat) chatSessions.push({ owner: k, msgs });
      else emailMsgs.push(...msgs);
    }
    // Chat customers often come back to the chat for the outcome.
    if (channelChat && !c.untouched && chatRng.chance(0.65)) {
      const mid = Math.floor(segStart[last]! + (endMs - segStart[last]!) * 0.75);
      const followMsgs: Msg[] = [
        { from: customer, text: `Hi, I am following up on my case about the ${c.product.name}. Is there any update?`, ms: mid },
        { from: agentParty(last), text: c.closedMs !== null ? `${chatRng.pick(bank.resolutions)} ${fill(chatRng.pick(CLOSINGS_AGENT), vars())}` : chatRng.pick(OPEN_LINES), ms: mid + 2 * MINUTE },
      ];
      if (c.closedMs !== null && chatRng.chance(0.5)) followMsgs.push({ from: customer, text: chatRng.pick(CUSTOMER_THANKS), ms: mid + 3 * MINUTE });
      chatSessions.push({ owner: last, msgs: followMsgs });
    }
    // Chat customers often get an email recap from the resolving agent.
    if (channelChat && c.closedMs !== null && rng.chance(0.55)) {
      emailMsgs.push({ from: agentParty(last), text: `Following up on our chat: ${rng.pick(bank.resolutions)} ${fill(rng.pick(CLOSINGS_AGENT), vars())}`, ms: c.closedMs - MINUTE });
    }

    // Emails.
    emailMsgs.forEach((m, i) => {
      const toAgent = m.from.kind === 'Customer';
      const recipient = toAgent ? agentParty(ownerAt(c, m.ms)) : customer;
      const firstName = recipient.name.split(' ')[0]!;
      const body = toAgent
        ? `Hello,\n\n${m.text}\n\nThank you,\n${m.from.name}`
        : `Hi ${firstName},\n\n${m.text}\n\nBest regards,\n${m.from.name}\n${COMPANY.name} ${signature}`;
      const id = org.store.insert(
        'EmailMessage',
        {
          ParentId: c.id,
          Subject: i === 0 && toAgent ? c.subject : `Re: ${c.subject}`,
          TextBody: body,
          FromName: m.from.name,
          FromAddress: m.from.email,
          ToAddress: recipient.email,
          ToIds: JSON.stringify([recipient.id]),
          MessageDate: iso(m.ms),
          // Incoming: Replied ('2') unless it is the last message of the thread (Read, '1'); outgoing: Sent ('3').
          Status: toAgent ? (i < emailMsgs.length - 1 ? '2' : '1') : '3',
          Incoming: toAgent ? 1 : 0,
          ...(theme.emailRelatedToCase ? { RelatedToId: c.id } : {}),
        },
        { CreatedDate: iso(m.ms) },
      );
      result.emails++;
      if (m.policy && violates) recordViolation(result, c, 'EmailMessage', id, articleByIssue, closer, fact.key, fact.value, claimed, statement);
    });

    // Chats: one transcript per owner's session.
    for (const s of chatSessions) {
      if (s.msgs.length === 0) continue;
      const agent = agentParty(s.owner);
      const lines: string[] = [];
      let t = s.msgs[0]!.ms;
      const say = (p: Party, text: string) => {
        lines.push(`${chatStamp(t)} ${p.name} (${p.kind}): ${text}`);
        t += chatRng.int(20, 150) * 1000;
      };
      // A colleague taking over introduces themselves instead of the standard greeting.
      if (s.msgs[0]!.from.kind === 'Customer') say(agent, fill(chatRng.pick(CHAT_OPENERS_AGENT), vars({ agent: agent.name })));
      for (const m of s.msgs) say(m.from, m.text);
      const start = s.msgs[0]!.ms;
      const id = org.store.insert(
        'LiveChatTranscript',
        {
          CaseId: c.id,
          AccountId: c.customer.accountId,
          ContactId: c.contact.id,
          Body: lines.join('\n'),
          StartTime: iso(start),
          EndTime: iso(t),
          ChatDuration: Math.round((t - start) / 1000),
          Status: 'Completed',
          LiveChatVisitorId: makeId('571', ++visitor),
          OwnerId: agent.id,
        },
        { CreatedDate: iso(start) },
      );
      result.chats++;
      if (s.msgs.some((m) => m.policy) && violates) recordViolation(result, c, 'LiveChatTranscript', id, articleByIssue, closer, fact.key, fact.value, claimed, statement);
    }
    ctx.progress(c.channel === 'chat' ? 'LiveChatTranscript' : 'EmailMessage', result.emails + result.chats - before);
  }
  return result;
}

/** Index into c.owners of the owner at time `ms`. */
function ownerAt(c: CaseRecord, ms: number): number {
  let k = 0;
  while (k < c.transferMs.length && c.transferMs[k]! <= ms) k++;
  return k;
}

function recordViolation(
  result: ConversationResult, c: CaseRecord, messageObject: ViolationLatent['messageObject'], messageId: string,
  articleByIssue: string[], agent: Agent, policyKey: string, correctValue: string, claimedValue: string, statement: string,
): void {
  result.violations.push({ caseId: c.id, messageObject, messageId, articleId: articleByIssue[c.issue]!, agentId: agent.id, policyKey, correctValue, claimedValue, statement });
  result.violated.add(c.id);
}

