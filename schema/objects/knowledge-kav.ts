import { auditFields, autoNumber, bool, datetime, idField, int, isDeleted, nameStr, owner, picklist, ref, str, textarea } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/**
 * Knowledge__kav: knowledge article versions. Standard version fields (PublishStatus, Language,
 * ArticleNumber, VersionNumber, IsLatestVersion...) as a Lightning Knowledge org has them; the article
 * body is the custom rich-text field FAQ_Answer__c, as in CRMArena's org. Salesforce's implementation
 * restriction on version queries (filter by Id or PublishStatus) is enforced by the query engines.
 */
export const Knowledge__kav: ObjectDef = {
  name: 'Knowledge__kav',
  label: 'Knowledge',
  labelPlural: 'Knowledge',
  keyPrefix: 'ka0',
  custom: true,
  description: 'Documentation or information articles, such as policies and frequently asked questions.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    ref('KnowledgeArticleId', 'Knowledge Article ID', 'Knowledge__ka', { relationshipName: undefined, createable: false, updateable: false }),
    nameStr('Title', 'Title', 255, { nillable: false, description: 'Title of the knowledge article' }),
    str('UrlName', 'URL Name', 255, { nillable: false, unique: true, search: [], description: 'Unique URL for the article' }),
    textarea('Summary', 'Summary', 1000, { filterable: true, sortable: true, description: 'Summary of the knowledge article' }),
    textarea('FAQ_Answer__c', 'FAQ Answer', 32768, { description: 'Content of the knowledge article' }),
    picklist('PublishStatus', 'Publication Status', ['Draft', 'Online', 'Archived'], { nillable: false, createable: false, updateable: false, default: 'Draft', restrictedPicklist: true }),
    picklist('Language', 'Language', ['en_US'], { nillable: false, default: 'en_US', restrictedPicklist: true }),
    autoNumber('ArticleNumber', 'Article Number', { search: ['text'], autoNumberFormat: { prefix: '', width: 9 } }),
    int('VersionNumber', 'Version Number', { createable: false, updateable: false }),
    bool('IsLatestVersion', 'Is Latest Version', true, { createable: false, updateable: false }),
    bool('IsVisibleInApp', 'Visible In Internal App', true),
    bool('IsVisibleInPkb', 'Visible In Public Knowledge Base', true),
    bool('IsVisibleInCsp', 'Visible to Customer', true),
    bool('IsVisibleInPrm', 'Visible to Partner', true),
    picklist('ValidationStatus', 'Validation Status', ['Not Validated', 'Validated'], { default: 'Not Validated' }),
    datetime('FirstPublishedDate', 'First Published Date', { createable: false, updateable: false }),
    datetime('LastPublishedDate', 'Last Published Date', { createable: false, updateable: false }),
    owner(),
    ...auditFields(),
  ],
};
