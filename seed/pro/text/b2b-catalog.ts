/**
 * CRMArena-Pro's B2B org (reference/crmarena.md §12.2: "an EDA / circuit-design software vendor" whose
 * products read like "AI Cirku-Tech", "OptiPower Manager", "SecureAnalytics Pro"): our own fictional
 * vendor, Voltrive Design Systems, selling design-automation, verification, power, analytics, security,
 * IP, cloud and service products to companies. Product names keep the original's "<line> <attribute>
 * <kind>" shape ("Cirquant AI-Assisted Power Optimization Manager"), so a buyer's paraphrase ("the
 * AI-assisted power optimization manager") matches several products and only the purchase history
 * disambiguates (CRMArena-Pro's NED example: "the power optimization manager that I purchased").
 */
import { d, type PricebookDef } from '../../generators/pricebooks.ts';
import type { CategoryDef } from '../../text/catalog-bank.ts';
import { DAY } from '../../time.ts';

export const B2B_COMPANY = { name: 'Voltrive Design Systems', domain: 'voltrive-design.com' } as const;

export const B2B_CATEGORIES: readonly CategoryDef[] = [
  {
    name: 'Circuit Design Suites', family: 'Design Automation', code: 'CDS',
    description: 'Schematic capture, simulation and layout tools for board and chip designers.',
    kinds: ['Schematic Designer', 'Circuit Simulator', 'Layout Editor', 'PCB Router', 'Design Rule Checker'],
    attributes: ['Cloud', 'Enterprise', 'AI-Assisted', 'Multi-Board', 'High-Speed', 'Team', 'Desktop', 'Mixed-Signal'],
    features: ['a unified schematic-to-layout database', 'push-and-shove interactive routing', 'constraint-driven placement', 'a SPICE-compatible simulation engine', 'real-time design rule checking'],
    materials: ['a GPU-accelerated geometry engine', 'an open design data model', 'a distributed job scheduler'],
    priceRange: [8000, 45000], peakMonths: [3, 6, 12],
  },
  {
    name: 'Verification & Timing', family: 'Design Automation', code: 'VER',
    description: 'Static timing, formal and simulation-based verification for complex designs.',
    kinds: ['Timing Analyzer', 'Formal Verifier', 'Logic Simulator', 'Signal Integrity Checker', 'Coverage Analyzer'],
    attributes: ['Static', 'Parallel', 'AI-Driven', 'Cloud', 'Enterprise', 'Incremental', 'Hierarchical', 'Low-Latency'],
    features: ['multi-corner multi-mode timing analysis', 'automatic property generation', 'incremental re-verification after each change', 'waveform debugging with root-cause hints', 'coverage closure reports'],
    materials: ['a parallel constraint solver', 'a cloud-native simulation kernel', 'an incremental netlist database'],
    priceRange: [12000, 60000], peakMonths: [6, 12],
  },
  {
    name: 'Power Optimization', family: 'Power Tools', code: 'PWR',
    description: 'Power estimation, power integrity and thermal analysis from architecture to sign-off.',
    kinds: ['Power Optimization Manager', 'Thermal Modeler', 'Power Integrity Analyzer', 'Voltage Drop Planner', 'Energy Estimator'],
    attributes: ['Adaptive', 'Cloud', 'Enterprise', 'AI-Assisted', 'Low-Power', 'Dynamic', 'Chip-Level', 'Board-Level'],
    features: ['activity-based power estimation', 'IR-drop and electromigration analysis', 'thermal maps with hotspot detection', 'automatic clock-gating suggestions', 'power budgets tracked per block'],
    materials: ['a vectorless power engine', 'a finite-element thermal solver', 'an activity propagation model'],
    priceRange: [6000, 30000], peakMonths: [3, 9],
  },
  {
    name: 'Design Analytics', family: 'Analytics', code: 'ANA',
    description: 'Dashboards and predictive analytics over design, test and manufacturing data.',
    kinds: ['Yield Analytics Dashboard', 'Design Insights Engine', 'Regression Tracker', 'Test Data Analyzer', 'Manufacturing Intelligence Hub'],
    attributes: ['Predictive', 'Real-Time', 'Cloud', 'Enterprise', 'AI-Powered', 'Collaborative', 'Self-Service', 'Embedded'],
    features: ['predictive yield models', 'drill-down dashboards per project', 'anomaly alerts on regression runs', 'scheduled executive reports', 'a query builder for engineers'],
    materials: ['a columnar analytics store', 'a streaming ingestion pipeline', 'a machine-learning model registry'],
    priceRange: [4000, 25000], peakMonths: [1, 7],
  },
  {
    name: 'Security & Compliance', family: 'Security', code: 'SEC',
    description: 'Protection of design IP, secure access and compliance auditing for engineering teams.',
    kinds: ['Hardware Trust Scanner', 'IP Protection Vault', 'Secure Access Gateway', 'Compliance Auditor', 'Threat Detection Monitor'],
    attributes: ['Zero-Trust', 'Cloud', 'Enterprise', 'AI-Driven', 'Encrypted', 'Continuous', 'Federated', 'Managed'],
    features: ['role-based access to design files', 'encrypted IP exchange with partners', 'audit trails for export-control reviews', 'hardware trojan detection', 'single sign-on with multi-factor authentication'],
    materials: ['an end-to-end encryption layer', 'a policy engine', 'a tamper-evident audit ledger'],
    priceRange: [5000, 28000], peakMonths: [3, 9, 12],
  },
  {
    name: 'IP Libraries', family: 'Design IP', code: 'LIB',
    description: 'Silicon-proven interface, memory, analog and processor IP for faster tape-outs.',
    kinds: ['Interface IP Library', 'Memory Compiler', 'Standard Cell Library', 'Analog IP Kit', 'Processor Core Package'],
    attributes: ['Silicon-Proven', 'Low-Power', 'High-Performance', 'Automotive-Grade', 'Configurable', 'Licensed', 'Premium', 'Starter'],
    features: ['characterized views for every process corner', 'verification IP bundled with each block', 'configurable bus widths', 'safety documentation for automotive projects', 'integration guides and reference designs'],
    materials: ['characterized timing and power views', 'a parameterized IP generator', 'silicon test chip data'],
    priceRange: [15000, 90000], peakMonths: [6, 12],
  },
  {
    name: 'Cloud Compute & Collaboration', family: 'Cloud Services', code: 'CLD',
    description: 'Elastic compute, design data management and collaboration for distributed teams.',
    kinds: ['Simulation Compute Pack', 'Design Data Manager', 'Collaboration Workspace', 'License Server', 'Job Scheduler'],
    attributes: ['Elastic', 'Hybrid', 'Enterprise', 'Secure', 'Multi-Site', 'On-Demand', 'Reserved', 'Managed'],
    features: ['burst capacity for regression runs', 'version control for design data', 'shared review workspaces', 'floating license pools across sites', 'usage reports per project'],
    materials: ['a hybrid cloud control plane', 'a content-addressed data store', 'a container orchestration layer'],
    priceRange: [2000, 15000], peakMonths: [1, 4, 10],
  },
  {
    name: 'Services & Training', family: 'Services', code: 'SVC',
    description: 'Onboarding, training, premier support and design services from our engineers.',
    kinds: ['Onboarding Package', 'Training Course', 'Premier Support Plan', 'Design Review Service', 'Migration Service'],
    attributes: ['Remote', 'On-Site', 'Enterprise', 'Accelerated', 'Custom', 'Standard', 'Advanced', 'Certified'],
    features: ['a named technical account manager', 'hands-on labs with real designs', 'flow migration from other vendors', 'quarterly health checks', 'certification exams for engineers'],
    materials: ['our field application engineers', 'a library of guided labs', 'proven migration playbooks'],
    priceRange: [1500, 12000], peakMonths: [1, 9],
  },
];

