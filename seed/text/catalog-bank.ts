/**
 * The catalog's vocabulary: 12 categories, each with the kinds of product it sells, the features and
 * materials its descriptions draw from, and the months its sales peak. Product names combine a
 * product line, an attribute and a kind ("Ridgeline Waterproof Hiking Boot"), so a paraphrase such as
 * "my waterproof hiking boots" points at one of a customer's purchases (CRMArena's NED task).
 */
export type Family = 'Footwear' | 'Apparel' | 'Accessories';

export interface CategoryDef {
  name: string;
  /** Product2.Family of the category's products (Family for the retailer; a theme's own words otherwise). */
  family: string;
  code: string;
  description: string;
  kinds: readonly string[];
  attributes: readonly string[];
  features: readonly string[];
  materials: readonly string[];
  priceRange: readonly [number, number];
  /** Months (1-12) when this category sells most. */
  peakMonths: readonly number[];
}

export const CATEGORIES: readonly CategoryDef[] = [
  {
    name: 'Running Shoes', family: 'Footwear', code: 'RUN',
    description: 'Road running shoes for daily training, tempo runs and race day.',
    kinds: ['Running Shoe', 'Racing Flat', 'Road Trainer', 'Stability Runner', 'Marathon Shoe'],
    attributes: ['Lightweight', 'Cushioned', 'Carbon-Plate', 'Responsive', 'Wide-Fit', "Women's", "Men's", 'Reflective'],
    features: ['a responsive foam midsole that returns energy with every stride', 'an engineered mesh upper that keeps feet cool', 'a durable rubber outsole with a flex-groove pattern', 'a padded heel collar for a locked-in fit', 'reflective details for low-light runs'],
    materials: ['engineered mesh', 'recycled knit', 'breathable jacquard mesh'],
    priceRange: [79, 189], peakMonths: [1, 3, 4],
  },
  {
    name: 'Trail & Hiking Footwear', family: 'Footwear', code: 'TRL',
    description: 'Grippy trail runners and supportive hiking boots for rough terrain.',
    kinds: ['Hiking Boot', 'Trail Runner', 'Approach Shoe', 'Hiking Shoe', 'Backpacking Boot'],
    attributes: ['Waterproof', 'Mid-Cut', 'Lightweight', 'All-Terrain', "Women's", "Men's", 'Insulated', 'Vibram-Sole'],
    features: ['a waterproof breathable membrane that keeps water out', 'deep multidirectional lugs for grip on loose ground', 'a protective rubber toe cap', 'a cushioned EVA midsole with a rock plate', 'a gusseted tongue that keeps debris out'],
    materials: ['nubuck leather', 'abrasion-resistant nylon', 'suede and mesh'],
    priceRange: [99, 229], peakMonths: [5, 6, 9],
  },
  {
    name: 'Casual Sneakers', family: 'Footwear', code: 'SNK',
    description: 'Everyday sneakers with retro and modern silhouettes.',
    kinds: ['Sneaker', 'Canvas Low-Top', 'Slip-On', 'High-Top', 'Court Shoe'],
    attributes: ['Retro', 'Classic', 'Platform', 'Leather', 'Vegan', "Women's", "Men's", 'Everyday'],
    features: ['a vulcanized rubber sole', 'a cushioned memory-foam insole', 'a padded collar and tongue', 'contrast stitching and a heel pull tab', 'a removable footbed'],
    materials: ['cotton canvas', 'full-grain leather', 'vegan leather'],
    priceRange: [49, 139], peakMonths: [4, 8, 11],
  },
  {
    name: 'Boots', family: 'Footwear', code: 'BOT',
    description: 'Weatherproof and fashion boots for the colder months.',
    kinds: ['Chelsea Boot', 'Winter Boot', 'Work Boot', 'Rain Boot', 'Ankle Boot', 'Duck Boot'],
    attributes: ['Shearling-Lined', 'Waterproof', 'Insulated', 'Steel-Toe', "Women's", "Men's", 'Heritage', 'Lug-Sole'],
    features: ['a fully seam-sealed waterproof construction', 'warm faux-shearling lining rated to -20°F', 'a slip-resistant lug outsole', 'elastic side gores for easy on and off', 'a cushioned removable footbed'],
    materials: ['oiled leather', 'waterproof suede', 'natural rubber'],
    priceRange: [89, 249], peakMonths: [10, 11, 12],
  },
  {
    name: 'Sandals & Slides', family: 'Footwear', code: 'SDL',
    description: 'Sandals, slides and flip-flops for warm days and recovery.',
    kinds: ['Sandal', 'Slide', 'Flip-Flop', 'Sport Sandal', 'Recovery Slide'],
    attributes: ['Cushioned', 'Adjustable', 'Water-Ready', 'Cork-Footbed', "Women's", "Men's", 'Quick-Dry', 'Strappy'],
    features: ['a contoured cork footbed', 'adjustable hook-and-loop straps', 'a quick-drying webbing upper', 'a soft recovery foam sole', 'a grippy outsole for wet surfaces'],
    materials: ['recycled webbing', 'cork and latex', 'EVA foam'],
    priceRange: [29, 99], peakMonths: [5, 6, 7],
  },
  {
    name: "Women's Athletic Wear", family: 'Apparel', code: 'WAW',
    description: 'Performance tops, bras and bottoms for women who train.',
    kinds: ['Sports Bra', 'Running Tank', 'Training Shorts', 'Track Jacket', 'Running Tights', 'Crop Top'],
    attributes: ['High-Support', 'Medium-Support', 'Sweat-Wicking', 'Seamless', 'Pocketed', 'Cropped', 'Reflective', 'Compression'],
    features: ['four-way stretch fabric that moves with you', 'sweat-wicking fibers that dry fast', 'flatlock seams to prevent chafing', 'a hidden key pocket', 'a removable pad set'],
    materials: ['nylon-spandex blend', 'recycled polyester', 'brushed jersey'],
    priceRange: [29, 119], peakMonths: [1, 3, 5],
  },
  {
    name: "Men's Athletic Wear", family: 'Apparel', code: 'MAW',
    description: 'Training tees, shorts and layers for men.',
    kinds: ['Training Tee', 'Running Shorts', 'Joggers', 'Compression Shirt', 'Quarter-Zip', 'Gym Hoodie'],
    attributes: ['Sweat-Wicking', 'Lightweight', 'Stretch', 'Anti-Odor', 'Lined', 'Tapered', 'Thermal', 'Performance'],
    features: ['an anti-odor finish', 'a lightweight quick-dry knit', 'a zippered back pocket', 'an elastic waistband with drawcord', 'raglan sleeves for free movement'],
    materials: ['polyester-spandex knit', 'recycled polyester', 'cotton-blend fleece'],
    priceRange: [25, 99], peakMonths: [1, 4, 9],
  },
  {
    name: 'Outdoor Apparel', family: 'Apparel', code: 'OUT',
    description: 'Layers and pants for hiking, camping and the trail.',
    kinds: ['Hiking Pants', 'Fleece Pullover', 'Base Layer Top', 'Softshell Vest', 'Sun Hoodie', 'Convertible Pants'],
    attributes: ['Merino', 'UPF 50', 'Water-Resistant', 'Packable', 'Ripstop', 'Thermal', 'Grid-Fleece', 'Breathable'],
    features: ['UPF 50 sun protection', 'a DWR finish that sheds light rain', 'zippered hand pockets', 'a gusseted crotch for mobility', 'a merino blend that regulates temperature'],
    materials: ['ripstop nylon', 'merino wool blend', 'recycled grid fleece'],
    priceRange: [39, 159], peakMonths: [4, 5, 9],
  },
  {
    name: 'Yoga & Studio', family: 'Apparel', code: 'YGA',
    description: 'Soft, stretchy pieces for yoga, pilates and barre.',
    kinds: ['Yoga Leggings', 'Yoga Tank', 'Studio Wrap', 'Yoga Mat', 'Studio Shorts', 'Flow Pants'],
    attributes: ['High-Rise', 'Buttery-Soft', 'Seamless', 'Eco', 'Non-Slip', 'All-Around', 'Ribbed', 'Cloud'],
    features: ['a high-rise waistband that stays put', 'a buttery-soft brushed finish', 'squat-proof opaque fabric', 'a non-slip natural rubber surface', 'a gusset for full range of motion'],
    materials: ['brushed nylon-lycra', 'organic cotton blend', 'natural tree rubber'],
    priceRange: [35, 129], peakMonths: [1, 2, 9],
  },
  {
    name: 'Outerwear & Jackets', family: 'Apparel', code: 'JKT',
    description: 'Rain shells, puffers and parkas for every forecast.',
    kinds: ['Rain Jacket', 'Down Parka', 'Windbreaker', 'Puffer Vest', 'Insulated Jacket', 'Trench Coat'],
    attributes: ['Waterproof', '700-Fill', 'Packable', 'Storm', 'Hooded', 'Quilted', 'Recycled', 'Windproof'],
    features: ['fully taped seams and a 2.5-layer waterproof shell', '700-fill responsibly sourced down', 'a helmet-compatible adjustable hood', 'pit zips for ventilation', 'packs into its own pocket'],
    materials: ['recycled ripstop nylon', 'waxed cotton', 'waterproof-breathable polyester'],
    priceRange: [69, 299], peakMonths: [10, 11, 12],
  },
  {
    name: "Kids' Collection", family: 'Footwear', code: 'KID',
    description: 'Durable shoes and clothes for kids on the move.',
    kinds: ["Kids' Sneaker", "Kids' Rain Boot", "Kids' Hoodie", "Kids' Play Shorts", "Kids' Light-Up Shoe", "Kids' Snow Boot"],
    attributes: ['Easy-On', 'Light-Up', 'Glow', 'Puddle-Proof', 'Adventure', 'Reinforced', 'Playground', 'Cozy'],
    features: ['hook-and-loop straps kids can close themselves', 'a reinforced toe for scuff protection', 'machine-washable construction', 'non-marking rubber outsoles', 'LED lights that flash with each step'],
    materials: ['durable canvas', 'soft cotton fleece', 'natural rubber'],
    priceRange: [24, 79], peakMonths: [8, 9, 12],
  },
  {
    name: 'Accessories & Bags', family: 'Accessories', code: 'ACC',
    description: 'Socks, bags, hats and insoles that complete the kit.',
    kinds: ['Running Socks', 'Daypack', 'Ball Cap', 'Gym Duffel', 'Insoles', 'Beanie', 'Hydration Belt'],
    attributes: ['Cushioned', 'Merino', 'Water-Resistant', 'Trail', 'Reflective', 'Packable', 'Performance', 'Orthotic'],
    features: ['a padded laptop sleeve', 'arch support that reduces fatigue', 'moisture-wicking merino fibers', 'a water-resistant coated base', 'an adjustable strap closure'],
    materials: ['merino wool blend', 'recycled nylon', 'coated polyester'],
    priceRange: [12, 89], peakMonths: [11, 12, 8],
  },
];

