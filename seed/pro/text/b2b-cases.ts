/**
 * The B2B vendor's ten issues and what its customers' engineers and buyers write about them. Same
 * placeholders as seed/text/case-bank.ts: `{product}`, `{kind}`, `{orderDate}`, `{color}` (the
 * edition), and the product-dependent `{part}`/`{Part}`, `{it}`, `{sizeNote}` (b2bProductVars).
 * Agents' phrases carry no numbers: the policy-violation task reads every quantity an agent states.
 */
import type { IssueTheme } from '../../text/theme.ts';

export const B2B_ISSUES: readonly IssueTheme[] = [
  {
    name: 'Billing Dispute', phrase: 'billing',
    description: 'Invoice errors, duplicate charges, wrong seat counts billed and disputed subscription fees.',
    // Annual invoices go out in January; mid-year true-ups in July.
    monthFactor: (m) => (m === 1 ? 1.8 : m === 7 ? 1.4 : 1),
    delayDays: (rng) => rng.lognormal(25, 0.6),
    cases: {
      subjects: ['Invoice Discrepancy - {product}', 'Duplicate Charge for {product}', 'Billed for Wrong Seat Count - {product}', 'Disputed Subscription Fee - {product}'],
      descriptions: [
        'Our invoice for the {product} ordered on {orderDate} lists more seats than we purchased. Please correct the invoice.',
        'We were charged twice for the {product} subscription. Our finance team needs a credit note for the duplicate charge.',
        'The amount on our invoice for the {product} does not match the quote we signed. Can you review it?',
        'We are disputing a renewal fee for the {product} that we did not authorize after {orderDate}.',
      ],
      followUps: ['I have attached the signed quote and the invoice for comparison.', 'Our purchase order number is on the original order.', 'Please send the corrected invoice to our accounts payable team.'],
      resolutions: ['I have issued a credit note for the duplicate charge.', 'I have corrected the seat count on the invoice and sent the revised copy.', 'I have aligned the invoice with your signed quote and refunded the difference.'],
      priorityWeights: [3, 5, 2], reason: 'Billing', type: 'Problem',
    },
  },
  {
    name: 'License Activation', phrase: 'licensing',
    description: 'License keys that fail to activate, seats not assigned, floating license server errors and host ID changes.',
    monthFactor: (m) => (m === 1 || m === 7 ? 1.5 : 1),
    delayDays: (rng) => rng.real(0.1, 10),
    cases: {
      subjects: ['License Key Not Activating - {product}', 'Seats Missing After Purchase of {product}', 'License Server Error with {product}', 'Host ID Change for {product}'],
      descriptions: [
        'The license key we received for the {product} is rejected as invalid when our engineers try to activate it.',
        'We bought additional seats of the {product} on {orderDate}, but the license portal still shows the old seat count.',
        'Our floating license server stopped serving {product} licenses after a restart. Engineers cannot check out a seat.',
        'We replaced the server that hosts our {product} licenses and need the license rehosted to the new host ID.',
      ],
      followUps: ['Here is the error message from the license manager log.', 'We have an important tape-out this week, so this is urgent.', 'The new host ID is in the attached file.'],
      resolutions: ['I have regenerated your license file and sent it to your administrator.', 'I have added the missing seats to your entitlement.', 'I have rehosted the license to your new server.'],
      priorityWeights: [5, 4, 1], reason: 'Licensing', type: 'Problem',
    },
  },
  {
    name: 'Installation Failure', phrase: 'installation',
    description: 'Installers that stop, missing dependencies, unsupported operating systems and failed upgrades.',
    monthFactor: () => 1,
    delayDays: (rng) => rng.real(0.1, 14),
    cases: {
      subjects: ['Installation Fails - {product}', 'Upgrade Error on {product}', 'Installer Stops Midway - {product}', 'Missing Dependency Installing {product}'],
      descriptions: [
        'The installer for the {product} stops with a dependency error on our Linux workstations.',
        'Upgrading the {product} to the latest release fails and rolls back. Our team is blocked.',
        'The {part} of the {product} does not install on our build servers; the setup log shows a permission error.',
        'We cannot complete the installation of the {product} ordered on {orderDate}; the setup wizard freezes.',
      ],
      followUps: ['I have attached the installation log.', 'We are running the supported operating system version.', 'Is there an offline installer we can use?'],
      resolutions: ['I have sent you the offline installer and the missing runtime package.', 'I have walked your administrator through a clean reinstall.', 'I have provided a patched installer that fixes the permission check.'],
      priorityWeights: [4, 5, 1], reason: 'Installation', type: 'Problem',
    },
  },
  {
    name: 'Performance Degradation', phrase: 'performance',
    description: 'Slow runs, long load times, memory exhaustion and jobs that take far longer than before.',
    monthFactor: () => 1,
    delayDays: (rng) => rng.lognormal(45, 0.6),
    cases: {
      subjects: ['{product} Running Slowly', 'Long Run Times in {product}', 'Memory Usage Spikes - {product}', 'Performance Drop After Update - {product}'],
      descriptions: [
        'Since we started using the {product}, our runs take much longer than in the evaluation.',
        'The {part} of the {product} uses all available memory on large designs and the job is killed.',
        'After the latest update, the {product} became noticeably slower on our regression suite.',
        'Loading a full project in the {product} takes several minutes; our engineers are losing time every day.',
      ],
      followUps: ['The design has about two million instances.', 'We run it on our standard compute nodes.', 'Here is a profile of the slow run.'],
      resolutions: ['I have shared tuning settings that restore the expected run time.', 'I have sent a patch that fixes the memory leak.', 'I have enabled the parallel mode for your license and confirmed the speedup.'],
      priorityWeights: [4, 4, 2], reason: 'Performance', type: 'Problem',
    },
  },
  {
    name: 'Integration Error', phrase: 'integration',
    description: 'Failures connecting to other tools, APIs, PLM and version-control systems or third-party flows.',
    monthFactor: () => 1,
    delayDays: (rng) => rng.lognormal(20, 0.6),
    cases: {
      subjects: ['API Integration Failing - {product}', '{product} Not Connecting to Our PLM', 'Plugin Error Between Tools - {product}', 'Flow Integration Broken - {product}'],
      descriptions: [
        'The API of the {product} returns authentication errors when our scripts call it.',
        'We cannot connect the {product} to our product lifecycle management system; the connector times out.',
        'The {part} that links the {product} to our version-control system fails after the last update.',
        'Our design flow breaks when the {product} exchanges files with our other tools.',
      ],
      followUps: ['Our integration uses the documented REST endpoints.', 'Here is the stack trace from the connector.', 'It worked until last week.'],
      resolutions: ['I have corrected the connector configuration with your administrator.', 'I have sent an updated plugin that restores the integration.', 'I have issued new API credentials and confirmed the calls succeed.'],
      priorityWeights: [3, 5, 2], reason: 'Integration', type: 'Problem',
    },
  },
  {
    name: 'Data Sync Failure', phrase: 'data sync',
    description: 'Design data, results or dashboards that stop synchronizing between sites, users or the cloud.',
    monthFactor: () => 1,
    delayDays: (rng) => rng.lognormal(30, 0.6),
    cases: {
      subjects: ['Data Not Syncing - {product}', 'Sync Conflicts in {product}', 'Results Missing After Sync - {product}', 'Cloud Sync Stuck - {product}'],
      descriptions: [
        'Changes made in the {product} at one site do not appear for the team at our other site.',
        'The {product} reports sync conflicts on files that nobody edited.',
        'Results from last night are missing in the {product} after the scheduled sync.',
        'The cloud synchronization of the {product} has been stuck since {orderDate}.',
      ],
      followUps: ['Both sites use the same project settings.', 'We have not changed our network configuration.', 'Can you check the sync service on your side?'],
      resolutions: ['I have resynchronized the project and cleared the stale locks.', 'I have repaired the sync index on your workspace.', 'I have restarted the sync service and confirmed the data is current.'],
      priorityWeights: [4, 4, 2], reason: 'Data', type: 'Problem',
    },
  },
  {
    name: 'Security Vulnerability', phrase: 'security',
    description: 'Reported vulnerabilities, security patches, access-control gaps and audit questions.',
    // Security audits cluster at quarter ends of the customers' compliance calendars.
    monthFactor: (m) => (m === 3 || m === 9 ? 1.8 : 1),
    delayDays: (rng) => rng.real(30, 300),
    cases: {
      subjects: ['Security Vulnerability Report - {product}', 'Security Patch Needed for {product}', 'Access Control Gap in {product}', 'Audit Question About {product}'],
      descriptions: [
        'Our security team found a vulnerability in the {part} of the {product} during a penetration test.',
        'Our scanner flags an outdated library in the {product}. Is a security patch available?',
        'Users without the right role can open restricted projects in the {product}.',
        'Our auditors need details on how the {product} encrypts design data at rest.',
      ],
      followUps: ['The scan report is attached.', 'We need an answer before our audit closes.', 'Please treat this report as confidential.'],
      resolutions: ['I have shared the security patch and the advisory with your team.', 'I have corrected the role configuration and confirmed the access is restricted.', 'I have sent the security documentation your auditors asked for.'],
      priorityWeights: [6, 3, 1], reason: 'Security', type: 'Problem',
    },
  },
  {
    name: 'Subscription Renewal', phrase: 'renewal',
    description: 'Renewal quotes, co-terming, lapsed subscriptions and changes to seats at renewal.',
    // Fiscal year-end (December) and mid-year renewals.
    monthFactor: (m) => (m === 12 ? 4 : m === 6 ? 2 : 1),
    // Renewal questions come in the month before the subscription's anniversary.
    delayDays: (rng) => rng.real(330, 362),
    cases: {
      subjects: ['Renewal Quote for {product}', 'Subscription Lapsed - {product}', 'Co-Term Renewal Request - {product}', 'Change Seats at Renewal - {product}'],
      descriptions: [
        'Our subscription to the {product} is up for renewal and we need a quote for our budget review.',
        'Our {product} subscription lapsed and the tool stopped working before the renewal was processed.',
        'We would like to co-term the {product} with our other subscriptions at the next renewal.',
        'At renewal we want to reduce the seats of the {product} and move them to the {color} edition.',
      ],
      followUps: ['Our fiscal year closes at the end of the quarter.', 'Please include multi-year options.', 'Who should sign the renewal on our side?'],
      resolutions: ['I have sent the renewal quote to your procurement team.', 'I have reinstated the subscription while the renewal is processed.', 'I have aligned the subscription end dates for a single renewal.'],
      priorityWeights: [2, 5, 3], reason: 'Renewal', type: 'Question',
    },
  },
  {
    name: 'Feature Access Request', phrase: 'feature access',
    description: 'Features that are missing from an edition, add-on modules and requests to enable options.',
    monthFactor: () => 1,
    delayDays: (rng) => rng.lognormal(10, 0.6),
    cases: {
      subjects: ['Feature Not Available in {product}', 'Enable Add-On Module - {product}', 'Request Access to {Part} - {product}', 'Edition Features Question - {product}'],
      descriptions: [
        'A feature shown in the {product} demo is greyed out in our installation.',
        'We purchased the {product} on {orderDate} and need the {part} module enabled.',
        'Does the {color} edition of the {product} include the advanced analysis features?',
        'Our engineers need access to the beta features of the {product}.',
      ],
      followUps: ['The feature is listed on our order.', 'Which edition includes it?', 'We can join a beta program if needed.'],
      resolutions: ['I have enabled the module on your entitlement.', 'I have explained which edition includes the feature and sent an upgrade quote.', 'I have added your team to the early access program.'],
      priorityWeights: [1, 4, 5], reason: 'Feature Request', type: 'Question',
    },
  },
  {
    name: 'Software Bug', phrase: 'software bug',
    description: 'Crashes, wrong results, error messages and other defects in the software.',
    monthFactor: () => 1,
    delayDays: (rng) => rng.lognormal(15, 0.7),
    cases: {
      subjects: ['{product} Crashes on Startup', 'Incorrect Results in {product}', 'Error Message in {Part} - {product}', 'Reproducible Bug in {product}'],
      descriptions: [
        'The {product} crashes every time we open a project created in the previous release.',
        'The {part} of the {product} reports results that do not match our hand calculations.',
        'We get an unexpected internal error in the {product} when exporting reports.',
        'We found a reproducible bug in the {product}; the steps to reproduce are below.',
      ],
      followUps: ['A test case that reproduces the problem is attached.', 'It happens on every machine we tried.', 'Is there a workaround we can use meanwhile?'],
      resolutions: ['I have sent a hotfix that resolves the crash.', 'Our engineering team confirmed the bug and the fix is in the latest patch.', 'I have provided a workaround and logged the defect for the next release.'],
      priorityWeights: [5, 4, 1], reason: 'Defect', type: 'Problem',
    },
  },
];

/** The module that fails, the pronoun and a note on seats (the B2B `{sizeNote}`). */
export function b2bProductVars(kind: string, pick: <T>(xs: readonly T[]) => T): Record<string, string> {
  const analytics = /Dashboard|Engine|Tracker|Analyzer|Hub/.test(kind);
  const service = /Package|Course|Plan|Service/.test(kind);
  const parts = analytics ? ['dashboard', 'data connector', 'report scheduler'] : service ? ['booking portal', 'course portal', 'support portal'] : ['license manager', 'solver', 'command-line interface', 'plugin'];
  const part = pick(parts);
  return { part, Part: part[0]!.toUpperCase() + part.slice(1), it: 'it', sizeNote: 'We licensed more seats than the portal shows.' };
}
