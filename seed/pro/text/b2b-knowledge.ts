/**
 * The B2B vendor's knowledge base, on the pattern of seed/text/knowledge-bank.ts: ten policy articles
 * (one per issue) whose terms are facts an agent may misstate (the policy-violation task), FAQ
 * articles, a getting-started guide and a release overview per product category, and "Competitor: ..."
 * articles as CRMArena-Pro's B2B knowledge base has (reference/crmarena.md §12.2). Every `qa` answer
 * appears verbatim in its own article and in no other; every policy term is stated once.
 */
import type { ArticleDef } from '../../text/knowledge-bank.ts';
import { B2B_CATEGORIES, B2B_COMPANY } from './b2b-catalog.ts';

const C = B2B_COMPANY.name;

const POLICY: ArticleDef[] = [
  {
    key: 'billing', issue: 'Billing Dispute',
    title: `Invoice Disputes and Billing Corrections at ${C}`,
    summary: 'Invoice disputes raised within 30 days of the invoice date are reviewed and credited.',
    body: `Customers who find an error on an invoice, such as a duplicate charge or a wrong seat count, must raise the invoice dispute within 30 days of the invoice date. The billing team reviews the dispute against the signed quote and the purchase order, and approved corrections are issued as a credit note within 10 business days. Invoices are payable net 45 from the invoice date. Disputed amounts are excluded from late-payment reminders while the review is open. ${C} invoices in US dollars and accepts wire transfer, ACH and corporate cards.`,
    facts: [
      { key: 'invoice-dispute-window', value: '30 days', wrongValues: ['90 days', '6 months', '7 days'], statement: 'An invoice dispute is accepted when it is raised within {value} of the invoice date.' },
      { key: 'credit-note-time', value: '10 business days', wrongValues: ['2 business days', '60 business days'], statement: 'Approved corrections are issued as a credit note within {value}.' },
    ],
    qa: [
      { question: 'Within how many days of the invoice date must an invoice dispute be raised?', answer: '30 days of the invoice date' },
      { question: 'How quickly are approved billing corrections issued?', answer: 'as a credit note within 10 business days' },
      { question: 'What are the payment terms on invoices?', answer: 'payable net 45 from the invoice date' },
      { question: 'Are disputed amounts included in late-payment reminders?', answer: 'Disputed amounts are excluded from late-payment reminders while the review is open' },
      { question: 'Which payment methods are accepted for invoices?', answer: 'wire transfer, ACH and corporate cards' },
    ],
  },
  {
    key: 'licensing', issue: 'License Activation',
    title: 'License Activation, Seat Assignment and Rehosting Policy',
    summary: 'License keys are delivered within 1 business day; a floating license may move to a new host twice a year.',
    body: `License keys for new orders are delivered to the customer's license administrator within 1 business day of order activation. Each floating license may be rehosted to a new host ID once every 6 months; earlier rehosts need approval from the account manager. Seats added mid-term are co-termed with the existing subscription. A grace license valid for 14 days is issued when a license server fails, so engineers can keep working while the server is restored.`,
    facts: [
      { key: 'rehost-interval', value: '6 months', wrongValues: ['30 days', '2 weeks'], statement: 'A floating license may be rehosted to a new host ID once every {value}.' },
      { key: 'grace-license', value: '14 days', wrongValues: ['90 days', '3 days', '30 days'], statement: 'While the license server is restored, a grace license valid for {value} is issued.' },
    ],
    qa: [
      { question: 'How soon are license keys delivered after an order is activated?', answer: 'within 1 business day of order activation' },
      { question: 'How often may a floating license be rehosted to a new host ID?', answer: 'once every 6 months' },
      { question: 'What happens to seats added in the middle of a subscription term?', answer: 'Seats added mid-term are co-termed with the existing subscription' },
      { question: 'How long is the grace license issued when a license server fails?', answer: 'a grace license valid for 14 days' },
      { question: 'Who must approve a rehost requested earlier than the allowed interval?', answer: 'approval from the account manager' },
    ],
  },
  {
    key: 'installation', issue: 'Installation Failure',
    title: 'Supported Platforms and Installation Support',
    summary: 'Releases are supported on listed platforms for 24 months; installation cases get a response within 4 hours.',
    body: `Each ${C} release is supported on the operating systems listed in its release notes for 24 months after general availability. Installation cases receive a first response within 4 hours during business hours. Offline installers are available for air-gapped networks on request. Customers on unsupported platforms receive best-effort help only. Upgrades keep the project settings of the two previous releases.`,
    facts: [
      { key: 'release-support', value: '24 months', wrongValues: ['6 months', '60 months'], statement: 'Each release is supported on the listed operating systems for {value} after general availability.' },
      { key: 'install-response', value: '4 hours', wrongValues: ['48 hours', '15 minutes'], statement: 'Installation cases receive a first response within {value} during business hours.' },
    ],
    qa: [
      { question: 'For how long is each release supported on its listed operating systems?', answer: '24 months after general availability' },
      { question: 'How fast do installation cases get a first response?', answer: 'within 4 hours during business hours' },
      { question: 'Are offline installers available for air-gapped networks?', answer: 'Offline installers are available for air-gapped networks on request' },
      { question: 'What help do customers on unsupported platforms receive?', answer: 'best-effort help only' },
      { question: 'Which project settings do upgrades keep?', answer: 'the project settings of the two previous releases' },
    ],
  },
  {
    key: 'performance', issue: 'Performance Degradation',
    title: 'Performance Service Levels and Escalation',
    summary: 'Performance regressions of more than 20% against the previous release are treated as defects.',
    body: `A run time regression of more than 20% against the previous release on the same design and hardware is treated as a product defect. Performance cases are escalated to engineering after 3 business days without a workaround. Customers are asked for a reproducible test case and the run logs. Tuning reviews with an application engineer are included for Premier Support customers.`,
    facts: [
      { key: 'regression-threshold', value: '20%', wrongValues: ['50%', '5%'], statement: 'A run time regression of more than {value} against the previous release is treated as a product defect.' },
      { key: 'performance-escalation', value: '3 business days', wrongValues: ['30 business days', '1 business day'], statement: 'Performance cases are escalated to engineering after {value} without a workaround.' },
    ],
    qa: [
      { question: 'How large a run time regression is treated as a product defect?', answer: 'more than 20% against the previous release' },
      { question: 'When are performance cases escalated to engineering?', answer: 'after 3 business days without a workaround' },
      { question: 'What are customers asked for in a performance case?', answer: 'a reproducible test case and the run logs' },
      { question: 'Which customers get tuning reviews with an application engineer?', answer: 'included for Premier Support customers' },
    ],
  },
  {
    key: 'integration', issue: 'Integration Error',
    title: 'API and Integration Support Policy',
    summary: 'API versions are supported for 18 months after a newer version ships; access tokens expire after 90 days.',
    body: `Each version of the ${C} REST API stays supported for 18 months after a newer version is released. Integrations are limited to 600 calls per minute per organization. API access tokens expire after 90 days and must then be regenerated by an administrator. Connectors for version control and lifecycle management systems are certified for the two most recent releases of each partner system. Custom scripts written by customers are outside the scope of support, although our engineers will review logs from them.`,
    facts: [
      { key: 'api-support', value: '18 months', wrongValues: ['3 months', '36 months'], statement: 'An API version stays supported for {value} after a newer version is released.' },
      { key: 'api-token-expiry', value: '90 days', wrongValues: ['1 year', '7 days', '30 days'], statement: 'Your API access tokens expire after {value}, after which an administrator regenerates them.' },
    ],
    qa: [
      { question: 'How long does an API version stay supported after a newer one is released?', answer: '18 months after a newer version is released' },
      { question: 'What is the API rate limit per organization?', answer: '600 calls per minute per organization' },
      { question: 'When do API access tokens expire?', answer: 'expire after 90 days and must then be regenerated by an administrator' },
      { question: 'For which partner releases are connectors certified?', answer: 'the two most recent releases of each partner system' },
      { question: 'Are custom scripts written by customers supported?', answer: 'Custom scripts written by customers are outside the scope of support' },
    ],
  },
  {
    key: 'data-sync', issue: 'Data Sync Failure',
    title: 'Design Data Synchronization and Backup Policy',
    summary: 'Workspaces sync every 15 minutes; backups are kept for 35 days.',
    body: `Collaboration workspaces synchronize design data between sites every 15 minutes. Daily backups of every workspace are kept for 35 days and can be restored by support on request. A sync conflict keeps both versions and flags the file for review instead of overwriting it. Data stays in the region chosen at setup.`,
    facts: [
      { key: 'sync-interval', value: '15 minutes', wrongValues: ['24 hours', '2 minutes'], statement: 'Workspaces synchronize design data between sites every {value}.' },
      { key: 'backup-retention', value: '35 days', wrongValues: ['7 days', '1 year'], statement: 'Daily backups of your workspace are kept for {value}.' },
    ],
    qa: [
      { question: 'How often do collaboration workspaces synchronize design data between sites?', answer: 'between sites every 15 minutes' },
      { question: 'How long are daily workspace backups kept?', answer: 'kept for 35 days' },
      { question: 'What happens to a file when a sync conflict occurs?', answer: 'keeps both versions and flags the file for review' },
      { question: 'Where is workspace data stored?', answer: 'Data stays in the region chosen at setup' },
    ],
  },
  {
    key: 'security', issue: 'Security Vulnerability',
    title: 'Security Vulnerability Handling and Patch Policy',
    summary: 'Critical vulnerabilities are patched within 7 days of confirmation; advisories go to security contacts.',
    body: `Reported vulnerabilities are triaged within 1 business day. Critical vulnerabilities are patched within 7 days of confirmation and high-severity ones within 30 days. Security advisories are sent to each customer's registered security contacts. Design data is encrypted at rest with AES-256 and in transit with TLS 1.3. Customers may run penetration tests against their own tenant after notifying ${C} in writing.`,
    facts: [
      { key: 'critical-patch', value: '7 days', wrongValues: ['90 days', '6 months'], statement: 'Critical vulnerabilities are patched within {value} of confirmation.' },
      { key: 'high-patch', value: '30 days', wrongValues: ['1 year', '180 days'], statement: 'High-severity vulnerabilities are patched within {value}.' },
    ],
    qa: [
      { question: 'How quickly are reported vulnerabilities triaged?', answer: 'triaged within 1 business day' },
      { question: 'How fast are critical vulnerabilities patched?', answer: 'within 7 days of confirmation' },
      { question: 'Who receives security advisories?', answer: "each customer's registered security contacts" },
      { question: 'How is design data encrypted at rest and in transit?', answer: 'AES-256 and in transit with TLS 1.3' },
      { question: 'What must customers do before running a penetration test?', answer: `after notifying ${C} in writing` },
    ],
  },
  {
    key: 'renewal', issue: 'Subscription Renewal',
    title: 'Subscription Renewal, Co-Terming and Lapsed Subscriptions',
    summary: 'Renewal quotes are sent 90 days before the end date; a lapsed subscription keeps working for 30 days.',
    body: `Renewal quotes are sent 90 days before a subscription's end date. A lapsed subscription keeps working for a grace period of 30 days; after that the licenses stop serving seats. Seats can be reduced at renewal by at most 25% without a new agreement. Subscriptions bought at different times can be co-termed to a single renewal date, with the added period prorated.`,
    facts: [
      { key: 'renewal-grace', value: '30 days', wrongValues: ['90 days', '7 days'], statement: 'A lapsed subscription keeps working for a grace period of {value}.' },
      { key: 'seat-reduction', value: '25%', wrongValues: ['75%', '50%'], statement: 'At renewal you can reduce your seats by at most {value} without a new agreement.' },
    ],
    qa: [
      { question: 'How far ahead of the end date are renewal quotes sent?', answer: "90 days before a subscription's end date" },
      { question: 'How long does a lapsed subscription keep working?', answer: 'a grace period of 30 days' },
      { question: 'By how much can seats be reduced at renewal without a new agreement?', answer: 'by at most 25% without a new agreement' },
      { question: 'How is the added period charged when subscriptions are co-termed?', answer: 'with the added period prorated' },
    ],
  },
  {
    key: 'feature-access', issue: 'Feature Access Request',
    title: 'Editions, Add-On Modules and Early Access',
    summary: 'Add-on modules are enabled within 2 business days of purchase; early access lasts 60 days.',
    body: `Features are packaged in editions; the feature matrix of each product lists what every edition includes. Add-on modules are enabled on the customer's entitlement within 2 business days of purchase. Early access programs give selected customers preview features for 60 days at no charge. Preview features are not covered by service levels. Customers can trial a higher edition once per contract year.`,
    facts: [
      { key: 'module-enable', value: '2 business days', wrongValues: ['2 weeks', '20 business days'], statement: 'Add-on modules are enabled on your entitlement within {value} of purchase.' },
      { key: 'early-access', value: '60 days', wrongValues: ['1 year', '7 days'], statement: 'The early access program gives you the preview features for {value} at no charge.' },
    ],
    qa: [
      { question: 'Where can customers see what each edition includes?', answer: 'the feature matrix of each product' },
      { question: 'How quickly are add-on modules enabled after purchase?', answer: "enabled on the customer's entitlement within 2 business days of purchase" },
      { question: 'How long do early access programs give preview features?', answer: 'preview features for 60 days at no charge' },
      { question: 'Are preview features covered by service levels?', answer: 'Preview features are not covered by service levels' },
      { question: 'How often can a customer trial a higher edition?', answer: 'once per contract year' },
    ],
  },
  {
    key: 'defects', issue: 'Software Bug',
    title: 'Software Defect Severity Levels and Fix Commitments',
    summary: 'Severity 1 defects get a workaround or fix within 48 hours; fixes ship in monthly patches.',
    body: `Defects are classified from Severity 1 (production down) to Severity 4 (cosmetic). For Severity 1 defects, ${C} provides a workaround or a hotfix within 48 hours of a reproducible test case. Other confirmed defects are fixed in the monthly patch releases. Hotfixes are merged into the next patch, so customers do not need to reapply them. Defects in releases past their support period are fixed only in current releases.`,
    facts: [
      { key: 'sev1-fix', value: '48 hours', wrongValues: ['2 weeks', '6 hours'], statement: 'For a Severity 1 defect we provide a workaround or a hotfix within {value} of a reproducible test case.' },
    ],
    qa: [
      { question: 'How are software defects classified?', answer: 'from Severity 1 (production down) to Severity 4 (cosmetic)' },
      { question: 'How fast is a workaround or hotfix provided for a Severity 1 defect?', answer: 'a workaround or a hotfix within 48 hours of a reproducible test case' },
      { question: 'When are confirmed defects other than Severity 1 fixed?', answer: 'in the monthly patch releases' },
      { question: 'Do customers need to reapply hotfixes after a patch?', answer: 'Hotfixes are merged into the next patch' },
      { question: 'Are defects in releases past their support period fixed?', answer: 'fixed only in current releases' },
    ],
  },
];