export const B2B_RELATED: Readonly<Record<string, readonly string[]>> = {
  CDS: ['VER', 'LIB', 'CLD'], VER: ['CDS', 'CLD'], PWR: ['VER', 'ANA'], ANA: ['CLD', 'PWR'],
  SEC: ['CLD', 'ANA'], LIB: ['CDS', 'VER'], CLD: ['CDS', 'ANA', 'SEC'], SVC: ['CDS', 'VER', 'PWR'],
};

/** One-word product lines of our own (no real vendor's names). */
export const B2B_PRODUCT_LINES = [
  'Cirquant', 'Optivolt', 'Siliqa', 'Nexlayer', 'Tracewell', 'Gridlume', 'Quorrant', 'Fluxiora',
  'Lumatrace', 'Synthrel', 'Arcweave', 'Corelane', 'Helixor', 'Vectorin', 'Pathwise', 'Boltara',
] as const;

/** Editions stand in for colors: descriptions and case texts name them ("the Professional edition"). */
export const B2B_EDITIONS = ['Standard', 'Professional', 'Enterprise', 'Ultimate', 'Academic', 'Team', 'Starter', 'Premium', 'Developer', 'Sign-Off'] as const;

const FAMILY_BY_KIND = new Map(B2B_CATEGORIES.flatMap((c) => c.kinds.map((k) => [k, c.family] as const)));
export const b2bFamilyOfKind = (kind: string): string => FAMILY_BY_KIND.get(kind) ?? 'Design Automation';

/**
 * Price books of a software vendor: the list price book, a yearly price list per fiscal year,
 * dated promotions (quarter-end and fiscal-year-end deals, a design-conference offer) and standing
 * programs (enterprise agreements, academia, partners, government, startups).
 */
