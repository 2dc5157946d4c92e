/**
 * CRMArena-Pro's B2C org sells to person accounts (reference/crmarena.md §12.2). Ours is a fictional
 * consumer-electronics brand, Lumivale Home Electronics: audio, TVs, smart home, kitchen and cleaning
 * appliances, personal care, wearables, computing accessories and chargers. Product names keep the
 * "<line> <attribute> <kind>" shape of the original catalog ("Aurelo Noise-Cancelling Wireless
 * Earbuds"), so a customer's paraphrase points at several products and the purchase history decides.
 */
import { d, type PricebookDef } from '../../generators/pricebooks.ts';
import type { CategoryDef } from '../../text/catalog-bank.ts';
import { DAY } from '../../time.ts';

export const B2C_COMPANY = { name: 'Lumivale Home Electronics', domain: 'lumivale-home.com' } as const;

export const B2C_CATEGORIES: readonly CategoryDef[] = [
  {
    name: 'Speakers & Soundbars', family: 'Audio', code: 'SPK',
    description: 'Smart speakers, soundbars and portable speakers for every room.',
    kinds: ['Smart Speaker', 'Soundbar', 'Bookshelf Speaker', 'Portable Speaker', 'Subwoofer'],
    attributes: ['Wireless', 'Compact', 'Waterproof', 'Voice-Controlled', 'Surround', 'Outdoor', 'Stereo', 'Pro'],
    features: ['room-filling sound with deep bass', 'built-in voice assistant support', 'multi-room pairing', 'a rechargeable battery for all-day play', 'a splash-proof fabric shell'],
    materials: ['recycled aluminum', 'acoustic fabric', 'a rigid polymer cabinet'],
    priceRange: [49, 499], peakMonths: [11, 12],
  },
  {
    name: 'Headphones & Earbuds', family: 'Audio', code: 'HPH',
    description: 'Wireless earbuds and headphones for commuting, workouts and gaming.',
    kinds: ['Wireless Earbuds', 'Over-Ear Headphones', 'Sport Earbuds', 'Gaming Headset', 'Kids Headphones'],
    attributes: ['Noise-Cancelling', 'Bluetooth', 'Sweatproof', 'Lightweight', 'Foldable', 'Low-Latency', 'Studio', 'Everyday'],
    features: ['active noise cancellation', 'a transparency mode for awareness', 'a pocket-size charging case', 'memory-foam ear cushions', 'a detachable boom microphone'],
    materials: ['soft-touch silicone', 'brushed aluminum', 'protein-leather cushions'],
    priceRange: [29, 349], peakMonths: [8, 11, 12],
  },
  {
    name: 'Televisions & Video', family: 'Video', code: 'TVP',
    description: 'Smart TVs, projectors and streaming devices for home entertainment.',
    kinds: ['Smart TV', 'Mini Projector', 'Streaming Stick', 'Media Box', 'TV Wall Mount'],
    attributes: ['Ultra-HD', 'OLED', 'Portable', 'HDR', 'Ultra-Slim', 'Gaming', 'Full-Motion', 'Frameless'],
    features: ['vivid HDR picture quality', 'a built-in streaming platform', 'a low-latency game mode', 'an auto-focus lens', 'a voice remote'],
    materials: ['a thin metal bezel', 'tempered glass', 'a steel frame'],
    priceRange: [39, 1499], peakMonths: [1, 11],
  },
  {
    name: 'Smart Home', family: 'Smart Home', code: 'SMH',
    description: 'Doorbells, cameras, thermostats, plugs and lights that work from one app.',
    kinds: ['Video Doorbell', 'Smart Thermostat', 'Smart Plug', 'Security Camera', 'Light Bulb Set'],
    attributes: ['Wi-Fi', 'Battery-Powered', 'Indoor', 'Outdoor', 'Energy-Saving', 'Motion-Sensing', 'Color', 'Hub-Free'],
    features: ['one-app control for every device', 'motion alerts on your phone', 'energy usage reports', 'two-way talk', 'scheduling and away modes'],
    materials: ['weather-resistant polycarbonate', 'a zinc alloy housing', 'a frosted diffuser'],
    priceRange: [19, 299], peakMonths: [10, 11],
  },
  {
    name: 'Kitchen Appliances', family: 'Appliances', code: 'KIT',
    description: 'Countertop appliances for quick meals, coffee and smoothies.',
    kinds: ['Air Fryer', 'Espresso Machine', 'Blender', 'Electric Kettle', 'Toaster Oven'],
    attributes: ['Digital', 'Compact', 'Family-Size', 'Programmable', 'Stainless', 'Quiet', 'High-Speed', 'Smart'],
    features: ['one-touch presets', 'a dishwasher-safe basket', 'precise temperature control', 'a keep-warm function', 'a removable water tank'],
    materials: ['brushed stainless steel', 'BPA-free plastic', 'borosilicate glass'],
    priceRange: [35, 599], peakMonths: [5, 11, 12],
  },
  {
    name: 'Home Cleaning', family: 'Appliances', code: 'CLN',
    description: 'Robot and cordless vacuums, air purifiers and steam cleaners.',
    kinds: ['Robot Vacuum', 'Cordless Vacuum', 'Air Purifier', 'Steam Mop', 'Dehumidifier'],
    attributes: ['Self-Emptying', 'Lightweight', 'Pet', 'HEPA', 'Quiet', 'Smart', 'Cordless', 'Whole-Home'],
    features: ['lidar room mapping', 'a self-emptying base', 'a sealed HEPA filter', 'a tangle-free brush roll', 'an auto mode driven by an air-quality sensor'],
    materials: ['impact-resistant ABS', 'a washable mesh filter', 'a stainless steel cyclone'],
    priceRange: [59, 799], peakMonths: [3, 4],
  },
  {
    name: 'Personal Care', family: 'Personal Care', code: 'PRC',
    description: 'Electric toothbrushes, trimmers, hair tools and smart scales.',
    kinds: ['Electric Toothbrush', 'Hair Dryer', 'Beard Trimmer', 'Smart Scale', 'Hair Straightener'],
    attributes: ['Sonic', 'Ionic', 'Rechargeable', 'Travel', 'Precision', 'Waterproof', 'Ceramic', 'Bluetooth'],
    features: ['a two-minute timer with quadrant pacing', 'ionic frizz control', 'self-sharpening blades', 'body composition readings in the app', 'a travel lock'],
    materials: ['ceramic-coated plates', 'medical-grade silicone', 'tempered glass'],
    priceRange: [25, 299], peakMonths: [1, 5, 12],
  },
  {
    name: 'Wearables', family: 'Wearables', code: 'WRB',
    description: 'Fitness trackers, smartwatches and sleep trackers.',
    kinds: ['Fitness Tracker', 'Smartwatch', 'Sleep Tracker', 'Kids Smartwatch', 'Smart Ring'],
    attributes: ['GPS', 'Waterproof', 'Slim', 'Solar', 'Sport', 'Premium', 'Heart-Rate', 'Always-On'],
    features: ['continuous heart-rate tracking', 'built-in GPS', 'sleep stage analysis', 'contactless payments', 'multi-day battery life'],
    materials: ['a titanium case', 'a soft silicone band', 'sapphire glass'],
    priceRange: [39, 449], peakMonths: [1, 11, 12],
  },
  {
    name: 'Computing Accessories', family: 'Computing', code: 'CMP',
    description: 'Keyboards, mice, webcams, hubs and portable monitors for home offices.',
    kinds: ['Wireless Keyboard', 'Webcam', 'Wireless Mouse', 'USB-C Hub', 'Portable Monitor'],
    attributes: ['Ergonomic', 'Mechanical', 'Full-HD', 'Multi-Device', 'Backlit', 'Silent', 'Travel', 'Pro'],
    features: ['multi-device switching', 'a full-HD sensor with auto light correction', 'quiet low-profile keys', 'pass-through charging', 'a fold-out stand'],
    materials: ['anodized aluminum', 'recycled plastic', 'a magnesium frame'],
    priceRange: [19, 349], peakMonths: [8, 9],
  },
  {
    name: 'Power & Charging', family: 'Accessories', code: 'CHG',
    description: 'Power banks, wireless chargers and charging stations.',
    kinds: ['Power Bank', 'Wireless Charger', 'Charging Station', 'Wall Charger', 'Charging Cable'],
    attributes: ['Fast-Charging', 'Magnetic', 'Compact', 'Travel', 'Braided', 'Three-in-One', 'Solar', 'Slim'],
    features: ['fast charging for phones and laptops', 'magnetic alignment', 'overheat protection', 'a built-in cable', 'an LED charge indicator'],
    materials: ['braided nylon', 'a soft-touch shell', 'an aluminum housing'],
    priceRange: [12, 149], peakMonths: [6, 12],
  },
];