const FAQ: ArticleDef[] = [
  { key: 'support-plans', title: 'Support Plans: Standard and Premier', summary: 'Standard support covers business hours; Premier adds a named engineer.', facts: [],
    body: `Standard support is included with every subscription and covers business hours in the customer's region. Premier Support adds a named technical account manager, around-the-clock coverage for production-down cases and quarterly health checks. Cases can be opened by email, chat or the support portal by any registered contact of the account.`,
    qa: [
      { question: 'What does Standard support cover?', answer: "business hours in the customer's region" },
      { question: 'What does Premier Support add?', answer: 'a named technical account manager, around-the-clock coverage for production-down cases and quarterly health checks' },
      { question: 'Who can open support cases for an account?', answer: 'any registered contact of the account' },
    ] },
  { key: 'training', title: 'Training and Certification for Engineers', summary: 'Instructor-led courses, self-paced labs and certification exams.', facts: [],
    body: `Engineers can take instructor-led courses remotely or on site, or follow self-paced labs in the learning portal. Certification exams can be retaken once free of charge. Training credits bought with a subscription expire at the end of the subscription term.`,
    qa: [
      { question: 'How can engineers follow training courses?', answer: 'instructor-led courses remotely or on site, or follow self-paced labs in the learning portal' },
      { question: 'Can a certification exam be retaken?', answer: 'retaken once free of charge' },
      { question: 'When do training credits bought with a subscription expire?', answer: 'expire at the end of the subscription term' },
    ] },
  { key: 'export-control', title: 'Export Control and Restricted Regions', summary: 'Orders are screened against export regulations before activation.', facts: [],
    body: `Every order is screened against export control regulations before licenses are activated. Some products cannot be delivered to restricted regions or end users. Customers must tell ${C} before moving licenses to another country.`,
    qa: [
      { question: 'When are orders screened against export control regulations?', answer: 'before licenses are activated' },
      { question: 'What must customers do before moving licenses to another country?', answer: `tell ${C} before moving licenses to another country` },
    ] },
  { key: 'academic', title: 'Academic Program for Universities', summary: 'Universities get teaching licenses for courses and research.', facts: [],
    body: `Accredited universities can license our tools at academic prices for teaching and non-commercial research. Academic licenses cannot be used for commercial design work. Students get free access to the self-paced labs while enrolled in a partner course.`,
    qa: [
      { question: 'What can academic licenses be used for?', answer: 'teaching and non-commercial research' },
      { question: 'Can academic licenses be used for commercial design work?', answer: 'Academic licenses cannot be used for commercial design work' },
      { question: 'What do students in a partner course get?', answer: 'free access to the self-paced labs while enrolled in a partner course' },
    ] },
  { key: 'account-admin', title: 'Managing Users and Administrators in the Support Portal', summary: 'Account administrators add users and assign seats.', facts: [],
    body: `Each customer account has at least one administrator who adds users, assigns seats and manages license files in the support portal. Administrators can grant the download permission per user. Removing a user frees their named seat immediately.`,
    qa: [
      { question: 'What does an account administrator do in the support portal?', answer: 'adds users, assigns seats and manages license files' },
      { question: 'What happens to a named seat when a user is removed?', answer: 'Removing a user frees their named seat immediately' },
      { question: 'Who can be granted the download permission?', answer: 'grant the download permission per user' },
    ] },
];