/** Product lines: invented one-word names that prefix every product (the rest of the name describes it). */
export const PRODUCT_LINES = [
  'AeroStride', 'TerraGrip', 'CloudStep', 'Ridgeline', 'SwiftPace', 'Harborview', 'Alpenglow', 'Urbanite',
  'FlexCore', 'Summitline', 'Coastline', 'Emberline', 'Nimbus', 'Granite', 'Velocity', 'Meadowlark',
  'Driftwood', 'Polaris', 'Sierra', 'Tempo', 'Breezeway', 'Canyonland', 'Lumen', 'Willow',
  'Zephyr', 'Basecamp', 'Northbound', 'Riverstone', 'Solstice', 'Trailhead', 'Cascade', 'Juniper',
] as const;

export const COLORS = ['Black', 'Navy', 'Slate Grey', 'Forest Green', 'Sand', 'Burgundy', 'Ocean Blue', 'Coral', 'White', 'Olive'] as const;

/** 45 price books: the standard book plus seasonal catalogs and promotions (reference/crmarena.md §2.1). */
export const PRICEBOOK_SEASONS = ['Spring', 'Summer', 'Fall', 'Winter'] as const;

const FOOTWEAR_KIND = /Shoe|Boot|Sneaker|Runner|Trainer|Flat|Sandal|Slide|Flip-Flop|Slip-On|High-Top|Low-Top/;
const ACCESSORY_KIND = /Mat|Socks|Insoles|Beanie|Cap|Daypack|Duffel|Belt/;

/** Product2.Family of a product kind: a kids' hoodie is apparel, a yoga mat an accessory. */
export function familyOfKind(kind: string): Family {
  return FOOTWEAR_KIND.test(kind) ? 'Footwear' : ACCESSORY_KIND.test(kind) ? 'Accessories' : 'Apparel';
}