export function b2bPricebooks(): PricebookDef[] {
  const defs: PricebookDef[] = [
    { name: 'Standard Price Book', description: 'List prices for every product.', kind: 'standard', fromMs: d(2019, 1, 1), toMs: d(2030, 12, 31), factor: [1, 1] },
  ];
  for (let y = 2020; y <= 2024; y++) {
    for (const [h, m0, m1] of [['H1', 1, 6], ['H2', 7, 12]] as const) {
      if (y === 2024 && h === 'H2') continue;
      defs.push({ name: `FY${y} ${h} Price List`, description: `Price list for the ${h === 'H1' ? 'first' : 'second'} half of fiscal ${y}.`, kind: 'season', fromMs: d(y, m0, 1), toMs: d(y, m1 + 1, 1) - DAY, factor: [0.96, 1.04] });
    }
  }
  for (let y = 2020; y <= 2023; y++) {
    defs.push({ name: `Q1 Kickoff Offer ${y}`, description: 'New-year offer for new design seats.', kind: 'promo', fromMs: d(y, 1, 10), toMs: d(y, 2, 10), factor: [0.85, 0.9] });
    defs.push({ name: `Design Conference Special ${y}`, description: 'Offer announced at the summer design-automation conference.', kind: 'promo', fromMs: d(y, 6, 20), toMs: d(y, 7, 15), factor: [0.8, 0.88] });
    defs.push({ name: `Q3 Close Incentive ${y}`, description: 'Quarter-end incentive for multi-year subscriptions.', kind: 'promo', fromMs: d(y, 9, 15), toMs: d(y, 9, 30), factor: [0.82, 0.9] });
    defs.push({ name: `Fiscal Year-End Deal ${y}`, description: 'Fiscal year-end pricing for committed budgets.', kind: 'promo', fromMs: d(y, 11, 25), toMs: d(y, 12, 31), factor: [0.75, 0.85] });
  }
  for (const [name, description, f] of [
    ['Enterprise Agreement Pricing', 'Prices under multi-year enterprise agreements.', [0.78, 0.84]],
    ['Academic Program Pricing', 'Prices for universities and research labs.', [0.35, 0.45]],
    ['Channel Partner Pricing', 'Prices for authorized resellers and design partners.', [0.7, 0.76]],
    ['Public Sector Pricing', 'Prices for government agencies.', [0.86, 0.9]],
    ['Startup Accelerator Pricing', 'Prices for venture-backed startups in their first three years.', [0.55, 0.65]],
  ] as const) {
    defs.push({ name, description, kind: 'standing', fromMs: d(2019, 6, 1), toMs: d(2030, 12, 31), factor: [f[0], f[1]] });
  }
  return defs;
}

/** Industries of the companies that buy design software (standard Account.Industry values). */
export const B2B_INDUSTRIES = [
  ['Electronics', 6], ['Technology', 5], ['Manufacturing', 3], ['Telecommunications', 2], ['Energy', 1.5],
  ['Transportation', 1.5], ['Healthcare', 1], ['Engineering', 1.5], ['Education', 1], ['Government', 0.8], ['Utilities', 0.7],
] as const;

/** Words of company names ("Northgate Microsystems"); suffixes fit the industry. */
export const COMPANY_STEMS = [
  'Northgate', 'Bluecrest', 'Ironwood', 'Silverpine', 'Redhawk', 'Brightline', 'Keystone', 'Clearwater', 'Stonebridge', 'Highmark',
  'Lakeshore', 'Westbrook', 'Eastfield', 'Summitview', 'Oakridge', 'Pinecrest', 'Goldleaf', 'Riverbend', 'Foxglove', 'Copperfield',
  'Starling', 'Maplewood', 'Harborline', 'Crescent', 'Granitefall', 'Tidewater', 'Aspenwood', 'Falconer', 'Meridian', 'Windmere',
  'Kestrel', 'Larkspur', 'Obsidian', 'Quarry', 'Sablewood', 'Thornbury', 'Vantage', 'Wrenfield', 'Yarrow', 'Zenith',
] as const;

export const COMPANY_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  Electronics: ['Microsystems', 'Semiconductor', 'Electronics', 'Circuits', 'Devices'],
  Technology: ['Technologies', 'Labs', 'Systems', 'Computing', 'Digital'],
  Manufacturing: ['Industries', 'Manufacturing', 'Components', 'Controls'],
  Telecommunications: ['Networks', 'Communications', 'Wireless'],
  Energy: ['Energy', 'Power Systems', 'Grid Solutions'],
  Transportation: ['Mobility', 'Automotive', 'Aerospace'],
  Healthcare: ['Medical Devices', 'Health Technologies'],
  Engineering: ['Engineering', 'Design Group', 'Instruments'],
  Education: ['University Research Lab', 'Institute of Technology'],
  Government: ['Defense Systems', 'Research Agency'],
  Utilities: ['Utilities', 'Smart Meter Co.'],
};

/** Job titles of the buyer's people who open cases and sign orders. */
export const CONTACT_TITLES = [
  'Hardware Design Engineer', 'Senior Verification Engineer', 'CAD Manager', 'VP of Engineering', 'IT Administrator',
  'Procurement Manager', 'Power Integrity Engineer', 'Layout Designer', 'Engineering Director', 'Design Methodology Lead',
  'Chief Technology Officer', 'Test Engineer', 'Security Engineer', 'Data Analyst',
] as const;