/** Competitor comparisons, as CRMArena-Pro's B2B knowledge base has ("Competitor: ..."); our own invented rivals. */
const COMPETITORS: ArticleDef[] = [
  { key: 'competitor-quantacad', title: 'Competitor: QuantaCAD Layout Studio', summary: 'How our layout tools compare with QuantaCAD Layout Studio.', facts: [],
    body: `QuantaCAD Layout Studio is a desktop layout tool sold per node-locked seat. Our circuit design suites offer floating licenses and a cloud option instead. QuantaCAD lacks an integrated simulator, so customers export netlists to a separate tool. Migration from QuantaCAD is covered by our Migration Service with a design translator.`,
    qa: [
      { question: 'How is QuantaCAD Layout Studio licensed?', answer: 'sold per node-locked seat' },
      { question: 'What does QuantaCAD Layout Studio lack compared with our suites?', answer: 'QuantaCAD lacks an integrated simulator' },
      { question: 'How are customers migrated from QuantaCAD?', answer: 'covered by our Migration Service with a design translator' },
    ] },
  { key: 'competitor-ampliverge', title: 'Competitor: Ampliverge Power Suite', summary: 'Positioning against Ampliverge Power Suite for power analysis.', facts: [],
    body: `Ampliverge Power Suite focuses on sign-off power analysis late in the flow. Our power optimization products estimate power from the architecture stage onward. Ampliverge charges separately for thermal analysis, which our suites include. Sales teams should stress early estimation and the bundled thermal solver.`,
    qa: [
      { question: 'Where in the flow does Ampliverge Power Suite focus?', answer: 'sign-off power analysis late in the flow' },
      { question: 'What does Ampliverge charge separately for?', answer: 'charges separately for thermal analysis' },
      { question: 'What should sales teams stress against Ampliverge?', answer: 'early estimation and the bundled thermal solver' },
    ] },
  { key: 'competitor-sentrix', title: 'Competitor: Sentrix Design Guard', summary: 'How our security products compare with Sentrix Design Guard.', facts: [],
    body: `Sentrix Design Guard protects design files with per-file passwords. Our security products use role-based access and encrypted exchange with partners. Sentrix has no audit trail for export-control reviews. Customers leaving Sentrix can import their access lists with our onboarding package.`,
    qa: [
      { question: 'How does Sentrix Design Guard protect design files?', answer: 'per-file passwords' },
      { question: 'What does Sentrix lack for export-control reviews?', answer: 'no audit trail for export-control reviews' },
      { question: 'How can customers leaving Sentrix bring their access lists?', answer: 'import their access lists with our onboarding package' },
    ] },
  { key: 'competitor-insightforge', title: 'Competitor: InsightForge Analytics', summary: 'Positioning against InsightForge for design and yield analytics.', facts: [],
    body: `InsightForge Analytics is a general-purpose business intelligence tool without design data connectors. Our design analytics products read simulation, test and yield data directly. InsightForge needs a data engineering team to build pipelines. Our predictive yield models are trained on semiconductor data out of the box.`,
    qa: [
      { question: 'What does InsightForge Analytics lack for design teams?', answer: 'without design data connectors' },
      { question: 'What does InsightForge need to build pipelines?', answer: 'a data engineering team' },
      { question: 'What are our predictive yield models trained on?', answer: 'trained on semiconductor data out of the box' },
    ] },
];

