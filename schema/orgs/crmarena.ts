/**
 * The CRMArena org profile: its 16 objects as CRMArena's schema describes them (custom objects
 * Issue__c and CaseHistory__c, custom fields such as Case.IssueId__c, CRMArena's field descriptions),
 * overlaid on the standard catalogue by schema/index.ts. In dependency order: every object comes after
 * the objects it looks up (except self/User audit links).
 */
import { Account } from '../objects/account.ts';
import { Case } from '../objects/case.ts';
import { CaseHistory__c } from '../objects/case-history.ts';
import { Contact } from '../objects/contact.ts';
import { EmailMessage } from '../objects/email-message.ts';
import { Issue__c } from '../objects/issue.ts';
import { Knowledge__kav } from '../objects/knowledge-kav.ts';
import { LiveChatTranscript } from '../objects/live-chat-transcript.ts';
import { Order } from '../objects/order.ts';
import { OrderItem } from '../objects/order-item.ts';
import { Pricebook2 } from '../objects/pricebook2.ts';
import { PricebookEntry } from '../objects/pricebook-entry.ts';
import { Product2 } from '../objects/product2.ts';
import { ProductCategory } from '../objects/product-category.ts';
import { ProductCategoryProduct } from '../objects/product-category-product.ts';
import { User } from '../objects/user.ts';
import type { ObjectDef } from '../types.ts';

export const CRMARENA_OBJECTS: readonly ObjectDef[] = [
  User,
  Account,
  Contact,
  Issue__c,
  Knowledge__kav,
  ProductCategory,
  Product2,
  ProductCategoryProduct,
  Pricebook2,
  PricebookEntry,
  Order,
  OrderItem,
  Case,
  EmailMessage,
  LiveChatTranscript,
  CaseHistory__c,
];
