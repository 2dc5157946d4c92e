/**
 * The subtopics of a sales call on an opportunity (CRMArena-Pro's sales_insight_mining: "Business
 * problems and pain points, Pricing and competitive analysis, Implementation process and support",
 * reference/crmarena.md §12.3), with what the agent says to open each one and what the customer
 * answers. Each agent opener names exactly one subtopic. Placeholders: {product}, {competitor}, {company}.
 */
import type { ProOrgKind } from '../../../../src/org/org-kind.ts';

export interface SubtopicDef {
  name: string;
  /** Agent lines that open the subtopic. */
  ask: readonly string[];
  /** Customer replies. */
  reply: readonly string[];
}

export const SUBTOPICS: Record<ProOrgKind, readonly SubtopicDef[]> = {
  b2b: [
    {
      name: 'Business problems and pain points',
      ask: ['Can you walk me through the biggest challenges your team is facing today?', 'What business problems are you trying to solve this year?'],
      reply: ['Our verification cycle keeps slipping and it is hurting every release.', 'The engineers lose days every quarter waiting on simulation results.'],
    },
    {
      name: 'Pricing and competitive analysis',
      ask: ['How does our pricing compare with the other vendors you are evaluating?', 'Are you also looking at {competitor}, and how do their prices stack up?'],
      reply: ['{competitor} came in a bit cheaper, but their licence terms are rigid.', 'Price matters, and we are benchmarking you against {competitor} right now.'],
    },
    {
      name: 'Implementation process and support',
      ask: ['Let me explain how implementation and ongoing support would work for your team.', 'What would you need from us during rollout and support?'],
      reply: ['We would want a dedicated support engineer for the first three months.', 'Our IT team needs a clear rollout plan before anything goes live.'],
    },
    {
      name: 'Product features and capabilities',
      ask: ['Which features of {product} matter most to your engineers?', 'Would it help if I showed you the newest capabilities in {product}?'],
      reply: ['Automated power optimization is the capability we care about most.', 'We mostly need faster layout checks and better reporting.'],
    },
    {
      name: 'Integration with existing systems',
      ask: ['Which existing systems would {product} need to integrate with?', 'How do you expect this to fit with the tools you already run?'],
      reply: ['It has to plug into our existing design flow and our data lake.', 'Integration with our current toolchain is a must for us.'],
    },
    {
      name: 'Security and compliance',
      ask: ['Do you have security or compliance requirements we should know about?', 'Let me cover how we handle data security and compliance.'],
      reply: ['Our design data cannot leave our private cloud, so security review is mandatory.', 'We need SOC 2 reports before legal will approve anything.'],
    },
    {
      name: 'Training and onboarding',
      ask: ['How would you like us to handle training for your engineers?', 'What onboarding would your team need to get productive quickly?'],
      reply: ['A couple of hands-on workshops for the new hires would be ideal.', 'We would like recorded training sessions our team can revisit.'],
    },
  ],
  b2c: [
    {
      name: 'Personal needs and pain points',
      ask: ['What is the main problem you are hoping to fix?', 'Tell me a bit about what bothers you with what you use today.'],
      reply: ['My current one just does not do what I need anymore.', 'I am tired of dealing with the same problem every single day.'],
    },
    {
      name: 'Pricing and promotions',
      ask: ['Would you like to hear about our current promotions and pricing?', 'How does our price compare with {competitor} for you?'],
      reply: ['{competitor} had a sale last week, so I am comparing prices.', 'A discount code would definitely help me decide.'],
    },
    {
      name: 'Delivery and setup',
      ask: ['Let me explain how delivery and setup would work for you.', 'When and where would you like it delivered?'],
      reply: ['I would need it delivered on a weekend if possible.', 'Can someone help me set it up once it arrives?'],
    },
    {
      name: 'Product features and benefits',
      ask: ['Which features of {product} are most important to you?', 'Would you like me to go over what makes {product} different?'],
      reply: ['Picture quality and battery life matter most to me.', 'I mostly care about how long it lasts and how easy it is to use.'],
    },
    {
      name: 'Warranty and returns',
      ask: ['Do you have any questions about our warranty and return policy?', 'Let me go over how returns and the warranty work.'],
      reply: ['I want to be sure I can return it if it does not work out.', 'How long is the warranty, and what does it cover?'],
    },
    {
      name: 'Payment and financing options',
      ask: ['Would you be interested in paying in instalments?', 'Let me go over the payment and financing options we offer.'],
      reply: ['Splitting the payment over a few months would help a lot.', 'Can I pay part now and the rest later?'],
    },
    {
      name: 'Reviews and comparisons',
      ask: ['Have you read what other customers say about {product}?', 'Were you comparing {product} with {competitor}?'],
      reply: ['The reviews I read were mostly positive, but I had a few doubts.', 'A friend recommended {competitor}, so I am comparing the two.'],
    },
  ],
};

export const COMPETITORS: Record<ProOrgKind, readonly string[]> = {
  b2b: ['Synopta', 'CadenceWorks', 'SiliconForge', 'MentorEDA', 'Ansyx'],
  b2c: ['BrightHome', 'UrbanNest', 'Everstride', 'NovaGoods', 'PeakLife'],
};