/** A getting-started guide and a release overview per category. */
function categoryArticles(): ArticleDef[] {
  return B2B_CATEGORIES.flatMap((cat): ArticleDef[] => {
    const lower = cat.name.toLowerCase();
    return [
      {
        key: `start-${cat.code.toLowerCase()}`,
        title: `Getting Started with ${C} ${cat.name}`,
        summary: `First steps with our ${lower} products.`,
        facts: [],
        body: `${cat.description} Our ${lower} products are built on ${cat.materials[0]}. To get started, install the ${cat.kinds[0]!.toLowerCase()} first and connect it to your license server. Most teams then enable ${cat.features[0]}.`,
        qa: [
          { question: `Which product should be installed first when starting with ${lower}?`, answer: `install the ${cat.kinds[0]!.toLowerCase()} first` },
          { question: `What are ${C} ${lower} products built on?`, answer: cat.materials[0]! },
        ],
      },
      {
        key: `release-${cat.code.toLowerCase()}`,
        title: `What's New in ${cat.name}`,
        summary: `Highlights of the latest ${lower} release.`,
        facts: [],
        body: `The latest release of our ${lower} adds ${cat.features[1]} and improves ${cat.features[2]}. Customers upgrading from earlier releases keep their project settings.`,
        qa: [
          { question: `What does the latest release of ${lower} add?`, answer: cat.features[1]! },
          { question: `What does the latest ${lower} release improve?`, answer: `improves ${cat.features[2]}` },
        ],
      },
    ];
  });
}

export const B2B_ARTICLES: readonly ArticleDef[] = [...POLICY, ...FAQ, ...COMPETITORS, ...categoryArticles()];