export const B2C_RELATED: Readonly<Record<string, readonly string[]>> = {
  SPK: ['SMH', 'TVP'], HPH: ['WRB', 'CMP'], TVP: ['SPK', 'SMH'], SMH: ['SPK', 'CLN'], KIT: ['SMH'],
  CLN: ['SMH', 'KIT'], PRC: ['WRB'], WRB: ['HPH', 'PRC'], CMP: ['CHG', 'HPH'], CHG: ['CMP', 'WRB', 'HPH'],
};

export const B2C_PRODUCT_LINES = [
  'Aurelo', 'Brisa', 'Calyx', 'Dovra', 'Elmira', 'Fenwick', 'Glimra', 'Hollis', 'Irisa', 'Juno',
  'Kestra', 'Lunette', 'Mirabel', 'Norra', 'Orla', 'Pellin', 'Quilla', 'Rovena', 'Solenne', 'Tavi',
  'Umbra', 'Velin', 'Wrenna', 'Zola',
] as const;

export const B2C_COLORS = ['Midnight Black', 'Arctic White', 'Graphite', 'Sage Green', 'Sandstone', 'Ocean Blue', 'Rose Gold', 'Silver', 'Coral', 'Slate'] as const;

const FAMILY_BY_KIND = new Map(B2C_CATEGORIES.flatMap((c) => c.kinds.map((k) => [k, c.family] as const)));
export const b2cFamilyOfKind = (kind: string): string => FAMILY_BY_KIND.get(kind) ?? 'Accessories';

