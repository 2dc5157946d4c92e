/**
 * Knowledge__kav: the 45 published articles (one Online version each). Returns their Ids and the
 * policy facts keyed to them, which the conversations state correctly or misstate.
 */
import { makeId } from '../../src/org/index.ts';
import type { GenContext } from '../context.ts';
import type { KnowledgeQa, PolicyFact } from '../latent.ts';
import type { ArticleDef } from '../text/knowledge-bank.ts';
import type { ServiceTheme } from '../text/theme.ts';
import { DAY, HISTORY_START, iso } from '../time.ts';

export interface KnowledgeResult {
  articleIds: string[];
  /** Article Id governing each issue index (ISSUE_NAMES order). */
  articleByIssue: string[];
  /** Article definition governing each issue index. */
  defByIssue: ArticleDef[];
  policyFacts: PolicyFact[];
  qa: KnowledgeQa[];
}

const slug = (title: string): string =>
  title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function generateKnowledge(ctx: GenContext, issueIds: string[], theme: ServiceTheme): KnowledgeResult {
  const ARTICLES = theme.articles;
  const articleIds: string[] = [];
  const articleByIssue: string[] = new Array(theme.issues.length).fill('');
  const defByIssue: ArticleDef[] = new Array(theme.issues.length);
  const policyFacts: PolicyFact[] = [];
  const qa: KnowledgeQa[] = [];
  ARTICLES.forEach((a, i) => {
    const published = iso(HISTORY_START - (40 - i) * DAY);
    const id = ctx.org.store.insert(
      'Knowledge__kav',
      { Title: a.title, UrlName: slug(a.title), Summary: a.summary, FAQ_Answer__c: a.body, Language: 'en_US', ValidationStatus: 'Validated' },
      {
        PublishStatus: 'Online',
        VersionNumber: 1,
        IsLatestVersion: 1,
        KnowledgeArticleId: makeId('kA0', i + 1),
        FirstPublishedDate: published,
        LastPublishedDate: published,
        CreatedDate: published,
      },
    );
    articleIds.push(id);
    const issueIdx = a.issue ? theme.issues.findIndex((x) => x.name === a.issue) : -1;
    if (issueIdx >= 0) {
      articleByIssue[issueIdx] = id;
      defByIssue[issueIdx] = a;
    }
    for (const f of a.facts) {
      policyFacts.push({ key: f.key, articleId: id, issueId: issueIdx >= 0 ? issueIds[issueIdx]! : null, value: f.value, wrongValues: [...f.wrongValues] });
    }
    for (const x of a.qa) qa.push({ articleId: id, question: x.question, answer: x.answer });
  });
  ctx.progress('Knowledge__kav', ARTICLES.length);
  return { articleIds, articleByIssue, defByIssue, policyFacts, qa };
}
