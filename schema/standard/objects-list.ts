/**
 * The standard objects of the catalogue: the objects a Developer Edition org gives Sales and Service
 * clients (issue 11), with the facts describe() reports at object level. Key prefixes are Salesforce's
 * fixed standard prefixes (Object Reference, "Standard Field Record ID Prefix Decoder").
 */
export interface CatalogueObject {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  description: string;
  /** Setup objects (Profile, UserRole...) and history objects are read-only through the data API. */
  readOnly?: boolean;
  deletable?: boolean;
}

export const CATALOGUE_OBJECTS: readonly CatalogueObject[] = [
  { name: 'Profile', label: 'Profile', labelPlural: 'Profiles', keyPrefix: '00e', description: 'A set of permissions and settings assigned to users.', readOnly: true },
  { name: 'UserRole', label: 'Role', labelPlural: 'Roles', keyPrefix: '00E', description: 'A role in the role hierarchy.' },
  { name: 'RecordType', label: 'Record Type', labelPlural: 'Record Types', keyPrefix: '012', description: 'A record type: business processes and picklist values offered per record.', readOnly: true },
  { name: 'Group', label: 'Group', labelPlural: 'Groups', keyPrefix: '00G', description: 'A set of users: public group or queue.' },
  { name: 'User', label: 'User', labelPlural: 'Users', keyPrefix: '005', description: 'System user, often representing customer support agents', deletable: false },
  { name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: '001', description: 'An entity, company, or individual your company does business with.' },
  { name: 'Contact', label: 'Contact', labelPlural: 'Contacts', keyPrefix: '003', description: 'A person associated with an account.' },
  { name: 'Campaign', label: 'Campaign', labelPlural: 'Campaigns', keyPrefix: '701', description: 'A marketing initiative, such as an advertisement, direct mail, or conference.' },
  { name: 'Lead', label: 'Lead', labelPlural: 'Leads', keyPrefix: '00Q', description: 'A prospect or potential opportunity.' },
  { name: 'CampaignMember', label: 'Campaign Member', labelPlural: 'Campaign Members', keyPrefix: '00v', description: 'The association between a campaign and a lead or contact.' },
  { name: 'Product2', label: 'Product', labelPlural: 'Products', keyPrefix: '01t', description: 'A product your company sells.' },
  { name: 'Pricebook2', label: 'Price Book', labelPlural: 'Price Books', keyPrefix: '01s', description: 'A price book: a list of products and their prices.' },
  { name: 'PricebookEntry', label: 'Price Book Entry', labelPlural: 'Price Book Entries', keyPrefix: '01u', description: 'A product entry (an association between a Pricebook2 and Product2) in a price book.' },
  { name: 'Opportunity', label: 'Opportunity', labelPlural: 'Opportunities', keyPrefix: '006', description: 'An opportunity: a sale or pending deal.' },
  { name: 'OpportunityLineItem', label: 'Opportunity Product', labelPlural: 'Opportunity Product', keyPrefix: '00k', description: 'An opportunity line item: a product on an opportunity.' },
  { name: 'OpportunityContactRole', label: 'Opportunity Contact Role', labelPlural: 'Opportunity Contact Role', keyPrefix: '00K', description: 'The role a contact plays on an opportunity.' },
  { name: 'OpportunityHistory', label: 'Opportunity History', labelPlural: 'Opportunity History', keyPrefix: '008', description: 'The stage history of an opportunity.', readOnly: true },
  { name: 'Contract', label: 'Contract', labelPlural: 'Contracts', keyPrefix: '800', description: 'A contract (a business agreement) associated with an account.' },
  { name: 'Quote', label: 'Quote', labelPlural: 'Quotes', keyPrefix: '0Q0', description: 'A quote: proposed prices of products and services.' },
  { name: 'QuoteLineItem', label: 'Quote Line Item', labelPlural: 'Quote Line Items', keyPrefix: '0QL', description: 'A quote line item: a product on a quote.' },
  { name: 'Asset', label: 'Asset', labelPlural: 'Assets', keyPrefix: '02i', description: 'An item of commercial value, such as a product sold by your company, that a customer has purchased.' },
  { name: 'Task', label: 'Task', labelPlural: 'Tasks', keyPrefix: '00T', description: 'A business activity such as making a phone call or other to-do items.' },
  { name: 'Event', label: 'Event', labelPlural: 'Events', keyPrefix: '00U', description: 'An event in the calendar.' },
  { name: 'Territory2', label: 'Territory', labelPlural: 'Territories', keyPrefix: '0MI', description: 'A sales territory.' },
  { name: 'UserTerritory2Association', label: 'User Territory Association', labelPlural: 'User Territory Associations', keyPrefix: '0R0', description: 'A user assigned to a territory.' },
  { name: 'Order', label: 'Order', labelPlural: 'Orders', keyPrefix: '801', description: 'An order of products.' },
  { name: 'OrderItem', label: 'Order Product', labelPlural: 'Order Products', keyPrefix: '802', description: 'A product on an order.' },
  { name: 'Case', label: 'Case', labelPlural: 'Cases', keyPrefix: '500', description: 'A customer issue or problem.' },
  { name: 'EmailMessage', label: 'Email Message', labelPlural: 'Email Messages', keyPrefix: '02s', description: 'An email.' },
  { name: 'LiveChatTranscript', label: 'Live Chat Transcript', labelPlural: 'Live Chat Transcripts', keyPrefix: '570', description: 'A chat transcript.' },
  { name: 'ProductCategory', label: 'Product Category', labelPlural: 'Product Categories', keyPrefix: '0ZG', description: 'A category of a product catalogue.' },
  { name: 'ProductCategoryProduct', label: 'Product Category Product', labelPlural: 'Product Category Products', keyPrefix: '0ZH', description: 'A product in a category.' },
  { name: 'Knowledge__kav', label: 'Knowledge', labelPlural: 'Knowledge', keyPrefix: 'ka0', description: 'A knowledge article version.' },
];