/** Price books of a consumer brand: seasonal catalogs, sale events and member programs. */
export function b2cPricebooks(): PricebookDef[] {
  const defs: PricebookDef[] = [
    { name: 'Standard Price Book', description: 'List prices for every product.', kind: 'standard', fromMs: d(2019, 1, 1), toMs: d(2030, 12, 31), factor: [1, 1] },
  ];
  const seasons: [string, number, number][] = [['Spring', 3, 5], ['Summer', 6, 8], ['Fall', 9, 11]];
  defs.push({ name: 'Winter 2019 Catalog', description: 'Winter 2019-2020 catalog prices.', kind: 'season', fromMs: d(2019, 12, 1), toMs: d(2020, 3, 1) - DAY, factor: [0.95, 1.05] });
  for (let y = 2020; y <= 2024; y++) {
    for (const [s, m0, m1] of seasons) {
      if (y === 2024 && s === 'Fall') continue;
      defs.push({ name: `${s} ${y} Catalog`, description: `${s} ${y} catalog prices.`, kind: 'season', fromMs: d(y, m0, 1), toMs: d(y, m1 + 1, 1) - DAY, factor: [0.95, 1.05] });
    }
    if (y < 2024) defs.push({ name: `Winter ${y} Catalog`, description: `Winter ${y}-${y + 1} catalog prices.`, kind: 'season', fromMs: d(y, 12, 1), toMs: d(y + 1, 3, 1) - DAY, factor: [0.95, 1.05] });
  }
  for (let y = 2020; y <= 2023; y++) {
    defs.push({ name: `New Year Tech Sale ${y}`, description: 'January deals on wearables and personal care.', kind: 'promo', fromMs: d(y, 1, 2), toMs: d(y, 1, 15), factor: [0.8, 0.88] });
    defs.push({ name: `Spring Home Refresh ${y}`, description: 'Spring deals on cleaning and smart home.', kind: 'promo', fromMs: d(y, 3, 20), toMs: d(y, 4, 5), factor: [0.82, 0.9] });
    defs.push({ name: `Summer Sound Sale ${y}`, description: 'Summer deals on speakers and headphones.', kind: 'promo', fromMs: d(y, 7, 10), toMs: d(y, 7, 25), factor: [0.75, 0.85] });
    defs.push({ name: `Back to School ${y}`, description: 'Back-to-school deals on computing accessories.', kind: 'promo', fromMs: d(y, 8, 11), toMs: d(y, 9, 5), factor: [0.82, 0.9] });
    defs.push({ name: `Black Friday ${y}`, description: 'Black Friday and Cyber Monday deals.', kind: 'promo', fromMs: d(y, 11, 20), toMs: d(y, 12, 2), factor: [0.6, 0.75] });
    defs.push({ name: `Holiday Gift Guide ${y}`, description: 'Holiday season prices.', kind: 'promo', fromMs: d(y, 12, 3), toMs: d(y, 12, 24), factor: [0.85, 0.95] });
  }
  for (const [name, description, f] of [
    ['Lumivale Plus Member Pricing', 'Prices for Lumivale Plus members.', [0.88, 0.92]],
    ['Certified Refurbished Pricing', 'Prices for certified refurbished devices.', [0.6, 0.7]],
    ['Employee Pricing', 'Employee purchase program.', [0.55, 0.6]],
    ['Student Pricing', 'Prices for verified students.', [0.85, 0.9]],
    ['Trade-In Program Pricing', 'Prices after a trade-in credit.', [0.75, 0.82]],
  ] as const) {
    defs.push({ name, description, kind: 'standing', fromMs: d(2019, 6, 1), toMs: d(2030, 12, 31), factor: [f[0], f[1]] });
  }
  return defs;
}
